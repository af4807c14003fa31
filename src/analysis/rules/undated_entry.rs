//! `undated-entry`: a brag-doc win with no date.

use super::runs::{RunEntry, flush};
use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::{DocKind, EntryForm, EntryRole};

pub const RULE: Rule = Rule {
    name: "undated-entry",
    summary: "a brag-doc win that is neither under a dated heading nor dated itself",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Brag],
    has_fix: true,
    check,
    docs: "\
## What it does
In a brag doc, flags a win (an item under `Wins`, `Projects` and the like) that has no date:
no dated heading above it (`## 2026-03`, `## Q1 2026`, `## March 2026`, `# 2025 in review`), no
date at the start of the item (`2026-03-14: …`, `Week 3: …`) or on a label it is nested under,
and no `period:` or `date:` in the front matter.

Three or more undated wins in a row in one section (a work log of undated lines) are one
diagnostic on the first, listing each entry in its related information with its own quick fix;
a dated win or a new section ends the run.

## Why it matters
A brag doc is read at review time, months later. Undated wins cannot be placed in the review
period, and the story of how your scope grew gets lost.

## Example
```markdown
## Wins
- Cut p99 from 800 ms to 120 ms.
```

## Use instead
```markdown
## 2026-03
- Cut p99 from 800 ms to 120 ms.
```
The quick fix puts today's date at the start of the item.
",
};

/// Front-matter keys that date the whole document (a yearly recap's `date:`, rung's `period:`).
const DATING_KEYS: [&str; 2] = ["period", "date"];

const MESSAGE: &str =
    "undated win: put it under a dated heading such as `## 2026-03`, or start it with a date";

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc
        .front_matter
        .as_ref()
        .is_some_and(|fm| DATING_KEYS.iter().any(|key| fm.get(key).is_some()))
    {
        return;
    }
    // The current run of undated wins in one section; a dated win or a new section ends it.
    let mut run: Vec<RunEntry> = Vec::new();
    for entry in &doc.entries {
        if entry.role != EntryRole::Win || !entry.is_claim() {
            continue;
        }
        let dated = entry.date.is_some()
            || entry
                .section
                .is_some_and(|idx| doc.ancestors(idx).any(|s| s.date.is_some()));
        if dated {
            flush(&mut run, doc, out, summary);
            continue;
        }
        // A silenced line is left out of runs as well as on its own.
        if cx.is_line_suppressed(RULE.name, entry.text_span.start) {
            continue;
        }
        if run.last().is_some_and(|last| last.section != entry.section) {
            flush(&mut run, doc, out, summary);
        }
        // A date put before a table row's text lands in its first cell, where it is no date of
        // the row's: the fix is left to the author there.
        let fix = cx
            .today
            .filter(|_| entry.form != EntryForm::TableRow)
            .map(|today| {
                Fix::insert(
                    format!("Date it {today}"),
                    entry.text_span.start,
                    format!("{today}: "),
                )
            });
        run.push(RunEntry {
            span: entry.text_span,
            section: entry.section,
            message: MESSAGE.into(),
            label: Some("undated win"),
            fix,
        });
    }
    flush(&mut run, doc, out, summary);
}

/// The finding of a run of undated wins (from `runs::MIN_RUN` entries on, as `vague-win` groups its own).
fn summary(n: usize, under: &str) -> String {
    format!(
        "{n} undated wins in a row{under}: put them under a dated heading such as `## 2026-03`, or start each with a date"
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "undated-entry";

    #[test]
    fn fires_on_undated_wins_with_a_fix_that_dates_them() {
        let text = "---\nkind: brag\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms.\n- 2026-03-14: Shipped it\n";
        fires(RULE, text, &["Cut p99 from 800 ms to 120 ms."]);
        assert!(fixed(RULE, text).contains("- 2026-11-27: Cut p99"));
    }

    #[test]
    fn a_log_of_undated_lines_is_one_diagnostic_listing_each() {
        let text = "---\nkind: brag\n---\n## Log\n- Fixed the login redirect\n- Moved the cron jobs to the queue\n- Wrote the backup runbook\n- Paired on the billing retry\n- 2026-03-14: Shipped the exporter\n- Cleaned up the flags\n## Wins\n- Cut p99.\n";
        let found = diagnostics(RULE, text);
        // The run of four, then the two single ones: after a dated entry, and in a new section.
        assert_eq!(found.len(), 3, "{found:?}");
        let run = &found[0];
        assert!(
            run.message
                .starts_with("4 undated wins in a row under \"Log\""),
            "{}",
            run.message
        );
        assert_eq!(run.related.len(), 4);
        assert!(run.related.iter().all(|r| r.is_member));
        assert!(run.fix.is_some() && run.related[1..].iter().all(|r| r.fix.is_some()));
        assert!(found[1].related.is_empty() && found[2].related.is_empty());
    }

    #[test]
    fn a_silenced_line_is_left_out_of_its_run() {
        let text = "---\nkind: brag\n---\n## Log\n- Fixed the login redirect\n<!-- rung-disable-next-line undated-entry -->\n- Moved the cron jobs to the queue\n- Wrote the backup runbook\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|d| d.related.is_empty()));
    }

    #[test]
    fn a_table_row_is_flagged_without_a_fix() {
        let text = "---\nkind: brag\n---\n## Wins\n\n| Project | Result |\n|---|---|\n| Build queue | Cut p99 from 800 ms to 120 ms |\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn quiet_under_dated_headings_and_outside_wins() {
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Q1 2026\n### Wins\n- Cut p99.\n## Usage\n- Update it every two weeks\n",
        );
        quiet(
            RULE,
            "---\nkind: brag\n---\n# 2026\n## Projects\n- Cut p99.\n",
        );
        quiet(RULE, "---\nkind: promo\n---\n## Wins\n- Cut p99.\n");
        // A recap dated by its front matter or a heading with a year.
        quiet(
            RULE,
            "---\nkind: brag\ndate: 2025-12-30\n---\n## Wins\n- Cut p99.\n",
        );
        quiet(
            RULE,
            "---\nkind: brag\n---\n# Summer 2025 report\n## Shipped\n- Cut p99.\n",
        );
    }
}
