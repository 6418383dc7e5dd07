//! `claimtrack claims`: list claims.

use super::{note_more, with_stdout, Ctx, FilterArgs, EXIT_OK};
use crate::export::{self, Format};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack claims --company Meta --polarity denial\n  claimtrack claims --data-type location --since 2018-01-01 --format csv > location.csv"
)]
pub struct Args {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let store = ctx.open_read_only()?;
    let (filter, default_limit) = args.filter.to_listing_filter()?;
    let rows = store.claims(&filter)?;
    with_stdout(|w| export::write_claims(w, &rows, args.format))?;
    if default_limit {
        note_more(ctx, rows.len(), || Ok(store.count_claims(&filter)?))?;
    }
    Ok(EXIT_OK)
}
