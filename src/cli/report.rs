//! `rung report FILE`: readiness of a promo doc against its target level.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Format};
use crate::analysis::document::{DocKind, Document};
use crate::analysis::infer::Found;
use crate::analysis::readiness::{
    evidence_by_trait, evidence_entries, readiness, readiness_for_level,
};
use crate::analysis::text::LineIndex;
use crate::analysis::{Input, analyze};
use crate::catalogue::Ladder;
use crate::project::{FsLinks, Project, read_text};
use serde_json::json;
use std::path::Path;

/// `writeln!` into a `String` (writing to a `String` cannot fail).
macro_rules! push_line {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

pub fn run(file: &Path, format: Format, target: Option<&str>) -> i32 {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {}: {message}", file.display());
            return EXIT_USAGE;
        }
    };
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let project = Project::discover(dir);
    let name = file.file_name().and_then(|n| n.to_str());
    let input = Input {
        file_name: name,
        config_kind: project.config_kind_for(file),
        ..Input::new(&text)
    };
    let mut analysis = analyze(&input, &project.settings, &FsLinks::new(dir.to_path_buf()));
    if analysis.document.is_none() {
        let forced = Input {
            forced_kind: Some(DocKind::Promo),
            ..input
        };
        analysis = analyze(&forced, &project.settings, &FsLinks::new(dir.to_path_buf()));
    }
    let Some(doc) = analysis.document else {
        return EXIT_USAGE;
    };
    let Some(ladder) = project.settings.catalogue.ladder(&doc.ladder_id) else {
        return EXIT_USAGE;
    };
    match render(file, &text, &doc, ladder, format, target) {
        Ok(rendered) => {
            print!("{}", rendered.text);
            if rendered.is_complete {
                EXIT_OK
            } else {
                EXIT_FINDINGS
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_USAGE
        }
    }
}

/// A readiness report, rendered.
pub(crate) struct Rendered {
    pub text: String,
    /// Every expected trait of the target level has evidence.
    pub is_complete: bool,
}

/// The readiness report of `doc` (analysed from `text`) in `format`, against `target` or the
/// front matter's `target:`. `file` names the document in the report; the language server passes
/// the buffer's path or URI, so an unsaved buffer has a report too. An error says why there is
/// no report (no target, or an unknown one).
pub(crate) fn render(
    file: &Path,
    text: &str,
    doc: &Document,
    ladder: &Ladder,
    format: Format,
    target: Option<&str>,
) -> Result<Rendered, String> {
    let mut out = String::new();
    let report = match target {
        Some(target) => {
            let Some(level_idx) = ladder.level_index(target) else {
                let ids: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
                return Err(format!(
                    "`{target}` is not a level of the {} ladder; expected one of {}",
                    ladder.id,
                    ids.join(", ")
                ));
            };
            readiness_for_level(ladder, level_idx, &evidence_by_trait(doc, ladder))
        }
        None => match readiness(doc, ladder) {
            Some(report) => report,
            None => {
                return Err(format!(
                    "{}: the front matter needs a `target:` level of the {} ladder to report readiness (or pass --target)",
                    file.display(),
                    ladder.id
                ));
            }
        },
    };
    let level = &ladder.levels[report.level_idx];
    let entries = evidence_entries(doc, ladder);
    let lines = LineIndex::new(text);
    let line_of = |entry_idx: usize| lines.line_of(doc.entries[entry_idx].text_span.start) + 1;
    match format {
        Format::Json => {
            let traits: Vec<_> = report
                .traits
                .iter()
                .map(|t| {
                    let listed: Vec<_> = entries[t.trait_idx]
                        .iter()
                        .map(|e| {
                            json!({
                                "line": line_of(e.entry_idx),
                                "text": &*doc.entries[e.entry_idx].text,
                                "measurable": e.is_measurable,
                                "found": e.found.label(),
                            })
                        })
                        .collect();
                    json!({
                        "trait": ladder.traits[t.trait_idx].id,
                        "evidence": t.n_evidence,
                        "inferred": t.n_inferred,
                        "measurable": t.n_measurable,
                        "entries": listed,
                    })
                })
                .collect();
            push_line!(
                out,
                "{}",
                json!({ "file": file.display().to_string(), "ladder": ladder.id, "target": level.id, "evidenced": report.n_evidenced(), "only_inferred": report.n_only_inferred(), "expected": report.traits.len(), "traits": traits })
            );
        }
        Format::Github => {
            out = github(file, text, doc, ladder, &report, &entries, target.is_none());
        }
        Format::Human => {
            push_line!(
                out,
                "{} — readiness for {} ({}) on the {} ladder\n",
                file.display(),
                level.id,
                level.name,
                ladder.id
            );
            let width = report
                .traits
                .iter()
                .map(|t| ladder.traits[t.trait_idx].name.len())
                .max()
                .unwrap_or(0);
            for t in &report.traits {
                let tr = &ladder.traits[t.trait_idx];
                let name = &tr.name;
                if t.n_evidence == 0 {
                    push_line!(out, "  ✗ {name:width$}  no evidence");
                    continue;
                }
                // Evidence found only by inference is a guess until the author confirms it.
                let mark = if t.is_only_inferred() { "?" } else { "✓" };
                push_line!(out, "  {mark} {name:width$}  {}", t.summary());
                for e in &entries[t.trait_idx] {
                    let entry = &doc.entries[e.entry_idx];
                    let found = match e.found {
                        Found::Inferred => format!("INFERRED, confirm with #{}", tr.id),
                        other => other.label().to_string(),
                    };
                    push_line!(
                        out,
                        "      {}:{}  {}  ({found}{})",
                        file.display(),
                        line_of(e.entry_idx),
                        shorten(&entry.text, 70),
                        if e.is_measurable { ", measurable" } else { "" }
                    );
                }
            }
            let total: usize = report.traits.iter().map(|t| t.n_evidence).sum();
            let measurable: usize = report.traits.iter().map(|t| t.n_measurable).sum();
            let inferred: usize = report.traits.iter().map(|t| t.n_inferred).sum();
            let inferred_note = match (inferred, report.n_only_inferred()) {
                (0, _) => String::new(),
                (n, 0) => format!("; {n} inferred from wording"),
                (n, only) => format!(
                    "; {n} inferred from wording, and {only} of the traits only so: confirm them with a tag or a heading"
                ),
            };
            push_line!(
                out,
                "\n{}: {} of {} expected traits evidenced; {measurable} of {total} evidence entries measurable{inferred_note}",
                level.id,
                report.n_evidenced(),
                report.traits.len()
            );
        }
    }
    Ok(Rendered {
        is_complete: report.n_evidenced() == report.traits.len(),
        text: out,
    })
}

/// GitHub workflow annotations: a warning per expected trait with no evidence, at the doc's
/// `target:` line (the first line when the target came from `--target`), a notice per entry
/// whose evidence is only inferred, at that entry, and a notice with the totals.
fn github(
    file: &Path,
    text: &str,
    doc: &Document,
    ladder: &Ladder,
    report: &crate::analysis::readiness::Readiness,
    entries: &[Vec<crate::analysis::readiness::EvidenceEntry>],
    target_from_front_matter: bool,
) -> String {
    use super::render::{display_path, escape};
    let mut out = String::new();
    let lines = LineIndex::new(text);
    let path = escape(&display_path(file), true);
    let level = &ladder.levels[report.level_idx];
    let target_line = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.text("target"))
        .filter(|_| target_from_front_matter)
        .map_or(1, |(_, span)| lines.line_of(span.start) + 1);
    for t in &report.traits {
        let tr = &ladder.traits[t.trait_idx];
        if t.n_evidence == 0 {
            push_line!(
                out,
                "::warning file={path},line={target_line},title={}::{}",
                escape(&format!("rung report: no evidence of {}", tr.name), true),
                escape(
                    &format!(
                        "{} expects evidence of {}; add a `## {}` section or tag an entry with #{}. What counts: {}",
                        level.id, tr.name, tr.name, tr.id, tr.evidence
                    ),
                    false
                )
            );
            continue;
        }
        for e in &entries[t.trait_idx] {
            if e.found == Found::Inferred {
                let entry = &doc.entries[e.entry_idx];
                push_line!(
                    out,
                    "::notice file={path},line={},title={}::{}",
                    lines.line_of(entry.text_span.start) + 1,
                    escape(&format!("rung report: {} inferred", tr.name), true),
                    escape(
                        &format!(
                            "this entry reads as evidence of {} from its wording; confirm it with #{} or a `## {}` heading",
                            tr.name, tr.id, tr.name
                        ),
                        false
                    )
                );
            }
        }
    }
    push_line!(
        out,
        "::notice file={path},line={target_line},title=rung report::{}",
        escape(
            &format!(
                "{}: {} of {} expected traits evidenced on the {} ladder",
                level.id,
                report.n_evidenced(),
                report.traits.len(),
                ladder.id
            ),
            false
        )
    );
    out
}

/// One line of an entry's text, cut to `max_chars`.
fn shorten(text: &str, max_chars: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() <= max_chars {
        line.to_string()
    } else {
        format!("{}…", line.chars().take(max_chars - 1).collect::<String>())
    }
}
