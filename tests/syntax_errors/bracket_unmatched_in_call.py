print(len(x)))
