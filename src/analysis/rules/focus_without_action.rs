//! `focus-without-action`: a growth-plan focus area with no concrete action.

use super::{Finding, Rule, focus_areas, line_end};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::{DocKind, Entry, EntryRole};
use crate::analysis::words::lexicon::{FOCUS_COMMON_WORDS, FOCUS_SUFFIXES};

pub const RULE: Rule = Rule {
    name: "focus-without-action",
    summary: "a growth-plan focus area with no concrete action",
    default_severity: Severity::Warning,
    kinds: &[DocKind::GrowthPlan],
    has_fix: true,
    check,
    docs: "\
## What it does
For each trait in focus (the `focus:` list, or the plan's trait sections), looks for an action:
a list item under the trait's own section, or an item under `Actions` / `Next steps` that tags
the trait (`#delegation`), names it, shares a word with the focus area as written (\"Delegate
the reindex tooling\" for `delegation`), or is about the trait by its wording (the trait's
signals in the ladder: \"Hand the on-call rota to Sam\" for delegation). Flags the focus area
when there is none.

## Why it matters
\"Get better at delegation\" is a wish. A plan helps when each focus area has something you will
do, so that you and your manager can tell whether it happened.

## Example
```markdown
---
kind: growth-plan
focus: [delegation]
---
## Delegation
I want to delegate more.
```

## Use instead
```markdown
## Delegation
- Hand the release tooling to Priya with weekly check-ins, by 2026-09-30.
```
",
};

pub fn action_skeleton() -> &'static str {
    "- [What you will do], [with whom], by [date]"
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let nl = cx.newline();
    let areas = focus_areas(cx);
    if areas.is_empty() {
        return;
    }
    // Worked out once for every area: which sections hold an entry, and each action's text.
    let holding = doc.sections_holding_entries();
    let skeletons = super::sections_holding_marked_placeholders(cx);
    let placeholders_speak = cx.rule_is_on("placeholder-text");
    let index = cx.ladder.signal_index();
    let mut scratch = crate::analysis::infer::Scratch::default();
    let actions: Vec<(&Entry, std::borrow::Cow<str>, Vec<usize>)> = doc
        .entries
        .iter()
        .filter(|e| e.role == EntryRole::Action && !e.is_placeholder)
        .map(|e| {
            let inferred =
                crate::analysis::infer::infer_entry(index, &e.text, &e.detail, &mut scratch);
            (e, e.full_text(), inferred)
        })
        .collect();
    for area in areas {
        let Some(trait_idx) = area.trait_idx else {
            continue;
        };
        let tr = &cx.ladder.traits[trait_idx];
        let in_section = area.section.is_some_and(|idx| holding[idx]);
        let area_stems = stems(&area.name);
        let in_actions = actions.iter().any(|(e, text, inferred)| {
            e.tags
                .iter()
                .any(|t| doc.tags[t].trait_idx == Some(trait_idx))
                || mentions(text, &tr.name)
                || mentions(text, &tr.id)
                || inferred.contains(&trait_idx)
                || stems(text).iter().any(|stem| area_stems.contains(stem))
        });
        if in_section || in_actions {
            continue;
        }
        // An action skeleton still to fill in (`[What you will do]`): `placeholder-text` says
        // so on its line, and a fix that added a second skeleton would be offered forever.
        let holds_skeleton = area.section.is_some_and(|idx| skeletons[idx]);
        if holds_skeleton && placeholders_speak {
            continue;
        }
        let fix = match area.section {
            Some(_) if holds_skeleton => None,
            Some(idx) => Some(Fix::insert(
                "Insert an action to fill in",
                line_end(cx.text, doc.sections[idx].heading.start),
                format!("{nl}{nl}{}", action_skeleton()),
            )),
            None => {
                let lead = if cx.text.ends_with('\n') {
                    nl.to_string()
                } else {
                    format!("{nl}{nl}")
                };
                Some(Fix::insert(
                    format!(
                        "Add {} {} section with an action",
                        super::missing_expected_trait::indefinite_article(&tr.name),
                        tr.name
                    ),
                    cx.text.len(),
                    format!("{lead}## {}{nl}{nl}{}{nl}", tr.name, action_skeleton()),
                ))
            }
        };
        let finding = Finding::new(
            area.span,
            format!(
                "no action for {}: add a list item saying what you will do and by when",
                tr.name
            ),
        );
        out.push(match fix {
            Some(fix) => finding.with_fix(fix),
            None => finding,
        });
    }
}

/// The stems of the content words of `text` (`lexicon/focus-common-words.txt` left out): the
/// word less one ending of `lexicon/focus-suffixes.txt`, so "delegation" and "Delegate the
/// reindex tooling" share `delegat` while "community" and "communication" share nothing (a
/// five-letter prefix matched them).
fn stems(text: &str) -> Vec<String> {
    crate::catalogue::normalize_name(text)
        .split(' ')
        .filter(|word| word.len() >= 4 && !FOCUS_COMMON_WORDS.contains(word))
        .map(|word| stem(word).to_string())
        .collect()
}

/// `word` without its first ending of `lexicon/focus-suffixes.txt` that leaves four letters
/// ("hire" and "hiring" stay apart: "Pair with the new hire" is no hiring).
fn stem(word: &str) -> &str {
    FOCUS_SUFFIXES
        .phrases()
        .iter()
        .find_map(|ending| {
            word.strip_suffix(ending)
                .filter(|rest| rest.chars().count() >= 4)
        })
        .unwrap_or(word)
}

fn mentions(text: &str, name: &str) -> bool {
    let text = crate::catalogue::normalize_name(text);
    let name = crate::catalogue::normalize_name(name);
    text.split(' ')
        .collect::<Vec<_>>()
        .windows(name.split(' ').count())
        .any(|w| w.join(" ") == name)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "focus-without-action";

    #[test]
    fn fires_on_focus_areas_without_actions() {
        let text = "---\nkind: growth-plan\nfocus: [delegation, hiring]\n---\n## Delegation\nI want to delegate more.\n## Actions\n- Run 3 interviews a month, by March 2026\n";
        fires(RULE, text, &["delegation", "hiring"]);
        assert!(
            fixed(RULE, text)
                .contains("## Delegation\n\n- [What you will do], [with whom], by [date]\nI want")
        );
    }

    #[test]
    fn quiet_when_each_area_has_an_action() {
        quiet(
            RULE,
            "---\nkind: growth-plan\nfocus: [delegation, hiring]\n---\n## Delegation\n- Hand over the release tooling by June 2026\n## Next steps\n- Join the hiring loop #hiring\n",
        );
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Actions\n- Improve delegation by pairing weekly\n## Delegation\n",
        );
        // A quality and its adjective share a stem ("accountability" / "accountable").
        quiet(
            RULE,
            "---\nkind: growth-plan\nfocus: [accountability, reliability]\n---\n## Actions\n- Be accountable for the payments SLO from Q3\n- Make the nightly export reliable by June 2026\n",
        );
    }
}
