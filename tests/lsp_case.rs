//! The language server reads the workspace from disk (issue 18), end to end over stdio: a promo
//! doc is checked with the brag doc beside it though only the promo doc is open; navigation,
//! rename and workspace symbols reach closed docs; a change on disk or in an open brag doc
//! re-checks the promo doc; bad files in the workspace are skipped and said while it serves.

mod lsp_client;

use lsp_client::Client;
use serde_json::{Value, json};
use std::path::Path;
use std::time::{Duration, Instant};

const BRAG: &str = include_str!("fixtures/case/folder/brag.md");
const PROMO: &str = include_str!("fixtures/case/folder/promo.md");

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// Initialize with `root` as the one workspace folder, from a client that registers file
/// watchers on request.
fn start(root: &Path) -> Client {
    let mut client = Client::start();
    let capabilities = json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true }, "workspaceFolders": true },
    });
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(root),
            "workspaceFolders": [{ "uri": uri(root), "name": "case" }],
            "capabilities": capabilities,
        }),
    );
    client.notify("initialized", json!({}));
    client
}

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The index is built when the server says so in the log.
fn wait_for_index(client: &mut Client) -> String {
    let logged = client.wait_for("window/logMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("rung: indexed"))
    });
    logged["message"].as_str().unwrap().to_string()
}

#[test]
fn the_server_reads_the_case_from_disk_and_keeps_it_current() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let brag = write(&root, "brag.md", BRAG);
    let promo = write(&root, "promo.md", PROMO);
    let elsewhere = write(
        &root,
        "2025/brag-2025.md",
        "# 2025\n## 2025-06\n- Owned the billing export; late invoices fell from 30 a month to 2 #ownership\n",
    );
    let mut client = start(&root);
    let index_log = wait_for_index(&mut client);
    assert!(index_log.contains("indexed 3 growth docs"), "{index_log}");
    // The Markdown watcher is registered, since the client can.
    assert!(
        client.backlog.iter().any(
            |m| m["method"] == "client/registerCapability" && m.to_string().contains("**/*.md")
        ),
        "{:#?}",
        client.backlog
    );

    // Only the promo doc is open: the brag doc beside it is read from disk.
    client.open(&uri(&promo), PROMO);
    let published = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
    });
    let found = codes(&published["diagnostics"]);
    assert!(
        !found.contains(&"trait-without-evidence".to_string()),
        "{found:?}"
    );
    assert!(!found.contains(&"vague-win".to_string()), "{found:?}");
    assert!(
        found.contains(&"missing-expected-trait".to_string()),
        "{found:?}"
    );

    // The lenses count the case: the brag doc's #ownership entry under the empty section.
    let lenses = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri(&promo) } }),
    );
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"E6: 2 of 7 expected traits evidenced"),
        "{titles:?}"
    );
    assert!(titles.contains(&"1 evidence · 1 measurable"), "{titles:?}");

    // References of Ownership from its heading in the promo doc reach both closed brag docs.
    let line = PROMO.lines().position(|l| l == "## Ownership").unwrap();
    let references = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": uri(&promo) }, "position": { "line": line, "character": 5 }, "context": { "includeDeclaration": true } }),
    );
    let mut files: Vec<String> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    assert_eq!(files, [uri(&elsewhere), uri(&brag), uri(&promo)]);

    // Workspace symbols of closed docs.
    let symbols = client.request("workspace/symbol", json!({ "query": "billing export" }));
    assert_eq!(symbols.as_array().unwrap().len(), 1, "{symbols}");
    assert_eq!(symbols[0]["location"]["uri"], uri(&elsewhere));

    // Rename a tag from an open doc: the closed docs' tags are renamed too.
    client.open(&uri(&brag), BRAG);
    let tag_line = BRAG.lines().position(|l| l.contains("#ownership")).unwrap();
    let tag_column = BRAG
        .lines()
        .nth(tag_line)
        .unwrap()
        .find("#ownership")
        .unwrap()
        + 2;
    let position = json!({ "line": tag_line, "character": tag_column });
    let prepared = client.request(
        "textDocument/prepareRename",
        json!({ "textDocument": { "uri": uri(&brag) }, "position": position }),
    );
    assert_eq!(prepared["start"]["line"], tag_line);
    let edit = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri(&brag) }, "position": position, "newName": "owner" }),
    );
    let changed: Vec<&String> = edit["changes"].as_object().unwrap().keys().collect();
    assert!(changed.contains(&&uri(&elsewhere)), "{edit}");
    assert!(changed.contains(&&uri(&brag)), "{edit}");

    // An edit to the open brag doc re-checks the promo doc: without its ownership entry, the
    // empty Ownership section is a gap again.
    client.change(
        &uri(&brag),
        2,
        json!([{ "range": { "start": { "line": tag_line, "character": 0 }, "end": { "line": tag_line + 1, "character": 0 } }, "text": "" }]),
    );
    client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
            && codes(&p["diagnostics"]).contains(&"trait-without-evidence".to_string())
    });

    // Closed again, the disk (still tagged) says what the brag doc holds.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri(&brag) } }),
    );
    client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
            && !codes(&p["diagnostics"]).contains(&"trait-without-evidence".to_string())
    });

    // A new doc on disk, announced by the watcher, joins the case and the index.
    let new_brag = write(
        &root,
        "brag-q2.md",
        "## 2026-05\n- Led the on-call rotation redesign for 3 teams; pages fell from 40 a week to 6 #leadership\n",
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&new_brag), "type": 1 }] }),
    );
    client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
            && p["diagnostics"].as_array().unwrap().iter().any(|d| {
                d["code"] == "missing-expected-trait"
                    && !d["message"].as_str().unwrap().contains("Leadership")
            })
    });
    let symbols = client.request("workspace/symbol", json!({ "query": "on-call rotation" }));
    assert_eq!(symbols.as_array().unwrap().len(), 1, "{symbols}");
    // Deleted: gone from the index.
    std::fs::remove_file(&new_brag).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&new_brag), "type": 3 }] }),
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let symbols = client.request("workspace/symbol", json!({ "query": "on-call rotation" }));
        if symbols.as_array().unwrap().is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the deleted doc stays in the index"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn hostile_workspaces_keep_the_server_serving_and_say_what_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let promo = write(&root, "me/promo.md", PROMO);
    write(&root, "me/brag.md", BRAG);
    // A 50 MB Markdown file, a file that is not UTF-8, symlink loops, and a folder of 10,000
    // Markdown files.
    let big = "- Shipped another thing\n".repeat(50 * 1024 * 1024 / 24 + 1);
    write(&root, "me/export-brag.md", &big);
    std::fs::write(root.join("me/binary-brag.md"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&root, root.join("me/loop")).unwrap();
        std::os::unix::fs::symlink("a.md", root.join("me/b.md")).unwrap();
        std::os::unix::fs::symlink("b.md", root.join("me/a.md")).unwrap();
    }
    let many = root.join("notes");
    std::fs::create_dir_all(&many).unwrap();
    for i in 0..10_000 {
        std::fs::write(
            many.join(format!("note-{i}.md")),
            format!("# Note {i}\n\nText.\n"),
        )
        .unwrap();
    }
    let started = Instant::now();
    let mut client = start(&root);
    // The first diagnostics do not wait for the index.
    client.open(&uri(&promo), PROMO);
    client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
    });
    let first = started.elapsed();
    let log = wait_for_index(&mut client);
    let indexed = started.elapsed();
    for expected in [
        "export-brag.md",
        "larger than",
        "binary-brag.md",
        "not UTF-8",
        "symbolic links",
    ] {
        assert!(log.contains(expected), "no {expected:?} in {log}");
    }
    assert!(
        log.contains("of 10004 Markdown files") || log.contains("of 10005 Markdown files"),
        "{log}"
    );
    // Still serving, with the case read.
    let published = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri(&promo)
            && !codes(&p["diagnostics"]).contains(&"trait-without-evidence".to_string())
    });
    assert!(codes(&published["diagnostics"]).contains(&"missing-expected-trait".to_string()));
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&promo) }, "position": { "line": 7, "character": 5 } }),
    );
    assert!(hover.is_object(), "{hover}");
    eprintln!(
        "hostile workspace: first diagnostics after {} ms, index of 10,000 notes after {} ms",
        first.as_millis(),
        indexed.as_millis()
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
