class Evil:
    def __init__(self, victim): self.victim = victim
    def __eq__(self, other):
        self.victim.clear()
        return False
a = []
a.extend([Evil(a), 1, 2])
b = [Evil(a), 1, 2]
print(a == b, a, len(b))
x = [1, 2, 3]; y = [1, 2, 4]
print(x < y, x == [1, 2, 3], [] < [1], [1, [2]] == [1, [2]])
