x = f"""{a
