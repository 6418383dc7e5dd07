//! `claimtrack review`: the links waiting for a person's decision, each with both sentences,
//! who said them and when, the articles' titles and URLs, and the reason.

use super::{with_stdout, Ctx, FilterArgs, EXIT_OK};
use crate::export::{self, Format};
use crate::store::{LinkStatus, StatusFilter};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack review\n  claimtrack review --format json\n  \
claimtrack review --company Facebook --since 2018 --limit 20\n  \
claimtrack link confirm 12 --note \"checked against the filing\"\n  claimtrack review --orphaned"
)]
pub struct Args {
    /// Which links to list (all waiting ones unless told): the filters of `claims`, applied
    /// to either side of a link as on `contradictions`.
    #[command(flatten)]
    pub filter: FilterArgs,
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
    let mut filter = args.filter.to_filter()?;
    filter.status = StatusFilter::Only(LinkStatus::Auto);
    let rows = store.review_links(&filter)?;
    with_stdout(|w| export::write_review(w, &rows, args.format))?;
    if rows.is_empty() {
        ctx.note("no links wait for review");
    } else if filter.limit.is_some_and(|l| rows.len() >= l) {
        let more = store.count_contradictions(&filter)? - rows.len() as i64;
        if more > 0 {
            ctx.note(format!(
                "{more} more wait for review; a larger --limit, or none, lists them"
            ));
        }
    }
    Ok(EXIT_OK)
}
