# Declarations at module level: `global` is allowed (and changes the scope
# to GLOBAL_EXPLICIT), an annotated global is fine there.
global declared
declared = 1
declared: int = 2
plain = declared + undefined
del plain


def f():
    return declared, plain
