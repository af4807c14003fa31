//! `rung new KIND`: print a new growth doc from a template that fits the ladder and target.

use super::{EXIT_OK, EXIT_USAGE};
use crate::analysis::document::DocKind;
use crate::analysis::rules::{action_skeleton, evidence_skeleton};
use crate::project::Project;
use std::fmt::Write;
use std::path::Path;

pub fn run(
    kind: DocKind,
    ladder_arg: Option<&str>,
    level_arg: Option<&str>,
    target_arg: Option<&str>,
) -> i32 {
    let project = Project::discover(Path::new("."));
    // A broken rung.toml or ladder file must not turn silently into the built-in ladder.
    for problem in &project.problems {
        eprintln!("warning: {problem}");
    }
    let catalogue = &project.settings.catalogue;
    let ladder_id = ladder_arg.unwrap_or(&project.settings.default_ladder);
    let Some(ladder) = catalogue.ladder(ladder_id) else {
        let known = catalogue.ids();
        eprintln!(
            "error: unknown ladder `{ladder_id}`: use one of {}",
            known.join(", ")
        );
        return EXIT_USAGE;
    };
    if !project.problems.is_empty() && ladder_arg.is_none() {
        eprintln!(
            "note: because of the problems above, the template uses the `{}` ladder",
            ladder.id
        );
    }
    let level_ids: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
    let resolve = |name: Option<&str>, what: &str| -> Result<Option<usize>, i32> {
        match name {
            None => Ok(None),
            Some(name) => ladder.level_index(name).map(Some).ok_or_else(|| {
                eprintln!(
                    "error: {what} `{name}` is not a level of the {} ladder: use one of {}",
                    ladder.id,
                    level_ids.join(", ")
                );
                EXIT_USAGE
            }),
        }
    };
    let (level_idx, target_idx) = match (resolve(level_arg, "level"), resolve(target_arg, "target"))
    {
        (Ok(level), Ok(target)) => (level, target),
        _ => return EXIT_USAGE,
    };
    let has_target = matches!(kind, DocKind::Promo | DocKind::GrowthPlan);
    let last = ladder.levels.len() - 1;
    if has_target {
        if let (Some(level), Some(target)) = (level_idx, target_idx)
            && target <= level
        {
            eprintln!(
                "error: the target `{}` is not above the level `{}`: a {} aims at a higher level of the {} ladder ({})",
                level_ids[target],
                level_ids[level],
                kind.id(),
                ladder.id,
                level_ids.join(" → ")
            );
            return EXIT_USAGE;
        }
        if level_idx == Some(last) && target_idx.is_none() {
            eprintln!(
                "error: `{}` is the top level of the {} ladder, so there is no level above it to aim at",
                level_ids[last], ladder.id
            );
            return EXIT_USAGE;
        }
        if target_idx == Some(0) && level_idx.is_none() {
            eprintln!(
                "error: `{}` is the first level of the {} ladder, so there is no level below it to start from",
                level_ids[0], ladder.id
            );
            return EXIT_USAGE;
        }
    }
    // Without both, aim one level above the given one, or at the middle of the ladder.
    let middle = ladder.levels.len() / 2;
    let assumed_level = level_idx.is_none();
    let assumed_target = has_target && target_idx.is_none();
    let level_idx = level_idx
        .or(target_idx.map(|t| t.saturating_sub(1)))
        .unwrap_or(middle.saturating_sub(1));
    let target_idx = target_idx.unwrap_or((level_idx + 1).min(last));
    if has_target && target_idx <= level_idx {
        eprintln!(
            "error: the {} ladder has one level ({}), so there is no level to aim at",
            ladder.id, level_ids[0]
        );
        return EXIT_USAGE;
    }
    let assumed: Vec<String> = [
        assumed_level.then(|| format!("--level {}", level_ids[level_idx])),
        assumed_target.then(|| format!("--target {}", level_ids[target_idx])),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !assumed.is_empty() {
        eprintln!(
            "note: assumed {} on the {} ladder ({}); pass {} to choose",
            assumed.join(" "),
            ladder.id,
            level_ids.join(", "),
            if has_target {
                "--level and --target"
            } else {
                "--level"
            }
        );
    }
    let level = &ladder.levels[level_idx];
    let target = &ladder.levels[target_idx];

    let today = crate::project::today();
    let half = if today[5..7].parse::<u32>().unwrap_or(1) <= 6 {
        "H1"
    } else {
        "H2"
    };
    let period = format!("{}-{half}", &today[..4]);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "---\nkind: {}\nladder: {}\nlevel: {}",
        kind.id(),
        ladder.id,
        level.id
    );
    match kind {
        DocKind::Promo => {
            let _ = writeln!(out, "target: {}\nperiod: {period}\n---\n", target.id);
            let _ = writeln!(out, "# Promotion case: {} → {}\n", level.id, target.id);
            let _ = writeln!(
                out,
                "## Summary\n\n[Describe in two or three sentences why your work already matches {}: {}]\n",
                target.id, target.scope
            );
            let _ = writeln!(out, "## Wins\n\n{}\n", evidence_skeleton("delivery"));
            for id in &target.traits {
                if let Some(tr) = ladder.trait_by_id(id) {
                    let _ = writeln!(
                        out,
                        "## {}\n\n<!-- {} -->\n{}\n",
                        tr.name,
                        tr.evidence,
                        evidence_skeleton(&tr.id)
                    );
                }
            }
            let _ = writeln!(
                out,
                "## Feedback\n\n- [What your peers and manager said, and who said it]"
            );
        }
        DocKind::GrowthPlan => {
            let focus: Vec<&str> = target
                .traits
                .iter()
                .filter(|t| !level.traits.contains(t))
                .take(2)
                .map(String::as_str)
                .collect();
            let focus = if focus.is_empty() {
                target.traits.iter().take(2).map(String::as_str).collect()
            } else {
                focus
            };
            let _ = writeln!(
                out,
                "target: {}\nperiod: {period}\nfocus: [{}]\n---\n",
                target.id,
                focus.join(", ")
            );
            let _ = writeln!(out, "# Growth plan: {} → {}\n", level.id, target.id);
            for id in &focus {
                if let Some(tr) = ladder.trait_by_id(id) {
                    let _ = writeln!(
                        out,
                        "## {}\n\n<!-- {} -->\n{}\n",
                        tr.name,
                        tr.description,
                        action_skeleton()
                    );
                }
            }
            let _ = writeln!(
                out,
                "## Feedback\n\n- Ask [whom] for feedback on [what], [when: e.g. monthly in our 1:1s]"
            );
        }
        DocKind::Brag => {
            let _ = writeln!(
                out,
                "---\n\n# Brag document\n\n## {}\n\n{}",
                &today[..7],
                evidence_skeleton("delivery")
            );
        }
        DocKind::Retro => {
            let _ = writeln!(out, "period: {period}\n---\n\n# Retrospective: [project]\n");
            let _ = writeln!(out, "## Went well\n\n- [What worked, and how you know]\n");
            let _ = writeln!(
                out,
                "## Didn't go well\n\n- [What hurt, and what it cost]\n"
            );
            let _ = writeln!(
                out,
                "## Do differently\n\n- [The change you will make next time, and who owns it]"
            );
        }
    }
    print!("{out}");
    EXIT_OK
}
