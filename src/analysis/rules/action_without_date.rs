//! `action-without-date`: a growth-plan action with no date or review point.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::dates::has_review_point;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::{DocKind, EntryRole};

pub const RULE: Rule = Rule {
    name: "action-without-date",
    summary: "a growth-plan action with no date or review point",
    default_severity: Severity::Warning,
    kinds: &[DocKind::GrowthPlan],
    has_fix: false,
    check,
    docs: "\
## What it does
Reads every action of a growth plan (items under a focus trait's section and under `Actions` /
`Next steps`) and flags those that name no date (`2026-09-30`, `Q3 2026`) and no review point
(`by end of Q3`, `review on 2026-05-01`, `every sprint`, `weekly with my manager`).

## Why it matters
An action without a date drifts. A date or a review point is what turns a plan into something
you and your manager can check.

## Example
```markdown
## Delegation
- Hand the release tooling to Priya.
```

## Use instead
```markdown
## Delegation
- Hand the release tooling to Priya by end of Q3; review in our 1:1 every two weeks.
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for entry in &cx.doc.entries {
        let is_action = matches!(entry.role, EntryRole::Action | EntryRole::Evidence(_));
        // Work already done (`- [x] Paired with Sam`, `Done: wrote the runbook`) is no action
        // waiting for a date.
        let done = entry.wording.looks_back;
        if !is_action || done || entry.is_placeholder || has_review_point(&entry.full_text()) {
            continue;
        }
        out.push(Finding::new(
            entry.text_span,
            "action has no date or review point: add when it will be done or checked, e.g. 'by 2026-09-30' or 'review monthly with my manager'",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "action-without-date";

    #[test]
    fn fires_on_undated_actions() {
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- Hand the release tooling to Priya.\n  - pair on the first release\n## Actions\n- Ask for more feedback\n",
            &[
                "Hand the release tooling to Priya.",
                "Ask for more feedback",
            ],
        );
    }

    #[test]
    fn done_items_under_a_focus_section_need_no_date() {
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- [x] Handed the release tooling to Priya\n- Done: paired with Sam on the first release\n- Hand the on-call rota to Sam\n",
            &["Hand the on-call rota to Sam"],
        );
    }

    #[test]
    fn a_month_or_weekday_that_names_a_thing_is_no_date() {
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n## Actions\n- Write up the August incident\n- Move the Mondays sync to the big room\n- Demo the tool in August\n- Pair on Fridays\n",
            &[
                "Write up the August incident",
                "Move the Mondays sync to the big room",
            ],
        );
    }

    #[test]
    fn quiet_on_dated_actions_and_other_kinds() {
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- Hand over the tooling.\n  - by end of Q3\n- Pair weekly with Sam\n## Summary\n- I want to grow.\n",
        );
        quiet(
            RULE,
            "---\nkind: promo\n---\n## Delegation\n- Handed over the tooling.\n",
        );
    }
}
