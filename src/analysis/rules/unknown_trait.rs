//! `unknown-trait`: a heading or tag that is one or two edits from a trait name.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::SectionKind;
use crate::analysis::names::near_miss_sorted;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;

pub const RULE: Rule = Rule {
    name: "unknown-trait",
    summary: "a heading or `#tag` that is close to a trait name but not one",
    default_severity: Severity::Warning,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a heading or an inline `#tag` that is one or two edits away from a trait of the ladder
(its id, name or an alias), such as `## Ownrship` or `#mentorhsip`. Headings and tags that are
not close to any trait are free text and stay quiet.

## Why it matters
A misspelt trait heading is not read as a trait section, so its evidence counts for nothing and
rung may report the trait as missing.

## Example
```markdown
## Ownrship
- Owned the retry service. #acountability
```

## Use instead
```markdown
## Ownership
- Owned the retry service. #accountability
```
",
};

/// The trait a heading or tag most likely meant, when it is a near miss of one.
pub(crate) fn trait_near_miss<'l>(
    ladder: &'l Ladder,
    written: &str,
) -> Option<&'l crate::catalogue::Trait> {
    near_miss_sorted(written, ladder.trait_spellings()).map(|(_, idx)| &ladder.traits[idx])
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for section in &cx.doc.sections {
        // A heading one typo from a role (`## Feedbak`) is `unknown-role`'s to report, even
        // when it is near a trait too.
        if section.kind != SectionKind::Free
            || section.date.is_some()
            || near_miss_sorted(&section.title, cx.ladder.role_spellings()).is_some()
        {
            continue;
        }
        if let Some(tr) = trait_near_miss(cx.ladder, &section.title) {
            // Renaming the heading onto a trait that has a section already would make two
            // sections for it (`duplicate-trait`): say so, and leave the merge to the author.
            let has_section = cx
                .doc
                .trait_sections()
                .any(|(_, _, idx)| cx.ladder.traits[idx].id == tr.id);
            if has_section {
                out.push(Finding::new(
                    section.title_span,
                    format!(
                        "`{}` is not a trait of the {} ladder: did you mean {}? This doc has {} {} section already: merge this one into it",
                        section.title,
                        cx.ladder.id,
                        tr.name,
                        super::missing_expected_trait::indefinite_article(&tr.name),
                        tr.name
                    ),
                ));
                continue;
            }
            out.push(replace_finding(
                cx,
                section.title_span,
                &section.title,
                &tr.name,
                &tr.name,
            ));
        }
    }
    for tag in &cx.doc.tags {
        if tag.trait_idx.is_some() {
            continue;
        }
        if let Some(tr) = trait_near_miss(cx.ladder, &tag.name) {
            out.push(replace_finding(
                cx,
                tag.span,
                &format!("#{}", tag.name),
                &tr.name,
                &format!("#{}", tr.id),
            ));
        }
    }
}

fn replace_finding(
    cx: &Context,
    span: Span,
    written: &str,
    trait_name: &str,
    replacement: &str,
) -> Finding {
    let finding = Finding::new(
        span,
        format!(
            "`{written}` is not a trait of the {} ladder: did you mean {trait_name}?",
            cx.ladder.id
        ),
    );
    // Only offer the edit when the span holds exactly what was written (no inline markup).
    if cx.text.get(span.start..span.end) == Some(written) {
        finding.with_fix(Fix::replace(
            format!("Replace with `{replacement}`"),
            span,
            replacement.to_string(),
        ))
    } else {
        finding
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "unknown-trait";

    #[test]
    fn fires_on_misspelt_headings_and_tags() {
        let text =
            "---\nkind: promo\n---\n## Ownrship\n- Owned it. #acountability and #kubernetes\n";
        fires(RULE, text, &["Ownrship", "#acountability"]);
        // A typo of a role is reported as one, not as a trait.
        quiet(RULE, "---\nkind: brag\n---\n## Feedbak\n- a\n");
        assert_eq!(
            fixed(RULE, text),
            "---\nkind: promo\n---\n## Ownership\n- Owned it. #acountability and #kubernetes\n"
        );
        assert_eq!(
            message(RULE, "---\nkind: brag\n---\n- a #mentorhsip\n"),
            "`#mentorhsip` is not a trait of the bigtech ladder: did you mean Mentorship?"
        );
    }

    #[test]
    fn no_rename_onto_a_trait_that_has_a_section_already() {
        let text =
            "---\nkind: promo\n---\n## Ownership\n- Owned it.\n## Ownrship\n- Ran on-call.\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].fix.is_none(),
            "the rename would make a second Ownership section"
        );
        assert!(
            found[0]
                .message
                .ends_with("This doc has an Ownership section already: merge this one into it"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn quiet_on_traits_free_headings_and_plurals() {
        quiet(
            RULE,
            "---\nkind: promo\n---\n## Ownership\n## Draft notes\n## Learnings\n## 2026-03\n## Context\n- #ownership #bar-raising C# `#ownrship`\n",
        );
    }
}
