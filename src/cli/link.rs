//! `claimtrack link confirm|reject|reset ID`: record a person's decision on a link. Decisions
//! are kept under the stable identity of the two claims, so they survive `reextract`,
//! re-ingesting and relinking.

use clap::Subcommand;

use super::{Ctx, EXIT_OK};
use crate::store::LinkStatus;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack link confirm 12 --note \"matches the FTC filing\"\n  \
claimtrack link reject 13 --note \"different product\" --by ana\n  claimtrack link reset 13"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Mark a link as checked and right.
    #[command(after_help = "Examples:\n  claimtrack link confirm 12 --note \"matches the FTC filing\"")]
    Confirm(Decision),
    /// Mark a link as wrong; it is left out of contradictions and timelines from now on.
    #[command(after_help = "Examples:\n  claimtrack link reject 13 --note \"a different product\" --by ana")]
    Reject(Decision),
    /// Forget the decision on a link (back to `auto`).
    #[command(after_help = "Examples:\n  claimtrack link reset 13")]
    Reset(Decision),
}

#[derive(Debug, clap::Args)]
pub struct Decision {
    /// The link's id (as `review` and `contradictions` print it).
    pub id: i64,
    /// Why (kept with the decision).
    #[arg(long)]
    pub note: Option<String>,
    /// Who decides [default: $USER].
    #[arg(long)]
    pub by: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let (status, d) = match args.action {
        Action::Confirm(d) => (LinkStatus::Confirmed, d),
        Action::Reject(d) => (LinkStatus::Rejected, d),
        Action::Reset(d) => (LinkStatus::Auto, d),
    };
    let by =
        d.by.or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()));
    let mut store = ctx.open_existing_write()?;
    store.set_link_status(d.id, status, d.note.as_deref(), by.as_deref())?;
    ctx.note(format!("link #{}: {status}", d.id));
    Ok(EXIT_OK)
}
