//! `rung check --format sarif`: one SARIF 2.1.0 log for code-scanning tools (GitHub code
//! scanning, reviewdog, the SARIF viewers).
//!
//! The log has one run: the tool with its version and one reporting descriptor per rung rule
//! (from the registry, with the rule's docs as help and its page as `helpUri`), one result per
//! diagnostic, and the problems with `rung.toml`, ladder files or unreadable input as
//! notifications of the invocation.
//!
//! Regions follow SARIF: lines and columns are 1-based and `endColumn` is the column just after
//! the last character. Columns are counted in UTF-16 code units — SARIF's default
//! `columnKind`, declared on the run all the same — so they agree with `--format json` and the
//! language server (plus one).

use super::render::{FileReport, Problem, display_path};
use crate::analysis::diagnostic::{Diagnostic, Severity};
use crate::analysis::rules::{self, Rule};
use crate::analysis::text::{ColumnUnit, LineIndex, Span};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;

/// Where the tool lives, for `informationUri`.
const INFORMATION_URI: &str = "https://github.com/rung-lint/rung";
/// The OASIS schema of SARIF 2.1.0.
const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The base id of relative artifact URIs: the folder `rung check` ran in.
const SRCROOT: &str = "SRCROOT";

/// SARIF's level for a rung severity: `note` for info and hint.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
        Severity::Off => "none",
    }
}

/// The first paragraph under a rule doc's "What it does" heading, as one line.
fn what_it_does(rule: &Rule) -> String {
    let body = rule
        .docs
        .split_once("## What it does")
        .map_or(rule.docs, |(_, rest)| rest);
    let paragraph = body
        .trim_start()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split("\n## ")
        .next()
        .unwrap_or_default();
    let text = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        rule.summary.to_string()
    } else {
        text
    }
}

/// SARIF's descriptions and messages should end with a full stop; rung's wording is kept as is
/// otherwise.
fn sentence(text: &str) -> String {
    let mut text = text.trim().to_string();
    if !text.ends_with(['.', '?', '!']) {
        text.push('.');
    }
    text
}

fn rule_descriptor(rule: &Rule) -> Value {
    let help = rules::docs_page(rule);
    json!({
        "id": rule.name,
        "shortDescription": { "text": sentence(rule.summary) },
        "fullDescription": { "text": sentence(&what_it_does(rule)) },
        "help": { "text": help, "markdown": help },
        "helpUri": format!("{}{}.md", crate::lsp::RULE_DOCS_BASE, rule.name),
        "defaultConfiguration": { "level": level(rule.default_severity) },
        "properties": { "kinds": rules::kinds_label(rule), "quickFix": rule.has_fix },
    })
}

/// Percent-encode what may not stand in a URI path (unreserved characters and `/` stay).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// An artifact location: relative to [`SRCROOT`] for a relative path, a `file:` URI otherwise.
fn artifact_location(path: &str) -> Value {
    let path = path.replace('\\', "/");
    if Path::new(&path).is_absolute() || path.starts_with('/') {
        let path = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
        json!({ "uri": format!("file://{}", encode_path(&path)) })
    } else {
        json!({ "uri": encode_path(&path), "uriBaseId": SRCROOT })
    }
}

fn region(index: &LineIndex, text: &str, span: Span) -> Value {
    let start = index.line_col(text, span.start, ColumnUnit::Utf16);
    let end = index.line_col(text, span.end, ColumnUnit::Utf16);
    json!({
        "startLine": start.line + 1,
        "startColumn": start.col + 1,
        "endLine": end.line + 1,
        "endColumn": end.col + 1,
    })
}

fn result(
    diagnostic: &Diagnostic,
    uri: &Value,
    index: &LineIndex,
    text: &str,
    rule_index: Option<usize>,
) -> Value {
    let physical = |span: Span| {
        json!({
            "artifactLocation": uri,
            "region": region(index, text, span),
        })
    };
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "level": level(diagnostic.severity),
        "message": { "text": sentence(&diagnostic.message) },
        "locations": [{ "physicalLocation": physical(diagnostic.span) }],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if !diagnostic.related.is_empty() {
        result["relatedLocations"] = diagnostic
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                json!({
                    "id": id,
                    "physicalLocation": physical(related.span),
                    "message": { "text": sentence(&related.message) },
                })
            })
            .collect();
    }
    if let Some(fix) = &diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": region(index, text, edit.span),
                    "insertedContent": { "text": edit.new_text },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": sentence(&fix.title) },
            "artifactChanges": [{ "artifactLocation": uri, "replacements": replacements }],
        }]);
    }
    result
}

fn notification(problem: &Problem) -> Value {
    let mut notification = json!({
        "level": "error",
        "message": { "text": sentence(&problem.message) },
        "descriptor": { "id": problem.code() },
    });
    let mut physical = json!({ "artifactLocation": artifact_location(&problem.file) });
    if problem.line > 0 {
        physical["region"] = json!({
            "startLine": problem.line,
            "startColumn": problem.column.max(1),
        });
    }
    notification["locations"] = json!([{ "physicalLocation": physical }]);
    notification
}

/// The whole log as a JSON value.
pub fn log(reports: &[FileReport], problems: &[Problem]) -> Value {
    let rule_descriptors: Vec<Value> = rules::REGISTRY.iter().map(|r| rule_descriptor(r)).collect();
    let mut results = Vec::new();
    for file in reports {
        let index = LineIndex::new(&file.text);
        let uri = artifact_location(&display_path(&file.path));
        for diagnostic in &file.diagnostics {
            let rule_index = rules::REGISTRY
                .iter()
                .position(|r| r.name == diagnostic.rule);
            results.push(result(diagnostic, &uri, &index, &file.text, rule_index));
        }
    }
    let (configuration, execution): (Vec<&Problem>, Vec<&Problem>) =
        problems.iter().partition(|p| p.is_config);
    let root = std::env::current_dir()
        .ok()
        .and_then(|dir| dir.to_str().map(str::to_string))
        .map(|dir| {
            let dir = dir.replace('\\', "/");
            let dir = if dir.starts_with('/') {
                dir
            } else {
                format!("/{dir}")
            };
            let dir = if dir.ends_with('/') {
                dir
            } else {
                format!("{dir}/")
            };
            format!("file://{}", encode_path(&dir))
        });
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "rung",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rule_descriptors,
            }
        },
        "invocations": [{
            "executionSuccessful": execution.is_empty(),
            "toolConfigurationNotifications": configuration.iter().map(|p| notification(p)).collect::<Vec<_>>(),
            "toolExecutionNotifications": execution.iter().map(|p| notification(p)).collect::<Vec<_>>(),
        }],
        "columnKind": "utf16CodeUnits",
        "results": results,
    });
    if let Some(root) = root {
        run["originalUriBaseIds"] = json!({ (SRCROOT): { "uri": root } });
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run],
    })
}

pub fn print(reports: &[FileReport], problems: &[Problem]) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let _ = serde_json::to_writer_pretty(&mut out, &log(reports, problems));
    let _ = out.write_all(b"\n");
    let _ = out.flush();
}
