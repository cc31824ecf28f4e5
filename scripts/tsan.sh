#!/bin/sh
# Builds garter with ThreadSanitizer and runs the thread programs under it:
# tests/programs/thread_*, threading_stress and the other programs that start
# threads, then CPython's thread regression tests. Any TSan report fails the
# run. Slow (a full instrumented build, then programs ~5-15x slower), so CI
# does not call it; run it after touching Threads/, Modules/Thread*, the eval
# breaker or anything else several threads share.
#
#     sh scripts/tsan.sh [SCRATCH]        (build folder, default /tmp/garter-tsan)
#
# TSAN_SKIP_BUILD=1 reuses the build; TSAN_REGRTEST=0 skips the regression
# tests; TSAN_RUNS=N runs each program N times (default 3).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=${1:-/tmp/garter-tsan}
RUNS=${TSAN_RUNS:-3}
REPORTS=$(mktemp -d "${TMPDIR:-/tmp}/garter-tsan-reports.XXXXXX")
cd "$ROOT" || exit 1

if [ -z "${TSAN_SKIP_BUILD:-}" ]; then
    swift build --product garter --sanitize=thread --scratch-path "$SCRATCH" || exit 1
fi
GARTER="$SCRATCH/debug/garter"
# The binary is outside the checkout: point it at the checkout's Lib/.
export GARTER_HOME="$ROOT"
# halt_on_error=0: collect every report of a run, not just the first.
export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 log_path=$REPORTS/tsan"

PROGRAMS="thread_excepthook thread_interrupt thread_local thread_lock_api
thread_simple_queue thread_start thread_stress threading_module threading_stress
hashlib_threads io_threads socket_tcp_threads signal_lock_waits os_posix_blocking"
failed=0
for name in $PROGRAMS; do
    run=1
    while [ "$run" -le "$RUNS" ]; do
        (cd tests/programs && timeout 600 "$GARTER" "$name.py" > "$REPORTS/$name.$run.out" 2>&1)
        status=$?
        expected=$(head -1 "tests/programs/$name.out" | sed 's/exit: //')
        if [ "$status" != "$expected" ]; then
            echo "$name (run $run): exit $status, expected $expected"
            failed=1
        fi
        run=$((run + 1))
    done
    echo "ran $name x $RUNS"
done

if [ "${TSAN_REGRTEST:-1}" != 0 ]; then
    for module in test_thread test_threading_local test_queue test_threading; do
        (cd /tmp && timeout 1800 "$GARTER" "$ROOT/scripts/regrtest/run_one.py" "$module" \
            > "$REPORTS/$module.out" 2>&1)
        echo "ran $module: $(grep REGRTEST-COUNTS "$REPORTS/$module.out" || echo "exit $?")"
    done
fi

reports=$(cat "$REPORTS"/tsan.* 2>/dev/null | grep -c "WARNING: ThreadSanitizer")
echo "ThreadSanitizer reports: $reports (in $REPORTS/tsan.*)"
if [ "$reports" != 0 ]; then
    grep -h -A12 "WARNING: ThreadSanitizer" "$REPORTS"/tsan.* | grep -E "WARNING|#[0-3] " | head -60
    failed=1
fi
exit $failed
