//! `duplicate-trait`: two sections for the same trait.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::{DocKind, Section};

pub const RULE: Rule = Rule {
    name: "duplicate-trait",
    summary: "two sections for the same trait",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo, DocKind::GrowthPlan],
    has_fix: false,
    check,
    docs: "\
## What it does
Flags the second (and later) section whose heading names a trait that an earlier section
already names, even when spelt differently (`## Mentorship` and `## Coaching`). The diagnostic
points at the first one too.

## Why it matters
Evidence split over two sections reads as two thin cases instead of one strong one, and a
reviewer may count the trait twice or miss half of it.

## Example
```markdown
## Mentorship
- Mentored two new hires; both led a feature within a quarter.

## Coaching
- Coached the on-call rotation.
```

## Use instead
```markdown
## Mentorship
- Mentored two new hires; both led a feature within a quarter.
- Coached the on-call rotation through its first quarter with no missed pages.
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The first section of each trait, by trait index, and the two messages for its later ones,
    // written once: a draft can hold the same heading a thousand times.
    let mut firsts: Vec<Option<(&Section, String, String)>> = vec![None; cx.ladder.traits.len()];
    for (_, section, trait_idx) in cx.doc.trait_sections() {
        let Some(slot) = firsts.get_mut(trait_idx) else {
            continue;
        };
        let Some((first, message, related)) = slot else {
            let name = &cx.ladder.traits[trait_idx].name;
            *slot = Some((
                section,
                format!("a second section for {name}: merge its evidence into the first one"),
                format!("first section for {name}"),
            ));
            continue;
        };
        out.push(
            Finding::new(section.title_span, message.clone())
                .with_related(first.title_span, related.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "duplicate-trait";

    #[test]
    fn fires_on_the_second_section_with_the_first_as_related() {
        let text =
            "---\nkind: promo\n---\n## Mentorship\n- a\n## Delivery\n- b\n## Coaching\n- c\n";
        fires(RULE, text, &["Coaching"]);
        let related = &diagnostics(RULE, text)[0].related[0];
        assert_eq!(&text[related.span.start..related.span.end], "Mentorship");
    }

    #[test]
    fn quiet_on_distinct_traits_and_brag_docs() {
        quiet(
            RULE,
            "---\nkind: promo\n---\n## Mentorship\n- a\n## Delivery\n- b\n",
        );
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Mentorship\n- a\n## Mentorship\n- b\n",
        );
    }
}
