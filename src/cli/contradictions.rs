//! `claimtrack contradictions`: each denial with the statement that contradicts it, and why.

use super::{with_stdout, Ctx, FilterArgs, StatusArgs, EXIT_OK};
use crate::export::{self, Format};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack contradictions\n  claimtrack contradictions --company Facebook --status confirmed --format jsonl"
)]
pub struct Args {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub status: StatusArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    let mut filter = args.filter.to_filter()?;
    filter.status = args.status.to_filter();
    let rows = store.contradictions(&filter)?;
    with_stdout(|w| export::write_contradictions(w, &rows, args.format))?;
    Ok(EXIT_OK)
}
