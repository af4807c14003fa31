//! The word lists the detectors read, as data: each file under `lexicon/` is one list, with a
//! comment saying what it is for. They are parsed once into one map from a lowercased word to
//! the lists it is in, as bits, so each word of an entry costs one lookup.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{LazyLock, OnceLock};

macro_rules! lists {
    ($($name:ident = $bit:literal, $file:literal;)*) => {
        $(
            #[doc = concat!("Words of `lexicon/", $file, "`.")]
            pub const $name: u64 = 1 << $bit;
        )*
        const FILES: &[(u64, &str)] = &[
            $(($name, include_str!(concat!("lexicon/", $file))),)*
        ];
    };
}

lists! {
    ACTIVITY_VERB = 0, "activity-verbs.txt";
    OUTCOME_VERB = 1, "outcome-verbs.txt";
    AFFECTED = 2, "affected-nouns.txt";
    ARTIFACT = 3, "artifact-nouns.txt";
    INCIDENT = 4, "incident-nouns.txt";
    TARGET = 5, "target-words.txt";
    CLAUSE_TARGET = 6, "clause-target-words.txt";
    COMPLETION = 7, "completion-words.txt";
    ACHIEVEMENT = 8, "achievement-words.txt";
    TIME_UNIT = 9, "time-units.txt";
    SHORT_TIME = 10, "short-time-units.txt";
    FREQUENCY = 11, "frequency-words.txt";
    MAGNITUDE = 12, "magnitudes.txt";
    PERCENT_UNIT = 13, "percent-units.txt";
    CURRENCY_WORD = 14, "currency-words.txt";
    OTHER_UNIT = 15, "other-units.txt";
    MULTIPLIER_UNIT = 16, "multiplier-units.txt";
    MULTIPLIER_WORD = 17, "multiplier-words.txt";
    FRACTION = 18, "fraction-words.txt";
    NUMBER_WORD = 19, "number-words.txt";
    MANY = 20, "many-words.txt";
    APPROX = 21, "approx-words.txt";
    DURATION = 22, "duration-words.txt";
    TIME_MEASURE = 23, "time-measure-words.txt";
    COMPARATIVE = 24, "comparatives.txt";
    MONTH = 25, "months.txt";
    LABEL_WORD = 26, "label-words.txt";
    ZERO = 27, "zero-words.txt";
    NEGATION = 28, "negations.txt";
    SINCE = 29, "since-words.txt";
    VANISH = 30, "vanish-words.txt";
    ROLE = 31, "role-words.txt";
    LEAD_VERB = 32, "lead-verbs.txt";
    COLLABORATION = 33, "collaboration-words.txt";
    BUDGET = 34, "budget-nouns.txt";
    STOP = 35, "stop-words.txt";
    DETERMINER = 36, "determiners.txt";
    SUBJECT = 37, "subjects.txt";
    ADVERB = 38, "adverbs.txt";
    MODAL = 39, "modal-words.txt";
    PEOPLE_OUTCOME = 40, "people-outcome-nouns.txt";
    TOPIC_WORD = 41, "topics.txt";
    ZERO_COMPOUND = 42, "zero-compounds.txt";
    CALM_STATE = 43, "calm-states.txt";
    REMOVAL_VERB = 44, "removal-verbs.txt";
    WEEKDAY = 45, "weekdays.txt";
    PEOPLE_ACTIVITY = 46, "people-activity-verbs.txt";
    COMMUNICATION_VERB = 47, "communication-verbs.txt";
    SCOPE_WORD = 48, "scope-words.txt";
    PROPOSAL_NOUN = 49, "proposal-nouns.txt";
    STEWARDSHIP = 50, "stewardship-verbs.txt";
    WEAK_OPENER = 51, "weak-phrases.txt";
    HELP_NOUN = 52, "help-noun-words.txt";
    TARGET_CUE = 53, "target-cues.txt";
    VERSION_VERB = 54, "version-verbs.txt";
    STATE_CHANGE = 55, "state-change-verbs.txt";
    APPROVAL_VERB = 56, "approval-verbs.txt";
    ADOPTION_VERB = 57, "adoption-verbs.txt";
    FINISH_VERB = 58, "finish-verbs.txt";
    REVIEWER_NOUN = 59, "reviewer-nouns.txt";
}

/// A word list asked about one word at a time, not through a token's bits: the lists a
/// detector consults at one place (`instead`/`rather` after a time), or that no tokenising pass
/// reads (a retro's stop words). Each is a file under `lexicon/` with its comment, like the
/// others; the bits of [`lists!`] stay for the lists every token is looked up in.
pub struct WordList {
    file: &'static str,
    words: OnceLock<FxHashSet<&'static str>>,
    /// The shapes (first byte, length) of the list's words: one bit per length in a row per
    /// first byte's low five bits. A word whose shape is not here is in no list, found with two
    /// loads instead of hashing it (most words asked about are in none).
    shapes: OnceLock<[u32; 32]>,
}

/// A word's row and bit in [`WordList::shapes`].
fn word_shape(word: &str) -> (usize, u32) {
    let row = word.as_bytes().first().map_or(0, |&b| usize::from(b & 31));
    (row, 1 << word.len().min(31))
}

impl WordList {
    const fn new(file: &'static str) -> WordList {
        WordList {
            file,
            words: OnceLock::new(),
            shapes: OnceLock::new(),
        }
    }

    fn shapes(&self) -> &[u32; 32] {
        self.shapes.get_or_init(|| {
            let mut shapes = [0u32; 32];
            for word in self.words() {
                let (row, bit) = word_shape(word);
                shapes[row] |= bit;
            }
            shapes
        })
    }

    fn words(&self) -> &FxHashSet<&'static str> {
        self.words
            .get_or_init(|| words_of(self.file, false).collect())
    }

    /// Whether `word` (already lowercase) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let (row, bit) = word_shape(word);
        self.shapes()[row] & bit != 0 && self.words().contains(word)
    }

    /// The list's words, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words().iter().copied()
    }
}

macro_rules! small_lists {
    ($($name:ident = $file:literal;)*) => {
        $(
            #[doc = concat!("Words of `lexicon/", $file, "`.")]
            pub static $name: WordList = WordList::new(include_str!(concat!("lexicon/", $file)));
        )*
        #[cfg(test)]
        const SMALL_FILES: &[&str] = &[$(include_str!(concat!("lexicon/", $file)),)*];
    };
}

small_lists! {
    MEANS_MARKS = "means-marks.txt";
    RETRO_STOP_WORDS = "retro-stop-words.txt";
    PERSONAL_LIFE = "personal-life.txt";
    CAREER_WORDS = "career-words.txt";
    COMPARISON_WORDS = "comparison-words.txt";
    AUXILIARIES = "auxiliaries.txt";
    RECEIPT_VERBS = "receipt-verbs.txt";
    PASS_VERBS = "pass-verbs.txt";
    GROUP_NOUNS = "group-nouns.txt";
    VERSION_NOUNS = "version-nouns.txt";
    RELEASE_VERBS = "release-verbs.txt";
    ROLLOUT_NOUNS = "rollout-nouns.txt";
    ASIDE_VERBS = "aside-verbs.txt";
    PLATFORM_NAMES = "platform-names.txt";
    LENGTH_UNITS = "length-units.txt";
    SEASONS = "seasons.txt";
    ENGAGEMENT_NOUNS = "engagement-nouns.txt";
    IRREGULAR_PARTICIPLES = "irregular-participles.txt";
    GOAL_NOUNS = "goal-nouns.txt";
    RESULT_LINKS = "result-links.txt";
    PROCESS_NOUNS = "process-nouns.txt";
    DUTY_WORDS = "duty-words.txt";
    POSITION_NOUNS = "position-nouns.txt";
    HEADCOUNT_NOUNS = "headcount-nouns.txt";
    OBJECTIVE_NOUNS = "objective-nouns.txt";
    FEW_WORDS = "few-words.txt";
    ADOPTION_NOUNS = "adoption-nouns.txt";
    DAY_TIMES = "day-times.txt";
    DUTY_SPELLS = "duty-spells.txt";
    DUTY_MODIFIERS = "duty-modifiers.txt";
    OBJECTIVE_HEADS = "objective-heads.txt";
    SETTING_VERBS = "setting-verbs.txt";
    EFFORT_VERBS = "effort-verbs.txt";
    CHANGE_NOUNS = "change-nouns.txt";
    PEOPLE_GROUPS = "people-groups.txt";
    MOVE_VERBS = "move-verbs.txt";
    MODIFIER_TARGETS = "modifier-targets.txt";
    SCORE_NAMES = "score-names.txt";
    CLEANUP_MODIFIERS = "cleanup-modifiers.txt";
}

/// A list of phrases, one a line (`waiting on`, `next steps`), for the document reading's
/// labels and headers: a line that opens with `#` is a comment, and the rest of each line,
/// trimmed and lowercased, is one phrase. Unlike [`WordList`] a phrase keeps its spaces and its
/// `:` and `/` (`n/a`), and the phrases come as a slice, for the readers that take one.
pub struct PhraseList {
    file: &'static str,
    phrases: OnceLock<Vec<&'static str>>,
}

impl PhraseList {
    const fn new(file: &'static str) -> PhraseList {
        PhraseList {
            file,
            phrases: OnceLock::new(),
        }
    }

    /// The list's phrases, in the file's order.
    pub fn phrases(&self) -> &[&'static str] {
        self.phrases.get_or_init(|| phrases_of(self.file).collect())
    }

    /// Whether `phrase` (already lowercase and trimmed) is in the list.
    pub fn contains(&self, phrase: &str) -> bool {
        self.phrases().contains(&phrase)
    }
}

fn phrases_of(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

macro_rules! phrase_lists {
    ($($name:ident = $file:literal;)*) => {
        $(
            #[doc = concat!("Phrases of `lexicon/", $file, "`.")]
            pub static $name: PhraseList = PhraseList::new(include_str!(concat!("lexicon/", $file)));
        )*
        #[cfg(test)]
        const PHRASE_FILES: &[&str] = &[$(include_str!(concat!("lexicon/", $file)),)*];
    };
}

// The document reading's lists (`parse/{columns,headings,plans}.rs`, the plan rules).
phrase_lists! {
    PLAN_HEADERS = "table-plan-headers.txt";
    STATUS_HEADERS = "table-status-headers.txt";
    ASIDE_HEADERS = "table-aside-headers.txt";
    AMBIGUOUS_ASIDE_HEADERS = "table-ambiguous-aside-headers.txt";
    WHEN_HEADERS = "table-when-headers.txt";
    NOT_BEGUN_STATUSES = "not-begun-statuses.txt";
    NOT_DONE_LABELS = "not-done-labels.txt";
    NOT_DONE_HEADS = "not-done-label-heads.txt";
    NOT_DONE_HEAD_NEIGHBOURS = "not-done-head-neighbours.txt";
    GOAL_LABELS = "goal-labels.txt";
    TRAILING_PERIODS = "heading-trailing-periods.txt";
    NEXT_PERIODS = "heading-next-periods.txt";
    PROJECT_WORDS = "project-heading-words.txt";
    DRAFT_DONE_VERBS = "draft-done-verbs.txt";
    NOTHING_DONE = "nothing-done-words.txt";
    GOAL_MET = "goal-met-statuses.txt";
    DECISION_VERBS = "decision-verbs.txt";
    FOCUS_COMMON_WORDS = "focus-common-words.txt";
    FOCUS_SUFFIXES = "focus-suffixes.txt";
    TIME_OFF_OPENERS = "time-off-openers.txt";
}

/// The lists that name things, looked up for a plural by its singular too.
pub const NOUNS: u64 = AFFECTED | ARTIFACT | INCIDENT | PEOPLE_OUTCOME;

static MAP: LazyLock<FxHashMap<&'static str, u64>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u64> = FxHashMap::default();
    for &(bit, file) in FILES {
        for word in words_of(file, bit == WEAK_OPENER) {
            *map.entry(word).or_default() |= bit;
        }
    }
    map
});

/// The words of one list file: whitespace-separated, `#` to the end of a line is a comment.
/// The topics file gives each line as `topic: words | what to measure`; only its words count.
/// A phrases file (one phrase a line) gives the first word of each phrase.
fn words_of(file: &'static str, phrases: bool) -> impl Iterator<Item = &'static str> {
    file.lines().flat_map(move |line| {
        let line = line.split('#').next().unwrap_or("");
        let line = match line.split_once(':') {
            Some((_, rest)) => rest.split('|').next().unwrap_or(""),
            None => line,
        };
        line.split_whitespace()
            .take(if phrases { 1 } else { usize::MAX })
    })
}

/// `lexicon/weak-phrases.txt`: each phrase as its words.
pub static WEAK_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    include_str!("lexicon/weak-phrases.txt")
        .lines()
        .map(|line| {
            line.split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
        })
        .filter(|words| !words.is_empty())
        .collect()
});

/// The lists `word` (already lowercase) is in.
pub fn lookup(word: &str) -> u64 {
    let bytes = word.as_bytes();
    TABLE.get(Key::new(bytes, 0, bytes.len()), bytes)
}

/// [`lookup`] for the word `buffer[start..start + len]`: the tokeniser's lowercase copy of an
/// entry, with 16 bytes of padding after the text, so the key is two loads and no copy.
#[inline(always)]
pub fn lookup_at(buffer: &[u8], start: usize, len: usize) -> u64 {
    TABLE.get(
        Key::new(buffer, start, len),
        buffer.get(start..start + len).unwrap_or_default(),
    )
}

/// A word as the table compares it: its length and its first 16 bytes (zero past its end), read
/// 8 at a time. Longer words also compare the rest, byte by byte.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    head: [u64; 2],
    len: usize,
}

impl Key {
    #[inline(always)]
    fn new(buffer: &[u8], start: usize, len: usize) -> Key {
        let mask = |n: usize| match n {
            0 => 0,
            1..=7 => (1u64 << (8 * n)) - 1,
            _ => !0,
        };
        Key {
            head: [
                load8(buffer, start) & mask(len),
                load8(buffer, start + 8) & mask(len.saturating_sub(8)),
            ],
            len,
        }
    }

    /// Fx-style: one multiply per half.
    #[inline(always)]
    fn hash(&self) -> u64 {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let h = (self.head[0] ^ self.len as u64).wrapping_mul(K);
        (h.rotate_left(5) ^ self.head[1]).wrapping_mul(K)
    }
}

/// The 8 bytes of `buffer` from `at`, little-endian, zero past its end.
#[inline(always)]
fn load8(buffer: &[u8], at: usize) -> u64 {
    match buffer.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => {
            let mut b = [0; 8];
            let rest = buffer.get(at..).unwrap_or_default();
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// The map as an open-addressed table keyed by a word's [`Key`]: a word in no list (many words
/// of an entry) costs one probe that finds an empty slot or a slot of another key, and no
/// hashing of its bytes one at a time.
struct Table {
    slots: Box<[Slot]>,
    /// How far to shift a hash right to get its home slot (the top bits index the table).
    shift: u32,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: Key,
    lists: u64,
    /// Empty for a free slot (no listed word is empty).
    word: &'static str,
}

impl Table {
    fn new(map: &FxHashMap<&'static str, u64>) -> Table {
        // At most half full, so probes stay short.
        let bits = (map.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = Table {
            slots: vec![Slot::default(); 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
        };
        let mask = table.slots.len() - 1;
        for (&word, &lists) in map.iter().filter(|(w, _)| !w.is_empty()) {
            let key = Key::new(word.as_bytes(), 0, word.len());
            let mut i = table.home(&key);
            while !table.slots[i].word.is_empty() {
                i = (i + 1) & mask;
            }
            table.slots[i] = Slot { key, lists, word };
        }
        table
    }

    #[inline(always)]
    fn home(&self, key: &Key) -> usize {
        (key.hash() >> self.shift) as usize
    }

    #[inline(always)]
    fn get(&self, key: Key, word: &[u8]) -> u64 {
        if key.len == 0 {
            return 0;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(&key);
        loop {
            let slot = &self.slots[i];
            if slot.word.is_empty() {
                return 0;
            }
            if slot.key == key
                && (key.len <= 16 || slot.word.as_bytes().get(16..) == word.get(16..))
            {
                return slot.lists;
            }
            i = (i + 1) & mask;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::new(&MAP));

/// Build the map now (the language server's warm-up).
pub fn warm_up() {
    LazyLock::force(&MAP);
    LazyLock::force(&TABLE);
    LazyLock::force(&TOPICS);
    LazyLock::force(&WEAK_PHRASES);
}

/// One topic an entry can be about, with what would measure it.
pub struct Topic {
    pub name: &'static str,
    pub words: Vec<&'static str>,
    pub measure: &'static str,
}

/// `lexicon/topics.txt`, in file order: the first topic an entry's words name decides what its
/// `vague-win` message asks for.
pub static TOPICS: LazyLock<Vec<Topic>> = LazyLock::new(|| {
    include_str!("lexicon/topics.txt")
        .lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("").trim();
            let (name, rest) = line.split_once(':')?;
            let (words, measure) = rest.split_once('|')?;
            Some(Topic {
                name: name.trim(),
                words: words.split_whitespace().collect(),
                measure: measure.trim(),
            })
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_a_comment_and_words() {
        for &(bit, file) in FILES {
            assert!(
                file.trim_start().starts_with('#'),
                "list {bit:#x} has no comment first"
            );
            assert!(
                words_of(file, false).next().is_some(),
                "list {bit:#x} is empty"
            );
            for word in words_of(file, false) {
                assert_eq!(word, word.to_lowercase(), "{word} is not lowercase");
            }
        }
        for file in SMALL_FILES {
            assert!(
                file.trim_start().starts_with('#'),
                "a small list has no comment first"
            );
            assert!(
                words_of(file, false).next().is_some(),
                "a small list is empty"
            );
            for word in words_of(file, false) {
                assert_eq!(word, word.to_lowercase(), "{word} is not lowercase");
            }
        }
        for file in PHRASE_FILES {
            assert!(
                file.trim_start().starts_with('#'),
                "a phrase list has no comment first"
            );
            assert!(phrases_of(file).next().is_some(), "a phrase list is empty");
            for phrase in phrases_of(file) {
                assert_eq!(phrase, phrase.to_lowercase(), "{phrase} is not lowercase");
            }
        }
        assert!(NOT_DONE_LABELS.contains("waiting on") && NOTHING_DONE.contains("n/a"));
        assert!(COMPARISON_WORDS.contains("instead") && !COMPARISON_WORDS.contains("xyzzy"));
        assert!(TOPICS.len() >= 8);
    }

    #[test]
    fn words_are_in_every_list_that_names_them() {
        assert_ne!(lookup("reviewed") & ACTIVITY_VERB, 0);
        assert_ne!(lookup("users") & AFFECTED, 0);
        let lead = lookup("lead");
        assert_ne!(lead & ROLE, 0);
        assert_ne!(lead & LEAD_VERB, 0);
        assert_eq!(lookup("xyzzy"), 0);
    }

    #[test]
    fn the_table_finds_every_listed_word_and_nothing_else() {
        for (word, &lists) in MAP.iter() {
            assert_eq!(lookup(word), lists, "{word}");
        }
        assert_eq!(lookup(""), 0);
        assert_eq!(lookup("reviewedx"), 0);
    }
}
