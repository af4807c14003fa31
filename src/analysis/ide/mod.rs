//! Editor queries over an analysed document, in protocol-free terms, one file per feature as
//! rust-analyzer's `ide` crate has them: what to complete at an offset (`completion`), what to
//! show on hover (`hover`), where a trait is named (`navigation`), the outline (`outline`),
//! folding (`folding`), code lenses (`lens`) and what to highlight (`highlight`). Each returns
//! plain data — byte spans, labels, Markdown — that the language server turns into protocol
//! types; nothing here knows about the protocol. `describe` holds the wording of keys, levels
//! and traits that completion and hover share.

mod completion;
mod describe;
mod folding;
mod highlight;
mod hover;
mod lens;
mod navigation;
mod outline;

pub use completion::{Candidate, CandidateKind, completions};
pub use describe::{key_markdown, level_markdown, trait_markdown};
pub use folding::{Fold, FoldKind, folds};
pub use highlight::{
    Highlight, HighlightKind, MeasureCache, highlights, highlights_with, measured_spans,
};
pub use hover::hover;
pub use lens::{Lens, lenses, lenses_counted};
pub use navigation::{trait_at, trait_mentions};
pub use outline::{OutlineItem, OutlineKind, entry_label, outline, outline_counted, shorten};

use super::{Analysis, Settings};
use crate::catalogue::Ladder;

/// The ladder a document is read against.
pub fn ladder_of<'s>(analysis: &Analysis, settings: &'s Settings) -> Option<&'s Ladder> {
    let id = analysis
        .document
        .as_ref()
        .map_or(settings.default_ladder.as_str(), |d| d.ladder_id.as_str());
    settings
        .catalogue
        .ladder(id)
        .or_else(|| settings.catalogue.ladders.first())
}

pub(crate) fn line_bounds(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

/// Clamp to the text and back to a char boundary.
pub(crate) fn clamp(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `$0` marks the cursor in a test fixture: the text without it, and its offset.
#[cfg(test)]
pub(crate) fn cursor(fixture: &str) -> (String, usize) {
    let offset = fixture.find("$0").expect("fixture has a $0 cursor");
    (fixture.replacen("$0", "", 1), offset)
}
