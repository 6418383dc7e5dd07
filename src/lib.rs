//! claimtrack: track what tech platforms say about personal data against what is later revealed.
//!
//! The pipeline, one module a stage (see ARCHITECTURE.md):
//! `source` (read local input) → `extract` (HTML → text and metadata) → `claims` (text → claims)
//! → `store` (SQLite; calls `link` as claims arrive) → `export` (timelines and row formats).
//! `pipeline` strings the stages together for `ingest` and `reextract`; `cli` is the only code
//! that prints.

pub mod claims;
pub mod cli;
pub mod dates;
pub mod eval;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod link;
pub mod model;
pub mod pipeline;
pub mod source;
pub mod store;
pub mod synth;

// mimalloc (default feature `mimalloc`): html5ever's tree and the claim matcher allocate many
// small, short-lived objects. Set here, in the library, so the binary, the examples and the
// tests all run on the allocator the product ships with (BENCHMARKS.md "Main-text extraction").
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
