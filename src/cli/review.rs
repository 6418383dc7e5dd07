//! `claimtrack review`: the links waiting for a person's decision, each with both sentences,
//! who said them and when, the articles' titles and URLs, and the reason.

use super::{with_stdout, Ctx, EXIT_OK};
use crate::export::{self, Format};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack review\n  claimtrack review --format json\n  \
claimtrack link confirm 12 --note \"checked against the filing\"\n  claimtrack review --orphaned"
)]
pub struct Args {
    /// Instead, list confirmed decisions whose claims the extractor no longer finds.
    #[arg(long)]
    pub orphaned: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    if args.orphaned {
        let rows = store.orphaned_decisions()?;
        with_stdout(|w| export::write_orphaned(w, &rows, args.format))?;
        return Ok(EXIT_OK);
    }
    let rows = store.links_for_review()?;
    with_stdout(|w| export::write_review(w, &rows, args.format))?;
    if rows.is_empty() {
        ctx.note("no links wait for review");
    }
    Ok(EXIT_OK)
}
