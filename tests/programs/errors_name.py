# A NameError ends the program with status 1 after what it printed.
print("before")
print(not_defined)
print("after")
