fn main() {
    std::process::exit(claimtrack::cli::main());
}
