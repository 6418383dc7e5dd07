#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECS seconds (default 600), each in one process, with the
# limits docs/fuzzing.md gives; logs to fuzz/logs/TARGET.log. PARALLEL=1 runs them all at once.
# Usage: scripts/fuzz-all.sh [SECS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html_extract claims_extract jsonl_reader front_matter date_phrases)
cargo +nightly fuzz build
mkdir -p logs
max_len() {
  case $1 in
    html_extract) echo 65536 ;;
    claims_extract | jsonl_reader) echo 16384 ;;
    front_matter) echo 8192 ;;
    *) echo 2048 ;;
  esac
}
run() {
  local t=$1
  mkdir -p "corpus/$t" "artifacts/$t"
  # -timeout: one input taking over 10 s is a finding (quadratic behaviour), not noise.
  # -rss_limit_mb: over 2 GiB is a finding. -max_len: large enough for slow paths to show.
  "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" "seeds/$t" \
    -artifact_prefix="artifacts/$t/" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -print_final_stats=1 >"logs/$t.log" 2>&1 || true
  echo "$t: $(grep -E '^stat::number_of_executed_units' "logs/$t.log" || echo 'no stats') $(ls "artifacts/$t" | wc -l) artifacts"
}
if [ "${PARALLEL:-0}" = 1 ]; then
  for t in "${targets[@]}"; do run "$t" & done
  wait
else
  for t in "${targets[@]}"; do run "$t"; done
fi
