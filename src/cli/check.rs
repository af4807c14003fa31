//! `rung check`: find growth docs, analyse each one, print, and choose the exit code.

use super::render::{self, FileReport, Problem};
use super::{CheckFormat as Format, ColorChoice, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::{Input, LinkResolver, analyze};
use crate::project::{FsLinks, LoadedCase, Project, read_text, walk_markdown_files, write_text};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One file to check and whether the user named it (named files get a note when they are not
/// growth docs; files found in folders are skipped quietly).
struct Target {
    path: PathBuf,
    named: bool,
}

/// One document from standard input, as UTF-8.
fn read_stdin() -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "standard input is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// How `rung check` was asked to run.
pub struct Options {
    /// `--kind`: the kind of the named files, whatever they say.
    pub forced_kind: Option<DocKind>,
    pub format: Format,
    /// `--fail-on`: a diagnostic at this severity or above makes the exit code 1.
    pub fail_on: Severity,
    pub color: ColorChoice,
    pub fix: FixMode,
}

/// `--fix` and `--diff`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only check.
    Off,
    /// Apply the mechanical fixes in place, then report what is left.
    Write,
    /// Print the diff the fixes would make; write nothing and report nothing else.
    Diff,
}

pub fn run(paths: &[PathBuf], options: &Options) -> i32 {
    let Options {
        forced_kind,
        format,
        fail_on,
        color,
        fix,
    } = *options;
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut targets = Vec::new();
    for path in &paths {
        if path.as_os_str() == "-" {
            targets.push(Target {
                path: path.clone(),
                named: true,
            });
        } else if path.is_dir() {
            let walk = walk_markdown_files(path);
            // Said on stderr whatever the format: the walk passed these over, nothing failed.
            for (skipped, reason) in &walk.skipped {
                eprintln!("note: skipped {}: {reason}", skipped.display());
            }
            targets.extend(
                walk.files
                    .into_iter()
                    .map(|path| Target { path, named: false }),
            );
        } else if path.exists() {
            targets.push(Target {
                path: path.clone(),
                named: true,
            });
        } else {
            problems.push(Problem::unreadable(path, "no such file or folder"));
        }
    }

    let mut projects: HashMap<PathBuf, Project> = HashMap::new();
    let mut reported_config: Vec<PathBuf> = Vec::new();
    let mut reports = Vec::new();
    let (mut would_change, mut fixed_files, mut fixes_applied) = (0, 0, 0);
    // Markdown files found in folders that are not growth docs.
    let mut skipped = 0;
    let today = crate::project::today();
    // The docs of each case, read once however many of its docs are checked; the files left
    // out of a case, noted once.
    let mut cases: HashMap<Vec<PathBuf>, LoadedCase> = HashMap::new();
    let mut noted: Vec<PathBuf> = Vec::new();
    for target in &targets {
        let dir = target
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let project = projects
            .entry(dir.clone())
            .or_insert_with(|| Project::discover(&dir));
        if let Some(root) = &project.root
            && !reported_config.contains(root)
        {
            reported_config.push(root.clone());
            problems.extend(project.problems.iter().map(Problem::config));
        }
        let is_stdin = target.path.as_os_str() == "-";
        let read = if is_stdin {
            read_stdin()
        } else {
            read_text(&target.path)
        };
        let text = match read {
            Ok(text) => text,
            Err(message) => {
                problems.push(Problem::unreadable(&target.path, &message));
                continue;
            }
        };
        // Standard input has no name to tell its kind: front matter or `--kind` must.
        let file_name = if is_stdin {
            None
        } else {
            target.path.file_name().and_then(|n| n.to_str())
        };
        let input = Input {
            text: &text,
            file_name,
            config_kind: project.config_kind_for(&target.path),
            forced_kind: if target.named { forced_kind } else { None },
            today: Some(&today),
            memo: None,
            case: None,
        };
        let fs_links = FsLinks::new(dir);
        let mut analysis = analyze(&input, &project.settings, &fs_links);
        // A promo doc or growth plan, or a doc citing other Markdown files, is read with the
        // other docs of its case (its folder, or its `[[case]]` in rung.toml).
        let facts = (!is_stdin
            && analysis
                .document
                .as_ref()
                .is_some_and(crate::analysis::case::reads_its_case))
        .then(|| {
            let (paths, skipped) = project.case_paths(&target.path);
            let loaded = cases.entry(paths.clone()).or_insert_with(|| {
                project.load_case_paths(paths, skipped, &target.path, None, None)
            });
            for (path, why) in &loaded.skipped {
                if !noted.contains(path) {
                    noted.push(path.clone());
                    if matches!(format, Format::Human) {
                        eprintln!(
                            "note: {} left out of the case of {}: {why}",
                            path.display(),
                            target.path.display()
                        );
                    }
                }
            }
            loaded.facts_for(&target.path, &project.settings)
        })
        .filter(|facts| !facts.is_empty());
        let case_links = facts.as_ref().map(|facts| facts.links(&fs_links));
        let links: &dyn LinkResolver = match &case_links {
            Some(case_links) => case_links,
            None => &fs_links,
        };
        let input = Input {
            case: facts.as_ref(),
            ..input
        };
        if facts.is_some() {
            // One analysis at a time: the first (read without the case) goes before the second
            // is built, or a 10 MB doc's check holds two models and two lists of diagnostics.
            drop(analysis);
            analysis = analyze(&input, &project.settings, links);
        }
        if analysis.document.is_none() {
            let unclosed = unclosed_front_matter_kind(&text);
            if !target.named {
                skipped += 1;
            }
            if matches!(format, Format::Human) {
                if let Some((kind, line)) = unclosed {
                    eprintln!(
                        "note: {} says `kind: {}`, but the front matter opened on line {line} is never closed, so it is not read: add a `---` line after it",
                        target.path.display(),
                        kind.id()
                    );
                } else if is_stdin {
                    eprintln!(
                        "note: standard input is not a growth doc (no `kind:` in front matter); use --kind to check it anyway"
                    );
                } else if target.named {
                    eprintln!(
                        "note: {} is not a growth doc (no `kind:` in front matter, no rung.toml include, and its name does not say); use --kind to check it anyway",
                        target.path.display()
                    );
                }
            }
            continue;
        }
        if is_stdin && fix == FixMode::Write {
            problems.push(Problem::unreadable(
                &target.path,
                "standard input cannot be fixed in place; use --diff to see the fixes",
            ));
            continue;
        }
        let (text, diagnostics) = if fix == FixMode::Off {
            (text, analysis.diagnostics)
        } else {
            let fixed = super::fix::fix(&text, analysis.diagnostics, |text| {
                analyze(&Input { text, ..input }, &project.settings, links).diagnostics
            });
            if fixed.applied > 0 {
                match fix {
                    FixMode::Diff => {
                        let path = super::render::display_path(&target.path);
                        print!("{}", super::fix::unified_diff(&path, &text, &fixed.text));
                        would_change += 1;
                    }
                    _ => match write_text(&target.path, &fixed.text) {
                        Ok(()) => {
                            fixed_files += 1;
                            fixes_applied += fixed.applied;
                        }
                        Err(message) => {
                            problems.push(Problem::unreadable(&target.path, &message));
                            continue;
                        }
                    },
                }
            }
            if fix == FixMode::Diff {
                (text, Vec::new())
            } else {
                (fixed.text, fixed.diagnostics)
            }
        };
        reports.push(FileReport {
            path: if is_stdin {
                PathBuf::from("<stdin>")
            } else {
                target.path.clone()
            },
            text,
            diagnostics,
        });
    }

    if reports.is_empty() && skipped > 0 && matches!(format, Format::Human) {
        eprintln!(
            "note: {skipped} Markdown file{} found, none of them a growth doc; to check them, start each with front matter that says its kind (`---`, `kind: brag`, `---`; or promo, growth-plan, retro), list them under `include = [\"…/*.md\"]` in rung.toml, or name the files with `--kind KIND`",
            if skipped == 1 { "" } else { "s" }
        );
    }

    if fix == FixMode::Diff {
        for problem in &problems {
            eprintln!("error: {}: {}", problem.file, problem.message);
        }
        eprintln!(
            "{would_change} file{} would be changed by --fix",
            if would_change == 1 { "" } else { "s" }
        );
        return if problems.iter().any(|p| !p.is_config) {
            EXIT_USAGE
        } else if would_change > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        };
    }
    if fix == FixMode::Write && matches!(format, Format::Human) {
        eprintln!(
            "fixed {fixes_applied} problem{} in {fixed_files} file{}",
            if fixes_applied == 1 { "" } else { "s" },
            if fixed_files == 1 { "" } else { "s" }
        );
    }

    match format {
        Format::Human => render::human(&reports, &problems, color),
        Format::Json => render::json(&reports, &problems),
        Format::Github => render::github(&reports, &problems),
        Format::Sarif => super::sarif::print(&reports, &problems),
    }

    let has_error = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail_on)
        || problems.iter().any(|p| p.is_config);
    if problems.iter().any(|p| !p.is_config) {
        EXIT_USAGE
    } else if has_error {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// When `text` opens front matter that is never closed and a line in it says a kind of growth
/// doc, that kind and the 1-based line of the opening `---`: the file was meant to be a growth
/// doc.
fn unclosed_front_matter_kind(text: &str) -> Option<(DocKind, usize)> {
    use crate::analysis::front_matter::{FrontMatterProblem, parse_front_matter};
    let Some(FrontMatterProblem::Unclosed { opening }) = parse_front_matter(text).problem else {
        return None;
    };
    let line = text[..opening.start].matches('\n').count() + 1;
    // The front matter of a growth doc is a few lines: look no further than its usual length.
    let kind = text[opening.end..]
        .lines()
        .skip(1)
        .take(50)
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            (key.trim() == "kind")
                .then(|| DocKind::parse(value.trim().trim_matches(['"', '\''])))
                .flatten()
        })?;
    Some((kind, line))
}
