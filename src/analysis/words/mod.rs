//! Word-level reading of an entry's plain text, shared by the text rules: a tokeniser
//! ([`tokens`]), the word lists as data ([`lexicon`], one commented file per list under
//! `lexicon/`) and the quantities the tokens spell ([`quantities`]).
//!
//! A text is tokenised once into a reused buffer; each word is lowercased once and looked up
//! once, in one hash map that gives every list it belongs to as bits (after a table of the
//! listed words' shapes has ruled most words out). The rules then read tokens and bits, not the
//! text. [`reading`] is the one reading of an entry that `vague-win` and `weak-verb` share.
//! The recognisers of dates and periods ([`dates`]), trait and role names ([`names`]) and
//! placeholders ([`placeholders`]) read text of their own (headings, labels, prose runs).

pub mod dates;
pub mod lexicon;
pub mod names;
pub mod placeholders;
pub mod quantities;
pub mod reading;
pub mod tokens;
