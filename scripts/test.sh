#!/usr/bin/env bash
# THE test command: everything CI runs (.ci/run calls exactly this).
#
#   bash scripts/test.sh            # set-up, release build, swift test, Python-level tests
#   QUICK=1 bash scripts/test.sh    # same, without the Lib-wide AST comparison
#
# Stages: scripts/setup.sh; swift build -c release; swift test (debug);
# python3 tests/run.py --garter .build/release/garter. Every stage runs even if an
# earlier one failed (except the Python tests, which need the release binary), and
# the exit status is non-zero if any stage failed.
set -uo pipefail

cd "$(dirname "$0")/.."
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="$PATH:/opt/swift/usr/bin"
fi

failed=()
stage() {   # stage NAME COMMAND...
    local name=$1; shift
    local start=$SECONDS
    echo "==> $name: $*"
    if "$@"; then
        echo "==> $name: ok ($((SECONDS - start))s)"
        return 0
    fi
    echo "==> $name: FAILED ($((SECONDS - start))s)"
    failed+=("$name")
    return 1
}

stage setup bash scripts/setup.sh || { echo "set-up failed; stopping"; exit 1; }

release_ok=1
stage "release build" swift build -c release || release_ok=0

stage "swift test" swift test

run_args=(--garter .build/release/garter)
if [ -n "${QUICK:-}" ]; then run_args+=(--quick); fi
summary_file=$(mktemp)
trap 'rm -f "$summary_file"' EXIT
python_tests() { python3 tests/run.py "$@" | tee "$summary_file"; }
if [ "$release_ok" = 1 ]; then
    stage "python tests" python_tests "${run_args[@]}"
else
    echo "==> python tests: not run, the release build failed"
    failed+=("python tests")
fi

# End on one closing line, "tests: N passed, N failed[, N skipped]": the Python
# runner's counts, plus one failure for each other stage that failed.
read -r passed failed_count skipped < <(python3 - "$summary_file" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
found = re.findall(r"^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$", text, re.M)
p, f, s = found[-1] if found else ("0", "0", "0")
print(p, f, s or "0")
PY
)
for name in "${failed[@]}"; do
    if [ "$name" != "python tests" ]; then
        failed_count=$((failed_count + 1))
    elif [ "$failed_count" = 0 ]; then
        failed_count=1     # the runner failed without counting anything
    fi
done
line="tests: $passed passed, $failed_count failed"
if [ "$skipped" != 0 ]; then line="$line, $skipped skipped"; fi
if [ ${#failed[@]} -gt 0 ]; then
    echo "scripts/test.sh: FAILED stages: ${failed[*]}"
    echo "$line"
    exit 1
fi
echo "scripts/test.sh: all stages passed"
echo "$line"
