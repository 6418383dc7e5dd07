//! `claimtrack contradictions`: each denial with the statement that contradicts it, and why.

use super::{note_more, with_stdout, Ctx, FilterArgs, StatusArgs, EXIT_OK};
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
    let (mut filter, default_limit) = args.filter.to_listing_filter()?;
    filter.status = args.status.to_filter();
    let rows = store.contradictions(&filter)?;
    with_stdout(|w| export::write_contradictions(w, &rows, args.format))?;
    if default_limit {
        note_more(ctx, rows.len(), || Ok(store.count_contradictions(&filter)?))?;
    }
    // Each claim keeps its most relevant links only: say how many more were found.
    let mut denials: Vec<i64> = Vec::new();
    for r in &rows {
        if !denials.contains(&r.denial.id) {
            denials.push(r.denial.id);
        }
    }
    let unkept = store.unkept_reports(&denials)?;
    const SHOWN: usize = 20;
    if unkept.len() > SHOWN {
        ctx.note(format!(
            "{} of these denials have more contradicting reports than kept as links; the first {SHOWN}:",
            unkept.len()
        ));
    }
    for &(id, more) in unkept.iter().take(SHOWN) {
        let Some(r) = rows.iter().find(|r| r.denial.id == id) else {
            continue;
        };
        ctx.note(format!(
            "denial #{id} ({}: {:?}): and {more} more contradicting report{} not kept as links \
             (each claim keeps its {} most relevant; `claimtrack claims --company {:?} --polarity assertion` lists them all)",
            r.denial.claim.actor,
            r.denial.claim.sentence,
            if more == 1 { "" } else { "s" },
            crate::store::LINKS_KEPT_PER_CLAIM,
            r.denial.claim.actor,
        ));
    }
    Ok(EXIT_OK)
}
