//! A streaming WARC reader (`.warc`, and `.warc.gz` as Common Crawl writes it: one gzip member a
//! record). Record by record, in bounded memory; a damaged record is reported and skipped and
//! the reading goes on at the next record.

use std::io::{self, BufRead, BufReader, Read};

use super::FetchError;

/// Response records with a body over this size are skipped (counted in `too_large`).
const MAX_RECORD_BODY: u64 = 16 * 1024 * 1024;
/// A header line longer than this is garbage, not a header.
const MAX_LINE: u64 = 64 * 1024;
/// More header lines than this in one record is garbage too.
const MAX_HEADER_LINES: usize = 512;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// An HTML response record.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcRecord {
    /// `WARC-Target-URI`: the URL that was fetched.
    pub target_uri: String,
    /// `WARC-Date`: when it was fetched (not when it was published).
    pub warc_date: Option<String>,
    /// The HTTP status of the archived response.
    pub http_status: Option<u16>,
    /// The archived HTTP response headers, in order, as written.
    pub http_headers: Vec<(String, String)>,
    /// The payload (the HTML bytes), undecoded.
    pub body: Vec<u8>,
    /// Offset of the record in the file (of its gzip member, for `.warc.gz`).
    pub offset: u64,
}

impl WarcRecord {
    /// The first HTTP header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.http_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the reader hands over, one at a time.
#[derive(Debug, Clone, PartialEq)]
pub enum WarcEvent {
    Record(WarcRecord),
    /// A record that could not be read; `offset` is where it (or its gzip member) starts.
    Damaged {
        offset: u64,
        reason: String,
    },
}

/// Counts for the whole file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcSummary {
    /// Well-formed records read, of any type.
    pub records: u64,
    /// HTML response records handed over.
    pub html: u64,
    /// Well-formed records that were not HTML responses (warcinfo, request, metadata, images...).
    pub skipped: u64,
    /// HTML responses over the size limit, not handed over.
    pub too_large: u64,
    /// Damaged records reported.
    pub damaged: u64,
}

/// Reads a WARC file, plain or gzip (recognised by its magic bytes), calling `on_event` for each
/// HTML response record and each damaged record. Errors only when the input cannot be read at
/// all; damage inside the file is reported through `on_event` and the reading goes on.
pub fn read_warc<R: Read>(reader: R, mut on_event: impl FnMut(WarcEvent)) -> Result<WarcSummary, FetchError> {
    let mut input = BufReader::with_capacity(
        64 * 1024,
        Counting {
            inner: reader,
            count: 0,
        },
    );
    let mut summary = WarcSummary::default();
    let head = input.fill_buf()?;
    if head.starts_with(&GZIP_MAGIC[..2]) {
        read_gzip_members(&mut input, &mut summary, &mut on_event)?;
    } else {
        let mut parser = Parser {
            summary: &mut summary,
            on_event: &mut on_event,
            base: None,
        };
        if let Err(e) = parser.records(&mut input) {
            let offset = input.get_ref().count - input.buffer().len() as u64;
            parser.damaged(offset, format!("read error: {e}"));
        }
    }
    Ok(summary)
}

/// Counts the bytes read from the underlying reader, for offsets.
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

fn position<R>(input: &BufReader<Counting<R>>) -> u64 {
    input.get_ref().count - input.buffer().len() as u64
}

/// One gzip member at a time: a member that fails to decompress is reported, and the reading
/// resumes at the next gzip header found in the compressed bytes.
fn read_gzip_members<R: Read>(
    input: &mut BufReader<Counting<R>>,
    summary: &mut WarcSummary,
    on_event: &mut dyn FnMut(WarcEvent),
) -> io::Result<()> {
    // After a resync the magic bytes have been consumed already; they are put back in front.
    let mut prefix: &[u8] = &[];
    let mut last_was_damaged = false;
    loop {
        let offset = position(input) - prefix.len() as u64;
        if prefix.is_empty() && input.fill_buf()?.is_empty() {
            return Ok(());
        }
        let result = {
            let chained = prefix.chain(&mut *input);
            let mut member = BufReader::new(flate2::bufread::GzDecoder::new(chained));
            let mut parser = Parser {
                summary,
                on_event,
                base: Some(offset),
            };
            parser.records(&mut member)
        };
        prefix = &[];
        match result {
            Ok(()) => last_was_damaged = false,
            Err(e) => {
                // Runs of garbage produce one report, not one per false gzip header in them.
                if !last_was_damaged {
                    summary.damaged += 1;
                    on_event(WarcEvent::Damaged {
                        offset,
                        reason: format!("bad gzip member: {e}"),
                    });
                }
                last_was_damaged = true;
                if !skip_to_magic(input)? {
                    return Ok(());
                }
                prefix = &GZIP_MAGIC;
            }
        }
    }
}

/// Consumes bytes up to and including the next gzip magic; false at end of input.
fn skip_to_magic<B: BufRead>(input: &mut B) -> io::Result<bool> {
    let mut matched = 0;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let mut used = 0;
        for &b in buf {
            used += 1;
            matched = if b == GZIP_MAGIC[matched] {
                matched + 1
            } else if b == GZIP_MAGIC[0] {
                1
            } else {
                0
            };
            if matched == GZIP_MAGIC.len() {
                input.consume(used);
                return Ok(true);
            }
        }
        input.consume(used);
    }
}

struct Parser<'a> {
    summary: &'a mut WarcSummary,
    on_event: &'a mut dyn FnMut(WarcEvent),
    /// The gzip member's offset, when reading a member; else offsets are positions in `r`.
    base: Option<u64>,
}

impl Parser<'_> {
    fn damaged(&mut self, offset: u64, reason: String) {
        self.summary.damaged += 1;
        (self.on_event)(WarcEvent::Damaged { offset, reason });
    }

    /// Reads records until the end of `r`. I/O errors (a broken gzip member) are returned;
    /// malformed records are reported and skipped.
    fn records<B: BufRead>(&mut self, r: &mut B) -> io::Result<()> {
        let mut pos: u64 = 0;
        let mut resyncing = false;
        let mut line = Vec::new();
        loop {
            let start = pos;
            line.clear();
            let n = r.by_ref().take(MAX_LINE).read_until(b'\n', &mut line)?;
            if n == 0 {
                return Ok(());
            }
            pos += n as u64;
            if trim_eol(&line).is_empty() {
                continue;
            }
            if !line.starts_with(b"WARC/") {
                if !resyncing {
                    self.damaged(
                        self.base.unwrap_or(start),
                        "no WARC version line where a record should start".into(),
                    );
                    resyncing = true;
                }
                continue;
            }
            resyncing = false;
            let record_offset = self.base.unwrap_or(start);
            match self.record(r, &mut pos, record_offset)? {
                Ok(()) => {}
                Err(reason) => {
                    self.damaged(record_offset, reason);
                    resyncing = true;
                }
            }
        }
    }

    /// Reads the rest of one record after its version line. The outer error is I/O; the inner
    /// one says why the record is malformed.
    fn record<B: BufRead>(
        &mut self,
        r: &mut B,
        pos: &mut u64,
        offset: u64,
    ) -> io::Result<Result<(), String>> {
        let mut headers = Vec::new();
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = r.by_ref().take(MAX_LINE).read_until(b'\n', &mut line)?;
            *pos += n as u64;
            if n == 0 {
                return Ok(Err("truncated in the WARC headers".into()));
            }
            let l = trim_eol(&line);
            if l.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADER_LINES || !line.ends_with(b"\n") {
                return Ok(Err("WARC headers too long".into()));
            }
            match parse_header(l) {
                Some(h) => headers.push(h),
                None => {
                    return Ok(Err(format!(
                        "bad WARC header line {:?}",
                        String::from_utf8_lossy(l)
                    )))
                }
            }
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            return Ok(Err("no valid Content-Length".into()));
        };
        let is_response = get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let wanted = is_response && length <= MAX_RECORD_BODY;
        let mut block = Vec::new();
        let got = if wanted {
            block.reserve(length as usize);
            r.by_ref().take(length).read_to_end(&mut block)? as u64
        } else {
            io::copy(&mut r.by_ref().take(length), &mut io::sink())?
        };
        *pos += got;
        if got < length {
            return Ok(Err(format!("truncated: {got} of {length} content bytes")));
        }
        // The block must be followed by CRLF CRLF (an early end of input is tolerated).
        for _ in 0..2 {
            line.clear();
            let n = r.by_ref().take(MAX_LINE).read_until(b'\n', &mut line)?;
            *pos += n as u64;
            if n > 0 && !trim_eol(&line).is_empty() {
                return Ok(Err("content does not end where Content-Length says".into()));
            }
        }
        self.summary.records += 1;
        if !is_response {
            self.summary.skipped += 1;
            return Ok(Ok(()));
        }
        if !wanted {
            self.summary.too_large += 1;
            return Ok(Ok(()));
        }
        let (status, http_headers, body) = split_http(&block);
        let payload_type = get("WARC-Identified-Payload-Type");
        if !is_html(&http_headers, payload_type, body) {
            self.summary.skipped += 1;
            return Ok(Ok(()));
        }
        self.summary.html += 1;
        let record = WarcRecord {
            target_uri: get("WARC-Target-URI")
                .unwrap_or("")
                .trim()
                .trim_matches(['<', '>'])
                .to_string(),
            warc_date: get("WARC-Date").map(|d| d.trim().to_string()),
            http_status: status,
            http_headers,
            body: body.to_vec(),
            offset,
        };
        (self.on_event)(WarcEvent::Record(record));
        Ok(Ok(()))
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn parse_header(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = std::str::from_utf8(&line[..colon]).ok()?.trim();
    if name.is_empty() || name.contains(' ') {
        return None;
    }
    Some((
        name.to_string(),
        String::from_utf8_lossy(&line[colon + 1..]).trim().to_string(),
    ))
}

/// Splits an `application/http` response block into status, headers and payload. A block that
/// is not an HTTP response is all payload.
fn split_http(block: &[u8]) -> (Option<u16>, Vec<(String, String)>, &[u8]) {
    if !block.starts_with(b"HTTP/") {
        return (None, Vec::new(), block);
    }
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((head_end, body_start)) = end else {
        return (None, Vec::new(), block);
    };
    let head = &block[..head_end];
    let mut lines = head.split(|&b| b == b'\n').map(trim_eol);
    let status = lines
        .next()
        .and_then(|l| std::str::from_utf8(l).ok())
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok());
    let headers = lines.filter_map(parse_header).collect();
    (status, headers, &block[body_start..])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_html(headers: &[(String, String)], payload_type: Option<&str>, body: &[u8]) -> bool {
    let content_type = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Type"))
        .map(|(_, v)| v.as_str());
    if let Some(ct) = content_type.or(payload_type) {
        return super::client::is_html_type(ct);
    }
    let start = &body[..body.len().min(512)];
    let start = String::from_utf8_lossy(start).trim_start().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::{write::GzEncoder, Compression};

    use super::*;

    fn record(warc_type: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{}>\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(content_type: &str, body: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nServer: test\r\n\r\n{body}").into_bytes()
    }

    /// warcinfo, request, HTML response A, image response, DAMAGED, HTML response B, metadata.
    /// The damaged record claims fewer content bytes than it has.
    fn fixture_records() -> Vec<Vec<u8>> {
        let mut damaged = record(
            "response",
            "https://news.example.org/broken",
            &http("text/html", "<p>cut</p>"),
        );
        let pos = find(&damaged, b"Content-Length: ").expect("the record has a length") + 16;
        damaged[pos] = b'1'; // "Content-Length: 1x" → a shorter, wrong length
        damaged.remove(pos + 1);
        vec![
            record("warcinfo", "", b"software: hand-written fixture\r\n"),
            record(
                "request",
                "https://news.example.org/a",
                b"GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n",
            ),
            record(
                "response",
                "https://news.example.org/a",
                &http("text/html; charset=utf-8", "<p>first story</p>"),
            ),
            record(
                "response",
                "https://news.example.org/logo.png",
                &http("image/png", "\u{89}PNG"),
            ),
            damaged,
            record(
                "response",
                "https://news.example.org/b",
                &http("text/html", "<p>second story</p>"),
            ),
            record("metadata", "https://news.example.org/b", b"fetchTimeMs: 12\r\n"),
        ]
    }

    fn read(bytes: &[u8]) -> (Vec<WarcRecord>, Vec<(u64, String)>, WarcSummary) {
        let (mut records, mut damaged) = (Vec::new(), Vec::new());
        let summary = read_warc(bytes, |event| match event {
            WarcEvent::Record(r) => records.push(r),
            WarcEvent::Damaged { offset, reason } => damaged.push((offset, reason)),
        })
        .expect("reading from memory cannot fail");
        (records, damaged, summary)
    }

    fn check(bytes: &[u8], want_damaged: u64) {
        let (records, damaged, summary) = read(bytes);
        let uris: Vec<&str> = records.iter().map(|r| r.target_uri.as_str()).collect();
        assert_eq!(uris, ["https://news.example.org/a", "https://news.example.org/b"]);
        assert_eq!(records[0].body, b"<p>first story</p>");
        assert_eq!(records[0].http_status, Some(200));
        assert_eq!(
            records[0].header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(records[1].warc_date.as_deref(), Some("2024-03-01T12:00:00Z"));
        assert_eq!(summary.html, 2);
        assert_eq!(summary.skipped, 4, "warcinfo, request, image, metadata");
        assert_eq!(summary.damaged, want_damaged);
        assert_eq!(damaged.len() as u64, want_damaged);
    }

    #[test]
    fn plain_warc_with_a_damaged_record() {
        let records = fixture_records();
        let damaged_offset: usize = records[..4].iter().map(Vec::len).sum();
        let bytes = records.concat();
        check(&bytes, 1);
        let (_, damaged, _) = read(&bytes);
        assert_eq!(damaged[0].0, damaged_offset as u64);
        assert!(damaged[0].1.contains("Content-Length"), "{}", damaged[0].1);
    }

    #[test]
    fn gzip_warc_with_a_damaged_member() {
        // One gzip member a record, as Common Crawl writes them; the damaged record's member is
        // also corrupted in its compressed bytes.
        let mut bytes = Vec::new();
        let mut offsets = Vec::new();
        for (i, rec) in fixture_records().into_iter().enumerate() {
            let mut gz = GzEncoder::new(Vec::new(), Compression::default());
            gz.write_all(&rec).expect("writing to a Vec cannot fail");
            let mut member = gz.finish().expect("writing to a Vec cannot fail");
            if i == 4 {
                let mid = member.len() / 2;
                for b in &mut member[mid..mid + 6] {
                    *b ^= 0x5a;
                }
            }
            offsets.push(bytes.len() as u64);
            bytes.extend(member);
        }
        let (_, damaged, _) = read(&bytes);
        check(&bytes, 1);
        assert_eq!(damaged[0].0, offsets[4]);
    }

    #[test]
    fn garbage_between_records_and_truncated_end() {
        let records = fixture_records();
        let mut bytes = records[2].clone();
        bytes.extend_from_slice(b"this line is not a record\r\nnor this one\r\n");
        bytes.extend_from_slice(&records[5]);
        let last = &records[2];
        bytes.extend_from_slice(&last[..last.len() - 30]);
        let (got, damaged, summary) = read(&bytes);
        assert_eq!(got.len(), 2);
        assert_eq!(summary.damaged, 2, "{damaged:?}");
        assert!(damaged[1].1.contains("truncated"), "{damaged:?}");
    }

    #[test]
    fn empty_and_headerless_input() {
        assert_eq!(read(b"").2, WarcSummary::default());
        let (got, damaged, _) = read(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>no length</p>\r\n\r\n");
        assert!(got.is_empty());
        assert_eq!(damaged.len(), 1);
        assert!(damaged[0].1.contains("Content-Length"));
    }

    #[test]
    fn html_sniffed_without_content_type() {
        let block = b"HTTP/1.1 200 OK\r\nServer: x\r\n\r\n<!DOCTYPE html><p>sniffed</p>";
        let (got, _, _) = read(&record("response", "https://s.example/x", block));
        assert_eq!(got.len(), 1);
        let block = b"HTTP/1.1 200 OK\r\nServer: x\r\n\r\n{\"json\": true}";
        let (got, _, summary) = read(&record("response", "https://s.example/y", block));
        assert!(got.is_empty());
        assert_eq!(summary.skipped, 1);
    }

    /// Yields `count` copies of one record, without holding more than one in memory.
    struct Repeat {
        record: Vec<u8>,
        pos: usize,
        left: u64,
    }

    impl std::io::Read for Repeat {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.pos == self.record.len() {
                if self.left == 0 {
                    return Ok(0);
                }
                self.left -= 1;
                self.pos = 0;
            }
            let n = buf.len().min(self.record.len() - self.pos);
            buf[..n].copy_from_slice(&self.record[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// Memory figure, not a pass/fail timing: `cargo test --lib warc_memory -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads 1 GB; run by hand for the memory figure"]
    fn warc_memory_stays_bounded() {
        let page = format!(
            "<html><body>{}</body></html>",
            "<p>some words about data</p>".repeat(3000)
        );
        let rec = record("response", "https://big.example/x", &http("text/html", &page));
        let count = (1u64 << 30) / rec.len() as u64;
        let started = std::time::Instant::now();
        let mut html = 0;
        let summary = read_warc(
            Repeat {
                pos: rec.len(),
                record: rec,
                left: count,
            },
            |e| {
                if matches!(e, WarcEvent::Record(_)) {
                    html += 1;
                }
            },
        )
        .expect("reading from memory cannot fail");
        assert_eq!(summary.html, count);
        let peak = peak_rss_kb().unwrap_or(0);
        eprintln!(
            "1 GiB WARC, {html} records in {:?}; peak RSS {} MiB",
            started.elapsed(),
            peak / 1024
        );
        assert!(peak < 200 * 1024, "peak RSS {peak} KiB");
    }
}
