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

/// mimalloc's `mi_option_arena_eager_commit` (`mimalloc.h`, v3 of the allocator that the
/// `mimalloc` crate builds).
#[cfg(feature = "mimalloc")]
const MI_OPTION_ARENA_EAGER_COMMIT: std::os::raw::c_int = 4;

#[cfg(feature = "mimalloc")]
extern "C" {
    fn mi_option_set(option: std::os::raw::c_int, value: std::os::raw::c_long);
}

/// Tells the allocator to commit its arena's memory as it is used, not all at once: on Linux
/// mimalloc's default commits the arena eagerly, and memory it then frees stays counted in the
/// process's resident set (peak RSS of a 3,000-article `bench ingest` 205 → 159 MB; BENCHMARKS.md,
/// "sixth scale session"). It must run before the allocator reserves its arena, i.e. before
/// the first allocation: the binary calls it from a static initializer (src/main.rs); called
/// later it has no effect on the arena already reserved.
pub extern "C" fn tune_allocator() {
    #[cfg(feature = "mimalloc")]
    // SAFETY: `mi_option_set` only stores an integer in mimalloc's static option table (valid
    // before mimalloc itself is initialised); option 4 is `mi_option_arena_eager_commit` in the
    // mimalloc v3 sources that libmimalloc-sys builds.
    unsafe {
        mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
    }
}
