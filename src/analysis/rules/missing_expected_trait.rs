//! `missing-expected-trait`: the target level expects a trait the doc never evidences.

use super::trait_without_evidence::evidence_skeleton;
use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::DocKind;

pub const RULE: Rule = Rule {
    name: "missing-expected-trait",
    summary: "the target level expects a trait that no section or tag evidences",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo],
    has_fix: true,
    check,
    docs: "\
## What it does
Reads the `target:` level of a promo doc and checks that each trait the level expects is
evidenced: by a section for the trait with an entry in it, or by an entry tagged `#trait`
anywhere. One diagnostic per missing trait, on the `target:` value.

## Why it matters
A promotion committee reads a case against the target level's expectations. A trait the level
expects but the doc never shows is the first question they will ask.

## Example
```markdown
---
level: E5
target: E6
---
## Ownership
- Owned the payments retry service; failed charges fell from 2.1% to 0.4%.
```
(E6 also expects accountability, leadership, direction, scope, coordination and bar-raising.)

## Use instead
Add a section for each expected trait with real evidence, or tag existing entries:
```markdown
- Coordinated five teams through the region migration; no launch date moved. #coordination
```
The quick fix appends a section with an entry skeleton to fill in.
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some((level, span)) = super::target_level(cx) else {
        return;
    };
    let nl = cx.newline();
    let ends_with_newline = cx.text.ends_with('\n');
    let evidenced = cx.doc.evidenced_traits(&cx.ladder.traits);
    for trait_id in &level.traits {
        let Some(trait_idx) = cx.ladder.traits.iter().position(|t| &t.id == trait_id) else {
            continue;
        };
        let tr = &cx.ladder.traits[trait_idx];
        if evidenced[trait_idx] {
            continue;
        }
        let lead = if ends_with_newline {
            nl.to_string()
        } else {
            format!("{nl}{nl}")
        };
        let section = format!(
            "{lead}## {}{nl}{nl}{}{nl}",
            tr.name,
            evidence_skeleton(&tr.id)
        );
        out.push(
            Finding::new(
                span,
                format!(
                    "{} expects evidence of {}: add a `## {}` section or tag an entry with #{}",
                    level.id, tr.name, tr.name, tr.id
                ),
            )
            .with_fix(Fix::insert(
                format!("Add a {} section", tr.name),
                cx.text.len(),
                section,
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "missing-expected-trait";

    #[test]
    fn fires_once_per_missing_trait_on_the_target() {
        let text = "---\nkind: promo\nlevel: E4\ntarget: E5\n---\n## Ownership\n- Owned the retry service.\n## Wins\n- Shipped X #delivery\n## Mentoring\n- Mentored two hires.\n";
        let found = diagnostics(RULE, text);
        let messages: Vec<&str> = found.iter().map(|d| &*d.message).collect();
        assert_eq!(
            messages,
            [
                "E5 expects evidence of Handling ambiguity: add a `## Handling ambiguity` section or tag an entry with #ambiguity",
                "E5 expects evidence of Craft: add a `## Craft` section or tag an entry with #craft",
                "E5 expects evidence of Collaboration: add a `## Collaboration` section or tag an entry with #collaboration",
                "E5 expects evidence of Communication: add a `## Communication` section or tag an entry with #communication",
            ]
        );
        assert!(
            found
                .iter()
                .all(|d| &text[d.span.start..d.span.end] == "E5")
        );
    }

    #[test]
    fn the_fix_appends_a_section() {
        let text = "---\nkind: promo\ntarget: E3\n---\n## Delivery\n- Shipped it\n## Craft\n- Built it well\n## Teamwork\n- Covered releases\n";
        let after = fixed(RULE, text);
        assert!(after.ends_with("- Covered releases\n\n## Self-improvement\n\n- [What you did], [how much it changed: from X to Y], [how you did it] #self-improvement\n"), "{after}");
    }

    #[test]
    fn quiet_without_a_target_or_when_all_are_evidenced() {
        quiet(RULE, "---\nkind: promo\n---\n# Promo\n");
        quiet(
            RULE,
            "---\nkind: promo\ntarget: E3\n---\n- Shipped #delivery\n- Built #craft\n- Covered #teamwork\n- Learned #self-improvement\n",
        );
    }
}
