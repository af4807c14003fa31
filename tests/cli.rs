//! The `rung` binary end to end: every subcommand, the JSON contract, exit codes and bad input.

use std::path::Path;
use std::process::{Command, Output};

fn rung(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("rung runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn the_bundled_example_is_checked_with_the_builtin_ladder() {
    let output = rung(&["check", "examples/promo.md"], repo());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "warning[vague-win]",
        "help[weak-verb]",
        "warning[unknown-trait]",
        "warning[missing-expected-trait]",
        "examples/promo.md:21:3",
        "1 growth doc checked",
    ] {
        assert!(text.contains(expected), "missing {expected} in:\n{text}");
    }
    assert!(
        text.contains("21 │ - Helped improve the reliability of our systems.\n   │   ^^^^^^"),
        "no source line with caret:\n{text}"
    );
}

#[test]
fn json_output_follows_the_contract_with_utf16_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "brag.md",
        "---\nkind: brag\n---\n## 2026-03\n- 🚀 Worked on the 日本 launch.\n".as_bytes(),
    );
    let output = rung(&["check", "--format", "json", "brag.md"], dir.path());
    let items = json(&output);
    let weak = items
        .iter()
        .find(|d| d["code"] == "weak-verb")
        .expect("a weak-verb diagnostic");
    let mut keys: Vec<&str> = weak
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["code", "file", "message", "range", "severity"]);
    assert_eq!(weak["file"], "brag.md");
    assert_eq!(weak["severity"], "hint");
    // "- 🚀 " is 2 + 2 (a surrogate pair) + 1 UTF-16 units.
    assert_eq!(
        weak["range"]["start"],
        serde_json::json!({ "line": 4, "character": 5 })
    );
    assert_eq!(
        weak["range"]["end"],
        serde_json::json!({ "line": 4, "character": 14 })
    );
}

#[test]
fn ordinary_markdown_gets_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "README.md",
        b"# My project\n\n## Ownership\n\n- Helped with TODO things.\n",
    );
    write(
        dir.path(),
        "docs/notes.md",
        b"---\ntitle: [broken\n---\n- Worked on stuff\n",
    );
    let output = rung(&["check", "--format", "json", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output), Vec::<serde_json::Value>::new());
    let output = rung(&["check", "README.md"], dir.path());
    assert!(
        stderr(&output).contains("README.md is not a growth doc"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn folders_are_searched_for_growth_docs_by_name_front_matter_and_rung_toml() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rung.toml", b"include = [\"career/**/*.md\"]\n");
    write(
        dir.path(),
        "career/2026/q1.md",
        b"## 2026-03\n- Improved things.\n",
    );
    write(
        dir.path(),
        "team/my-promo.md",
        b"## Wins\n- Improved things.\n",
    );
    write(
        dir.path(),
        "team/plan.md",
        b"---\nkind: retro\n---\n## Didn't go well\n- Deploys broke.\n",
    );
    write(
        dir.path(),
        "team/README.md",
        b"## Wins\n- Improved things.\n",
    );
    let items = json(&rung(&["check", "--format", "json", "."], dir.path()));
    let mut files: Vec<(String, String)> = items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            ("career/2026/q1.md".to_string(), "vague-win".to_string()),
            ("team/my-promo.md".to_string(), "vague-win".to_string()),
            (
                "team/plan.md".to_string(),
                "lesson-without-action".to_string()
            ),
        ]
    );
}

#[test]
fn kind_forces_the_named_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.md", b"## Wins\n- Improved things.\n");
    let items = json(&rung(
        &["check", "--format", "json", "--kind", "brag", "notes.md"],
        dir.path(),
    ));
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["undated-entry", "vague-win"]);
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad-promo.md", b"## Wins\n- caf\xe9\n");
    write(
        dir.path(),
        "good-promo.md",
        b"## Wins\n- Improved things.\n",
    );
    let output = rung(&["check", "bad-promo.md", "good-promo.md"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains("bad-promo.md") && text.contains("not UTF-8 text: invalid byte at line 2"),
        "{text}"
    );
    assert!(text.contains("good-promo.md:2:3"), "{text}");
}

#[test]
fn empty_unclosed_and_hostile_documents_do_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty-promo.md", b"");
    write(
        dir.path(),
        "unclosed-promo.md",
        b"---\nkind: promo\ntarget: E6\n",
    );
    let deep = format!(
        "---\nkind: brag\n---\n## 2026-01\n{}x\n",
        "> - ".repeat(2000)
    );
    write(dir.path(), "deep-brag.md", deep.as_bytes());
    write(
        dir.path(),
        "odd-brag.md",
        "---\nkind: brag\n---\n\u{0}\u{feff}# \u{202e}\n- #\n- [](\n```\n".as_bytes(),
    );
    let output = rung(&["check", "--format", "json", "."], dir.path());
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "{}",
        stderr(&output)
    );
    let items = json(&output);
    assert!(
        items
            .iter()
            .any(|d| d["file"] == "unclosed-promo.md" && d["code"] == "invalid-front-matter")
    );
}

#[test]
fn an_error_severity_finding_exits_1_and_rung_toml_sets_severities() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        b"[rules]\nvague-win = \"error\"\nundated-entry = \"off\"\n",
    );
    write(dir.path(), "brag.md", b"## Wins\n- Improved things.\n");
    let output = rung(&["check", "--format", "json", "brag.md"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let items = json(&output);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["severity"], "error");
}

#[test]
fn a_broken_rung_toml_is_reported_with_its_place_and_checking_goes_on_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        b"include = [\"career/**/*.md\"]\n[rules]\nvage-win = \"error\"\n",
    );
    write(dir.path(), "brag.md", b"## Wins\n- Improved things.\n");
    let output = rung(&["check", "--format", "json", "brag.md"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let items = json(&output);
    let config = items
        .iter()
        .find(|d| d["code"] == "invalid-config")
        .expect("a config error");
    assert!(config["file"].as_str().unwrap().ends_with("rung.toml"));
    assert_eq!(
        config["range"]["start"],
        serde_json::json!({ "line": 2, "character": 0 })
    );
    assert!(
        config["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `vague-win`")
    );
    assert!(
        items
            .iter()
            .any(|d| d["code"] == "vague-win" && d["severity"] == "warning")
    );
}

#[test]
fn custom_ladders_come_from_rung_toml_and_their_errors_name_the_place() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        b"ladder = \"acme\"\nladders = [\"ladders/acme.toml\", \"../outside.toml\"]\n",
    );
    write(dir.path(), "ladders/acme.toml", b"id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"Tasks\"\ntraits = [\"delivery\"]\n[[levels]]\nid = \"A2\"\nname = \"Two\"\nreach = \"area\"\nscope = \"An area\"\ntraits = [\"delivery\", \"wizardry\"]\n");
    write(dir.path(), "promo.md", b"---\nkind: promo\nlevel: A1\ntarget: A2\n---\n## Delivery\n- Shipped it, cutting costs by 30% #delivery\n");
    let items = json(&rung(
        &["check", "--format", "json", "promo.md"],
        dir.path(),
    ));
    let messages: Vec<String> = items
        .iter()
        .map(|d| format!("{} {}", d["code"], d["message"]))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("ladders/acme.toml") || m.contains("unknown trait `wizardry`")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("outside rung.toml's folder")),
        "{messages:#?}"
    );

    std::fs::write(dir.path().join("ladders/acme.toml"), b"id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"Tasks\"\ntraits = [\"delivery\"]\n[[levels]]\nid = \"A2\"\nname = \"Two\"\nreach = \"task\"\nscope = \"More tasks\"\ntraits = [\"delivery\", \"craft\"]\n").unwrap();
    std::fs::write(
        dir.path().join("rung.toml"),
        b"ladder = \"acme\"\nladders = [\"ladders/acme.toml\"]\n",
    )
    .unwrap();
    let items = json(&rung(
        &["check", "--format", "json", "promo.md"],
        dir.path(),
    ));
    let codes: Vec<&str> = items.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["missing-expected-trait"], "{items:#?}");
    assert!(
        items[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("A2 expects evidence of Craft")
    );
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "brag.md", b"## Wins\n- Improved things.\n");
    let output = rung(&["check", "--format", "github", "brag.md"], dir.path());
    let text = stdout(&output);
    assert!(text.contains("::warning file=brag.md,line=2,col=3,endLine=2,endColumn=19,title=vague-win::no measurable result"), "{text}");
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    let output = rung(&["rules"], repo());
    let listed: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let registry: Vec<&str> = rung::analysis::rules::REGISTRY
        .iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(listed, registry);
    for name in registry {
        let output = rung(&["explain", name], repo());
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).contains("## What it does"), "{name}");
    }
    let output = rung(&["explain", "vague-wn"], repo());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `vague-win`"));
}

#[test]
fn ladder_shows_levels_and_a_level_in_detail() {
    let text = stdout(&rung(&["ladder"], repo()));
    assert!(
        text.contains("E6  Staff Engineer") && text.contains("E3  Software Engineer"),
        "{text}"
    );
    let text = stdout(&rung(&["ladder", "bigtech", "staff"], repo()));
    assert!(
        text.contains("E6 — Staff Engineer")
            && text.contains("Changes from E5")
            && text.contains("Accountability (#accountability)"),
        "{text}"
    );
    let text = stdout(&rung(&["ladder", "generic"], repo()));
    assert!(text.contains("principal  Principal Engineer"), "{text}");
    assert_eq!(rung(&["ladder", "nope"], repo()).status.code(), Some(2));
}

#[test]
fn report_shows_readiness_against_the_target() {
    let output = rung(&["report", "examples/promo.md"], repo());
    let text = stdout(&output);
    assert!(text.contains("readiness for E6 (Staff Engineer)"), "{text}");
    assert!(
        text.contains("✗ Scope") && text.contains("✓ Ownership"),
        "{text}"
    );
    assert!(
        text.contains("E6: 6 of 7 expected traits evidenced"),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn new_templates_are_growth_docs_that_rung_reads_as_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, expected_section) in [
        ("promo", "## Accountability"),
        ("growth-plan", "## Feedback"),
        ("brag", "# Brag document"),
        ("retro", "## Do differently"),
    ] {
        let output = rung(
            &["new", kind, "--level", "E5", "--target", "E6"],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains(expected_section), "{kind}:\n{text}");
        let file = format!("new-{kind}.md");
        write(dir.path(), &file, text.as_bytes());
        let items = json(&rung(&["check", "--format", "json", &file], dir.path()));
        let unexpected: Vec<_> = items
            .iter()
            .filter(|d| {
                !matches!(
                    d["code"].as_str().unwrap(),
                    "placeholder-text"
                        | "trait-without-evidence"
                        | "missing-expected-trait"
                        | "focus-without-action"
                        | "scope-below-target"
                )
            })
            .collect();
        assert!(unexpected.is_empty(), "{kind}: {unexpected:#?}");
    }
    assert_eq!(
        rung(&["new", "promo", "--target", "E9"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        rung(&["check", "--format", "xml"], repo()).status.code(),
        Some(2)
    );
    assert_eq!(rung(&["frobnicate"], repo()).status.code(), Some(2));
    assert_eq!(
        rung(&["check", "no-such-file.md"], repo()).status.code(),
        Some(2)
    );
}

/// The bundled examples of each kind, diagnostic by diagnostic: rule and 1-based line.
#[test]
fn the_examples_of_each_kind_get_exactly_their_diagnostics() {
    let expected: [(&str, &[(&str, u64)]); 4] = [
        (
            "examples/promo.md",
            &[
                ("missing-expected-trait", 5),
                ("weak-verb", 21),
                ("vague-win", 21),
                ("weak-verb", 23),
                ("vague-win", 23),
                ("vague-win", 28),
                ("unknown-trait", 39),
            ],
        ),
        (
            "examples/growth-plan.md",
            &[
                ("no-feedback-loop", 2),
                ("focus-without-action", 7),
                ("too-many-focus-areas", 7),
                ("action-without-date", 15),
                ("action-without-date", 21),
            ],
        ),
        (
            "examples/brag.md",
            &[
                ("weak-verb", 12),
                ("vague-win", 12),
                ("undated-entry", 16),
                ("undated-entry", 17),
                ("vague-win", 17),
                ("unknown-trait", 19),
            ],
        ),
        ("examples/retro.md", &[("lesson-without-action", 14)]),
    ];
    for (file, diagnostics) in expected {
        let items = json(&rung(&["check", "--format", "json", file], repo()));
        let got: Vec<(String, u64)> = items
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["range"]["start"]["line"].as_u64().unwrap() + 1,
                )
            })
            .collect();
        let want: Vec<(String, u64)> = diagnostics
            .iter()
            .map(|(c, l)| (c.to_string(), *l))
            .collect();
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn report_reads_a_doc_without_a_target_and_marks_inferred_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "# 2026\n\n## Wins\n\n- Coached two engineers until both ran on-call alone\n- Shipped the export API #delivery\n- Fixed a typo in the README\n";
    write(dir.path(), "brag.md", doc.as_bytes());
    let without = rung(&["report", "brag.md"], dir.path());
    assert_eq!(without.status.code(), Some(2));
    assert!(
        stderr(&without).contains("--target"),
        "{}",
        stderr(&without)
    );
    let text = stdout(&rung(&["report", "brag.md", "--target", "E5"], dir.path()));
    assert!(text.contains("? Mentorship"), "{text}");
    assert!(
        text.contains("brag.md:5  Coached two engineers until both ran on-call alone  (INFERRED, confirm with #mentorship"),
        "{text}"
    );
    assert!(text.contains("✓ Delivery"), "{text}");
    assert!(text.contains("(tag)"), "{text}");
    let output = rung(
        &["report", "brag.md", "--target", "E5", "--format", "json"],
        dir.path(),
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mentorship = report["traits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["trait"] == "mentorship")
        .unwrap()
        .clone();
    assert_eq!(mentorship["inferred"], 1);
    assert_eq!(mentorship["entries"][0]["found"], "inferred");
}
