"""pyperformance's benchmark programs, downloaded once into a git-ignored cache.

`pip download` fetches the pinned, hash-checked wheel (bench/pyperformance/
requirements.txt); only its `pyperformance/data-files/benchmarks/` folder is
unpacked, into bench/.cache/pyperformance-<version>/benchmarks/. A marker file
is written last, so an interrupted unpack is redone and a complete one never
touches the network again.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIREMENTS = os.path.join(BENCH, "pyperformance", "requirements.txt")
CACHE = os.path.join(BENCH, ".cache")
WHEEL_FOLDER = "pyperformance/data-files/benchmarks/"
MARKER = "unpacked.ok"


def pinned_version():
    with open(REQUIREMENTS, encoding="utf-8") as f:
        match = re.search(r"^pyperformance==(\S+)", f.read(), re.MULTILINE)
    return match.group(1)


def benchmarks_folder(python=sys.executable, log=sys.stderr):
    """The folder holding bm_*/run_benchmark.py, fetching it first if needed.

    Raises RuntimeError (with pip's last lines) when the download fails.
    """
    version = pinned_version()
    root = os.path.join(CACHE, "pyperformance-" + version)
    folder = os.path.join(root, "benchmarks")
    if os.path.exists(os.path.join(root, MARKER)):
        return folder
    log.write(f"fetching pyperformance {version} into {root}\n")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    with tempfile.TemporaryDirectory(prefix="bench-pyperformance-") as download:
        command = [python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", "-d", download, "-r", REQUIREMENTS]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        wheels = glob.glob(os.path.join(download, "pyperformance-*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            tail = " | ".join(done.stdout.strip().splitlines()[-3:])
            raise RuntimeError(f"pip download pyperformance=={version} failed: {tail}")
        _unpack_benchmarks(wheels[0], folder)
    with open(os.path.join(root, MARKER), "w") as f:
        f.write(version + "\n")
    return folder


def _unpack_benchmarks(wheel, folder):
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not name.startswith(WHEEL_FOLDER) or name.endswith("/"):
                continue
            relative = name[len(WHEEL_FOLDER):]
            target = os.path.join(folder, *relative.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with archive.open(name) as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
