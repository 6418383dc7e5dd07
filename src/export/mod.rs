//! TEMPORARY stub in main until the export branch lands.
use std::io::{self, Write};
use crate::model::{ClaimRecord, ContradictionRecord};
use crate::store::{SearchHit, Stats};
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format { Table, Json, Jsonl, Csv }
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat { Json, Csv, Md, Html, Timelinejs }
pub fn write_claims(w: &mut dyn Write, c: &[ClaimRecord], f: Format) -> io::Result<()> { let _=(w,c,f); Ok(()) }
pub fn write_contradictions(w: &mut dyn Write, c: &[ContradictionRecord], f: Format) -> io::Result<()> { let _=(w,c,f); Ok(()) }
pub fn write_search(w: &mut dyn Write, c: &[SearchHit], f: Format) -> io::Result<()> { let _=(w,c,f); Ok(()) }
pub fn write_stats(w: &mut dyn Write, c: &Stats, f: Format) -> io::Result<()> { let _=(w,c,f); Ok(()) }
pub fn write_timeline(w: &mut dyn Write, c: &[ClaimRecord], l: &[ContradictionRecord], f: TimelineFormat, t: &str) -> io::Result<()> { let _=(w,c,l,f,t); Ok(()) }
