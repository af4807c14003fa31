//! Edit latency over real stdio, and memory (DESIGN §7).
//!
//! For a 20 KB and a 1 MB promo doc, 200 single-character edits are sent one at a time to
//! `rung lsp`; each is timed from writing its `didChange` to receiving the
//! `publishDiagnostics` for that version. Reported as median and p95, with the debounce at zero
//! (the cost of an edit) and at the default (what a user feels). Then: the resident memory of a
//! server holding 50 open 20 KB docs, and the peak RSS of `rung check` on a 10 MB doc.
//!
//! `cargo bench --bench edit_latency` measures; `-- --test` is the CI smoke mode (5 edits).

#[path = "support/docgen.rs"]
mod docgen;
#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use lsp_client::{Client, utf16_client};
use serde_json::json;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Median and p95 of `n_edits` single-character edits, alternately inserting and deleting one
/// character inside a win, each timed to its own published diagnostics.
fn edit_latency(doc: &str, debounce_ms: u64, n_edits: usize) -> (Duration, Duration) {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": debounce_ms }));
    let uri = "file:///tmp/rung-bench/promo.md";
    client.open(uri, doc);
    client.diagnostics(uri, 1);
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
        let sent = Instant::now();
        client.change(uri, version, change);
        client.diagnostics(uri, version);
        times.push(sent.elapsed());
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

/// Resident and peak memory of the server process with 50 open 20 KB documents, in MB.
fn server_memory(n_docs: usize) -> Option<(f64, f64)> {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    let doc = docgen::promo_doc(20_000);
    for i in 0..n_docs {
        let uri = format!("file:///tmp/rung-bench/doc-{i}-promo.md");
        client.open(&uri, &doc);
        client.diagnostics(&uri, 1);
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", client.pid())).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Peak RSS of `rung check` on a document of `bytes`, in MB.
#[allow(clippy::zombie_processes)] // reaped by `wait4`, which also returns its resource usage
fn check_peak_rss(bytes: usize) -> f64 {
    let dir = std::env::temp_dir().join("rung-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big-promo.md");
    std::fs::write(&path, docgen::promo_doc(bytes)).unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child with valid pointers to a status and a rusage.
    unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--test");
    let n_edits = if smoke { 5 } else { 200 };
    let sizes: [(usize, &str); 2] = [(20_000, "20 KB"), (1_000_000, "1 MB")];
    println!("edit → publishDiagnostics over stdio, {n_edits} single-character edits each");
    println!("doc     debounce   median      p95");
    let mut medians = Vec::new();
    for (size, label) in sizes {
        let doc = docgen::promo_doc(size);
        for debounce in [0, 50] {
            let (median, p95) = edit_latency(&doc, debounce, n_edits);
            println!(
                "{label:6}  {debounce:>5} ms  {:>7.2} ms  {:>7.2} ms",
                median.as_secs_f64() * 1e3,
                p95.as_secs_f64() * 1e3
            );
            if debounce == 0 {
                medians.push((doc.len(), median));
            }
        }
    }
    let (small_len, small) = medians[0];
    let (large_len, large) = medians[1];
    let growth =
        (large.as_secs_f64() / small.as_secs_f64()) / (large_len as f64 / small_len as f64);
    println!(
        "cost growth from 20 KB to 1 MB relative to size: {growth:.2} (≤ 1.0 is at most linear)"
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
}
