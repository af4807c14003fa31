//! `weak-verb`: a verb that hides the author's own part in a win.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::words::lexicon;
use crate::analysis::words::tokens::{Kind, Tokens};

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
*supported*, *tried to*, *was part of*, *took part in*, when they are said of you: a verb
after a noun (\"these changes should help us…\", \"the runbook helped on-call…\") is about
something else, and *help* as a noun (\"asked for help\") or the end of a compound
(\"AI-assisted\") is not a verb at all.

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

/// Byte ranges of the weak words in an entry's plain text, read from its tokens: each phrase of
/// `words/lexicon/weak-phrases.txt` whose subject is the author. Entries mostly omit the "I", so
/// a phrase that opens its clause, or follows `I`, `we`, `and`, `to`, `by` (past adverbs,
/// auxiliaries and a modal), is the author's; after a noun it is something else's ("these
/// changes should help us detect incidents"). Not a weak verb: the second half of a compound
/// (`AI-assisted`), and `help` as a noun (`to get help`).
///
/// `tokens` are those of `full`, whose first `own_len` bytes are the entry's own text (the
/// shared reading of [`crate::analysis::words::reading`]): only tokens that end inside the own
/// text are read, and as a line break is a token of its own, a phrase never runs past it.
pub(crate) fn weak_words_in(
    full: &str,
    own_len: usize,
    tokens: &Tokens,
) -> Vec<std::ops::Range<usize>> {
    let Some(own) = full.get(..own_len) else {
        return Vec::new();
    };
    if !may_hold_weak_phrase(own) {
        return Vec::new();
    }
    let n = tokens.partition_point(|t| t.end as usize <= own_len);
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        if !tokens[i].is(lexicon::WEAK_OPENER) {
            i += 1;
            continue;
        }
        match phrase_at(tokens, i) {
            Some(last) if last < n && is_authors(full, tokens, i) => {
                found.push(tokens[i].start as usize..tokens[last].end as usize);
                i = last + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// [`weak_words_in`] of a text of its own (the rule's tests).
#[cfg(test)]
fn weak_words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut tokens = Tokens::default();
    tokens.read(text);
    weak_words_in(text, text.len(), &tokens)
}

/// For each lowercase ASCII letter, the longest word of each weak phrase that starts with it
/// (every phrase holds its longest word, so a text without any holds no phrase).
static KEY_WORDS: std::sync::LazyLock<[Vec<&'static [u8]>; 26]> = std::sync::LazyLock::new(|| {
    let mut keys: [Vec<&'static [u8]>; 26] = Default::default();
    for phrase in lexicon::WEAK_PHRASES.iter() {
        let Some(longest) = phrase.iter().max_by_key(|w| w.len()) else {
            continue;
        };
        let first = longest.as_bytes()[0];
        if first.is_ascii_lowercase() {
            let slot = &mut keys[usize::from(first - b'a')];
            if !slot.contains(&longest.as_bytes()) {
                slot.push(longest.as_bytes());
            }
        }
    }
    keys
});

/// A test that rules out most entries before they are tokenised: in ASCII text, whether some
/// phrase's longest word starts a word anywhere, in any case. (Outside ASCII, lowercasing can
/// turn other letters into these, so such text is always read.)
fn may_hold_weak_phrase(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !text.is_ascii() {
        return true;
    }
    let keys = &*KEY_WORDS;
    (0..bytes.len()).any(|i| {
        let b = bytes[i].to_ascii_lowercase();
        if !b.is_ascii_lowercase() || (i > 0 && bytes[i - 1].is_ascii_alphabetic()) {
            return false;
        }
        keys[usize::from(b - b'a')].iter().any(|key| {
            bytes
                .get(i..i + key.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(key))
        })
    })
}

/// The last token of the longest weak phrase that starts at token `i`, if one does.
fn phrase_at(tokens: &Tokens, i: usize) -> Option<usize> {
    lexicon::WEAK_PHRASES
        .iter()
        .filter(|phrase| {
            phrase.iter().enumerate().all(|(k, word)| {
                tokens
                    .get(i + k)
                    .is_some_and(|t| t.kind == Kind::Word && tokens.lower(i + k) == *word)
            })
        })
        .map(|phrase| i + phrase.len() - 1)
        .max()
}

/// Whether the weak phrase at token `i` is said of the author.
fn is_authors(text: &str, tokens: &Tokens, i: usize) -> bool {
    let symbol = |k: usize| {
        let t = &tokens[k];
        (t.kind == Kind::Symbol).then(|| &text[t.range()])
    };
    // `AI-assisted`, `peer-supported`: a compound adjective, not a verb.
    if i > 0 && tokens[i].glued && symbol(i - 1) == Some("-") {
        return false;
    }
    // `to get help`, `asked for help`: the noun.
    if tokens.lower(i) == "help" && i > 0 && tokens[i - 1].is(lexicon::HELP_NOUN) {
        return false;
    }
    let mut k = i;
    while k > 0 {
        let before = &tokens[k - 1];
        match before.kind {
            Kind::Break => return true,
            // Punctuation, bullets and emoji open a clause; a slash or an `@` joins names.
            Kind::Symbol => return !matches!(symbol(k - 1), Some("/" | "@" | "#" | "&" | "'")),
            Kind::Number | Kind::Ident => return false,
            Kind::Word => {}
        }
        let word = tokens.lower(k - 1);
        if before.is(lexicon::ADVERB | lexicon::MODAL) || (word.ends_with("ly") && word.len() > 3) {
            k -= 1;
            continue;
        }
        return before.is(lexicon::SUBJECT);
    }
    true
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // The weak words come from the analysis's one reading of each judged entry.
    for (entry, words) in cx.doc.entries.iter().zip(cx.entry_words()) {
        let Some(words) = words else {
            continue;
        };
        for found in words.weak.iter() {
            let (start, end) = (found.start as usize, found.end as usize);
            let Some(span) = entry.source_span(start, end) else {
                continue;
            };
            out.push(Finding::new(span, message(&entry.text[start..end])));
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
            " does not say what you did yourself: name it (designed, built, led, decided) and what changed"
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
        "Took part in",
        "took part in",
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

    #[test]
    fn weak_verbs_of_the_author_in_every_spelling() {
        for (text, weak) in [
            ("Helped reduce logging costs", vec!["Helped"]),
            ("Took part in the interview process", vec!["Took part in"]),
            ("I was a part of the launch team", vec!["was a part of"]),
            (
                "Led the rollout and actively contributed to the design",
                vec!["contributed to"],
            ),
            (
                "In Q3, worked  on the exporter; supported 3 teams",
                vec!["worked  on", "supported"],
            ),
            ("Volunteered to help with the migration", vec!["help"]),
            ("We have been involved in hiring", vec!["been involved in"]),
            ("Tried to fix the flaky suite", vec!["Tried to"]),
            ("🚀 Worked on the launch", vec!["Worked on"]),
        ] {
            let found: Vec<&str> = super::weak_words(text)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(found, weak, "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The prefilter never rules out a text the tokens find a weak phrase in.
        #[test]
        fn the_prefilter_rules_out_nothing_that_counts(
            text in crate::analysis::text::words_and_separators(
                vec![
                    "help", "HELPED", "helping", "helper", "worked", "Working", "on", "in",
                    "to", "was", "Were", "a", "part", "of", "took", "TAKE", "involved", "been",
                    "participated", "contribute", "assists", "supported", "tried", "x", "I",
                    "and", "the", "tool", "should", "get", "AI",
                ],
                vec![" ", "", "\n", ", ", "-", "'", "_", ". ", "; "],
                0..8,
            )
        ) {
            if !super::may_hold_weak_phrase(&text) {
                let mut tokens = super::Tokens::default();
                tokens.read(&text);
                let any = (0..tokens.len()).any(|i| super::phrase_at(&tokens, i).is_some());
                proptest::prop_assert!(!any, "{:?}", text);
            }
        }
    }

    #[test]
    fn not_weak_when_the_author_is_not_the_subject_or_it_is_no_verb() {
        for text in [
            "Became an AI-assisted engineer on the platform team",
            "Got peer-supported code reviews going",
            "Built trust, leveraging relationships to get help from other orgs",
            "These changes should help us detect incidents in 5 minutes",
            "The new runbook helped on-call resolve pages faster",
            "Shipped the cache, which helped the search team",
            "Asked for help early instead of stalling",
            "Helpful docs for the SDK",
        ] {
            assert_eq!(
                super::weak_words(text),
                Vec::<std::ops::Range<usize>>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn non_ascii_text_is_lowercased_by_unicode_rules() {
        // The Kelvin sign lowercases to `k`.
        assert_eq!(super::weak_words("Wor\u{212A}ed on the café"), vec![0..11]);
    }

    #[test]
    fn fixed_and_built_messages_read_the_same() {
        let built = |words: &str| {
            format!(
                "`{words}` does not say what you did yourself: name it (designed, built, led, decided) and what changed"
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
