//! `vague-win` on the project's own labelled entries, written to DESIGN §4's labelling rules
//! (`tests/fixtures/wins-own.tsv`), in both layouts the shared scorer builds.
//!
//! Each batch was written and scored before the detector saw it, then kept as a regression
//! floor: batch 1 (60 entries) first scored precision 0.811 / recall 1.000, batch 2 (40
//! entries, written after batch 1's fixes) 0.905 / 0.950. The misses were fixed as pattern
//! families (fractions, "N times", magnitudes, outcomes for people, activity durations), not
//! entry by entry; see the module docs of `src/analysis/impact.rs`. Batch 3 (30 entries, written
//! after those fixes) scored 1.000 / 1.000 before anything was changed for it.
//!
//! Then the detector was rebuilt to read quantities instead of phrasings (issue "Measurable
//! impact on writing it has never seen"). Batch 4 (44 entries, the families that issue names,
//! written by the same session that wrote the detector, so less independent than the shared
//! dev-a and dev-b sets) scored 0.952 / 1.000 on its first run; its one false alarm ("The new
//! ingest API handles ~15k requests a day") was fixed as a family: a verb after a noun is not the
//! author's activity. Batch 5 (20 entries, written after that) scored 0.900 / 0.900 on its first
//! run; its misses became two families: a zero outcome after a leading `Since …,` clause, and
//! `could`/`might` as a possibility (a target), unless after `so`.
//!
//! Batch 6 (40 entries, written after dev-e's misses were taught, aimed at those families in new
//! words and at the "Led the migration across 5 teams") first scored 0.875 / 0.778: its
//! misses were word-list gaps (`crunched`, `shadowed`, `runbooks`, `alert rules`) and a
//! time of day past the after side's window. Batch 7 (40 entries in other voices: security,
//! mobile, managers, QA, DBAs, maintainers, support) first scored 0.889 / 0.889; its misses became
//! families (people the author met `with all 8 reports`, a hyphenated modifier read as a verb,
//! the dimensions of a set-up `3 browsers × 4 locales`, `no longer` with an amount, a result
//! verb's `grew to 40 repos`). Batch 8 (30 entries: games, firmware, fintech, devrel, FinOps, data
//! and ML platform, managers) first scored 0.923 / 0.857; its misses became families (things
//! moved from one tool to another, `now …; before it was …`, `under a minute`) and two word-list
//! gaps (`recorded`, `tutorials`). Batch 9 (20 entries) first scored 0.833 / 1.000: its two
//! false alarms became families (`for 21 days straight` is how long a state held, coaching
//! `until she led … on her own`).
//!
//! Batches 10–12 were written while dev-f's misses were taught, each before the change it tests
//! and scored once after it. Batch 10 (36 entries: dev-f's families in other words) first scored
//! 0.714 / 0.789; batch 11 (25 entries, after batch 10's misses became families: `previously`,
//! `as a result`, `none` after a count in the same clause, arrows between rollout stages,
//! objectives, adoption with an adverb) first scored 0.727 / 0.800; batch 12 (12 entries, after
//! batch 11's: `fortnight`, `none after`, hyphenated roles, `this half`) first scored 1.000 /
//! 0.800, its one miss a family (things moved to a named tool with no `from` side). Batch 13 (24
//! entries in other voices: QA, firmware, analytics, a German speaker) first scored 1.000 /
//! 0.750; its misses became families (decimals a release names after `for`/`on` or in a rollout's
//! clause, `600 files moved`), and batch 14 (10 entries, after them) first scored 1.000 / 0.667:
//! irregular participles (`180 checks run`) became a list; `Triage duty during the 12.1 bake —
//! 60 tickets` is left a known miss.

use rung::analysis::{Input, NoFileSystem, Settings, analyze};

struct Score {
    precision: f64,
    recall: f64,
    misses: Vec<String>,
}

fn score(head: &str, rows: &[(bool, &str)]) -> Score {
    let first_line = head.matches('\n').count();
    let text: String = head.to_string()
        + &rows
            .iter()
            .map(|(_, t)| format!("- {t}\n"))
            .collect::<String>();
    let analysis = analyze(&Input::new(&text), &Settings::default(), &NoFileSystem);
    let line_of = |offset: usize| text[..offset].matches('\n').count();
    let flagged: std::collections::HashSet<usize> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == "vague-win")
        // A diagnostic for a run of vague entries flags each entry it lists, as the shared
        // scorer counts it.
        .flat_map(|d| {
            std::iter::once(d.span).chain(d.related.iter().filter(|r| r.is_member).map(|r| r.span))
        })
        .map(|span| line_of(span.start))
        .collect();
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    let mut misses = Vec::new();
    for (i, (vague, entry)) in rows.iter().enumerate() {
        let hit = flagged.contains(&(first_line + i));
        match (hit, vague) {
            (true, true) => tp += 1.0,
            (true, false) => {
                fp += 1.0;
                misses.push(format!("false alarm: {entry}"));
            }
            (false, true) => {
                fn_ += 1.0;
                misses.push(format!("missed: {entry}"));
            }
            (false, false) => {}
        }
    }
    Score {
        precision: tp / (tp + fp),
        recall: tp / (tp + fn_),
        misses,
    }
}

/// Score a `label<TAB>text` file in both layouts the shared scorer builds, against the bar.
fn meets_the_bar(data: &str, min_rows: usize) {
    meets_floor(data, min_rows, 0.97, 0.92);
}

/// Scores `data` in both layouts and asserts precision and recall of at least the floors.
fn meets_floor(data: &str, min_rows: usize, min_precision: f64, min_recall: f64) {
    let rows: Vec<(bool, &str)> = data
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (label, text) = l.split_once('\t').expect("label<TAB>text");
            (label == "vague", text)
        })
        .collect();
    assert!(rows.len() >= min_rows);
    let layouts = [
        (
            "brag",
            "---\nkind: brag\nladder: bigtech\nlevel: E5\n---\n# Brag document\n\n## 2026-03\n\n",
        ),
        (
            "promo",
            "---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\n---\n# Promotion case\n\n## Wins\n\n",
        ),
    ];
    for (name, head) in layouts {
        let result = score(head, &rows);
        eprintln!(
            "{name}: precision {:.3} recall {:.3}",
            result.precision, result.recall
        );
        assert!(
            result.precision >= min_precision && result.recall >= min_recall,
            "{name}: precision {:.3} recall {:.3}\n{}",
            result.precision,
            result.recall,
            result.misses.join("\n")
        );
    }
}

#[test]
fn held_out_entries_meet_the_bar_in_both_layouts() {
    meets_the_bar(include_str!("fixtures/wins-own.tsv"), 431);
}

/// `wins-dev-c.tsv`: 240 entries by a writer who had seen neither rung nor the other files. Its
/// first score was 0.958 / 0.758; its misses were then taught as families (precision 0.982,
/// recall 0.933 after), so it is training data now, kept so those families do not slide back.
#[test]
fn a_second_writers_entries_meet_the_bar_in_both_layouts() {
    meets_the_bar(include_str!("fixtures/wins-dev-c.tsv"), 240);
}

/// `wins-dev-d.tsv`: 260 entries by a third such writer (terse logs, managers, maintainers,
/// non-native English). Held out, it scored 0.967 / 0.915; its misses were then taught as
/// families (docs/detector.md), so like dev-c it is training data now and guards them.
#[test]
fn a_third_writers_entries_meet_the_bar_in_both_layouts() {
    meets_the_bar(include_str!("fixtures/wins-dev-d.tsv"), 260);
}

/// `wins-dev-e.tsv`: 260 entries by a fourth such writer (a data/ML, SRE and front-end voice:
/// lab-notebook fragments, arrows and `~`, results after a dash). Held out, it scored 0.949 /
/// 0.862; its misses were then taught as families (docs/detector.md), so it is training data
/// now and guards them.
#[test]
fn a_fourth_writers_entries_meet_the_bar_in_both_layouts() {
    meets_the_bar(include_str!("fixtures/wins-dev-e.tsv"), 260);
}

/// `wins-dev-f.tsv`: 260 entries by a fifth such writer (a mobile engineer in commit-like
/// fragments, a British data engineer in long hedged sentences, a non-native English speaker).
/// Held out, it scored 0.855 / 0.815; its misses were then taught as families
/// (docs/detector.md), so it is training data now and guards them.
#[test]
fn a_fifth_writers_entries_meet_the_bar_in_both_layouts() {
    meets_the_bar(include_str!("fixtures/wins-dev-f.tsv"), 260);
}

/// `wins-spent-{b,c,e}.tsv`: three sets of 200 entries by writers who had seen neither rung nor
/// any other set (their labelling decisions are in `tests/heldout/README.md`,
/// `tests/heldout/c/README.md` and the lead's heldout-e README, summarised in docs/detector.md).
/// They were held out until the fifth session, released then and taught from ("spent"), so they
/// are training data now. Each floor is the score reached after their misses were taught
/// (docs/detector.md lists the labels not fitted).
#[test]
fn the_spent_held_out_sets_keep_their_reached_scores() {
    meets_floor(include_str!("fixtures/wins-spent-b.tsv"), 200, 0.999, 0.929);
    meets_floor(include_str!("fixtures/wins-spent-c.tsv"), 200, 0.999, 0.979);
    meets_floor(include_str!("fixtures/wins-spent-e.tsv"), 200, 0.931, 0.959);
}

/// `wins-spent-i.tsv`: 200 entries by a writer who had seen nothing of rung (its labelling
/// decisions are summarised in docs/detector.md, sixth session). At integ `c61b62b` it scored
/// 0.957 / 0.880; the families behind the errors of its first 140 entries were taught
/// (`impact/tests.rs`, `teach_i_families_of_own_work_and_of_zero_outcomes`), its last 60 were
/// scored once after as a held-out check (0.966 / 0.903 before and after), and the floor is the
/// score the whole set reached.
#[test]
fn the_sixth_sessions_spent_set_keeps_its_reached_score() {
    meets_floor(include_str!("fixtures/wins-spent-i.tsv"), 200, 0.989, 0.959);
}
