//! `rung rules` and `rung explain NAME`: both read the one rule registry.

use super::{EXIT_OK, EXIT_USAGE};
use crate::analysis::names::closest;
use crate::analysis::rules::{self, REGISTRY};

pub fn list() -> i32 {
    let width = REGISTRY.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let severities: Vec<String> = REGISTRY
        .iter()
        .map(|r| rules::default_severity_label(r))
        .collect();
    let severity_width = severities.iter().map(String::len).max().unwrap_or(0);
    for (rule, severity) in REGISTRY.iter().zip(&severities) {
        println!(
            "{:width$}  {:severity_width$}  {:18}  {}",
            rule.name,
            severity,
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
