//! `rung lsp`: the language server on stdio, a thin adapter over the analysis core.
//!
//! - `server.rs`: the protocol surface, one method per message, and the concurrency rules.
//! - `state.rs`: open documents, capabilities, settings, cached analyses.
//! - `documents.rs`: ropes, incremental edits, UTF-8/UTF-16 positions.
//! - `features.rs`: completion, hover, code actions, outline, code lens, semantic tokens.
//! - `convert.rs`: core diagnostics and fixes to LSP types.
//! - `report.rs`: the `rung.report` command, the readiness report of a buffer as it is now.
//! - `config_problems.rs`: problems in `rung.toml` and ladder files as diagnostics on those files.
//! - `settings.rs`: editor settings and their merge with `rung.toml`.
//! - `transport.rs`: framing guard that answers malformed messages and keeps the server reading,
//!   and carries the large results the server writes as JSON itself past tower-lsp-server.
//! - `workspace.rs`: the growth docs of the workspace folders read from disk, for cases and
//!   requests across files.

mod config_problems;
mod convert;
mod documents;
mod features;
mod report;
mod server;
mod settings;
mod state;
mod transport;
pub mod workspace;

/// Where each rule's documentation page lives (`NAME.md` under it), for `rung check --format sarif`.
pub(crate) use convert::RULE_DOCS_BASE;
pub use documents::{Encoding, OpenDocument};
pub use server::TEST_PANIC_ENV;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tower_lsp_server::{LspService, Server};

/// Serve the language server protocol over `input` and `output` until the client exits or the
/// input ends; whether a `shutdown` request came first. `run` serves stdio with it; the `lsp`
/// fuzz target feeds it messages in-process.
pub async fn serve<R, W>(input: R, output: W) -> bool
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
    W: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    serve_to(input, transport::Output::Async(Box::pin(output))).await
}

/// [`serve`], writing to `output`.
async fn serve_to<R>(input: R, output: transport::Output) -> bool
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
{
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let trimming = tokio::spawn(state::trim_memory_after_large_analyses());
    let guarded = transport::guard(input, output);
    let notifier = guarded.notifier.clone();
    // The direct methods answer what the guard renames (see `transport`), past the `Value` tree.
    let (service, socket) =
        LspService::build(move |client| server::Backend::new(client, flag, notifier))
            .custom_method(
                "rung/direct/textDocument/diagnostic",
                server::Backend::direct_diagnostic,
            )
            .custom_method(
                "rung/direct/textDocument/documentSymbol",
                server::Backend::direct_document_symbol,
            )
            .custom_method(
                "rung/direct/textDocument/semanticTokens/full",
                server::Backend::direct_semantic_tokens_full,
            )
            .custom_method(
                "rung/direct/textDocument/semanticTokens/range",
                server::Backend::direct_semantic_tokens_range,
            )
            .custom_method(
                "rung/direct/textDocument/codeLens",
                server::Backend::direct_code_lens,
            )
            .custom_method(
                "rung/direct/textDocument/foldingRange",
                server::Backend::direct_folding_range,
            )
            .finish();
    Server::new(guarded.input, guarded.output, socket)
        .serve(service)
        .await;
    trimming.abort();
    shut_down.load(Ordering::SeqCst)
}

/// Standard output for whole frames, past the standard library's line buffering and tokio's
/// copies: `Stdout` is a `LineWriter`, which searches every write for its last newline, a byte
/// at a time (3.5 M instructions for a 1 MB promo doc's 3 MB of pulled diagnostics, whose JSON
/// has none), and `tokio::io::stdout` copies each write into a buffer of its own before writing
/// it on the blocking pool. The transport writes whole frames, so it needs no buffer: a
/// duplicate of descriptor 1, written on the blocking pool straight from the frames
/// ([`transport::Output::Blocking`]); if it cannot be duplicated, `tokio::io::stdout` itself.
fn unbuffered_stdout() -> transport::Output {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => {
            widen_pipe(&fd);
            transport::Output::Blocking(Some(std::fs::File::from(fd)))
        }
        Err(_) => transport::Output::Async(Box::pin(tokio::io::stdout())),
    }
}

/// Give `fd` a 1 MB buffer if it is a pipe (Linux's default is 64 KB). A large document's 3 MB
/// of diagnostics then crosses to the editor in 3 turns of writer and reader instead of about
/// 50, each a wake-up of the other side: writing them took 3–7 ms of the 15–20 ms from an edit
/// in a 1 MB doc to its diagnostics. Best effort: a pipe stays as it was where the system
/// refuses (a limit below 1 MB in `/proc/sys/fs/pipe-max-size`), and anything else is left alone.
fn widen_pipe(fd: &impl std::os::fd::AsRawFd) {
    #[cfg(target_os = "linux")]
    // SAFETY: `fstat` writes only the `stat` it is given, and `F_SETPIPE_SZ` changes only the
    // size of the pipe's buffer; `fd` is open for as long as the borrow lasts.
    unsafe {
        let fd = fd.as_raw_fd();
        let mut stat: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut stat) == 0 && stat.st_mode & libc::S_IFMT == libc::S_IFIFO {
            let _ = libc::fcntl(fd, libc::F_SETPIPE_SZ, 1 << 20);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = fd;
}

/// Serve the language server protocol on stdin/stdout until the client exits.
pub fn run() -> i32 {
    state::limit_allocator_arenas();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("rung lsp: cannot start the async runtime: {error}");
            return 1;
        }
    };
    let shut_down =
        runtime.block_on(async { serve_to(tokio::io::stdin(), unbuffered_stdout()).await });
    // Reading stdin blocks a pool thread that would keep the runtime alive: do not wait for it.
    runtime.shutdown_background();
    // LSP: exit code 0 after a `shutdown` request, 1 when the client exits without one.
    if shut_down { 0 } else { 1 }
}
