//! How an entry's words read, before its section says what it is: a prompt to the author, a
//! claim of work, a personal note, a label. Every list here is data, each commented with what
//! it is for; one pass over the entry's words reads them.

use crate::analysis::words::lexicon;
use std::sync::LazyLock;

/// Verbs that open an instruction to the author in templates and guides. A line that opens
/// with one is only a weak sign: "Add retry to the export job" is a commit-style work log line.
const PROMPT_VERBS: List = List::new(&[
    "answer",
    "include",
    "think",
    "explain",
    "fill",
    "list",
    "describe",
    "write",
    "add",
    "keep",
    "start",
    "use",
    "note",
    "try",
    "consider",
    "mention",
    "remember",
    "avoid",
    "focus",
    "make",
    "put",
    "record",
    "capture",
    "update",
    "jot",
    "share",
    "reflect",
    "quantify",
    "highlight",
    "show",
    "don't",
    "do",
    "be",
    "ask",
]);

/// Words that address the reader: with a guidance verb, the line instructs the author.
const READER_WORDS: List = List::new(&["you", "your", "yours", "yourself", "you're", "you've"]);

/// The words of `text`, as written: runs of ASCII letters, digits, apostrophes and hyphens, and
/// of non-ASCII characters (so a curly apostrophe stays inside its word), trimmed of quotes and
/// hyphens. Compared with [`is`] and [`in_list`], which need no lower-case copy: every entry of
/// a large draft is read this way, so the scan is byte by byte.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

#[derive(Clone)]
pub(super) struct Words<'t> {
    text: &'t str,
    at: usize,
}

/// Which bytes words are made of, by table: the scan looks each byte up once.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b >= 0x80;
        byte += 1;
    }
    table
};

fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[byte as usize]
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        loop {
            let (start, end) = next_run(bytes, self.at)?;
            self.at = end;
            if let Some((from, to)) = trimmed_word(bytes, start, end) {
                // Both ends fall next to ASCII bytes, the text's ends or a whole curly apostrophe.
                return Some(&self.text[from..to]);
            }
        }
    }
}

/// The next run of word bytes at or after `at`, as `(start, end)`.
fn next_run(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    // Index loops over the byte table: the scan is most of the model pass's word reading.
    let start = at + bytes.get(at..)?.iter().position(|&b| is_word_byte(b))?;
    let end = bytes[start + 1..]
        .iter()
        .position(|&b| !is_word_byte(b))
        .map_or(bytes.len(), |n| start + 1 + n);
    Some((start, end))
}

/// The word in the run `start..end`, trimmed of quotes and hyphens; `None` when nothing is left.
fn trimmed_word(bytes: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    // Most words open and end on an ASCII letter or digit: nothing to trim.
    if bytes[start].is_ascii_alphanumeric() && bytes[end - 1].is_ascii_alphanumeric() {
        return Some((start, end));
    }
    let (mut from, mut to) = (start, end);
    const CURLY: &[u8] = "’".as_bytes();
    loop {
        if from < to && matches!(bytes[from], b'\'' | b'-') {
            from += 1;
        } else if bytes[from..to].starts_with(CURLY) {
            from += CURLY.len();
        } else {
            break;
        }
    }
    loop {
        if to > from && matches!(bytes[to - 1], b'\'' | b'-') {
            to -= 1;
        } else if bytes[from..to].ends_with(CURLY) {
            to -= CURLY.len();
        } else {
            break;
        }
    }
    (from < to).then_some((from, to))
}

/// The longest word any list here holds, in bytes: longer words are in none of them.
const LONGEST_LISTED: usize = 16;

/// `word` in lower-case ASCII in `buffer`, a curly apostrophe read as a straight one; `None`
/// when it is longer than any listed word or holds other non-ASCII characters.
fn lowered<'b>(word: &str, buffer: &'b mut [u8; LONGEST_LISTED]) -> Option<&'b [u8]> {
    let mut len = 0;
    let bytes = word.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = if bytes[at] < 0x80 {
            at += 1;
            bytes[at - 1].to_ascii_lowercase()
        } else if bytes[at..].starts_with("’".as_bytes()) {
            at += 3;
            b'\''
        } else {
            return None;
        };
        *buffer.get_mut(len)? = byte;
        len += 1;
    }
    Some(&buffer[..len])
}

/// True when `word` is `target` (lower-case ASCII) whatever its case, a curly apostrophe read
/// as a straight one.
fn is(word: &str, target: &str) -> bool {
    // Of the same length, only a word without a curly apostrophe can be it.
    if word.len() == target.len() {
        return word.eq_ignore_ascii_case(target);
    }
    word.len() > target.len() && in_list(word, &[target])
}

/// True when `word` is one of `list` (lower-case ASCII words): one lower-cased copy on the
/// stack, then slice comparisons that reject on length first.
pub(super) fn in_list(word: &str, list: &[&str]) -> bool {
    if word.len() > LONGEST_LISTED + 2 {
        return false;
    }
    let mut buffer = [0; LONGEST_LISTED];
    let Some(lower) = lowered(word, &mut buffer) else {
        return false;
    };
    list.iter()
        .any(|target| target.len() == lower.len() && target.as_bytes() == lower)
}

/// A list of lower-case ASCII words with the shapes of its words in front: most words are
/// ruled out by their first letter and length, before any lower-case copy is made.
struct List {
    words: &'static [&'static str],
    shapes: Shapes,
}

impl List {
    const fn new(words: &'static [&'static str]) -> List {
        List {
            words,
            shapes: Shapes::of(&[words]),
        }
    }

    /// Whether `word` is in the list, as [`in_list`] reads it. Inlined: most words are ruled
    /// out by the shape test alone.
    #[inline]
    fn holds(&self, word: &str) -> bool {
        !word.is_empty() && self.shapes.may_hold(word) && in_list(word, self.words)
    }
}

/// The first word of an entry.
fn first_word(text: &str) -> &str {
    let mut rest = text.trim();
    // Markers before the first word: `*`, `_`, `-`, spaces and `•` bullets.
    loop {
        rest = rest.trim_start_matches(['*', '_', '-', ' ']);
        match rest.strip_prefix('•') {
            Some(after) => rest = after,
            None => break,
        }
    }
    words(rest).next().unwrap_or("")
}

/// For each first letter, the lengths (in bytes, as written) of the words of the lists
/// [`word_facts`] compares against (personal words, from the lexicon, have [`PERSONAL_LEADS`]): a word of another first letter or length is in none of them, and is
/// not lowercased or compared. Made from the lists themselves, at compile time.
struct Shapes([u32; 26]);

impl Shapes {
    const fn of(lists: &[&[&str]]) -> Shapes {
        let mut lengths = [0u32; 26];
        let mut l = 0;
        while l < lists.len() {
            let mut w = 0;
            while w < lists[l].len() {
                let bytes = lists[l][w].as_bytes();
                let lead = bytes[0];
                assert!(lead.is_ascii_lowercase() && bytes.len() < 30);
                let mut has_apostrophe = false;
                let mut i = 0;
                while i < bytes.len() {
                    has_apostrophe |= bytes[i] == b'\'';
                    i += 1;
                }
                let slot = (lead - b'a') as usize;
                lengths[slot] |= 1 << bytes.len();
                // Written with a curly apostrophe (three bytes), the word is two bytes longer.
                if has_apostrophe {
                    lengths[slot] |= 1 << (bytes.len() + 2);
                }
                w += 1;
            }
            l += 1;
        }
        Shapes(lengths)
    }

    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let lead = word.as_bytes()[0] | 0x20;
        lead.is_ascii_lowercase()
            && word.len() < 32
            && self.0[usize::from(lead - b'a')] & (1 << word.len()) != 0
    }
}

/// The words [`word_facts`] may have to look up, by shape: for each lower-cased first byte,
/// the lengths (as written) of the reader, first-person and personal-life words that open with
/// it. A personal word counts only at a length of 3 up to the list's longest, as written.
struct FactCandidates {
    lengths: [u32; 128],
    /// For each lower-cased first byte, the last bytes of those words (see [`last_class`]).
    lasts: [u32; 128],
}

impl FactCandidates {
    fn may_hold(&self, word: &[u8]) -> bool {
        let lead = usize::from(word[0] | 0x20);
        lead < 0x80
            && word.len() < 32
            && self.lengths[lead] & (1 << word.len()) != 0
            && self.lasts[lead] & last_class(word[word.len() - 1]) != 0
    }

    /// Let `word`, written at these lengths, through.
    fn add(&mut self, word: &str, written_lengths: impl Iterator<Item = usize>) {
        let bytes = word.as_bytes();
        let lead = usize::from(bytes[0] & 0x7f);
        for written in written_lengths.filter(|&n| n < 32) {
            self.lengths[lead] |= 1 << written;
        }
        self.lasts[lead] |= last_class(bytes[bytes.len() - 1]);
    }
}

/// A word's last byte as a bit: one per ASCII letter whatever its case (`| 0x20` folds the
/// case of letters only), one for any other byte.
fn last_class(byte: u8) -> u32 {
    let letter = (byte | 0x20).wrapping_sub(b'a');
    if letter < 26 { 1 << letter } else { 1 << 26 }
}

static FACT_CANDIDATES: LazyLock<FactCandidates> = LazyLock::new(|| {
    let mut candidates = FactCandidates {
        lengths: [0; 128],
        lasts: [0; 128],
    };
    // Each apostrophe may be written as a curly one, two bytes longer.
    let written = |word: &str| {
        let apostrophes = word.bytes().filter(|&b| b == b'\'').count();
        let len = word.len();
        (0..=apostrophes).map(move |n| len + 2 * n)
    };
    for &word in READER_WORDS.words.iter().chain(FIRST_PERSON.words) {
        candidates.add(word, written(word));
    }
    let longest_personal = lexicon::PERSONAL_LIFE
        .iter()
        .map(str::len)
        .max()
        .unwrap_or(0);
    for word in lexicon::PERSONAL_LIFE.iter() {
        candidates.add(
            word,
            written(word).filter(|n| (3..=longest_personal).contains(n)),
        );
    }
    candidates
});

/// What one pass over an entry's words finds: whether any addresses the reader, whether any is
/// of personal life, and how many are first- and second-person.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct WordFacts {
    pub(super) addresses_reader: bool,
    pub(super) personal: bool,
    pub(super) first_person: u32,
    pub(super) second_person: u32,
    /// Where the text's first `:` is, and whether it holds a `[`: the same pass finds them,
    /// for [`is_definition`] and [`has_blank`].
    first_colon: Option<usize>,
    has_bracket: bool,
}

impl WordFacts {
    /// The text speaks to its reader and not of its author ("For each project, note what you
    /// built"): an instruction, whatever verb it opens with.
    pub(super) fn addresses_reader_only(&self) -> bool {
        self.addresses_reader && self.first_person == 0
    }
}

/// One pass over `text`'s words (see [`WordFacts`]).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
pub(super) fn word_facts(text: &str) -> WordFacts {
    // SAFETY: the function only needs SSE2, which this build targets (the `cfg` above): every
    // x86-64 processor has it.
    unsafe { by_blocks::word_facts(text) }
}

/// One pass over `text`'s words (see [`WordFacts`]).
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
pub(super) fn word_facts(text: &str) -> WordFacts {
    word_facts_by_bytes(text)
}

/// [`word_facts`] one byte at a time, through the byte table.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn word_facts_by_bytes(text: &str) -> WordFacts {
    let mut facts = WordFacts::default();
    let bytes = text.as_bytes();
    let candidates = &*FACT_CANDIDATES;
    let mut at = 0;
    loop {
        // The bytes between words: the only place a `:` or a `[` can be.
        while at < bytes.len() && !is_word_byte(bytes[at]) {
            match bytes[at] {
                b':' if facts.first_colon.is_none() => facts.first_colon = Some(at),
                b'[' => facts.has_bracket = true,
                _ => {}
            }
            at += 1;
        }
        let Some((start, end)) = next_run(bytes, at) else {
            break;
        };
        at = end;
        facts.run(text, start, end, candidates);
    }
    facts
}

/// [`word_facts`] 64 bytes at a time: SSE2 compares 16 bytes at once and gives, for a block of
/// 64, one bit per word byte (as [`is_word_byte`] says), per `:` and per `[`; the runs of word
/// bytes are then read off the bits, not byte by byte. No byte is read through a pointer: each
/// 16 bytes are loaded as two `u64`s, and the last block is copied into zeros first.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod by_blocks {
    use super::{FACT_CANDIDATES, WordFacts};
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set_epi64x, _mm_set1_epi8,
    };

    /// The 8 bytes at `at`, little-endian.
    #[inline(always)]
    fn load8(bytes: &[u8], at: usize) -> u64 {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(word)
    }

    /// For the 16 bytes at `at`: the word bytes, the colons and the brackets, a bit each.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn chunk(bytes: &[u8], at: usize) -> (u32, u32, u32) {
        let v: __m128i = _mm_set_epi64x(load8(bytes, at + 8) as i64, load8(bytes, at) as i64);
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // Signed compares: a byte of 0x80 or more is negative, in no range here, and a word
        // byte by its sign bit alone.
        let folded = _mm_or_si128(v, splat(0x20));
        let letter = _mm_and_si128(
            _mm_cmpgt_epi8(folded, splat(b'a' - 1)),
            _mm_cmpgt_epi8(splat(b'z' + 1), folded),
        );
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(v, splat(b'0' - 1)),
            _mm_cmpgt_epi8(splat(b'9' + 1), v),
        );
        let joiner = _mm_or_si128(
            _mm_cmpeq_epi8(v, splat(b'\'')),
            _mm_cmpeq_epi8(v, splat(b'-')),
        );
        let word = _mm_or_si128(_mm_or_si128(letter, digit), joiner);
        let words = (_mm_movemask_epi8(word) | _mm_movemask_epi8(v)) as u32;
        let colons = _mm_movemask_epi8(_mm_cmpeq_epi8(v, splat(b':'))) as u32;
        let brackets = _mm_movemask_epi8(_mm_cmpeq_epi8(v, splat(b'['))) as u32;
        (words & 0xffff, colons, brackets)
    }

    /// The bits of [`chunk`] for the 64 bytes of `block`.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn block_bits(block: &[u8]) -> (u64, u64, u64) {
        let (mut words, mut colons, mut brackets) = (0, 0, 0);
        for i in 0..4 {
            let (w, c, b) = chunk(block, 16 * i);
            words |= u64::from(w) << (16 * i);
            colons |= u64::from(c) << (16 * i);
            brackets |= u64::from(b) << (16 * i);
        }
        (words, colons, brackets)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn word_facts(text: &str) -> WordFacts {
        let bytes = text.as_bytes();
        let candidates = &*FACT_CANDIDATES;
        let mut facts = WordFacts::default();
        // Where the run being read started, when it goes on past the block before.
        let mut open: Option<usize> = None;
        // Whether the block before ended on a word byte.
        let mut carry = 0u64;
        let mut block = 0;
        while block < bytes.len() {
            let (words, colons, brackets) = match bytes.get(block..block + 64) {
                Some(whole) => block_bits(whole),
                None => {
                    // Zeros past the end: no word byte, so a run that reaches the end ends there.
                    let mut padded = [0; 64];
                    padded[..bytes.len() - block].copy_from_slice(&bytes[block..]);
                    block_bits(&padded)
                }
            };
            if facts.first_colon.is_none() && colons != 0 {
                facts.first_colon = Some(block + colons.trailing_zeros() as usize);
            }
            facts.has_bracket |= brackets != 0;
            let before = (words << 1) | carry;
            // A run starts at a word byte after another byte, and ends at the first byte after
            // it that is not one: the two alternate.
            let mut starts = words & !before;
            let mut ends = !words & before;
            carry = words >> 63;
            loop {
                match open {
                    None if starts != 0 => {
                        open = Some(block + starts.trailing_zeros() as usize);
                        starts &= starts - 1;
                    }
                    Some(start) if ends != 0 => {
                        let end = block + ends.trailing_zeros() as usize;
                        ends &= ends - 1;
                        facts.run(text, start, end, candidates);
                        open = None;
                    }
                    _ => break,
                }
            }
            block += 64;
        }
        if let Some(start) = open {
            facts.run(text, start, bytes.len(), candidates);
        }
        facts
    }
}

impl WordFacts {
    /// Read the run of word bytes `start..end`.
    #[inline(always)]
    fn run(&mut self, text: &str, start: usize, end: usize, candidates: &FactCandidates) {
        let bytes = text.as_bytes();
        // Only words that could be in a list are trimmed, lower-cased and compared: a run whose
        // ends need no trimming is ruled out by its first letter and length alone.
        let needs_trim =
            !(bytes[start].is_ascii_alphanumeric() && bytes[end - 1].is_ascii_alphanumeric());
        if !needs_trim && !candidates.may_hold(&bytes[start..end]) {
            return;
        }
        let Some((from, to)) = trimmed_word(bytes, start, end) else {
            return;
        };
        if candidates.may_hold(&bytes[from..to]) {
            self.note(&text[from..to]);
        }
    }
}

impl WordFacts {
    /// Count `word`, one that [`FactCandidates`] could not rule out.
    fn note(&mut self, word: &str) {
        let mut buffer = [0; LONGEST_LISTED];
        let Some(lower) = lowered(word, &mut buffer) else {
            return;
        };
        let listed = |list: &[&str]| list.iter().any(|w| w.as_bytes() == lower);
        if listed(READER_WORDS.words) {
            self.addresses_reader = true;
            self.second_person += 1;
        } else if listed(FIRST_PERSON.words) {
            self.first_person += 1;
        } else if !self.personal
            && std::str::from_utf8(lower).is_ok_and(|w| lexicon::PERSONAL_LIFE.contains(w))
        {
            self.personal = true;
        }
    }
}

/// Whether the entry reads as a prompt on its own (`strong`) and whether it opens with a
/// guidance verb (`imperative`, which only counts where its section is mostly prompts).
/// `facts` are the [`word_facts`] of `text` (or of `text` with spaces around it).
pub(super) fn prompt_signals(text: &str, facts: &WordFacts) -> (bool, bool) {
    let trimmed = text.trim().trim_end_matches(['*', '_', ' ']);
    let first = first_word(trimmed);
    let imperative = PROMPT_VERBS.holds(first);
    let addresses_reader = facts.addresses_reader;
    let strong = is_question(trimmed)
        || (facts.has_bracket && has_blank(trimmed))
        || (imperative && (addresses_reader || trimmed.ends_with(':')))
        || READER_WORDS.holds(first);
    (strong, imperative)
}

/// Words that open a question.
const QUESTION_OPENERS: List = List::new(&[
    "what", "how", "who", "whom", "which", "why", "where", "when", "did", "do", "does", "are",
    "is", "was", "were", "have", "has", "can", "could", "should",
]);

/// A question to the author: the text's last sentence ends in `?` and opens like a question
/// ("Which components did you build?"), not a description that ends in one ("A poll app:
/// heaven or hell?").
fn is_question(text: &str) -> bool {
    let Some(body) = text.strip_suffix('?') else {
        return false;
    };
    let last = body.rsplit(['.', '!', '?', ':']).next().unwrap_or(body);
    let first = first_word(last);
    QUESTION_OPENERS.holds(first) || words(last).any(|w| READER_WORDS.holds(w))
}

/// Words of feeling, thanks and hope: a paragraph that has them in two sentences or more
/// reflects on the year rather than claiming work ("I felt busy… I really appreciate it").
const REFLECTION_WORDS: List = List::new(&[
    "felt",
    "feel",
    "fun",
    "honored",
    "honoured",
    "glad",
    "grateful",
    "thankful",
    "thank",
    "thanks",
    "appreciate",
    "hopefully",
    "hope",
    "goal",
    "goals",
    "excited",
    "enjoyed",
]);

/// True when two or more sentences of the text speak of feelings, thanks or hopes.
pub(super) fn is_reflection(text: &str) -> bool {
    text.split(['.', '!', '?', ';'])
        .filter(|sentence| words(sentence).any(|w| REFLECTION_WORDS.holds(w)))
        .take(2)
        .count()
        >= 2
}

/// A bracketed blank to fill in: `[what changed]`, `[X]` (a link's text is not one: it is
/// followed by `(`).
fn has_blank(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        let Some(close) = text[open..].find(']').map(|i| i + open) else {
            return false;
        };
        let inner = &text[open + 1..close];
        let is_link = matches!(bytes.get(close + 1), Some(b'(' | b'['));
        let is_task = matches!(inner, " " | "x" | "X");
        if !is_link && !is_task && !inner.trim().is_empty() && inner.len() <= 60 {
            return true;
        }
        from = close + 1;
    }
    false
}

/// Verbs in the past that say the author did something that is work: irregular forms (regular
/// ones end in `-ed`). "made sure", "had", "felt" and the like are not here.
const IRREGULAR_WORK_PAST: List = List::new(&[
    "made", "built", "wrote", "written", "ran", "led", "did", "done", "gave", "given", "began",
    "begun", "won", "taught", "brought", "set", "took", "spoke", "sold", "laid", "drove", "grew",
    "rewrote", "rebuilt", "shipped", "spent", "got", "put", "found", "held", "kept",
]);

/// Regular past forms that tell of something that happened to the author or of a feeling, not
/// of work done: a first-person sentence with only these claims nothing.
const NOT_WORK_PAST: List = List::new(&[
    "felt",
    "liked",
    "loved",
    "enjoyed",
    "hoped",
    "wanted",
    "wished",
    "realized",
    "realised",
    "noticed",
    "learned",
    "learnt",
    "received",
    "responded",
    "invited",
    "introduced",
    "interviewed",
    "mentioned",
    "honored",
    "honoured",
    "happened",
    "seemed",
    "needed",
    "used",
    "stayed",
    "visited",
    "traveled",
    "travelled",
    "watched",
    "attended",
    "tried",
    "asked",
    "discovered",
    "struggled",
]);

/// Present-tense verbs of work that goes on ("I maintain the listing", "I continue helping").
const ONGOING_WORK: List = List::new(&[
    "maintain", "continue", "organize", "organise", "run", "lead",
]);

/// Words between a subject and its verb that do not change the claim ("I also wrote").
const ADVERBS: List = List::new(&[
    "also",
    "then",
    "finally",
    "only",
    "just",
    "recently",
    "successfully",
    "actually",
    "even",
    "first",
    "eventually",
    "later",
    "once",
    "still",
]);

/// The subjects of a claim of work, and their perfect forms ("I've built").
const SUBJECTS: List = List::new(&["i", "we"]);
const PERFECT_SUBJECTS: List = List::new(&["i've", "we've"]);

/// "I have built", "we had shipped".
const HAVE: List = List::new(&["have", "had"]);

/// The articles after a defined term ("Awareness: a basic understanding").
const ARTICLES: List = List::new(&["a", "an", "the"]);

pub(super) fn is_work_past(word: &str) -> bool {
    if IRREGULAR_WORK_PAST.holds(word) {
        return true;
    }
    let bytes = word.as_bytes();
    word.len() >= 5
        && bytes[bytes.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !NOT_WORK_PAST.holds(word)
}

/// True when the text claims work the author did: a sentence that opens with a past work verb
/// (a log line: "Wrote a script to…"), or a first-person subject (`I`, `we`, `I've`) followed
/// by one ("I also contributed…", "we've ever put together") or by a verb of ongoing work.
pub(super) fn claims_work(text: &str) -> bool {
    // A short `Label:` that opens the text is not its first word ("Week2: Added…").
    let text = match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 3 => rest,
        _ => text,
    };
    for sentence in text.split(['.', '!', ';', '\n']) {
        let mut sentence_words = words(sentence);
        if sentence_words
            .clone()
            .next()
            .is_some_and(|w| is_work_past(w) && !is(w, "set"))
        {
            return true;
        }
        while let Some(word) = sentence_words.next() {
            // Subjects are short words that open with `i` or `w`.
            if word.len() > 5 || !matches!(word.as_bytes()[0] | 0x20, b'i' | b'w') {
                continue;
            }
            let (subject, perfect) = if SUBJECTS.holds(word) {
                (true, false)
            } else if PERFECT_SUBJECTS.holds(word) {
                (true, true)
            } else {
                (false, false)
            };
            if !subject {
                continue;
            }
            let mut next = sentence_words
                .clone()
                .skip_while(|w| ADVERBS.holds(w) || (perfect && is(w, "ever")));
            let verb = next.next().unwrap_or("");
            let after = next.next().unwrap_or("");
            if is(verb, "made") && is(after, "sure") {
                continue;
            }
            if is_work_past(verb) || (!perfect && ONGOING_WORK.holds(verb)) {
                return true;
            }
            // "I have built", "we have shipped".
            if HAVE.holds(verb) && is_work_past(after) {
                return true;
            }
        }
    }
    false
}

/// Words of the author speaking of themselves (the reader's are [`READER_WORDS`]): a growth
/// doc is written in the first person, a guide or template in the second.
const FIRST_PERSON: List = List::new(&["i", "my", "me", "we", "our", "i've", "i'm", "we've"]);

/// True when a text with these counts addresses its reader more than it speaks of its author:
/// a guide or a template, whose list items are instructions and examples, not work.
pub fn reads_as_guide(first_person: u32, second_person: u32) -> bool {
    second_person >= 5 && second_person > first_person
}

/// Small words that join names ("[A] and [B]", "**X** by Y"): names joined by them still only
/// name things.
const JOINING_WORDS: List = List::new(&[
    "and", "or", "the", "by", "of", "on", "at", "in", "vs", "with",
]);

/// True when a word written outside links, bold and code says something of its own: a word of
/// two letters or more that does not only join names.
fn is_own_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    // Letters: ASCII ones, and any non-ASCII character (counted by its first byte).
    let mut letters = bytes
        .iter()
        .filter(|&&b| b.is_ascii_alphabetic() || b >= 0xC0);
    if letters.next().is_none() || letters.next().is_none() {
        return false;
    }
    // The joining words are short: a longer word is one of its own. Only ASCII bytes are
    // trimmed, so the core keeps whole characters.
    let from = bytes.iter().position(|b| !b.is_ascii_punctuation());
    let to = bytes.iter().rposition(|b| !b.is_ascii_punctuation());
    let core = match (from, to) {
        (Some(from), Some(to)) => &word[from..=to],
        _ => "",
    };
    core.len() > 4 || !JOINING_WORDS.holds(core)
}

/// How many of the whitespace-separated words of `content` are its own ([`is_own_word`]),
/// counted up to `limit`: `split_whitespace` and a filter, without their per-character
/// decoding (only a non-ASCII character is decoded, to ask whether it is a space).
pub(super) fn count_own_words(content: &str, limit: usize) -> usize {
    let mut n = 0;
    let mut at = 0;
    while n < limit && at < content.len() {
        let end = next_space(content, at);
        if end > at && is_own_word(&content[at..end]) {
            n += 1;
        }
        at = end + space_len(content, end);
    }
    n
}

/// Where the next whitespace character at or after `at` starts (the text's length if none).
fn next_space(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        if bytes[at] < 0x80 {
            if is_ascii_space(bytes[at]) {
                return at;
            }
            at += 1;
        } else {
            let c = text[at..]
                .chars()
                .next()
                .expect("at is a character boundary");
            if c.is_whitespace() {
                return at;
            }
            at += c.len_utf8();
        }
    }
    at
}

/// The length of the whitespace character at `at` (0 at the end of the text).
fn space_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// `text.trim().is_empty()`, answered from the first byte for nearly every text.
pub(super) fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&byte) if byte < 0x80 && !is_ascii_space(byte) => false,
        _ => text.trim().is_empty(),
    }
}

/// ASCII whitespace as `char::is_whitespace` reads it (with the vertical tab).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// True when the text opens with a verb in the past, of work or not ("Attended three
/// conferences:"): a lead-in that says what the author did.
pub(super) fn opens_with_past(text: &str) -> bool {
    let first = first_word(text);
    is_work_past(first) || NOT_WORK_PAST.holds(first)
}

/// Whether `text` opens with time off, as a work log notes a day ("Day off, kid's school
/// play", "Half day, moving flat"): its first two words are a phrase of time-off-openers.txt
/// (or its first word a phrase of one word), compared without case.
pub(super) fn opens_with_time_off(text: &str) -> bool {
    /// The phrases split into their two words once, not for every entry.
    static OPENERS: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
        lexicon::TIME_OFF_OPENERS
            .phrases()
            .iter()
            .map(|phrase| phrase.split_once(' ').unwrap_or((phrase, "")))
            .collect()
    });
    let mut words = words(text);
    let Some(first) = words.next() else {
        return false;
    };
    // The second word is read only after a first word matches (most entries' does not).
    OPENERS.iter().any(|&(a, b)| {
        first.eq_ignore_ascii_case(a)
            && (b.is_empty()
                || words
                    .clone()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(b)))
    })
}

/// True when the text defines a term rather than claiming work: a short `Term:` label followed
/// by an article ("Awareness: a basic understanding of…"), as glossaries and level guides do.
/// `facts` are the [`word_facts`] of `text` (or of `text` with spaces after it).
pub(super) fn is_definition(text: &str, facts: &WordFacts) -> bool {
    let Some(colon) = facts.first_colon else {
        return false;
    };
    let (term, rest) = (&text[..colon], &text[colon + 1..]);
    let n_term_words = words(term).count();
    (1..=4).contains(&n_term_words) && ARTICLES.holds(first_word(rest))
}

/// True when the text only ends a lead-in: `Label:` or `I attended three conferences:`.
pub(super) fn ends_as_lead_in(text: &str) -> bool {
    text.trim().trim_end_matches(['*', '_', ' ']).ends_with(':')
}

/// Lead-in sentences that introduce examples or instructions rather than work: what follows
/// them is guidance ("Examples of things in this category:", "Some things that go in here:").
const GUIDANCE_LEAD_INS: [&str; 6] = [
    "example",
    "examples",
    "e.g",
    "such as",
    "things like",
    "go in here",
];

/// What a paragraph just before a list says of that list: guidance, goals or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LeadIn {
    Guidance,
    Goals,
}

/// Words of intent in a lead-in's last sentence: the list after it is goals, not wins ("A few
/// health goals:", "Here's a few things I hope to do next year.").
const INTENT_WORDS: List = List::new(&[
    "goal",
    "goals",
    "hope",
    "plan",
    "plans",
    "want",
    "wish",
    "resolutions",
]);

/// Words that say learning is still under way: "Still learning how to…", "working on it".
const UNDER_WAY_WORDS: List = List::new(&["still", "working", "deeper"]);

/// True when an entry of a "What I learned" section tells of learning not yet done ("Still
/// learning to say no", "want to go deeper next year"): a goal, not completed learning.
pub(super) fn learning_under_way(text: &str) -> bool {
    let mut buffer = [0; LONGEST_LISTED];
    text.contains("next year")
        || words(text).any(|w| {
            lowered(w, &mut buffer).is_some_and(|lower| {
                INTENT_WORDS
                    .words
                    .iter()
                    .chain(UNDER_WAY_WORDS.words)
                    .any(|listed| listed.as_bytes() == lower)
            })
        })
}

/// True when the text is one sentence: no sentence ends before its last characters.
pub(super) fn is_one_sentence(text: &str) -> bool {
    let text = text.trim();
    !text.contains(". ") && !text.contains("! ") && !text.contains("? ")
}

/// What the last sentence of a paragraph says of the list that follows it.
pub(super) fn lead_in(paragraph: &str) -> Option<LeadIn> {
    let trimmed = paragraph.trim().trim_end_matches(['.', ':', ' ', '*']);
    let last = trimmed.rsplit(['.', '!', '?']).next().unwrap_or(trimmed);
    // Every test below reads words whatever their case; only the phrases are compared as text.
    // ASCII text (nearly every lead-in: this runs for every paragraph) is compared without a
    // lowercase copy; other text is lowercased by Unicode's rules first.
    let lowered;
    let last = if last.is_ascii() {
        last
    } else {
        lowered = last.to_lowercase();
        lowered.as_str()
    };
    // One pass over the sentence for every phrase (it ran once per phrase, seven times).
    let (guidance_phrase, next_year) = lead_in_phrases(last);
    if guidance_phrase || prompt_signals(last, &word_facts(last)).0 {
        return Some(LeadIn::Guidance);
    }
    if next_year || words(last).any(|w| INTENT_WORDS.holds(w)) {
        return Some(LeadIn::Goals);
    }
    None
}

/// The phrase of intent a lead-in's last sentence may hold ("…I hope to do next year.").
const NEXT_YEAR: &str = "next year";

/// For each byte, the phrases of [`GUIDANCE_LEAD_INS`] (bit `i` for phrase `i`) and
/// [`NEXT_YEAR`] (bit 7) that start with it in either case: other positions are passed over
/// with one lookup.
static LEAD_IN_PHRASES_AT: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i <= GUIDANCE_LEAD_INS.len() {
        let (phrase, bit) = if i < GUIDANCE_LEAD_INS.len() {
            (GUIDANCE_LEAD_INS[i], 1u8 << i)
        } else {
            (NEXT_YEAR, NEXT_YEAR_BIT)
        };
        // What `starts_with_ignore_ascii_case` compares first: a second byte that `| 0x20`
        // keeps as it is (a lowercase letter, a dot, a space).
        assert!(phrase.len() >= 2 && phrase.as_bytes()[1] & 0x20 != 0);
        let first = phrase.as_bytes()[0];
        table[first as usize] |= bit;
        table[first.to_ascii_uppercase() as usize] |= bit;
        i += 1;
    }
    table
};
const NEXT_YEAR_BIT: u8 = 1 << 7;
// Bits 0 to 6 hold the guidance phrases.
const _: () = assert!(GUIDANCE_LEAD_INS.len() < 7);

/// Whether `text` holds one of [`GUIDANCE_LEAD_INS`] and, when it holds none, whether it holds
/// [`NEXT_YEAR`], in any ASCII case: one pass over its bytes, comparing a phrase only where its
/// first letter is.
fn lead_in_phrases(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let mut next_year = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let mut phrases = LEAD_IN_PHRASES_AT[usize::from(byte)];
        if phrases == 0 {
            continue;
        }
        let rest = &bytes[at..];
        if phrases & NEXT_YEAR_BIT != 0 {
            next_year = next_year || starts_with_ignore_ascii_case(rest, NEXT_YEAR);
            phrases &= !NEXT_YEAR_BIT;
        }
        while phrases != 0 {
            let i = phrases.trailing_zeros() as usize;
            if starts_with_ignore_ascii_case(rest, GUIDANCE_LEAD_INS[i]) {
                // A guidance phrase decides the lead-in: whether it says "next year" is moot.
                return (true, next_year);
            }
            phrases &= phrases - 1;
        }
    }
    (false, next_year)
}

/// Whether `bytes` open with `phrase` (lowercase ASCII, two bytes or more) in any ASCII case.
#[inline(always)]
fn starts_with_ignore_ascii_case(bytes: &[u8], phrase: &str) -> bool {
    let phrase = phrase.as_bytes();
    // The second byte rules out nearly every position (its first matched already); `| 0x20`
    // folds a capital, and a byte it changes that is no letter fails the full comparison.
    bytes.len() >= phrase.len()
        && (bytes[1] | 0x20) == phrase[1]
        && bytes[..phrase.len()].eq_ignore_ascii_case(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The facts read 64 bytes at a time are the facts read byte by byte, wherever the
        /// words, colons, brackets and non-ASCII characters fall against the blocks' ends.
        #[test]
        fn word_facts_by_blocks_are_the_byte_loops(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "you", "Your", "I", "i\u{2019}ve", "we've", "my", "OUR", "me", "vacation",
                "honeymoon", "go-karting", "'you'", "-we-", "\u{2019}my\u{2019}", "naïve", "é",
                ":", "[", "]", " ", "  ", "\n", ",", ".", "a", "shipped", "p95", "x-y", "'",
                "-", "\u{2019}", "0123456789abcdef", "#tag",
            ]), 0..60)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(word_facts(&text), word_facts_by_bytes(&text), "{:?}", text);
        }
    }

    /// Whether `text` holds `needle` (lowercase ASCII) in any ASCII case.
    fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
        let (text, needle) = (text.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = needle.split_first() else {
            return true;
        };
        // Compared from the first byte only where it matches: most positions fail there.
        text.len() >= needle.len()
            && (0..=text.len() - needle.len()).any(|i| {
                text[i].to_ascii_lowercase() == first
                    && text[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
            })
    }

    #[test]
    fn lead_in_phrases_in_one_pass_equal_one_search_per_phrase() {
        for text in [
            "Some examples of things in this category",
            "Things like THE ones below, e.g. these",
            "Here's a few things I hope to do NEXT YEAR",
            "next yea",
            "Stuff that could go in here, next year",
            "nnext  year, such as",
            "Shipped the importer",
            "ex",
            "",
        ] {
            let guidance = GUIDANCE_LEAD_INS
                .iter()
                .any(|p| contains_ignore_ascii_case(text, p));
            let (found_guidance, next_year) = lead_in_phrases(text);
            assert_eq!(found_guidance, guidance, "{text}");
            if !guidance {
                assert_eq!(
                    next_year,
                    contains_ignore_ascii_case(text, NEXT_YEAR),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn work_claims_in_first_person_and_log_style() {
        for text in [
            "I also contributed docs fixes to three libraries.",
            "Wrote a script to generate test records.",
            "This was the biggest event we've ever put together.",
            "Last spring I finally moved the site to a static generator.",
            "I continue helping to maintain the events listing.",
            "Our team has grown. I have mentored two new hires.",
        ] {
            assert!(claims_work(text), "{text}");
        }
        for text in [
            "I felt busy all year, but I made sure to rest.",
            "Generally, I write an article a month.",
            "I was introduced to the director by a friend.",
            "Here is the demo site.",
            "I'm happy with how it turned out.",
        ] {
            assert!(!claims_work(text), "{text}");
        }
    }

    #[test]
    fn prompts_need_more_than_an_imperative_to_be_sure() {
        let signals = |text: &str| prompt_signals(text, &word_facts(text));
        assert_eq!(signals("Include your metrics"), (true, true));
        assert_eq!(signals("What did you ship?"), (true, false));
        assert_eq!(signals("Result: [what changed]"), (true, false));
        assert_eq!(signals("Add retry to the export job"), (false, true));
        assert_eq!(
            signals("[Grafana](https://x.test) dashboards"),
            (false, false)
        );
        assert_eq!(signals("Shipped the importer"), (false, false));
    }

    #[test]
    fn personal_life_and_lead_ins() {
        assert!(word_facts("Took a road trip along the coast").personal);
        assert!(!word_facts("Cut the deploy time in half").personal);
        assert_eq!(lead_in("A few fitness goals:"), Some(LeadIn::Goals));
        assert_eq!(
            lead_in("Examples of things that belong here:"),
            Some(LeadIn::Guidance)
        );
        assert_eq!(
            lead_in("I did a lot. Here's what I hope to do next year."),
            Some(LeadIn::Goals)
        );
        assert_eq!(lead_in("Highlights from the spring:"), None);
    }
}
