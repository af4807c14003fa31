//! Problems in `rung.toml` and the ladder files it names, as diagnostics on those files: the
//! project loader reports each with its file and 1-based line and character column; here they
//! become LSP diagnostics (code `invalid-config`, as `rung check` names them) grouped by file,
//! each marking from its column to the end of its line.

use super::documents::{Encoding, LineTable};
use crate::catalogue::LocatedError;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticSeverity, DocumentDiagnosticReport, DocumentDiagnosticReportResult,
    FullDocumentDiagnosticReport, NumberOrString, PreviousResultId,
    RelatedFullDocumentDiagnosticReport, UnchangedDocumentDiagnosticReport, Uri,
    WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
    WorkspaceFullDocumentDiagnosticReport, WorkspaceUnchangedDocumentDiagnosticReport,
};

/// The diagnostics of each file that has problems, by its URI. `text_of` gives a file's text
/// (the editor's, when open), for the columns in the negotiated encoding.
pub fn diagnostics_by_file(
    problems: &[LocatedError],
    encoding: Encoding,
    text_of: &dyn Fn(&Path) -> Option<String>,
) -> BTreeMap<String, (Uri, Vec<Diagnostic>)> {
    let mut by_file: BTreeMap<String, (Uri, Vec<Diagnostic>)> = BTreeMap::new();
    for problem in problems {
        let path = Path::new(&problem.file);
        let Some(uri) = Uri::from_file_path(path) else {
            continue;
        };
        let text = text_of(path).unwrap_or_default();
        let (start, end) = span_of(&text, problem.line, problem.column);
        let lines = LineTable::new(&text);
        let diagnostic = Diagnostic {
            range: lines.range(start, end, encoding),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String("invalid-config".to_string())),
            source: Some("rung".to_string()),
            message: problem.message.clone(),
            ..Default::default()
        };
        by_file
            .entry(uri.as_str().to_string())
            .or_insert_with(|| (uri.clone(), Vec::new()))
            .1
            .push(diagnostic);
    }
    by_file
}

/// The byte span from 1-based `line` and character `column` to the end of that line's text (at
/// least the character there; clamped to the text when the file changed since).
fn span_of(text: &str, line: usize, column: usize) -> (usize, usize) {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let line_text = text[line_start..].split(['\n', '\r']).next().unwrap_or("");
    let start = line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(at, _)| at);
    let line_end = line_start + line_text.trim_end().len();
    let end = if line_end > start {
        line_end
    } else {
        line_start + line_text.len()
    };
    (start, end.max(start))
}

/// The configuration's diagnostics for a client that pulls diagnostics: kept here and answered
/// to `textDocument/diagnostic` of those files and to `workspace/diagnostic` (which such a
/// client is offered), never pushed. A file whose problems were fixed keeps an empty report, so
/// a client that shows a workspace report clears it.
#[derive(Default)]
pub struct PulledReports {
    by_uri: HashMap<Uri, Vec<Diagnostic>>,
    /// Changes with every change of any file's report: the `resultId` of every report.
    generation: u64,
}

impl PulledReports {
    /// Take the problems of each file in `by_file` as its report and empty those of `cleared`;
    /// whether any report changed.
    pub fn replace(
        &mut self,
        by_file: impl IntoIterator<Item = (Uri, Vec<Diagnostic>)>,
        cleared: impl IntoIterator<Item = Uri>,
    ) -> bool {
        let mut changed = false;
        let updates = by_file
            .into_iter()
            .chain(cleared.into_iter().map(|uri| (uri, Vec::new())));
        for (uri, diagnostics) in updates {
            if self.by_uri.get(&uri) != Some(&diagnostics) {
                self.by_uri.insert(uri, diagnostics);
                changed = true;
            }
        }
        if changed {
            self.generation += 1;
        }
        changed
    }

    /// The report of one file: its problems, none when it has none.
    pub fn document(&self, uri: &Uri) -> DocumentDiagnosticReportResult {
        DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: self.full(uri),
            },
        ))
    }

    fn full(&self, uri: &Uri) -> FullDocumentDiagnosticReport {
        FullDocumentDiagnosticReport {
            result_id: Some(self.result_id()),
            items: self.by_uri.get(uri).cloned().unwrap_or_default(),
        }
    }

    fn result_id(&self) -> String {
        format!("rung-config-{}", self.generation)
    }

    /// The workspace's report: every file that has or had problems, unchanged where the client
    /// holds the current report (`previous`: its result ids by URI).
    pub fn workspace(&self, previous: &[PreviousResultId]) -> WorkspaceDiagnosticReport {
        let current = self.result_id();
        let mut items: Vec<WorkspaceDocumentDiagnosticReport> = self
            .by_uri
            .keys()
            .map(|uri| {
                let held = previous.iter().any(|p| &p.uri == uri && p.value == current);
                if held {
                    WorkspaceDocumentDiagnosticReport::Unchanged(
                        WorkspaceUnchangedDocumentDiagnosticReport {
                            uri: uri.clone(),
                            version: None,
                            unchanged_document_diagnostic_report:
                                UnchangedDocumentDiagnosticReport {
                                    result_id: current.clone(),
                                },
                        },
                    )
                } else {
                    WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                        uri: uri.clone(),
                        version: None,
                        full_document_diagnostic_report: self.full(uri),
                    })
                }
            })
            .collect();
        items.sort_by(|a, b| report_uri(a).as_str().cmp(report_uri(b).as_str()));
        WorkspaceDiagnosticReport { items }
    }
}

fn report_uri(report: &WorkspaceDocumentDiagnosticReport) -> &Uri {
    match report {
        WorkspaceDocumentDiagnosticReport::Full(full) => &full.uri,
        WorkspaceDocumentDiagnosticReport::Unchanged(unchanged) => &unchanged.uri,
    }
}

/// The one message shown for a set of problems: how many, the first, and that rung goes on.
pub fn message(problems: &[LocatedError]) -> String {
    let first = &problems[0];
    let more = match problems.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    format!(
        "rung: {first}{more}. rung goes on with the defaults for what failed; the problems are marked in the file."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_marks_from_its_column_to_the_end_of_its_line() {
        let text = "include = [\"a\"]\nladder = \"acme\"  \n";
        let (start, end) = span_of(text, 2, 10);
        assert_eq!(&text[start..end], "\"acme\"");
        assert_eq!(span_of(text, 9, 1), (text.len(), text.len()));
        let problems = [LocatedError {
            file: "/tmp/rung-config/rung.toml".to_string(),
            line: 2,
            column: 10,
            message: "unknown default ladder `acme`".to_string(),
        }];
        let got = diagnostics_by_file(&problems, Encoding::Utf16, &|_| Some(text.to_string()));
        let (uri, diagnostics) = &got["file:///tmp/rung-config/rung.toml"];
        assert_eq!(uri.as_str(), "file:///tmp/rung-config/rung.toml");
        assert_eq!(diagnostics[0].range.start.line, 1);
        assert_eq!(diagnostics[0].range.start.character, 9);
        assert!(message(&problems).contains("rung.toml:2:10: unknown default ladder"));
    }
}
