//! `weak-verb`: a verb that hides the author's own part in a win.

use super::vague_win::is_judged;
use super::{Finding, Rule};
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::{Context, memo};
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    name: "weak-verb",
    summary: "a win that leans on a verb hiding the author's part (helped, worked on, contributed to…)",
    default_severity: Severity::Hint,
    kinds: &[DocKind::Promo, DocKind::Brag],
    has_fix: false,
    check,
    docs: "\
## What it does
Underlines the exact words in a win or evidence entry that hide what you did yourself:
*helped*, *worked on*, *was involved in*, *participated in*, *contributed to*, *assisted*,
*supported*, *tried to*, *was part of*.

## Why it matters
Reviewers read these verbs as \"someone else did it and I was nearby\". If you designed, built,
led or decided something, say that verb; if you really helped, say what your part was.

## Example
```markdown
- Helped reduce logging costs.
```

## Use instead
```markdown
- Moved cold logs to object storage, saving $210k a year.
```
",
};

static WEAK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:help(?:ed|ing|s)?|work(?:ed|ing)\s+on|(?:was|were|been|being|am|is|are)\s+involved\s+in|participat(?:ed|ing|e)\s+in|contribut(?:ed|ing|e)\s+to|assist(?:ed|ing|s)?|support(?:ed|ing)|tr(?:ied|ying)\s+to|(?:was|were)\s+(?:a\s+)?part\s+of)(?-u:\b)",
    )
    .expect("weak verb pattern compiles")
});

/// Byte ranges of the weak words in an entry's plain text.
fn weak_words(text: &str) -> Vec<std::ops::Range<usize>> {
    WEAK_VERB.find_iter(text).map(|m| m.range()).collect()
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut memo = cx.memo.map(|memo| memo.weak_words());
    for entry in &cx.doc.entries {
        if !is_judged(cx.doc, entry) {
            continue;
        }
        let found = memo::through(memo.as_deref_mut(), &entry.text, weak_words);
        for found in found {
            let Some(span) = entry.source_span(found.start, found.end) else {
                continue;
            };
            let words = &entry.text[found];
            out.push(Finding::new(
                span,
                format!("`{words}` hides your part: say what you did yourself (designed, built, led, decided) and what changed"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "weak-verb";

    #[test]
    fn underlines_exactly_the_weak_words() {
        fires(
            RULE,
            "---\nkind: brag\n---\n## Wins\n- Helped reduce logging costs and **worked on** the *migration*.\n- Was involved in hiring; supported 3 teams.\n",
            &["Helped", "worked on", "Was involved in", "supported"],
        );
    }

    #[test]
    fn quiet_on_strong_verbs_and_outside_wins() {
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Wins\n- Led the migration; cut costs by 30%.\n- Built a helpdesk bot.\n## Usage\n- This helped me remember my work\n",
        );
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- Helped Priya take over by Q3\n",
        );
    }
}
