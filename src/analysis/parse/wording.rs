//! How an entry's words read, before its section says what it is: a prompt to the author, a
//! claim of work, a personal note, a label. Every list here is data, each commented with what
//! it is for; one pass over the entry's words reads them.

use crate::analysis::words::lexicon;
use std::sync::LazyLock;

/// Verbs that open an instruction to the author in templates and guides. A line that opens
/// with one is only a weak sign: "Add retry to the export job" is a commit-style work log line.
const PROMPT_VERBS: [&str; 34] = [
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
];

/// Words that address the reader: with a guidance verb, the line instructs the author.
const READER_WORDS: [&str; 6] = ["you", "your", "yours", "yourself", "you're", "you've"];

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
            // Index loops over the byte table: the scan is most of the model pass's word reading.
            let mut start = self.at;
            while start < bytes.len() && !is_word_byte(bytes[start]) {
                start += 1;
            }
            if start == bytes.len() {
                self.at = start;
                return None;
            }
            let mut end = start + 1;
            while end < bytes.len() && is_word_byte(bytes[end]) {
                end += 1;
            }
            self.at = end;
            // Most words open and end on an ASCII letter or digit: nothing to trim.
            if bytes[start].is_ascii_alphanumeric() && bytes[end - 1].is_ascii_alphanumeric() {
                return Some(&self.text[start..end]);
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
            // Both ends fall next to ASCII bytes, the text's ends or a whole curly apostrophe.
            let word = &self.text[from..to];
            if !word.is_empty() {
                return Some(word);
            }
        }
    }
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
        let byte = if bytes[at..].starts_with("’".as_bytes()) {
            at += 3;
            b'\''
        } else if bytes[at] >= 0x80 {
            return None;
        } else {
            at += 1;
            bytes[at - 1].to_ascii_lowercase()
        };
        *buffer.get_mut(len)? = byte;
        len += 1;
    }
    Some(&buffer[..len])
}

/// True when `word` is `target` (lower-case ASCII) whatever its case, a curly apostrophe read
/// as a straight one.
fn is(word: &str, target: &str) -> bool {
    in_list(word, &[target])
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
    list.iter().any(|target| target.as_bytes() == lower)
}

/// The first word of an entry.
fn first_word(text: &str) -> &str {
    let trimmed = text.trim().trim_start_matches(['*', '_', '•', '-', ' ']);
    words(trimmed).next().unwrap_or("")
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

    fn may_hold(&self, word: &str) -> bool {
        let lead = word.as_bytes()[0] | 0x20;
        lead.is_ascii_lowercase()
            && word.len() < 32
            && self.0[usize::from(lead - b'a')] & (1 << word.len()) != 0
    }
}

const FACT_SHAPES: Shapes = Shapes::of(&[&READER_WORDS, &FIRST_PERSON]);

/// The first letters and the longest word of `words/lexicon/personal-life.txt`: a word that
/// could not be in it is not looked up.
static PERSONAL_LEADS: LazyLock<([bool; 128], usize)> = LazyLock::new(|| {
    let mut leads = [false; 128];
    let mut longest = 0;
    for word in lexicon::PERSONAL_LIFE.iter() {
        leads[usize::from(word.as_bytes()[0] & 0x7f)] = true;
        longest = longest.max(word.len());
    }
    (leads, longest)
});

/// What one pass over an entry's words finds: whether any addresses the reader, whether any is
/// of personal life, and how many are first- and second-person.
#[derive(Debug, Default)]
pub(super) struct WordFacts {
    pub(super) addresses_reader: bool,
    pub(super) personal: bool,
    pub(super) first_person: u32,
    pub(super) second_person: u32,
}

impl WordFacts {
    /// The text speaks to its reader and not of its author ("For each project, note what you
    /// built"): an instruction, whatever verb it opens with.
    pub(super) fn addresses_reader_only(&self) -> bool {
        self.addresses_reader && self.first_person == 0
    }
}

pub(super) fn word_facts(text: &str) -> WordFacts {
    let mut facts = WordFacts::default();
    for word in words(text) {
        // Only words that could be in a list are lower-cased and compared: a reader word opens
        // with `y`, a first-person one is short, a personal one opens with one of a few letters.
        let lead = word.as_bytes()[0] | 0x20;
        let (personal_leads, longest_personal) = &*PERSONAL_LEADS;
        let could_be_personal = (3..=*longest_personal).contains(&word.len())
            && personal_leads[usize::from(lead & 0x7f)];
        if !(FACT_SHAPES.may_hold(word) || could_be_personal) {
            continue;
        }
        let mut buffer = [0; LONGEST_LISTED];
        let Some(lower) = lowered(word, &mut buffer) else {
            continue;
        };
        let listed = |list: &[&str]| list.iter().any(|w| w.as_bytes() == lower);
        if listed(&READER_WORDS) {
            facts.addresses_reader = true;
            facts.second_person += 1;
        } else if listed(&FIRST_PERSON) {
            facts.first_person += 1;
        } else if !facts.personal
            && std::str::from_utf8(lower).is_ok_and(|w| lexicon::PERSONAL_LIFE.contains(w))
        {
            facts.personal = true;
        }
    }
    facts
}

/// Whether the entry reads as a prompt on its own (`strong`) and whether it opens with a
/// guidance verb (`imperative`, which only counts where its section is mostly prompts).
pub(super) fn prompt_signals(text: &str, facts: &WordFacts) -> (bool, bool) {
    let trimmed = text.trim().trim_end_matches(['*', '_', ' ']);
    let first = first_word(trimmed);
    let imperative = in_list(first, &PROMPT_VERBS);
    let addresses_reader = facts.addresses_reader;
    let strong = is_question(trimmed)
        || has_blank(trimmed)
        || (imperative && (addresses_reader || trimmed.ends_with(':')))
        || in_list(first, &READER_WORDS);
    (strong, imperative)
}

/// Words that open a question.
const QUESTION_OPENERS: [&str; 20] = [
    "what", "how", "who", "whom", "which", "why", "where", "when", "did", "do", "does", "are",
    "is", "was", "were", "have", "has", "can", "could", "should",
];

/// A question to the author: the text's last sentence ends in `?` and opens like a question
/// ("Which components did you build?"), not a description that ends in one ("A poll app:
/// heaven or hell?").
fn is_question(text: &str) -> bool {
    let Some(body) = text.strip_suffix('?') else {
        return false;
    };
    let last = body.rsplit(['.', '!', '?', ':']).next().unwrap_or(body);
    let first = first_word(last);
    in_list(first, &QUESTION_OPENERS) || words(last).any(|w| in_list(w, &READER_WORDS))
}

/// Words of feeling, thanks and hope: a paragraph that has them in two sentences or more
/// reflects on the year rather than claiming work ("I felt busy… I really appreciate it").
const REFLECTION_WORDS: [&str; 17] = [
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
];

/// True when two or more sentences of the text speak of feelings, thanks or hopes.
pub(super) fn is_reflection(text: &str) -> bool {
    text.split(['.', '!', '?', ';'])
        .filter(|sentence| words(sentence).any(|w| in_list(w, &REFLECTION_WORDS)))
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
const IRREGULAR_WORK_PAST: [&str; 31] = [
    "made", "built", "wrote", "written", "ran", "led", "did", "done", "gave", "given", "began",
    "begun", "won", "taught", "brought", "set", "took", "spoke", "sold", "laid", "drove", "grew",
    "rewrote", "rebuilt", "shipped", "spent", "got", "put", "found", "held", "kept",
];

/// Regular past forms that tell of something that happened to the author or of a feeling, not
/// of work done: a first-person sentence with only these claims nothing.
const NOT_WORK_PAST: [&str; 34] = [
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
];

/// Present-tense verbs of work that goes on ("I maintain the listing", "I continue helping").
const ONGOING_WORK: [&str; 6] = [
    "maintain", "continue", "organize", "organise", "run", "lead",
];

/// Words between a subject and its verb that do not change the claim ("I also wrote").
const ADVERBS: [&str; 14] = [
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
];

pub(super) fn is_work_past(word: &str) -> bool {
    if in_list(word, &IRREGULAR_WORK_PAST) {
        return true;
    }
    let bytes = word.as_bytes();
    word.len() >= 5
        && bytes[bytes.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !in_list(word, &NOT_WORK_PAST)
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
            let (subject, perfect) = if in_list(word, &["i", "we"]) {
                (true, false)
            } else if in_list(word, &["i've", "we've"]) {
                (true, true)
            } else {
                (false, false)
            };
            if !subject {
                continue;
            }
            let mut next = sentence_words
                .clone()
                .skip_while(|w| in_list(w, &ADVERBS) || (perfect && is(w, "ever")));
            let verb = next.next().unwrap_or("");
            let after = next.next().unwrap_or("");
            if is(verb, "made") && is(after, "sure") {
                continue;
            }
            if is_work_past(verb) || (!perfect && in_list(verb, &ONGOING_WORK)) {
                return true;
            }
            // "I have built", "we have shipped".
            if in_list(verb, &["have", "had"]) && is_work_past(after) {
                return true;
            }
        }
    }
    false
}

/// Words of the author speaking of themselves (the reader's are [`READER_WORDS`]): a growth
/// doc is written in the first person, a guide or template in the second.
const FIRST_PERSON: [&str; 8] = ["i", "my", "me", "we", "our", "i've", "i'm", "we've"];

/// True when a text with these counts addresses its reader more than it speaks of its author:
/// a guide or a template, whose list items are instructions and examples, not work.
pub fn reads_as_guide(first_person: u32, second_person: u32) -> bool {
    second_person >= 5 && second_person > first_person
}

/// Small words that join names ("[A] and [B]", "**X** by Y"): names joined by them still only
/// name things.
const JOINING_WORDS: [&str; 10] = [
    "and", "or", "the", "by", "of", "on", "at", "in", "vs", "with",
];

/// True when a word written outside links, bold and code says something of its own: a word of
/// two letters or more that does not only join names.
pub(super) fn is_own_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    // Letters: ASCII ones, and any non-ASCII character (counted by its first byte).
    let mut letters = bytes
        .iter()
        .filter(|&&b| b.is_ascii_alphabetic() || b >= 0xC0);
    if letters.next().is_none() || letters.next().is_none() {
        return false;
    }
    // The joining words are short: a longer word is one of its own.
    let core = word.trim_matches(|c: char| c.is_ascii_punctuation());
    core.len() > 4 || !in_list(core, &JOINING_WORDS)
}

/// True when the text opens with a verb in the past, of work or not ("Attended three
/// conferences:"): a lead-in that says what the author did.
pub(super) fn opens_with_past(text: &str) -> bool {
    let first = first_word(text);
    is_work_past(first) || in_list(first, &NOT_WORK_PAST)
}

/// True when the text defines a term rather than claiming work: a short `Term:` label followed
/// by an article ("Awareness: a basic understanding of…"), as glossaries and level guides do.
pub(super) fn is_definition(text: &str) -> bool {
    let Some((term, rest)) = text.split_once(':') else {
        return false;
    };
    let n_term_words = words(term).count();
    (1..=4).contains(&n_term_words) && in_list(first_word(rest), &["a", "an", "the"])
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
const INTENT_WORDS: [&str; 8] = [
    "goal",
    "goals",
    "hope",
    "plan",
    "plans",
    "want",
    "wish",
    "resolutions",
];

/// Words that say learning is still under way: "Still learning how to…", "working on it".
const UNDER_WAY_WORDS: [&str; 3] = ["still", "working", "deeper"];

/// True when an entry of a "What I learned" section tells of learning not yet done ("Still
/// learning to say no", "want to go deeper next year"): a goal, not completed learning.
pub(super) fn learning_under_way(text: &str) -> bool {
    let mut buffer = [0; LONGEST_LISTED];
    text.contains("next year")
        || words(text).any(|w| {
            lowered(w, &mut buffer).is_some_and(|lower| {
                INTENT_WORDS
                    .iter()
                    .chain(UNDER_WAY_WORDS.iter())
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
    let has = |phrase: &str| contains_ignore_ascii_case(last, phrase);
    if GUIDANCE_LEAD_INS.iter().any(|w| has(w)) || prompt_signals(last, &word_facts(last)).0 {
        return Some(LeadIn::Guidance);
    }
    if has("next year") || words(last).any(|w| in_list(w, &INTENT_WORDS)) {
        return Some(LeadIn::Goals);
    }
    None
}

/// Whether `text` holds `needle` (lowercase ASCII) in any ASCII case.
fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    needle.is_empty()
        || text
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

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
