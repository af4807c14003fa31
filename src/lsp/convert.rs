//! From the core's byte spans and diagnostics to LSP types, in the negotiated encoding.

use super::documents::{Encoding, LineTable, OpenDocument};
use crate::analysis::diagnostic::{Diagnostic, Fix, Severity};
use std::collections::HashMap;
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri, WorkspaceEdit,
};

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

/// Many diagnostics of one version's `text` at once (a large draft has thousands): positions
/// come from one flat line table instead of a rope walk each, and each rule's documentation
/// address is built once.
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
            message: r.message.clone(),
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
            new_text: edit.new_text.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}
