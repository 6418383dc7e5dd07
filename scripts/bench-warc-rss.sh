#!/bin/sh
# Peak memory of `claimtrack ingest --warc` on a large generated WARC file.
#
#   scripts/bench-warc-rss.sh [SIZE_MB] [HTML_PERCENT]    (defaults: 1024 MB, 20 % HTML)
#   WARC=/tmp/big.warc.gz scripts/bench-warc-rss.sh      (keep the file; reuse it next time)
#
# Writes a .warc.gz (one gzip member a record, as Common Crawl does) of about SIZE_MB
# uncompressed: HTML response records of ~50 KB (HTML_PERCENT of the bytes; each page a long
# story with a few claim paragraphs among filler) between PDF records of 2 MB (read and
# skipped by the reader). Then, under /usr/bin/time -v, the release binary streams it through
# the WARC reader alone (`bench warc`) and through the whole `ingest --warc`, and the peak RSS
# of each is printed. Needs python3 and GNU time.
set -eu
size_mb=${1:-1024}
html_pct=${2:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=${CLAIMTRACK:-target/release/claimtrack}
warc=${WARC:-$dir/big.warc.gz}
[ -s "$warc" ] || python3 - "$warc" "$size_mb" "$html_pct" <<'PY'
import gzip, sys, random
path, size_mb, html_pct = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
claim = ("<p>Regulators said the company shared the location history and contact lists of its "
         "users with outside developers for years, while its privacy policy told people that "
         "their personal data stayed under their control. Item %d, paragraph %d.</p>\n")
filler = ("<p>The council met on Thursday to discuss the harbour budget, the new ferry timetable "
          "and the repairs to the library roof, and agreed to meet again next month. Item %d, "
          "paragraph %d.</p>\n")
para = lambda n, i: (claim if i % 40 == 0 else filler) % (n, i)
def record(uri, ctype, body):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-03-01T12:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (uri, len(http))).encode()
    return head + http + b"\r\n\r\n"
total, target, n = 0, size_mb << 20, 0
pdf = bytes(random.getrandbits(8) for _ in range(1 << 16)) * 32  # 2 MB
with open(path, "wb") as f:
    while total < target:
        n += 1
        # A PDF record is 40 times an HTML one: pick HTML with the odds that give html_pct of the bytes.
        if random.random() * 100 < html_pct * 100 / (html_pct + (100 - html_pct) / 40):
            body = ("<!doctype html><html><head><title>Story %d</title></head><body><article>"
                    "<h1>Story %d</h1><p>Facebook said on Tuesday that it would review how apps "
                    "reach user data.</p>%s</article></body></html>" % (
                        n, n, "".join(para(n, i) for i in range(170)))).encode()
            rec = record("https://news%d.example/story/%d" % (n % 50, n), b"text/html; charset=utf-8", body)
        else:
            rec = record("https://files.example/doc/%d.pdf" % n, b"application/pdf", pdf)
        total += len(rec)
        f.write(gzip.compress(rec, 1))
print("wrote %d records, %d MB uncompressed" % (n, total >> 20), file=sys.stderr)
PY
ls -l "$warc" >&2
echo "bench warc (the reader alone):"
/usr/bin/time -v "$bin" bench warc "$warc" 2> "$dir/time0.txt" || true
grep -E "Maximum resident|Elapsed" "$dir/time0.txt"
echo "ingest --all --warc (reader, extraction, claims, links, SQLite):"
/usr/bin/time -v "$bin" --db "$dir/t.db" ingest --all --warc "$warc" 2> "$dir/time.txt" || true
grep -E "claimtrack:|Maximum resident|Elapsed" "$dir/time.txt"
