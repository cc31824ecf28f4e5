# Small-int arithmetic: + - * // % & | ^ << >> and comparisons on values below 2**30.
def run(rounds):
    a, b, acc = 12345, 678, 0
    for i in range(rounds):
        a = (a * 31 + i) % 65521
        b = (b ^ (a >> 3)) & 0xFFFF
        acc = (acc + (a // 7) - (b % 13) + ((a | b) << 2)) % 1000003
        if a < b:
            acc += 1
    return a, b, acc


print(run(2500000))
