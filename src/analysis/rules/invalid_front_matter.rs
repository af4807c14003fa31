//! `invalid-front-matter`: front matter rung cannot read.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::DocKind;
use crate::analysis::front_matter::{FmValue, FrontMatterProblem};
use crate::analysis::names::closest;
use crate::analysis::text::Span;

pub const RULE: Rule = Rule {
    name: "invalid-front-matter",
    summary: "front matter that is not closed, not YAML, or has a value of the wrong shape",
    default_severity: Severity::Error,
    kinds: ALL_KINDS,
    has_fix: true,
    check,
    docs: "\
## What it does
Flags front matter that rung cannot read: an opening `---` with no closing line, YAML that does
not parse, YAML that is not `key: value` lines, a `kind` that is not one of `promo`,
`growth-plan`, `brag` or `retro`, and keys whose value has the wrong shape (a list where one
value belongs, or a `focus` that is not a list).

## Why it matters
The front matter tells rung which ladder, level and target to read the doc against. When it
cannot be read, every ladder-aware check falls back to defaults and may say the wrong thing.

## Example
```markdown
---
kind: promotion
level: [E5
---
```

## Use instead
```markdown
---
kind: promo
level: E5
target: E6
---
```
",
};

const SINGLE_VALUED: [&str; 5] = ["kind", "ladder", "level", "target", "period"];

fn check(cx: &Context, out: &mut Vec<Finding>) {
    match &cx.doc.front_matter_problem {
        Some(FrontMatterProblem::Unclosed { opening }) => out.push(Finding::new(
            *opening,
            "front matter opened with `---` is never closed: add a `---` line after the last key",
        )),
        Some(FrontMatterProblem::InvalidYaml { span, message }) => out.push(Finding::new(
            *span,
            format!("front matter is not valid YAML: {message}"),
        )),
        Some(FrontMatterProblem::NotAMapping { span }) => out.push(Finding::new(
            *span,
            "front matter must be `key: value` lines, such as `kind: promo`",
        )),
        None => {}
    }
    let Some(fm) = &cx.doc.front_matter else {
        return;
    };
    for entry in &fm.entries {
        let is_single = SINGLE_VALUED.contains(&entry.key.as_str());
        match (&entry.value, entry.key.as_str()) {
            (FmValue::Text(value), "kind") if DocKind::parse(value).is_none() => {
                let kinds = DocKind::ALL.map(DocKind::id);
                let message = format!(
                    "`{value}` is not a kind of growth doc: use one of {}",
                    kinds.join(", ")
                );
                let mut finding = Finding::new(entry.value_span, message);
                if let Some(suggestion) = closest(value, kinds.into_iter()) {
                    finding = finding.with_fix(Fix::replace(
                        format!("Replace with `{suggestion}`"),
                        entry.value_span,
                        suggestion,
                    ));
                }
                out.push(finding);
            }
            (FmValue::List(_) | FmValue::Other, _) if is_single => out.push(Finding::new(
                key_line(cx, entry.key_span),
                format!(
                    "`{}` takes a single value, such as `{}: {}`",
                    entry.key,
                    entry.key,
                    example(&entry.key)
                ),
            )),
            (FmValue::Other, "focus") => out.push(Finding::new(
                key_line(cx, entry.key_span),
                "`focus` takes a list of trait ids, such as `focus: [delegation, mentorship]`",
            )),
            _ => {}
        }
    }
}

/// From the key to the end of its line (trailing blanks and `\r` left out).
fn key_line(cx: &Context, key_span: Span) -> Span {
    let end = super::line_end(cx.text, key_span.start);
    let trimmed = cx.text[key_span.start..end].trim_end().len();
    Span::new(key_span.start, key_span.start + trimmed)
}

fn example(key: &str) -> &'static str {
    match key {
        "kind" => "promo",
        "ladder" => "bigtech",
        "level" => "E5",
        "target" => "E6",
        _ => "2026-H1",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "invalid-front-matter";

    #[test]
    fn fires_on_unclosed_invalid_and_wrong_shapes() {
        assert_eq!(
            flagged_named(RULE, "promo.md", "---\nkind: promo\n# Title\n"),
            ["---"]
        );
        let text = "---\nkind: promo\nlevel: [E5\n---\n";
        assert_eq!(flagged(RULE, text).len(), 1);
        fires(RULE, "---\nkind: promoton\n---\n", &["promoton"]);
        fires(
            RULE,
            "---\nkind: promo\nlevel: [E5, E6]\n---\n",
            &["level: [E5, E6]"],
        );
        fires(
            RULE,
            "---\nkind: brag\nfocus: {a: 1}\n---\n",
            &["focus: {a: 1}"],
        );
    }

    #[test]
    fn offers_the_closest_kind() {
        assert_eq!(
            fixed(RULE, "---\nkind: promoton\n---\n"),
            "---\nkind: promo\n---\n"
        );
        assert_eq!(
            fixed(RULE, "---\nkind: growthplan\n---\n"),
            "---\nkind: growth-plan\n---\n"
        );
    }

    #[test]
    fn quiet_on_good_front_matter_and_on_ordinary_markdown() {
        quiet(
            RULE,
            "---\nkind: promo\nlevel: E5\ntarget: E6\nfocus: [delegation]\nname: Sam\n---\n# Promo\n",
        );
        quiet(RULE, "---\ntitle: [not, yaml\n---\n# README\n");
        quiet(RULE, "---\nkind: growth-plan\nfocus: delegation\n---\n");
    }
}
