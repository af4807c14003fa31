//! `rung rules` and `rung explain NAME`: both read the one rule registry.

use super::{EXIT_OK, EXIT_USAGE};
use crate::analysis::names::closest;
use crate::analysis::rules::{self, REGISTRY};

pub fn list() -> i32 {
    let width = REGISTRY.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for rule in REGISTRY {
        println!(
            "{:width$}  {:7}  {:18}  {}",
            rule.name,
            rule.default_severity.as_str(),
            rules::kinds_label(rule),
            rule.summary
        );
    }
    EXIT_OK
}

pub fn explain(name: &str) -> i32 {
    let Some(rule) = rules::find(name) else {
        let hint = closest(name, REGISTRY.iter().map(|r| r.name))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        eprintln!("error: unknown rule `{name}`{hint} (`rung rules` lists them)");
        return EXIT_USAGE;
    };
    print!("{}", rules::docs_page(rule));
    EXIT_OK
}
