#!/usr/bin/env bash
# bench/run.sh [--shape clean|findings] [SIZE_MB] -- time `calint audit` against a bare pugixml
# parse of the same files, measured in the same run.
#
# Builds Release (build/), generates a synthetic org export of the given shape and about SIZE_MB
# MiB (default 500) into bench/out/corpus-SHAPE-SIZE_MB-sSEED (cached), then runs, RUNS times
# each and alternately (calint, baseline, changed-files run, calint, baseline, ...):
#   - calint audit CORPUS                       (the full audit)
#   - parse_baseline --jobs JOBS CORPUS         (parallel pugixml parse of the files calint reads)
#   - calint audit CORPUS/.../connectedApps/<first app>   (the changed-files run)
# and prints a table with medians, peak RSS and one markdown row for docs/performance.md. The
# table is appended to bench/out/results.txt with the commit id. See bench/README.md.
#
# Environment:
#   SHAPE=clean      corpus shape: clean or findings (--shape overrides)
#   RUNS=5           timed runs of each program (medians are reported; highest peak RSS)
#   WARMUP=1         untimed runs of each program first (0: none)
#   SEED=1           generator seed
#   JOBS=$(nproc)    threads for parse_baseline, and calint's --jobs
#   CALINT_ARGS=     extra arguments for calint audit (word-split)
#   SCALE=1          also measure at 4 x SIZE_MB and report the time ratio (linearity check)
#   JOBS_SCALING=1   also time calint --jobs 1 against --jobs JOBS and report the speedup
#   SKIP_BUILD=1     do not run cmake (use the binaries already in build/)
#   CALINT=build/calint   BASELINE=build/bench/parse_baseline   paths of the binaries
# med_*, spread_*, rss_*, out_* are set by name in alternate():
# shellcheck disable=SC2154
set -euo pipefail

usage() {
    echo "usage: bench/run.sh [--shape clean|findings] [SIZE_MB]   (SIZE_MB: a positive number, default 500)" >&2
    exit 2
}
SHAPE="${SHAPE:-clean}"
SIZE_MB=""
while (($#)); do
    case "$1" in
        --shape) (($# >= 2)) || usage; SHAPE="$2"; shift 2 ;;
        --shape=*) SHAPE="${1#--shape=}"; shift ;;
        -h|--help) usage ;;
        -*) usage ;;
        *) [[ -z "$SIZE_MB" ]] || usage; SIZE_MB="$1"; shift ;;
    esac
done
SIZE_MB="${SIZE_MB:-500}"
if ! [[ "$SIZE_MB" =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ "$SIZE_MB" =~ ^0+([.]0+)?$ ]]; then usage; fi
case "$SHAPE" in clean|findings) ;; *) echo "bench/run.sh: SHAPE must be clean or findings, not '$SHAPE'" >&2; exit 2 ;; esac
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
SEED="${SEED:-1}"
JOBS="${JOBS:-$(nproc)}"
CALINT_ARGS="${CALINT_ARGS:-}"
SCALE="${SCALE:-0}"
JOBS_SCALING="${JOBS_SCALING:-0}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: RUNS must be a positive integer" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: WARMUP must be a whole number" >&2; exit 2; }
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: JOBS must be a positive integer" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CALINT="${CALINT:-build/calint}"
BASELINE="${BASELINE:-build/bench/parse_baseline}"
out="bench/out"
mkdir -p "$out"
export LC_ALL=C

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
    log "building Release in build/ (targets calint, parse_baseline)"
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCALINT_BUILD_TESTS=OFF >/dev/null
    cmake --build build -j"$(nproc)" --target calint parse_baseline >/dev/null
fi
[[ -x "$BASELINE" ]] || die "$BASELINE not found (build the parse_baseline target)"
[[ -x "$CALINT" ]] || die "$CALINT not found (build the calint target)"

# The findings shape has files that do not parse on purpose: the baseline counts them.
baseline_flags=()
[[ "$SHAPE" == findings ]] && baseline_flags=(--allow-errors)
# shellcheck disable=SC2206  # CALINT_ARGS is word-split on purpose
calint_extra=($CALINT_ARGS)
for a in "${calint_extra[@]}"; do
    case "$a" in --jobs|--jobs=*|-j*) die "CALINT_ARGS must not hold --jobs: JOBS sets it for calint and the baseline" ;; esac
done

# --- helpers -------------------------------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }             # KiB -> MiB
bmib() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1048576}'; }          # bytes -> MiB
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN {if (b > 0) printf f, a / b; else print "n/a"}'; }
# median of the numbers given as arguments (mean of the middle two for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) printf "%.3f", v[(NR + 1) / 2];
                                                              else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
spread() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%s-%s", lo, hi}'; }

# corpus SIZE: generates (or reuses) the corpus of $SHAPE, SIZE and $SEED; sets corpus.
corpus_for() {
    local size="$1" stamp
    corpus="$out/corpus-$SHAPE-$size-s$SEED"
    stamp="$(sha256sum bench/generate.py | cut -d' ' -f1) shape=$SHAPE seed=$SEED size=$size"
    if [[ -d "$corpus" && -f "$corpus.stamp" && "$(cat "$corpus.stamp")" == "$stamp" ]]; then
        log "using cached corpus $corpus"
    else
        log "generating corpus $corpus ($SHAPE, ${size} MiB, seed $SEED)"
        rm -rf "$corpus" "$corpus.tmp" "$corpus.stamp"
        python3 bench/generate.py "$corpus.tmp" --shape "$SHAPE" --size-mb "$size" --seed "$SEED" >&2
        mv "$corpus.tmp" "$corpus"
        printf '%s\n' "$stamp" > "$corpus.stamp"
        sync  # write the new files back now, not during the timed runs
    fi
}

# run1 NAME CMD...: one run of CMD under /usr/bin/time; sets wall (s, ms resolution) and rss (KiB).
# A non-zero exit status stops the benchmark and shows the end of the program's output.
run1() {
    local name="$1"; shift
    local t0 t1 e u s rc=0 tf="$out/.time.$$" lf="$out/.$name.$$.log"
    t0=$EPOCHREALTIME
    /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$lf" 2>&1 || rc=$?
    t1=$EPOCHREALTIME
    if ((rc != 0)); then
        printf 'bench/run.sh: %s exited with status %d:\n  %s\n' "$name" "$rc" "$*" >&2
        tail -n 20 "$lf" >&2
        rm -f "$tf" "$lf"
        exit 1
    fi
    read -r e rss u s < <(tail -n 1 "$tf")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
    own_cpu=$(awk -v o="$own_cpu" -v u="$u" -v s="$s" 'BEGIN {printf "%.2f", o + u + s}')
    last_output="$(cat "$lf")"
    rm -f "$tf" "$lf"
    printf '%s: wall %s s (time: %s s, user %s s, sys %s s), peak RSS %s KiB\n' "$name" "$wall" "$e" "$u" "$s" "$rss" \
        >> "$runs_log"
}

# CPU time (s) the whole machine spent busy so far (user, nice, system, irq, softirq, steal).
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_busy() { awk -v hz="$hz" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz}' /proc/stat; }

# alternate NAME1 NAME2 ... : runs the commands in the arrays cmd_NAME round-robin, WARMUP untimed
# rounds then RUNS timed ones; sets med_NAME, spread_NAME, rss_NAME (highest), out_NAME (last output)
# and other_load: the CPU the rest of the machine used meanwhile, in % of one core (busy time of
# the whole machine minus the user+sys time of the measured programs, over the elapsed time).
# Other work on the machine skews the figures; above 10% the script warns.
alternate() {
    local names=("$@") n r busy0 busy1 t0 t1
    own_cpu=0; busy0=$(cpu_busy); t0=$EPOCHREALTIME
    for n in "${names[@]}"; do eval "walls_$n=(); rss_$n=0"; done
    for ((r = 1; r <= WARMUP + RUNS; r++)); do
        for n in "${names[@]}"; do
            local -n cmd="cmd_$n"
            if ((r <= WARMUP)); then
                printf '(warm-up) ' >> "$runs_log"
            else
                printf 'run %d ' $((r - WARMUP)) >> "$runs_log"
            fi
            run1 "$n" "${cmd[@]}"
            if ((r > WARMUP)); then
                eval "walls_$n+=(\"$wall\")"
                local -n peak="rss_$n"
                ((rss > peak)) && peak=$rss
                unset -n peak
            fi
            printf -v "out_$n" '%s' "$last_output"
            unset -n cmd
        done
        ((r > WARMUP)) && log "round $((r - WARMUP))/$RUNS done"
    done
    busy1=$(cpu_busy); t1=$EPOCHREALTIME
    other_load=$(awk -v b0="$busy0" -v b1="$busy1" -v o="$own_cpu" -v t0="$t0" -v t1="$t1" \
        'BEGIN {x = 100 * (b1 - b0 - o) / (t1 - t0); printf "%.0f", x < 0 ? 0 : x}')
    printf 'other CPU load during these runs: %s%% of one core\n' "$other_load" >> "$runs_log"
    if ((other_load > 10)); then
        log "WARNING: other processes used ${other_load}% of a core during the runs; the figures are skewed"
    fi
    for n in "${names[@]}"; do
        local -n walls="walls_$n"
        printf -v "med_$n" '%s' "$(median "${walls[@]}")"
        printf -v "spread_$n" '%s' "$(spread "${walls[@]}")"
        unset -n walls
    done
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo "no-commit")
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit="$commit+dirty"; fi
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
now=$(date -u '+%Y-%m-%d %H:%M UTC')
runs_log="$out/runs-$SHAPE-$SIZE_MB.log"
: > "$runs_log"

# --- one (shape, size) measurement ---------------------------------------------------------------
# measure_size SIZE: prints the table for SIZE and appends it to results.txt; sets cal_med.
measure_size() {
    local size="$1"
    corpus_for "$size"
    local app_dir="$corpus/force-app/main/default/connectedApps" changed
    changed=$(find "$app_dir" -maxdepth 1 -type f -name '*.connectedApp-meta.xml' | sort | awk 'NR == 1')
    [[ -n "$changed" ]] || die "no Connected App in $app_dir"
    local largest_bytes largest_path corpus_files corpus_bytes
    read -r largest_bytes largest_path < <(find "$corpus" -type f -printf '%s %p\n' | sort -n | tail -n 1)
    read -r corpus_files corpus_bytes < <(find "$corpus" -type f -printf '%s\n' |
                                          awk '{n++; s+=$1} END {print n+0, s+0}')

    # shellcheck disable=SC2034  # used through namerefs in alternate
    cmd_calint=("$CALINT" audit "$corpus" --format json --output /dev/null --exit-zero --jobs "$JOBS"
                "${calint_extra[@]}")
    # shellcheck disable=SC2034
    cmd_baseline=("$BASELINE" --jobs "$JOBS" "${baseline_flags[@]}" "$corpus")
    # shellcheck disable=SC2034
    cmd_changed=("$CALINT" audit "$changed" --format json --output /dev/null --exit-zero --jobs "$JOBS"
                 "${calint_extra[@]}")
    printf '\n### %s %s MiB seed %s: %s\n' "$SHAPE" "$size" "$SEED" "$corpus" >> "$runs_log"
    log "$SHAPE $size MiB: calint / parse_baseline / changed-files run, alternately, $WARMUP warm-up + $RUNS timed rounds"
    alternate calint baseline changed
    printf '%s\n' "$out_baseline" >> "$runs_log"

    local base_line ratio pct verdict row label
    base_line=$(grep '^parse_baseline:' <<<"$out_baseline" | tail -n 1 || true)
    read_bytes=$(sed -n 's/^parse_baseline: [0-9]* files, \([0-9]*\) bytes.*/\1/p' <<<"$base_line")
    ratio=$(div "$med_calint" "$med_baseline")
    pct=$(awk -v c="$med_changed" -v f="$med_calint" 'BEGIN {if (f > 0) printf "%.1f", 100 * c / f; else print "n/a"}')
    verdict=$(awk -v r="$rss_calint" 'BEGIN {print (r / 1024 < 64) ? "under 64 MiB" : "OVER 64 MiB"}')
    label="$size MiB"
    row=$(printf '| %s | %s | calint %.3f s | baseline %.3f s | ratio %sx | calint RSS %.0f MiB | changed-files %.3f s (%s%%) |' \
        "$SHAPE" "$label" "$med_calint" "$med_baseline" "$ratio" "$(mib "$rss_calint")" "$med_changed" "$pct")
    cal_med=$med_calint

    local table
    table=$(
        printf 'calint benchmark  %s  (commit %s)\n' "$now" "$commit"
        printf 'machine: %s cores%s\n' "$(nproc)" "${cpu:+, $cpu}"
        printf 'corpus:  %s  shape %s, seed %s: %s files, %s MiB\n' "$corpus" "$SHAPE" "$SEED" "$corpus_files" "$(bmib "$corpus_bytes")"
        [[ -n "$base_line" ]] && printf 'read:    %s\n' "${base_line#parse_baseline: }"
        printf 'runs:    %s timed (after %s warm-up), alternating; medians, spread min-max, highest peak RSS; page cache warm\n' "$RUNS" "$WARMUP"
        printf 'load:    other processes used %s%% of one core during the runs%s\n' "$other_load" \
            "$( ((other_load > 10)) && echo ' -- SKEWED, measure again on an idle machine')"
        printf '\n'
        printf '%-22s %12s %16s %16s\n' "program" "median (s)" "spread (s)" "peak RSS (MiB)"
        printf '%-22s %12s %16s %16s\n' "----------------------" "----------" "----------" "--------------"
        printf '%-22s %12s %16s %16s\n' "parse_baseline" "$med_baseline" "$spread_baseline" "$(mib "$rss_baseline")"
        printf '%-22s %12s %16s %16s\n' "calint audit" "$med_calint" "$spread_calint" "$(mib "$rss_calint")"
        printf '%-22s %12s %16s %16s\n' "calint changed-files" "$med_changed" "$spread_changed" "$(mib "$rss_changed")"
        printf '\n'
        printf 'time ratio calint/baseline:   %sx   (target: at most 1.0x)\n' "$ratio"
        printf 'changed-files run:            %s%% of the full audit   (target: at most 5%%; file %s)\n' "$pct" "${changed#"$corpus"/}"
        printf 'calint peak RSS:              %s MiB: %s   (target at 500 MiB: under 64 MiB)\n' "$(mib "$rss_calint")" "$verdict"
        printf 'largest file:                 %s MiB (%s)\n' "$(bmib "$largest_bytes")" "${largest_path#"$corpus"/}"
        printf 'calint command:               %s\n' "${cmd_calint[*]}"
        printf '\n%s\n' "$row"
    )
    printf '%s\n\n' "$table"
    printf '%s\n\n' "$table" >> "$out/results.txt"
}

measure_size "$SIZE_MB"

# --- optional: linearity (SCALE=1) ---------------------------------------------------------------
if [[ "$SCALE" == 1 ]]; then
    t1=$cal_med; b1=$read_bytes; l1=$other_load
    size4=$(awk -v s="$SIZE_MB" 'BEGIN {printf "%g", 4 * s}')
    measure_size "$size4"
    t4=$cal_med; b4=$read_bytes
    line=$(printf '| %s | scale %s -> %s MiB | calint %.3f s -> %.3f s | time x%s | bytes read x%s | other load %s%%/%s%% |' \
        "$SHAPE" "$SIZE_MB" "$size4" "$t1" "$t4" "$(div "$t4" "$t1")" "$(div "$b4" "$b1")" "$l1" "$other_load")
    printf 'linearity: calint time at 4 x the size, over the time at the size (target: at most 4.2)\n%s\n\n' "$line"
    printf '# %s commit %s: linearity, %s runs\n%s\n\n' "$now" "$commit" "$RUNS" "$line" >> "$out/results.txt"
fi

# --- optional: jobs scaling (JOBS_SCALING=1) -----------------------------------------------------
if [[ "$JOBS_SCALING" == 1 ]]; then
    corpus_for "$SIZE_MB"
    # shellcheck disable=SC2034
    cmd_jobs1=("$CALINT" audit "$corpus" --format json --output /dev/null --exit-zero "${calint_extra[@]}" --jobs 1)
    # shellcheck disable=SC2034
    cmd_jobsN=("$CALINT" audit "$corpus" --format json --output /dev/null --exit-zero "${calint_extra[@]}" --jobs "$JOBS")
    printf '\n### jobs scaling %s %s MiB\n' "$SHAPE" "$SIZE_MB" >> "$runs_log"
    log "$SHAPE $SIZE_MB MiB: calint --jobs 1 / --jobs $JOBS, alternately"
    alternate jobs1 jobsN
    line=$(printf '| %s | %s MiB | calint --jobs 1 %.3f s | --jobs %s %.3f s | speedup %sx | other load %s%% |' \
        "$SHAPE" "$SIZE_MB" "$med_jobs1" "$JOBS" "$med_jobsN" "$(div "$med_jobs1" "$med_jobsN")" "$other_load")
    printf 'jobs scaling: calint --jobs 1 time over --jobs %s time (target: at least 1.8 for 2 jobs)\n%s\n\n' "$JOBS" "$line"
    printf '# %s commit %s: jobs scaling, %s runs\n%s\n\n' "$now" "$commit" "$RUNS" "$line" >> "$out/results.txt"
fi

printf '(per-run details: %s; all results: %s)\n' "$runs_log" "$out/results.txt"
