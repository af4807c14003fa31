//! `unknown-ladder`: front matter names a ladder rung does not have.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::names::closest;

pub const RULE: Rule = Rule {
    name: "unknown-ladder",
    summary: "front matter names a ladder that is neither built in nor in `rung.toml`",
    default_severity: Severity::Error,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags a `ladder:` value that is not a built-in ladder (`bigtech`, `generic`) or one added in
`rung.toml`. The doc is then read against the default ladder.

## Why it matters
Levels and expected traits come from the ladder; with the wrong one, every level-aware check
answers a question you did not ask.

## Example
```markdown
---
ladder: big-tech
---
```

## Use instead
```markdown
---
ladder: bigtech
---
```
Or add your company's ladder to `rung.toml` under `ladders = [\"ladders/acme.toml\"]`.
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some((id, span)) = cx
        .doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.text("ladder"))
    else {
        return;
    };
    if cx.settings.catalogue.ladder(id).is_some() {
        return;
    }
    let known = cx.settings.catalogue.ids();
    let mut finding = Finding::new(
        span,
        format!(
            "unknown ladder `{id}`: use one of {}, or add it to `rung.toml`; reading against `{}`",
            known.join(", "),
            cx.ladder.id
        ),
    );
    if let Some(suggestion) = closest(id, known.iter().copied()) {
        finding = finding.with_fix(Fix::replace(
            format!("Replace with `{suggestion}`"),
            span,
            suggestion.to_string(),
        ));
    }
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "unknown-ladder";

    #[test]
    fn fires_with_the_closest_ladder() {
        let text = "---\nkind: promo\nladder: big-tech\n---\n";
        fires(RULE, text, &["big-tech"]);
        assert_eq!(
            fixed(RULE, text),
            "---\nkind: promo\nladder: bigtech\n---\n"
        );
        fires(RULE, "---\nkind: promo\nladder: acme\n---\n", &["acme"]);
    }

    #[test]
    fn quiet_on_known_ladders() {
        quiet(RULE, "---\nkind: promo\nladder: generic\n---\n");
        quiet(RULE, "---\nkind: promo\nladder: BigTech\n---\n");
        quiet(RULE, "---\nkind: promo\n---\n");
    }
}
