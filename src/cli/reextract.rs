//! `claimtrack reextract`: re-run claim extraction and linking over the stored articles (with
//! `--html`, main-text extraction from the kept raw pages first).

use std::path::PathBuf;

use super::{load_lexicon, progress_bar, Ctx, EXIT_OK, EXIT_SOME_FAILED};
use crate::claims::Extractor;
use crate::pipeline::{self, Event, Reextract};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack reextract\n  claimtrack reextract --lexicon my-companies.tsv\n  claimtrack reextract --html"
)]
pub struct Args {
    /// An extra company lexicon (TSV, as data/companies.tsv).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
    /// Read the kept raw pages again first (main text, title, dates, author, outlet), for
    /// articles ingested from HTML whose page was kept (ingest keeps it unless told not to):
    /// after an upgrade that extracts pages better.
    #[arg(long)]
    pub html: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let extractor = Extractor::new(&load_lexicon(args.lexicon.as_deref())?);
    let mut store = ctx.open_existing_write()?;
    let bar = progress_bar(ctx, None);
    let how = Reextract {
        pages: args.html,
        latest: Some(pipeline::latest_believed(chrono::Local::now().date_naive())),
    };
    let summary = pipeline::reextract(&extractor, &mut store, how, &mut |event| match event {
        Event::Progress { summary } => bar.set_position(summary.read as u64),
        Event::Failed { item, reason } => bar.suspend(|| ctx.item_error(item, reason)),
        Event::Skipped { .. } | Event::Unread { .. } => {}
    })?;
    bar.finish_and_clear();
    let pages = if args.html {
        format!(" ({} read again from their pages and changed)", summary.replaced)
    } else {
        String::new()
    };
    ctx.note(format!(
        "re-extracted {} articles{pages}: {} claims, {} links",
        summary.read, summary.claims, summary.links
    ));
    Ok(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}
