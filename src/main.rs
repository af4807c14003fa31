//! The `rung` binary: parses arguments and hands over to the command line module.

fn main() {
    restore_default_sigpipe();
    std::process::exit(rung::cli::main());
}

/// Rust ignores SIGPIPE, so `rung rules | head` would panic on the closed pipe. A command-line
/// tool should end quietly instead, as other Unix tools do.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any thread exists; it only resets a signal
    // disposition to the platform default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
