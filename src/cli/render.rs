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
    let (mut n_errors, mut n_warnings, mut n_other) = (0, 0, 0);

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
                _ => n_other += 1,
            }
            let mut labels = vec![Label::primary(
                id,
                diagnostic.span.start..diagnostic.span.end,
            )];
            labels.extend(
                diagnostic.related.iter().map(|r| {
                    Label::secondary(id, r.span.start..r.span.end).with_message(&r.message)
                }),
            );
            let mut notes = Vec::new();
            if let Some(fix) = &diagnostic.fix {
                notes.push(format!("fix available: {}", fix.title));
            }
            let report = report
                .with_code(diagnostic.rule)
                .with_message(&diagnostic.message)
                .with_labels(labels)
                .with_notes(notes);
            let _ = term::emit_to_write_style(&mut out.lock(), &config, &files, &report);
        }
    }
    let n_files = reports.len();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if n_errors + n_warnings + n_other == 0 {
        println!("{} checked: no problems", plural(n_files, "growth doc"));
    } else {
        println!(
            "{} checked: {}, {}, {}",
            plural(n_files, "growth doc"),
            plural(n_errors, "error"),
            plural(n_warnings, "warning"),
            plural(n_other, "hint")
        );
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
            });
        }
    }
    let _ = out.write_all(if first { b"[]\n" } else { b"]\n" });
    let _ = out.flush();
}

/// Escape a workflow command's message (`%`, CR, LF) or property (also `:` and `,`).
fn escape(text: &str, is_property: bool) -> String {
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
            println!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape(&display_path(&file.path), true),
                start.line + 1,
                start.col + 1,
                end.line + 1,
                end.col + 1,
                diagnostic.rule,
                escape(&diagnostic.message, false)
            );
        }
    }
}
