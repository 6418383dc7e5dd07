//! `claimtrack stats`: counts of what the database holds.

use super::{with_stdout, Ctx, EXIT_OK};
use crate::export::{self, Format};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimtrack stats\n  claimtrack stats --format json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    let stats = store.stats()?;
    with_stdout(|w| export::write_stats(w, &stats, args.format))?;
    Ok(EXIT_OK)
}
