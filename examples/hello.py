"""Garter's first example: a small program that uses a bit of everything."""


def greet(name: str, *, punctuation: str = "!") -> str:
    return f"Hello, {name}{punctuation}"


if __name__ == "__main__":
    for who in ["world", "Garter"]:
        print(greet(who))
