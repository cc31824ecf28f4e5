def f():
    s = "éé"; from os import *
