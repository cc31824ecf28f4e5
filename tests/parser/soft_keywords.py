match = 1
case = 2
_ = 3
match.x = 4
match[1] = 5
match(1)
match, case = 1, 2
print(match, case, _)
def match(case): return case
class case: pass
match = match if case else match
match -x:
    case case:
        pass
match match:
    case match:
        pass
type = 1
type(x)
