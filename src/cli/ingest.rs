//! `claimtrack ingest`: read files, directories and JSONL; store articles, claims and links.

use std::io::BufReader;
use std::path::PathBuf;
use std::sync::mpsc;

use anyhow::bail;
use chrono::NaiveDate;

use super::{load_lexicon, parse_date, progress_bar, Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::claims::Extractor;
use crate::pipeline::{self, Event, Overrides, Summary};
use crate::source::{self, InputError, RawDoc};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack ingest articles/\n  claimtrack ingest --jsonl dump.jsonl\n  \
    news-please-output.jsonl | claimtrack ingest --jsonl -\n  claimtrack ingest report.txt --published 2018-12-19"
)]
pub struct Args {
    /// Files (.html, .htm, .txt, .md, and .gz of these) and directories (read recursively).
    pub paths: Vec<PathBuf>,
    /// A JSONL file, one article per line (`-` for stdin). May be repeated.
    #[arg(long)]
    pub jsonl: Vec<PathBuf>,
    /// Publication date for items that lack one (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Outlet name for items that lack one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// URL for a single input file that lacks one.
    #[arg(long)]
    pub url: Option<String>,
    /// An extra company lexicon (TSV, as data/companies.tsv).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Worker threads for extraction (default: the number of cores).
    #[arg(long)]
    pub workers: Option<usize>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    if args.paths.is_empty() && args.jsonl.is_empty() {
        bail!("nothing to ingest: give files or directories, or --jsonl FILE (see claimtrack ingest --help)");
    }
    if args.url.is_some() && (args.paths.len() != 1 || !args.jsonl.is_empty() || args.paths[0].is_dir()) {
        bail!("--url applies to a single input file; give exactly one file with it");
    }
    let extractor = Extractor::new(&load_lexicon(args.lexicon.as_deref())?);
    let mut store = ctx.open_write()?;
    let overrides = Overrides {
        published: args.published,
        outlet: args.outlet,
        url: args.url,
    };
    let workers = args.workers.unwrap_or_else(default_workers).max(1);
    let summary = ingest_inputs(
        ctx,
        &args.paths,
        &args.jsonl,
        &overrides,
        &extractor,
        &mut store,
        workers,
    )?;
    Ok(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

pub fn default_workers() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Reads every input on a thread of its own and runs the pipeline over the items; prints each
/// failure as it happens and the summary at the end.
pub fn ingest_inputs(
    ctx: &Ctx,
    paths: &[PathBuf],
    jsonl: &[PathBuf],
    overrides: &Overrides,
    extractor: &Extractor,
    store: &mut crate::store::Store,
    workers: usize,
) -> anyhow::Result<Summary> {
    let (tx, rx) = mpsc::sync_channel::<Result<RawDoc, InputError>>(256);
    let (paths, jsonl) = (paths.to_vec(), jsonl.to_vec());
    let reader = std::thread::spawn(move || {
        let mut sink = |item| {
            let _ = tx.send(item);
        };
        for path in &paths {
            source::read_path(path, &mut sink);
        }
        for path in &jsonl {
            let name = path.display().to_string();
            if name == "-" {
                source::read_jsonl(&mut std::io::stdin().lock(), "stdin", &mut sink);
                continue;
            }
            match std::fs::File::open(path) {
                Ok(f) => source::read_jsonl(&mut BufReader::new(f), &name, &mut sink),
                Err(e) => sink(Err(InputError {
                    item: name,
                    reason: format!("cannot open: {e}"),
                })),
            }
        }
    });
    let bar = progress_bar(ctx, None);
    let summary = pipeline::ingest(
        rx.into_iter(),
        overrides,
        extractor,
        store,
        workers,
        &mut |event| match event {
            Event::Failed { item, reason } => bar.suspend(|| ctx.item_error(item, reason)),
            Event::Skipped { .. } => {}
            Event::Progress { summary } => {
                bar.set_position(summary.read as u64);
                bar.set_message(format!("{} failed, {} claims", summary.failed, summary.claims));
            }
        },
    );
    bar.finish_and_clear();
    let _ = reader.join();
    let summary = summary?;
    ctx.note(format_summary(&summary));
    Ok(summary)
}

pub fn format_summary(s: &Summary) -> String {
    format!(
        "read {}, stored {}, replaced {}, duplicates {}, failed {}, claims {}, links {}",
        s.read, s.stored, s.replaced, s.duplicates, s.failed, s.claims, s.links
    )
}
