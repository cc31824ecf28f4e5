"""The printed table: one row per benchmark, geometric means per group.

Ratios are Garter/CPython: below 1 means Garter is faster or smaller. Rows that
fail or give a different result show why and stay out of the means, but the
mean's label counts them ("3 of 4").
"""
import math
import re

DIRECTORIES = re.compile(r"/(?:[^/\s,:'\"]+/)+")

HEADER = (f"{'program':28} {'CPython s':>10} {'Garter s':>10} {'ratio':>7} "
          f"{'CPython MB':>11} {'Garter MB':>10} {'RSS ratio':>10}  same")


def geometric_mean(values):
    return math.exp(sum(math.log(value) for value in values) / len(values)) if values else None


def _number(value, width, digits):
    return f"{value:{width}.{digits}f}" if value is not None else f"{'-':>{width}}"


def row(comparison):
    c = comparison
    name = c.benchmark.name[:28]
    cpython_s, garter_s = c.best_seconds(c.cpython), c.best_seconds(c.garter)
    cpython_kib, garter_kib = c.peak_kib(c.cpython), c.peak_kib(c.garter)
    numbers = (f"{name:28} {_number(cpython_s, 10, 3)} {_number(garter_s, 10, 3)} "
               f"{_number(c.time_ratio(), 7, 2)} "
               f"{_number(cpython_kib and cpython_kib / 1024, 11, 1)} "
               f"{_number(garter_kib and garter_kib / 1024, 10, 1)} "
               f"{_number(c.rss_ratio(), 10, 2)}")
    if c.status == "ok":
        return numbers + "  ✓"
    if c.status == "different result":
        return numbers + "  ✗ " + c.difference
    if c.status == "garter fails":
        return numbers + "  ✗ Garter fails: " + _short(c.garter_error)
    return numbers + "  ✗ CPython fails: " + _short(c.cpython_error)


def _short(error):
    # Folders of file names dropped, so the message itself fits on the line;
    # the JSON file keeps the whole line.
    return DIRECTORIES.sub("", error)[:100]


def means(comparisons):
    counted = [c for c in comparisons if c.counted]
    return {"time_ratio": geometric_mean([c.time_ratio() for c in counted]),
            "rss_ratio": geometric_mean([c.rss_ratio() for c in counted]),
            "counted": len(counted),
            "total": len(comparisons),
            "failing": sum(c.status in ("garter fails", "cpython fails") for c in comparisons),
            "different": sum(c.status == "different result" for c in comparisons)}


def mean_row(label, summary):
    text = f"{label} ({summary['counted']} of {summary['total']}"
    if summary["failing"]:
        text += f", {summary['failing']} failing"
    if summary["different"]:
        text += f", {summary['different']} different"
    text += ")"
    return (f"{text:50} {_number(summary['time_ratio'], 7, 2)} {'':11} {'':10} "
            f"{_number(summary['rss_ratio'], 10, 2)}")
