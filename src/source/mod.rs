//! Reading local input: files and directories (`.html`, `.htm`, `.txt`, `.md`, and `.gz` of
//! these) and JSONL dumps (our fields and news-please's). This stage does file I/O and nothing
//! else: it yields `RawDoc`s and `InputError`s, one per item, and never stops a batch.

use std::io::BufRead;
use std::path::Path;

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
}

/// One bad item: which one (file, or file:line) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{item}: {reason}")]
pub struct InputError {
    pub item: String,
    pub reason: String,
}

/// Reads a file or a directory (recursively, in sorted order), calling `sink` once per item.
pub fn read_path(path: &Path, sink: &mut dyn FnMut(Result<RawDoc, InputError>)) {
    let _ = (path, sink);
    unimplemented!("source::read_path")
}

/// Reads JSONL, one article per line; `name` names the input in errors (`-` for stdin).
pub fn read_jsonl(reader: &mut dyn BufRead, name: &str, sink: &mut dyn FnMut(Result<RawDoc, InputError>)) {
    let _ = (reader, name, sink);
    unimplemented!("source::read_jsonl")
}
