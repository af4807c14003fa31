//! Any text as a ladder file and as `rung.toml`: an error with a place, or a value; no panic.

use std::sync::LazyLock;

static TRAITS: LazyLock<Vec<rung::catalogue::Trait>> =
    LazyLock::new(rung::catalogue::builtin_traits);

pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = rung::catalogue::parse_ladder(text, "fuzz.toml", &TRAITS) {
        assert!(error.line >= 1 && error.column >= 1);
    }
    let (_, errors) = rung::config::Config::parse(text, "rung.toml");
    for error in errors {
        assert!(error.line >= 1 && error.column >= 1);
    }
}
