//! A session of JSON-RPC messages, valid and not, fed to the language server in-process
//! (The check itself is `checks/lsp.rs`, shared with the stable replay of the corpus.)
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::lsp::check(data));
