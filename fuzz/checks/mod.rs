//! What each fuzz target checks, as plain functions of the input bytes: the targets in
//! `fuzz_targets/` call them under libFuzzer (nightly), and `tests/fuzz_corpus.rs` replays every
//! committed corpus and crash input through them on stable, so a known crash fails `cargo test`.

#![allow(dead_code)]

pub mod analyze;
pub mod config;
pub mod edits;
pub mod front_matter;
pub mod lsp;

/// A target's check: panics on a failure.
pub type Check = fn(&[u8]);

/// The targets by name, as `fuzz/corpus/NAME` and `fuzz/regressions/NAME` are named.
pub const TARGETS: [(&str, Check); 5] = [
    ("analyze", analyze::check),
    ("config", config::check),
    ("edits", edits::check),
    ("front_matter", front_matter::check),
    ("lsp", lsp::check),
];
