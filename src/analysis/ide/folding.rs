//! Folding: the front matter, each section, and each entry with detail lines under it.

use crate::analysis::document::Document;
use crate::analysis::text::Span;

/// What a fold holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    FrontMatter,
    Section,
    Entry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// From the first byte to the end, trailing blank lines of the document left out. A fold
    /// that spans one line is the adapter's to drop: lines are the editor's terms.
    pub span: Span,
    pub kind: FoldKind,
}

/// The folds of `doc`, in the order: front matter, sections, entries.
pub fn folds(text: &str, doc: &Document) -> Vec<Fold> {
    let text_end = text.trim_end().len();
    let fold = |span: Span, kind: FoldKind| Fold {
        span: Span::new(span.start, span.end.min(text_end).max(span.start)),
        kind,
    };
    let mut out = Vec::new();
    if let Some(fm) = &doc.front_matter {
        out.push(fold(fm.span, FoldKind::FrontMatter));
    }
    out.extend(doc.sections.iter().map(|s| fold(s.span, FoldKind::Section)));
    out.extend(
        doc.entries
            .iter()
            .filter(|e| !e.detail.is_empty())
            .map(|e| fold(e.span, FoldKind::Entry)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn folds_end_before_trailing_blank_lines() {
        let text = "---\nkind: brag\n---\n## Wins\n- Shipped it\n  - with details\n\n\n";
        let analysis = analyze(&Input::new(text), &Settings::default(), &NoFileSystem);
        let got: Vec<(FoldKind, &str)> = folds(text, analysis.document.as_ref().unwrap())
            .into_iter()
            .map(|f| (f.kind, &text[f.span.start..f.span.end]))
            .collect();
        assert_eq!(got[0], (FoldKind::FrontMatter, "---\nkind: brag\n---\n"));
        assert_eq!(
            got[1],
            (FoldKind::Section, "## Wins\n- Shipped it\n  - with details")
        );
        assert_eq!(got[2].0, FoldKind::Entry);
    }
}
