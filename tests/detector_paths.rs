//! The impact detector's two paths agree: the fast verdict ([`impact::assess`], which stops at
//! the first measure and skips what only an explanation needs) and the explaining one
//! ([`impact::judge`], which reads every quantity and structure), over many entries: the
//! labelled fixtures, the benchmark's generated docs, the shared corpus when it is present, and
//! entries generated from the lexicon's words, numbers, units and punctuation.
//!
//! `assess` is what the analysis keeps (the memo, `vague-win`, the outline); `judge` is what the
//! hover and the highlights show. Optimising one path must not change the other's verdict.
//!
//! For optimisation work, `DETECTOR_DUMP=path cargo test --test detector_paths -- --ignored`
//! writes every entry's verdict, explanation, highlights and message to `path`: dump before and
//! after a change and `diff` the two files (they must be identical when behaviour must not
//! change).

#[path = "../benches/support/docgen.rs"]
mod docgen;

use rung::analysis::impact;
use std::path::Path;

/// A deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every word of the lexicon's lists (the words the detector reacts to).
fn lexicon_words() -> Vec<String> {
    let dir = manifest().join("src/analysis/words/lexicon");
    let mut words = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the lexicon directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a lexicon file");
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let line = match line.split_once(':') {
                Some((_, rest)) => rest.split('|').next().unwrap_or(""),
                None => line,
            };
            words.extend(line.split_whitespace().map(str::to_string));
        }
    }
    words.sort();
    words.dedup();
    words
}

/// The text column of the labelled fixtures the repository holds: the dev sets and the spent
/// held-out sets (not `wins-own.tsv`, the project's own batches).
fn fixture_entries() -> Vec<String> {
    let mut out = Vec::new();
    for name in [
        "wins-dev-c.tsv",
        "wins-dev-d.tsv",
        "wins-dev-e.tsv",
        "wins-dev-f.tsv",
        "wins-spent-b.tsv",
        "wins-spent-c.tsv",
        "wins-spent-e.tsv",
        "wins-spent-i.tsv",
    ] {
        let path = manifest().join("tests/fixtures").join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        out.extend(
            text.lines()
                .skip(1)
                .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string())),
        );
    }
    out
}

/// Each line of the benchmark's generated docs, and of the shared corpus when it is there,
/// with list markers taken off.
fn document_lines() -> Vec<String> {
    let mut docs = vec![
        docgen::promo_doc(40_000),
        docgen::draft_doc(20_000),
        docgen::quiet_brag_doc(20_000),
    ];
    let corpus = manifest().join("../shared/corpus");
    if let Ok(dir) = std::fs::read_dir(&corpus) {
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "md"))
        {
            if let Ok(text) = std::fs::read_to_string(file) {
                docs.push(text);
            }
        }
    }
    let mut lines: Vec<String> = docs
        .iter()
        .flat_map(|d| d.lines())
        .map(|l| l.trim_start_matches([' ', '-', '*', '|', '#']).to_string())
        .filter(|l| !l.is_empty())
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// Entries made of random words: lexicon words, glue words, numbers with units, punctuation,
/// and pieces of real entries, with a detail line now and then.
fn generated_entries(count: usize, seed: u64, lexicon: &[String], real: &[String]) -> Vec<String> {
    const GLUE: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "to",
        "from",
        "by",
        "in",
        "for",
        "on",
        "with",
        "and",
        "I",
        "we",
        "our",
        "my",
        "it",
        "now",
        "was",
        "is",
        "so",
        "far",
        "no",
        "not",
        "used",
        "before",
        "after",
        "since",
        "once",
        "than",
        "instead",
        "all",
        "every",
        "into",
        "until",
        "she",
        "they",
        "per",
        "track",
        "progress",
        "order",
        "magnitude",
        "went",
        "up",
        "down",
        "longer",
        "one",
        "half",
    ];
    const NUMBERS: &[&str] = &[
        "3",
        "12",
        "40k",
        "1.2M",
        "$210k",
        "~30%",
        "2026",
        "2026-03-14",
        "v2.3",
        "p95",
        "Q3",
        "800 ms",
        "2 weeks",
        "10×",
        "x2",
        "3/4",
        "1 in 5",
        "4.6 out of 5",
        "6am",
        "2nd",
        "3–5 days",
        "12/month",
        "5 per day",
        "250+",
        "#8812",
        "JIRA-4821",
        "1.0.200",
        "2026.10",
        "90s",
        "3G",
        "40-page",
        "14-point",
        "8×A100",
        "10:30",
        "4TB",
        "$1.5M",
        "1,200",
    ];
    const SYMBOLS: &[&str] = &[
        ",", ".", ";", ":", " — ", " - ", "→", "->", "(", ")", "!", "?", "/", "\n", "'", "\"",
    ];
    let lexicon: Vec<&str> = lexicon.iter().map(String::as_str).collect();
    let real_words: Vec<&str> = real.iter().flat_map(|e| e.split_whitespace()).collect();
    let mut rng = Rng(seed);
    (0..count)
        .map(|_| {
            let len = 3 + rng.below(28);
            let mut text = String::new();
            for _ in 0..len {
                let piece = match rng.below(10) {
                    0..=2 => rng.pick(&lexicon),
                    3..=4 => rng.pick(GLUE),
                    5 => rng.pick(NUMBERS),
                    6 => rng.pick(SYMBOLS),
                    _ => rng.pick(&real_words),
                };
                if !text.is_empty() && !matches!(piece, "," | "." | ";" | ":" | "!" | "?") {
                    text.push(' ');
                }
                text.push_str(piece);
            }
            if rng.below(4) == 0 {
                text.insert(0, char::from(b'A' + rng.below(26) as u8));
            }
            text
        })
        .collect()
}

fn all_entries() -> Vec<String> {
    let lexicon = lexicon_words();
    let fixtures = fixture_entries();
    let mut entries = fixtures.clone();
    entries.extend(document_lines());
    entries.extend(generated_entries(
        6_000,
        0x9E37_79B9_7F4A_7C15,
        &lexicon,
        &fixtures,
    ));
    entries
}

#[test]
fn the_fast_verdict_is_the_explained_one() {
    let mut disagreements = Vec::new();
    for text in all_entries() {
        let fast = impact::assess(&text);
        let judged = impact::judge(&text);
        if fast != judged.impact {
            disagreements.push(format!(
                "{text:?}: assess {fast:?}, judge {:?}",
                judged.impact
            ));
        }
        // The highlights are the explanation's measures, and a measurable verdict has one.
        let ranges = impact::measure_ranges(&text);
        assert_eq!(
            !ranges.is_empty(),
            !judged.measures.is_empty(),
            "{text:?}: highlights {ranges:?}, measures {:?}",
            judged.measures
        );
        if fast.is_measurable() {
            assert!(
                !judged.measures.is_empty(),
                "{text:?}: measurable with no measure"
            );
            assert!(impact::message(fast, &text).is_empty());
        } else {
            assert!(judged.missing.is_some(), "{text:?}: no suggestion");
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} entries where the paths disagree:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Everything the detector says about every entry, for diffing before and after a change.
#[test]
#[ignore = "writes a file for diffing: DETECTOR_DUMP=path"]
fn dump_every_reading() {
    let Ok(path) = std::env::var("DETECTOR_DUMP") else {
        return;
    };
    let mut out = String::new();
    for text in all_entries() {
        let fast = impact::assess(&text);
        let judged = impact::judge(&text);
        let ranges = impact::measure_ranges(&text);
        let message = impact::message(fast, &text);
        out.push_str(&format!(
            "{text:?}\n  {fast:?}\n  {judged:?}\n  {ranges:?}\n  {message}\n"
        ));
    }
    std::fs::write(path, out).expect("the dump file");
}
