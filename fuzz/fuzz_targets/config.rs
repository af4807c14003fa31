//! Any text as a ladder file and as `rung.toml`: an error with a place, or a value; no panic.
//! (The check itself is `checks/config.rs`, shared with the stable replay of the corpus.)
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::config::check(data));
