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
    // The misspelt key sets nothing: vague-win keeps its default, info in a brag doc.
    assert!(
        items
            .iter()
            .any(|d| d["code"] == "vague-win" && d["severity"] == "info")
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
    // vague-win is info in a brag doc: a notice.
    assert!(text.contains("::notice file=brag.md,line=2,col=3,endLine=2,endColumn=19,title=vague-win::no measurable result"), "{text}");
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
fn report_speaks_github_annotations_and_its_help_describes_its_arguments() {
    let output = rung(
        &["report", "examples/promo.md", "--format", "github"],
        repo(),
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // Every line is a workflow command; none is the human table.
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("::warning file=") || l.starts_with("::notice file=")),
        "{text}"
    );
    // The one trait without evidence is a warning at the `target:` line (line 5).
    let warnings: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("::warning"))
        .collect();
    assert_eq!(warnings.len(), 1, "{text}");
    assert!(
        warnings[0].starts_with("::warning file=examples/promo.md,line=5,")
            && warnings[0].contains("no evidence of Scope")
            && warnings[0].contains("#scope"),
        "{text}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .ends_with("E6: 6 of 7 expected traits evidenced on the bigtech ladder"),
        "{text}"
    );

    // With --target the front matter's line is not the place: the first line is.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "brag.md",
        b"## 2026-03\n- Shipped the importer, cutting load time by 40% #delivery\n",
    );
    let text = stdout(&rung(
        &["report", "brag.md", "--target", "E5", "--format", "github"],
        dir.path(),
    ));
    assert!(
        text.lines()
            .filter(|l| l.starts_with("::warning"))
            .all(|l| l.starts_with("::warning file=brag.md,line=1,")),
        "{text}"
    );
    assert!(!text.contains("no evidence of Delivery"), "{text}");

    let help = stdout(&rung(&["report", "--help"], repo()));
    for expected in [
        "<FILE>",
        "The growth doc to report on",
        "--target <LEVEL>",
        "github",
    ] {
        assert!(help.contains(expected), "missing {expected} in:\n{help}");
    }
}

#[test]
fn new_says_which_levels_it_assumed_and_refuses_a_target_not_above_the_level() {
    let dir = tempfile::tempdir().unwrap();
    // No flags: the template is printed, and stderr names the levels it chose and the ladder's.
    let output = rung(&["new", "promo"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("level: E4\ntarget: E5"));
    let note = stderr(&output);
    assert!(
        note.contains("assumed --level E4 --target E5") && note.contains("E3, E4, E5, E6, E7"),
        "{note}"
    );
    // Given both, nothing is assumed and nothing is said.
    let output = rung(
        &["new", "promo", "--level", "E5", "--target", "E6"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
    // A brag doc has no target, so only the level is assumed.
    let note = stderr(&rung(&["new", "brag"], dir.path()));
    assert!(
        note.contains("assumed --level E4 ") && !note.contains("--target E"),
        "{note}"
    );

    for (args, expected) in [
        (
            &["new", "promo", "--level", "E6", "--target", "E5"][..],
            "not above the level",
        ),
        (
            &["new", "growth-plan", "--level", "E6", "--target", "E6"][..],
            "not above the level",
        ),
        (&["new", "promo", "--level", "E7"][..], "top level"),
        (&["new", "promo", "--target", "E3"][..], "first level"),
        (
            &["new", "promo", "--target", "E9"][..],
            "use one of E3, E4, E5, E6, E7",
        ),
        (
            &["new", "promo", "--level", "Q4"][..],
            "use one of E3, E4, E5, E6, E7",
        ),
    ] {
        let output = rung(args, dir.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?} printed a template");
        assert!(
            stderr(&output).contains(expected),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn new_says_so_when_a_broken_ladder_file_leaves_it_on_the_builtin_ladder() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        b"ladder = \"acme\"\nladders = [\"ladders/acme.toml\"]\n",
    );
    write(
        dir.path(),
        "ladders/acme.toml",
        b"id = \"acme\"\n[[levels]\n",
    );
    let output = rung(
        &["new", "promo", "--level", "E5", "--target", "E6"],
        dir.path(),
    );
    let text = stderr(&output);
    assert!(text.contains("acme.toml"), "{text}");
    assert!(text.contains("uses the `bigtech` ladder"), "{text}");
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
                ("unknown-role", 19),
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
fn fail_on_chooses_the_lowest_severity_that_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    // One vague win (info in a brag doc by default) and nothing at error severity.
    write(dir.path(), "brag.md", b"## 2026-03\n- Improved things.\n");
    let code = |extra: &[&str]| {
        let mut args = vec!["check", "brag.md"];
        args.extend_from_slice(extra);
        rung(&args, dir.path()).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "error"]), Some(0));
    assert_eq!(code(&["--fail-on", "warning"]), Some(0));
    assert_eq!(code(&["--fail-on", "info"]), Some(1));
    assert_eq!(code(&["--fail-on", "hint"]), Some(1));
    assert_eq!(code(&["--fail-on", "loud"]), Some(2));
    // A clean doc passes at every level.
    write(
        dir.path(),
        "brag.md",
        b"## 2026-03\n- Cut p99 latency from 800 ms to 120 ms.\n",
    );
    let output = rung(&["check", "--fail-on", "hint", "brag.md"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn sarif_output_has_the_tool_its_rules_and_one_result_per_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    // Non-ASCII before the finding: columns are UTF-16 code units, 1-based.
    write(
        dir.path(),
        "career/my promo.md",
        "---\nkind: promo\nlevel: E4\ntarget: E5\n---\n## Ownership\n- 🎉 Led it.\n\n## Ownership\n- Helped improve things.\n"
            .as_bytes(),
    );
    write(dir.path(), "rung.toml", b"[rulez]\n");
    let json_out = rung(&["check", "--format", "json", "career"], dir.path());
    let output = rung(&["check", "--format", "sarif", "career"], dir.path());
    assert_eq!(output.status.code(), json_out.status.code());
    let log: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(&output)));
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .unwrap()
            .contains("sarif-schema-2.1.0")
    );
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "rung");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        driver["informationUri"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );

    // One descriptor per rule `rung rules` lists, each with its docs and page.
    let rules_out = stdout(&rung(&["rules"], dir.path()));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        rules_out.lines().filter(|l| !l.trim().is_empty()).count()
    );
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        assert!(rules_out.contains(id), "{id} is not a rule");
        assert!(
            rule["helpUri"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{id}.md"))
        );
        assert!(
            rule["shortDescription"]["text"]
                .as_str()
                .unwrap()
                .ends_with('.')
        );
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## What it does")
        );
    }

    // The same diagnostics as --format json, converted to SARIF's 1-based positions.
    let expected: Vec<serde_json::Value> = json(&json_out)
        .into_iter()
        .filter(|d| d["code"] != "invalid-config")
        .collect();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len());
    for (result, diagnostic) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], diagnostic["code"]);
        let level = match diagnostic["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "note",
        };
        assert_eq!(result["level"], level);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], diagnostic["code"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "career/my%20promo.md");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "SRCROOT");
        let region = &location["region"];
        let range = &diagnostic["range"];
        for (sarif, lsp) in [
            ("startLine", &range["start"]["line"]),
            ("startColumn", &range["start"]["character"]),
            ("endLine", &range["end"]["line"]),
            ("endColumn", &range["end"]["character"]),
        ] {
            assert_eq!(
                region[sarif].as_u64(),
                Some(lsp.as_u64().unwrap() + 1),
                "{sarif}"
            );
        }
    }
    // The duplicate section points back at the first one.
    let duplicate = results
        .iter()
        .find(|r| r["ruleId"] == "duplicate-trait")
        .expect("a duplicate-trait result");
    let related = &duplicate["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 6);
    assert!(!related["message"]["text"].as_str().unwrap().is_empty());
    // The broken rung.toml is a configuration notification with its place.
    let notes = run["invocations"][0]["toolConfigurationNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn fix_applies_only_mechanical_fixes_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let original = "---\nkind: brag\nlevl: E10\n---\n## Wnis\n- Cut p99 from 800 ms to 120 ms.\n- Helped improve things.\n\n## Ownrship\n- 2026-03-02: Led the #craftt guild for 3 teams.\n";
    write(dir.path(), "brag.md", original.as_bytes());
    write(dir.path(), "notes.md", b"# Notes\n## Wnis\n- Helped.\n");

    // --diff shows the change and writes nothing.
    let output = rung(&["check", "--diff", "."], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let diff = stdout(&output);
    assert!(
        diff.starts_with("--- a/brag.md\n+++ b/brag.md\n@@ "),
        "{diff}"
    );
    for line in [
        "-levl: E10\n+level: E10\n",
        "-## Wnis\n-- Cut p99 from 800 ms to 120 ms.\n-- Helped improve things.\n+## Wins\n",
        "+## Ownership\n",
        "#craft guild",
    ] {
        assert!(diff.contains(line), "no {line:?} in:\n{diff}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("brag.md")).unwrap(),
        original
    );

    // --fix writes the same change; the level stays as written (a fact, not a typo) and the
    // vague win gets no made-up result.
    let output = rung(&["check", "--fix", "--format", "json", "."], dir.path());
    let fixed = std::fs::read_to_string(dir.path().join("brag.md")).unwrap();
    assert!(fixed.contains("level: E10\n"), "{fixed}");
    assert!(fixed.contains("## Wins\n"), "{fixed}");
    assert!(fixed.contains("## Ownership\n"), "{fixed}");
    assert!(fixed.contains("#craft guild"), "{fixed}");
    assert!(fixed.contains(": Helped improve things.\n"), "{fixed}");
    assert!(
        !fixed.contains("<!--") && !fixed.contains("TODO"),
        "{fixed}"
    );
    let today_prefix = fixed.lines().find(|l| l.contains("Cut p99")).unwrap();
    assert!(today_prefix.starts_with("- 20"), "{today_prefix}");
    let remaining = json(&output);
    assert!(remaining.iter().any(|d| d["code"] == "unknown-level"));
    assert!(remaining.iter().any(|d| d["code"] == "vague-win"));
    assert!(!remaining.iter().any(|d| d["code"] == "unknown-role"
        || d["code"] == "unknown-trait"
        || d["code"] == "undated-entry"
        || d["code"] == "unknown-front-matter-key"));
    // A file that is not a growth doc is left alone.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.md")).unwrap(),
        "# Notes\n## Wnis\n- Helped.\n"
    );

    // Twice changes nothing.
    let output = rung(&["check", "--fix", "."], dir.path());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("brag.md")).unwrap(),
        fixed
    );
    assert!(
        stderr(&output).contains("fixed 0 problems"),
        "{}",
        stderr(&output)
    );
    let output = rung(&["check", "--diff", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
}

#[test]
fn fix_leaves_two_keys_that_mean_the_same_one_to_the_next_round() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "promo.md",
        b"---\nkind: promo\nlevle: E4\nlevl: E4\ntarget: E5\n---\n",
    );
    rung(&["check", "--fix", "promo.md"], dir.path());
    let fixed = std::fs::read_to_string(dir.path().join("promo.md")).unwrap();
    assert_eq!(fixed.matches("level:").count(), 1, "{fixed}");
    let output = rung(&["check", "--format", "json", "promo.md"], dir.path());
    assert!(
        !json(&output)
            .iter()
            .any(|d| d["code"] == "invalid-front-matter"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_folder_with_no_growth_doc_says_what_it_skipped_and_how_to_include_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes/a.md", b"# Notes\n- Improved things.\n");
    write(dir.path(), "notes/b.md", b"# More notes\n");
    let output = rung(&["check", "notes"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let note = stderr(&output);
    assert!(
        note.contains("2 Markdown files found, none of them a growth doc"),
        "{note}"
    );
    for way in ["kind: brag", "include", "rung.toml", "--kind"] {
        assert!(note.contains(way), "no {way} in {note}");
    }
    // Machine formats stay clean.
    let output = rung(&["check", "--format", "json", "notes"], dir.path());
    assert_eq!(stderr(&output), "");
    // A folder with a growth doc in it does not get the note.
    write(
        dir.path(),
        "notes/brag.md",
        b"## 2026-03\n- Cut p99 from 800 ms to 120 ms.\n",
    );
    let output = rung(&["check", "notes"], dir.path());
    assert!(
        !stderr(&output).contains("Markdown files found"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unclosed_front_matter_that_names_a_kind_is_called_unclosed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "me.md",
        b"# draft\n---\nkind: promo\nlevel: E4\ntarget: E5\n\n## Ownership\n- Led it.\n",
    );
    // Front matter must open the file; this one is only a thematic break, so: no growth doc.
    let note = stderr(&rung(&["check", "me.md"], dir.path()));
    assert!(note.contains("is not a growth doc"), "{note}");
    write(
        dir.path(),
        "me.md",
        b"---\nkind: promo\nlevel: E4\ntarget: E5\n\n## Ownership\n- Led it.\n",
    );
    let note = stderr(&rung(&["check", "me.md"], dir.path()));
    assert!(
        note.contains(
            "me.md says `kind: promo`, but the front matter opened on line 1 is never closed"
        ),
        "{note}"
    );
    assert!(!note.contains("is not a growth doc"), "{note}");
}

#[test]
fn human_output_shows_a_window_of_a_very_long_line() {
    let dir = tempfile::tempdir().unwrap();
    // A 2 MB one-line entry, then a long line with a finding in its middle, after non-ASCII.
    let long = format!(
        "- {}done.",
        "Improved things a lot and also more, ".repeat(55_000)
    );
    let tail = format!(
        "- Cut p99 — naïve from 800 ms to 120 ms {} #craftt {}\n",
        "x".repeat(400),
        "y".repeat(3000)
    );
    write(
        dir.path(),
        "brag.md",
        format!("---\nkind: brag\n---\n## 2026-03\n{long}\n{tail}").as_bytes(),
    );
    let output = rung(&["check", "--color", "never", "brag.md"], dir.path());
    let text = stdout(&output);
    assert!(
        output.stdout.len() < 4_000,
        "{} bytes of output",
        output.stdout.len()
    );
    assert!(text.contains("brag.md:5:3"), "{text}");
    assert!(text.contains("5 │ - Improved things a lot"), "{text}");
    // Columns are the file's: 41 characters and 400 x's before the tag.
    assert!(text.contains("brag.md:6:442"), "{text}");
    let source_line = text
        .lines()
        .find(|l| l.starts_with("6 │"))
        .expect("the tag's line");
    assert!(
        source_line.starts_with("6 │ …x") && source_line.ends_with("y…"),
        "{source_line}"
    );
    assert!(source_line.chars().count() < 400, "{source_line}");
    let caret = text
        .lines()
        .skip_while(|l| !l.starts_with("6 │"))
        .nth(1)
        .unwrap();
    let at = |line: &str, needle: &str| line.find(needle).map(|b| line[..b].chars().count());
    assert_eq!(
        at(caret, "^^^^^^^"),
        at(source_line, "#craftt"),
        "\n{source_line}\n{caret}"
    );
    // Short lines are shown whole, as before.
    let output = rung(&["check", "--color", "never", "examples/promo.md"], repo());
    assert!(stdout(&output).contains("21 │ - Helped improve the reliability of our systems.\n"));
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
    assert_eq!(mentorship["entries"][0]["how"], "inferred");
    // 0-based, as in `rung check --format json`.
    assert_eq!(mentorship["entries"][0]["line"], 4);
}
