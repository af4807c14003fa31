//! From the core's byte spans and diagnostics to LSP types, in the negotiated encoding.

use super::documents::{Encoding, LineTable, OpenDocument};
use super::transport::{HEADER_ROOM, OutFrame};
use crate::analysis::diagnostic::{Diagnostic, Fix, Severity};
use std::borrow::Cow;
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri, WorkspaceEdit,
};

/// The form the client reads a `MarkupContent` of one kind in (hover, completion documentation):
/// Markdown where its capabilities list it, plain text otherwise (Emacs's lsp-mode, for one,
/// shows completion documentation as it comes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    Markdown,
    #[default]
    PlainText,
}

impl Markup {
    /// Markdown when `formats` (a client capability's list) has it.
    pub fn from_formats(formats: Option<&[lsp::MarkupKind]>) -> Markup {
        if formats.is_some_and(|f| f.contains(&lsp::MarkupKind::Markdown)) {
            Markup::Markdown
        } else {
            Markup::PlainText
        }
    }

    /// `markdown`, the core's wording, as this client reads it.
    pub fn content(self, markdown: String) -> lsp::MarkupContent {
        match self {
            Markup::Markdown => lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: markdown,
            },
            Markup::PlainText => lsp::MarkupContent {
                kind: lsp::MarkupKind::PlainText,
                value: plain_text(&markdown),
            },
        }
    }
}

/// Markdown read as plain text: the words without the marks (`**`, `*`, backticks, fences),
/// list items as `- `, a rule as a line of dashes, blocks apart by a blank line.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let block_break = |out: &mut String| {
        let kept = out.trim_end_matches([' ', '\n']).len();
        out.truncate(kept);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    let mut in_item = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => {
                block_break(&mut out);
                out.push_str("---");
            }
            Event::Start(Tag::Item) => {
                if in_item {
                    let kept = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(kept);
                    out.push('\n');
                } else {
                    block_break(&mut out);
                }
                in_item = true;
                out.push_str("- ");
            }
            Event::End(TagEnd::List(_)) => in_item = false,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_)) if !in_item => {
                block_break(&mut out)
            }
            _ => {}
        }
    }
    out.trim_end().to_string()
}

/// Where each rule's documentation is published: `docs/rules/NAME.md` of the repository,
/// generated from the registry (a tidy test keeps it current).
pub const RULE_DOCS_BASE: &str = "https://github.com/rung-lint/rung/blob/main/docs/rules/";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint | Severity::Off => DiagnosticSeverity::HINT,
    }
}

/// The address of a rule's documentation page.
fn docs_href(rule: &str) -> Option<Uri> {
    format!("{RULE_DOCS_BASE}{rule}.md").parse::<Uri>().ok()
}

/// The framed `textDocument/publishDiagnostics` notification for one version, written as JSON
/// straight from the core's diagnostics. It says exactly what serialising
/// `PublishDiagnosticsParams` from [`diagnostics`] says (a test compares the two), without
/// building thousands of `lsp::Diagnostic` values and their strings first: on a 1 MB draft with
/// 7,800 diagnostics that cost about a quarter of an edit.
pub fn publish_diagnostics_frame(
    uri: &Uri,
    lines: &LineTable,
    encoding: Encoding,
    version: Option<i32>,
    diagnostics: &[Diagnostic],
) -> OutFrame {
    use std::io::Write;
    let mut out: Vec<u8> = Vec::with_capacity(HEADER_ROOM + 128 + diagnostics.len() * 360);
    out.resize(HEADER_ROOM, 0);
    out.extend_from_slice(
        br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#,
    );
    serde_json::to_writer(&mut out, uri.as_str()).expect("writing to a Vec cannot fail");
    out.extend_from_slice(br#","diagnostics":"#);
    write_diagnostics(&mut out, uri, lines, encoding, diagnostics);
    if let Some(version) = version {
        let _ = write!(out, r#","version":{version}"#);
    }
    out.extend_from_slice(b"}}");
    OutFrame::with_header_room(out)
}

/// The result of a `textDocument/diagnostic` request (a full report), written as JSON as
/// [`publish_diagnostics_frame`] writes its diagnostics (a test compares it with the typed one).
pub fn diagnostic_report_json(
    uri: &Uri,
    lines: &LineTable,
    encoding: Encoding,
    diagnostics: &[Diagnostic],
) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::with_capacity(64 + diagnostics.len() * 360);
    out.extend_from_slice(br#"{"kind":"full","items":"#);
    write_diagnostics(&mut out, uri, lines, encoding, diagnostics);
    out.push(b'}');
    out
}

/// `diagnostics` as a JSON array of LSP diagnostics.
fn write_diagnostics(
    out: &mut Vec<u8>,
    uri: &Uri,
    lines: &LineTable,
    encoding: Encoding,
    diagnostics: &[Diagnostic],
) {
    let string = |out: &mut Vec<u8>, value: &str| json_string(out, value);
    let range = |out: &mut Vec<u8>, start: usize, end: usize| {
        write_range(out, lines.range(start, end, encoding));
    };
    out.push(b'[');
    let mut hrefs = Hrefs::default();
    // Every related location is in this document: its URI escaped once.
    let mut escaped_uri = Vec::with_capacity(uri.as_str().len() + 2);
    json_string(&mut escaped_uri, uri.as_str());
    // A `&'static str` by address and length: the same address is the same text.
    let mut escaped_fixed: rustc_hash::FxHashMap<(usize, usize), Vec<u8>> = Default::default();
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"range":"#);
        range(out, diagnostic.span.start, diagnostic.span.end);
        out.extend_from_slice(br#","severity":"#);
        out.extend_from_slice(severity_json(diagnostic.severity));
        // Rule names are ASCII kebab-case (checked by a test in `rules`): no escaping needed.
        out.extend_from_slice(br#","code":""#);
        out.extend_from_slice(diagnostic.rule.as_bytes());
        out.push(b'"');
        let href = hrefs.of(diagnostic.rule);
        if let Some(href) = href {
            out.extend_from_slice(br#","codeDescription":"#);
            out.extend_from_slice(href);
        }
        out.extend_from_slice(br#","source":"rung","message":"#);
        match &diagnostic.message {
            // Fixed messages recur thousands of times in a large draft: escape each once.
            Cow::Borrowed(message) => {
                let escaped = escaped_fixed
                    .entry((message.as_ptr() as usize, message.len()))
                    .or_insert_with(|| serde_json::to_vec(message).expect("a string serialises"));
                out.extend_from_slice(escaped);
            }
            Cow::Owned(message) => string(out, message),
        }
        if !diagnostic.related.is_empty() {
            out.extend_from_slice(br#","relatedInformation":["#);
            for (j, related) in diagnostic.related.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(br#"{"location":{"uri":"#);
                out.extend_from_slice(&escaped_uri);
                out.extend_from_slice(br#","range":"#);
                range(out, related.span.start, related.span.end);
                out.extend_from_slice(br#"},"message":"#);
                match &related.message {
                    // A run of vague entries lists thousands with one of a few messages.
                    Cow::Borrowed(message) => {
                        let escaped = escaped_fixed
                            .entry((message.as_ptr() as usize, message.len()))
                            .or_insert_with(|| {
                                serde_json::to_vec(message).expect("a string serialises")
                            });
                        out.extend_from_slice(escaped);
                    }
                    Cow::Owned(message) => string(out, message),
                }
                out.push(b'}');
            }
            out.push(b']');
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// Each rule's `codeDescription` as JSON, written once per rule. Rule names are the registry's
/// `&'static str`s, so a name is found by its address first (a dozen rules at most: a short
/// scan, cheaper than hashing the name for every diagnostic), then by its text.
#[derive(Default)]
struct Hrefs {
    written: Vec<(&'static str, Option<Vec<u8>>)>,
}

impl Hrefs {
    fn of(&mut self, rule: &'static str) -> &Option<Vec<u8>> {
        let found = self
            .written
            .iter()
            .position(|(name, _)| std::ptr::eq(*name, rule))
            .or_else(|| self.written.iter().position(|(name, _)| *name == rule));
        let at = found.unwrap_or_else(|| {
            let href = docs_href(rule).map(|href| {
                serde_json::to_vec(&CodeDescription { href }).expect("a URI serialises")
            });
            self.written.push((rule, href));
            self.written.len() - 1
        });
        &self.written[at].1
    }
}

/// A severity as the protocol writes it (`DiagnosticSeverity`'s number; a test checks each
/// against serde's).
fn severity_json(value: Severity) -> &'static [u8] {
    match severity(value) {
        DiagnosticSeverity::ERROR => b"1",
        DiagnosticSeverity::WARNING => b"2",
        DiagnosticSeverity::INFORMATION => b"3",
        _ => b"4",
    }
}

/// `value` as a JSON string. Most strings (messages, names) need no escaping: those are copied
/// between quotes in one go; any other goes through serde_json, so the bytes are the same.
pub fn json_string(out: &mut Vec<u8>, value: &str) {
    // No early exit, so the test runs many bytes at a time.
    let escaped = value.bytes().fold(false, |any, b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    let plain = !escaped;
    if plain {
        out.reserve(value.len() + 2);
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(&mut *out, value).expect("writing to a Vec cannot fail");
    }
}

/// `range` as LSP JSON, put together on the stack and appended at once (a large draft writes
/// tens of thousands: one append each, not nine).
pub fn write_range(out: &mut Vec<u8>, range: lsp::Range) {
    // 61 bytes of punctuation and keys, and at most ten digits for each of the four numbers.
    let mut buf = [0u8; 112];
    let mut at = 0;
    put(&mut buf, &mut at, br#"{"start":{"line":"#);
    put_u32(&mut buf, &mut at, range.start.line);
    put(&mut buf, &mut at, br#","character":"#);
    put_u32(&mut buf, &mut at, range.start.character);
    put(&mut buf, &mut at, br#"},"end":{"line":"#);
    put_u32(&mut buf, &mut at, range.end.line);
    put(&mut buf, &mut at, br#","character":"#);
    put_u32(&mut buf, &mut at, range.end.character);
    put(&mut buf, &mut at, b"}}");
    out.extend_from_slice(&buf[..at]);
}

/// Copy `bytes` into `buf` at `at`, and move `at` past them.
fn put(buf: &mut [u8], at: &mut usize, bytes: &[u8]) {
    buf[*at..*at + bytes.len()].copy_from_slice(bytes);
    *at += bytes.len();
}

/// `n` in decimal into `buf` at `at`, and move `at` past it.
fn put_u32(buf: &mut [u8], at: &mut usize, mut n: u32) {
    let end = *at + decimal_len(n);
    let mut i = end;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    *at = end;
}

/// How many decimal digits `n` has.
fn decimal_len(n: u32) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1_000..=9_999 => 4,
        10_000..=99_999 => 5,
        100_000..=999_999 => 6,
        1_000_000..=9_999_999 => 7,
        10_000_000..=99_999_999 => 8,
        100_000_000..=999_999_999 => 9,
        _ => 10,
    }
}

/// `n` in decimal, without the formatting machinery (four numbers per diagnostic).
pub fn push_u32(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = 0;
    put_u32(&mut digits, &mut at, n);
    out.extend_from_slice(&digits[..at]);
}

/// Many diagnostics of one version's `text` at once (a large draft has thousands): positions
/// come from one flat line table instead of a rope walk each, and each rule's documentation
/// address is built once. The typed twin of the direct writers, for their tests.
#[cfg(test)]
pub fn diagnostics(
    uri: &Uri,
    text: &str,
    encoding: Encoding,
    diagnostics: &[Diagnostic],
) -> Vec<lsp::Diagnostic> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let lines = LineTable::new(text);
    let range = |start, end| lines.range(start, end, encoding);
    let mut hrefs: HashMap<&str, Option<Uri>> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let href = hrefs.entry(d.rule).or_insert_with(|| docs_href(d.rule));
            with_href(uri, &range, d, href.clone())
        })
        .collect()
}

pub fn diagnostic(
    uri: &Uri,
    document: &OpenDocument,
    encoding: Encoding,
    diagnostic: &Diagnostic,
) -> lsp::Diagnostic {
    let range = |start, end| document.range(start, end, encoding);
    with_href(uri, &range, diagnostic, docs_href(diagnostic.rule))
}

fn with_href(
    uri: &Uri,
    range: &dyn Fn(usize, usize) -> lsp::Range,
    diagnostic: &Diagnostic,
    href: Option<Uri>,
) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range(r.span.start, r.span.end),
            },
            message: r.message.to_string(),
        })
        .collect();
    lsp::Diagnostic {
        range: range(diagnostic.span.start, diagnostic.span.end),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.rule.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("rung".to_string()),
        message: diagnostic.message.to_string(),
        related_information: if related.is_empty() {
            None
        } else {
            Some(related)
        },
        tags: None,
        data: None,
    }
}

pub fn workspace_edit(
    uri: &Uri,
    document: &OpenDocument,
    encoding: Encoding,
    fix: &Fix,
) -> WorkspaceEdit {
    let edits = fix
        .edits
        .iter()
        .map(|edit| lsp::TextEdit {
            range: document.range(edit.span.start, edit.span.end, encoding),
            new_text: edit.new_text.to_string(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn numbers_ranges_and_severities_are_written_as_serde_writes_them() {
        let numbers = [
            0,
            1,
            9,
            10,
            99,
            100,
            12_345,
            999_999_999,
            1_000_000_000,
            u32::MAX,
        ];
        for n in numbers {
            let mut out = Vec::new();
            push_u32(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
        for (a, b) in numbers.iter().zip(numbers.iter().rev()) {
            let range = lsp::Range {
                start: lsp::Position::new(*a, *b),
                end: lsp::Position::new(*b, *a),
            };
            let mut out = Vec::new();
            write_range(&mut out, range);
            assert_eq!(out, serde_json::to_vec(&range).unwrap());
        }
        use Severity::*;
        for value in [Off, Hint, Info, Warning, Error] {
            let typed = serde_json::to_vec(&severity(value)).unwrap();
            assert_eq!(severity_json(value), &typed[..], "{value:?}");
        }
    }

    #[test]
    fn json_strings_are_serde_json_s() {
        for text in [
            "",
            "plain words, 漢字 and 😀",
            "a \"quote\" and a \\ backslash",
            "tab\tnew\nline\r and \u{1} \u{1f} \u{7f}",
            "file:///tmp/a b/c%20d.md",
        ] {
            let mut out = Vec::new();
            json_string(&mut out, text);
            assert_eq!(out, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }

    /// Strings drawn at random from characters that need escaping and ones that do not
    /// (every control character, quotes, backslashes, DEL, separators, two, three and four byte
    /// UTF-8), of lengths 0 to 40: the bytes equal serde_json's.
    #[test]
    fn any_string_is_written_as_serde_json_writes_it() {
        let mut alphabet: Vec<char> = (0u32..0x20).filter_map(char::from_u32).collect();
        alphabet.extend([
            '"', '\\', '/', 'a', ' ', '\u{7f}', 'é', '\u{2028}', '漢', '😀', '𝄞',
        ]);
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5_000 {
            let len = (next() % 41) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let mut out = vec![b'['];
            json_string(&mut out, &text);
            out.push(b']');
            let mut expected = b"[".to_vec();
            expected.extend(serde_json::to_vec(&text).unwrap());
            expected.push(b']');
            assert_eq!(out, expected, "{text:?}");
        }
    }

    #[test]
    fn markdown_reads_as_plain_text_without_its_marks() {
        assert_eq!(
            plain_text(
                "**E6 — Staff** (bigtech ladder)\n\n**Scope:** An area\n\n**Expects:**\n- one *thing*\n- `two`\n\n---\n\n```yaml\nkind: promo\n```"
            ),
            "E6 — Staff (bigtech ladder)\n\nScope: An area\n\nExpects:\n\n- one thing\n- two\n\n---\n\nkind: promo"
        );
        assert_eq!(Markup::from_formats(None), Markup::PlainText);
        assert_eq!(
            Markup::from_formats(Some(&[
                lsp::MarkupKind::PlainText,
                lsp::MarkupKind::Markdown
            ])),
            Markup::Markdown
        );
    }

    /// The hand-written publish frame says exactly what the typed one says.
    #[test]
    fn the_direct_publish_frame_equals_the_typed_one() {
        let uri: Uri = "file:///tmp/a%20b/promo.md".parse().unwrap();
        let texts = [
            include_str!("../../examples/promo.md").to_string(),
            include_str!("../../examples/retro.md").replace('\n', "\r\n"),
            "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n## Ownrship\n## Ownership\n- Cut costs by 30%\n## Ownership\n- Helped \"quote\" \\ back 😀 漢字 TODO\n- [add impact]\n".to_string(),
        ];
        let settings = Settings::default();
        let mut saw_related = false;
        for text in &texts {
            let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
            assert!(!analysis.diagnostics.is_empty());
            saw_related |= analysis.diagnostics.iter().any(|d| !d.related.is_empty());
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                for version in [Some(7), None] {
                    let direct = publish_diagnostics_frame(
                        &uri,
                        &LineTable::new(text),
                        encoding,
                        version,
                        &analysis.diagnostics,
                    );
                    let typed = super::super::transport::notification_frame(
                        "textDocument/publishDiagnostics",
                        lsp::PublishDiagnosticsParams {
                            uri: uri.clone(),
                            diagnostics: diagnostics(&uri, text, encoding, &analysis.diagnostics),
                            version,
                        },
                    );
                    let body = |frame: &[u8]| -> serde_json::Value {
                        let at = frame.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
                        serde_json::from_slice(&frame[at + 4..]).unwrap()
                    };
                    assert_eq!(body(&direct.to_vec()), body(&typed));
                }
                let pulled: serde_json::Value = serde_json::from_slice(&diagnostic_report_json(
                    &uri,
                    &LineTable::new(text),
                    encoding,
                    &analysis.diagnostics,
                ))
                .unwrap();
                let typed =
                    lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                        related_documents: None,
                        full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                            result_id: None,
                            items: diagnostics(&uri, text, encoding, &analysis.diagnostics),
                        },
                    });
                assert_eq!(pulled, serde_json::to_value(typed).unwrap());
            }
        }
        assert!(
            saw_related,
            "a diagnostic with related information was compared"
        );
    }
}
