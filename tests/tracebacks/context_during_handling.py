class CustomError(Exception):
    pass

def parse(text):
    return int(text)

try:
    parse("not a number")
except ValueError:
    values = [1, 2, 3]
    raise CustomError("bad input: " + str(values[1:]))
