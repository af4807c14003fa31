//! Any text, analysed as each kind of growth doc: no panic, spans inside the text and on char
//! (The check itself is `checks/analyze.rs`, shared with the stable replay of the corpus.)
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::analyze::check(data));
