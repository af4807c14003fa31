//! The `rung` binary: parses arguments and hands over to the command line module.

fn main() {
    std::process::exit(rung::cli::main());
}
