//! Results of the costliest per-text computations, kept between analyses of one document so
//! an edit recomputes them only for the text it changed.
//!
//! Each table maps a text to what a pure function of that text returned: the one reading of a
//! judged entry's words (`vague-win`'s impact and `weak-verb`'s weak words, from one
//! tokenisation: `words::reading`), the placeholders in a run of prose
//! (`placeholder-text`), and the model of one piece of a large body (`parse`; a function of the
//! piece's text and the ladder's names, so the table empties when those names change). A hit is
//! therefore exactly what a fresh computation would give, and an analysis with a memo equals one
//! without (property tests check this over edit sequences, on small documents and on ones large
//! enough to be parsed in pieces).
//!
//! The language server keeps one memo per open document. Each analysis marks the entries it
//! reads; entries not read by the latest analysis are dropped when it ends, so what a memo
//! holds is bounded by the document as it is ([`Memo::size`]). The text tables' keys are copies
//! of their text (an entry's full text keys one table, a prose run another). A piece of a large
//! body is looked up by the hash of its text and the hit checked against the text of the
//! analysis that last read it, which the memo shares (a range of an `Arc<str>`; the server
//! offers the one its snapshot keeps, [`Memo::offer_text`]) instead of keying each piece by a
//! copy: the copies had been a second 10 MB of a 10 MB document. Two analyses of one document at
//! once only cost each other hits.
//!
//! A kept piece model also holds the rules' results for its own entries and prose runs
//! ([`KeptPiece`]), filled in as analyses read them, and a rule reads them through
//! [`Results`]: by position, with no hashing, no text compared and no random access into a
//! large table. After an edit to a 1 MB draft, looking every entry up by text had been about 30%
//! of the analysis. The text tables then hold only what the kept pieces did not: the entries
//! of the pieces parsed again, which is where typing goes on.

use super::parse::Body;
use super::words::reading::EntryWords;
use crate::catalogue::signals::TraitSignals;
use crate::catalogue::{Ladder, Role};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// Per-document memo; see the module documentation.
#[derive(Default)]
pub struct Memo {
    generation: AtomicU64,
    /// The text of the analysis about to run, shared by its caller ([`Memo::offer_text`]).
    offered: Mutex<Option<Arc<str>>>,
    /// The shared reading of each judged entry (`vague-win`'s impact, `weak-verb`'s weak words),
    /// by its full text.
    words: Mutex<Table<EntryWords>>,
    placeholders: Mutex<Table<Vec<Range<usize>>>>,
    pieces: Mutex<Pieces>,
}

/// A ladder's trait and role spellings, as `Ladder::trait_spellings` and `role_spellings` give
/// them, and its traits' signals (what the kept inference slots were read with).
type LadderNames = (Vec<(String, usize)>, Vec<(String, Role)>, Vec<TraitSignals>);

/// The models of the pieces of a large body, by piece text, and the ladder names they were
/// built with (a heading's kind and a tag's trait come from those).
///
/// The body's last piece is parsed as the end of the input, which can end an empty list item
/// differently (see `chunks::ItemMender`), so it has a table of its own.
#[derive(Default)]
pub struct Pieces {
    names: Option<LadderNames>,
    inner: PieceTable,
    last: PieceTable,
}

/// Piece models by the Fx hash of their text. Each entry names where its text lies in the text
/// of the analysis that last read it, so a hit is the same text compared byte for byte, as a
/// copied key was, with the text shared instead of copied.
#[derive(Default)]
struct PieceTable {
    entries: FxHashMap<u64, Vec<KeptEntry>>,
    generation: u64,
}

/// One kept piece model, where its text is, and the generation of the analysis that last read it.
struct KeptEntry {
    text: Arc<str>,
    range: Range<usize>,
    piece: Arc<KeptPiece>,
    seen: u64,
}

/// The hash a [`PieceTable`] files a piece's text under.
fn piece_hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text)
}

impl PieceTable {
    /// The model of `source[range]`, built by `parse` when not held; the entry then names
    /// `source` as where its text is.
    fn get_or_compute(
        &mut self,
        source: &Arc<str>,
        range: Range<usize>,
        parse: impl FnOnce(&str) -> Arc<KeptPiece>,
    ) -> Arc<KeptPiece> {
        let piece = &source[range.clone()];
        let generation = self.generation;
        let bucket = self.entries.entry(piece_hash(piece)).or_default();
        if let Some(entry) = bucket
            .iter_mut()
            .find(|e| &e.text[e.range.clone()] == piece)
        {
            entry.seen = generation;
            // The text it names from now on: the latest one, so older texts can go.
            if !Arc::ptr_eq(&entry.text, source) {
                entry.text = source.clone();
                entry.range = range;
            }
            return entry.piece.clone();
        }
        let model = parse(piece);
        bucket.push(KeptEntry {
            text: source.clone(),
            range,
            piece: model.clone(),
            seen: generation,
        });
        model
    }

    #[cfg(test)]
    fn holds(&self, piece: &str) -> bool {
        self.entries
            .get(&piece_hash(piece))
            .is_some_and(|bucket| bucket.iter().any(|e| &e.text[e.range.clone()] == piece))
    }

    fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    fn start(&mut self, generation: u64) {
        self.generation = generation;
    }

    fn finish(&mut self, generation: u64) {
        // As `Table::finish`: keep what this analysis (or a newer one) read.
        self.entries.retain(|_, bucket| {
            bucket.retain(|e| e.seen >= generation);
            !bucket.is_empty()
        });
        if self.entries.capacity() > 4 * self.entries.len() + 64 {
            self.entries.shrink_to(2 * self.entries.len());
        }
    }

    /// What this table holds, for [`Memo::size`]: its texts are shared, so no key bytes.
    fn size(&self) -> MemoSize {
        MemoSize {
            results: 0,
            key_bytes: 0,
            capacity: self.entries.capacity(),
            pieces: self.len(),
        }
    }
}

/// The results of one rule for each of a piece's entries (or prose runs), by position; `None`
/// until an analysis reads it.
type Slots<T> = Mutex<Vec<Option<T>>>;

/// The model of one piece of a large body, as the memo keeps it, with the rules' results for
/// its entries and prose runs. Those are pure functions of texts the model never changes, so
/// they hold as long as the model does, wherever the piece moves in the document.
pub struct KeptPiece {
    pub body: Body,
    words: Slots<EntryWords>,
    placeholders: Slots<Vec<Range<usize>>>,
    /// The traits inference reads in each entry's wording (`infer::infer_entry` of its text and
    /// detail, with the signals of the ladder the piece was kept for: [`Memo::pieces`]).
    inferred: Slots<Vec<usize>>,
    /// The piece's prose runs (by index in the piece) that `placeholder-text`'s prefilter lets
    /// through, found once ([`prose_runs_where`]): nearly every run is let through by none, and
    /// testing all 23,000 runs of a 1 MB doc again after each edit was 5.8 M instructions.
    placeholder_runs: std::sync::OnceLock<Box<[u32]>>,
}

impl KeptPiece {
    pub fn new(body: Body) -> KeptPiece {
        KeptPiece {
            body,
            words: Mutex::default(),
            placeholders: Mutex::default(),
            inferred: Mutex::default(),
            placeholder_runs: std::sync::OnceLock::new(),
        }
    }
}

/// The kept piece models a document was made from, in order ([`KeptAt`]), shared by the
/// document, so what is read from it after the analysis (trait inference, made at the first
/// request that shows it) is kept per piece too. Empty without a memo or for a body of one piece.
#[derive(Clone, Default)]
pub struct KeptPieces(Arc<[KeptAt]>);

impl KeptPieces {
    pub fn new(kept: Vec<KeptAt>) -> KeptPieces {
        KeptPieces(kept.into())
    }

    pub fn as_slice(&self) -> &[KeptAt] {
        &self.0
    }
}

impl std::fmt::Debug for KeptPieces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeptPieces({})", self.0.len())
    }
}

/// Where a kept piece's model went in one analysis's document: the index of its first entry
/// and of its first prose run.
pub struct KeptAt {
    pub piece: Arc<KeptPiece>,
    pub first_entry: usize,
    pub first_run: usize,
}

impl Pieces {
    /// The model of the piece `source[range]`, built by `parse` when not held yet. `source` is
    /// the analysis's whole text, from [`Memo::shared_text`].
    pub fn get_or_compute(
        &mut self,
        source: &Arc<str>,
        range: Range<usize>,
        is_last: bool,
        parse: impl FnOnce(&str) -> Arc<KeptPiece>,
    ) -> Arc<KeptPiece> {
        let table = if is_last {
            &mut self.last
        } else {
            &mut self.inner
        };
        table.get_or_compute(source, range, parse)
    }

    /// How many piece models are held.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.inner.len() + self.last.len()
    }

    /// True when the model of `piece` is held.
    #[cfg(test)]
    pub fn holds(&self, piece: &str, is_last: bool) -> bool {
        let table = if is_last { &self.last } else { &self.inner };
        table.holds(piece)
    }

    fn start(&mut self, generation: u64) {
        self.inner.start(generation);
        self.last.start(generation);
    }

    fn finish(&mut self, generation: u64) {
        self.inner.finish(generation);
        self.last.finish(generation);
    }
}

/// How much a memo holds (see [`Memo::size`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoSize {
    /// Results held by text, over every table.
    pub results: usize,
    /// The bytes of their keys (copies of entry texts, prose runs and piece texts).
    pub key_bytes: usize,
    /// The slots the tables' maps have room for (what they cost beyond their contents).
    pub capacity: usize,
    /// Piece models held (their keys are shared texts, not copies: no key bytes).
    pub pieces: usize,
}

impl std::ops::Add for MemoSize {
    type Output = MemoSize;
    fn add(self, other: MemoSize) -> MemoSize {
        MemoSize {
            results: self.results + other.results,
            key_bytes: self.key_bytes + other.key_bytes,
            capacity: self.capacity + other.capacity,
            pieces: self.pieces + other.pieces,
        }
    }
}

/// The generation of a memo's first analysis.
const FIRST_GENERATION: u64 = 1;

/// One kind of result, by text, with the generation of the analysis that last read it.
pub struct Table<T> {
    /// Fx hashing: a hit costs about a tenth of SipHash's time on an entry's text, and the
    /// keys are the user's own document, not an adversary's.
    entries: FxHashMap<Box<str>, (T, u64)>,
    generation: u64,
}

impl<T> Default for Table<T> {
    fn default() -> Table<T> {
        Table {
            entries: FxHashMap::default(),
            generation: 0,
        }
    }
}

impl<T> Table<T> {
    /// The result for `text`, computed by `compute` when not held yet.
    pub fn get_or_compute(&mut self, text: &str, compute: impl FnOnce(&str) -> T) -> T
    where
        T: Clone,
    {
        self.get_or_compute_where(text, |_| true, compute)
    }

    /// [`Table::get_or_compute`], where a held result only counts when `valid` says so (it
    /// depends on more than the text: see `EntryWords::is_split_at`); an invalid one is replaced.
    pub fn get_or_compute_where(
        &mut self,
        text: &str,
        valid: impl FnOnce(&T) -> bool,
        compute: impl FnOnce(&str) -> T,
    ) -> T
    where
        T: Clone,
    {
        let generation = self.generation;
        if let Some((value, seen)) = self.entries.get_mut(text) {
            if valid(value) {
                *seen = generation;
                return value.clone();
            }
            let fresh = compute(text);
            *value = fresh.clone();
            *seen = generation;
            return fresh;
        }
        let value = compute(text);
        self.entries
            .insert(text.into(), (value.clone(), generation));
        value
    }

    fn start(&mut self, generation: u64) {
        self.generation = generation;
    }

    fn finish(&mut self, generation: u64) {
        // Keep what this analysis read; if a newer one has started meanwhile, keep that too.
        self.entries.retain(|_, (_, seen)| *seen >= generation);
        // A map keeps its capacity when entries go: after a large paste is deleted, the slots
        // the paste grew would stay for the life of the document. Give them back once most are
        // empty (rarely: the rehash costs about what the paste's analysis did).
        if self.entries.capacity() > 4 * self.entries.len() + 64 {
            self.entries.shrink_to(2 * self.entries.len());
        }
    }

    /// What this table holds, for [`Memo::size`].
    fn size(&self) -> MemoSize {
        MemoSize {
            results: self.entries.len(),
            key_bytes: self.entries.keys().map(|k| k.len()).sum(),
            capacity: self.entries.capacity(),
            pieces: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `compute(text)`, through `table` when there is one (a rule holds its table's lock, if the
/// analysis has a memo, for the whole of its pass).
pub fn through<T: Clone>(
    table: Option<&mut Table<T>>,
    text: &str,
    valid: impl FnOnce(&T) -> bool,
    compute: impl FnOnce(&str) -> T,
) -> T {
    match table {
        Some(table) => table.get_or_compute_where(text, valid, compute),
        None => compute(text),
    }
}

/// The indexes of the document's prose runs (`runs`, spans into `text`) whose text `may_hold`
/// lets through, in order: for the runs of a kept piece, from the list the piece keeps (tested
/// once, at the first analysis that reads it: the runs' texts are the piece's own), for any
/// other run by testing it. The same as testing every run, as long as `may_hold` is always the
/// same pure function (it is `placeholder-text`'s prefilter; the list is for it alone).
pub fn prose_runs_where(
    kept: &[KeptAt],
    runs: &[crate::analysis::text::Span],
    text: &str,
    may_hold: fn(&str) -> bool,
) -> Vec<usize> {
    let passes = |index: usize| {
        let run = runs[index];
        may_hold(&text[run.start..run.end])
    };
    let mut out = Vec::new();
    let mut next = 0;
    for at in kept {
        let len = at.piece.body.prose_runs.len();
        let first = at.first_run;
        if first < next || first + len > runs.len() {
            continue;
        }
        out.extend((next..first).filter(|&i| passes(i)));
        let list = at.piece.placeholder_runs.get_or_init(|| {
            (0..len)
                .filter(|&i| passes(first + i))
                .map(|i| i as u32)
                .collect()
        });
        out.extend(list.iter().map(|&i| first + i as usize));
        next = first + len;
    }
    out.extend((next..runs.len()).filter(|&i| passes(i)));
    out
}

/// What a [`Results`] reads: one rule's slots in a kept piece, and which of the document's lists
/// they follow.
struct Source<T: 'static> {
    slots: fn(&KeptPiece) -> &Slots<T>,
    /// The piece's first item in the document, and how many items it has.
    first: fn(&KeptAt) -> usize,
    len: fn(&KeptPiece) -> usize,
}

/// One rule's per-item results (per entry, or per prose run) over one analysis: from the kept
/// piece the item came from when it has them, else through the rule's text table, else computed.
/// Read the items in order: a piece's slots stay locked until the first item past it.
pub struct Results<'a, T: 'static> {
    kept: &'a [KeptAt],
    source: Source<T>,
    table: Option<MutexGuard<'a, Table<T>>>,
    current: Option<PieceSlots<'a, T>>,
}

/// The items of the piece last read, and its slots, locked.
type PieceSlots<'a, T> = (Range<usize>, MutexGuard<'a, Vec<Option<T>>>);

impl<T> Source<T> {
    /// Slots that follow the document's entries.
    fn per_entry(slots: fn(&KeptPiece) -> &Slots<T>) -> Self {
        Source {
            slots,
            first: |at| at.first_entry,
            len: |piece| piece.body.entries.len(),
        }
    }

    /// Slots that follow the document's prose runs.
    fn per_prose_run(slots: fn(&KeptPiece) -> &Slots<T>) -> Self {
        Source {
            slots,
            first: |at| at.first_run,
            len: |piece| piece.body.prose_runs.len(),
        }
    }
}

impl<'a> Results<'a, EntryWords> {
    /// The shared reading of each judged entry's words.
    pub fn entry_words(memo: Option<&'a Memo>, kept: &'a [KeptAt]) -> Self {
        let table = memo.map(|memo| lock(&memo.words));
        Results::new(table, kept, Source::per_entry(|piece| &piece.words))
    }
}

impl<'a> Results<'a, Vec<usize>> {
    /// The traits inference reads in each entry's wording: kept in the pieces' slots only (no
    /// text table: typing re-parses one piece, and its few entries are quick to read again).
    pub fn inferred(kept: &'a [KeptAt]) -> Self {
        Results::new(None, kept, Source::per_entry(|piece| &piece.inferred))
    }
}

impl<'a> Results<'a, Vec<Range<usize>>> {
    /// `placeholder-text`'s placeholders in each prose run.
    pub fn placeholders(memo: Option<&'a Memo>, kept: &'a [KeptAt]) -> Self {
        let table = memo.map(|memo| lock(&memo.placeholders));
        Results::new(
            table,
            kept,
            Source::per_prose_run(|piece| &piece.placeholders),
        )
    }
}

impl<'a, T: Clone + 'static> Results<'a, T> {
    fn new(table: Option<MutexGuard<'a, Table<T>>>, kept: &'a [KeptAt], source: Source<T>) -> Self {
        Results {
            kept,
            source,
            table,
            current: None,
        }
    }

    /// The result for item `index`, whose text `text()` spells out; a result held by text only
    /// counts when `valid` says so (a kept piece's slot is the item's own and always does).
    pub fn get<'t>(
        &mut self,
        index: usize,
        text: impl FnOnce() -> &'t str,
        valid: impl FnOnce(&T) -> bool,
        compute: impl FnOnce(&str) -> T,
    ) -> T {
        let in_current = self
            .current
            .as_ref()
            .is_some_and(|(items, _)| items.contains(&index));
        if !in_current {
            // At most one piece's slots are locked at a time.
            self.current = None;
            self.current = self.piece_of(index);
        }
        let table = self.table.as_deref_mut();
        let Some((items, slots)) = self.current.as_mut() else {
            return through(table, text(), valid, compute);
        };
        let slot = &mut slots[index - items.start];
        if let Some(value) = slot {
            return value.clone();
        }
        // The text table serves typing in a piece parsed again. The first analysis of a document
        // parses every piece and nothing has been typed yet: copying every text into the table
        // then cost 26 MB and a tenth of the time to open a 10 MB draft.
        let table = table.filter(|table| table.generation > FIRST_GENERATION);
        let value = through(table, text(), valid, compute);
        *slot = Some(value.clone());
        value
    }

    /// The kept piece item `index` came from, with its slots locked.
    fn piece_of(&self, index: usize) -> Option<PieceSlots<'a, T>> {
        let first = self.source.first;
        let after = self.kept.partition_point(|at| first(at) <= index);
        let at = self.kept.get(after.checked_sub(1)?)?;
        let len = (self.source.len)(&at.piece);
        let items = first(at)..first(at) + len;
        if !items.contains(&index) {
            return None;
        }
        let mut slots = lock((self.source.slots)(&at.piece));
        if slots.len() != len {
            slots.resize(len, None);
        }
        Some((items, slots))
    }
}

/// A lock that survives a panic in another analysis: a table is never left half-changed (an
/// entry is inserted whole or not at all), so its contents stay valid.
fn lock<T>(table: &Mutex<T>) -> MutexGuard<'_, T> {
    table
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Memo {
    pub fn new() -> Memo {
        Memo::default()
    }

    /// Start an analysis; returns its generation, for [`Memo::finish`].
    pub(crate) fn start(&self) -> u64 {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        lock(&self.words).start(generation);
        lock(&self.placeholders).start(generation);
        lock(&self.pieces).start(generation);
        generation
    }

    /// Offer the text of the analysis about to run, shared: the piece models it keeps name
    /// their text as ranges of it instead of copying it. The server offers the `Arc` its
    /// snapshot keeps, so a large document's text is held once for both. Without an offer (or
    /// for another text) an analysis that keeps pieces copies its text once.
    pub fn offer_text(&self, text: Arc<str>) {
        *lock(&self.offered) = Some(text);
    }

    /// `text` as an `Arc`: the one offered if it is that very text, else a copy.
    pub(crate) fn shared_text(&self, text: &str) -> Arc<str> {
        let offered = lock(&self.offered);
        match offered.as_ref() {
            Some(shared)
                if std::ptr::eq(shared.as_ptr(), text.as_ptr()) && shared.len() == text.len() =>
            {
                shared.clone()
            }
            _ => Arc::from(text),
        }
    }

    /// End the analysis of `generation`: drop what it did not read.
    pub(crate) fn finish(&self, generation: u64) {
        // The offer was for the analysis that ran; the snapshot (or the caller) keeps the text.
        lock(&self.offered).take();
        lock(&self.words).finish(generation);
        lock(&self.placeholders).finish(generation);
        lock(&self.pieces).finish(generation);
    }

    #[cfg(test)]
    fn placeholder_table(&self) -> MutexGuard<'_, Table<Vec<Range<usize>>>> {
        lock(&self.placeholders)
    }

    /// What the memo holds now: after an analysis ends, only what that analysis read (the
    /// results of the document as it is), so it stays bounded by the document's size however
    /// many edits came before (`tests/memo_bounds.rs` checks this over thousands of edits).
    pub fn size(&self) -> MemoSize {
        let pieces = lock(&self.pieces);
        lock(&self.words).size()
            + lock(&self.placeholders).size()
            + pieces.inner.size()
            + pieces.last.size()
    }

    /// The piece models built with `ladder`'s names; emptied first if they were built with other
    /// names (a changed ladder, or front matter that now names another one).
    pub fn pieces(&self, ladder: &Ladder) -> MutexGuard<'_, Pieces> {
        let mut pieces = lock(&self.pieces);
        let same_names = pieces
            .names
            .as_ref()
            .is_some_and(|(traits, roles, signals)| {
                traits.as_slice() == ladder.trait_spellings()
                    && roles.as_slice() == ladder.role_spellings()
                    && signals.iter().eq(ladder.traits.iter().map(|t| &t.signals))
            });
        if !same_names {
            pieces.inner.entries.clear();
            pieces.last.entries.clear();
            pieces.names = Some((
                ladder.trait_spellings().to_vec(),
                ladder.role_spellings().to_vec(),
                ladder.traits.iter().map(|t| t.signals.clone()).collect(),
            ));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_reused_and_unread_ones_dropped() {
        let memo = Memo::new();
        let mut computed = 0;
        let generation = memo.start();
        for text in ["a", "b", "a"] {
            memo.placeholder_table().get_or_compute(text, |_| {
                computed += 1;
                vec![0..1, 2..3]
            });
        }
        memo.finish(generation);
        assert_eq!(computed, 2);
        let generation = memo.start();
        memo.placeholder_table().get_or_compute("a", |_| {
            computed += 1;
            vec![]
        });
        memo.finish(generation);
        // "a" was held (its first result stands); "b" was not read, so it is gone.
        assert_eq!(computed, 2);
        assert_eq!(memo.placeholder_table().len(), 1);
        assert_eq!(
            memo.placeholder_table().get_or_compute("a", |_| vec![]),
            vec![0..1, 2..3]
        );
    }
}
