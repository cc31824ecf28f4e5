s = "\N{LATIN"
