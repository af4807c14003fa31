//! Edit latency over real stdio, and memory (DESIGN §7).
//!
//! For a 20 KB and a 1 MB promo doc, 200 single-character edits are sent one at a time to
//! `rung lsp`; each is timed from writing its `didChange` to receiving the
//! `publishDiagnostics` for that version. Reported as median and p95, with the debounce at zero
//! (the cost of an edit) and at the default (what a user feels: the server waits as long as its
//! previous analysis of the document took, at most 50 ms). A 1 MB brag doc with no
//! diagnostics separates analysis from publishing, and the 20 KB doc is measured once more in a
//! folder where its links resolve to a 100 KB Markdown file. Then: the resident memory of a
//! server holding 50 open 20 KB docs, and the peak RSS of `rung check` on a 10 MB doc. Last, the
//! time to answer the editor's other requests on a large doc (outline, lenses, semantic tokens,
//! folding), which once grew with the number of sections times the number of entries.
//!
//! Each edit is timed to the moment the last byte of the `publishDiagnostics` frame for its
//! version arrives. The timing client then decodes the frame into typed fields (method, uri,
//! version; the diagnostics array is parsed and skipped) to tell which version it was; decoding
//! is the client's cost, not the server's, so it is not counted. The number of diagnostics in
//! each publish is reported alongside.
//!
//! `cargo bench --bench edit_latency` measures (`RUNG_BIN=PATH` times another build of the
//! server); `-- --test` is the CI smoke mode (5 edits);
//! `-- --after-edit` measures only the requests after an edit (the last table), with the
//! pushed diagnostics of both 1 MB docs beside them (`--promo-only`: of the promo doc alone).

#[path = "support/docgen.rs"]
mod docgen;
#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;
#[path = "support/memory.rs"]
mod memory;

use lsp_client::{Client, utf16_client};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A synchronous stdio client for timing: no reader thread, no `Value` trees for what it reads.
struct TimingClient {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// The server to time: this build's `rung`, or the binary `RUNG_BIN` names, so one run can
/// alternate two builds on a shared machine whose speed drifts from minute to minute.
fn server_binary() -> std::ffi::OsString {
    std::env::var_os("RUNG_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_rung").into())
}

/// The fields of an incoming message the timing loop needs.
#[derive(Deserialize)]
struct Incoming {
    id: Option<Value>,
    method: Option<String>,
    params: Option<PublishParams>,
}

#[derive(Deserialize)]
struct PublishParams {
    uri: Option<String>,
    version: Option<i64>,
    diagnostics: Option<Vec<IgnoredAny>>,
}

impl TimingClient {
    fn start(debounce_ms: u64) -> TimingClient {
        TimingClient::start_with(debounce_ms, json!({}))
    }

    /// A client that declares `capabilities` (`textDocument.diagnostic` makes the server wait to
    /// be asked for diagnostics instead of publishing them).
    fn start_with(debounce_ms: u64, capabilities: Value) -> TimingClient {
        let mut child = Command::new(server_binary())
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("rung lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::with_capacity(1 << 20, child.stdout.take().unwrap());
        let mut client = TimingClient {
            child,
            stdin,
            stdout,
        };
        client.send(&json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": { "debounceMs": debounce_ms } } }));
        while client.read().1.id.is_none() {}
        client.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        client
    }

    fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The next message and when its last byte arrived (before it is decoded).
    fn read(&mut self) -> (Instant, Incoming) {
        let mut length = None;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length:") {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("Content-Length")];
        self.stdout.read_exact(&mut body).unwrap();
        let received = Instant::now();
        (
            received,
            serde_json::from_slice(&body).expect("a JSON-RPC message"),
        )
    }

    /// Wait for the diagnostics of `version`; returns when they arrived and how many there were.
    fn diagnostics(&mut self, uri: &str, version: i64) -> (Instant, usize) {
        loop {
            let (received, message) = self.read();
            if message.method.as_deref() != Some("textDocument/publishDiagnostics") {
                continue;
            }
            let Some(params) = message.params else {
                continue;
            };
            if params.uri.as_deref() == Some(uri) && params.version == Some(version) {
                return (received, params.diagnostics.map_or(0, |d| d.len()));
            }
        }
    }

    /// Send a request and wait for its answer: when the answer's last byte arrived (before the
    /// answer is decoded, which is the client's time, not the server's).
    fn request(&mut self, id: i64, method: &str, params: Value) -> Instant {
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let (received, message) = self.read();
            let is_answer = message.method.is_none();
            if is_answer && message.id.as_ref().and_then(Value::as_i64) == Some(id) {
                return received;
            }
        }
    }
}

/// What the editor asks for beside diagnostics, on a large doc: the outline, the lenses, the
/// semantic tokens and the folding ranges, each asked `n` times in a row (median / p95).
fn request_latency(doc: &str, uri: &str, n: usize) -> Vec<(&'static str, Duration, Duration)> {
    let mut client = TimingClient::start(0);
    client.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": doc } } }));
    client.diagnostics(uri, 1);
    let mut id = 100;
    [
        "textDocument/documentSymbol",
        "textDocument/codeLens",
        "textDocument/semanticTokens/full",
        "textDocument/foldingRange",
    ]
    .into_iter()
    .map(|method| {
        let mut times: Vec<Duration> = (0..n)
            .map(|_| {
                id += 1;
                let sent = Instant::now();
                client.request(id, method, json!({ "textDocument": { "uri": uri } })) - sent
            })
            .collect();
        times.sort();
        (method, percentile(&times, 0.5), percentile(&times, 0.95))
    })
    .collect()
}

/// Each request VS Code sends after an edit, on a large doc, timed from writing the edit's
/// `didChange` to the answer's last byte: the pulled diagnostics (the client declares pull, so
/// nothing is published), the outline, the lenses, the semantic tokens (whole and of a screen
/// around the edit) and the folding ranges; `n` edits for each (median / p95).
fn after_edit_latency(doc: &str, uri: &str, n: usize) -> Vec<(&'static str, Duration, Duration)> {
    let mut client = TimingClient::start_with(0, json!({ "textDocument": { "diagnostic": {} } }));
    client.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": doc } } }));
    client.request(
        2,
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    let middle = doc[doc.len() / 2..]
        .find("\n- ")
        .map_or(0, |i| doc.len() / 2 + i + 1);
    let line = doc[..middle].matches('\n').count() as u64;
    let screen = json!({ "start": { "line": line.saturating_sub(30), "character": 0 }, "end": { "line": line + 30, "character": 0 } });
    let mut id = 100;
    let mut version = 1;
    [
        "textDocument/diagnostic",
        "textDocument/documentSymbol",
        "textDocument/codeLens",
        "textDocument/semanticTokens/full",
        "textDocument/semanticTokens/range",
        "textDocument/foldingRange",
    ]
    .into_iter()
    .map(|method| {
        let mut times: Vec<Duration> = (0..n)
            .map(|_| {
                version += 1;
                let change = if version % 2 == 0 {
                    json!([{ "range": { "start": { "line": line, "character": 2 }, "end": { "line": line, "character": 2 } }, "text": "x" }])
                } else {
                    json!([{ "range": { "start": { "line": line, "character": 2 }, "end": { "line": line, "character": 3 } }, "text": "" }])
                };
                let sent = Instant::now();
                client.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": { "textDocument": { "uri": uri, "version": version }, "contentChanges": change } }));
                let mut params = json!({ "textDocument": { "uri": uri } });
                if method.ends_with("/range") {
                    params["range"] = screen.clone();
                }
                id += 1;
                // To the answer's last byte, as the pushed diagnostics are timed: decoding a
                // 3 MB answer (milliseconds) is the client's work, not the server's.
                client.request(id, method, params) - sent
            })
            .collect();
        times.sort();
        (method, percentile(&times, 0.5), percentile(&times, 0.95))
    })
    .collect()
}

impl Drop for TimingClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The folder of the benchmark's documents: one that does not exist (Debian's `/nonexistent`),
/// so no file beside them joins their case or resolves their links. (They were in
/// `/tmp/rung-bench`, where `check_peak_rss` writes its 10 MB doc: every later run read the
/// docs as a case with it.)
const ABSENT_DIR: &str = "file:///nonexistent/rung-bench";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Median and p95 of `n_edits` single-character edits, alternately inserting and deleting one
/// character inside a win, each timed to its own published diagnostics.
fn edit_latency(
    doc: &str,
    uri: &str,
    debounce_ms: u64,
    n_edits: usize,
) -> (Duration, Duration, usize) {
    let mut client = TimingClient::start(debounce_ms);
    client.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": doc } } }));
    let (_, n_diagnostics) = client.diagnostics(uri, 1);
    // Edit in the middle of the document, at the start of an entry's text.
    let middle = doc[doc.len() / 2..]
        .find("\n- ")
        .map_or(0, |i| doc.len() / 2 + i + 1);
    let line = doc[..middle].matches('\n').count() as u64;
    let mut times = Vec::with_capacity(n_edits);
    for i in 0..n_edits {
        let version = i as i64 + 2;
        let change = if i % 2 == 0 {
            json!([{ "range": { "start": { "line": line, "character": 2 }, "end": { "line": line, "character": 2 } }, "text": "x" }])
        } else {
            json!([{ "range": { "start": { "line": line, "character": 2 }, "end": { "line": line, "character": 3 } }, "text": "" }])
        };
        let message = json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": { "textDocument": { "uri": uri, "version": version }, "contentChanges": change } });
        let sent = Instant::now();
        client.send(&message);
        let (received, _) = client.diagnostics(uri, version);
        times.push(received - sent);
    }
    times.sort();
    (
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        n_diagnostics,
    )
}

/// Resident and peak memory of the server process with 50 open 20 KB documents, in MB.
fn server_memory(n_docs: usize) -> Option<(f64, f64)> {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    let doc = docgen::promo_doc(20_000);
    for i in 0..n_docs {
        let uri = format!("{ABSENT_DIR}/doc-{i}-promo.md");
        client.open(&uri, &doc);
        client.diagnostics(&uri, 1);
    }
    let pid = client.pid();
    Some((
        memory::status_mb(pid, "VmRSS:")?,
        memory::status_mb(pid, "VmHWM:")?,
    ))
}

/// Peak RSS of `rung check` on a document of `bytes`, in MB.
fn check_peak_rss(bytes: usize) -> f64 {
    let dir = std::env::temp_dir().join("rung-bench-check");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big-promo.md");
    std::fs::write(&path, docgen::promo_doc(bytes)).unwrap();
    memory::check_peak_rss_mb(&path, "json")
}

/// Each request after an edit on the 1 MB promo doc and the 1 MB draft, beside the pushed
/// diagnostics of the same edits (what pulled diagnostics should match).
fn after_edit_tables(promo: &str, n_edits: usize, n_requests: usize) {
    let uri = &format!("{ABSENT_DIR}/promo.md");
    let draft = docgen::draft_doc(1_000_000);
    println!(
        "edit, then a request (the client pulls diagnostics), {n_requests} of each    median      p95"
    );
    // `--promo-only`: the docs DESIGN §7's request bars are about, in half the time.
    let docs: &[(&str, &str)] = if std::env::args().any(|a| a == "--promo-only") {
        &[("1 MB promo", promo)]
    } else {
        &[("1 MB promo", promo), ("1 MB draft", &draft)]
    };
    for &(label, doc) in docs {
        let (median, p95, _) = edit_latency(doc, uri, 0, n_edits);
        println!(
            "{label:11}  {:33}  {:>7.2} ms  {:>7.2} ms",
            "(pushed diagnostics, debounce 0)",
            median.as_secs_f64() * 1e3,
            p95.as_secs_f64() * 1e3
        );
        for (method, median, p95) in after_edit_latency(doc, uri, n_requests) {
            println!(
                "{label:11}  {method:33}  {:>7.2} ms  {:>7.2} ms",
                median.as_secs_f64() * 1e3,
                p95.as_secs_f64() * 1e3
            );
        }
    }
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--test");
    let n_edits = if smoke { 5 } else { 200 };
    assert!(
        !std::path::Path::new(ABSENT_DIR.trim_start_matches("file://")).exists(),
        "{ABSENT_DIR} must not exist"
    );
    if std::env::args().any(|a| a == "--after-edit") {
        let n_requests = if smoke { 1 } else { 20 };
        after_edit_tables(&docgen::promo_doc(1_000_000), n_edits / 4, n_requests);
        return;
    }
    // The promo docs are a stress case (about 7,800 diagnostics per MB); the quiet brag doc has
    // the same shape with none, which separates the cost of analysis from that of publishing.
    let docs = [
        ("20 KB", docgen::promo_doc(20_000)),
        ("1 MB", docgen::promo_doc(1_000_000)),
        ("1 MB quiet", docgen::quiet_brag_doc(1_000_000)),
    ];
    println!("edit → publishDiagnostics over stdio, {n_edits} single-character edits each");
    println!("doc          debounce   median      p95   diagnostics per publish");
    let mut medians = Vec::new();
    // In a folder that does not exist: the docs' links to `brag.md` are missing files.
    let uri = &format!("{ABSENT_DIR}/promo.md");
    for (label, doc) in &docs {
        for debounce in [0, 50] {
            let (median, p95, n_diagnostics) = edit_latency(doc, uri, debounce, n_edits);
            // At the default the server waits as long as its previous analysis took, up to it.
            let debounce = if debounce == 0 { "0 ms" } else { "≤50 ms" };
            println!(
                "{label:11}  {debounce:>8}  {:>7.2} ms  {:>7.2} ms  {n_diagnostics}",
                median.as_secs_f64() * 1e3,
                p95.as_secs_f64() * 1e3
            );
            if debounce == "0 ms" {
                medians.push((doc.len(), median));
            }
        }
    }
    // A real folder where the 16 links go to a 100 KB brag doc that exists: an edit resolves
    // them, with their anchors, as it would in a project.
    let linked = std::env::temp_dir().join("rung-bench-linked");
    std::fs::create_dir_all(&linked).unwrap();
    std::fs::write(linked.join("brag.md"), docgen::quiet_brag_doc(100_000)).unwrap();
    let linked_uri = format!("file://{}", linked.join("promo.md").display());
    let (median, p95, n_diagnostics) = edit_latency(&docs[0].1, &linked_uri, 0, n_edits);
    println!(
        "20 KB linked      0 ms  {:>7.2} ms  {:>7.2} ms  {n_diagnostics}  (16 links to an existing 100 KB doc)",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
    let (small_len, small) = medians[0];
    let (large_len, large) = medians[1];
    let growth =
        (large.as_secs_f64() / small.as_secs_f64()) / (large_len as f64 / small_len as f64);
    println!(
        "cost growth from 20 KB to 1 MB (promo docs) relative to size: {growth:.2} (≤ 1.0 is at most linear)"
    );
    if let Some((rss, peak)) = server_memory(50) {
        println!(
            "server with 50 open 20 KB docs: {rss:.1} MB resident, {peak:.1} MB peak (target < 50 MB)"
        );
    }
    let check_size = if smoke { 1_000_000 } else { 10_000_000 };
    println!(
        "rung check on a {} MB doc: {:.1} MB peak RSS (target < 100 MB)",
        check_size / 1_000_000,
        check_peak_rss(check_size)
    );
    let n_requests = if smoke { 1 } else { 20 };
    let draft = docgen::draft_doc(1_000_000);
    println!("requests over stdio, {n_requests} of each in a row    median      p95");
    for (label, doc) in [("1 MB promo", &docs[1].1), ("1 MB draft", &draft)] {
        for (method, median, p95) in request_latency(doc, uri, n_requests) {
            println!(
                "{label:11}  {method:33}  {:>7.2} ms  {:>7.2} ms",
                median.as_secs_f64() * 1e3,
                p95.as_secs_f64() * 1e3
            );
        }
    }
    after_edit_tables(&docs[1].1, n_edits / 4, n_requests);
}
