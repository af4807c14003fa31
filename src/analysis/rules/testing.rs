//! The one helper rule tests go through: analyse a fixture and compare what a rule flagged,
//! as the exact source text under each diagnostic.

use crate::analysis::diagnostic::Diagnostic;
use crate::analysis::{Input, LinkResolver, LinkTarget, NoFileSystem, Settings, analyze};

/// A resolver backed by a list of `(path, anchors)` that exist.
pub struct FakeFiles(pub &'static [(&'static str, &'static [&'static str])]);

impl LinkResolver for FakeFiles {
    fn resolve(&self, path: &str) -> LinkTarget {
        match self.0.iter().find(|(p, _)| *p == path) {
            Some((_, anchors)) => LinkTarget::Found {
                anchors: anchors
                    .iter()
                    .map(|a| a.to_string())
                    .collect::<Vec<_>>()
                    .into(),
            },
            None => LinkTarget::Missing,
        }
    }
}

pub fn diagnostics_with(rule: &str, text: &str, links: &dyn LinkResolver) -> Vec<Diagnostic> {
    assert!(super::find(rule).is_some(), "no rule named {rule}");
    let input = Input {
        today: Some("2026-11-27"),
        ..Input::new(text)
    };
    analyze(&input, &Settings::default(), links)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

pub fn diagnostics(rule: &str, text: &str) -> Vec<Diagnostic> {
    diagnostics_with(rule, text, &NoFileSystem)
}

/// The source text under each diagnostic of `rule`.
pub fn flagged(rule: &str, text: &str) -> Vec<String> {
    diagnostics(rule, text)
        .iter()
        .map(|d| text[d.span.start..d.span.end].to_string())
        .collect()
}

/// Like [`flagged`], for a file of the given name (kind detection by file name).
pub fn flagged_named(rule: &str, file_name: &str, text: &str) -> Vec<String> {
    let input = Input {
        file_name: Some(file_name),
        ..Input::new(text)
    };
    analyze(&input, &Settings::default(), &NoFileSystem)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| text[d.span.start..d.span.end].to_string())
        .collect()
}

/// Assert that `rule` flags exactly `expected` (source text under each diagnostic, in order).
#[track_caller]
pub fn fires(rule: &str, text: &str, expected: &[&str]) {
    assert_eq!(flagged(rule, text), expected, "{rule} on:\n{text}");
}

#[track_caller]
pub fn quiet(rule: &str, text: &str) {
    let found = diagnostics(rule, text);
    assert!(
        found.is_empty(),
        "{rule} should stay quiet but said {:#?}\non:\n{text}",
        found
            .iter()
            .map(|d| (&text[d.span.start..d.span.end], &d.message))
            .collect::<Vec<_>>()
    );
}

/// The document after applying the first diagnostic's fix.
#[track_caller]
pub fn fixed(rule: &str, text: &str) -> String {
    let found = diagnostics(rule, text);
    let fix = found
        .first()
        .and_then(|d| d.fix.clone())
        .unwrap_or_else(|| panic!("{rule} offered no fix on:\n{text}"));
    let mut out = text.to_string();
    let mut edits = fix.edits;
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for edit in edits {
        out.replace_range(edit.span.start..edit.span.end, &edit.new_text);
    }
    out
}

/// The message of the only diagnostic of `rule`.
#[track_caller]
pub fn message(rule: &str, text: &str) -> String {
    let found = diagnostics(rule, text);
    assert_eq!(
        found.len(),
        1,
        "{rule}: expected one diagnostic, got {found:#?}"
    );
    found[0].message.to_string()
}
