//! `unknown-role`: a heading that is one or two edits from a section role.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::SectionKind;
use crate::analysis::names::near_miss_sorted;

pub const RULE: Rule = Rule {
    name: "unknown-role",
    summary: "a heading that is close to a section role (Wins, Feedback, Next steps…) but not one",
    default_severity: Severity::Warning,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a heading that is one or two edits away from a section role rung knows, such as
`## Acomplishments` or `## Feedbak`. Roles tell rung what the items under a heading are: wins,
actions, lessons, feedback.

## Why it matters
Items under a misspelt `Wins` heading are not read as wins, so rung cannot check that they show
measurable impact, and a growth plan's misspelt `Feedback` section does not count as a feedback
loop.

## Example
```markdown
## Acomplishments
- Cut p99 from 800 ms to 120 ms.
```

## Use instead
```markdown
## Accomplishments
- Cut p99 from 800 ms to 120 ms.
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for section in &cx.doc.sections {
        if section.kind != SectionKind::Free || section.date.is_some() {
            continue;
        }
        let Some((spelling, role)) = near_miss_sorted(&section.title, cx.ladder.role_spellings())
        else {
            continue;
        };
        let mut finding = Finding::new(
            section.title_span,
            format!(
                "`{}` is not a section rung knows: did you mean {}?",
                section.title,
                role.title()
            ),
        );
        if cx
            .text
            .get(section.title_span.start..section.title_span.end)
            == Some(&*section.title)
        {
            let replacement = capitalize(spelling);
            finding = finding.with_fix(Fix::replace(
                format!("Replace with `{replacement}`"),
                section.title_span,
                replacement,
            ));
        }
        out.push(finding);
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "unknown-role";

    #[test]
    fn fires_on_misspelt_roles() {
        let text = "---\nkind: brag\n---\n## Acomplishments\n- a\n## Nxt steps\n## Feedbak\n";
        fires(RULE, text, &["Acomplishments", "Nxt steps", "Feedbak"]);
        assert!(fixed(RULE, text).contains("## Accomplishments\n"));
    }

    #[test]
    fn quiet_on_roles_plurals_and_free_headings() {
        quiet(
            RULE,
            "---\nkind: retro\n---\n## Wins\n## Next steps\n## What went well?\n## Didn’t go well\n## Plans\n## Motivation\n## Usage\n## Goals for This Year\n",
        );
    }
}
