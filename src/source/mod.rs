//! Reading local input: files and directories (`.html`, `.htm`, `.txt`, `.md`, and `.gz` of
//! these) and JSONL dumps (our fields and news-please's). This stage does file I/O and nothing
//! else: it yields `RawDoc`s and `InputError`s, one per item, and never stops a batch.
//!
//! Text files: an optional front-matter block between `---` lines at the very top gives `url`,
//! `title`, `published`, `outlet` and `author` (`key: value`, values optionally quoted, other
//! keys ignored). When the front matter gives a title, the whole rest of the file is the body;
//! otherwise the first non-empty line is the title (a Markdown `#` heading mark is dropped)
//! and the rest is the body.

mod decode;

use std::fs;
use std::io::{BufRead, Read};
use std::path::Path;

use serde_json::{Map, Value};

/// One input item as read, before extraction and date parsing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawDoc {
    /// Where it came from: a path, or `path:line` for JSONL.
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The publication date as the input wrote it (parsed later by `dates::parse_input_date`).
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// Plain text body (for `.txt`/`.md`, without the title line and front matter).
    pub text: Option<String>,
    /// Raw HTML, when the item is a page.
    pub html: Option<String>,
    /// A title from elsewhere (a feed entry, a news sitemap), used when the page has none.
    pub title_hint: Option<String>,
    /// Likewise a publication date; one that cannot be parsed is ignored, not an error.
    pub published_hint: Option<String>,
    /// The language the input declares (a JSONL `language` field, as news-please writes it).
    pub language: Option<String>,
}

/// One bad item: which one (file, or file:line) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{item}: {reason}")]
pub struct InputError {
    pub item: String,
    pub reason: String,
}

impl InputError {
    fn new(item: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            item: item.into(),
            reason: reason.into(),
        }
    }
}

/// The longest JSONL line read; longer lines are reported and skipped.
pub const MAX_JSONL_LINE: usize = 64 << 20;
/// The most a `.gz` file may decompress to (guards against gzip bombs).
pub const MAX_GUNZIPPED: u64 = MAX_FILE;
/// The largest file read as one article (before or after gunzipping); larger ones are
/// reported and skipped, as a JSONL line over `MAX_JSONL_LINE` is.
pub const MAX_FILE: u64 = 64 << 20;
/// How deep directories are walked (guards against symlink loops).
const MAX_DEPTH: usize = 64;

const SUPPORTED: &str = ".html, .htm, .txt, .md, or .gz of these";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Text,
}

/// The kind of a file by its name, and whether it is gzipped; `None` when unsupported.
fn kind_of(path: &Path) -> Option<(Kind, bool)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (inner, gz) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let ext = inner.rsplit_once('.')?.1;
    let kind = match ext {
        "html" | "htm" => Kind::Html,
        "txt" | "md" => Kind::Text,
        _ => return None,
    };
    Some((kind, gz))
}

/// Reads a file or a directory (recursively, in sorted order), calling `sink` once per item.
///
/// A file named explicitly must have a supported extension; inside directories, other files
/// and hidden entries (names starting with `.`) are skipped silently.
pub fn read_path(path: &Path, sink: &mut dyn FnMut(Result<RawDoc, InputError>)) {
    match fs::metadata(path) {
        Err(e) => sink(Err(InputError::new(path.display().to_string(), io_reason(&e)))),
        Ok(m) if m.is_dir() => walk(path, 0, sink),
        Ok(_) => match kind_of(path) {
            Some((kind, gz)) => sink(read_file(path, kind, gz)),
            None => sink(Err(InputError::new(
                path.display().to_string(),
                format!("unsupported file type (expected {SUPPORTED})"),
            ))),
        },
    }
}

fn walk(dir: &Path, depth: usize, sink: &mut dyn FnMut(Result<RawDoc, InputError>)) {
    let item = || dir.display().to_string();
    if depth > MAX_DEPTH {
        sink(Err(InputError::new(
            item(),
            format!("directories nested deeper than {MAX_DEPTH} levels"),
        )));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return sink(Err(InputError::new(item(), io_reason(&e)))),
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => {
                if !e.file_name().to_string_lossy().starts_with('.') {
                    paths.push(e.path());
                }
            }
            Err(e) => sink(Err(InputError::new(item(), io_reason(&e)))),
        }
    }
    paths.sort();
    for p in paths {
        match fs::metadata(&p) {
            Err(e) => sink(Err(InputError::new(p.display().to_string(), io_reason(&e)))),
            Ok(m) if m.is_dir() => walk(&p, depth + 1, sink),
            Ok(_) => {
                if let Some((kind, gz)) = kind_of(&p) {
                    sink(read_file(&p, kind, gz));
                }
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match e.kind() {
        ErrorKind::NotFound => "not found",
        ErrorKind::PermissionDenied => "permission denied",
        _ => return format!("cannot read: {e}"),
    };
    format!("cannot read: {what}")
}

fn read_file(path: &Path, kind: Kind, gz: bool) -> Result<RawDoc, InputError> {
    let origin = path.display().to_string();
    let err = |reason: String| InputError::new(origin.clone(), reason);
    let too_big = || err(format!("larger than {} MiB: not one article", MAX_FILE >> 20));
    let size = fs::metadata(path).map_err(|e| err(io_reason(&e)))?.len();
    if size > MAX_FILE {
        return Err(too_big());
    }
    let mut bytes = fs::read(path).map_err(|e| err(io_reason(&e)))?;
    if gz {
        if bytes.is_empty() {
            return Err(err("empty file".into()));
        }
        let mut out = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(&bytes[..]).take(MAX_GUNZIPPED + 1);
        dec.read_to_end(&mut out)
            .map_err(|e| err(format!("corrupt gzip: {e}")))?;
        if out.len() as u64 > MAX_GUNZIPPED {
            return Err(err(format!(
                "gzip expands to more than {} MiB",
                MAX_GUNZIPPED >> 20
            )));
        }
        bytes = out;
        if bytes.len() as u64 > MAX_FILE {
            return Err(too_big());
        }
    }
    doc_from_bytes(&bytes, kind == Kind::Html, origin)
}

/// One file's bytes (after gunzipping) as an item: decoded, and for text files split into
/// front matter, title and body. Public for the fuzz targets (`fuzz/`), not an API.
#[doc(hidden)]
pub fn doc_from_bytes(bytes: &[u8], html: bool, origin: String) -> Result<RawDoc, InputError> {
    let err = |reason: String| InputError::new(origin.clone(), reason);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err("empty file".into()));
    }
    let text = decode::decode(bytes, html).map_err(err)?;
    if text.trim().is_empty() {
        return Err(err("empty file".into()));
    }
    Ok(if html {
        RawDoc {
            origin,
            html: Some(text),
            ..Default::default()
        }
    } else {
        parse_text_file(&text, origin)
    })
}

/// Splits a `.txt` / `.md` file into front matter, title and body (see the module docs).
fn parse_text_file(text: &str, origin: String) -> RawDoc {
    let text = text.replace("\r\n", "\n");
    let mut doc = RawDoc {
        origin,
        ..Default::default()
    };
    let mut body: &str = &text;
    if let Some(rest) = text.strip_prefix("---\n") {
        let mut offset = 0;
        let mut close = None;
        for line in rest.split_inclusive('\n') {
            if line.trim_end() == "---" {
                close = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        if let Some(end) = close {
            for line in rest[..end.0].lines() {
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                // Blank inside the quotes is no value too (fuzz finding: `title: "\u{a0}\t"`
                // gave a blank title).
                let v = unquote(v.trim()).trim();
                if v.is_empty() {
                    continue;
                }
                let slot = match k.trim().to_ascii_lowercase().as_str() {
                    "url" => &mut doc.url,
                    "title" => &mut doc.title,
                    "published" | "date" => &mut doc.published,
                    "outlet" => &mut doc.outlet,
                    "author" => &mut doc.author,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(v.to_string());
                }
            }
            body = &rest[end.1..];
        }
    }
    if doc.title.is_none() {
        let trimmed = body.trim_start();
        let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
        let title = first.trim().trim_start_matches('#').trim();
        if !title.is_empty() {
            doc.title = Some(title.to_string());
        }
        body = rest;
    }
    doc.text = Some(body.trim().to_string());
    doc
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// Reads JSONL, one article per line; `name` names the input in errors (`-` for stdin).
pub fn read_jsonl(reader: &mut dyn BufRead, name: &str, sink: &mut dyn FnMut(Result<RawDoc, InputError>)) {
    read_jsonl_capped(reader, name, MAX_JSONL_LINE, sink)
}

fn read_jsonl_capped(
    reader: &mut dyn BufRead,
    name: &str,
    cap: usize,
    sink: &mut dyn FnMut(Result<RawDoc, InputError>),
) {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        buf.clear();
        let item = || format!("{name}:{line_no}");
        let too_long = match read_line_capped(reader, &mut buf, cap) {
            Ok(None) => return,
            Ok(Some(too_long)) => too_long,
            Err(e) => {
                sink(Err(InputError::new(item(), format!("read error: {e}"))));
                return;
            }
        };
        if too_long {
            sink(Err(InputError::new(
                item(),
                format!("line longer than {} MiB", cap.div_ceil(1 << 20)),
            )));
            continue;
        }
        // A binary file (an image, an archive, a database) given as JSONL: one line for the
        // file, not one per "line" of it.
        if line_no == 1 && (buf.contains(&0) || std::str::from_utf8(&buf).is_err()) {
            let reason = if buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]) {
                "UTF-16 text; JSONL must be UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)"
            } else {
                "binary file, not JSONL text (skipped whole)"
            };
            sink(Err(InputError::new(name.to_string(), reason)));
            return;
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s,
            Err(e) => {
                let at = e.valid_up_to();
                sink(Err(InputError::new(
                    item(),
                    format!("not valid UTF-8 (at byte {})", at + 1),
                )));
                continue;
            }
        };
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        sink(parse_jsonl_line(line, item()));
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap` bytes. `None` at end
/// of input; `Some(true)` when the line was longer than `cap` (the rest is consumed).
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<bool>> {
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(read_any.then_some(too_long));
        }
        read_any = true;
        let (part, used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if !too_long {
            if buf.len() + part.len() > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        reader.consume(used);
        if done {
            return Ok(Some(too_long));
        }
    }
}

fn parse_jsonl_line(line: &str, origin: String) -> Result<RawDoc, InputError> {
    let err = |reason: String| InputError::new(origin.clone(), reason);
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let mut msg = e.to_string();
        if msg.len() > 120 {
            let cut = (0..=120).rev().find(|i| msg.is_char_boundary(*i)).unwrap_or(0);
            msg.truncate(cut);
            msg.push('…');
        }
        err(format!("not valid JSON: {msg}"))
    })?;
    let Value::Object(obj) = value else {
        return Err(err(format!("not a JSON object (found {})", type_name(&value))));
    };
    let s = |key: &str| string_field(&obj, key).map_err(err);
    let people = |key: &str| people_field(&obj, key).map_err(err);
    let doc = RawDoc {
        url: s("url")?,
        title: s("title")?,
        published: first(s("published")?, s("date_publish")?),
        outlet: first(s("outlet")?, s("source_domain")?),
        author: first(people("author")?, people("authors")?),
        text: first(s("text")?, s("maintext")?),
        html: s("html")?,
        // A string or null, as every other field: a number or an object is a malformed line.
        language: s("language")?,
        origin: origin.clone(),
        ..RawDoc::default()
    };
    if doc.text.is_none() && doc.html.is_none() {
        return Err(err(
            "no text: expected a `text`, `maintext` or `html` field".into()
        ));
    }
    Ok(doc)
}

fn first(ours: Option<String>, theirs: Option<String>) -> Option<String> {
    ours.or(theirs)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A string field; absent, null and blank mean `None`.
fn string_field(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Some(other) => Err(format!("{key} is {}, expected a string", type_name(other))),
    }
}

/// A person field: a string, or an array of strings joined with ", ".
fn people_field(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        Some(Value::Array(items)) => {
            let mut names = Vec::new();
            for v in items {
                match v {
                    Value::String(s) if !s.trim().is_empty() => names.push(s.trim()),
                    Value::String(_) | Value::Null => {}
                    other => {
                        return Err(format!("{key} contains {}, expected strings", type_name(other)));
                    }
                }
            }
            Ok((!names.is_empty()).then(|| names.join(", ")))
        }
        _ => string_field(obj, key)
            .map_err(|e| e.replace("expected a string", "expected a string or an array")),
    }
}

#[cfg(test)]
mod tests;
