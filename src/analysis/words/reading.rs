//! One reading of an entry's words, shared by the text rules that judge entries.
//!
//! `vague-win` judges an entry's full text (its own words and its nested detail), `weak-verb`
//! its own words, and both read the same tokens: the own text is the full text's first line(s),
//! and a line break is a token of its own, so the tokens of the own text are exactly the full
//! text's tokens that end inside it. [`read`] tokenises the full text once and gives both
//! results; the analysis makes one reading per judged entry (`Context::entry_words`), through one
//! memo table, and keeps each entry's impact in the document for the outline, lenses, readiness
//! and hovers ([`crate::analysis::document::Document::entry_impact`]).

use super::tokens::Tokens;
use crate::analysis::impact::{self, Impact};
use std::cell::RefCell;
use std::ops::Range;

/// What the text rules read in one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryWords {
    /// `vague-win`'s judgement of the full text.
    pub impact: Impact,
    /// `weak-verb`'s weak words, as byte ranges of the entry's own text (most entries have none:
    /// an empty box holds no allocation).
    pub weak: Box<[Range<u32>]>,
    /// The length of the own text inside the full text: two entries whose full texts are equal
    /// can split them differently (a line break in the own text, or before the detail), and a
    /// result read by text is only reused for the same split.
    own_len: u32,
}

impl EntryWords {
    /// Whether this reading is of an entry whose own text is the first `own_len` bytes.
    pub fn is_split_at(&self, own_len: usize) -> bool {
        self.own_len as usize == own_len
    }
}

thread_local! {
    /// The token buffers [`read`] reuses from entry to entry.
    static TOKENS: RefCell<Tokens> = RefCell::default();
}

/// Read an entry whose full text is `full` and whose own text is `full[..own_len]`.
pub fn read(full: &str, own_len: usize) -> EntryWords {
    TOKENS.with(|cell| {
        // A reading never calls back into another, but stay correct if one ever does.
        let mut fresh = Tokens::default();
        let mut borrowed = cell.try_borrow_mut();
        let tokens: &mut Tokens = match borrowed.as_deref_mut() {
            Ok(t) => t,
            Err(_) => &mut fresh,
        };
        tokens.read(full);
        let impact = impact::assess_tokens(full, tokens);
        let weak = crate::analysis::rules::weak_words_in(full, own_len, tokens)
            .into_iter()
            .map(|r| r.start as u32..r.end as u32)
            .collect();
        EntryWords {
            impact,
            weak,
            own_len: own_len as u32,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_reading_equals_each_rule_on_its_own_text() {
        for (own, detail) in [
            ("Helped cut p99 from 800 ms to 120 ms", ""),
            (
                "Worked on the importer",
                "Helped the team ship it in 3 weeks",
            ),
            ("Contributed to\nthe migration", "- saved $20k a year"),
            (
                "AI-assisted review; I helped on-call",
                "was part of the rota",
            ),
        ] {
            let full = if detail.is_empty() {
                own.to_string()
            } else {
                format!("{own}\n{detail}")
            };
            let words = read(&full, own.len());
            assert_eq!(words.impact, impact::assess(&full), "{full}");
            let mut alone = Tokens::default();
            alone.read(own);
            let expected: Vec<Range<u32>> =
                crate::analysis::rules::weak_words_in(own, own.len(), &alone)
                    .into_iter()
                    .map(|r| r.start as u32..r.end as u32)
                    .collect();
            assert_eq!(&*words.weak, expected.as_slice(), "{full}");
            assert!(words.is_split_at(own.len()));
        }
    }
}
