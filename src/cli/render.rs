//! Output of `rung check`: compiler-style text (codespan-reporting), one JSON array, or GitHub
//! workflow annotations. Positions are converted from byte spans here, at the edge.

use super::ColorChoice;
use crate::analysis::diagnostic::{Diagnostic, Severity};
use crate::analysis::text::{ColumnUnit, LineIndex};
use crate::catalogue::LocatedError;
use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A checked growth doc and what rung found in it.
pub struct FileReport {
    pub path: PathBuf,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file rung could not check, or a problem in `rung.toml` or a ladder file.
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when the problem is with the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub is_config: bool,
}

impl Problem {
    pub fn unreadable(path: &Path, message: &str) -> Problem {
        Problem {
            file: path.display().to_string(),
            line: 0,
            column: 0,
            message: message.to_string(),
            is_config: false,
        }
    }

    pub fn config(error: &LocatedError) -> Problem {
        Problem {
            file: error.file.clone(),
            line: error.line,
            column: error.column,
            message: error.message.clone(),
            is_config: true,
        }
    }

    pub(super) fn code(&self) -> &'static str {
        if self.is_config {
            "invalid-config"
        } else {
            "unreadable-file"
        }
    }
}

pub(super) fn display_path(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

pub fn human(reports: &[FileReport], problems: &[Problem], color: ColorChoice) {
    let choice = match color {
        ColorChoice::Always => termcolor::ColorChoice::Always,
        ColorChoice::Never => termcolor::ColorChoice::Never,
        ColorChoice::Auto
            if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() =>
        {
            termcolor::ColorChoice::Auto
        }
        ColorChoice::Auto => termcolor::ColorChoice::Never,
    };
    let out = termcolor::StandardStream::stdout(choice);
    let config = term::Config::default();
    let mut files = SimpleFiles::new();
    let (mut n_errors, mut n_warnings, mut n_notes, mut n_hints) = (0, 0, 0, 0);

    for problem in problems {
        let location = if problem.line > 0 {
            format!("{}:{}:{}", problem.file, problem.line, problem.column)
        } else {
            problem.file.clone()
        };
        let report = Report::error()
            .with_code(problem.code())
            .with_message(&problem.message)
            .with_notes(vec![format!("in {location}")]);
        let empty: SimpleFiles<String, String> = SimpleFiles::new();
        let _ = term::emit_to_write_style(&mut out.lock(), &config, &empty, &report);
        n_errors += 1;
    }
    for file in reports {
        let id = files.add(display_path(&file.path), file.text.clone());
        for diagnostic in &file.diagnostics {
            let report = match diagnostic.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
                Severity::Info => Report::note(),
                Severity::Hint | Severity::Off => Report::help(),
            };
            match diagnostic.severity {
                Severity::Error => n_errors += 1,
                Severity::Warning => n_warnings += 1,
                Severity::Info => n_notes += 1,
                Severity::Hint | Severity::Off => n_hints += 1,
            }
            let mut labels = vec![Label::primary(
                id,
                diagnostic.span.start..diagnostic.span.end,
            )];
            // A related place elsewhere is a label there; one at the diagnostic's own span (each
            // missing trait of a target) is a note, in order, rather than a stack of labels on
            // the same characters.
            let mut notes: Vec<String> = Vec::new();
            for related in &diagnostic.related {
                if related.span == diagnostic.span && related.is_member {
                    // The first entry of a run: what it lacks goes on its own caret.
                    labels[0] = Label::primary(id, diagnostic.span.start..diagnostic.span.end)
                        .with_message(&related.message);
                } else if related.span == diagnostic.span {
                    notes.push(related.message.to_string());
                } else {
                    labels.push(
                        Label::secondary(id, related.span.start..related.span.end)
                            .with_message(&related.message),
                    );
                }
            }
            // One note per distinct fix: a run of vague entries offers the same one on each.
            let fixes = diagnostic
                .fix
                .as_deref()
                .into_iter()
                .chain(diagnostic.related.iter().filter_map(|r| r.fix.as_deref()));
            for fix in fixes {
                let note = format!("fix available: {}", fix.title);
                if !notes.contains(&note) {
                    notes.push(note);
                }
            }
            let report = report
                .with_code(diagnostic.rule)
                .with_message(&diagnostic.message)
                .with_labels(labels)
                .with_notes(notes);
            // A label on a very long line is shown in a window of that line (a 2 MB one-line
            // draft would otherwise print 2 MB under each diagnostic).
            match Clipped::new(&display_path(&file.path), &file.text, &report.labels) {
                Some(clipped) => {
                    let report = Report {
                        labels: clipped.labels(&report.labels),
                        severity: report.severity,
                        code: report.code,
                        message: report.message,
                        notes: report.notes,
                    };
                    let _ = term::emit_to_write_style(&mut out.lock(), &config, &clipped, &report);
                }
                None => {
                    let _ = term::emit_to_write_style(&mut out.lock(), &config, &files, &report);
                }
            }
        }
    }
    let n_files = reports.len();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if n_errors + n_warnings + n_notes + n_hints == 0 {
        println!("{} checked: no problems", plural(n_files, "growth doc"));
    } else {
        println!(
            "{} checked: {}, {}, {}, {}",
            plural(n_files, "growth doc"),
            plural(n_errors, "error"),
            plural(n_warnings, "warning"),
            // Info is printed as `note[...]`: counted under the same word.
            plural(n_notes, "note"),
            plural(n_hints, "hint")
        );
    }
}

/// Lines longer than this many bytes are shown in a window around their labels.
const LONG_LINE_BYTES: usize = 300;
/// Bytes of the line kept on each side of the labels in a window.
const WINDOW_CONTEXT_BYTES: usize = 80;
/// The most bytes of labelled text a window shows (a longer label is cut at its end).
const WINDOW_LABEL_BYTES: usize = 160;
const ELLIPSIS: &str = "…";

/// One window of a source line, in the excerpt [`Clipped`] shows.
struct Window {
    /// 1-based line number in the file.
    number: usize,
    /// The byte range of the window in the file, and where the original line starts.
    original: std::ops::Range<usize>,
    original_line_start: usize,
    /// Characters of the line before the window.
    start_column: usize,
    /// The window's line in the excerpt, and where the window's own text starts in it (after
    /// an ellipsis when the line was cut on the left).
    excerpt: std::ops::Range<usize>,
    text_start: usize,
}

/// The lines a diagnostic's labels are on, each cut to a window around its labels when a line
/// is long, as a source of its own for codespan: line numbers and columns stay the file's.
struct Clipped {
    name: String,
    source: String,
    windows: Vec<Window>,
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

impl Clipped {
    /// `None` when no labelled line is long: the file is shown as it is.
    fn new(name: &str, text: &str, labels: &[Label<usize>]) -> Option<Clipped> {
        let line_of = |offset: usize| {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
            start..end
        };
        let is_long = labels.iter().any(|label| {
            let start = floor_boundary(text, label.range.start);
            let end = floor_boundary(text, label.range.end);
            line_of(start).len() > LONG_LINE_BYTES || line_of(end).len() > LONG_LINE_BYTES
        });
        if !is_long {
            return None;
        }
        // Each label on the line it starts on, cut to that line.
        let mut by_line: Vec<(std::ops::Range<usize>, usize, usize)> = Vec::new();
        for label in labels {
            let start = floor_boundary(text, label.range.start);
            let line = line_of(start);
            let end = floor_boundary(text, label.range.end.clamp(start, line.end));
            match by_line.iter_mut().find(|(l, _, _)| *l == line) {
                Some((_, first, last)) => {
                    *first = (*first).min(start);
                    *last = (*last).max(end);
                }
                None => by_line.push((line, start, end)),
            }
        }
        by_line.sort_by_key(|(line, _, _)| line.start);
        let mut clipped = Clipped {
            name: name.to_string(),
            source: String::new(),
            windows: Vec::new(),
        };
        for (line, first, last) in by_line {
            let last = last.min(first + WINDOW_LABEL_BYTES);
            let start = floor_boundary(
                text,
                first.saturating_sub(WINDOW_CONTEXT_BYTES).max(line.start),
            );
            let end = ceil_boundary(text, (last + WINDOW_CONTEXT_BYTES).min(line.end));
            let excerpt_start = clipped.source.len();
            if start > line.start {
                clipped.source.push_str(ELLIPSIS);
            }
            let text_start = clipped.source.len();
            clipped.source.push_str(&text[start..end]);
            if end < line.end {
                clipped.source.push_str(ELLIPSIS);
            }
            let excerpt_end = clipped.source.len();
            clipped.source.push('\n');
            clipped.windows.push(Window {
                number: text[..line.start].matches('\n').count() + 1,
                original: start..end,
                original_line_start: line.start,
                start_column: text[line.start..start].chars().count(),
                excerpt: excerpt_start..excerpt_end,
                text_start,
            });
        }
        Some(clipped)
    }

    /// `labels` moved into the excerpt (a label past its window ends at the window's end).
    fn labels(&self, labels: &[Label<usize>]) -> Vec<Label<()>> {
        labels
            .iter()
            .map(|label| {
                let window = self
                    .windows
                    .iter()
                    .find(|w| {
                        label.range.start >= w.original_line_start
                            && label.range.start <= w.original.end
                    })
                    .unwrap_or(&self.windows[0]);
                let map = |offset: usize| {
                    let inside = offset.clamp(window.original.start, window.original.end);
                    window.text_start + (inside - window.original.start)
                };
                let start = map(label.range.start);
                let end = map(label.range.end.max(label.range.start)).max(start);
                Label::new(label.style, (), start..end).with_message(&label.message)
            })
            .collect()
    }

    fn window(&self, line_index: usize) -> Result<&Window, codespan_reporting::files::Error> {
        self.windows
            .get(line_index)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: self.windows.len().saturating_sub(1),
            })
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Clipped {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.source)
    }

    fn line_index(
        &'a self,
        (): (),
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self
            .windows
            .partition_point(|w| w.excerpt.start <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.window(line_index)?.number)
    }

    /// The column in the file's line, not in the excerpt.
    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let window = self.window(line_index)?;
        let inside = byte_index.clamp(window.text_start, window.text_start + window.original.len());
        Ok(window.start_column + self.source[window.text_start..inside].chars().count() + 1)
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        Ok(self.window(line_index)?.excerpt.clone())
    }
}

/// One object of `--format json` (DESIGN §6): lines and characters 0-based, characters in
/// UTF-16 code units, as in LSP.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    range: JsonRange,
    /// The places a diagnostic speaks for or points to (DESIGN §6); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
}

#[derive(serde::Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    range: JsonRange,
    message: &'a str,
}

#[derive(serde::Serialize)]
struct JsonRange {
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(serde::Serialize)]
struct JsonPosition {
    line: u32,
    character: u32,
}

fn position(index: &LineIndex, text: &str, offset: usize) -> JsonPosition {
    let at = index.line_col(text, offset, ColumnUnit::Utf16);
    JsonPosition {
        line: at.line,
        character: at.col,
    }
}

/// One JSON array, written item by item so that a large report is never held twice in memory.
pub fn json(reports: &[FileReport], problems: &[Problem]) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let mut write = |item: &JsonDiagnostic| {
        let separator = if std::mem::take(&mut first) { "[" } else { "," };
        let _ = out.write_all(separator.as_bytes());
        let _ = serde_json::to_writer(&mut out, item);
    };
    for problem in problems {
        let at = || JsonPosition {
            line: problem.line.saturating_sub(1) as u32,
            character: problem.column.saturating_sub(1) as u32,
        };
        write(&JsonDiagnostic {
            file: &problem.file,
            code: problem.code(),
            severity: "error",
            message: &problem.message,
            range: JsonRange {
                start: at(),
                end: at(),
            },
            related: Vec::new(),
        });
    }
    for file in reports {
        let index = LineIndex::new(&file.text);
        let path = display_path(&file.path);
        for diagnostic in &file.diagnostics {
            write(&JsonDiagnostic {
                file: &path,
                code: diagnostic.rule,
                severity: diagnostic.severity.as_str(),
                message: &diagnostic.message,
                range: JsonRange {
                    start: position(&index, &file.text, diagnostic.span.start),
                    end: position(&index, &file.text, diagnostic.span.end),
                },
                related: diagnostic
                    .related
                    .iter()
                    .map(|r| JsonRelated {
                        file: &path,
                        range: JsonRange {
                            start: position(&index, &file.text, r.span.start),
                            end: position(&index, &file.text, r.span.end),
                        },
                        message: &r.message,
                    })
                    .collect(),
            });
        }
    }
    let _ = out.write_all(if first { b"[]\n" } else { b"]\n" });
    let _ = out.flush();
}

/// Escape a workflow command's message (`%`, CR, LF) or property (also `:` and `,`).
pub(super) fn escape(text: &str, is_property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if is_property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn github(reports: &[FileReport], problems: &[Problem]) {
    for problem in problems {
        let location = if problem.line > 0 {
            format!(",line={},col={}", problem.line, problem.column)
        } else {
            String::new()
        };
        println!(
            "::error file={}{location},title={}::{}",
            escape(&problem.file, true),
            problem.code(),
            escape(&problem.message, false)
        );
    }
    for file in reports {
        let index = LineIndex::new(&file.text);
        for diagnostic in &file.diagnostics {
            let level = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "notice",
            };
            let start = index.line_col(&file.text, diagnostic.span.start, ColumnUnit::Utf16);
            let end = index.line_col(&file.text, diagnostic.span.end, ColumnUnit::Utf16);
            // An annotation has one place: the lines of the entries it speaks for go in its text.
            let member_lines: Vec<String> = diagnostic
                .related
                .iter()
                .filter(|r| r.is_member)
                .map(|r| (index.line_of(r.span.start) + 1).to_string())
                .collect();
            let message = if member_lines.is_empty() {
                diagnostic.message.to_string()
            } else {
                format!("{} (lines {})", diagnostic.message, member_lines.join(", "))
            };
            println!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape(&display_path(&file.path), true),
                start.line + 1,
                start.col + 1,
                end.line + 1,
                end.col + 1,
                diagnostic.rule,
                escape(&message, false)
            );
        }
    }
}
