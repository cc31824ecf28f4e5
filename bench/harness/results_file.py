"""The machine-readable record of one bench/run.py run (JSON)."""
import datetime
import json
import os
import subprocess

from harness import same_result


def _side(comparison, runs, error):
    return {"seconds": [run.seconds for run in runs],
            "cpu_seconds": [run.cpu_seconds for run in runs],
            "best_seconds": comparison.best_seconds(runs),     # of the --metric in settings
            "max_rss_kib": comparison.peak_kib(runs),
            # seconds per inner loop as the pyperf stand-in measured them in-process
            "stub_values": [v for run in runs for v in same_result.stub_values(run.stdout)],
            "error": error}


def record(comparison):
    c = comparison
    return {"group": c.benchmark.group,
            "name": c.benchmark.name,
            "arguments": c.benchmark.arguments,
            "status": c.status,
            "same_result": c.status == "ok",
            "difference": c.difference,
            "time_ratio": c.time_ratio(),
            "rss_ratio": c.rss_ratio(),
            "cpython": _side(c, c.cpython, c.cpython_error),
            "garter": _side(c, c.garter, c.garter_error)}


def _commit(root):
    try:
        return subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def write(path, root, settings, comparisons, means):
    document = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                "commit": _commit(root),
                "settings": settings,
                "rows": [record(c) for c in comparisons],
                "geometric_means": means}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
