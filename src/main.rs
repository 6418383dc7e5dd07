// mimalloc: html5ever and the claim matcher allocate many small, short-lived objects. On the
// 181-page extraction benchmark it takes 4% fewer instructions than glibc's allocator
// (valgrind callgrind, BENCHMARKS.md "Main-text extraction").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(claimtrack::cli::main());
}
