//! `claimtrack completions SHELL` and `claimtrack man`: shell completions and a man page,
//! generated from the same clap definitions as the parser.

use clap::CommandFactory;

use super::{with_stdout, Cli, Ctx, EXIT_OK};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack completions bash > /etc/bash_completion.d/claimtrack\n  \
claimtrack completions zsh > ~/.zfunc/_claimtrack\n  claimtrack completions fish > ~/.config/fish/completions/claimtrack.fish"
)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  claimtrack man > claimtrack.1 && man ./claimtrack.1")]
pub struct ManArgs {}

pub fn run(_ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    let mut cmd = Cli::command();
    with_stdout(|w| {
        clap_complete::generate(args.shell, &mut cmd, "claimtrack", w);
        Ok(())
    })?;
    Ok(EXIT_OK)
}

pub fn run_man(_ctx: &Ctx, _args: ManArgs) -> anyhow::Result<i32> {
    let man = clap_mangen::Man::new(Cli::command());
    with_stdout(|w| man.render(w))?;
    Ok(EXIT_OK)
}
