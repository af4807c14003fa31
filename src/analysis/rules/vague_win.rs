//! `vague-win`: a win or evidence entry that states no measurable impact.

use super::{Finding, Rule, line_end};
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::{DocKind, Entry, EntryRole};
use crate::analysis::impact::{Impact, assess};
use crate::analysis::{Context, memo};

pub const RULE: Rule = Rule {
    name: "vague-win",
    summary: "a win or evidence entry that states no measurable impact",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo, DocKind::Brag],
    has_fix: true,
    check,
    docs: "\
## What it does
Reads each win (items under `Wins`, `Projects`, `Impact`…, and in a brag doc items under dated
headings) and each piece of evidence (items under a trait heading, or tagged `#trait`), with
their nested detail, and flags those that state no measurable impact.

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
2 quarters`), the size of your team or budget, or a target not yet reached (`set a goal to cut
p95 by 30%`, `expected to save $500k/yr`). When unsure, rung counts a number as a measure and
stays quiet. The message names the number that does not count and what a measure of this entry
would be; the hover on any win shows what rung read. A measurable nested item makes
its whole entry measurable. Items under other headings (Motivation, Usage, Feedback…) are
never judged.

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
    let is_evidence = matches!(entry.role, EntryRole::Win | EntryRole::Evidence(_))
        || entry.tags.iter().any(|t| doc.tags[t].trait_idx.is_some());
    is_evidence && !entry.is_placeholder && !entry.is_prompt
}

/// The nested line the fix adds, after its newline and indentation.
const RESULT_LINE: &str = "- Result: [what changed, by how much: from X to Y], for [whom]";
const RESULT_LINE_AT_2: &str = "\n  - Result: [what changed, by how much: from X to Y], for [whom]";

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let nl = cx.newline();
    let mut impacts = memo::Results::impacts(cx.memo, cx.kept_pieces);
    // One buffer for every entry's joined text, not a string each.
    let mut joined = String::new();
    for (index, entry) in cx.doc.entries.iter().enumerate() {
        if !is_judged(cx.doc, entry) {
            continue;
        }
        let impact = impacts.get(index, || entry.full_text_in(&mut joined), assess);
        if impact == Impact::Measurable {
            continue;
        }
        let message = crate::analysis::impact::message(impact, entry.full_text_in(&mut joined));
        let insert_at = line_end(cx.text, entry.text_span.end);
        // Most entries are top-level items with text at column 2: their line is fixed text.
        let result_line: std::borrow::Cow<'static, str> = if nl == "\n" && entry.content_column == 2
        {
            RESULT_LINE_AT_2.into()
        } else {
            let indent = " ".repeat(entry.content_column);
            format!("{nl}{indent}{RESULT_LINE}").into()
        };
        out.push(Finding::new(entry.text_span, message).with_fix(Fix::insert(
            "Add a result line to fill in",
            insert_at,
            result_line,
        )));
    }
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
    fn the_fix_adds_a_nested_line_and_invents_nothing() {
        let text = format!("{PROMO}## Wins\n- Improved the build queue.\n- Next\n");
        let after = fixed(RULE, &text);
        assert!(after.contains("- Improved the build queue.\n  - Result: [what changed, by how much: from X to Y], for [whom]\n- Next"), "{after}");
        // The inserted line holds only prompts, so the win stays vague until the author fills it in.
        fires(
            RULE,
            &after.replace("- Next\n", ""),
            &["Improved the build queue."],
        );
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
