"""Module docstring."""
def f():
    """Function docstring.

    More text.
    """
    return 1
class C:
    r"""Raw docstring \n"""
    def m(self):
        b"""not a docstring"""
        f"""f not a docstring {x}"""
"""trailing string statement"""
