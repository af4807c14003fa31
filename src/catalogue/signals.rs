//! Trait signals: the words and phrases that mark a trait in an entry nobody tagged, compiled
//! once per ladder into a table that one pass over an entry's words reads.
//!
//! Each trait of the ladder data carries three lists (see `data/traits.toml`):
//! - `signals`: a phrase that alone says the trait ("coached", "hiring loop"): worth
//!   [`SIGNAL_WEIGHT`];
//! - `hints`: a word that leans towards the trait but could mean other things ("junior",
//!   "deadline"): worth [`HINT_WEIGHT`], so it takes two of them, or one with a signal;
//! - `not_signals`: a phrase in which a signal's words do not count ("mentored by" is being
//!   mentored, "on my own" is not ownership): worth nothing, it only takes its words away.
//!
//! Words are compared by a crude stem ([`stem_in_place`]: "coach", "coached", "coaching" and
//! "coaches" are one word), so a signal is written once in any of its forms. A phrase is a
//! sequence of words; `…` (or `...`) in it stands for up to [`MAX_GAP`] other words
//! ("until … on their own").

use rustc_hash::FxHashMap;

/// What a signal adds to its trait's score.
pub const SIGNAL_WEIGHT: u8 = 2;
/// What a hint adds.
pub const HINT_WEIGHT: u8 = 1;
/// The score an entry needs for a trait to be inferred: one signal, or two hints.
pub const INFER_THRESHOLD: u32 = 2;
/// How many words a `…` in a phrase may stand for.
pub const MAX_GAP: usize = 5;
/// The longest phrase, in words (gap not counted).
pub const MAX_PHRASE_WORDS: usize = 8;
/// The most signals, hints and not-signals one trait may list, together.
pub const MAX_SIGNALS_PER_TRAIT: usize = 400;

/// The three lists of one trait, as written in the ladder data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TraitSignals {
    pub signals: Vec<String>,
    pub hints: Vec<String>,
    pub not_signals: Vec<String>,
}

impl TraitSignals {
    /// Add another list's phrases to this one's (a custom ladder extending a built-in trait).
    pub fn extend(&mut self, more: TraitSignals) {
        self.signals.extend(more.signals);
        self.hints.extend(more.hints);
        self.not_signals.extend(more.not_signals);
    }

    pub fn is_empty(&self) -> bool {
        self.signals.is_empty() && self.hints.is_empty() && self.not_signals.is_empty()
    }
}

/// Why a phrase cannot be a signal, for the schema's located errors.
pub fn phrase_problem(phrase: &str) -> Option<String> {
    let mut n_words = 0;
    let mut n_gaps = 0;
    let mut last_was_gap = None;
    for token in phrase_tokens(phrase) {
        match token {
            PhraseToken::Gap => {
                if last_was_gap.is_none() {
                    return Some("a phrase cannot start with `…`".to_string());
                }
                n_gaps += 1;
                last_was_gap = Some(true);
            }
            PhraseToken::Word(_) => {
                n_words += 1;
                last_was_gap = Some(false);
            }
        }
    }
    if n_words == 0 {
        return Some("a signal needs at least one word".to_string());
    }
    if last_was_gap == Some(true) {
        return Some("a phrase cannot end with `…`".to_string());
    }
    if n_gaps > 1 {
        return Some("a phrase may hold one `…` at most".to_string());
    }
    if n_words > MAX_PHRASE_WORDS {
        return Some(format!(
            "a phrase may hold {MAX_PHRASE_WORDS} words at most"
        ));
    }
    None
}

enum PhraseToken {
    Word(String),
    Gap,
}

/// A phrase's words, stemmed, and its gap.
fn phrase_tokens(phrase: &str) -> Vec<PhraseToken> {
    let mut tokens = Vec::new();
    // A gap is its own token even when written against a word ("until…alone").
    let spaced = phrase.replace("...", " … ").replace('…', " … ");
    for part in spaced.split_whitespace() {
        if part == "…" {
            tokens.push(PhraseToken::Gap);
            continue;
        }
        for_each_word(part, &mut String::new(), |word| {
            tokens.push(PhraseToken::Word(word.to_string()));
        });
    }
    tokens
}

/// Calls `each` with every word of `text`, lowercased and stemmed, in `buffer`. Words are runs
/// of letters and digits: hyphens, apostrophes and other punctuation split them ("on-call" is
/// "on" and "call" in the text and in a signal alike).
pub fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    buffer.clear();
    let mut is_ascii = true;
    let mut flush = |buffer: &mut String, is_ascii: &mut bool| {
        if !buffer.is_empty() {
            if *is_ascii {
                stem_in_place(buffer);
            }
            each(buffer);
            buffer.clear();
        }
        *is_ascii = true;
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() {
                // A run of ASCII letters and digits in one copy, lowercased in place.
                let run = bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| at + n);
                let from = buffer.len();
                buffer.push_str(&text[at..run]);
                buffer[from..].make_ascii_lowercase();
                at = run;
            } else {
                flush(buffer, &mut is_ascii);
                at += 1;
            }
            continue;
        }
        let ch = text[at..].chars().next().unwrap_or(' ');
        at += ch.len_utf8();
        if ch.is_alphanumeric() {
            is_ascii = false;
            buffer.extend(ch.to_lowercase());
        } else {
            flush(buffer, &mut is_ascii);
        }
    }
    flush(buffer, &mut is_ascii);
}

/// A crude stem of a lowercase ASCII word, enough for one word's forms to meet: a plural or
/// third-person `s`, `ing`, `ed`, a final `e` and a doubled final consonant go, and a final
/// `y` after a consonant becomes `i` ("studies", "studied", "study" → "studi"; "shipped",
/// "shipping" → "ship"; "hire", "hiring", "hired" → "hir"). Not a real stemmer: signals and
/// text go through the same function, so they meet whatever it makes of a word.
pub fn stem_in_place(word: &mut String) {
    if word.len() <= 3 {
        return;
    }
    let ends = |word: &String, suffix: &str| word.ends_with(suffix);
    // Plurals and third person.
    if ends(word, "ies") && word.len() > 4 {
        word.truncate(word.len() - 3);
        word.push('i');
    } else if ends(word, "sses")
        || ends(word, "ches")
        || ends(word, "shes")
        || ends(word, "xes")
        || ends(word, "zzes")
    {
        word.truncate(word.len() - 2);
    } else if ends(word, "s") && !ends(word, "ss") && !ends(word, "us") && !ends(word, "is") {
        word.truncate(word.len() - 1);
    }
    // Participles and past tense, keeping a stem of three letters at least ("led", "need").
    if ends(word, "ing") && word.len() >= 6 {
        word.truncate(word.len() - 3);
        undouble(word);
    } else if ends(word, "ied") && word.len() > 4 {
        word.truncate(word.len() - 3);
        word.push('i');
    } else if ends(word, "ed") && word.len() >= 5 {
        word.truncate(word.len() - 2);
        undouble(word);
    }
    if ends(word, "e") && word.len() >= 4 {
        word.truncate(word.len() - 1);
    } else if ends(word, "y") && word.len() >= 4 {
        let before = word.as_bytes()[word.len() - 2];
        if !b"aeiou".contains(&before) {
            word.truncate(word.len() - 1);
            word.push('i');
        }
    }
}

/// "shipp" → "ship", "plann" → "plan"; "add", "staff" and "call" keep theirs.
fn undouble(word: &mut String) {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n >= 4 && bytes[n - 1] == bytes[n - 2] && b"bdgmnprt".contains(&bytes[n - 1]) {
        word.truncate(n - 1);
    }
}

/// A word of the signals' vocabulary.
pub type WordId = u32;
/// Any word no signal uses.
pub const OTHER_WORD: WordId = WordId::MAX;

/// What a matched phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalKind {
    Signal,
    Hint,
    /// Takes its words away from the other phrases and adds nothing.
    Not,
}

/// One compiled phrase.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub trait_idx: usize,
    pub kind: SignalKind,
    /// The phrase as the ladder data writes it, for hover text.
    pub text: String,
    /// The words before the gap, then those after it (`after` is empty without a gap).
    pub before: Vec<WordId>,
    pub after: Vec<WordId>,
}

impl Phrase {
    pub fn weight(&self) -> u8 {
        match self.kind {
            SignalKind::Signal => SIGNAL_WEIGHT,
            SignalKind::Hint => HINT_WEIGHT,
            SignalKind::Not => 0,
        }
    }

    pub fn has_gap(&self) -> bool {
        !self.after.is_empty()
    }
}

/// Every trait's phrases, by their first word: built once per ladder.
#[derive(Debug, Clone, Default)]
pub struct SignalIndex {
    vocabulary: FxHashMap<Box<str>, WordId>,
    pub phrases: Vec<Phrase>,
    /// For each word id, the phrases starting with it, longest first.
    starting_with: Vec<Vec<u32>>,
}

impl SignalIndex {
    /// Compile the signals of `traits` (indexed as the ladder's traits). Phrases that
    /// [`phrase_problem`] rejects are left out (the schema reports them before this runs).
    pub fn build<'t>(traits: impl IntoIterator<Item = &'t TraitSignals>) -> SignalIndex {
        let mut index = SignalIndex::default();
        for (trait_idx, lists) in traits.into_iter().enumerate() {
            let kinds = [
                (SignalKind::Signal, &lists.signals),
                (SignalKind::Hint, &lists.hints),
                (SignalKind::Not, &lists.not_signals),
            ];
            for (kind, phrases) in kinds {
                for text in phrases {
                    if phrase_problem(text).is_some() {
                        continue;
                    }
                    let (mut before, mut after) = (Vec::new(), Vec::new());
                    let mut seen_gap = false;
                    for token in phrase_tokens(text) {
                        match token {
                            PhraseToken::Gap => seen_gap = true,
                            PhraseToken::Word(word) => {
                                let id = index.intern(word);
                                if seen_gap {
                                    after.push(id);
                                } else {
                                    before.push(id);
                                }
                            }
                        }
                    }
                    index.phrases.push(Phrase {
                        trait_idx,
                        kind,
                        text: text.clone(),
                        before,
                        after,
                    });
                }
            }
        }
        index.starting_with = vec![Vec::new(); index.vocabulary.len()];
        for (phrase_idx, phrase) in index.phrases.iter().enumerate() {
            index.starting_with[phrase.before[0] as usize].push(phrase_idx as u32);
        }
        let phrases = &index.phrases;
        for list in &mut index.starting_with {
            // Longest first: at a word, the longest phrase that matches takes it.
            list.sort_by_key(|&p| {
                let p = &phrases[p as usize];
                std::cmp::Reverse(p.before.len() + p.after.len())
            });
        }
        index
    }

    fn intern(&mut self, word: String) -> WordId {
        let next = self.vocabulary.len() as WordId;
        *self.vocabulary.entry(word.into_boxed_str()).or_insert(next)
    }

    /// The id of a stemmed word, or [`OTHER_WORD`].
    pub fn word_id(&self, stemmed: &str) -> WordId {
        self.vocabulary.get(stemmed).copied().unwrap_or(OTHER_WORD)
    }

    /// The phrases that start with `word`, longest first.
    pub fn phrases_starting_with(&self, word: WordId) -> &[u32] {
        self.starting_with
            .get(word as usize)
            .map_or(&[], Vec::as_slice)
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn forms_of_one_word_meet() {
        for group in [
            &["coach", "coached", "coaching", "coaches"][..],
            &["mentor", "mentored", "mentoring", "mentors"],
            &["ship", "shipped", "shipping", "ships"],
            &["hire", "hired", "hiring", "hires"],
            &["study", "studied", "studies"],
            &["plan", "planned", "planning"],
            &["interview", "interviewed", "interviewing", "interviews"],
            &["prioritize", "prioritized", "prioritizing"],
            &["onboard", "onboarded", "onboarding"],
            &["launch", "launched", "launches"],
        ] {
            let stems: Vec<Vec<String>> = group.iter().map(|w| words(w)).collect();
            assert!(stems.iter().all(|s| s == &stems[0]), "{group:?}: {stems:?}");
        }
        // Short words and words that only look inflected keep their shape.
        assert_eq!(
            words("led need add staff process"),
            ["led", "need", "add", "staff", "process"]
        );
    }

    #[test]
    fn words_split_at_punctuation_and_fold_case() {
        assert_eq!(words("Ran ON-CALL, alone!"), ["ran", "on", "call", "alon"]);
        assert_eq!(words("Über—team"), ["über", "team"]);
    }

    #[test]
    fn bad_phrases_say_why() {
        assert!(phrase_problem("… alone").unwrap().contains("start"));
        assert!(phrase_problem("until …").unwrap().contains("end"));
        assert!(phrase_problem("a … b … c").unwrap().contains("one"));
        assert!(phrase_problem(" , ").unwrap().contains("word"));
        assert_eq!(phrase_problem("until…on their own"), None);
    }
}
