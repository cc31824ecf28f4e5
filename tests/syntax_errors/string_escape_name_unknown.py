s = "\N{nope}"
