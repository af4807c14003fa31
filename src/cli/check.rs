//! `rung check`: find growth docs, analyse each one, print, and choose the exit code.

use super::render::{self, FileReport, Problem};
use super::{ColorChoice, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Format};
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::{Input, analyze};
use crate::project::{FsLinks, Project, markdown_files, read_text};
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

pub fn run(
    paths: &[PathBuf],
    forced_kind: Option<DocKind>,
    format: Format,
    color: ColorChoice,
) -> i32 {
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
            targets.extend(
                markdown_files(path)
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
    let today = crate::project::today();
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
        };
        let analysis = analyze(&input, &project.settings, &FsLinks::new(dir));
        if analysis.document.is_none() {
            if is_stdin {
                eprintln!(
                    "note: standard input is not a growth doc (no `kind:` in front matter); use --kind to check it anyway"
                );
            } else if target.named && matches!(format, Format::Human) {
                eprintln!(
                    "note: {} is not a growth doc (no `kind:` in front matter, no rung.toml include, and its name does not say); use --kind to check it anyway",
                    target.path.display()
                );
            }
            continue;
        }
        reports.push(FileReport {
            path: if is_stdin {
                PathBuf::from("<stdin>")
            } else {
                target.path.clone()
            },
            text,
            diagnostics: analysis.diagnostics,
        });
    }

    match format {
        Format::Human => render::human(&reports, &problems, color),
        Format::Json => render::json(&reports, &problems),
        Format::Github => render::github(&reports, &problems),
    }

    let has_error = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity == Severity::Error)
        || problems.iter().any(|p| p.is_config);
    if problems.iter().any(|p| !p.is_config) {
        EXIT_USAGE
    } else if has_error {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
