//! Any YAML between `---` lines: no panic, and every span inside the document.
//! (The check itself is `checks/front_matter.rs`, shared with the stable replay of the corpus.)
#![no_main]

#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::front_matter::check(data));
