//! `claimtrack search`: full-text search over stored articles (SQLite FTS5).

use super::{with_stdout, Ctx, EXIT_OK};
use crate::export::{self, Format};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "QUERY uses SQLite FTS5 syntax: words, \"exact phrases\", prefix*, AND/OR/NOT.\n\nExamples:\n  \
claimtrack search '\"private messages\" AND Netflix'\n  claimtrack search 'locat*' --limit 5 --format json"
)]
pub struct Args {
    /// What to look for.
    pub query: String,
    /// At most this many articles.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    let hits = store.search(&args.query, args.limit)?;
    with_stdout(|w| export::write_search(w, &hits, args.format))?;
    Ok(EXIT_OK)
}
