# List and dict operations: append, index, slice, dict set/get/update, iteration.
def run(rounds):
    checksum = 0
    for r in range(rounds):
        items = []
        for i in range(50):
            items.append(i * r % 97)
        table = {}
        for i, value in enumerate(items):
            table[value] = table.get(value, 0) + i
        head = items[:10]
        items.sort()
        checksum = (checksum + len(table) + sum(head) + items[25] + table[items[-1]]) % 1000003
        for key in table:
            checksum = (checksum + key) % 1000003
    return checksum


print(run(60000))
