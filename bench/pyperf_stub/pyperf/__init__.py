"""A small stand-in for pyperf, enough for pyperformance's run_benchmark.py files.

The real pyperf calibrates loop counts, spawns worker processes and computes
statistics; that needs much of the standard library and would measure a
different amount of work under each interpreter. This stand-in runs a fixed
number of loops in the current process, so Garter and CPython do exactly the
same work, and prints one machine-readable line per benchmark for bench/run.py
(see _report.py). It is kept to plain Python with few imports (os, sys, time)
so that Garter can run it early.
"""
from time import perf_counter
from pyperf._runner import Runner

__all__ = ["Runner", "perf_counter"]
VERSION = (2, 6, 0)
__version__ = "2.6.0-garter-stub"
