# Integers growing past 64 bits: multiplication of arbitrary-precision values.
def grow(rounds):
    value = 1
    n = 0
    while n < rounds:
        value = value * 3 + 1
        n += 1
    return value


result = grow(60000)
print(result > 0)
