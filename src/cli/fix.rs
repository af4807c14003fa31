//! `rung check --fix [--diff]`: apply the mechanical fixes — those that only correct how
//! something is spelt or stamp today's date — and never one that needs the author's facts.
//!
//! The core offers fixes as plain data on its diagnostics; this module chooses which to apply,
//! refuses overlapping ones, and re-analyses after each round, because one fix can change what
//! another should be (two misspelt keys that both mean `level:`). Files are written by the
//! caller through `project`.

use crate::analysis::diagnostic::{Diagnostic, TextEdit};
use std::fmt::Write as _;

/// A rule whose fix `--fix` applies (each entry says why its fix is safe to apply unseen).
pub struct Mechanical {
    pub rule: &'static str,
    /// Apply at most one of its fixes per replacement text in a round: two misspelt keys that
    /// both mean `level` must not both become `level` (the next round's analysis sees the first
    /// and no longer offers the second).
    pub one_per_replacement: bool,
}

/// The one list of rules whose fixes `--fix` applies. Left out on purpose: `vague-win` (its
/// fix writes a result line the author has to fill with facts), `trait-without-evidence`,
/// `focus-without-action`, `no-feedback-loop`, `missing-expected-trait` (skeletons and sections
/// to fill in), and `unknown-ladder`, `unknown-level` and `invalid-front-matter` (their fix is
/// the closest name with no typo threshold: `level: E10` would become some other level, a fact
/// about the author).
pub const MECHANICAL: &[Mechanical] = &[
    // renames a key one or two edits from a key rung reads (`levl:` → `level:`).
    Mechanical {
        rule: "unknown-front-matter-key",
        one_per_replacement: true,
    },
    // respells a heading or tag that is a near miss of a trait of the ladder.
    Mechanical {
        rule: "unknown-trait",
        one_per_replacement: false,
    },
    // respells a heading that is a near miss of a section rung knows (`Wnis` → `Wins`).
    Mechanical {
        rule: "unknown-role",
        one_per_replacement: false,
    },
    // puts today's date in front of an undated brag entry.
    Mechanical {
        rule: "undated-entry",
        one_per_replacement: false,
    },
];

/// Rounds of fix → re-analyse before giving up on what is left.
pub const MAX_ROUNDS: usize = 4;

fn mechanical(rule: &str) -> Option<&'static Mechanical> {
    MECHANICAL.iter().find(|m| m.rule == rule)
}

/// The edits of the mechanical fixes in `diagnostics` that can be applied together: sorted,
/// with any fix that overlaps (or touches with an insertion) one already taken left out, as is a
/// fix whose span is not a valid range of `text`.
fn choose<'d>(text: &str, diagnostics: &'d [Diagnostic]) -> Vec<&'d TextEdit> {
    let mut fixes: Vec<(usize, usize, &Diagnostic)> = diagnostics
        .iter()
        .filter(|d| mechanical(d.rule).is_some())
        .filter_map(|d| {
            let fix = d.fix.as_ref()?;
            let start = fix.edits.iter().map(|e| e.span.start).min()?;
            let end = fix.edits.iter().map(|e| e.span.end).max()?;
            Some((start, end, d))
        })
        .collect();
    fixes.sort_by_key(|&(start, end, _)| (start, end));
    let mut taken: Vec<&TextEdit> = Vec::new();
    let mut taken_replacements: Vec<(&str, String)> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for (start, end, diagnostic) in fixes {
        let fix = diagnostic.fix.as_ref().expect("filtered on fix");
        if let Some((last_start, last_end)) = last {
            let touches_insertion = start == last_end && (start == end || last_start == last_end);
            if start < last_end || touches_insertion {
                continue;
            }
        }
        let mut edits: Vec<&TextEdit> = fix.edits.iter().collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        let valid = edits
            .iter()
            .all(|e| text.get(e.span.start..e.span.end).is_some())
            && edits.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        if !valid {
            continue;
        }
        if mechanical(diagnostic.rule).is_some_and(|m| m.one_per_replacement) {
            let replacement: String = edits.iter().map(|e| &*e.new_text).collect();
            if taken_replacements
                .iter()
                .any(|(rule, r)| *rule == diagnostic.rule && *r == replacement)
            {
                continue;
            }
            taken_replacements.push((diagnostic.rule, replacement));
        }
        last = Some((start, end));
        taken.extend(edits);
    }
    taken
}

/// `text` with `edits` applied (sorted, non-overlapping).
fn apply(text: &str, edits: &[&TextEdit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.new_text);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// What fixing one document came to.
pub struct Fixed {
    pub text: String,
    /// Fixes applied, over every round.
    pub applied: usize,
    /// The diagnostics of the fixed text.
    pub diagnostics: Vec<Diagnostic>,
}

/// Apply the mechanical fixes to `text` in rounds, re-analysing with `analyse` after each,
/// until none is left to apply or [`MAX_ROUNDS`] have run. `diagnostics` are `text`'s own.
pub fn fix(
    text: &str,
    diagnostics: Vec<Diagnostic>,
    mut analyse: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Fixed {
    let mut fixed = Fixed {
        text: text.to_string(),
        applied: 0,
        diagnostics,
    };
    for _ in 0..MAX_ROUNDS {
        let edits = choose(&fixed.text, &fixed.diagnostics);
        if edits.is_empty() {
            break;
        }
        let applied = edits.len();
        let text = apply(&fixed.text, &edits);
        if text == fixed.text {
            break;
        }
        fixed.applied += applied;
        fixed.diagnostics = analyse(&text);
        fixed.text = text;
    }
    fixed
}

/// Lines of `text` with their line endings.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

enum Op {
    Same(usize, usize),
    Old(usize),
    New(usize),
}

/// A line-by-line alignment of `old` and `new`. Mechanical fixes edit within lines, so when the
/// line counts agree lines are compared in place; otherwise the common head and tail are kept
/// and the middle is shown as replaced (a correct diff, not always the smallest).
fn align(old: &[&str], new: &[&str]) -> Vec<Op> {
    let mut ops = Vec::new();
    if old.len() == new.len() {
        // A run of changed lines shows its old lines, then its new ones, as diff does.
        let mut i = 0;
        while i < old.len() {
            if old[i] == new[i] {
                ops.push(Op::Same(i, i));
                i += 1;
                continue;
            }
            let run = i..(i..old.len())
                .find(|&j| old[j] == new[j])
                .unwrap_or(old.len());
            ops.extend(run.clone().map(Op::Old));
            ops.extend(run.clone().map(Op::New));
            i = run.end;
        }
        return ops;
    }
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    ops.extend((0..head).map(|i| Op::Same(i, i)));
    ops.extend((head..old.len() - tail).map(Op::Old));
    ops.extend((head..new.len() - tail).map(Op::New));
    ops.extend((0..tail).map(|k| Op::Same(old.len() - tail + k, new.len() - tail + k)));
    ops
}

/// Lines of context around each change in a hunk.
const CONTEXT: usize = 3;

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

/// A unified diff of `old` → `new` for `path` (`--- a/PATH`, `+++ b/PATH`), empty when equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let (old_lines, new_lines) = (lines(old), lines(new));
    let ops = align(&old_lines, &new_lines);
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let mut k = 0;
    while k < changed.len() {
        // One hunk: changes closer than twice the context share it.
        let first = changed[k];
        let mut last = first;
        while k + 1 < changed.len() && changed[k + 1] - last <= 2 * CONTEXT + 1 {
            k += 1;
            last = changed[k];
        }
        k += 1;
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let (mut old_start, mut new_start) = (None, None);
        let (mut old_count, mut new_count) = (0, 0);
        let mut body = String::new();
        for op in hunk {
            match *op {
                Op::Same(o, n) => {
                    old_start.get_or_insert(o);
                    new_start.get_or_insert(n);
                    old_count += 1;
                    new_count += 1;
                    push_line(&mut body, ' ', old_lines[o]);
                }
                Op::Old(o) => {
                    old_start.get_or_insert(o);
                    old_count += 1;
                    push_line(&mut body, '-', old_lines[o]);
                }
                Op::New(n) => {
                    new_start.get_or_insert(n);
                    new_count += 1;
                    push_line(&mut body, '+', new_lines[n]);
                }
            }
        }
        // A side with no lines in the hunk is numbered by the line before it, as diff does.
        let number = |start: Option<usize>, count: usize, before: usize| {
            if count == 0 {
                before
            } else {
                start.unwrap_or(0) + 1
            }
        };
        let old_before = position_before(&ops[..start], true);
        let new_before = position_before(&ops[..start], false);
        let _ = writeln!(
            out,
            "@@ -{},{} +{},{} @@",
            number(old_start, old_count, old_before),
            old_count,
            number(new_start, new_count, new_before),
            new_count
        );
        out.push_str(&body);
    }
    out
}

/// How many old (or new) lines come before a hunk: for the start of an empty side.
fn position_before(before: &[Op], old: bool) -> usize {
    before
        .iter()
        .filter(|op| match op {
            Op::Same(..) => true,
            Op::Old(_) => old,
            Op::New(_) => !old,
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diagnostic::{Fix, Severity};
    use crate::analysis::rules;
    use crate::analysis::text::Span;

    #[test]
    fn every_mechanical_rule_is_registered_and_has_a_fix() {
        for m in MECHANICAL {
            let rule = rules::find(m.rule).unwrap_or_else(|| panic!("{} is no rule", m.rule));
            assert!(rule.has_fix, "{} offers no fix", m.rule);
        }
        for never in [
            "vague-win",
            "trait-without-evidence",
            "focus-without-action",
        ] {
            assert!(
                mechanical(never).is_none(),
                "{never} needs the author's facts"
            );
        }
    }

    fn diagnostic(
        rule: &'static str,
        start: usize,
        end: usize,
        new_text: &'static str,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            span: Span { start, end },
            message: "m".into(),
            related: Vec::new(),
            fix: Some(Box::new(Fix::replace("t", Span { start, end }, new_text))),
        }
    }

    #[test]
    fn overlapping_and_invalid_fixes_are_left_out_and_others_applied() {
        let text = "abcdefghij";
        let diagnostics = vec![
            diagnostic("unknown-trait", 6, 8, "GH"),
            diagnostic("unknown-trait", 0, 3, "ABC"),
            diagnostic("unknown-role", 2, 4, "xx"), // overlaps 0..3
            diagnostic("unknown-role", 3, 3, "+"),  // an insertion touching 0..3
            diagnostic("vague-win", 9, 10, "J"),    // not mechanical
            diagnostic("unknown-role", 4, 99, "x"), // out of range
        ];
        let edits = choose(text, &diagnostics);
        assert_eq!(apply(text, &edits), "ABCdefGHij");
    }

    #[test]
    fn two_keys_fixed_to_the_same_name_wait_for_the_next_round() {
        let text = "levl: E4\nleve: E5\n";
        let diagnostics = vec![
            diagnostic("unknown-front-matter-key", 0, 4, "level"),
            diagnostic("unknown-front-matter-key", 9, 13, "level"),
        ];
        let mut rounds = 0;
        let fixed = fix(text, diagnostics, |_| {
            rounds += 1;
            Vec::new()
        });
        assert_eq!(fixed.text, "level: E4\nleve: E5\n");
        assert_eq!((fixed.applied, rounds), (1, 1));
    }

    #[test]
    fn unified_diff_has_hunks_with_context() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old
            .replace("line 2\n", "LINE 2\n")
            .replace("line 18\n", "LINE 18\n");
        let diff = unified_diff("doc.md", &old, &new);
        assert!(
            diff.starts_with(
                "--- a/doc.md\n+++ b/doc.md\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n"
            ),
            "{diff}"
        );
        assert!(diff.contains("@@ -15,6 +15,6 @@\n line 15\n"), "{diff}");
        assert_eq!(diff.matches("@@ -").count(), 2);
        assert_eq!(unified_diff("doc.md", &old, &old), "");
        let diff = unified_diff("d.md", "a\nb", "a\nb\nc\n");
        assert!(
            diff.contains("-b\n\\ No newline at end of file\n+b\n+c\n"),
            "{diff}"
        );
    }
}
