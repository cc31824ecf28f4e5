# tuple(t) and t * 1 give back an exact tuple itself; repeats too big to
# allocate raise MemoryError (list, tuple) or OverflowError (str).
t = (1, 2, 3)
print(tuple(t) is t, t * 1 is t, 1 * t is t, t * 2 == (1, 2, 3, 1, 2, 3), t * 0, t * -1)

class T(tuple):
    pass

s = T((1, 2))
print(type(tuple(s)).__name__, tuple(s) is s, type(s * 1).__name__, s * 1 is s)
print(list(t) is t, type(t[:]) is tuple)

for sequence in ([1, 2], (1, 2), "ab"):
    for times in (2**62, 2**63 - 1):
        try:
            sequence * times
        except (MemoryError, OverflowError) as error:
            print(type(sequence).__name__, type(error).__name__, error)
    try:
        sequence * 2**64
    except (MemoryError, OverflowError) as error:
        print(type(sequence).__name__, type(error).__name__, error)
print([] * 2**62, () * 2**62, "" * 2**62)
