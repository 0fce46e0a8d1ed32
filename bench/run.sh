#!/usr/bin/env bash
# bench/run.sh [SIZE_MB] -- benchmark `calint audit` against a bare pugixml parse of the same files.
#
# Builds Release (build/), generates a synthetic org export of about SIZE_MB MiB (default 500)
# into bench/out/corpus-SIZE_MB (cached), runs parse_baseline and calint RUNS times each
# (default 3) under /usr/bin/time, and prints a table that is also written to
# bench/out/results.txt. See bench/README.md.
#
# Environment:
#   RUNS=3          runs of each program (the best wall time and the highest peak RSS are reported)
#   SEED=1          generator seed
#   JOBS=$(nproc)   threads for parse_baseline, and the "jobs" of the memory target
#   CALINT_ARGS=    extra arguments for calint audit (word-split), e.g. "--jobs 2"
#   SKIP_BUILD=1    do not run cmake (use the binaries already in build/)
#   CALINT=build/calint   BASELINE=build/bench/parse_baseline   paths of the binaries
set -euo pipefail

SIZE_MB="${1:-500}"
if ! [[ "$SIZE_MB" =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ "$SIZE_MB" =~ ^0+([.]0+)?$ ]]; then
    echo "usage: bench/run.sh [SIZE_MB]   (SIZE_MB: a positive number, default 500)" >&2
    exit 2
fi
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
JOBS="${JOBS:-$(nproc)}"
CALINT_ARGS="${CALINT_ARGS:-}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CALINT="${CALINT:-build/calint}"
BASELINE="${BASELINE:-build/bench/parse_baseline}"
out="bench/out"
corpus="$out/corpus-$SIZE_MB"
mkdir -p "$out"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "installing /usr/bin/time (Debian package 'time')"
        apt-get install -y -qq time >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || die "/usr/bin/time is missing; install the 'time' package"
fi

# --- build ---------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building Release in build/"
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build -j >/dev/null
fi
[[ -x "$BASELINE" ]] || die "$BASELINE not found (build the parse_baseline target)"
[[ -x "$CALINT" ]] || die "$CALINT not found (build the calint target)"

# --- corpus (cached; regenerated when generate.py, the seed or the size changes) -----------------
stamp="$(sha256sum bench/generate.py | cut -d' ' -f1) seed=$SEED size=$SIZE_MB"
if [[ -d "$corpus" && -f "$corpus.stamp" && "$(cat "$corpus.stamp")" == "$stamp" ]]; then
    log "using cached corpus $corpus"
else
    log "generating corpus $corpus (${SIZE_MB} MiB, seed $SEED)"
    rm -rf "$corpus" "$corpus.tmp" "$corpus.stamp"
    python3 bench/generate.py "$corpus.tmp" --size-mb "$SIZE_MB" --seed "$SEED" >&2
    mv "$corpus.tmp" "$corpus"
    printf '%s\n' "$stamp" > "$corpus.stamp"
fi

read -r largest_bytes largest_path < <(find "$corpus" -type f -printf '%s %p\n' | sort -n | tail -n 1)
read -r corpus_files corpus_bytes < <(find "$corpus" -type f -printf '%s\n' |
                                      awk '{n++; s+=$1} END {print n+0, s+0}')

# --- measure -------------------------------------------------------------------------------------
# measure NAME CMD...: runs CMD $RUNS times; sets best_wall (s, ms resolution) and peak_rss (KiB).
runs_log="$out/runs.log"
: > "$runs_log"
measure() {
    local name="$1"; shift
    best_wall=""; peak_rss=0
    local i t0 t1 wall e rss rc tf="$out/.time" lf="$out/.$name.log"
    for ((i = 1; i <= RUNS; i++)); do
        t0=$EPOCHREALTIME
        rc=0
        /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$lf" 2>&1 || rc=$?
        t1=$EPOCHREALTIME
        if ((rc != 0)); then
            printf 'bench/run.sh: %s exited with status %d:\n  %s\n' "$name" "$rc" "$*" >&2
            tail -n 20 "$lf" >&2
            exit 1
        fi
        read -r e rss < <(tail -n 1 "$tf")
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
        printf '%s run %d: wall %s s (time: %s s), peak RSS %s KiB\n' "$name" "$i" "$wall" "$e" "$rss" \
            | tee -a "$runs_log" >&2
        if [[ -z "$best_wall" ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN {exit !(a < b)}'; then
            best_wall=$wall
        fi
        if ((rss > peak_rss)); then peak_rss=$rss; fi
    done
    cat "$lf" >> "$runs_log"
    rm -f "$tf" "$lf"
}

log "parse_baseline x$RUNS (--jobs $JOBS)"
measure parse_baseline "$BASELINE" --jobs "$JOBS" "$corpus"
base_wall=$best_wall; base_rss=$peak_rss
base_line=$(grep '^parse_baseline:' "$runs_log" | tail -n 1 || true)

log "calint audit x$RUNS"
# shellcheck disable=SC2086  # CALINT_ARGS is word-split on purpose
measure calint "$CALINT" audit "$corpus" --format json --output /dev/null --exit-zero $CALINT_ARGS
cal_wall=$best_wall; cal_rss=$peak_rss

# --- report --------------------------------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }             # KiB -> MiB
bmib() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1048576}'; }          # bytes -> MiB
ratio=$(awk -v c="$cal_wall" -v b="$base_wall" 'BEGIN {if (b > 0) printf "%.2f", c / b; else print "n/a"}')
target_mib=$(awk -v j="$JOBS" -v l="$largest_bytes" 'BEGIN {printf "%.1f", 64 + j * l / 1048576}')
verdict=$(awk -v r="$cal_rss" -v t="$target_mib" 'BEGIN {print (r / 1024 <= t) ? "within target" : "OVER target"}')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "no commit")
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)

table=$(
    printf 'calint benchmark  %s  (commit %s)\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit"
    printf 'machine: %s cores%s\n' "$(nproc)" "${cpu:+, $cpu}"
    printf 'corpus:  %s  seed %s: %s files, %s MiB\n' "$corpus" "$SEED" "$corpus_files" "$(bmib "$corpus_bytes")"
    [[ -n "$base_line" ]] && printf 'read:    %s\n' "${base_line#parse_baseline: }"
    printf 'runs:    %s of each; best wall time, highest peak RSS; page cache warm, nothing dropped\n' "$RUNS"
    printf '\n'
    printf '%-16s %14s %16s\n' "program" "wall time (s)" "peak RSS (MiB)"
    printf '%-16s %14s %16s\n' "----------------" "-------------" "--------------"
    printf '%-16s %14s %16s\n' "parse_baseline" "$base_wall" "$(mib "$base_rss")"
    printf '%-16s %14s %16s\n' "calint audit" "$cal_wall" "$(mib "$cal_rss")"
    printf '\n'
    printf 'time ratio calint/baseline:  %sx\n' "$ratio"
    printf 'largest file:                %s MiB (%s bytes, %s)\n' "$(bmib "$largest_bytes")" "$largest_bytes" "${largest_path#"$corpus"/}"
    printf 'memory target:               64 MiB + %s jobs x %s MiB = %s MiB; calint peak RSS %s MiB: %s\n' \
        "$JOBS" "$(bmib "$largest_bytes")" "$target_mib" "$(mib "$cal_rss")" "$verdict"
    [[ -n "$CALINT_ARGS" ]] && printf 'calint extra arguments:      %s\n' "$CALINT_ARGS"
    true
)
printf '%s\n' "$table" | tee "$out/results.txt"
printf '\n(per-run details: %s)\n' "$runs_log"
