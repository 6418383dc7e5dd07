//! `claimtrack reextract`: re-run claim extraction and linking over the stored articles.

use std::path::PathBuf;

use super::{load_lexicon, progress_bar, Ctx, EXIT_OK};
use crate::claims::Extractor;
use crate::pipeline::{self, Event};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack reextract\n  claimtrack reextract --lexicon my-companies.tsv"
)]
pub struct Args {
    /// An extra company lexicon (TSV, as data/companies.tsv).
    #[arg(long, env = "CLAIMTRACK_LEXICON")]
    pub lexicon: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let extractor = Extractor::new(&load_lexicon(args.lexicon.as_deref())?);
    let mut store = ctx.open_write()?;
    let bar = progress_bar(ctx, None);
    let summary = pipeline::reextract(&extractor, &mut store, &mut |event| {
        if let Event::Progress { summary } = event {
            bar.set_position(summary.read as u64);
        }
    })?;
    bar.finish_and_clear();
    ctx.note(format!(
        "re-extracted {} articles: {} claims, {} links",
        summary.read, summary.claims, summary.links
    ));
    Ok(EXIT_OK)
}
