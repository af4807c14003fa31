//! House rules that hold the architecture in place, checked with every `cargo test`.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The analysis core and the catalogue do no I/O and name no protocol, async or terminal type.
#[test]
fn the_core_is_pure() {
    let forbidden = [
        "std::fs",
        "std::io",
        "std::net",
        "std::env",
        "std::process",
        "tokio",
        "tower_lsp",
        "lsp_types",
        "ropey",
        "codespan",
        "println!",
        "eprintln!",
        "print!(",
    ];
    for dir in ["src/analysis", "src/catalogue"] {
        for file in rust_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for name in forbidden {
                assert!(
                    !text.contains(name),
                    "{} names `{name}`: the core does no I/O and knows no protocol",
                    file.display()
                );
            }
        }
    }
}

/// Every rule has a file of its own named after it, holding fixtures that fire and fixtures
/// that must stay quiet.
#[test]
fn every_rule_has_its_file_docs_and_both_kinds_of_fixture() {
    for rule in rung::analysis::rules::REGISTRY {
        let file = root()
            .join("src/analysis/rules")
            .join(format!("{}.rs", rule.name.replace('-', "_")));
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("rule {} has no file {}", rule.name, file.display()));
        assert!(
            text.contains(&format!("name: \"{}\"", rule.name)),
            "{} does not define {}",
            file.display(),
            rule.name
        );
        let fires = ["fires(", "flagged", "message(", "diagnostics("]
            .iter()
            .any(|helper| text.contains(helper));
        assert!(fires, "{}: no fixture that must fire", file.display());
        assert!(
            text.contains("quiet(") || text.contains(".is_empty()"),
            "{}: no fixture that must stay quiet",
            file.display()
        );
    }
}

/// The README's rules table is generated from the registry.
#[test]
fn the_readme_rules_table_is_current() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start =
        "<!-- rules-table:start (generated from the rule registry; tests/tidy.rs checks it) -->\n";
    let end = "<!-- rules-table:end -->";
    let from = readme
        .find(start)
        .expect("README has the rules-table start marker")
        + start.len();
    let to = readme[from..]
        .find(end)
        .expect("README has the rules-table end marker")
        + from;
    let expected = rung::analysis::rules::markdown_table();
    assert_eq!(
        &readme[from..to],
        expected,
        "README rules table is stale; replace it with:\n{expected}"
    );
}

/// Every module says what it is for.
#[test]
fn every_module_has_a_doc_comment() {
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.trim_start().starts_with("//!"),
            "{} has no `//!` module doc",
            file.display()
        );
    }
}

/// `docs/rules/NAME.md`, where diagnostics' `codeDescription` links point, is generated from the
/// registry. `RUNG_BLESS=1 cargo test --test tidy` rewrites it.
#[test]
fn the_rule_docs_pages_are_current() {
    let dir = root().join("docs/rules");
    let bless = std::env::var_os("RUNG_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    for rule in rung::analysis::rules::REGISTRY {
        let path = dir.join(format!("{}.md", rule.name));
        let expected = rung::analysis::rules::docs_page(rule);
        if bless {
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            actual,
            expected,
            "{} is stale: run RUNG_BLESS=1 cargo test --test tidy",
            path.display()
        );
    }
    let n_pages = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        n_pages,
        rung::analysis::rules::REGISTRY.len(),
        "docs/rules has pages for rules that no longer exist"
    );
}
