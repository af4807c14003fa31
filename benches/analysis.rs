//! Analysis cost against pulldown-cmark alone on the same bytes, at 10 KB, 100 KB, 1 MB and
//! 10 MB (DESIGN §7: at most 2×), and on a 1 MB draft of mostly empty trait headings. Criterion
//! measures three things on each doc: pulldown-cmark alone, rung's model pass alone
//! (`parse_body`: pulldown-cmark's events turned into sections and entries, no rules), and the
//! whole analysis. The summary at the end prints the ratios of the medians, measured in this one
//! run, so that what the model costs and what the rules add are seen apart.
//!
//! Criterion measures the three one after another, seconds apart, and on a shared machine a burst
//! of load in between moves the ratio by tenths. So the summary also measures them interleaved:
//! rounds of one pulldown-cmark parse, one model pass and one analysis, back to back, and the
//! ratios of the fastest of each (noise only ever adds time) and of the medians.
//!
//! `cargo bench --bench analysis` measures; `cargo bench --bench analysis -- --test` runs each
//! benchmark once (the CI smoke mode).

#[path = "support/docgen.rs"]
mod docgen;
#[path = "support/measured.rs"]
mod measured;

use criterion::{BenchmarkId, Criterion, Throughput};
use measured::{DOCS, analysis, model_inputs, model_pass, pulldown_only};
use rung::analysis::Settings;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn benches(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("analysis");
    for label in DOCS {
        let doc = measured::doc(label).expect("a label of DOCS");
        group.throughput(Throughput::Bytes(doc.len() as u64));
        if doc.len() >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("pulldown-cmark", label), &doc, |b, doc| {
            b.iter(|| pulldown_only(black_box(doc)))
        });
        let (model, ladder) = model_inputs(&doc, &settings);
        group.bench_with_input(BenchmarkId::new("rung-model", label), &doc, |b, doc| {
            b.iter(|| model_pass(black_box(doc), &model, ladder))
        });
        group.bench_with_input(BenchmarkId::new("rung", label), &doc, |b, doc| {
            b.iter(|| analysis(black_box(doc), &settings))
        });
    }
    group.finish();
}

/// The median of one benchmark from criterion's saved estimates, in nanoseconds.
fn median_ns(id: &str, label: &str) -> Option<f64> {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("..")
        .join("criterion")
        .join("analysis")
        .join(id)
        .join(label)
        .join("new")
        .join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["median"]["point_estimate"].as_f64()
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
    let is_smoke = std::env::args().any(|a| a == "--test");
    if is_smoke {
        return;
    }
    println!(
        "\nsize       pulldown-cmark  rung model pass  rung analysis  model ratio  ratio (target ≤ 2.0)"
    );
    for label in DOCS {
        if let (Some(base), Some(model), Some(ours)) = (
            median_ns("pulldown-cmark", label),
            median_ns("rung-model", label),
            median_ns("rung", label),
        ) {
            println!(
                "{label:9}  {:>11.3} ms  {:>12.3} ms  {:>10.3} ms  {:>10.2}×  {:.2}×",
                base / 1e6,
                model / 1e6,
                ours / 1e6,
                model / base,
                ours / base
            );
        }
    }
    println!(
        "\ninterleaved     rounds  pulldown-cmark  rung model pass  rung analysis  model ratio  ratio (fastest; medians)"
    );
    let settings = Settings::default();
    for label in DOCS {
        let doc = measured::doc(label).expect("a label of DOCS");
        let rounds = interleaved(&doc, &settings);
        let (base, model, ours) = (rounds.fastest(0), rounds.fastest(1), rounds.fastest(2));
        println!(
            "{label:9}  {:>11}  {:>11.3} ms  {:>12.3} ms  {:>10.3} ms  {:>10.2}×  {:.2}×; {:.2}× {:.2}×",
            rounds.0.len(),
            base,
            model,
            ours,
            model / base,
            ours / base,
            rounds.median(1) / rounds.median(0),
            rounds.median(2) / rounds.median(0),
        );
    }
}

/// Times in milliseconds of pulldown-cmark alone, the model pass and the whole analysis, one
/// triple per round.
struct Rounds(Vec<[f64; 3]>);

impl Rounds {
    fn fastest(&self, which: usize) -> f64 {
        self.0
            .iter()
            .map(|r| r[which])
            .fold(f64::INFINITY, f64::min)
    }

    fn median(&self, which: usize) -> f64 {
        let mut times: Vec<f64> = self.0.iter().map(|r| r[which]).collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    }
}

/// Rounds of the three measured things back to back on `doc`, for about two seconds (at least
/// ten rounds), after one round of warm-up.
fn interleaved(doc: &str, settings: &Settings) -> Rounds {
    let (model, ladder) = model_inputs(doc, settings);
    let time = |work: &dyn Fn()| {
        let start = Instant::now();
        work();
        start.elapsed().as_secs_f64() * 1e3
    };
    let round = || {
        [
            time(&|| {
                black_box(pulldown_only(black_box(doc)));
            }),
            time(&|| {
                black_box(model_pass(black_box(doc), &model, ladder));
            }),
            time(&|| {
                black_box(analysis(black_box(doc), settings));
            }),
        ]
    };
    let warm_up = round();
    let per_round = Duration::from_secs_f64(warm_up.iter().sum::<f64>() / 1e3);
    let wanted =
        (Duration::from_secs(2).as_secs_f64() / per_round.as_secs_f64().max(1e-9)) as usize;
    Rounds((0..wanted.clamp(10, 2000)).map(|_| round()).collect())
}
