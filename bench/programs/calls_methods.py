# Method calls on instances: bound methods reading and returning instance state.
class Counter:
    def __init__(self, step):
        self.value = 0
        self.step = step

    def advance(self):
        self.value += self.step
        return self.value

    def scaled(self, factor):
        return self.value * factor


def run(rounds):
    counters = [Counter(1), Counter(3), Counter(7)]
    checksum = 0
    for i in range(rounds):
        counter = counters[i % 3]
        counter.advance()
        checksum = (checksum + counter.scaled(2)) % 1000003
    return checksum


print(run(3000000))
