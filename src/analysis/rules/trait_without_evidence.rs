//! `trait-without-evidence`: a trait heading with nothing under it.

use super::{Finding, Rule, line_end};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::DocKind;
use crate::analysis::front_matter::FmValue;

pub const RULE: Rule = Rule {
    name: "trait-without-evidence",
    summary: "a trait section with no evidence entry, and no tagged entry elsewhere",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo, DocKind::GrowthPlan],
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a heading that names a trait of the ladder (`## Ownership`) when the section holds no
evidence: no list item or paragraph beyond placeholders, and no entry anywhere in the doc, or
in another doc of its case (the brag doc in the same folder, or the docs a `[[case]]` of
`rung.toml` groups), that counts for the trait: tagged with it (`#ownership`), under a heading naming it among others
(“Ownership and delivery”), led in by it (`**Ownership:** …`), or whose wording infers it (the
trait's signals in the ladder data; see the outline or hover, which mark it as inferred). In a
growth plan, the traits in focus are checked by `focus-without-action` instead.
The message says what good evidence of the trait shows.

A section whose only entries are placeholders still to fill in (the skeleton `rung new` and the
quick fix write, `- TODO`) is left to `placeholder-text`, which points at the placeholder
itself; with that rule off, this one reports the section, without offering a second skeleton.

## Why it matters
A promotion committee reads a trait heading as a claim. A claim with nothing under it reads as
a gap, and an empty heading is easy to miss in a long draft.

## Example
```markdown
## Ownership

## Delivery
- Shipped the invoicing API two weeks early; 30 customers moved onto it in a month.
```

## Use instead
```markdown
## Ownership
- Owned the payments retry service from design to on-call; cut failed charges from 2.1% to 0.4%.
```
The quick fix inserts an entry skeleton to fill in.
",
};

/// An evidence entry to fill in: only placeholders, so it does not count as evidence itself.
pub fn evidence_skeleton(trait_id: &str) -> String {
    format!("- [What you did], [how much it changed: from X to Y], [how you did it] #{trait_id}")
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let focus: Option<Vec<&str>> =
        doc.front_matter
            .as_ref()
            .and_then(|fm| match &fm.get("focus")?.value {
                FmValue::List(items) => Some(items.iter().map(|(s, _)| s.as_str()).collect()),
                FmValue::Text(text) => Some(text.split(',').map(str::trim).collect()),
                FmValue::Other => None,
            });
    // Evidence anywhere in the case counts: the brag doc beside a promo doc.
    let evidenced = cx.evidenced_traits();
    // A section whose only entries are marked placeholders (`[What you did]`, `TODO`) is a
    // skeleton waiting to be filled in: `placeholder-text` already says so on the line itself,
    // and a second finding on the heading would say it twice (a fresh template would be all
    // warnings). With that rule off, this one speaks, without offering a second skeleton.
    let holds_skeleton = super::sections_holding_marked_placeholders(cx);
    let placeholders_speak = cx.rule_is_on("placeholder-text");
    // Once: it reads the whole text.
    let nl = cx.newline();
    for (idx, section, trait_idx) in doc.trait_sections() {
        let tr = &cx.ladder.traits[trait_idx];
        if doc.kind == DocKind::GrowthPlan {
            let in_focus = match &focus {
                Some(names) => names
                    .iter()
                    .any(|name| cx.ladder.trait_index(name) == Some(trait_idx)),
                None => true,
            };
            if in_focus {
                continue;
            }
        }
        if evidenced[trait_idx] || (holds_skeleton[idx] && placeholders_speak) {
            continue;
        }
        let message = format!(
            "no evidence for {}{}: add an entry under this heading, or tag one elsewhere with #{}",
            tr.name,
            what_to_show(tr),
            tr.id
        );
        let finding = Finding::new(section.title_span, message);
        out.push(if holds_skeleton[idx] {
            finding
        } else {
            let insert_at = line_end(cx.text, section.heading.start);
            finding.with_fix(Fix::insert(
                "Insert an evidence entry to fill in",
                insert_at,
                format!("{nl}{nl}{}", evidence_skeleton(&tr.id)),
            ))
        });
    }
}

/// What good evidence of a trait shows, from the catalogue, as a clause of a message
/// (" (show: a commitment you made, …)"); empty when the ladder says nothing.
pub(crate) fn what_to_show(tr: &crate::catalogue::Trait) -> String {
    let evidence = tr.evidence.trim().trim_end_matches('.');
    let mut chars = evidence.chars();
    match chars.next() {
        Some(first) => format!(" (show {}{})", first.to_lowercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "trait-without-evidence";
    const HEAD: &str = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n";

    #[test]
    fn fires_on_empty_sections_and_ones_holding_no_claim() {
        fires(
            RULE,
            &format!("{HEAD}## Ownership\n\n## Delivery\n- …\n"),
            &["Ownership", "Delivery"],
        );
        fires(
            RULE,
            &format!("{HEAD}## 🚀 Trait: Leadership\n\n### Notes\nTBD\n"),
            &["🚀 Trait: Leadership"],
        );
    }

    #[test]
    fn a_skeleton_to_fill_in_is_left_to_placeholder_text() {
        let text = format!("{HEAD}## Delivery\n- TODO\n- [add evidence]\n");
        quiet(RULE, &text);
        fires("placeholder-text", &text, &["TODO", "[add evidence]"]);
        // With `placeholder-text` off, this rule speaks, but offers no second skeleton.
        let off = format!("{text}<!-- rung-disable placeholder-text -->\n");
        fires(RULE, &off, &["Delivery"]);
        assert!(diagnostics(RULE, &off)[0].fix.is_none());
    }

    #[test]
    fn the_message_says_what_evidence_of_the_trait_shows() {
        let said = message(RULE, &format!("{HEAD}## Accountability\n"));
        assert_eq!(
            said,
            "no evidence for Accountability (show a commitment you made, how you tracked it in the open, and what you did when it slipped): add an entry under this heading, or tag one elsewhere with #accountability"
        );
    }

    #[test]
    fn the_fix_inserts_a_skeleton_and_is_not_offered_again() {
        let text = format!("{HEAD}## Ownership\n\n## Delivery\n- Shipped it.\n");
        let after = fixed(RULE, &text);
        assert!(after.contains("## Ownership\n\n- [What you did], [how much it changed: from X to Y], [how you did it] #ownership\n"), "{after}");
        // The skeleton is still no evidence, and `placeholder-text` says so on its line.
        quiet(RULE, &after);
        assert!(!diagnostics("placeholder-text", &after).is_empty());
    }

    #[test]
    fn quiet_when_there_is_evidence_anywhere() {
        quiet(
            RULE,
            &format!("{HEAD}## Ownership\n- Owned the retry service.\n"),
        );
        quiet(
            RULE,
            &format!("{HEAD}## Ownership\nI owned the retry service end to end.\n"),
        );
        quiet(
            RULE,
            &format!("{HEAD}## Ownership\n### Payments\n- Owned the retry service.\n"),
        );
        quiet(
            RULE,
            &format!("{HEAD}## Ownership\n\n## Wins\n- Owned the retry service #ownership\n"),
        );
        quiet(RULE, "---\nkind: brag\n---\n## Ownership\n");
        quiet(RULE, "---\nkind: growth-plan\n---\n## Delegation\n");
    }

    #[test]
    fn evidence_inferred_in_another_section_counts() {
        quiet(
            RULE,
            &format!(
                "{HEAD}## Mentorship\n\n## Wins\n- Coached two engineers until both ran on-call alone\n"
            ),
        );
        quiet(
            RULE,
            &format!("{HEAD}## Mentorship\n\n## Collaboration and mentorship\n- Ran the guild\n"),
        );
        // Wording that says nothing of the trait is no evidence for it.
        fires(
            RULE,
            &format!("{HEAD}## Mentorship\n\n## Wins\n- Fixed a typo in the README\n"),
            &["Mentorship"],
        );
    }
}
