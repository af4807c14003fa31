//! What the core reports: diagnostics with their rule, severity, span and optional fix.
//!
//! Everything here is in byte offsets; wording is final (the adapters print it as is), and a fix
//! is plain data (edits of byte ranges) that the language server can send as a workspace edit.

use super::text::Span;
use std::fmt;

/// How loudly a rule speaks. `Off` only ever appears in configuration; no diagnostic carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const NAMES: [&'static str; 5] = ["off", "hint", "info", "warning", "error"];

    pub fn parse(name: &str) -> Option<Severity> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "off" | "none" => Severity::Off,
            "hint" => Severity::Hint,
            "info" | "information" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Severity::NAMES[self as usize]
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Replace the text in `span` with `new_text` (an insertion when the span is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    /// Borrowed when fixed text: a large draft has tens of thousands of fixes.
    pub new_text: std::borrow::Cow<'static, str>,
}

/// A named, safe edit that resolves (or helps resolve) a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Borrowed when fixed text (most fixes' titles are).
    pub title: std::borrow::Cow<'static, str>,
    pub edits: Vec<TextEdit>,
}

impl Fix {
    pub fn replace(
        title: impl Into<std::borrow::Cow<'static, str>>,
        span: Span,
        new_text: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![TextEdit {
                span,
                new_text: new_text.into(),
            }],
        }
    }

    pub fn insert(
        title: impl Into<std::borrow::Cow<'static, str>>,
        offset: usize,
        new_text: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Fix {
        Fix::replace(title, Span::empty_at(offset), new_text)
    }
}

/// A second place that matters to a diagnostic: the first of two duplicate sections, or one of
/// the places a diagnostic speaks for (each vague entry of a run, each missing trait).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    /// Says what is wrong at this place, in its own terms. Borrowed when fixed text: a long
    /// work log lists thousands of entries, most with one of a few messages.
    pub message: std::borrow::Cow<'static, str>,
    /// The diagnostic speaks for this place as much as for its own span (an entry of a run of
    /// vague entries): a suppression comment above it applies, and an editor offers "disable
    /// for this line" there. False for a place that only gives context (the first section).
    pub is_member: bool,
    /// The quick fix for this place, offered where its span is (one per entry or trait).
    pub fix: Option<Box<Fix>>,
}

impl Diagnostic {
    /// The fixes to offer for a range from `start` to `end`: the diagnostic's own when its span
    /// touches the range, and each related place's whose span does.
    pub fn fixes_touching(&self, start: usize, end: usize) -> impl Iterator<Item = &Fix> {
        let touches = move |span: Span| span.start <= end && start <= span.end;
        let own = self.fix.as_deref().filter(|_| touches(self.span));
        let related = self
            .related
            .iter()
            .filter(move |r| touches(r.span))
            .filter_map(|r| r.fix.as_deref());
        own.into_iter().chain(related)
    }

    /// Whether the range touches the diagnostic's span or a place it speaks for.
    pub fn touches(&self, start: usize, end: usize) -> bool {
        let touches = |span: Span| span.start <= end && start <= span.end;
        touches(self.span)
            || self
                .related
                .iter()
                .any(|r| touches(r.span) && (r.is_member || r.fix.is_some()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable kebab-case name; the diagnostic's `code`.
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// Borrowed when the message is fixed text.
    pub message: std::borrow::Cow<'static, str>,
    pub related: Vec<Related>,
    /// Boxed: most diagnostics have none, and the list of a large draft is long.
    pub fix: Option<Box<Fix>>,
}
