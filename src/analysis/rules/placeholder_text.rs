//! `placeholder-text`: TODO, TBD, lorem ipsum or a `[fill me in]` left in the doc.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::diagnostic::Severity;
use crate::analysis::placeholders::{find_placeholders, may_hold_placeholder};
use crate::analysis::text::Span;
use crate::analysis::{Context, memo};

pub const RULE: Rule = Rule {
    name: "placeholder-text",
    summary: "TODO, TBD, XXX, lorem ipsum or a `[placeholder]` left in the text",
    default_severity: Severity::Warning,
    kinds: ALL_KINDS,
    has_fix: false,
    check,
    docs: "\
## What it does
Flags placeholder text in prose, headings and list items: `TODO`, `TBD`, `TBC`, `XXX`,
`FIXME`, `lorem ipsum`, and bracketed prompts such as `[add impact here]` or
`<describe the result>`. Text inside code spans and code blocks is left alone. The
placeholders of one line are one finding (a skeleton entry is one blank to fill in). It is the
one rule that speaks on a skeleton still to fill in: `trait-without-evidence`,
`focus-without-action` and `vague-win` leave such an entry to it rather than say it twice.

## Why it matters
Templates and drafts are full of prompts. One left in a doc that goes to a promotion committee
says the case was not finished.

## Example
```markdown
- Led the migration. Impact: TBD
```

## Use instead
```markdown
- Led the migration of 40 services; deploys went from weekly to daily.
```
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut results = memo::Results::placeholders(cx.memo, cx.kept_pieces);
    let placeholders = |source: &str| find_placeholders(source).collect::<Vec<_>>();
    // Placeholders on one line are one finding: a skeleton entry (`[What you did], [how much
    // it changed], [how you did it]`) is one blank to fill in, not three warnings. One buffer
    // for the line being gathered, not one per run.
    let mut line: Vec<Span> = Vec::new();
    // A run that cannot hold one (nearly all) holds none: the prefilter's answer needs no
    // memo lookup, no kept slot and no result (the result would be empty, memo or not). A kept
    // piece keeps which of its runs the prefilter lets through.
    let candidates = memo::prose_runs_where(
        cx.kept_pieces,
        &cx.doc.prose_runs,
        cx.text,
        may_hold_placeholder,
    );
    for index in candidates {
        let run = &cx.doc.prose_runs[index];
        let source = &cx.text[run.start..run.end];
        let found = results.get(index, || source, |_| true, placeholders);
        // Most runs hold none, and most of the rest one: those need no gathering.
        if let [one] = found.as_slice() {
            let span = Span::new(run.start + one.start, run.start + one.end);
            out.push(Finding::new(span, message(&cx.text[span.start..span.end])));
            continue;
        }
        for found in found {
            let span = Span::new(run.start + found.start, run.start + found.end);
            let same_line = line
                .last()
                .is_some_and(|last| !cx.text[last.end..span.start].contains('\n'));
            if !same_line {
                push_line(cx.text, &mut line, out);
            }
            line.push(span);
        }
        if !line.is_empty() {
            push_line(cx.text, &mut line, out);
        }
    }
}

/// One finding for the placeholders of one line: the span from the first to the last.
fn push_line(text: &str, line: &mut Vec<Span>, out: &mut Vec<Finding>) {
    match line.as_slice() {
        [] => {}
        [one] => out.push(Finding::new(*one, message(&text[one.start..one.end]))),
        [first, .., last] => {
            let mut message = format!("{} placeholders left in: replace ", line.len());
            for (i, span) in line.iter().enumerate() {
                let separator = match i {
                    0 => "",
                    _ if i + 1 == line.len() => " and ",
                    _ => ", ",
                };
                message.push_str(separator);
                message.push('`');
                message.push_str(&text[span.start..span.end]);
                message.push('`');
            }
            message.push_str(" with the real text");
            out.push(Finding::new(Span::new(first.start, last.end), message));
        }
    }
    line.clear();
}

/// The message for a placeholder as written; the markers get theirs as fixed text.
fn message(what: &str) -> std::borrow::Cow<'static, str> {
    match what {
        "TODO" => "placeholder left in: replace `TODO` with the real text".into(),
        "TBD" => "placeholder left in: replace `TBD` with the real text".into(),
        "TBC" => "placeholder left in: replace `TBC` with the real text".into(),
        "XXX" => "placeholder left in: replace `XXX` with the real text".into(),
        "FIXME" => "placeholder left in: replace `FIXME` with the real text".into(),
        _ => format!("placeholder left in: replace `{what}` with the real text").into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "placeholder-text";

    #[test]
    fn fixed_and_built_messages_read_the_same() {
        for what in ["TODO", "TBD", "TBC", "XXX", "FIXME"] {
            assert_eq!(
                super::message(what),
                format!("placeholder left in: replace `{what}` with the real text")
            );
        }
    }

    #[test]
    fn fires_on_placeholders_in_prose_items_and_headings() {
        fires(
            RULE,
            "---\nkind: brag\n---\n## TODO\n- Led the migration. Impact: TBD\n- [add impact here]\n\nLorem ipsum dolor.\n",
            &["TODO", "TBD", "[add impact here]", "Lorem ipsum"],
        );
    }

    #[test]
    fn placeholders_on_one_line_are_one_finding() {
        let text = "---\nkind: brag\n---\n## 2026-03\n- [What you did], [how much it changed], [how you did it] #delivery\n- TODO\n";
        fires(
            RULE,
            text,
            &[
                "[What you did], [how much it changed], [how you did it]",
                "TODO",
            ],
        );
        assert_eq!(
            diagnostics(RULE, text)[0].message,
            "3 placeholders left in: replace `[What you did]`, `[how much it changed]` and `[how you did it]` with the real text"
        );
    }

    #[test]
    fn quiet_in_code_and_on_real_text() {
        quiet(
            RULE,
            "---\nkind: brag\n---\n- Removed every `TODO` from the codebase\n\n```\nTODO\n```\n- See [the RFC](rfc.md)\n",
        );
    }
}
