x = """abc

foo
