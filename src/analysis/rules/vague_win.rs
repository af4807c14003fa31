//! `vague-win`: a win or evidence entry that states no measurable impact.

use super::runs::{RunEntry, flush};
use super::{Finding, Rule, line_end};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::{DocKind, Entry, EntryForm, EntryRole};
use crate::analysis::impact::Impact;

pub const RULE: Rule = Rule {
    name: "vague-win",
    summary: "a win or evidence entry that states no measurable impact",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo, DocKind::Brag, DocKind::GrowthPlan],
    has_fix: true,
    check,
    docs: "\
## What it does
Reads each win (items under `Wins`, `Projects`, `Impact`…, and in a brag doc items under dated
headings) and each piece of evidence (items under a trait heading, or tagged `#trait`), with
their nested detail, and flags those that state no measurable impact. In a growth plan it reads
only the plan's look back (Progress, Recent wins, dated check-ins, previous goals, a goals
table's evidence) and only items there that tell of work done, never goals, actions or learning.

An entry states measurable impact when a reader can tell how much it mattered:
- a number tied to an outcome: a percentage, money, time or latency, a rate, a score;
- a before→after: `from 3.4 s to 1.1 s`, `51 to 9`, `up from 3.1`, `from monthly to weekly`;
- a multiplier or quantity word: `3x`, `halved`, `doubled`, `an order of magnitude`, `zero`,
  `no missed pages`, `all 7 teams`;
- a count of who or what was affected, in any word order: users, customers, engineers, teams,
  services, hosts, incidents (`moved 3 teams`, `used by the whole support org (~120 agents)`);
- a zero outcome: `nobody has been paged since`, `hasn't failed once`, `no missed runs`;
- a before→after in words: `from a day of manual steps to one command`, `a day instead of a
  sprint`;
- a concrete outcome for a person: `she was promoted to staff`, `got a raise`, `4 return offers`.

Numbers that only date, version or identify do not count (`Q3 2026`, `v2.3`, `Python 3.12`,
`JIRA-4821`, `OKR 2`), and neither do counts of your own activity with no outcome (`attended
12 meetings`, `wrote 35 pull requests`, `upgraded 4 clusters`), how long the work took (`over
2 quarters`, `shipped the POC in 3 weeks`), the size of your team or budget, a share of your
own work (`100% of my sprint commitments`), the shape of what you built (`designed the schema
(42 columns)`, `drafted the RFC: 14 pages`), what a role covered (`IC for 5 incidents`), `0 → 1`
for something new, or a target or work not yet done (`set a goal to cut p95 by 30%`, `expected
to save $500k/yr`, `halfway through the migration`). A state held is a result (`green 30 days in
a row`). When unsure, rung counts a number as a measure and
stays quiet. The message names the number that does not count and what a measure of this entry
would be; the hover on any win shows what rung read. A measurable nested item makes
its whole entry measurable. Items under other headings (Motivation, Usage, Feedback…) are
never judged.

An entry that cites entries of another doc of its case (the brag doc beside a promo doc, or the
docs grouped by a `[[case]]` of `rung.toml`) is judged by what it cites: `See
[March](brag.md#2026-03).` is measured when an entry under that heading of `brag.md` is.

Three or more vague entries in a row in one section (a weekly log, a list of tasks) are one
diagnostic on the first of them, not the same warning on every line: it says how many there
are, and lists each entry in its related information with what that entry lacks. Each entry
keeps its own quick fix (offered on its line) and its own `rung-disable-next-line`; a
measurable entry or a new heading ends the run, and two in a row stay two diagnostics.

In a brag doc or a growth plan the rule speaks at `info`, in a promo doc at `warning`. A brag
doc is a running log, written fast for your own memory and mined for a promo doc later (and a
plan's look back is notes for you and your manager): a vague line there is a note to come back
to, where in a promo doc, which a committee reads, it is a weak spot. A severity set in
`rung.toml` or the editor settings applies to all of them.

## Why it matters
A promotion committee cannot weigh \"improved the build\" against anything. The same work with a
measure (\"cut the build queue wait from 25 minutes to under 2\") makes its own case.

## Example
```markdown
## Wins
- Improved the build queue.
```

## Use instead
Write the win as *accomplished X, as measured by Y, by doing Z*:
```markdown
## Wins
- Cut the build queue wait from 25 minutes to under 2 by adding autoscaling runners.
```
The quick fix adds a nested line to fill in; it never invents the numbers.
",
};

/// The pattern the hover and the docs teach.
pub const REWRITE_PATTERN: &str = "Accomplished [X], as measured by [Y], by doing [Z]";

pub(crate) fn is_judged(doc: &crate::analysis::document::Document, entry: &Entry) -> bool {
    // A growth plan's trait sections hold its plans for the trait: only its look back is judged.
    if doc.kind == DocKind::GrowthPlan {
        return entry.role == EntryRole::Win && entry.is_claim();
    }
    let is_evidence = matches!(entry.role, EntryRole::Win | EntryRole::Evidence(_))
        || entry.tags.iter().any(|t| doc.tags[t].trait_idx.is_some());
    is_evidence && entry.is_claim()
}

/// The nested line the fix adds, after its newline and indentation.
const RESULT_LINE: &str = "- Result: [what changed, by how much: from X to Y], for [whom]";
const RESULT_LINE_AT_2: &str = "\n  - Result: [what changed, by how much: from X to Y], for [whom]";

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let nl = cx.newline();
    // The judgement comes from the analysis's one reading of each judged entry.
    let words = cx.entry_words();
    // One buffer for every entry's joined text, not a string each.
    let mut joined = String::new();
    let placeholders_speak = cx.rule_is_on("placeholder-text");
    // The current run of vague entries in one section; a measurable entry or a new section ends it.
    let mut run: Vec<RunEntry> = Vec::new();
    for (index, (entry, words)) in cx.doc.entries.iter().zip(words).enumerate() {
        let Some(words) = words else {
            continue;
        };
        let impact = words.impact;
        // An entry citing entries of its case (`See [March](brag.md#2026-03).`) is judged by
        // what it cites: measured there, it is measured.
        if impact == Impact::Measurable || cx.case.is_some_and(|c| c.link_measured(cx.doc, index)) {
            flush(&mut run, cx.doc, out, summary);
            continue;
        }
        let message = crate::analysis::impact::message(impact, entry.full_text_in(&mut joined));
        // A silenced line is left out of runs as well as on its own.
        if cx.is_line_suppressed(RULE.name, entry.text_span.start) {
            continue;
        }
        // A nested line still to fill in (the fix's `Result: [what changed…]`) says the author
        // knows the measure is missing: `placeholder-text` points at it, and a second result
        // line would be offered forever. With that rule off, the entry is flagged, without
        // the fix.
        let awaits_result = !entry.detail.is_empty()
            && crate::analysis::placeholders::find_placeholders(&entry.detail)
                .next()
                .is_some();
        if awaits_result && placeholders_speak {
            continue;
        }
        if run.last().is_some_and(|last| last.section != entry.section) {
            flush(&mut run, cx.doc, out, summary);
        }
        let insert_at = line_end(cx.text, entry.text_span.end);
        // Most entries are top-level items with text at column 2: their line is fixed text.
        let result_line: std::borrow::Cow<'static, str> = if nl == "\n" && entry.content_column == 2
        {
            RESULT_LINE_AT_2.into()
        } else {
            let indent = " ".repeat(entry.content_column);
            format!("{nl}{indent}{RESULT_LINE}").into()
        };
        run.push(RunEntry {
            span: entry.text_span,
            section: entry.section,
            message: message.into(),
            label: None,
            // A nested line only fits under a list item: after a table row it would break the
            // table, after a paragraph it would be a stray item.
            fix: (!awaits_result && entry.form == EntryForm::Item)
                .then(|| Fix::insert(FIX_TITLE, insert_at, result_line)),
        });
    }
    flush(&mut run, cx.doc, out, summary);
}

const FIX_TITLE: &str = "Add a result line to fill in";

/// The finding of a run of vague entries, each listed with what it lacks.
fn summary(n: usize, under: &str) -> String {
    format!(
        "{n} entries in a row{under} state no measurable result; each is listed with what it lacks"
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "vague-win";
    const PROMO: &str = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n";

    #[test]
    fn fires_on_vague_wins_and_evidence() {
        let text = format!(
            "{PROMO}## Wins\n- Improved the build queue.\n- Cut the build queue wait from 25 minutes to under 2.\n## Ownership\n- Took ownership of the on-call process.\n## Notes\n- Wrote 35 pull requests #delivery\n"
        );
        fires(
            RULE,
            &text,
            &[
                "Improved the build queue.",
                "Took ownership of the on-call process.",
                "Wrote 35 pull requests #delivery",
            ],
        );
    }

    #[test]
    fn a_measurable_nested_item_makes_the_entry_measurable() {
        quiet(
            RULE,
            &format!(
                "{PROMO}## Wins\n- Rebuilt the build queue\n  - wait fell from 25 minutes to 2\n"
            ),
        );
        fires(
            RULE,
            &format!("{PROMO}## Wins\n- Rebuilt the build queue\n  - with autoscaling runners\n"),
            &["Rebuilt the build queue"],
        );
    }

    #[test]
    fn messages_say_what_kind_of_number_is_missing() {
        assert!(
            message(
                RULE,
                &format!("{PROMO}## Wins\n- Upgraded to Python 3.12.\n")
            )
            .contains("only date, version or identify")
        );
        assert!(
            message(RULE, &format!("{PROMO}## Wins\n- Attended 12 meetings.\n"))
                .contains("counts what you did")
        );
    }

    #[test]
    fn the_fix_is_offered_only_under_list_items() {
        let text = format!(
            "{PROMO}## Wins\n\nI improved the build queue for the whole team this year.\n\n| Project | Notes |\n|---|---|\n| Build queue | Improved the queue |\n"
        );
        let found = diagnostics(RULE, &text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|d| d.fix.is_none() && d.related.iter().all(|r| r.fix.is_none()))
        );
    }

    #[test]
    fn the_fix_adds_a_nested_line_and_invents_nothing() {
        let text = format!("{PROMO}## Wins\n- Improved the build queue.\n- Next\n");
        let after = fixed(RULE, &text);
        assert!(after.contains("- Improved the build queue.\n  - Result: [what changed, by how much: from X to Y], for [whom]\n- Next"), "{after}");
        // The inserted line holds only prompts: the win is no measured win yet, and
        // `placeholder-text` points at the line to fill in, so the fix is not offered again.
        let after = after.replace("- Next\n", "");
        quiet(RULE, &after);
        assert!(!diagnostics("placeholder-text", &after).is_empty());
        // With `placeholder-text` off, the entry is flagged, without a second result line.
        let off = format!("{after}<!-- rung-disable placeholder-text -->\n");
        fires(RULE, &off, &["Improved the build queue."]);
        assert!(diagnostics(RULE, &off)[0].fix.is_none());
    }

    #[test]
    fn a_run_of_vague_entries_in_a_section_is_one_diagnostic_listing_each() {
        let text = format!(
            "{PROMO}## Wins\n- Improved the build queue.\n- Upgraded to Python 3.12.\n- Attended 12 meetings.\n- Tidied the docs.\n"
        );
        let found = diagnostics(RULE, &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!(&text[d.span.start..d.span.end], "Improved the build queue.");
        assert!(
            d.message
                .starts_with("4 entries in a row under \"Wins\" state no measurable result"),
            "{}",
            d.message
        );
        let listed: Vec<&str> = d
            .related
            .iter()
            .map(|r| &text[r.span.start..r.span.end])
            .collect();
        assert_eq!(
            listed,
            [
                "Improved the build queue.",
                "Upgraded to Python 3.12.",
                "Attended 12 meetings.",
                "Tidied the docs."
            ]
        );
        assert!(d.related.iter().all(|r| r.is_member));
        // Each entry's message speaks to it, as it would on its own.
        assert!(
            d.related[1]
                .message
                .contains("only date, version or identify")
        );
        assert!(d.related[2].message.contains("counts what you did"));
        // One fix per entry: the diagnostic's own for the first, each other entry's with it.
        assert!(d.fix.is_some() && d.related[0].fix.is_none());
        assert!(d.related[1..].iter().all(|r| r.fix.is_some()));
        let third = &d.related[2];
        let fixes: Vec<_> = d
            .fixes_touching(third.span.start, third.span.start)
            .collect();
        assert_eq!(fixes.len(), 1);
        assert_eq!(
            fixes[0].edits[0].span.start,
            super::line_end(&text, third.span.end)
        );
    }

    #[test]
    fn short_runs_stay_one_diagnostic_per_entry_and_runs_end_at_a_measure_or_a_section() {
        fires(
            RULE,
            &format!(
                "{PROMO}## Wins\n- Improved the build queue.\n- Tidied the docs.\n- Cut p99 from 800 ms to 120 ms.\n- Fixed the flaky test.\n- Rewrote the parser.\n## Projects\n- Ran the offsite.\n"
            ),
            &[
                "Improved the build queue.",
                "Tidied the docs.",
                "Fixed the flaky test.",
                "Rewrote the parser.",
                "Ran the offsite.",
            ],
        );
    }

    #[test]
    fn a_silenced_line_is_left_out_of_its_run() {
        let text = format!(
            "{PROMO}## Wins\n- Improved the build queue.\n<!-- rung-disable-next-line vague-win -->\n- Upgraded to Python 3.12.\n- Attended 12 meetings.\n- Tidied the docs.\n"
        );
        let found = diagnostics(RULE, &text);
        assert_eq!(found.len(), 1);
        let listed: Vec<&str> = found[0]
            .related
            .iter()
            .map(|r| &text[r.span.start..r.span.end])
            .collect();
        assert_eq!(
            listed,
            [
                "Improved the build queue.",
                "Attended 12 meetings.",
                "Tidied the docs."
            ]
        );
        // The first line silenced: the run starts at the next one.
        let text = format!(
            "{PROMO}## Wins\n<!-- rung-disable-next-line vague-win -->\n- Improved the build queue.\n- Upgraded to Python 3.12.\n- Attended 12 meetings.\n- Tidied the docs.\n"
        );
        let found = diagnostics(RULE, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Upgraded to Python 3.12."
        );
    }

    #[test]
    fn a_brag_doc_hears_it_as_info_and_a_promo_doc_as_a_warning() {
        use crate::analysis::diagnostic::Severity;
        let brag = diagnostics(
            RULE,
            "---\nkind: brag\n---\n## 2026-03\n- Improved the build queue.\n",
        );
        assert_eq!(brag[0].severity, Severity::Info);
        let promo = diagnostics(
            RULE,
            &format!("{PROMO}## Wins\n- Improved the build queue.\n"),
        );
        assert_eq!(promo[0].severity, Severity::Warning);
    }

    #[test]
    fn quiet_on_guidance_and_prompts() {
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Writing tips\n### Impact\n- Say who benefited from this work\n## Wins\n- Answer: who benefited?\n- For each project, note:\n- Include metrics, user counts or time saved\n",
        );
    }

    #[test]
    fn quiet_outside_wins_and_evidence() {
        quiet(
            RULE,
            &format!(
                "{PROMO}## Motivation\n- Brag docs help you remember your work\n## Feedback\n- Be more visible\n"
            ),
        );
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Usage\n- Update it every two weeks\n## 2026-03\n- TODO\n",
        );
        quiet(RULE, "---\nkind: retro\n---\n## Wins\n- Improved things.\n");
    }
}
