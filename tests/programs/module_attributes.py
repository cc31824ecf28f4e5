"""Module doc."""
import sys, os
print(repr(sys.modules[__name__].__doc__), os.__doc__.splitlines()[0])
import types
m = types.ModuleType("made", "made doc")
print(m.__doc__, m.__name__, m.__dict__["__doc__"])
m.__doc__ = "changed"
print(m.__doc__)
# Imports follow sys.path as the program changes it.
import tempfile
folder = tempfile.mkdtemp()
with open(os.path.join(folder, "path_probe_mod.py"), "w") as f:
    f.write("value = 42\n")
sys.path.insert(0, folder)
import path_probe_mod
print(path_probe_mod.value)
sys.path.remove(folder)
try:
    import path_probe_missing
except ImportError as e:
    print(type(e).__name__, e)
os.remove(os.path.join(folder, "path_probe_mod.py"))
