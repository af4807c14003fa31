//! Edit sequences on the language server's document store (rope plus position conversion)
//! (The check itself is `checks/edits.rs`, shared with the stable replay of the corpus.)
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::edits::check(data));
