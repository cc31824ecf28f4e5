"""GIL row: io_beside_cpu.py run with the GIL trace on (gil.start_trace, the JSON
made at the end), so that its time against io_beside_cpu is what tracing costs.
Under CPython, which has no `gil` module, it is the same program untraced."""
import os

try:
    import gil
except ImportError:
    gil = None
if gil is not None:
    gil.start_trace()

program = os.path.join(os.path.dirname(os.path.abspath(__file__)), "io_beside_cpu.py")
with open(program) as source:
    exec(compile(source.read(), program, "exec"), {"__name__": "__main__"})
trace_ok = True
if gil is not None:
    trace_ok = '"blocking: sleep"' in gil.stop_trace()
print("trace:", trace_ok)
