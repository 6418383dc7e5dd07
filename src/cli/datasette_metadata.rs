//! `claimtrack datasette-metadata`: metadata for Datasette (titles, descriptions, column help).

use std::path::PathBuf;

use anyhow::Context;

use super::{with_stdout, Ctx, EXIT_OK};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimtrack datasette-metadata > metadata.json\n  claimtrack --db claims.db datasette-metadata -o metadata.json\n  \
datasette serve claims.db -m metadata.json"
)]
pub struct Args {
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<i32> {
    // Datasette names a database after its file, without the extension.
    let name = ctx
        .db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claimtrack".to_string());
    let metadata = crate::store::datasette_metadata(&name);
    let text = serde_json::to_string_pretty(&metadata)? + "\n";
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
            ctx.note(format!("wrote {}", path.display()));
        }
        None => with_stdout(|w| w.write_all(text.as_bytes()))?,
    }
    Ok(EXIT_OK)
}
