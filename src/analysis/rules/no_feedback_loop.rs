//! `no-feedback-loop`: a growth plan that never says whose feedback it will seek, or when.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::{DocKind, SectionKind};
use crate::analysis::text::Span;
use crate::catalogue::Role;
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    name: "no-feedback-loop",
    summary: "a growth plan that never says whose feedback will be sought, or when",
    default_severity: Severity::Warning,
    kinds: &[DocKind::GrowthPlan],
    has_fix: true,
    check,
    docs: "\
## What it does
Looks for a feedback loop in a growth plan: a `Feedback` section with something in it, notes of
one-on-ones (`## 1:1 notes`, `## Notes from my last 1:1`, with what the manager said), or an
item that asks someone (a manager, mentor, peer, skip-level, the team) for feedback or sets a
time for it (`in our 1:1s`, `every sprint`, `monthly 1:1`). Flags the plan's `kind:` (or its first heading)
when there is none.

## Why it matters
You cannot judge your own growth from the inside. A plan that says who will tell you how it is
going, and when, is one you can correct before the review.

## Example
```markdown
## Delegation
- Hand the release tooling to Priya by end of Q3.
```

## Use instead
```markdown
## Feedback
- Ask my manager and Priya every month in our 1:1s how the hand-over is going.
```
",
};

static FEEDBACK_LOOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)feedback(?-u:\b).*(?-u:\b)(?:from|with|by|manager|mentor|peers?|skip|lead|team|colleagues?|reports?|1:1s?|one[- ]on[- ]ones?|review|every|each|weekly|monthly|quarterly|after)(?-u:\b)|(?-u:\b)(?:ask|asking|seek|seeking|request|get|gather)(?-u:\b).*(?-u:\b)(?:feedback|input|thoughts)(?-u:\b)|(?-u:\b)(?:360|upward)\s+(?:review|feedback)(?-u:\b)|(?-u:\b)(?:weekly|biweekly|fortnightly|monthly|quarterly|every\s+\w+|each\s+\w+)\s+(?:1:1|1-1|one[- ]on[- ]one)s?")
        .expect("feedback pattern compiles")
});

/// Meetings with a manager or mentor where feedback is given: a heading that names them
/// ("Notes from my last 1:1", "1:1s with Rosa") holds the plan's feedback loop.
static ONE_ON_ONE: LazyLock<Regex> = LazyLock::new(|| {
    // Not a date or a number that contains one ("Sprint 2026-1-1 notes", "v1.1-1"): the `1:1`
    // stands as a word, with no digit, dash, colon, slash or dot against it.
    Regex::new(
        r"(?i)(?:^|[^\w:/.-])(?:1:1|1-1|1on1)s?(?:$|[^\w:/.-])|(?-u:\b)one[- ]on[- ]ones?(?-u:\b)",
    )
    .expect("one-on-one pattern compiles")
});

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let mut holding: Option<Vec<bool>> = None;
    // A feedback section, or notes of one-on-ones with feedback in them (`## 1:1 notes` with
    // the manager's words under dated headings).
    let has_section = doc.sections.iter().enumerate().any(|(idx, s)| {
        let is_feedback =
            s.kind == SectionKind::Role(Role::Feedback) || ONE_ON_ONE.is_match(&s.title);
        is_feedback
            && (s.n_prose_blocks > 0
                || holding.get_or_insert_with(|| doc.sections_holding_entries())[idx])
    });
    let has_item = doc
        .entries
        .iter()
        .any(|e| !e.is_placeholder && FEEDBACK_LOOP.is_match(&e.full_text()));
    if has_section || has_item {
        return;
    }
    let span = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.text("kind"))
        .map(|(_, span)| span)
        .or_else(|| doc.sections.first().map(|s| s.title_span))
        .unwrap_or(Span::new(0, 0));
    let nl = cx.newline();
    let lead = if cx.text.ends_with('\n') || cx.text.is_empty() {
        nl.to_string()
    } else {
        format!("{nl}{nl}")
    };
    out.push(
        Finding::new(span, "no feedback loop: say whose feedback you will ask for and when, e.g. 'ask my manager monthly in our 1:1s'")
            .with_fix(Fix::insert(
                "Add a Feedback section",
                cx.text.len(),
                format!("{lead}## Feedback{nl}{nl}- Ask [whom] for feedback on [what], [when: e.g. monthly in our 1:1s]{nl}"),
            )),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "no-feedback-loop";

    #[test]
    fn fires_without_any_feedback_loop() {
        let text =
            "---\nkind: growth-plan\n---\n# Plan\n## Delegation\n- Hand over tooling by Q3 2026\n";
        fires(RULE, text, &["growth-plan"]);
        assert!(fixed(RULE, text).ends_with("\n## Feedback\n\n- Ask [whom] for feedback on [what], [when: e.g. monthly in our 1:1s]\n"));
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n# Plan\n## Feedback\n- TODO\n",
            &["growth-plan"],
        );
    }

    #[test]
    fn a_date_that_holds_1_1_is_no_one_on_one() {
        fires(
            RULE,
            "---\nkind: growth-plan\n---\n## Sprint 2026-1-1 notes\n- Shipped the importer\n",
            &["growth-plan"],
        );
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Notes from my 1:1s\n- Rosa: write shorter RFCs\n",
        );
    }

    #[test]
    fn quiet_with_a_feedback_section_or_item() {
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Feedback\nMonthly with my manager.\n",
        );
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- Ask Priya for feedback after each hand-over\n",
        );
        quiet(RULE, "---\nkind: retro\n---\n# Retro\n");
    }
}
