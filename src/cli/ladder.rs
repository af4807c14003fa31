//! `rung ladder [LADDER] [LEVEL]`: a ladder's levels, or one level in detail.

use super::{EXIT_OK, EXIT_USAGE};
use crate::catalogue::{Ladder, Level};
use crate::project::Project;
use std::path::Path;

pub fn run(ladder_arg: Option<&str>, level_arg: Option<&str>) -> i32 {
    let project = Project::discover(Path::new("."));
    let catalogue = &project.settings.catalogue;
    let default = catalogue
        .ladder(&project.settings.default_ladder)
        .or_else(|| catalogue.ladders.first());
    let (ladder, level_arg) = match ladder_arg {
        None => (default, None),
        Some(id) => match catalogue.ladder(id) {
            Some(ladder) => (Some(ladder), level_arg),
            // `rung ladder E6` names a level of the default ladder.
            None if level_arg.is_none() && default.is_some_and(|l| l.find_level(id).is_some()) => {
                (default, Some(id))
            }
            None => {
                let known = catalogue.ids();
                eprintln!(
                    "error: unknown ladder `{id}`: use one of {}",
                    known.join(", ")
                );
                return EXIT_USAGE;
            }
        },
    };
    let Some(ladder) = ladder else {
        return EXIT_USAGE;
    };
    match level_arg {
        None => print_ladder(ladder),
        Some(name) => match ladder.level_index(name) {
            Some(idx) => print_level(ladder, idx),
            None => {
                let ids: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
                eprintln!(
                    "error: `{name}` is not a level of the {} ladder: use one of {}",
                    ladder.id,
                    ids.join(", ")
                );
                return EXIT_USAGE;
            }
        },
    }
    EXIT_OK
}

fn trait_names(ladder: &Ladder, level: &Level) -> String {
    level
        .traits
        .iter()
        .map(|id| {
            ladder
                .trait_by_id(id)
                .map_or(id.as_str(), |t| t.name.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_ladder(ladder: &Ladder) {
    println!("{} — {}", ladder.id, ladder.name);
    if !ladder.description.is_empty() {
        println!("{}", ladder.description);
    }
    for level in &ladder.levels {
        println!("\n{}  {}", level.id, level.name);
        println!("    scope:  {}", level.scope);
        println!("    traits: {}", trait_names(ladder, level));
    }
    println!(
        "\n`rung ladder {} LEVEL` shows one level in detail.",
        ladder.id
    );
}

fn print_level(ladder: &Ladder, idx: usize) {
    let level = &ladder.levels[idx];
    println!("{} — {} ({} ladder)", level.id, level.name, ladder.id);
    if !level.aliases.is_empty() {
        println!("also called: {}", level.aliases.join(", "));
    }
    println!("\nScope: {}", level.scope);
    if !level.expects.is_empty() {
        println!("\nExpected at this level:");
        for expectation in &level.expects {
            println!("  - {expectation}");
        }
    }
    if let Some(below) = idx.checked_sub(1).map(|i| &ladder.levels[i]) {
        let new: Vec<&str> = level
            .traits
            .iter()
            .filter(|t| !below.traits.contains(t))
            .map(String::as_str)
            .collect();
        println!(
            "\nChanges from {}: scope grows from \"{}\" to \"{}\"",
            below.id, below.scope, level.scope
        );
        if !new.is_empty() {
            println!("  new traits to evidence: {}", new.join(", "));
        }
    }
    println!("\nTraits a promotion case to {} should evidence:", level.id);
    for id in &level.traits {
        if let Some(tr) = ladder.trait_by_id(id) {
            println!("  {} (#{}): {}", tr.name, tr.id, tr.description);
        }
    }
}
