//! `rung report FILE`: readiness of a promo doc's case against its target level, as a table,
//! JSON, GitHub annotations or one self-contained HTML page ([`render_html`], which the
//! language server's report command calls too).

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Format};
use crate::analysis::case::{case_counts, case_evidence};
use crate::analysis::document::DocKind;
use crate::analysis::readiness::{readiness_for_level, readiness_from};
use crate::analysis::text::LineIndex;
use crate::analysis::{Input, LinkResolver, analyze};
use crate::project::{FsLinks, OpenFiles, Project, absolute_normal, read_text};
use serde_json::json;
use std::path::{Path, PathBuf};

/// A case analysed for its report: what every renderer shows.
#[derive(Debug, Clone)]
pub struct CaseReport {
    /// The reported doc, as the caller names it.
    pub file: String,
    pub ladder: String,
    pub target: String,
    pub target_name: String,
    pub traits: Vec<TraitReport>,
    /// The other docs read with it, as named in `entries`.
    pub case_files: Vec<String>,
    /// Files left out of the case, with why.
    pub skipped: Vec<(String, String)>,
}

/// One expected trait and its evidence across the case.
#[derive(Debug, Clone)]
pub struct TraitReport {
    pub id: String,
    pub name: String,
    pub n_evidence: usize,
    pub n_inferred: usize,
    pub n_measurable: usize,
    /// What good evidence of the trait shows, from the ladder.
    pub what_counts: String,
    pub entries: Vec<EntryReport>,
}

/// One evidence entry: where it is, what it says, whether it is measured and how it was found.
#[derive(Debug, Clone)]
pub struct EntryReport {
    pub file: String,
    /// 0-based.
    pub line: usize,
    pub text: String,
    pub measurable: bool,
    /// `heading`, `tag`, `link` or `inferred`.
    pub how: &'static str,
}

impl CaseReport {
    pub fn n_evidenced(&self) -> usize {
        self.traits.iter().filter(|t| t.n_evidence > 0).count()
    }

    pub fn n_only_inferred(&self) -> usize {
        self.traits
            .iter()
            .filter(|t| t.n_evidence > 0 && t.n_inferred == t.n_evidence)
            .count()
    }
}

/// Why a report could not be made, and the exit code it means.
pub struct ReportError(pub String);

/// Read the case of the doc at `file` (whose text is `text`: the editor's, saved or not),
/// analyse it and assemble its report against `target` (else the doc's `target:`). `open`
/// answers for the other files open in an editor.
pub fn report_for(
    file: &Path,
    text: &str,
    target: Option<&str>,
    open: Option<&dyn OpenFiles>,
) -> Result<CaseReport, ReportError> {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let project = Project::discover(dir);
    let loaded = project.load_case(file, Some(text), open);
    let facts = loaded.facts_for(file, &project.settings);
    let fs_links = FsLinks::new(dir.to_path_buf());
    let links = facts.links(&fs_links);
    let name = file.file_name().and_then(|n| n.to_str());
    let input = Input {
        file_name: name,
        config_kind: project.config_kind_for(file),
        case: Some(&facts),
        ..Input::new(text)
    };
    let mut analysis = analyze(&input, &project.settings, &links as &dyn LinkResolver);
    if analysis.document.is_none() {
        let forced = Input {
            forced_kind: Some(DocKind::Promo),
            ..input
        };
        analysis = analyze(&forced, &project.settings, &links);
    }
    let Some(doc) = analysis.document else {
        return Err(ReportError("not a growth doc".to_string()));
    };
    let Some(ladder) = project.settings.catalogue.ladder(&doc.ladder_id) else {
        return Err(ReportError(format!("unknown ladder `{}`", doc.ladder_id)));
    };
    let evidence = case_evidence(&doc, ladder, &facts);
    let counts = case_counts(&evidence);
    let readiness = match target {
        Some(target) => {
            let Some(level_idx) = ladder.level_index(target) else {
                let ids: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
                return Err(ReportError(format!(
                    "`{target}` is not a level of the {} ladder; expected one of {}",
                    ladder.id,
                    ids.join(", ")
                )));
            };
            readiness_for_level(ladder, level_idx, &counts)
        }
        None => readiness_from(&doc, ladder, &counts).ok_or_else(|| {
            ReportError(format!(
                "{}: the front matter needs a `target:` level of the {} ladder to report readiness (or pass --target)",
                file.display(),
                ladder.id
            ))
        })?,
    };
    let own_label = file.display().to_string();
    let own_dir = absolute_normal(dir);
    // Another doc of the case, named as the user named the reported one: beside it, relative.
    let label = |path: &str| -> String {
        let path = PathBuf::from(path);
        match path.strip_prefix(&own_dir) {
            Ok(relative) if dir == Path::new(".") => relative.display().to_string(),
            Ok(relative) => dir.join(relative).display().to_string(),
            Err(_) => path.display().to_string(),
        }
    };
    let other_labels: Vec<String> = facts.others.iter().map(|d| label(&d.path)).collect();
    let lines = LineIndex::new(text);
    let traits = readiness
        .traits
        .iter()
        .map(|t| {
            let tr = &ladder.traits[t.trait_idx];
            let entries = evidence[t.trait_idx]
                .iter()
                .map(|e| match e.doc {
                    None => {
                        let entry = &doc.entries[e.entry_idx];
                        EntryReport {
                            file: own_label.clone(),
                            line: lines.line_of(entry.text_span.start),
                            text: entry.text.to_string(),
                            measurable: e.is_measurable,
                            how: e.how.label(),
                        }
                    }
                    Some(d) => {
                        let entry = &facts.others[d].entries[e.entry_idx];
                        EntryReport {
                            file: other_labels[d].clone(),
                            line: entry.line,
                            text: entry.text.clone(),
                            measurable: e.is_measurable,
                            how: e.how.label(),
                        }
                    }
                })
                .collect();
            TraitReport {
                id: tr.id.clone(),
                name: tr.name.clone(),
                n_evidence: t.n_evidence,
                n_inferred: t.n_inferred,
                n_measurable: t.n_measurable,
                what_counts: tr.evidence.clone(),
                entries,
            }
        })
        .collect();
    let level = &ladder.levels[readiness.level_idx];
    Ok(CaseReport {
        file: own_label,
        ladder: ladder.id.clone(),
        target: level.id.clone(),
        target_name: level.name.clone(),
        traits,
        case_files: other_labels,
        skipped: loaded
            .skipped
            .iter()
            .map(|(p, why)| (p.display().to_string(), why.clone()))
            .collect(),
    })
}

pub fn run(file: &Path, format: Format, target: Option<&str>) -> i32 {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {}: {message}", file.display());
            return EXIT_USAGE;
        }
    };
    let report = match report_for(file, &text, target, None) {
        Ok(report) => report,
        Err(ReportError(message)) => {
            eprintln!("error: {message}");
            return EXIT_USAGE;
        }
    };
    for (path, why) in &report.skipped {
        eprintln!("note: {path} left out of the case: {why}");
    }
    match format {
        Format::Json => println!("{}", render_json(&report)),
        Format::Html => print!("{}", render_html(&report)),
        Format::Github => github(&text, file, &report, target.is_none()),
        Format::Human => print!("{}", render_human(&report)),
    }
    if report.n_evidenced() == report.traits.len() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}

/// The report as one JSON object: `file`, `ladder`, `target`, `expected`, `evidenced`,
/// `only_inferred`, `case` (the other docs read) and `traits[]`, each with its counts and its
/// `entries[]` of `{file, line (0-based), text, measurable, how}`.
pub fn render_json(report: &CaseReport) -> serde_json::Value {
    let traits: Vec<_> = report
        .traits
        .iter()
        .map(|t| {
            let entries: Vec<_> = t
                .entries
                .iter()
                .map(|e| {
                    json!({
                        "file": e.file,
                        "line": e.line,
                        "text": e.text,
                        "measurable": e.measurable,
                        "how": e.how,
                    })
                })
                .collect();
            json!({
                "trait": t.id,
                "name": t.name,
                "evidence": t.n_evidence,
                "inferred": t.n_inferred,
                "measurable": t.n_measurable,
                "entries": entries,
            })
        })
        .collect();
    json!({
        "file": report.file,
        "ladder": report.ladder,
        "target": report.target,
        "expected": report.traits.len(),
        "evidenced": report.n_evidenced(),
        "only_inferred": report.n_only_inferred(),
        "case": report.case_files,
        "traits": traits,
    })
}

/// The report as a table for the terminal (lines 1-based, as compilers print them).
pub fn render_human(report: &CaseReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — readiness for {} ({}) on the {} ladder",
        report.file, report.target, report.target_name, report.ladder
    );
    if !report.case_files.is_empty() {
        let _ = writeln!(out, "read with {}", report.case_files.join(", "));
    }
    out.push('\n');
    let width = report
        .traits
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(0);
    for t in &report.traits {
        let name = &t.name;
        if t.n_evidence == 0 {
            let _ = writeln!(out, "  ✗ {name:width$}  no evidence");
            continue;
        }
        // Evidence found only by inference is a guess until the author confirms it.
        let mark = if t.n_inferred == t.n_evidence {
            "?"
        } else {
            "✓"
        };
        let summary = if t.n_inferred == 0 {
            format!("{} evidence · {} measurable", t.n_evidence, t.n_measurable)
        } else {
            format!(
                "{} evidence · {} inferred · {} measurable",
                t.n_evidence, t.n_inferred, t.n_measurable
            )
        };
        let _ = writeln!(out, "  {mark} {name:width$}  {summary}");
        for e in &t.entries {
            let how = match e.how {
                "inferred" => format!("INFERRED, confirm with #{}", t.id),
                other => other.to_string(),
            };
            let _ = writeln!(
                out,
                "      {}:{}  {}  ({how}{})",
                e.file,
                e.line + 1,
                shorten(&e.text, 70),
                if e.measurable { ", measurable" } else { "" }
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
    let _ = writeln!(
        out,
        "\n{}: {} of {} expected traits evidenced; {measurable} of {total} evidence entries measurable{inferred_note}",
        report.target,
        report.n_evidenced(),
        report.traits.len()
    );
    out
}

/// GitHub workflow annotations: a warning per expected trait with no evidence, at the doc's
/// `target:` line (the first line when the target came from `--target`), a notice per entry
/// whose evidence is only inferred, at that entry (in whichever doc of the case it is), and a
/// notice with the totals.
fn github(text: &str, file: &Path, report: &CaseReport, target_from_front_matter: bool) {
    use super::render::{display_path, escape};
    let lines = LineIndex::new(text);
    let path = escape(&display_path(file), true);
    let target_line = crate::analysis::front_matter::parse_front_matter(text)
        .front_matter
        .as_ref()
        .and_then(|fm| fm.text("target").map(|(_, span)| span))
        .filter(|_| target_from_front_matter)
        .map_or(1, |span| lines.line_of(span.start) + 1);
    for t in &report.traits {
        if t.n_evidence == 0 {
            println!(
                "::warning file={path},line={target_line},title={}::{}",
                escape(&format!("rung report: no evidence of {}", t.name), true),
                escape(
                    &format!(
                        "{} expects evidence of {}; add a `## {}` section or tag an entry with #{}. What counts: {}",
                        report.target, t.name, t.name, t.id, t.what_counts
                    ),
                    false
                )
            );
            continue;
        }
        for e in t.entries.iter().filter(|e| e.how == "inferred") {
            println!(
                "::notice file={},line={},title={}::{}",
                escape(&display_path(Path::new(&e.file)), true),
                e.line + 1,
                escape(&format!("rung report: {} inferred", t.name), true),
                escape(
                    &format!(
                        "this entry reads as evidence of {} from its wording; confirm it with #{} or a `## {}` heading",
                        t.name, t.id, t.name
                    ),
                    false
                )
            );
        }
    }
    println!(
        "::notice file={path},line={target_line},title=rung report::{}",
        escape(
            &format!(
                "{}: {} of {} expected traits evidenced on the {} ladder",
                report.target,
                report.n_evidenced(),
                report.traits.len(),
                report.ladder
            ),
            false
        )
    );
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

/// Text made safe inside HTML elements and attribute values.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's styles: system fonts only, colours that read in light and dark themes.
const HTML_STYLE: &str = "
:root { color-scheme: light dark; --ok: #2e7d32; --vague: #e0a100; --none: #c62828; --muted: #6b7280; --line: #d1d5db; }
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1.2rem; }
h1 { font-size: 1.35rem; margin: 0 0 .2rem; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
.sub { color: var(--muted); margin: 0 0 1rem; }
.score { font-size: 1.1rem; font-weight: 600; }
.chart { width: 100%; height: auto; margin: .6rem 0 .2rem; }
.chart text { font: 13px system-ui, sans-serif; fill: currentColor; }
.chart .count { fill: var(--muted); }
.chart .missing { fill: var(--none); font-weight: 600; }
.legend { display: flex; gap: 1.2rem; color: var(--muted); font-size: .9rem; margin-bottom: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -1px; margin-right: .3rem; }
.m { background: var(--ok); } .v { background: var(--vague); }
ul.entries { list-style: none; padding: 0; margin: 0; }
ul.entries li { border-left: 3px solid var(--vague); padding: .25rem .6rem; margin: .3rem 0; }
ul.entries li.measurable { border-left-color: var(--ok); }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; color: var(--muted); margin-right: .5rem; }
.badge { font-size: .75rem; border: 1px solid var(--line); border-radius: 999px; padding: 0 .45rem; margin-left: .35rem; color: var(--muted); white-space: nowrap; }
.badge.inferred { border-color: var(--vague); }
.none { color: var(--none); font-weight: 600; }
.skipped { color: var(--muted); font-size: .9rem; }
";

/// The report as one self-contained HTML page: no scripts, no external styles, images or fonts.
/// An SVG chart shows each expected trait's evidence, measurable against not; below it each
/// trait lists its entries with file, line (1-based, as editors show it; `data-line` holds the
/// 0-based line), how each was found and whether it is measured. The language server's report
/// command renders the same page from the buffer's text.
pub fn render_html(report: &CaseReport) -> String {
    use std::fmt::Write;
    let e = html_escape;
    let mut out = String::new();
    let title = format!(
        "{} — readiness for {} ({})",
        report.file, report.target, report.target_name
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n",
        e(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", e(&title));
    let mut sub = format!("{} ladder", report.ladder);
    if !report.case_files.is_empty() {
        sub.push_str(&format!(" · read with {}", report.case_files.join(", ")));
    }
    let _ = writeln!(out, "<p class=\"sub\">{}</p>", e(&sub));
    let total: usize = report.traits.iter().map(|t| t.n_evidence).sum();
    let measurable: usize = report.traits.iter().map(|t| t.n_measurable).sum();
    let _ = writeln!(
        out,
        "<p class=\"score\" id=\"score\">{} of {} expected traits evidenced · {measurable} of {total} evidence entries measurable</p>",
        report.n_evidenced(),
        report.traits.len()
    );

    // The chart: one row per expected trait, a bar of measurable then not-measurable entries.
    let label_width = 170.0;
    let bar_width = 480.0;
    let row = 30.0;
    let height = row * report.traits.len().max(1) as f64 + 10.0;
    let most = report
        .traits
        .iter()
        .map(|t| t.n_evidence)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let _ = writeln!(
        out,
        "<svg class=\"chart\" role=\"img\" aria-label=\"Evidence per expected trait\" viewBox=\"0 0 {} {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        label_width + bar_width + 230.0
    );
    for (i, t) in report.traits.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let mid = y + row / 2.0 + 4.5;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{mid}\" text-anchor=\"end\">{}</text>",
            label_width - 10.0,
            e(&t.name)
        );
        if t.n_evidence == 0 {
            let _ = writeln!(
                out,
                "<rect x=\"{label_width}\" y=\"{}\" width=\"{bar_width}\" height=\"{}\" fill=\"none\" stroke=\"#c62828\" stroke-dasharray=\"4 3\" rx=\"3\"/><text class=\"missing\" x=\"{}\" y=\"{mid}\">no evidence</text>",
                y + 5.0,
                row - 10.0,
                label_width + 10.0
            );
            continue;
        }
        let unit = bar_width / most;
        let measured = unit * t.n_measurable as f64;
        let vague = unit * (t.n_evidence - t.n_measurable) as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{label_width}\" y=\"{}\" width=\"{measured}\" height=\"{}\" fill=\"#2e7d32\" rx=\"2\"><title>{} measurable</title></rect>",
            y + 5.0,
            row - 10.0,
            t.n_measurable
        );
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{vague}\" height=\"{}\" fill=\"#e0a100\" rx=\"2\"><title>{} not measurable</title></rect>",
            label_width + measured,
            y + 5.0,
            row - 10.0,
            t.n_evidence - t.n_measurable
        );
        let inferred = if t.n_inferred > 0 {
            format!(" · {} inferred", t.n_inferred)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<text class=\"count\" x=\"{}\" y=\"{mid}\">{} evidence · {} measurable{inferred}</text>",
            label_width + measured + vague + 8.0,
            t.n_evidence,
            t.n_measurable
        );
    }
    out.push_str("</svg>\n");
    out.push_str("<div class=\"legend\"><span><span class=\"swatch m\"></span>measurable</span><span><span class=\"swatch v\"></span>not measurable</span></div>\n");

    for t in &report.traits {
        let _ = writeln!(
            out,
            "<section class=\"trait\" id=\"trait-{}\">\n<h2>{}</h2>",
            e(&t.id),
            e(&t.name)
        );
        if t.entries.is_empty() {
            let _ = writeln!(
                out,
                "<p><span class=\"none\">No evidence.</span> Add a <code>## {}</code> section or tag an entry with <code>#{}</code>. What counts: {}</p>",
                e(&t.name),
                e(&t.id),
                e(&t.what_counts)
            );
        } else {
            out.push_str("<ul class=\"entries\">\n");
            for entry in &t.entries {
                let class = if entry.measurable {
                    " class=\"measurable\""
                } else {
                    ""
                };
                let measure = if entry.measurable {
                    "measurable"
                } else {
                    "not measurable"
                };
                let how = if entry.how == "inferred" {
                    format!("inferred: confirm with #{}", t.id)
                } else {
                    entry.how.to_string()
                };
                let _ = writeln!(
                    out,
                    "<li{class} data-file=\"{}\" data-line=\"{}\"><span class=\"where\">{}:{}</span>{}<span class=\"badge {}\">{}</span><span class=\"badge\">{measure}</span></li>",
                    e(&entry.file),
                    entry.line,
                    e(&entry.file),
                    entry.line + 1,
                    e(&entry.text),
                    entry.how,
                    e(&how)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    if !report.skipped.is_empty() {
        out.push_str("<h2>Left out of the case</h2>\n<ul class=\"skipped\">\n");
        for (path, why) in &report.skipped {
            let _ = writeln!(out, "<li>{}: {}</li>", e(path), e(why));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
