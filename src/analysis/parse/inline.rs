//! Inline syntax inside an entry's text: `#tag` words.

use super::builder::EntryBuilder;
use crate::analysis::document::Tag;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;
use std::sync::Arc;

/// Find `#tag` words in the source bytes of one text event. A tag is not at the start of its
/// line (that would read as a heading), not after a word character (`C#`, `issue#4`) and not
/// escaped. `names` holds the tag names seen so far, shared by every tag that repeats one (a
/// doc tags many entries with the same few names): no allocation for those.
pub(super) fn scan_tags(
    text: &str,
    range: Span,
    ladder: &Ladder,
    entry: &mut EntryBuilder,
    tags: &mut Vec<Tag>,
    names: &mut Vec<Arc<str>>,
) {
    let source = &text[range.start..range.end];
    let bytes = text.as_bytes();
    for (rel, _) in source.match_indices('#') {
        let at = range.start + rel;
        // A name is ASCII: the first byte of any other character ends it.
        let name_len = bytes[at + 1..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .unwrap_or(text.len() - at - 1);
        let name = text[at + 1..at + 1 + name_len].trim_end_matches(['-', '_']);
        if name.is_empty()
            || !name.as_bytes()[0].is_ascii_alphabetic()
            || at + 1 + name.len() > range.end
        {
            continue;
        }
        if at > 0 {
            let before = bytes[at - 1];
            if before.is_ascii_alphanumeric()
                || before == b'\\'
                || before == b'&'
                || before == b'#'
                || before == b'/'
            {
                continue;
            }
        }
        // Only white space between the line's start and the `#`: read back from the `#` to
        // the first character that is not, rather than from the line's start.
        let at_line_start = text[..at]
            .chars()
            .rev()
            .find(|&c| c == '\n' || !c.is_whitespace())
            .is_none_or(|c| c == '\n');
        if at_line_start {
            continue;
        }
        let idx = tags.len();
        // An entry's tags are consecutive: a tag in an item's text after an entry nested in it
        // (a loose item that goes on) belongs to no entry.
        let consecutive = entry.tags.is_empty() || entry.tags.iter().end == idx;
        tags.push(Tag {
            span: Span::new(at, at + 1 + name.len()),
            name: shared_name(names, name),
            trait_idx: ladder.trait_index(name),
            entry: consecutive.then_some(entry.idx),
        });
        if consecutive {
            entry.tags.push(idx);
        }
    }
}

/// The most names `shared_name` keeps: past them a new name is allocated as it comes.
const MAX_SHARED_NAMES: usize = 32;

/// `name` as a shared string: the one kept for it, or a new one (kept while there is room).
fn shared_name(names: &mut Vec<Arc<str>>, name: &str) -> Arc<str> {
    if let Some(kept) = names.iter().find(|kept| &***kept == name) {
        return kept.clone();
    }
    let new: Arc<str> = Arc::from(name);
    if names.len() < MAX_SHARED_NAMES {
        names.push(new.clone());
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::EntryForm;
    use crate::analysis::parse::Body;
    use crate::analysis::parse::builder::Builder;
    use crate::catalogue::builtin_ladders;
    use proptest::prelude::*;

    /// The scan as it was before names were read byte by byte, the line's start searched back
    /// from the `#` and names shared: what the faster one must find.
    fn reference(text: &str, range: Span) -> Vec<(Span, String)> {
        let source = &text[range.start..range.end];
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for (rel, _) in source.match_indices('#') {
            let at = range.start + rel;
            let name_len = text[at + 1..]
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map_or(text.len() - at - 1, |(i, _)| i);
            let name = text[at + 1..at + 1 + name_len].trim_end_matches(['-', '_']);
            if name.is_empty()
                || !name.as_bytes()[0].is_ascii_alphabetic()
                || at + 1 + name.len() > range.end
            {
                continue;
            }
            if at > 0 {
                let before = bytes[at - 1];
                if before.is_ascii_alphanumeric()
                    || before == b'\\'
                    || before == b'&'
                    || before == b'#'
                    || before == b'/'
                {
                    continue;
                }
            }
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..at].trim().is_empty() {
                continue;
            }
            found.push((Span::new(at, at + 1 + name.len()), name.to_string()));
        }
        found
    }

    proptest! {
        /// Over texts of tag characters, white space (some of it not ASCII), letters that are
        /// not ASCII and line breaks, the scan finds what the reference finds, and a repeated
        /// name is one shared string.
        #[test]
        fn tags_found_equal_the_reference_scan(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "#", "#", "a", "Z", "1", "-", "_", " ", "\u{a0}", "\u{2003}", "\n", "é",
                    "ß", "\\", "/", "&", "\t", "x#",
                ]),
                0..24,
            ),
            cut in 0usize..24,
        ) {
            let text: String = parts.concat();
            // Any event range inside the text, on character boundaries.
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = starts[cut.min(starts.len() - 1)];
            let range = Span::new(start, text.len());
            let ladder = &builtin_ladders()[0];
            let mut builder = Builder::new(&text, ladder, Body::default());
            let mut entry = builder.entry_for_tests(EntryForm::Paragraph);
            let (mut tags, mut names) = (Vec::new(), Vec::new());
            scan_tags(&text, range, ladder, &mut entry, &mut tags, &mut names);
            let found: Vec<(Span, String)> =
                tags.iter().map(|t| (t.span, t.name.to_string())).collect();
            prop_assert_eq!(found, reference(&text, range));
            for (i, a) in tags.iter().enumerate() {
                for b in &tags[..i] {
                    prop_assert_eq!(a.name == b.name, Arc::ptr_eq(&a.name, &b.name));
                }
            }
        }
    }
}
