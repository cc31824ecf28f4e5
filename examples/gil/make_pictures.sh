#!/bin/sh
# Makes the GIL pictures of docs/images/ from real runs of the examples:
# each runs under `-X giltrace=FILE`, then `garter --gil-report` draws the
# trace (a window of it where the whole run would be too dense to read).
#
#     sh examples/gil/make_pictures.sh [GARTER]     (default .build/debug/garter)
#
# GIL_TRACES=FOLDER keeps the traces there (to open in ui.perfetto.dev);
# PICTURES_ONLY=1 redraws from the traces in GIL_TRACES without running.
set -e
GARTER=${1:-.build/debug/garter}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
IMAGES="$ROOT/docs/images"
TRACES=${GIL_TRACES:-$(mktemp -d "${TMPDIR:-/tmp}/gil-pictures.XXXXXX")}
mkdir -p "$IMAGES"

# run NAME SCRIPT [garter options...]: run SCRIPT traced into $TRACES/NAME.json
run() {
    name=$1; script=$2; shift 2
    echo "== $name: $script $*"
    [ -n "$PICTURES_ONLY" ] && return
    mkdir -p "$TRACES"
    "$GARTER" "$@" -X giltrace="$TRACES/$name.json" "$HERE/$script"
}

# picture NAME TITLE [report options...]: draw $TRACES/NAME.json
picture() {
    name=$1; title=$2; shift 2
    "$GARTER" --gil-report "$TRACES/$name.json" -o "$IMAGES/gil_$name.svg" --title "$title" "$@"
}

run s1_cpu_bound s1_one_thread_at_a_time.py
picture s1_cpu_bound "S1: four CPU-bound threads take turns (first 300 ms)" --to 300

# S2, S5 and the convoy example trace their parts themselves (gil.start_trace /
# gil.stop_trace), given a prefix for the files.
part() {
    name=$1; script=$2; shift 2
    echo "== $name: $script $*"
    [ -n "$PICTURES_ONLY" ] && return
    mkdir -p "$TRACES"
    "$GARTER" "$@" "$HERE/$script" "$TRACES/$name"
}

part s2 s2_switch_interval.py
picture s2-5ms "S2: two CPU-bound threads, switch interval 5 ms (100 ms of the run)" --from 300 --to 400
picture s2-1ms "S2: the same with a switch interval of 1 ms (100 ms of the run)" --from 300 --to 400

run s3_no_gain s3_cpu_bound_no_gain.py
picture s3_no_gain "S3: one thread, then two threads doing the same work (whole run)"

run s4_blocking s4_blocking_calls_release.py
picture s4_blocking "S4: sixteen threads sleep at once; then one waits on a lock (whole run)"

part s5 s5_native_code_releases.py
picture s5-sha256 "S5: SHA-256 of 32 MiB x 8 on one thread, then 4 each on two (first try)"

part convoy_fix_on convoy_effect.py
picture convoy_fix_on-beside "Convoy fix on: 0.2 ms sleeps beside a CPU-bound thread (first 40 ms)" --to 40

part convoy_fix_off convoy_effect.py -X convoyfix=0
picture convoy_fix_off-beside "Convoy fix off (-X convoyfix=0): the same sleeps (first 40 ms)" --to 40

[ -n "$GIL_TRACES" ] || rm -r "$TRACES"
