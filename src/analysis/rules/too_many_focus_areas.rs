//! `too-many-focus-areas`: a growth plan working on more than three traits at once.

use super::{Finding, Rule, focus_areas};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;

pub const RULE: Rule = Rule {
    name: "too-many-focus-areas",
    summary: "more than three traits in focus at once",
    default_severity: Severity::Warning,
    kinds: &[DocKind::GrowthPlan],
    has_fix: false,
    check,
    docs: "\
## What it does
Counts the traits a growth plan is working on: the `focus:` list, or without it the plan's
trait sections. Flags the fourth and every later one.

## Why it matters
Growth takes deliberate practice. A plan with five focus areas gets a little attention for each
and real progress on none; managers and mentors advise two or three at a time.

## Example
```markdown
---
kind: growth-plan
focus: [delegation, mentorship, hiring, vision, communication]
---
```

## Use instead
```markdown
---
kind: growth-plan
focus: [delegation, mentorship]
---
```
Keep the rest for the next plan.
",
};

const MAX_FOCUS: usize = 3;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let areas = focus_areas(cx);
    if areas.len() <= MAX_FOCUS {
        return;
    }
    for area in &areas[MAX_FOCUS..] {
        out.push(Finding::new(
            area.span,
            format!("{} traits in focus at once: keep at most {MAX_FOCUS} and move `{}` to a later plan", areas.len(), area.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "too-many-focus-areas";

    #[test]
    fn fires_past_the_third_focus_area() {
        fires(
            RULE,
            "---\nkind: growth-plan\nfocus: [delegation, mentorship, hiring, vision]\n---\n",
            &["vision"],
        );
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n## Hiring\n## Vision\n## Feedback\n## Grit\n",
            &["Grit"],
        );
    }

    #[test]
    fn quiet_with_three_or_fewer() {
        quiet(
            RULE,
            "---\nkind: growth-plan\nfocus: [delegation, mentorship, hiring]\n---\n## Vision\n## Grit\n",
        );
        quiet(RULE, "---\nkind: promo\nfocus: [a, b, c, d, e]\n---\n");
    }
}
