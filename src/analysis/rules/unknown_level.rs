//! `unknown-level`: `level:` or `target:` is not a level of the ladder.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::names::closest;

pub const RULE: Rule = Rule {
    name: "unknown-level",
    summary: "`level:` or `target:` names a level the ladder does not have",
    default_severity: Severity::Error,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a `level:` or `target:` that is not an id, name or alias of a level of the doc's ladder.
`E6`, `L6`, `Staff` and `staff engineer` all name the same level of `bigtech`.

## Why it matters
Without a known target, rung cannot say which traits the next level expects or how wide your
scope must be.

## Example
```markdown
---
ladder: bigtech
target: E66
---
```

## Use instead
```markdown
---
ladder: bigtech
target: E6
---
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(fm) = &cx.doc.front_matter else {
        return;
    };
    if fm
        .text("ladder")
        .is_some_and(|(id, _)| cx.settings.catalogue.ladder(id).is_none())
    {
        return; // `unknown-ladder` already explains; levels of the fallback ladder would mislead.
    }
    for key in ["level", "target"] {
        let Some((value, span)) = fm.text(key) else {
            continue;
        };
        if cx.ladder.find_level(value).is_some() {
            continue;
        }
        let ids: Vec<&str> = cx.ladder.levels.iter().map(|l| l.id.as_str()).collect();
        let mut finding = Finding::new(
            span,
            format!(
                "`{value}` is not a level of the {} ladder: use one of {}",
                cx.ladder.id,
                ids.join(", ")
            ),
        );
        let spellings = cx
            .ladder
            .levels
            .iter()
            .flat_map(|l| std::iter::once(&l.id).chain(&l.aliases))
            .map(String::as_str);
        if let Some(suggestion) = closest(value, spellings) {
            let level = cx
                .ladder
                .find_level(suggestion)
                .map_or(suggestion, |l| l.id.as_str());
            finding = finding.with_fix(Fix::replace(
                format!("Replace with `{level}`"),
                span,
                level.to_string(),
            ));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "unknown-level";

    #[test]
    fn fires_on_unknown_levels_with_a_suggestion() {
        let text = "---\nkind: promo\nlevel: E5\ntarget: E66\n---\n";
        fires(RULE, text, &["E66"]);
        assert_eq!(
            fixed(RULE, text),
            "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n"
        );
        fires(
            RULE,
            "---\nkind: promo\nladder: generic\nlevel: E5\n---\n",
            &["E5"],
        );
        assert_eq!(
            fixed(RULE, "---\nkind: promo\ntarget: stafff\n---\n"),
            "---\nkind: promo\ntarget: E6\n---\n"
        );
    }

    #[test]
    fn quiet_on_ids_names_and_aliases() {
        quiet(
            RULE,
            "---\nkind: promo\nlevel: Senior\ntarget: staff engineer\n---\n",
        );
        quiet(
            RULE,
            "---\nkind: promo\nladder: generic\nlevel: senior\ntarget: Staff\n---\n",
        );
        quiet(RULE, "---\nkind: promo\nladder: nope\nlevel: X9\n---\n");
    }
}
