//! One person's docs as one case, through the `rung` binary: a brag doc's evidence counts for
//! the promo doc beside it (by folder or by a `[[case]]` of rung.toml), a promo entry citing
//! brag entries is judged by them, and `rung report` lists the evidence of the whole case.
//! Fixtures: tests/fixtures/case/.

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

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn codes(output: &Output) -> Vec<(String, String, String)> {
    let items: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)));
    items
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn check_reads_the_issue_example_as_one_case() {
    let found = codes(&rung(
        &["check", "--format", "json", "tests/fixtures/case/folder"],
        repo(),
    ));
    let in_promo: Vec<&(String, String, String)> =
        found.iter().filter(|d| d.0.ends_with("promo.md")).collect();
    // The empty Ownership section is evidenced by the brag doc's #ownership entry; the link line
    // cites March, which is measured.
    assert!(
        !in_promo
            .iter()
            .any(|d| d.1 == "trait-without-evidence" || d.1 == "vague-win"),
        "{in_promo:#?}"
    );
    let missing = in_promo
        .iter()
        .find(|d| d.1 == "missing-expected-trait")
        .expect("E6 still expects leadership");
    assert!(!missing.2.contains("Accountability"), "{}", missing.2);
    // Checking the promo doc alone reads its folder all the same.
    let alone = codes(&rung(
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/case/folder/promo.md",
        ],
        repo(),
    ));
    assert!(
        !alone.iter().any(|d| d.1 == "trait-without-evidence"),
        "{alone:#?}"
    );
}

#[test]
fn report_json_lists_each_traits_entries_across_the_case() {
    let output = rung(
        &[
            "report",
            "tests/fixtures/case/linked/promo.md",
            "--format",
            "json",
        ],
        repo(),
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in [
        "file",
        "ladder",
        "target",
        "expected",
        "evidenced",
        "traits",
    ] {
        assert!(report.get(key).is_some(), "no {key}: {report}");
    }
    assert_eq!(report["target"], "E6");
    assert_eq!(report["expected"], 7);
    assert_eq!(report["evidenced"], 7);
    let leadership = report["traits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["trait"] == "leadership")
        .unwrap();
    assert_eq!(leadership["evidence"], 2);
    assert_eq!(leadership["measurable"], 2);
    let entries: Vec<(String, u64, String, bool)> = leadership["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap().to_string(),
                e["line"].as_u64().unwrap(),
                e["how"].as_str().unwrap().to_string(),
                e["measurable"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "tests/fixtures/case/linked/promo.md".to_string(),
                11,
                "heading".to_string(),
                true
            ),
            (
                "tests/fixtures/case/linked/brag.md".to_string(),
                5,
                "link".to_string(),
                true
            ),
        ]
    );
    let hows: std::collections::BTreeSet<&str> = report["traits"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["entries"].as_array().unwrap())
        .map(|e| e["how"].as_str().unwrap())
        .collect();
    assert_eq!(
        hows.into_iter().collect::<Vec<_>>(),
        ["heading", "inferred", "link", "tag"]
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_case_table_in_rung_toml_groups_docs_of_different_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        "[[case]]\nfiles = [\"log/*.md\", \"promo/*.md\"]\n",
    );
    write(
        dir.path(),
        "log/brag.md",
        "# Log\n## 2026-05\n- Owned the export service; failed exports fell from 40 a week to 2. #ownership\n",
    );
    write(
        dir.path(),
        "promo/promo.md",
        "---\nkind: promo\ntarget: E6\n---\n## Ownership\n- See [May](../log/brag.md#2026-05)\n- And [June](../log/brag.md#2026-06)\n",
    );
    let found = codes(&rung(&["check", "--format", "json", "promo"], dir.path()));
    let rules: Vec<&str> = found.iter().map(|d| d.1.as_str()).collect();
    assert!(!rules.contains(&"trait-without-evidence"), "{found:#?}");
    // The May line is judged by May; June does not exist, GitHub's anchors say.
    assert!(!rules.contains(&"vague-win"), "{found:#?}");
    let broken: Vec<&(String, String, String)> = found
        .iter()
        .filter(|d| d.1 == "broken-evidence-link")
        .collect();
    assert_eq!(broken.len(), 1, "{found:#?}");
    assert!(broken[0].2.contains("2026-06"), "{broken:?}");
    // Without the table the folders are separate cases: the evidence is not read.
    std::fs::remove_file(dir.path().join("rung.toml")).unwrap();
    let apart = codes(&rung(&["check", "--format", "json", "promo"], dir.path()));
    assert!(apart.iter().any(|d| d.1 == "vague-win"), "{apart:#?}");
}

#[test]
fn bad_files_in_the_folder_are_left_out_and_said() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "promo.md",
        "---\nkind: promo\ntarget: E6\n---\n## Ownership\n",
    );
    write(
        dir.path(),
        "brag.md",
        "## 2026-05\n- Owned the export service; failed exports fell from 40 a week to 2. #ownership\n",
    );
    // A symlink loop, and a file that is not UTF-8.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop-b.md", dir.path().join("loop-a.md")).unwrap();
        std::os::unix::fs::symlink("loop-a.md", dir.path().join("loop-b.md")).unwrap();
    }
    std::fs::write(dir.path().join("binary-brag.md"), [0xff, 0xfe, 0x00]).unwrap();
    let output = rung(&["check", "promo.md"], dir.path());
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        said.contains("binary-brag.md left out of the case"),
        "{said}"
    );
    #[cfg(unix)]
    assert!(said.contains("loop-a.md left out of the case"), "{said}");
    let text = stdout(&output);
    assert!(!text.contains("trait-without-evidence"), "{text}");
    assert!(text.contains("1 growth doc checked"), "{text}");
}

#[test]
fn a_huge_file_and_ten_thousand_notes_beside_a_promo_doc_are_left_out_and_said() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "promo.md",
        "---\nkind: promo\ntarget: E6\n---\n## Ownership\n",
    );
    write(
        dir.path(),
        "brag.md",
        "## 2026-05\n- Owned the export service; failed exports fell from 40 a week to 2. #ownership\n",
    );
    // 50 MB without writing them: a sparse file.
    let huge = std::fs::File::create(dir.path().join("export-brag.md")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    for i in 0..10_000 {
        std::fs::write(dir.path().join(format!("note-{i}.md")), "# A note\n").unwrap();
    }
    let output = rung(&["check", "promo.md"], dir.path());
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        said.contains("holds 10003 Markdown files, more than the 512 rung reads for a case"),
        "{said}"
    );
    assert!(
        said.contains("export-brag.md left out of the case")
            && said.contains("larger than the 8 MB"),
        "{said}"
    );
    // The brag doc, named as one, is still read.
    let text = stdout(&output);
    assert!(!text.contains("trait-without-evidence"), "{text}");
    assert_eq!(output.status.code(), Some(0), "{text}");
}
