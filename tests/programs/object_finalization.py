import _weakref as weakref
class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

r = Resource("a")
r = None
print("after a")
def scope():
    x = Resource("b")
    print("in scope")
scope()
print("after scope")
class Node:
    pass
n = Node()
w = weakref.ref(n, lambda ref: print("callback, dead:", ref() is None))
print(w() is n, weakref.getweakrefcount(n), w is weakref.ref(n))
del n
print("after del", w())
keep = Resource("module-level")
lst = [Resource("in list")]
lst.pop()
print("end")
