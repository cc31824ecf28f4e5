"""How many loops, values and warm-ups a benchmark runs.

Fixed numbers instead of pyperf's calibration, so that both interpreters do the
same work. Defaults can be set through the environment (what bench/run.py uses)
and overridden on the command line with pyperf's own option names.
"""
import os

DEFAULTS = {"loops": 1, "values": 1, "warmups": 0}
ENVIRONMENT_NAMES = {
    "loops": "PYPERF_STUB_LOOPS",
    "values": "PYPERF_STUB_VALUES",
    "warmups": "PYPERF_STUB_WARMUPS",
}
# pyperf's spellings, so `run_benchmark.py -l 5 -n 3` means the same as under pyperf.
COMMAND_LINE_NAMES = {
    "loops": ("-l", "--loops"),
    "values": ("-n", "--values"),
    "warmups": ("-w", "--warmups"),
}


def from_environment():
    settings = {}
    for key, default in DEFAULTS.items():
        text = os.environ.get(ENVIRONMENT_NAMES[key])
        settings[key] = default if text is None or text == "" else int(text)
    return settings
