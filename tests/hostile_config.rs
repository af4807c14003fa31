//! Hostile `rung.toml` and ladder files: every one becomes an error with file, line and column,
//! and rung keeps working with the defaults.

use rung::analysis::{Input, NoFileSystem, analyze};
use rung::project::Project;
use std::path::Path;

fn project_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let project = Project::load(&dir.path().join("rung.toml"));
    (dir, project)
}

fn still_checks(project: &Project) {
    let text = "---\nkind: brag\n---\n## 2026-03\n- Improved things.\n";
    let analysis = analyze(&Input::new(text), &project.settings, &NoFileSystem);
    assert!(
        analysis.diagnostics.iter().any(|d| d.rule == "vague-win"),
        "rung stopped checking"
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    let (_dir, project) = project_with(&[("rung.toml", b"ladder = \"\xff\xfe\"\n")]);
    assert_eq!(project.problems.len(), 1);
    assert!(
        project.problems[0].message.contains("not UTF-8"),
        "{}",
        project.problems[0]
    );
    still_checks(&project);
}

#[test]
fn enormous_lists_and_patterns() {
    let many: String = (0..1000).map(|i| format!("\"g{i}/**/*.md\",")).collect();
    let (_dir, project) =
        project_with(&[("rung.toml", format!("include = [{many}]\n").as_bytes())]);
    assert!(
        project.problems[0].message.contains("too many entries"),
        "{}",
        project.problems[0]
    );
    let long = "a".repeat(5000);
    let (_dir, project) =
        project_with(&[("rung.toml", format!("include = [\"{long}\"]\n").as_bytes())]);
    assert!(
        project.problems[0].message.contains("longer than"),
        "{}",
        project.problems[0]
    );
    assert_eq!(
        (project.problems[0].line, project.problems[0].column),
        (1, 12)
    );
    let levels: String = (0..100)
        .map(|i| {
            format!("[[levels]]\nid = \"L{i}\"\nname = \"n\"\nreach = \"task\"\nscope = \"s\"\n")
        })
        .collect();
    let ladder = format!("id = \"big\"\nname = \"Big\"\n{levels}");
    let (_dir, project) = project_with(&[
        ("rung.toml", b"ladders = [\"big.toml\"]\n"),
        ("big.toml", ladder.as_bytes()),
    ]);
    assert!(
        project.problems[0].message.contains("too many levels"),
        "{}",
        project.problems[0]
    );
    still_checks(&project);
}

#[test]
fn paths_outside_the_project_or_absolute() {
    let (_dir, project) = project_with(&[(
        "rung.toml",
        b"ladders = [\"/etc/passwd\", \"../../x.toml\", \"missing.toml\"]\n",
    )]);
    let messages: Vec<String> = project
        .problems
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].contains("absolute path"), "{messages:?}");
    assert!(
        messages[1].contains("outside rung.toml's folder"),
        "{messages:?}"
    );
    assert!(messages[2].contains("no such file"), "{messages:?}");
    assert!(messages[1].starts_with("1:27"), "{messages:?}");
    still_checks(&project);
}

#[test]
fn duplicate_ids_and_missing_fields_in_a_ladder() {
    let ladder = b"id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A\"\nname = \"n\"\nreach = \"task\"\nscope = \"s\"\n[[levels]]\nid = \"a\"\nname = \"n\"\nreach = \"task\"\nscope = \"s\"\n";
    let (_dir, project) = project_with(&[
        (
            "rung.toml",
            b"ladders = [\"acme.toml\"]\nladder = \"acme\"\n",
        ),
        ("acme.toml", ladder),
    ]);
    assert!(project.problems[0].file.ends_with("acme.toml"));
    assert_eq!(
        (
            project.problems[0].line,
            project.problems[0].message.contains("duplicate level id")
        ),
        (9, true),
        "{}",
        project.problems[0]
    );
    // The default ladder it names is then unknown: reported, and bigtech stays the default.
    assert!(
        project
            .problems
            .iter()
            .any(|p| p.message.contains("unknown default ladder `acme`"))
    );
    assert_eq!(project.settings.default_ladder, "bigtech");
    still_checks(&project);
}

/// Configuration is data: nothing in the library can run a program, open a socket or write a
/// file outside the command line's own output. The one exception is `project::write_text`,
/// which `rung check --fix` calls to save a fixed document, and nothing else calls.
#[test]
fn configuration_cannot_run_programs_write_files_or_reach_the_network() {
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut code = text.split("#[cfg(test)]").next().unwrap().to_string();
        if file.ends_with("src/project.rs") {
            let start = code
                .find("pub fn write_text(")
                .expect("project::write_text");
            let end = start + code[start..].find("\n}\n").expect("its end");
            code.replace_range(start..end, "");
        } else if code.contains("write_text(") {
            assert!(
                file.ends_with("src/cli/check.rs"),
                "{} writes files: only `rung check --fix` may",
                file.display()
            );
        }
        for forbidden in [
            "process::Command",
            "std::net",
            "fs::write",
            "File::create",
            "OpenOptions",
            "fs::remove",
        ] {
            assert!(
                !code.contains(forbidden),
                "{} uses {forbidden}",
                file.display()
            );
        }
    }
}

/// A typo in one part of `rung.toml` leaves the others in force: the include globs still make
/// the folder's docs growth docs and the good severities still apply.
#[test]
fn a_typo_in_one_table_keeps_the_rest_of_the_file() {
    let (dir, project) = project_with(&[
        (
            "rung.toml",
            b"include = [\"career/**/*.md\"]\nkind = \"brag\"\n[rulez]\nvague-win = \"off\"\n[rules]\nweak-verb = \"error\"\nvague-win = \"sometimes\"\n",
        ),
        ("career/2026.md", b"- Improved things.\n"),
    ]);
    let places: Vec<String> = project.problems.iter().map(ToString::to_string).collect();
    assert_eq!(places.len(), 2, "{places:?}");
    assert!(places[0].ends_with("rung.toml:3:2: unknown key `rulez`: did you mean `rules`?"));
    assert!(places[1].contains("rung.toml:7:13: unknown severity `sometimes`"));
    let doc = dir.path().join("career/2026.md");
    assert_eq!(
        project.config_kind_for(&doc),
        Some(rung::analysis::document::DocKind::Brag)
    );
    assert_eq!(
        project.settings.severities.get("weak-verb"),
        Some(&rung::analysis::diagnostic::Severity::Error)
    );
    still_checks(&project);
}
