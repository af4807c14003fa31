//! Hostile workspaces: a `rung.toml` of 10 MB, a ladder of 100,000 traits, symbolic-link loops,
//! links to nothing, files that cannot be read, folders nested hundreds deep. `rung check` and
//! the language server keep serving, within a time bound, and say what they skipped.

mod lsp_client;

use rung::project::{MAX_WALK_DEPTH, Project, walk_markdown_files};
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BRAG: &str = "---\nkind: brag\n---\n## 2026-03\n- Improved things.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// `rung check --format json DIR`: exit code, stdout, stderr, and how long it took.
fn check(dir: &Path) -> (Option<i32>, String, String, Duration) {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        started.elapsed(),
    )
}

/// A `rung.toml` of 10 MB (one huge comment and a real setting at the end).
fn ten_megabyte_config() -> String {
    let mut text = String::with_capacity(10_100_000);
    while text.len() < 10_000_000 {
        text.push_str(
            "# a comment line that goes on and on to pad the file out to ten megabytes\n",
        );
    }
    text.push_str("[rules]\nvague-win = \"off\"\n");
    text
}

/// A ladder of `n` complete traits, each as a real one is written.
fn ladder_of(n: usize) -> String {
    let mut text = String::from(
        "id = \"huge\"\nname = \"Huge\"\n[[levels]]\nid = \"L1\"\nname = \"One\"\nreach = \"task\"\nscope = \"tasks\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "[[traits]]\nid = \"t{i}\"\nname = \"Trait {i}\"\ndescription = \"d\"\nevidence = \"e\"\nstrong = \"s\"\nweak = \"w\"\n"
        ));
    }
    text
}

#[test]
fn a_ten_megabyte_rung_toml_is_refused_and_checking_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rung.toml", ten_megabyte_config().as_bytes());
    write(dir.path(), "brag.md", BRAG.as_bytes());
    let project = Project::load(&dir.path().join("rung.toml"));
    assert_eq!(project.problems.len(), 1, "{:?}", project.problems);
    assert!(
        project.problems[0]
            .message
            .contains("larger than the 1024 KB"),
        "{}",
        project.problems[0]
    );
    // The setting at its end is not applied: the defaults are.
    assert!(project.settings.severities.is_empty());

    let (code, stdout, stderr, took) = check(dir.path());
    assert!(stdout.contains("vague-win"), "{stdout}\n{stderr}");
    // In JSON, problems with the configuration are entries of the array, with the file.
    assert!(stdout.contains("larger than the 1024 KB"), "{stdout}");
    assert_eq!(code, Some(1), "a config problem fails the run: {stderr}");
    assert!(took < Duration::from_secs(20), "took {took:?}");
}

#[test]
fn a_ladder_of_a_hundred_thousand_traits_is_refused_and_checking_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rung.toml",
        b"ladders = [\"huge.toml\", \"dense.toml\"]\n",
    );
    // 100,000 traits as written in full: over the size a ladder may have.
    let huge = ladder_of(100_000);
    assert!(huge.len() > 10_000_000);
    write(dir.path(), "huge.toml", huge.as_bytes());
    // Under the size limit, still far more traits than a ladder may hold.
    let dense = ladder_of(10_000).replace("id = \"huge\"", "id = \"dense\"");
    write(dir.path(), "dense.toml", dense.as_bytes());
    write(dir.path(), "brag.md", BRAG.as_bytes());
    let started = Instant::now();
    let project = Project::load(&dir.path().join("rung.toml"));
    let messages: Vec<String> = project.problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("huge.toml:1:1: is ") && messages[0].contains("larger than"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("too many traits (10000; at most 512)"),
        "{messages:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(project.settings.catalogue.ladder("huge").is_none());

    let (_, stdout, stderr, _) = check(dir.path());
    assert!(stdout.contains("vague-win"), "{stdout}\n{stderr}");
    assert!(stdout.contains("too many traits"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_and_links_to_nothing_are_skipped_and_named() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "career/brag.md", BRAG.as_bytes());
    // A folder that links to its parent, two files that link to each other, a link to nothing,
    // and a link to a real doc (which is read, as the file it names).
    symlink(root.join("career"), root.join("career/again")).unwrap();
    symlink(
        root.join("career/b-promo.md"),
        root.join("career/a-promo.md"),
    )
    .unwrap();
    symlink(
        root.join("career/a-promo.md"),
        root.join("career/b-promo.md"),
    )
    .unwrap();
    symlink(
        root.join("career/missing.md"),
        root.join("career/gone-brag.md"),
    )
    .unwrap();
    symlink(
        root.join("career/brag.md"),
        root.join("career/linked-brag.md"),
    )
    .unwrap();

    let walk = walk_markdown_files(root);
    let files: Vec<String> = walk
        .files
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert_eq!(files, ["career/brag.md", "career/linked-brag.md"]);
    let skipped: Vec<String> = walk
        .skipped
        .iter()
        .map(|(p, why)| format!("{}: {why}", p.strip_prefix(root).unwrap().display()))
        .collect();
    assert!(
        skipped.contains(&"career/a-promo.md: a loop of symbolic links".to_string()),
        "{skipped:?}"
    );
    assert!(
        skipped.contains(&"career/b-promo.md: a loop of symbolic links".to_string()),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("career/gone-brag.md: a symbolic link to nothing readable")),
        "{skipped:?}"
    );

    let (code, stdout, stderr, took) = check(root);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("linked-brag.md"), "{stdout}");
    assert!(
        stderr.contains("a-promo.md: a loop of symbolic links"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(20));
}

#[cfg(unix)]
#[test]
fn files_that_cannot_be_read_are_skipped_or_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "brag.md", BRAG.as_bytes());
    // A named pipe called like a doc: reading it would wait forever for a writer.
    let fifo = root.join("pipe-promo.md");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
    // A doc and a folder without read permission (which stops everyone but root).
    write(root, "locked-brag.md", BRAG.as_bytes());
    std::fs::set_permissions(
        root.join("locked-brag.md"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    write(root, "locked/brag.md", BRAG.as_bytes());
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // SAFETY: geteuid has no preconditions.
    let root_user = unsafe { libc::geteuid() } == 0;

    let (code, stdout, stderr, took) = check(root);
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert!(!stdout.contains("pipe-promo.md"), "{stdout}");
    assert!(
        stdout.contains("\"file\""),
        "the readable doc is still checked: {stdout}"
    );
    if root_user {
        // Permissions do not stop root: both locked docs are read.
        assert_eq!(code, Some(0), "{stderr}");
        assert!(
            stdout.contains("locked-brag.md") && stdout.contains("locked/brag.md"),
            "{stdout}"
        );
    } else {
        assert_eq!(
            code,
            Some(2),
            "an unreadable doc is a usage error: {stderr}"
        );
        assert!(
            stderr.contains("locked-brag.md") && stderr.contains("permission denied"),
            "{stderr}"
        );
        assert!(
            stderr.contains("note: skipped") && stderr.contains("locked"),
            "{stderr}"
        );
    }
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn folders_nested_hundreds_deep_are_walked_to_a_limit_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut path = dir.path().to_path_buf();
    for depth in 1..=300 {
        path.push("d");
        if depth == 10 || depth == 300 {
            write(&path, "brag.md", BRAG.as_bytes());
        }
    }
    let walk = walk_markdown_files(dir.path());
    assert_eq!(walk.files.len(), 1, "{:?}", walk.files);
    assert_eq!(walk.skipped.len(), 1, "{:?}", walk.skipped);
    assert!(
        walk.skipped[0]
            .1
            .contains(&format!("more than {MAX_WALK_DEPTH} folders deep"))
    );
    let (code, stdout, stderr, took) = check(dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("vague-win"), "{stdout}");
    assert!(stderr.contains("folders deep: not walked"), "{stderr}");
    assert!(took < Duration::from_secs(20));
}

/// The server, opening docs in such a folder, answers at once and logs what it skipped.
#[test]
fn the_server_keeps_serving_in_a_hostile_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "rung.toml", ten_megabyte_config().as_bytes());
    write(root, "deep/rung.toml", b"ladders = [\"huge.toml\"]\n");
    write(root, "deep/huge.toml", ladder_of(100_000).as_bytes());
    let mut client = lsp_client::Client::start();
    client.initialize(lsp_client::utf16_client(), json!({ "debounceMs": 0 }));
    for (i, folder) in ["", "deep/"].iter().enumerate() {
        let uri = format!("file://{}/{folder}brag.md", root.display());
        let started = Instant::now();
        client.open(&uri, BRAG);
        let diagnostics = client.diagnostics(&uri, 1);
        assert!(
            diagnostics.iter().any(|d| d["code"] == "vague-win"),
            "{diagnostics:?}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "doc {i} took {:?}",
            started.elapsed()
        );
        let symbols = client.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        );
        assert!(symbols.is_array(), "{symbols}");
    }
    let logged = client.drain(Duration::from_millis(500));
    let messages: Vec<String> = logged
        .iter()
        .filter(|m| m["method"] == "window/logMessage")
        .map(|m| {
            m["params"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("rung.toml") && m.contains("larger than")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("huge.toml") && m.contains("larger than")),
        "{messages:?}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
