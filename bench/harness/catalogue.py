"""Every benchmark bench/run.py knows, as the arguments given to an interpreter.

Groups, each with its own rows and geometric mean in the table:
  startup        `-c pass`, `-S -c pass` and `-c "import unittest"`: the cost of
                 starting up;
  micro          bench/programs/*.py, small programs of our own;
  pyperformance  pyperformance's pure-Python benchmarks, unmodified, under the
                 pyperf stand-in in bench/pyperf_stub;
  gil            bench/gil/*.py when that folder exists: the GIL and convoy
                 demonstrations join the table the same way as micro programs.
Every program must print something deterministic that shows it computed the
right thing; bench/run.py compares it between the interpreters.
"""
import math
import os
from dataclasses import dataclass, field

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYPERF_STUB = os.path.join(BENCH, "pyperf_stub")
PROBES = os.path.join(BENCH, "pyperformance", "probes")

# pyperformance benchmark -> loops per process, chosen so that one process takes
# about 0.7-1.2 s under CPython 3.11 on the development machine.
PYPERFORMANCE_LOOPS = {
    "nbody": 8,
    "richards": 15,
    "spectral_norm": 6,
    "fannkuch": 2,
    "float": 7,
    "chaos": 9,
    "nqueens": 7,
    "deltablue": 180,
    "raytrace": 3,
    "go": 8,
    "hexiom": 150,
    "unpack_sequence": 30000,
    "generators": 20,
    "coroutines": 40,
}

# `-S` (no site module) as well: here CPython's site-packages hold .pth hooks
# (certifi's took 24 ms of a 36 ms start-up) that Garter's site would not find.
STARTUP = [("-c pass", ["-c", "pass"]),
           ("-S -c pass", ["-S", "-c", "pass"]),
           ("-c 'import unittest'", ["-c", "import unittest"])]


@dataclass
class Benchmark:
    group: str
    name: str
    arguments: list                    # what follows the interpreter on the command line
    env: dict = field(default_factory=dict)
    probe: list = None                 # arguments of an untimed run whose output is compared too
    probe_env: dict = field(default_factory=dict)
    repeat: int = None                 # runs per interpreter, when not --repeat


def startup_benchmarks(repeat):
    return [Benchmark("startup", name, arguments, repeat=repeat) for name, arguments in STARTUP]


def program_benchmarks(folder, group):
    if not os.path.isdir(folder):
        return []
    names = sorted(name for name in os.listdir(folder) if name.endswith(".py"))
    return [Benchmark(group, name[:-3], [os.path.join(folder, name)]) for name in names]


def pyperformance_benchmarks(benchmarks_folder, scale=1.0):
    chosen = []
    for name, loops in PYPERFORMANCE_LOOPS.items():
        folder = os.path.join(benchmarks_folder, "bm_" + name)
        env = {"PYTHONPATH": PYPERF_STUB,
               "PYPERF_STUB_LOOPS": str(max(1, math.ceil(loops * scale))),
               "PYPERF_STUB_VALUES": "1",
               "PYPERF_STUB_WARMUPS": "0"}
        probe_path = os.path.join(PROBES, name + ".py")
        probe, probe_env = None, {}
        if os.path.exists(probe_path):
            probe = [probe_path]
            probe_env = dict(env, PYTHONPATH=PYPERF_STUB + os.pathsep + folder,
                             PYPERF_STUB_LOOPS="1")
        chosen.append(Benchmark("pyperformance", name,
                                [os.path.join(folder, "run_benchmark.py")], env,
                                probe, probe_env))
    return chosen
