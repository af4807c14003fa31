//! `unknown-front-matter-key`: a front-matter key one or two edits from a key rung reads.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::names::near_miss;

pub const RULE: Rule = Rule {
    name: "unknown-front-matter-key",
    summary: "a front-matter key that looks like a misspelling of one rung reads (`taget:`)",
    default_severity: Severity::Warning,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a front-matter key that is one or two edits away from a key rung reads: `kind`, `ladder`,
`level`, `target`, `period`, `focus`, `archetype`. Other keys (`name:`, `manager:`) are fine and
stay quiet.

## Why it matters
A misspelt `target:` means rung does not know the level you are aiming for, so the checks for
expected traits and scope silently do nothing.

## Example
```markdown
---
kind: promo
taget: E6
---
```

## Use instead
```markdown
---
kind: promo
target: E6
---
```
",
};

/// The keys rung reads (DESIGN §1), plus the staff archetype of §2.
pub const KNOWN_KEYS: [&str; 7] = [
    "kind",
    "ladder",
    "level",
    "target",
    "period",
    "focus",
    "archetype",
];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(fm) = &cx.doc.front_matter else {
        return;
    };
    for entry in &fm.entries {
        if KNOWN_KEYS.contains(&entry.key.as_str())
            || fm
                .get(&entry.key)
                .is_some_and(|e| e.key_span != entry.key_span)
        {
            continue;
        }
        if let Some((key, _)) = near_miss(&entry.key, KNOWN_KEYS.iter().map(|k| (*k, ()))) {
            if fm.get(key).is_some() {
                continue;
            }
            out.push(
                Finding::new(
                    entry.key_span,
                    format!(
                        "`{}` is not a key rung reads: did you mean `{key}`?",
                        entry.key
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Rename to `{key}`"),
                    entry.key_span,
                    key,
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "unknown-front-matter-key";

    #[test]
    fn fires_on_near_misses() {
        fires(
            RULE,
            "---\nkind: promo\ntaget: E6\nlevle: E5\n---\n",
            &["taget", "levle"],
        );
        assert_eq!(
            fixed(RULE, "---\nkind: promo\ntaget: E6\n---\n"),
            "---\nkind: promo\ntarget: E6\n---\n"
        );
    }

    #[test]
    fn quiet_on_known_and_unrelated_keys() {
        quiet(
            RULE,
            "---\nkind: promo\ntarget: E6\nname: Sam\nmanager: Alex\ntags: [a]\n---\n",
        );
    }
}
