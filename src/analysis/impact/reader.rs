//! The reader's primitives (the word at a token, its lists, clause and phrase ends) and the
//! verdict it drives: classify each quantity, then look for structures.

use super::structures::{OPENER_LISTS, STRUCTURE_OPENERS};
use super::*;
use std::sync::LazyLock;

/// The shapes (first letter, length) of the words a structure can open with, as one bit per
/// length in a row per first letter: a word whose shape is not here opens none, found with two
/// loads instead of a look-up in a word list and a comparison with each opener.
static OPENER_SHAPES: LazyLock<[u32; 32]> = LazyLock::new(|| {
    let mut shapes = [0u32; 32];
    for word in STRUCTURE_OPENERS
        .iter()
        .copied()
        .chain(COMPARISON_WORDS.iter())
    {
        let (row, bit) = shape(word);
        shapes[row] |= bit;
    }
    shapes
});

/// Each topic word's earliest topic (its index in [`lexicon::TOPICS`]): one look-up for
/// [`Reader::topic`] instead of a search of every topic's words.
pub(super) static FIRST_TOPIC: LazyLock<rustc_hash::FxHashMap<&'static str, usize>> =
    LazyLock::new(|| {
        let mut first = rustc_hash::FxHashMap::default();
        for (p, topic) in lexicon::TOPICS.iter().enumerate() {
            for &word in &topic.words {
                first.entry(word).or_insert(p);
            }
        }
        first
    });

/// A word's row and bit in [`OPENER_SHAPES`].
fn shape(word: &str) -> (usize, u32) {
    let row = word.as_bytes().first().map_or(0, |&b| usize::from(b & 31));
    (row, 1 << word.len().min(31))
}

/// Whether token `i` of `text`'s tokens `t` ends a clause ([`Reader::ends_clause`]).
pub(super) fn ends_clause_at(text: &str, t: &Tokens, i: usize) -> bool {
    let token = &t[i];
    match token.kind {
        Kind::Break => true,
        Kind::Symbol => match text.as_bytes()[token.start as usize] {
            b';' | b'!' | b'?' | b'|' => true,
            b'.' => t.get(i + 1).is_none_or(|n| !n.glued),
            b'-' => {
                !token.glued
                    && t.get(i + 1).is_some_and(|n| !n.glued)
                    && token.end == token.start + 1
            }
            b if b.is_ascii() => false,
            _ => {
                matches!(&text[token.range()], "—" | "–")
                    && !token.glued
                    && t.get(i + 1).is_some_and(|n| !n.glued)
            }
        },
        _ => false,
    }
}

impl Reader<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.is_word() => self.t.lower(i),
            _ => "",
        }
    }

    pub(super) fn is(&self, i: usize, lists: u64) -> bool {
        self.t.get(i).is_some_and(|t| t.is(lists))
    }

    pub(super) fn symbol(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Symbol => &self.text[t.range()],
            _ => "",
        }
    }

    pub(super) fn range(&self, first: usize, last: usize) -> Range<usize> {
        self.t[first].start as usize..self.t[last].end as usize
    }

    /// A clause ends at `;`, `!`, `?`, a sentence's `.`, a spaced dash, a line break.
    pub(super) fn ends_clause(&self, i: usize) -> bool {
        ends_clause_at(self.text, self.t, i)
    }

    /// A phrase ends at a clause end, a comma, a colon or a bracket.
    pub(super) fn ends_phrase(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.kind != Kind::Word
            && t.kind != Kind::Ident
            && t.kind != Kind::Number
            && (matches!(
                self.text.as_bytes()[t.start as usize],
                b',' | b':' | b'(' | b')' | b'[' | b']'
            ) || self.ends_clause(i))
    }

    /// Whether nothing a number could count follows token `last`: the entry or its phrase ends
    /// there, or a stop word follows (`to 26 so that …`), or `to` and another number (`from 12
    /// to 16`).
    pub(super) fn bare_after(&self, last: usize) -> bool {
        let next = last + 1;
        let Some(t) = self.t.get(next) else {
            return true;
        };
        if !t.is_word() {
            return self.ends_phrase(next);
        }
        if self.word(next) == "to" {
            return self.t.get(next + 1).is_some_and(|n| n.kind == Kind::Number);
        }
        self.is(next, STOP)
    }

    /// Whether tokens `a` and `b` are in one clause: no clause ends from the first of them to
    /// before the other.
    pub(super) fn same_clause(&self, a: usize, b: usize) -> bool {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let ends = self.clause_ends;
        let p = ends.partition_point(|&e| (e as usize) < low);
        ends.get(p).is_none_or(|&e| e as usize >= high)
    }

    /// The clause of token `i`, numbered from 0.
    pub(super) fn clause_of(&self, i: usize) -> usize {
        self.clause_ends.partition_point(|&e| (e as usize) < i)
    }

    /// The end (exclusive) of token `i`'s clause: the token after the one that ends it, or the
    /// number of tokens. `same_clause(i, k)` for `k >= i` is `k < clause_end(i)`.
    pub(super) fn clause_end(&self, i: usize) -> usize {
        self.clause_tokens(self.clause_of(i)).end
    }

    /// The tokens of token `i`'s clause from `before` tokens before it up to (not including)
    /// token `end`: the tokens `k` of `i - before..end` with `same_clause(k, i)`, found from the
    /// clause's bounds, not by asking of each token.
    pub(super) fn clause_window(&self, i: usize, before: usize, end: usize) -> Range<usize> {
        let clause = self.clause_tokens(self.clause_of(i));
        i.saturating_sub(before).max(clause.start)..end.min(clause.end)
    }

    /// The tokens of clause `c`.
    pub(super) fn clause_tokens(&self, c: usize) -> Range<usize> {
        let start = match c {
            0 => 0,
            c => self.clause_ends[c - 1] as usize + 1,
        };
        let end = self
            .clause_ends
            .get(c)
            .map_or(self.t.len(), |&e| e as usize + 1);
        start..end
    }

    /// The first token of token `i`'s phrase.
    pub(super) fn phrase_start(&self, i: usize) -> usize {
        match self.phrase_ends.partition_point(|&e| (e as usize) < i) {
            0 => 0,
            p => self.phrase_ends[p - 1] as usize + 1,
        }
    }

    /// Whether a structure can start at token `i` ([`Self::structure_at`]): a symbol, a word of
    /// one of the opening lists, or a word shaped like an opening word. A filter that may say
    /// yes for nothing, never no for a structure.
    pub(super) fn may_open_structure(&self, i: usize) -> bool {
        let t = &self.t[i];
        if !t.is_word() {
            return t.kind == Kind::Symbol;
        }
        if t.is(OPENER_LISTS) {
            return true;
        }
        let (row, bit) = shape(self.t.lower(i));
        OPENER_SHAPES[row] & bit != 0
    }

    /// Whether a target word governs token `i`.
    pub(super) fn targeted(&self, i: usize) -> bool {
        self.target.get(i).copied().unwrap_or(false)
    }

    /// Read everything: classify each quantity, then the structures. With `explain`, every
    /// measure and non-measure is recorded; without, it stops at the first measure.
    pub(super) fn impact(&mut self, explain: bool) -> Impact {
        // Each quantity's class goes into the reader's buffer as it is read: the classes before
        // a quantity are what classifying it may look at.
        self.classes.clear();
        let mut why = Why::default();
        let mut worst: Option<Reason> = None;
        let mut found = false;
        for index in 0..self.qs.len() {
            let q = self.qs[index];
            match self.classify(index, self.classes) {
                Class::Measure(kind) => {
                    self.classes.push(None);
                    found = true;
                    if !explain {
                        return Impact::Measurable;
                    }
                    self.measures.push((self.range(q.first, q.last), kind));
                }
                Class::Not(reason) => {
                    self.classes.push(Some(reason));
                    // A count reads with what it counts: `35 PRs`, `team of 12 engineers`.
                    let mut last = q.last;
                    if q.unit == Unit::Plain
                        && matches!(
                            reason,
                            Reason::Activity | Reason::Collaboration | Reason::Scope
                        )
                    {
                        let phrase = self.noun_phrase(q.last);
                        if !phrase.is_empty() {
                            last = phrase.end - 1;
                        }
                    }
                    let r = self.range(q.first, last);
                    let not = NotCounted {
                        reason,
                        start: r.start as u32,
                        end: r.end as u32,
                    };
                    if why.first.is_none() {
                        why.first = Some(not);
                    }
                    worst = Some(match worst {
                        Some(w) if rank(w) >= rank(reason) => w,
                        _ => reason,
                    });
                    if rank(reason) > why.first.map_or(0, |f| rank(f.reason)) {
                        why.first = Some(not);
                    }
                    self.not_counted.push(not);
                }
                Class::Nothing => self.classes.push(None),
            }
        }
        // Identifiers written as one word (`p95`, `v2.3`, `Q3`): labels, for the explanation.
        for &ident in self.idents {
            let i = ident as usize;
            let t = &self.t[i];
            if !is_multiplier_word(self.word(i)) {
                let reason = if matches!(self.word(i).as_bytes(), [b'q' | b'h', b'1'..=b'4']) {
                    Reason::Date
                } else if self.word(i).starts_with('v') {
                    Reason::Version
                } else {
                    Reason::Identifier
                };
                let not = NotCounted {
                    reason,
                    start: t.start,
                    end: t.end,
                };
                if worst.is_none() {
                    worst = Some(reason);
                    why.first = Some(not);
                } else if why.first.is_none() {
                    why.first = Some(not);
                }
                if explain {
                    self.not_counted.push(not);
                }
            } else if !self.targeted(i) {
                // `x2`: a multiplier.
                found = true;
                if !explain {
                    return Impact::Measurable;
                }
                self.measures.push((t.range(), MeasureKind::Multiplier));
            }
        }
        if self.structures(explain) {
            found = true;
            if !explain {
                return Impact::Measurable;
            }
        }
        if found {
            return Impact::Measurable;
        }
        why.topic = self.topic();
        match worst {
            Some(Reason::Target | Reason::Progress) => Impact::Target(why),
            Some(r) if !r.is_label() => Impact::ActivityCount(why),
            Some(_) => Impact::OnlyLabels(why),
            None => {
                // A target in words (`plan is to onboard all teams`) still reads as one.
                if self.target.iter().any(|&t| t) && self.structures_in_targets() {
                    why.first = None;
                    return Impact::Target(why);
                }
                Impact::Unmeasured(why)
            }
        }
    }

    /// The first topic whose words the entry uses: the earliest topic any of its topic words
    /// is in (no list of the words is built).
    pub(super) fn topic(&self) -> Option<u8> {
        if self.t.union() & TOPIC_WORD == 0 {
            return None;
        }
        let mut first: Option<usize> = None;
        for i in 0..self.t.len() {
            if !self.is(i, TOPIC_WORD) {
                continue;
            }
            let before = first.unwrap_or(lexicon::TOPICS.len());
            if let Some(&p) = FIRST_TOPIC.get(self.word(i))
                && p < before
            {
                first = Some(p);
                if p == 0 {
                    break;
                }
            }
        }
        first.and_then(|p| u8::try_from(p).ok())
    }

    /// Whether a structure would have counted but for a target word.
    pub(super) fn structures_in_targets(&mut self) -> bool {
        let saved: Vec<bool> = self.target.clone();
        self.target.iter_mut().for_each(|t| *t = false);
        let before = self.measures.len();
        let any = self.structures(true);
        self.measures.truncate(before);
        self.target.copy_from_slice(&saved);
        any
    }

    pub(super) fn push_measure(
        &mut self,
        explain: bool,
        first: usize,
        last: usize,
        kind: MeasureKind,
    ) {
        if explain {
            let r = self.range(first, last);
            self.measures.push((r, kind));
        }
    }
}
