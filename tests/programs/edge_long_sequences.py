# Very long strings and lists: building, searching, slicing, sorting (stable),
# joining and comparing, with sizes well past any small-buffer path.
import sys

n = 50_000
big = list(range(n))
print(len(big), big[-1], big[n // 2], sum(big), big[::5000], big[-3:], len(big[::7]))
big.reverse()
print(big[:3], big.index(0), 49_999 in big, -1 in big)
big.sort()
print(big[:3] == [0, 1, 2], big == list(range(n)), sorted(big, reverse=True)[:2])
pairs = [(i % 10, i) for i in range(20_000)]
pairs.sort(key=lambda p: p[0])
print(pairs[:3], pairs[-2:], all(pairs[i][1] < pairs[i + 1][1] for i in range(len(pairs) - 1) if pairs[i][0] == pairs[i + 1][0]))
mixed = [str(i) for i in range(30_000)]
mixed.sort()
print(mixed[:5], mixed[-2:], len(mixed))
repeated = [0] * 1_000_000
repeated[500_000] = 1
print(len(repeated), repeated.count(1), repeated.index(1), repeated[-1])
del repeated[::2]
print(len(repeated), repeated.index(1) if 1 in repeated else "gone")
nested = [[i] for i in range(30_000)]
print(len(nested), nested[-1], [x for sub in nested[:3] for x in sub])
print(list(range(300_000))[-1], len(tuple(big)), tuple(big)[-1], len(set(big)), len(dict.fromkeys(big)))

text = "ab" * 200_000
print(len(text), text[-3:], text.count("ab"), text.find("ba"), text.rfind("ab"), text[199_999:200_003])
needle = text[:100_000] + "needle" + text[:100_000]
print(needle.find("needle"), needle.index("needle"), "needle" in needle, needle.count("a"), len(needle.split("needle")[1]))
print(len(text.replace("ab", "abc")), text.upper()[:4], len(text.encode()), text.encode()[-2:], hash(text) == hash("ab" * 200_000))
joined = ",".join(str(i) for i in range(50_000))
print(len(joined), joined[-13:], len(joined.split(",")), joined.split(",")[12345])
lines = "\n".join(["line"] * 100_000)
print(len(lines.splitlines()), lines.count("\n"), lines[-4:])
wide = "\U0001F600" * 300_000
print(len(wide), len(wide.encode("utf-8")), wide[150_000] == "\U0001F600", (wide + "x")[-2:], wide.find("x"))
print("a" * 500_000 == "a" * 500_000, "a" * 500_000 < "a" * 500_001, len("x" * 2**22))
print(sys.getsizeof(big) > n, sys.getsizeof(text) > len(text))
