//! `lesson-without-action`: a retro's "didn't go well" item with no change for next time.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::{DocKind, EntryRole};
use crate::analysis::words::lexicon;
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
Matches each lesson (an item under \"Didn't go well\", \"Challenges\", \"What could have gone
better\", \"Lacked\"…) against every change and action item of the retro (\"Do differently\",
\"How can we improve\", \"Start\", \"Stop\", \"Action items\", rows of an action-item table),
wherever they are: a lesson is answered when one shares two content words with it, or one word
of the lesson's head phrase that no other item has (stems compared, so `deploys` matches
`deploying`; words that most items share, like `release` in a release retro, do not count), or
tags the same thing, or when the lesson carries its own action in its detail (a
`[Action Item]` line, \"we should…\", \"let's…\"). Flags the lessons nothing answers.

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

/// Content-word stems: lower-case words of four letters or more that are not in
/// `lexicon/retro-stop-words.txt`, cut to five letters.
fn stems(text: &str) -> HashSet<String> {
    ordered_stems(text).collect()
}

/// Prepositions that end a lesson's head phrase once a content word has come.
const HEAD_PHRASE_ENDS: [&str; 16] = [
    "for", "on", "in", "at", "with", "from", "during", "after", "before", "because", "when",
    "since", "by", "of", "to", "about",
];

/// The words of `text` up to the first preposition that follows a word of four letters or
/// more ("The on-call handoff lost two alerts" whole; "A staging backend" of "A staging backend
/// on the current API version").
fn head_phrase(text: &str) -> &str {
    let mut seen_content = false;
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            continue;
        }
        let word = &text[start..i];
        if seen_content
            && HEAD_PHRASE_ENDS
                .iter()
                .any(|end| word.eq_ignore_ascii_case(end))
        {
            return &text[..start];
        }
        seen_content |= word.chars().count() >= 4;
        start = i + c.len_utf8();
    }
    text
}

/// The content-word stems of `text` in the order they come.
fn ordered_stems(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 4 && !lexicon::RETRO_STOP_WORDS.contains(w))
        .map(|w| w.chars().take(5).collect())
}

/// Openings of a line in a lesson's detail that carry the action for it: an action-item
/// marker, or a proposal ("we should…", "let's…").
const ACTION_OPENINGS: [&str; 9] = [
    "[action item]",
    "action item",
    "[action]",
    "action:",
    "let's",
    "lets ",
    "we should",
    "we could",
    "we need",
];

/// True when a line of the lesson's nested detail is an action for it.
fn carries_its_action(detail: &str) -> bool {
    detail.lines().any(|line| {
        let line = line.trim().to_lowercase().replace('’', "'");
        let line = line.trim_start_matches(['*', '_', '-', ' ']);
        ACTION_OPENINGS
            .iter()
            .any(|opening| line.starts_with(opening))
    })
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let is_change = |role: EntryRole| matches!(role, EntryRole::Change | EntryRole::Action);
    let changes: Vec<_> = doc
        .entries
        .iter()
        .filter(|e| is_change(e.role) && !e.is_placeholder)
        .collect();
    let lessons: Vec<_> = doc
        .entries
        .iter()
        .filter(|e| e.role == EntryRole::Lesson && !e.is_placeholder)
        .collect();
    let change_stems: Vec<HashSet<String>> =
        changes.iter().map(|e| stems(&e.full_text())).collect();
    let lesson_stems: Vec<HashSet<String>> =
        lessons.iter().map(|e| stems(&e.full_text())).collect();
    // Words that most items share (the retro's subject) match everything and so answer nothing.
    let n_items = changes.len() + lessons.len();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for stem in change_stems.iter().chain(&lesson_stems).flatten() {
        *counts.entry(stem.as_str()).or_default() += 1;
    }
    let is_generic =
        |stem: &str| n_items >= 6 && counts.get(stem).is_some_and(|&n| n * 2 > n_items);
    // A lesson's subject: the content words of its head phrase, up to the first preposition
    // after one of them ("Customers saw stale prices | for an hour", "A staging backend | on
    // the current API version"), at most four, and at least its first two; words that most
    // items share are left out.
    let subject = |text: &str| -> Vec<String> {
        let head = head_phrase(text);
        let mut words: Vec<String> = ordered_stems(head)
            .filter(|stem| !is_generic(stem))
            .take(4)
            .collect();
        if words.len() < 2 {
            words = ordered_stems(text)
                .filter(|stem| !is_generic(stem))
                .take(2)
                .collect();
        }
        words
    };
    for (lesson, own_stems) in lessons.iter().zip(&lesson_stems) {
        let lesson_tags: HashSet<&str> = lesson.tags.iter().map(|t| &*doc.tags[t].name).collect();
        let lesson_subject = subject(&lesson.text);
        let answers = |stems: &HashSet<String>| {
            let shared: Vec<&String> = stems
                .intersection(own_stems)
                .filter(|stem| !is_generic(stem))
                .collect();
            // Two words in common, or one of the lesson's head phrase that is found in no
            // other item ("Deploys broke twice" / "Stop deploying after Thursday", "stale
            // prices" / "a cache TTL alert on prices"); one word shared elsewhere ("the current
            // API version", "Android" in most items) is a coincidence.
            shared.len() >= 2
                || shared.iter().any(|stem| {
                    lesson_subject.contains(stem) && counts.get(stem.as_str()) == Some(&2)
                })
        };
        let answered = carries_its_action(&lesson.detail)
            || changes.iter().zip(&change_stems).any(|(change, stems)| {
                answers(stems)
                    || change
                        .tags
                        .iter()
                        .any(|t| lesson_tags.contains(&*doc.tags[t].name))
            });
        if !answered {
            out.push(Finding::new(
                lesson.text_span,
                "no change or action item answers this: add one under \"Do differently\" or \"Action items\" that says what you will change",
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
    fn an_action_on_the_thing_a_lesson_names_answers_it() {
        // One shared word that is the lesson's own thing ("prices", "alerts") and in no other
        // item answers it; a word after the head phrase ("on the current API version") does not.
        quiet(
            RULE,
            "---\nkind: retro\n---\n## What went wrong\n- Customers saw stale prices for an hour.\n## Action items\n- Add a cache TTL alert on prices (Sam).\n",
        );
        quiet(
            RULE,
            "---\nkind: retro\n---\n## Didn't go well\n- The on-call handoff lost two alerts.\n## Actions\n- Sam to fix the alert routing by 2026-12-10.\n",
        );
        fires(
            RULE,
            "---\nkind: retro\n---\n## Lacked\n- A staging backend on the current API version\n## Action items\n- Pin the Xcode minor version on CI\n",
            &["A staging backend on the current API version"],
        );
    }

    #[test]
    fn lessons_match_action_items_anywhere_and_in_their_own_detail() {
        // A retro of challenges and an action-item table with owners.
        let text = "---\nkind: retro\n---\n## Challenges\n- The changelog was written by hand at the last minute.\n- Nobody knew who owned the staging database.\n## Action items\n| Status | Action | Owner |\n| --- | --- | --- |\n| Open | Generate the changelog from merged PR titles | Ana |\n";
        fires(RULE, text, &["Nobody knew who owned the staging database."]);
        // Start / stop / continue, and an action carried in the lesson's own detail.
        quiet(
            RULE,
            "---\nkind: retro\n---\n## What was frustrating?\n- Flaky screenshots in CI\n- Standups ran long\n  - **[Action Item]** timebox standups to 15 minutes\n## Start\n- Quarantining flaky screenshots tests\n",
        );
    }

    #[test]
    fn stop_items_are_changes_that_answer_lessons_not_lessons() {
        // Start / stop / continue: the things to stop are decisions, never flagged themselves.
        quiet(
            RULE,
            "---\nkind: retro\n---\n## Start\n- Pairing on release day\n## Stop\n- Merging without a green build\n- Scheduling demos on Fridays\n## Continue\n- Weekly bug triage\n",
        );
        // A thing to stop answers the lesson it speaks to, and only that one.
        let text = "---\nkind: retro\n---\n## What was frustrating?\n- Late merges broke the staging build twice\n- The design review had no agenda\n## Stop doing\n- Merging late in the week\n";
        fires(RULE, text, &["The design review had no agenda"]);
    }

    #[test]
    fn words_every_item_shares_answer_nothing() {
        let text = "---\nkind: retro\n---\n## Didn't go well\n- The release notes were late for the release.\n- The release branch was cut from a red build.\n- Release signing keys expired.\n## Do differently\n- Draft release notes a week before the release.\n- Release from green builds only.\n- Release captains rotate weekly.\n";
        fires(RULE, text, &["Release signing keys expired."]);
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
