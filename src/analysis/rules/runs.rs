//! Runs of entries a rule reports together: a work log where most lines share one problem reads
//! better as one finding listing each entry than as the same warning on every line. `vague-win`
//! and `undated-entry` collect their entries in a run, end it at a section change or an entry
//! without the problem, and hand it to [`flush`].

use super::Finding;
use crate::analysis::diagnostic::Fix;
use crate::analysis::document::Document;
use crate::analysis::text::Span;
use std::borrow::Cow;

/// How many entries in a row, in one section, become one finding. Two in a row stay two: each is
/// still worth its own squiggle.
pub(crate) const MIN_RUN: usize = 3;

/// One entry of a run: where, its finding's message when it stands alone, how the run's finding
/// lists it (`None`: by that same message), and its own quick fix.
pub(crate) struct RunEntry {
    pub span: Span,
    pub section: Option<usize>,
    pub message: Cow<'static, str>,
    pub label: Option<&'static str>,
    pub fix: Option<Fix>,
}

/// Report `run` and empty it: one finding each when the run is short, else one finding on the
/// first entry that lists every entry of the run, each with its label and fix. `summary` words
/// that finding from the run's length and ` under "Section"` (empty for an untitled section).
pub(crate) fn flush(
    run: &mut Vec<RunEntry>,
    doc: &Document,
    out: &mut Vec<Finding>,
    summary: impl FnOnce(usize, &str) -> String,
) {
    if run.len() < MIN_RUN {
        out.extend(run.drain(..).map(|entry| {
            let finding = Finding::new(entry.span, entry.message);
            match entry.fix {
                Some(fix) => finding.with_fix(fix),
                None => finding,
            }
        }));
        return;
    }
    let n = run.len();
    let mut entries = run.drain(..);
    let first = entries.next().expect("a run of at least MIN_RUN");
    let under = first
        .section
        .and_then(|idx| doc.sections.get(idx))
        .map(|section| section.title.trim())
        .filter(|title| !title.is_empty())
        .map(|title| format!(" under \"{title}\""))
        .unwrap_or_default();
    let mut finding = Finding::new(first.span, summary(n, &under));
    finding.fix = first.fix.map(Box::new);
    // The first entry is listed too, so the list is the whole run; its fix is the finding's own.
    let label = |entry_label: Option<&'static str>, message| match entry_label {
        Some(label) => Cow::Borrowed(label),
        None => message,
    };
    finding = finding.with_member(first.span, label(first.label, first.message), None);
    for entry in entries {
        finding = finding.with_member(entry.span, label(entry.label, entry.message), entry.fix);
    }
    out.push(finding);
}
