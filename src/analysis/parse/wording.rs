//! How an entry's words read, before its section says what it is: a prompt to the author, a
//! claim of work, a personal note, a label. Every list here is data, each commented with what
//! it is for; one pass over the entry's words reads them.

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
const READER_WORDS: [&str; 5] = ["you", "your", "yours", "yourself", "you're"];

/// The words of `text`, as written (other characters split words; apostrophes and hyphens
/// inside a word kept). Compared with [`is`] and [`in_list`], which need no lower-case copy:
/// every entry of a large draft is read this way.
fn words(text: &str) -> impl Iterator<Item = &str> + Clone + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(['\'', '’', '-']))
        .filter(|w| !w.is_empty())
}

/// True when `word` is `target` (lower-case ASCII) whatever its case, a curly apostrophe read
/// as a straight one.
fn is(word: &str, target: &str) -> bool {
    let mut chars = word.chars();
    for expected in target.chars() {
        match chars.next() {
            Some(c) if c.to_ascii_lowercase() == expected => {}
            Some('’') if expected == '\'' => {}
            _ => return false,
        }
    }
    chars.next().is_none()
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|target| is(word, target))
}

/// The first word of an entry.
fn first_word(text: &str) -> &str {
    let trimmed = text.trim().trim_start_matches(['*', '_', '•', '-', ' ']);
    words(trimmed).next().unwrap_or("")
}

/// Whether the entry reads as a prompt on its own (`strong`) and whether it opens with a
/// guidance verb (`imperative`, which only counts where its section is mostly prompts).
pub(super) fn prompt_signals(text: &str) -> (bool, bool) {
    let trimmed = text.trim().trim_end_matches(['*', '_', ' ']);
    let first = first_word(trimmed);
    let imperative = in_list(first, &PROMPT_VERBS);
    let addresses_reader = words(trimmed).any(|w| in_list(w, &READER_WORDS));
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

/// True when the text speaks to its reader and not of its author ("For each project, note
/// what you built"): an instruction, whatever verb it opens with.
pub(super) fn addresses_reader_only(text: &str) -> bool {
    let (first, second) = count_voice(text);
    second > 0 && first == 0
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

fn is_work_past(word: &str) -> bool {
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

/// Words of personal life that no work win uses: travel, leisure, family, pets, purchases.
const PERSONAL_WORDS: [&str; 24] = [
    "vacation",
    "holiday",
    "honeymoon",
    "trip",
    "hotel",
    "visited",
    "visit",
    "travelled",
    "traveled",
    "karting",
    "go-karting",
    "hiking",
    "hike",
    "puppy",
    "wedding",
    "married",
    "girlfriend",
    "boyfriend",
    "husband",
    "wife",
    "bought",
    "sightseeing",
    "snorkeling",
    "birthday",
];

/// True when the entry is about personal life ("Visited the mountains for the first time",
/// "First time stay at a 4.5-star hotel"), whatever section it sits in.
pub(super) fn is_personal(text: &str) -> bool {
    words(text).any(|w| in_list(w, &PERSONAL_WORDS))
}

/// Words of the author speaking of themselves, and of a text speaking to its reader: a growth
/// doc is written in the first person, a guide or template in the second.
const FIRST_PERSON: [&str; 8] = ["i", "my", "me", "we", "our", "i've", "i'm", "we've"];
const SECOND_PERSON: [&str; 4] = ["you", "your", "you're", "yourself"];

/// Counts of first- and second-person words in `text`, without allocating. Every prose text
/// event of the body passes through here: words are found byte by byte, and only those that
/// open with a letter of a pronoun are compared.
pub(super) fn count_voice(text: &str) -> (u32, u32) {
    let (mut first, mut second) = (0, 0);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && (bytes[at].is_ascii_alphabetic() || bytes[at] == b'\'') {
            at += 1;
        }
        // A word glued to a non-ASCII letter is part of a longer word.
        if at < bytes.len() && bytes[at] >= 0x80 {
            continue;
        }
        let word = &text[start..at];
        if word.len() > 8 || !matches!(bytes[start] | 0x20, b'i' | b'm' | b'w' | b'o' | b'y') {
            continue;
        }
        if FIRST_PERSON.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            first += 1;
        } else if SECOND_PERSON.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            second += 1;
        }
    }
    (first, second)
}

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
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !in_list(
            word.trim_matches(|c: char| !c.is_alphanumeric()),
            &JOINING_WORDS,
        )
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

/// What the last sentence of a paragraph says of the list that follows it.
pub(super) fn lead_in(paragraph: &str) -> Option<LeadIn> {
    let trimmed = paragraph.trim().trim_end_matches(['.', ':', ' ', '*']);
    let last = trimmed
        .rsplit(['.', '!', '?'])
        .next()
        .unwrap_or(trimmed)
        .to_lowercase();
    if GUIDANCE_LEAD_INS.iter().any(|w| last.contains(w)) || prompt_signals(&last).0 {
        return Some(LeadIn::Guidance);
    }
    if last.contains("next year") || words(&last).any(|w| in_list(w, &INTENT_WORDS)) {
        return Some(LeadIn::Goals);
    }
    None
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
        assert_eq!(prompt_signals("Include your metrics"), (true, true));
        assert_eq!(prompt_signals("What did you ship?"), (true, false));
        assert_eq!(prompt_signals("Result: [what changed]"), (true, false));
        assert_eq!(prompt_signals("Add retry to the export job"), (false, true));
        assert_eq!(
            prompt_signals("[Grafana](https://x.test) dashboards"),
            (false, false)
        );
        assert_eq!(prompt_signals("Shipped the importer"), (false, false));
    }

    #[test]
    fn personal_life_and_lead_ins() {
        assert!(is_personal("Took a road trip along the coast"));
        assert!(!is_personal("Cut the deploy time in half"));
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
