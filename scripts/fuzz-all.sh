#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECS seconds (default 600), one after the other, each in one
# process (libFuzzer's default: one worker, no forks), with the limits docs/fuzzing.md gives;
# logs to fuzz/logs/TARGET.log and one summary line per target to fuzz/logs/summary.tsv.
# PARALLEL=1 runs them all at once (only on a machine with a core per target); BUILD=0 runs the
# binaries already built (say, while the library is being edited) without rebuilding them.
# Usage: scripts/fuzz-all.sh [SECS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html_extract claims_extract jsonl_reader front_matter date_phrases)
if [ "${BUILD:-1}" = 1 ]; then
  cargo +nightly fuzz build -O
fi
mkdir -p logs
max_len() {
  case $1 in
    html_extract) echo 65536 ;;
    claims_extract | jsonl_reader) echo 16384 ;;
    front_matter) echo 8192 ;;
    *) echo 2048 ;;
  esac
}
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }
run() {
  local t=$1 log="logs/$1.log" start end
  mkdir -p "corpus/$t" "artifacts/$t"
  local before
  before=$(find "corpus/$t" -type f | wc -l)
  start=$(date +%s)
  # -timeout: one input taking over 10 s is a finding (quadratic behaviour), not noise.
  # -rss_limit_mb: over 2 GiB is a finding. -max_len: large enough for slow paths to show.
  "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" "seeds/$t" \
    -artifact_prefix="artifacts/$t/" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -print_final_stats=1 >"$log" 2>&1 || true
  end=$(date +%s)
  # The last status line: "#EXECS DONE cov: C ft: F corp: N/SIZE ...".
  local last cov ft
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%s\tseconds=%s\texecs=%s\texec/s=%s\tcov=%s\tft=%s\tcorpus=%s->%s\tartifacts=%s\n' \
    "$t" "$((end - start))" "$(stat number_of_executed_units "$log")" \
    "$(stat average_exec_per_sec "$log")" "$cov" "$ft" "$before" \
    "$(find "corpus/$t" -type f | wc -l)" "$(find "artifacts/$t" -type f | wc -l)" |
    tee -a logs/summary.tsv
}
if [ "${PARALLEL:-0}" = 1 ]; then
  for t in "${targets[@]}"; do run "$t" & done
  wait
else
  for t in "${targets[@]}"; do run "$t"; done
fi
