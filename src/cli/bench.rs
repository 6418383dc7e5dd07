//! `claimtrack bench`: benchmarks that print figures.

use super::{Ctx, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> anyhow::Result<i32> {
    Ok(EXIT_OK)
}
