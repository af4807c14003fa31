//! Navigation: the trait named at an offset, and where a trait is named in a document, for
//! definition, references and rename.

use crate::analysis::document::{Document, SectionKind};
use crate::analysis::text::Span;

/// The trait named at `offset`: by a `#tag` or a trait heading. For definition, references and
/// rename.
pub fn trait_at(doc: &Document, offset: usize) -> Option<usize> {
    let within = |span: Span| span.start <= offset && offset <= span.end && !span.is_empty();
    let by_tag = doc
        .tags
        .iter()
        .find(|t| within(t.span))
        .and_then(|t| t.trait_idx);
    by_tag.or_else(|| {
        doc.sections.iter().find_map(|s| match s.kind {
            SectionKind::Trait(idx) if within(s.title_span) => Some(idx),
            _ => None,
        })
    })
}

/// Where a trait is named in a document: its section headings' titles (definitions) and its
/// tags (references).
pub fn trait_mentions(doc: &Document, trait_idx: usize) -> (Vec<Span>, Vec<Span>) {
    let definitions = doc
        .trait_sections()
        .filter(|(_, _, t)| *t == trait_idx)
        .map(|(_, s, _)| s.title_span)
        .collect();
    let tags = doc
        .tags
        .iter()
        .filter(|t| t.trait_idx == Some(trait_idx))
        .map(|t| t.span)
        .collect();
    (definitions, tags)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn traits_are_found_at_tags_and_headings_with_their_mentions() {
        let text = "---\nkind: promo\n---\n## Ownership\n- a #ownership b\n## Wins\n- c #ownership #craft\n";
        let analysis = analyze(&Input::new(text), &Settings::default(), &NoFileSystem);
        let doc = analysis.document.as_ref().unwrap();
        let at_tag = trait_at(doc, text.find("#ownership").unwrap() + 3).unwrap();
        assert_eq!(trait_at(doc, text.find("Ownership").unwrap()), Some(at_tag));
        let (definitions, tags) = trait_mentions(doc, at_tag);
        assert_eq!(
            definitions
                .iter()
                .map(|s| &text[s.start..s.end])
                .collect::<Vec<_>>(),
            ["Ownership"]
        );
        assert_eq!(tags.len(), 2);
        assert_eq!(trait_at(doc, 0), None);
    }
}
