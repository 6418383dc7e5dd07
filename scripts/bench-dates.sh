#!/usr/bin/env bash
# Publication-date benchmark over ../shared/bench/publish-date (994 pages; falls back to
# /work/shared/bench/publish-date). Runs `claimtrack extract --format jsonl` twice, pinned to
# one core when taskset exists:
#   files  the .html.gz files as they are: the extractor does not know the page URL (dates
#          in URLs count only when the page names its own URL: canonical link, og:url);
#   url    one JSONL file of {url, html} per page, so the URL is known (as htmldate's
#          evaluation passes it).
# For each it writes {file name: "YYYY-MM-DD" | null} as score.py wants, prints pages/s (the
# whole CLI run: reading, gunzip, decoding, extraction, JSON output; on-CPU time of the
# process, so a loaded machine does not lower it) and the scores. A third run,
# `examples/date_bench.rs` (`dates` in the table, with URLs), times the date finder alone
# and writes dates.tsv (file name, date, method, modified date) for error analysis.
#
#   scripts/bench-dates.sh [OUT_DIR]                (default /tmp/bench_dates)
#   BIN=path/to/claimtrack scripts/bench-dates.sh   (default: cargo build --release)
#   CPU=1 scripts/bench-dates.sh                    (core for taskset, default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=../shared/bench/publish-date
[ -d "$BENCH" ] || BENCH=/work/shared/bench/publish-date
[ -d "$BENCH" ] || { echo "bench-dates: no $BENCH" >&2; exit 2; }
OUT=${1:-/tmp/bench_dates}
mkdir -p "$OUT"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet --bin claimtrack --example date_bench
  BIN=${CARGO_TARGET_DIR:-target}/release/claimtrack
fi
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "${CPU:-1}"); fi

# The URL run's input, and the file name of each of its lines.
python3 - "$BENCH" "$OUT" <<'PY'
import gzip, json, sys
bench, out = sys.argv[1], sys.argv[2]
gt = json.load(open(f"{bench}/ground-truth.json", encoding="utf-8"))
names = sorted(gt)
with open(f"{out}/pages.jsonl", "w", encoding="utf-8") as f:
    for n in names:
        html = gzip.open(f"{bench}/html/{n}.gz").read().decode("utf-8", "replace")
        f.write(json.dumps({"url": gt[n]["url"], "html": html}) + "\n")
json.dump(names, open(f"{out}/pages.names.json", "w", encoding="utf-8"))
PY

run() { # name, inputs...
  local name=$1; shift
  python3 - "$OUT" "$name" "${PIN[@]}" "$BIN" extract --format jsonl "$@" <<'PY'
import json, os, resource, subprocess, sys, time
out, name, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
t0, r0 = time.time(), resource.getrusage(resource.RUSAGE_CHILDREN)
with open(f"{out}/{name}.jsonl", "w") as so, open(f"{out}/{name}.err", "w") as se:
    subprocess.run(cmd, stdout=so, stderr=se)
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
wall = time.time() - t0
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
names = json.load(open(f"{out}/pages.names.json", encoding="utf-8"))
pred = {}
for line in open(f"{out}/{name}.jsonl", encoding="utf-8"):
    row = json.loads(line)
    path = row["path"]
    if path.endswith(".gz"):
        key = os.path.basename(path)[:-3]
    else:  # pages.jsonl:LINE
        key = names[int(path.rsplit(":", 1)[1]) - 1]
    pred[key] = row.get("published")
pps = len(pred) / cpu if cpu > 0 else 0.0
json.dump(pred, open(f"{out}/{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump({"pages_per_s": pps}, open(f"{out}/{name}.timing.json", "w"))
print(f"{name}: {len(pred)} pages, {cpu:.2f} s on-CPU ({wall:.2f} s wall) = {pps:.1f} pages/s on-CPU")
PY
}
run files "$BENCH/html"
run url "$OUT/pages.jsonl"
# The date finder alone (parse + metadata, no main text), with URLs, timed on-CPU.
"${PIN[@]}" "${DATE_BENCH:-${CARGO_TARGET_DIR:-target}/release/examples/date_bench}" \
  "$OUT/pages.jsonl" "$OUT/pages.names.json" "$OUT"
python3 "$BENCH/score.py" "$BENCH/ground-truth.json" "$OUT/files.json" "$OUT/url.json" \
  "$OUT/dates.json" --boot 200
