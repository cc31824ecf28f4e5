# importlib's pure-Python bootstrap runs over _imp: the packages that import
# importlib (inspect, dataclasses, unittest) load, and _imp's primitives
# answer as CPython's do for built-in, frozen and unknown modules.
import sys
import _imp
import importlib
import importlib.util
import importlib.machinery
import inspect
import dataclasses
import unittest

print(importlib.__name__, importlib.util.__name__, inspect.__name__, dataclasses.__name__, unittest.__name__)
print("_imp" in sys.builtin_module_names, "_warnings" in sys.builtin_module_names, "_thread" in sys.builtin_module_names)

for name in ("sys", "builtins", "_thread", "_warnings", "_weakref", "no_such_module"):
    print(name, _imp.is_builtin(name), _imp.is_frozen(name), _imp.find_frozen(name))

spec = importlib.machinery.BuiltinImporter.find_spec("_thread")
print(spec.name, spec.origin, spec.loader.__name__)
print(importlib.machinery.BuiltinImporter.find_spec("no_such_module"))
module = importlib.util.module_from_spec(spec)
print(module.__name__, hasattr(module, "allocate_lock"))

print(type(_imp.extension_suffixes()).__name__, _imp.check_hash_based_pycs, type(_imp._frozen_module_names()).__name__)
h = _imp.source_hash(3495, b"print('hi')\n")
print(type(h).__name__, len(h), h == _imp.source_hash(3495, b"print('hi')\n"), h != _imp.source_hash(3495, b"x"))

print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
_imp.release_lock()
print(_imp.lock_held())
for call in (_imp.release_lock, lambda: _imp.get_frozen_object("nope"), lambda: _imp.is_frozen_package("nope"),
             lambda: _imp.is_builtin(3), lambda: _imp.acquire_lock(1)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

import json
print(importlib.import_module("json") is json, importlib.import_module(".decoder", "json").__name__)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(importlib.util.MAGIC_NUMBER == (3495).to_bytes(2, "little") + b"\r\n")
print(importlib.util.cache_from_source("/tmp/pkg/mod.py").endswith("__pycache__/mod." + sys.implementation.cache_tag + ".pyc"))
print(inspect.signature(lambda a, b=2, *c, d, **e: None))

@dataclasses.dataclass
class Point:
    x: int
    y: int = 0

print(Point(1), Point(1, 2) == Point(1, 2))

# A directory put on sys.path at run time is searched (unittest discovery does this).
import os
import tempfile
with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, "garter_path_probe.py"), "w") as file:
        file.write("VALUE = 42\n")
    sys.path.insert(0, folder)
    try:
        import garter_path_probe
        print(garter_path_probe.VALUE)
    finally:
        sys.path.remove(folder)
        sys.modules.pop("garter_path_probe", None)

# importlib's own finders reach modules not imported yet.
colorsys = importlib.import_module("colorsys")
print(colorsys.__name__, colorsys.__spec__.name, colorsys.__spec__.origin.endswith("colorsys.py"))
print(importlib.util.find_spec("no_such_module_here"), importlib.util.find_spec("email.mime").submodule_search_locations[0].endswith("email/mime"))
print(importlib.import_module(".mime.text", "email").__name__, importlib.import_module("xml.dom.minidom").__name__)
for name in ("no_such_module_here", "no_such_package.sub", "colorsys.sub"):
    try:
        importlib.import_module(name)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
