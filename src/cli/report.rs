//! `rung report FILE`: readiness of a promo doc against its target level.

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Format};
use crate::analysis::document::DocKind;
use crate::analysis::readiness::readiness;
use crate::analysis::{Input, analyze};
use crate::project::{FsLinks, Project, read_text};
use serde_json::json;
use std::path::Path;

pub fn run(file: &Path, format: Format) -> i32 {
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
    let Some(report) = readiness(&doc, ladder) else {
        eprintln!(
            "error: {}: the front matter needs a `target:` level of the {} ladder to report readiness",
            file.display(),
            ladder.id
        );
        return EXIT_USAGE;
    };
    let level = &ladder.levels[report.level_idx];
    match format {
        Format::Json => {
            let traits: Vec<_> = report
                .traits
                .iter()
                .map(|t| json!({ "trait": ladder.traits[t.trait_idx].id, "evidence": t.n_evidence, "measurable": t.n_measurable }))
                .collect();
            println!(
                "{}",
                json!({ "file": file.display().to_string(), "ladder": ladder.id, "target": level.id, "evidenced": report.n_evidenced(), "expected": report.traits.len(), "traits": traits })
            );
        }
        Format::Human | Format::Github => {
            println!(
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
                let name = &ladder.traits[t.trait_idx].name;
                if t.n_evidence == 0 {
                    println!("  ✗ {name:width$}  no evidence");
                } else {
                    println!(
                        "  ✓ {name:width$}  {} evidence · {} measurable",
                        t.n_evidence, t.n_measurable
                    );
                }
            }
            let total: usize = report.traits.iter().map(|t| t.n_evidence).sum();
            let measurable: usize = report.traits.iter().map(|t| t.n_measurable).sum();
            println!(
                "\n{}: {} of {} expected traits evidenced; {measurable} of {total} evidence entries measurable",
                level.id,
                report.n_evidenced(),
                report.traits.len()
            );
        }
    }
    if report.n_evidenced() == report.traits.len() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    }
}
