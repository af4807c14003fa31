//! The analysis ratio counted in instructions rather than time, for callgrind.
//!
//! The `analysis` benchmark measures time, and on this project's shared machine the same code
//! has given ratios from 4.1× to 5.4× in one night. Instruction counts stay the same from run to
//! run, so they show whether a change moved the ratio. They are a proxy: the target (DESIGN §7)
//! is about time, and a cache miss costs more than an instruction.
//!
//! `scripts/instruction-ratio.sh` runs this program under `valgrind --tool=callgrind
//! --toggle-collect='*counted_work*'` for each document and mode and prints the ratios. By hand:
//! `instructions MODE DOC`, where MODE is `pulldown` (pulldown-cmark alone), `model` (rung's
//! model pass, `parse_body`), `analysis` (the whole analysis), `after-edit` (the analysis
//! after a one-character edit, with the memo the server keeps filled by the analysis before it)
//! or `outline` (the outline the server answers `documentSymbol` from: evidence counts and
//! the outline items, without their JSON), and DOC one of `10KB`, `100KB`,
//! `1MB`, `10MB` or `1MB-draft` (the generated docs of the `analysis` benchmark). Each mode runs
//! once uncounted before the counted run, as criterion warms up: pattern compilation and the
//! lazy DFAs' first states are not counted. `-- --test` (the CI smoke mode) runs every mode on
//! the 10 KB doc.

#[path = "support/docgen.rs"]
mod docgen;
#[path = "support/measured.rs"]
mod measured;

use measured::{analysis, analysis_with, doc, model_inputs, model_pass, pulldown_only};
use rung::analysis::memo::Memo;
use rung::analysis::{Settings, document::Document};
use rung::catalogue::Ladder;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What to count.
#[derive(Clone, Copy)]
enum Work<'m> {
    Pulldown,
    /// The model pass over the doc, given its front matter's model and ladder.
    Model(&'m Document, &'m Ladder),
    Analysis,
    /// The analysis after a one-character edit in the middle of the doc, with the memo the
    /// language server keeps filled by an analysis of the doc before the edit (`text` is the
    /// edited doc).
    AfterEdit(&'m Memo),
    /// The outline of an already-built model, with the evidence counts its labels show.
    Outline(&'m Document, &'m Ladder),
}

/// One run of `work` over `text`, its result dropped inside, as the `analysis` benchmark does.
#[inline(never)]
fn work(work: Work<'_>, text: &str, settings: &Settings) -> usize {
    match work {
        Work::Pulldown => pulldown_only(text),
        Work::Model(model, ladder) => model_pass(text, model, ladder).entries.len(),
        Work::Analysis => analysis(text, settings).diagnostics.len(),
        Work::AfterEdit(memo) => analysis_with(text, settings, memo).diagnostics.len(),
        Work::Outline(model, ladder) => {
            let evidence = rung::analysis::case::evidence_counts(model, ladder, None);
            rung::analysis::ide::outline_counted(model, Some(ladder), Some(&evidence)).len()
        }
    }
}

/// How many runs were counted: a side effect of [`counted_work`] alone, which also keeps the
/// compiler from merging it with [`work`] (it did merge two identical wrappers, and callgrind
/// then counted the warm-up run under the counted run's name).
static COUNTED_RUNS: AtomicUsize = AtomicUsize::new(0);

/// The run callgrind counts (`--toggle-collect='*counted_work*'`).
#[inline(never)]
fn counted_work(what: Work<'_>, text: &str, settings: &Settings) -> usize {
    COUNTED_RUNS.fetch_add(1, Ordering::Relaxed);
    work(what, text, settings)
}

fn run(mode: &str, text: &str, settings: &Settings) {
    let (model, ladder) = model_inputs(text, settings);
    let memo = Memo::new();
    let edited = edited(text);
    let (what, counted) = match mode {
        "pulldown" => (Work::Pulldown, text),
        "model" => (Work::Model(&model, ladder), text),
        "analysis" => (Work::Analysis, text),
        "outline" => (Work::Outline(&model, ladder), text),
        "after-edit" => {
            // The analysis before the edit fills the memo, as the server's last one did.
            black_box(analysis_with(text, settings, &memo));
            (Work::AfterEdit(&memo), edited.as_str())
        }
        _ => usage(),
    };
    // The warm-up run, not counted: it fills the lazy DFAs' states. After an edit, it is an
    // analysis of the doc as it was, so the counted one sees the edit.
    black_box(work(what, text, settings));
    black_box(counted_work(what, black_box(counted), settings));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let settings = Settings::default();
    if args.iter().any(|a| a == "--test") {
        let text = doc("10KB").expect("a known doc");
        for mode in ["pulldown", "model", "analysis", "outline"] {
            run(mode, &text, &settings);
        }
        return;
    }
    let (Some(mode), Some(text)) = (args.first(), args.get(1).and_then(|label| doc(label))) else {
        usage()
    };
    run(mode, &text, &settings);
    assert_eq!(
        COUNTED_RUNS.load(Ordering::Relaxed),
        1,
        "one run is counted"
    );
}

/// `text` with one character typed inside the win nearest its middle, as the edit-latency
/// benchmark types it.
fn edited(text: &str) -> String {
    let middle = text[text.len() / 2..]
        .find("\n- ")
        .map_or(0, |i| text.len() / 2 + i + 3);
    let mut out = String::with_capacity(text.len() + 1);
    out.push_str(&text[..middle]);
    out.push('x');
    out.push_str(&text[middle..]);
    out
}

fn usage() -> ! {
    eprintln!(
        "usage: instructions (pulldown | model | analysis | after-edit | outline) (10KB | 100KB | 1MB | 10MB | 1MB-draft)"
    );
    std::process::exit(2)
}
