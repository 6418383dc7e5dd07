#!/bin/sh
# Whole-process query latency with hyperfine on a database built by
#   claimtrack bench ingest --articles N --keep DB
# Usage: scripts/bench-queries.sh DB [RUNS]   (claimtrack on PATH, or CLAIMTRACK=path/to/binary)
set -eu
db=$1
runs=${2:-30}
bin=${CLAIMTRACK:-claimtrack}
top=Acratra       # synth::company_name(0), the most frequent company
mid=Acdotra       # synth::company_name(50)
rare=Junkequo     # synth::company_name(999): a rare word
uptime
hyperfine -N --warmup 2 --runs "$runs" --export-markdown /dev/stdout \
  "$bin --db $db contradictions --company $mid --format jsonl" \
  "$bin --db $db claims --data-type location --since 2015-01-01 --limit 100 --format jsonl" \
  "$bin --db $db claims --data-type location --since 2015-01-01 --format jsonl" \
  "$bin --db $db search privacy" \
  "$bin --db $db search $rare" \
  "$bin --db $db timeline --company $mid --format json" \
  "$bin --db $db timeline --company $top --format json"
uptime
