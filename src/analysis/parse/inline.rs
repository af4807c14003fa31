//! Inline syntax inside an entry's text: `#tag` words.

use super::builder::EntryBuilder;
use crate::analysis::document::Tag;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;
use std::sync::Arc;

/// Find `#tag` words in the source bytes of one text event. A tag is not at the start of its
/// line (that would read as a heading), not after a word character (`C#`, `issue#4`) and not
/// escaped.
pub(super) fn scan_tags(
    text: &str,
    range: Span,
    ladder: &Ladder,
    entry: &mut EntryBuilder,
    tags: &mut Vec<Tag>,
) {
    let source = &text[range.start..range.end];
    let bytes = text.as_bytes();
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
        let idx = tags.len();
        // An entry's tags are consecutive: a tag in an item's text after an entry nested in it
        // (a loose item that goes on) belongs to no entry.
        let consecutive = entry.tags.is_empty() || entry.tags.iter().end == idx;
        tags.push(Tag {
            span: Span::new(at, at + 1 + name.len()),
            name: Arc::from(name),
            trait_idx: ladder.trait_index(name),
            entry: consecutive.then_some(entry.idx),
        });
        if consecutive {
            entry.tags.push(idx);
        }
    }
}
