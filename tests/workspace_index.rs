//! The language server's workspace index (`rung::lsp::workspace`) on real folders: what it
//! finds on disk, what it skips and says, and what an index of 2,000 docs and a change to one
//! of them cost (printed; run with `--nocapture`).

use rung::lsp::Encoding;
use rung::lsp::workspace::*;
use rung::project::{Project, lexically_normal};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    lexically_normal(&path)
}

fn workspace_of(root: &Path) -> Mutex<Workspace> {
    Mutex::new(Workspace::new(
        vec![lexically_normal(root)],
        Encoding::Utf16,
    ))
}

const BRAG: &str = include_str!("fixtures/case/folder/brag.md");
const PROMO: &str = include_str!("fixtures/case/folder/promo.md");

#[test]
fn the_index_finds_growth_docs_and_gives_each_promo_doc_its_case() {
    let dir = tempfile::tempdir().unwrap();
    let brag = write(dir.path(), "me/brag.md", BRAG);
    let promo = write(dir.path(), "me/promo.md", PROMO);
    write(dir.path(), "me/README.md", "# Notes\n\nNot a growth doc.\n");
    write(
        dir.path(),
        "other/brag.md",
        "## 2026-01\n- Led the migration of 4 teams; deploys fell from 2 h to 10 min #leadership\n",
    );
    let workspace = workspace_of(dir.path());
    let figures = Workspace::build(&workspace, &HashSet::new());
    assert_eq!((figures.files, figures.docs), (4, 3), "{figures:?}");
    let ws = lock_workspace(&workspace);
    assert!(ws.ready);
    let project = Project::defaults();
    assert_eq!(
        ws.case_members(&promo, &project),
        std::slice::from_ref(&brag)
    );
    let facts = ws.facts_for(&promo, &project);
    let ladder = project.settings.catalogue.ladder("bigtech").unwrap();
    let evidenced = facts.evidenced(ladder);
    let id = |id: &str| ladder.traits.iter().position(|t| t.id == id).unwrap();
    assert!(evidenced[id("ownership")] && evidenced[id("accountability")]);
    assert!(
        !evidenced[id("leadership")],
        "another folder is another case"
    );
    // Tags across the workspace, by trait.
    let (definitions, tags) = ws.trait_locations("ownership", &HashSet::new());
    assert_eq!(definitions.len(), 1, "promo.md's `## Ownership`");
    assert_eq!(tags.len(), 1, "brag.md's #ownership");
    assert_eq!(tags[0].range.start.line, 4);
    let symbols = ws.symbols("migration", &HashSet::new());
    assert_eq!(symbols.len(), 1);
    // Open documents are left to the caller.
    let open: HashSet<PathBuf> = [brag].into_iter().collect();
    assert!(ws.trait_locations("ownership", &open).1.is_empty());
}

#[test]
fn bad_files_are_skipped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "promo.md", PROMO);
    std::fs::write(dir.path().join("brag-binary.md"), [0xff, 0xfe, 0x00]).unwrap();
    // Larger than the index reads, without writing megabytes: a sparse file.
    let large = std::fs::File::create(dir.path().join("huge-brag.md")).unwrap();
    large.set_len(MAX_INDEXED_BYTES + 1).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink("loop-b.md", dir.path().join("loop-a.md")).unwrap();
        std::os::unix::fs::symlink("loop-a.md", dir.path().join("loop-b.md")).unwrap();
    }
    let workspace = workspace_of(dir.path());
    let figures = Workspace::build(&workspace, &HashSet::new());
    assert_eq!(figures.docs, 1, "{figures:?}");
    let ws = lock_workspace(&workspace);
    let said: Vec<String> = ws
        .skipped
        .iter()
        .map(|(p, why)| format!("{}: {why}", p.display()))
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("brag-binary.md") && s.contains("not UTF-8")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|s| s.contains("huge-brag.md") && s.contains("larger than")),
        "{said:#?}"
    );
    #[cfg(unix)]
    assert!(
        said.iter().any(|s| s.contains("symbolic links")),
        "{said:#?}"
    );
}

/// A brag doc of about 3 KB, the `i`th of a generated workspace.
fn generated_brag(i: usize) -> String {
    let mut text = format!("# Brag doc {i}\n\n");
    for month in 1..=12 {
        text.push_str(&format!("## 2026-{month:02}\n\n"));
        text.push_str(&format!(
            "- Cut the p99 latency of service {i} from {} ms to {} ms #ownership\n",
            800 + month,
            100 + month
        ));
        text.push_str("- Mentored a new hire through their first on-call week\n");
    }
    text
}

#[test]
fn an_index_of_2000_docs_and_a_change_to_one_of_them() {
    let dir = tempfile::tempdir().unwrap();
    let n = 2_000;
    let mut bytes = 0;
    for i in 0..n {
        let text = generated_brag(i);
        bytes += text.len();
        write(dir.path(), &format!("team-{}/brag-{i}.md", i / 20), &text);
    }
    let promo = write(dir.path(), "team-0/promo.md", PROMO);
    let workspace = workspace_of(dir.path());
    let figures = Workspace::build(&workspace, &HashSet::new());
    assert_eq!(figures.docs, n + 1);

    // A change to one doc on disk: read and indexed again, alone.
    let changed = lexically_normal(&dir.path().join("team-0/brag-7.md"));
    std::fs::write(
        &changed,
        format!("{}- Led the freeze #leadership\n", generated_brag(7)),
    )
    .unwrap();
    let started = Instant::now();
    Workspace::refresh_from_disk(&workspace, &changed);
    let refresh = started.elapsed();
    let project = Project::defaults();
    let started = Instant::now();
    let facts = lock_workspace(&workspace).facts_for(&promo, &project);
    let facts_took = started.elapsed();
    assert_eq!(facts.others.len(), 20);
    let ladder = project.settings.catalogue.ladder("bigtech").unwrap();
    let leadership = ladder
        .traits
        .iter()
        .position(|t| t.id == "leadership")
        .unwrap();
    assert!(
        facts.evidenced(ladder)[leadership],
        "the change is in the index"
    );
    let started = Instant::now();
    let symbols = lock_workspace(&workspace).symbols("latency of service 1999", &HashSet::new());
    let symbols_took = started.elapsed();
    assert_eq!(symbols.len(), 12);
    let per_doc = figures.took / (n as u32 + 1);
    println!(
        "index: {} docs, {:.1} MB, {} ms ({} µs a doc); a change to one: {} µs ({:.0}x less than the whole); case facts of a promo doc: {} µs; a workspace symbol query: {} ms ({} build)",
        figures.docs,
        bytes as f64 / 1e6,
        figures.took.as_millis(),
        per_doc.as_micros(),
        refresh.as_micros(),
        figures.took.as_secs_f64() / refresh.as_secs_f64().max(1e-9),
        facts_took.as_micros(),
        symbols_took.as_millis(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    );
    // The change costs one doc, not the workspace.
    assert!(
        refresh * 50 < figures.took,
        "{refresh:?} vs {:?}",
        figures.took
    );
}
