source = "x = (1,\n"
compiled = compile(source, "<snippet>", "exec")
