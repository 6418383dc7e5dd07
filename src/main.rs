// The global allocator (mimalloc, default feature) is set in the library, src/lib.rs.
fn main() {
    std::process::exit(claimtrack::cli::main());
}
