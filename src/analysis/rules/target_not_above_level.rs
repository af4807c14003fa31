//! `target-not-above-level`: the target level is the current level or below it.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;

pub const RULE: Rule = Rule {
    name: "target-not-above-level",
    summary: "`target:` is not above `level:`",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo, DocKind::GrowthPlan],
    has_fix: false,
    check,
    docs: "\
## What it does
Flags a `target:` that is the same level as `level:` or below it, in promo docs and growth plans.

## Why it matters
A promotion or growth plan aims upward; a target at or below your level is usually a slip
(`level` and `target` swapped, or an alias that names another level than you think).

## Example
```markdown
---
level: E6
target: E5
---
```

## Use instead
```markdown
---
level: E5
target: E6
---
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(fm) = &cx.doc.front_matter else {
        return;
    };
    let (Some((level, _)), Some((target, target_span))) = (fm.text("level"), fm.text("target"))
    else {
        return;
    };
    let (Some(level_idx), Some(target_idx)) =
        (cx.ladder.level_index(level), cx.ladder.level_index(target))
    else {
        return;
    };
    if target_idx > level_idx {
        return;
    }
    let level_id = &cx.ladder.levels[level_idx].id;
    let next = cx
        .ladder
        .levels
        .get(level_idx + 1)
        .map(|l| format!(": aim for {}", l.id))
        .unwrap_or_default();
    let relation = if target_idx == level_idx {
        "is your current level"
    } else {
        "is below your level"
    };
    out.push(Finding::new(
        target_span,
        format!("target `{target}` {relation} `{level_id}`{next}"),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "target-not-above-level";

    #[test]
    fn fires_when_the_target_is_not_above() {
        fires(
            RULE,
            "---\nkind: promo\nlevel: E6\ntarget: E5\n---\n",
            &["E5"],
        );
        assert_eq!(
            message(RULE, "---\nkind: promo\nlevel: E5\ntarget: senior\n---\n"),
            "target `senior` is your current level `E5`: aim for E6"
        );
    }

    #[test]
    fn quiet_when_above_or_unknown_or_not_a_promo() {
        quiet(RULE, "---\nkind: promo\nlevel: E5\ntarget: staff\n---\n");
        quiet(RULE, "---\nkind: promo\nlevel: E5\ntarget: E99\n---\n");
        quiet(RULE, "---\nkind: brag\nlevel: E6\ntarget: E5\n---\n");
    }
}
