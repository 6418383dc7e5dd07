// The global allocator (mimalloc, default feature) is set in the library, src/lib.rs.

/// Runs `tune_allocator` before `main`, as the loader runs static initializers: before the
/// runtime's first allocation reserves the allocator's arena.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = claimtrack::tune_allocator;

fn main() {
    std::process::exit(claimtrack::cli::main());
}
