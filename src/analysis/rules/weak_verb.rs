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
    // Every phrase opens with a word of the list: a text without one (most) holds none. The
    // tokens already give every list their words are in, so this costs nothing per byte.
    if tokens.union() & lexicon::WEAK_OPENER == 0 || full.get(..own_len).is_none() {
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

/// The last token of the longest weak phrase that starts at token `i`, if one does.
fn phrase_at(tokens: &Tokens, i: usize) -> Option<usize> {
    if tokens[i].kind != Kind::Word {
        return None;
    }
    // The opener is compared once, by length first: most phrases open with another word.
    let first = tokens.lower(i);
    lexicon::WEAK_PHRASES
        .iter()
        .filter(|phrase| phrase[0].len() == first.len() && phrase[0] == first)
        .filter(|phrase| {
            phrase.iter().enumerate().skip(1).all(|(k, word)| {
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
