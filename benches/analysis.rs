//! Analysis cost against pulldown-cmark alone on the same bytes, at 10 KB, 100 KB, 1 MB and
//! 10 MB (DESIGN §7: at most 2×), and on a 1 MB draft of mostly empty trait headings. Criterion
//! measures three things on each doc: pulldown-cmark alone, rung's model pass alone
//! (`parse_body`: pulldown-cmark's events turned into sections and entries, no rules), and the
//! whole analysis. The summary at the end prints the ratios of the medians, measured in this one
//! run, so that what the model costs and what the rules add are seen apart.
//!
//! `cargo bench --bench analysis` measures; `cargo bench --bench analysis -- --test` runs each
//! benchmark once (the CI smoke mode).

#[path = "support/docgen.rs"]
mod docgen;

use criterion::{BenchmarkId, Criterion, Throughput};
use pulldown_cmark::{Options, Parser};
use rung::analysis::{Input, NoFileSystem, Settings, analyze, parse::parse_body};
use std::hint::black_box;

/// A 1 MB draft whose trait headings are mostly empty (`docgen::draft_doc`).
const DRAFT: &str = "1MB-draft";

const SIZES: [(usize, &str); 4] = [
    (10_000, "10KB"),
    (100_000, "100KB"),
    (1_000_000, "1MB"),
    (10_000_000, "10MB"),
];

fn pulldown_only(text: &str) -> usize {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    Parser::new_ext(text, options).into_offset_iter().count()
}

fn benches(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("analysis");
    let promo_docs = SIZES.map(|(size, label)| (size, label, docgen::promo_doc(size)));
    let draft = (1_000_000, DRAFT, docgen::draft_doc(1_000_000));
    for (size, label, doc) in promo_docs.into_iter().chain([draft]) {
        group.throughput(Throughput::Bytes(doc.len() as u64));
        if size >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("pulldown-cmark", label), &doc, |b, doc| {
            b.iter(|| pulldown_only(black_box(doc)))
        });
        let input = Input {
            file_name: Some("promo.md"),
            ..Input::new(&doc)
        };
        let model = analyze(&input, &settings, &NoFileSystem)
            .document
            .expect("the generated docs are growth docs");
        let ladder = settings
            .catalogue
            .ladder(&model.ladder_id)
            .expect("the generated docs name a built-in ladder");
        group.bench_with_input(BenchmarkId::new("rung-model", label), &doc, |b, doc| {
            b.iter(|| parse_body(black_box(doc), model.body_start, ladder, model.kind, None))
        });
        group.bench_with_input(BenchmarkId::new("rung", label), &doc, |b, doc| {
            b.iter(|| {
                analyze(
                    &Input {
                        file_name: Some("promo.md"),
                        ..Input::new(black_box(doc))
                    },
                    &settings,
                    &NoFileSystem,
                )
            })
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
    for label in SIZES.map(|(_, label)| label).into_iter().chain([DRAFT]) {
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
}
