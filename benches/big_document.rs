//! Memory of a server holding a 10 MB document after ten edits (DESIGN §7: under 250 MB
//! resident), over real stdio, and where the heap goes, in-process, with a counting allocator.
//!
//! Part one starts `rung lsp`, opens a 10 MB promo doc (`support/docgen.rs`), makes ten
//! one-character edits, each followed by a pull of its diagnostics (what VS Code does), and
//! reads the process's `VmRSS` and `VmHWM`. Part two does the same ten analyses in this process
//! with the server's own per-document pieces (rope, memo, the kept snapshot's text and analysis)
//! and counts live heap bytes after each piece, so the figure can be split by cause.
//! Before both, while this process is still small, the peak resident size of `rung check` on the
//! same document (DESIGN §7: under 100 MB); after them, an idle server with 50 open 20 KB docs
//! (under 50 MB), split into live heap per document and per analysing thread.
//!
//! `cargo bench --bench big_document` measures; `-- --test` is a smoke run on 1 MB.

#[path = "support/docgen.rs"]
mod docgen;
#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;
#[path = "support/memory.rs"]
mod memory;

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
    memory::status_mb(pid, field).unwrap_or(0.0)
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
    let mut kept: Option<(std::sync::Arc<str>, rung::analysis::Analysis)> = None;
    let mut figures = Vec::new();
    for (i, offset) in edit_offsets(&text.clone()).into_iter().enumerate() {
        if i > 0 {
            text.insert(offset, 'x');
        }
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
        let before = LIVE.load(Ordering::Relaxed);
        // The server builds the text from its rope, shares it with the memo, analyses it and
        // keeps both in a snapshot.
        let snapshot_text: std::sync::Arc<str> = std::sync::Arc::from(text.as_str());
        memo.offer_text(snapshot_text.clone());
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

/// DESIGN §7's idle server: 50 open 20 KB promo docs, each analysed (pushed diagnostics), then
/// resident memory; and, in this process, the live heap one such document holds in the server
/// (rope, kept text, memo and analysis), so the resident figure can be split into heap and the
/// rest (the binary, thread stacks, the allocator's free memory).
fn fifty_documents() {
    let doc = docgen::promo_doc(20_000);
    let mut client = Client::start();
    client.initialize(lsp_client::utf16_client(), json!({ "debounceMs": 0 }));
    let idle = status_mb(client.pid(), "VmRSS:");
    for i in 0..50 {
        // A folder with nothing on disk: its case is the open documents alone (a file left in
        // /tmp/rung-bench by another bench would be read into the workspace index).
        let uri = format!(
            "file:///tmp/rung-idle-{}/doc-{i}-promo.md",
            std::process::id()
        );
        client.open(&uri, &doc);
        client.diagnostics(&uri, 1);
    }
    // The server gives freed memory back once it has been quiet for a second.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let pid = client.pid();
    let settings = Settings::default();
    rung::analysis::warm_up(&settings);
    let before = LIVE.load(Ordering::Relaxed);
    let kept: Vec<_> = (0..5)
        .map(|_| {
            let rope = rung::lsp::OpenDocument::new(&doc, 1);
            let memo = Memo::default();
            let text = rope.text();
            let input = Input {
                file_name: Some("promo.md"),
                today: Some("2026-12-01"),
                memo: Some(&memo),
                ..Input::new(&text)
            };
            let analysis = analyze(&input, &settings, &NoFileSystem);
            (rope, memo, text, analysis)
        })
        .collect();
    let per_doc = (LIVE.load(Ordering::Relaxed) - before) / kept.len();
    // The server analyses on tokio's blocking pool, many threads at once when 50 docs open
    // together; what a thread's first analysis leaves live after the thread is gone (the
    // regex crate keeps a match cache per thread using a pattern, returned to a pool when
    // the thread ends, not freed).
    let before_threads = LIVE.load(Ordering::Relaxed);
    let threads = 8;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let input = Input {
                    file_name: Some("promo.md"),
                    today: Some("2026-12-01"),
                    ..Input::new(&doc)
                };
                drop(analyze(&input, &settings, &NoFileSystem));
            });
        }
    });
    let per_thread = LIVE.load(Ordering::Relaxed).saturating_sub(before_threads) / threads;
    let server_threads = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:").map(|n| n.trim().to_string()))
        .unwrap_or_default();
    println!(
        "50 open 20 KB docs: resident {:.1} MB ({idle:.1} MB after initialize; DESIGN §7 target < 50 MB); live heap per document in the server about {:.2} MB, so 50 hold {:.1} MB; each thread that has analysed leaves {:.2} MB live after it ends; the server has {server_threads} threads",
        status_mb(pid, "VmRSS:"),
        mb(per_doc),
        mb(per_doc * 50),
        mb(per_thread),
    );
}

/// Peak resident memory of `rung check --format FORMAT` on `text` written to a file of its own
/// folder (DESIGN §7: under 100 MB for a 10 MB document), in MB.
fn check_peak_rss(text: &str, format: &str) -> f64 {
    let dir = std::env::temp_dir().join(format!("rung-big-document-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big-promo.md");
    std::fs::write(&path, text).unwrap();
    let peak = memory::check_peak_rss_mb(&path, format);
    let _ = std::fs::remove_dir_all(&dir);
    peak
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--test");
    let bytes = if smoke { 1_000_000 } else { 10_000_000 };
    let text = docgen::promo_doc(bytes);
    if let Ok(path) = std::env::var("RUNG_BIG_DOCUMENT_WRITE") {
        // For measuring by hand (massif, /usr/bin/time): the document the bench uses.
        std::fs::write(path, &text).unwrap();
    }
    // First, while this process is small: a child's peak resident figure (`wait4`) counts the
    // memory of the process it was forked from, so measured after the parts below it read
    // hundreds of MB whatever `rung check` used.
    for format in ["json", "human"] {
        println!(
            "rung check --format {format} on it: {:.0} MB peak resident (DESIGN §7 target < 100 MB)",
            check_peak_rss(&text, format)
        );
    }
    over_stdio(&text);
    in_process(&text);
    fifty_documents();
}
