//! `lesson-without-action`: a retro's "didn't go well" item with no change for next time.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::{DocKind, EntryRole};
use std::collections::HashSet;

pub const RULE: Rule = Rule {
    name: "lesson-without-action",
    summary: "a \"didn't go well\" item with no matching change for next time",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Retro],
    has_fix: false,
    check,
    docs: "\
## What it does
Pairs each item under \"Didn't go well\" with the items under \"Do differently\". An item is
matched when a change shares a content word with it (stems compared, so `deploys` matches
`deploying`), or links to or tags the same thing. Flags the lessons nothing answers.

## Why it matters
A retro earns its hour when each problem gets a change. A lesson with no change is a complaint
that will be written again next quarter.

## Example
```markdown
## Didn't go well
- Deploys broke twice on Fridays.
## Do differently
- Write the design doc earlier.
```

## Use instead
```markdown
## Do differently
- Freeze deploys after Thursday noon; on-call reviews the rule after a month.
```
",
};

const STOP_WORDS: [&str; 40] = [
    "the", "and", "for", "with", "that", "this", "was", "were", "are", "our", "we", "too", "not",
    "didn", "did", "had", "have", "has", "from", "into", "when", "then", "than", "more", "less",
    "very", "some", "any", "all", "out", "about", "again", "next", "time", "went", "well", "got",
    "get", "they", "them",
];

/// Content-word stems: lower-case words of four letters or more, cut to five letters.
fn stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let changes: Vec<_> = doc
        .entries
        .iter()
        .filter(|e| e.role == EntryRole::Change && !e.is_placeholder)
        .collect();
    let change_stems: Vec<HashSet<String>> =
        changes.iter().map(|e| stems(&e.full_text())).collect();
    for lesson in doc
        .entries
        .iter()
        .filter(|e| e.role == EntryRole::Lesson && !e.is_placeholder)
    {
        let lesson_stems = stems(&lesson.full_text());
        let lesson_tags: HashSet<&str> = lesson.tags.iter().map(|t| &*doc.tags[t].name).collect();
        let answered = changes.iter().zip(&change_stems).any(|(change, stems)| {
            !stems.is_disjoint(&lesson_stems)
                || change
                    .tags
                    .iter()
                    .any(|t| lesson_tags.contains(&*doc.tags[t].name))
        });
        if !answered {
            out.push(Finding::new(
                lesson.text_span,
                "no change answers this: add an item under \"Do differently\" that says what you will change",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "lesson-without-action";

    #[test]
    fn fires_on_unanswered_lessons() {
        let text = "---\nkind: retro\n---\n## Didn't go well\n- Deploys broke twice on Fridays.\n- Design started late.\n## Do differently\n- Write the design doc earlier.\n";
        fires(RULE, text, &["Deploys broke twice on Fridays."]);
        fires(
            RULE,
            "---\nkind: retro\n---\n## What went wrong\n- Scope crept.\n",
            &["Scope crept."],
        );
    }

    #[test]
    fn quiet_when_every_lesson_has_a_change() {
        quiet(
            RULE,
            "---\nkind: retro\n---\n## Didn't go well\n- Deploys broke twice on Fridays.\n## Do differently\n- Stop deploying after Thursday noon.\n",
        );
        quiet(
            RULE,
            "---\nkind: retro\n---\n## Didn't go well\n- On-call was noisy #alerts\n## Next time\n- Tune thresholds #alerts\n",
        );
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Didn't go well\n- Deploys broke.\n",
        );
    }
}
