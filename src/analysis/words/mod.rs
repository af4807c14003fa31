//! Word-level reading of an entry's plain text, shared by the text rules: a tokeniser
//! ([`tokens`]), the word lists as data ([`lexicon`], one commented file per list under
//! `lexicon/`) and the quantities the tokens spell ([`quantities`]).
//!
//! A text is tokenised once into a reused buffer; each word is lowercased once and looked up
//! once, in one hash map that gives every list it belongs to as bits. The rules then read
//! tokens and bits, not the text.

pub mod dates;
pub mod lexicon;
pub mod names;
pub mod placeholders;
pub mod quantities;
pub mod reading;
pub mod tokens;
