# Modules are cached in __pycache__ and the cached code is used on the next import.
import sys

sys.dont_write_bytecode = False
import pycache_pkg.sample as first

print(first.compute(5), first.compute(8), first.Shape().describe())
first_code = first.compute.__code__

# Forget the module: the next import reads the file written by the first one.
del sys.modules['pycache_pkg.sample']
del sys.modules['pycache_pkg']
import pycache_pkg.sample as second

print(second is first, second.compute(5), second.compute(8), second.Shape().describe())
print(second.compute.__code__ == first_code, second.compute.__code__.co_filename == first_code.co_filename)
print(second.__name__, second.__dict__['__doc__'])
print(sys.implementation.cache_tag[-4:])
