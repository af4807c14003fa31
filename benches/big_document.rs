//! Memory of a server holding a 10 MB document after ten edits (DESIGN §7: under 250 MB
//! resident), over real stdio, and where the heap goes, in-process, with a counting allocator.
//!
//! Part one starts `rung lsp`, opens a 10 MB promo doc (`support/docgen.rs`), makes ten
//! one-character edits, each followed by a pull of its diagnostics (what VS Code does), and
//! reads the process's `VmRSS` and `VmHWM`. Part two does the same ten analyses in this process
//! with the server's own per-document pieces (rope, memo, the kept snapshot's text and analysis)
//! and counts live heap bytes after each piece, so the figure can be split by cause.
//!
//! `cargo bench --bench big_document` measures; `-- --test` is a smoke run on 1 MB.

#[path = "support/docgen.rs"]
mod docgen;
#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use lsp_client::Client;
use rung::analysis::memo::Memo;
use rung::analysis::{Input, NoFileSystem, Settings, analyze};
use serde_json::json;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                    + (new_size - layout.size());
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn status_mb(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Where to put the ten edits: spread over the document, each after a line break.
fn edit_offsets(text: &str) -> Vec<usize> {
    (1..=10)
        .map(|i| {
            let at = text.len() * i / 11;
            at + text[at..].find('\n').map_or(0, |n| n + 1)
        })
        .collect()
}

fn over_stdio(text: &str) {
    let mut client = Client::start();
    client.initialize(json!({ "textDocument": { "diagnostic": {} } }), json!({}));
    let uri = "file:///tmp/rung-bench/big-promo.md";
    client.open(uri, text);
    let pull = |client: &mut Client| {
        let result = client.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        );
        client.backlog.clear();
        result["items"].as_array().map_or(0, Vec::len)
    };
    let n_diagnostics = pull(&mut client);
    let after_open = status_mb(client.pid(), "VmRSS:");
    let mut lines = 0;
    let mut line_of = Vec::new();
    for (i, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            lines += 1;
            line_of.push((i + 1, lines));
        }
    }
    for (version, offset) in edit_offsets(text).into_iter().enumerate() {
        let line = line_of
            .iter()
            .find(|(start, _)| *start == offset)
            .map_or(0, |(_, l)| *l);
        let position = json!({ "line": line, "character": 0 });
        client.change(
            uri,
            version as i64 + 2,
            json!([{ "range": { "start": position, "end": position }, "text": "x" }]),
        );
        pull(&mut client);
    }
    let pid = client.pid();
    let after_edits = status_mb(pid, "VmRSS:");
    // The server gives freed memory back within a second of a large analysis.
    std::thread::sleep(std::time::Duration::from_secs(3));
    println!(
        "over stdio: {:.1} MB document, {n_diagnostics} diagnostics; resident {after_open:.0} MB after the first analysis, {after_edits:.0} MB right after ten edits, {:.0} MB three seconds later (peak {:.0} MB; DESIGN §7 target < 250 MB)",
        mb(text.len()),
        status_mb(pid, "VmRSS:"),
        status_mb(pid, "VmHWM:"),
    );
}

fn in_process(text: &str) {
    let settings = Settings::default();
    rung::analysis::warm_up(&settings);
    let base = LIVE.load(Ordering::Relaxed);
    let rope = rung::lsp::OpenDocument::new(text, 1);
    let rope_bytes = LIVE.load(Ordering::Relaxed) - base;
    let memo = Memo::default();
    let mut text = text.to_string();
    let mut kept: Option<(String, rung::analysis::Analysis)> = None;
    let mut figures = Vec::new();
    for (i, offset) in edit_offsets(&text.clone()).into_iter().enumerate() {
        if i > 0 {
            text.insert(offset, 'x');
        }
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
        let before = LIVE.load(Ordering::Relaxed);
        // The server builds the text from its rope, analyses it and keeps both in a snapshot.
        let snapshot_text = text.clone();
        let input = Input {
            text: &snapshot_text,
            file_name: Some("big-promo.md"),
            today: Some("2026-12-01"),
            memo: Some(&memo),
            ..Input::new(&snapshot_text)
        };
        let analysis = analyze(&input, &settings, &NoFileSystem);
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let with_both = LIVE.load(Ordering::Relaxed);
        let previous = kept.replace((snapshot_text, analysis));
        drop(previous);
        let after = LIVE.load(Ordering::Relaxed);
        figures.push((peak, with_both - before, after));
    }
    let (text_len, analysis_bytes) = {
        let (kept_text, analysis) = kept.as_ref().unwrap();
        let before = LIVE.load(Ordering::Relaxed);
        let copy = analysis.diagnostics.clone();
        let diagnostics = LIVE.load(Ordering::Relaxed) - before;
        drop(copy);
        (kept_text.len(), diagnostics)
    };
    let live_all = LIVE.load(Ordering::Relaxed) - base;
    let without_memo = {
        let before = LIVE.load(Ordering::Relaxed);
        drop(memo);
        before - LIVE.load(Ordering::Relaxed)
    };
    let (peak, _, _) = figures.last().copied().unwrap();
    println!(
        "in process, live heap after ten edits: {:.1} MB in all = rope {:.1} MB + kept text {:.1} MB + memo {:.1} MB + the analysis (its diagnostics alone {:.1} MB) and the rest; one edit's analysis peaks {:.1} MB above what was live before it",
        mb(live_all),
        mb(rope_bytes),
        mb(text_len),
        mb(without_memo),
        mb(analysis_bytes),
        mb(peak),
    );
    drop(rope);
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--test");
    let bytes = if smoke { 1_000_000 } else { 10_000_000 };
    let text = docgen::promo_doc(bytes);
    over_stdio(&text);
    in_process(&text);
}
