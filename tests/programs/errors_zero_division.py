# ZeroDivisionError ends the program with status 1.
print(10 // 4)
print(1 / 0)
