//! `weak-verb`: a verb that hides the author's own part in a win.

use super::vague_win::is_judged;
use super::{Finding, Rule};
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::text::{is_ascii_space, is_ascii_word_byte};
use crate::analysis::{Context, memo};
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    name: "weak-verb",
    summary: "a win that leans on a verb hiding the author's part (helped, worked on, contributed to…)",
    default_severity: Severity::Hint,
    kinds: &[DocKind::Promo, DocKind::Brag],
    has_fix: false,
    check,
    docs: "\
## What it does
Underlines the exact words in a win or evidence entry that hide what you did yourself:
*helped*, *worked on*, *was involved in*, *participated in*, *contributed to*, *assisted*,
*supported*, *tried to*, *was part of*.

## Why it matters
Reviewers read these verbs as \"someone else did it and I was nearby\". If you designed, built,
led or decided something, say that verb; if you really helped, say what your part was.

## Example
```markdown
- Helped reduce logging costs.
```

## Use instead
```markdown
- Moved cold logs to object storage, saving $210k a year.
```
",
};

static WEAK_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:help(?:ed|ing|s)?|work(?:ed|ing)\s+on|(?:was|were|been|being|am|is|are)\s+involved\s+in|participat(?:ed|ing|e)\s+in|contribut(?:ed|ing|e)\s+to|assist(?:ed|ing|s)?|support(?:ed|ing)|tr(?:ied|ying)\s+to|(?:was|were)\s+(?:a\s+)?part\s+of)(?-u:\b)",
    )
    .expect("weak verb pattern compiles")
});

/// Byte ranges of the weak words in an entry's plain text.
fn weak_words(text: &str) -> Vec<std::ops::Range<usize>> {
    if text.is_ascii() {
        weak_words_ascii(text)
    } else {
        WEAK_VERB.find_iter(text).map(|m| m.range()).collect()
    }
}

/// [`WEAK_VERB`]'s matches in ASCII text, found word by word without the automaton (a test
/// compares the two). In ASCII text the pattern's `(?i)` is ASCII case folding and its `\s` the
/// six ASCII spaces, and every match is whole words: it starts and ends at a word boundary and
/// holds only letters and spaces.
fn weak_words_ascii(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !is_ascii_word_byte(bytes[at]) {
            at += 1;
            continue;
        }
        let word_end = end_of_word(bytes, at);
        match weak_phrase_at(bytes, at, word_end) {
            Some(end) => {
                found.push(at..end);
                at = end;
            }
            None => at = word_end,
        }
    }
    found
}

/// For each byte, a bit for each length (below 16) of a word that opens a weak phrase and starts
/// with that byte, in either case.
static OPENING_WORD_LENGTHS: [u16; 256] = {
    let mut table = [0u16; 256];
    let lengths: [(u8, u16); 9] = [
        (b'h', 0b1111 << 4),           // help, helps, helped, helping
        (b'a', 0b1100 | 0b1111 << 6),  // am, are; assist … assisting
        (b's', 0b11 << 9),             // supported, supporting
        (b'w', 0b11 << 3 | 0b11 << 6), // was, were; worked, working
        (b'p', 0b111 << 11),           // participate …
        (b'c', 0b111 << 10),           // contribute …
        (b't', 0b11 << 5),             // tried, trying
        (b'b', 0b11 << 4),             // been, being
        (b'i', 0b1 << 2),              // is
    ];
    let mut i = 0;
    while i < lengths.len() {
        let (letter, mask) = lengths[i];
        table[letter as usize] = mask;
        table[letter.to_ascii_uppercase() as usize] = mask;
        i += 1;
    }
    table
};

/// Where the weak phrase that opens with the word `bytes[start..end]` ends, if it is one.
fn weak_phrase_at(bytes: &[u8], start: usize, end: usize) -> Option<usize> {
    let word = &bytes[start..end];
    // Most words are ruled out by their first letter and length alone.
    // By table, not by `match`: a jump on the first letter of every word was mispredicted
    // nearly every time.
    let lengths = OPENING_WORD_LENGTHS[usize::from(word[0])];
    if word.len() >= 16 || lengths & (1 << word.len()) == 0 {
        return None;
    }
    // The longest opening word is "participating" (13 letters).
    let mut lower = [0u8; 13];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    // Each phrase continues with whole words after whitespace: `then(at, "on")` is the end of
    // the word "on" when it follows `at` after one or more spaces.
    let then = |at: usize, next: &str| {
        let word_start = at
            + bytes[at..]
                .iter()
                .take_while(|&&b| is_ascii_space(b))
                .count();
        let word_end = end_of_word(bytes, word_start);
        (word_start > at && bytes[word_start..word_end].eq_ignore_ascii_case(next.as_bytes()))
            .then_some(word_end)
    };
    match &*lower {
        b"help" | b"helped" | b"helping" | b"helps" | b"assist" | b"assisted" | b"assisting"
        | b"assists" | b"supported" | b"supporting" => Some(end),
        b"worked" | b"working" => then(end, "on"),
        b"participated" | b"participating" | b"participate" => then(end, "in"),
        b"contributed" | b"contributing" | b"contribute" | b"tried" | b"trying" => then(end, "to"),
        b"been" | b"being" | b"am" | b"is" | b"are" => {
            then(end, "involved").and_then(|at| then(at, "in"))
        }
        b"was" | b"were" => then(end, "involved")
            .and_then(|at| then(at, "in"))
            .or_else(|| {
                then(end, "a")
                    .and_then(|at| then(at, "part"))
                    .or_else(|| then(end, "part"))
                    .and_then(|at| then(at, "of"))
            }),
        _ => None,
    }
}

fn end_of_word(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() && is_ascii_word_byte(bytes[end]) {
        end += 1;
    }
    end
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut results = memo::Results::weak_words(cx.memo, cx.kept_pieces);
    for (index, entry) in cx.doc.entries.iter().enumerate() {
        if !is_judged(cx.doc, entry) {
            continue;
        }
        let found = results.get(index, || &entry.text, weak_words);
        for found in found {
            let Some(span) = entry.source_span(found.start, found.end) else {
                continue;
            };
            out.push(Finding::new(span, message(&entry.text[found])));
        }
    }
}

/// The message for the weak words as written. The common spellings get theirs as fixed text,
/// with no allocation: a large draft has tens of thousands.
fn message(words: &str) -> std::borrow::Cow<'static, str> {
    macro_rules! fixed {
        ($($words:literal),* $(,)?) => {
            match words {
                $($words => return std::borrow::Cow::Borrowed(concat!("`", $words, "`", HIDES!())),)*
                _ => {}
            }
        };
    }
    macro_rules! HIDES {
        () => {
            " hides your part: say what you did yourself (designed, built, led, decided) and what changed"
        };
    }
    fixed!(
        "Helped",
        "helped",
        "Helping",
        "helping",
        "Help",
        "help",
        "Helps",
        "helps",
        "Worked on",
        "worked on",
        "Working on",
        "working on",
        "Participated in",
        "participated in",
        "Contributed to",
        "contributed to",
        "Assisted",
        "assisted",
        "Supported",
        "supported",
        "Supporting",
        "supporting",
        "Tried to",
        "tried to",
        "Was involved in",
        "was involved in",
        "Was part of",
        "was part of",
        "Was a part of",
        "was a part of",
    );
    format!("`{words}`{}", HIDES!()).into()
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "weak-verb";

    #[test]
    fn underlines_exactly_the_weak_words() {
        fires(
            RULE,
            "---\nkind: brag\n---\n## Wins\n- Helped reduce logging costs and **worked on** the *migration*.\n- Was involved in hiring; supported 3 teams.\n",
            &["Helped", "worked on", "Was involved in", "supported"],
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The word-by-word scan finds exactly the pattern's matches in ASCII text: words that
        /// open, continue or nearly match a weak phrase, between every kind of separator.
        #[test]
        fn the_ascii_scan_equals_the_pattern(
            text in crate::analysis::text::words_and_separators(
                vec![
                    "help", "HELPED", "helping", "helps", "helper", "3help", "help_", "worked",
                    "Working", "work", "on", "ON", "one", "in", "to", "was", "Were", "been",
                    "being", "am", "is", "are", "involved", "a", "part", "apart", "of", "off",
                    "participated", "participate", "contributing", "contribute", "assist",
                    "assists", "supported", "support", "tried", "trying", "try", "x",
                ],
                vec![
                    " ", "  ", "\t", "\n", "\x0B", "\x0C", "\r", " \r\n ", "", "-", ".", "'",
                    "_", ", ",
                ],
                0..8,
            )
        ) {
            let expected: Vec<_> = super::WEAK_VERB.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(super::weak_words_ascii(&text), expected, "{:?}", text);
        }
    }

    #[test]
    fn non_ascii_text_goes_through_the_pattern() {
        // The Kelvin sign folds to `k` under Unicode case folding; the pattern knows it.
        assert_eq!(super::weak_words("Wor\u{212A}ed on the café"), vec![0..11]);
    }

    #[test]
    fn fixed_and_built_messages_read_the_same() {
        let built = |words: &str| {
            format!(
                "`{words}` hides your part: say what you did yourself (designed, built, led, decided) and what changed"
            )
        };
        for words in ["Helped", "was a part of", "Worked  on", "ASSISTED"] {
            assert_eq!(super::message(words), built(words));
        }
        assert!(matches!(
            super::message("Helped"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn quiet_on_strong_verbs_and_outside_wins() {
        quiet(
            RULE,
            "---\nkind: brag\n---\n## Wins\n- Led the migration; cut costs by 30%.\n- Built a helpdesk bot.\n## Usage\n- This helped me remember my work\n",
        );
        quiet(
            RULE,
            "---\nkind: growth-plan\n---\n## Delegation\n- Helped Priya take over by Q3\n",
        );
    }
}
