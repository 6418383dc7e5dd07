#!/usr/bin/env bash
# Publication-date benchmark over ../shared/bench/publish-date (994 pages; falls back to
# /work/shared/bench/publish-date). Runs `claimtrack extract --format jsonl` twice, pinned to
# one core when taskset exists:
#   files  the .html.gz files as they are: the extractor does not know the page URL (dates
#          in URLs count only when the page names its own URL: canonical link, og:url);
#   url    one JSONL file of {url, html} per page, so the URL is known (as htmldate's
#          evaluation passes it).
# For each it writes {file name: "YYYY-MM-DD" | null} as score.py wants, prints pages/s (the
# whole CLI run: reading, gunzip, decoding, extraction, JSON output) and the scores.
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
  cargo build --release --quiet
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
  local start end
  start=$(date +%s.%N)
  "${PIN[@]}" "$BIN" extract --format jsonl "$@" >"$OUT/$name.jsonl" 2>"$OUT/$name.err" || true
  end=$(date +%s.%N)
  python3 - "$OUT" "$name" "$start" "$end" <<'PY'
import json, os, sys
out, name, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
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
pps = len(pred) / (end - start)
json.dump(pred, open(f"{out}/{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
json.dump({"pages_per_s": pps}, open(f"{out}/{name}.timing.json", "w"))
print(f"{name}: {len(pred)} pages in {end - start:.2f} s = {pps:.1f} pages/s")
PY
}
run files "$BENCH/html"
run url "$OUT/pages.jsonl"
python3 "$BENCH/score.py" "$BENCH/ground-truth.json" "$OUT/files.json" "$OUT/url.json" --boot 200
