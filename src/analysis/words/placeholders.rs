//! Placeholder text left in a draft: TODO, TBD, XXX, FIXME, lorem ipsum, `[fill me in]` brackets
//! and `<angle bracket>` prompts.

use regex::Regex;
use std::sync::LazyLock;

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b)(?:TODO|TBD|TBC|XXX|FIXME)(?-u:\b)
        | (?i:(?-u:\b)lorem\s+ipsum(?-u:\b))
        | \[(?:[^\[\]\n]{0,60}?(?-u:\b)(?i:placeholder|fill\s+(?:me\s+)?in|add|insert|your|describe|what|how|who|whom|when|which|why|date|todo|tbd)(?-u:\b)[^\[\]\n]{0,60})\]
        | <(?:[^<>\n]{0,60}?(?-u:\b)(?i:placeholder|fill\s+(?:me\s+)?in|add|insert|your|describe|what|how)(?-u:\b)[^<>\n]{0,60})>",
    )
    .expect("placeholder pattern compiles")
});

/// Tags say what an entry is about, not what it says.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#[A-Za-z][\w-]*").expect("tag pattern compiles"));

/// The bytes a placeholder can start with: brackets, the upper-case markers' first letters
/// and `l` of `lorem`.
static MAY_START_PLACEHOLDER: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let starts = b"[<TXFlL";
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// A cheap test that rules out most text before the automaton runs: every placeholder has a
/// bracket, an upper-case marker (`TODO`, `TBD`, `TBC`, `XXX`, `FIXME`) or `lorem` in any case.
/// One pass over the bytes, with a table lookup for each: only the few that can start a marker
/// are looked at closely. `placeholder-text` asks it of each prose run before anything else:
/// nearly every run is ruled out here, with no memo lookup and no result to keep.
pub fn may_hold_placeholder(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|i| {
        if !MAY_START_PLACEHOLDER[usize::from(bytes[i])] {
            return false;
        }
        let rest = &bytes[i..];
        match rest[0] {
            b'[' | b'<' => true,
            b'T' => {
                rest.starts_with(b"TODO") || rest.starts_with(b"TBD") || rest.starts_with(b"TBC")
            }
            b'X' => rest.starts_with(b"XXX"),
            b'F' => rest.starts_with(b"FIXME"),
            // `(?i:lorem)`: only ASCII letters fold to these, so the bytes say it all.
            _ => rest
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"lorem")),
        }
    })
}

/// Letters and digits in `text` outside `#tag` words, counting no further than `enough`.
// Inlined into both callers: `is_placeholder_only` runs on every entry of the model pass.
#[inline(always)]
fn alphanumeric_outside_tags(text: &str, enough: usize) -> usize {
    let mut count = 0;
    let mut in_tag = false;
    let mut previous = ' ';
    for c in text.chars() {
        if c == '#' && !previous.is_alphanumeric() {
            in_tag = true;
        } else if in_tag && !(c.is_alphanumeric() || c == '-' || c == '_') {
            in_tag = false;
        }
        if !in_tag && c.is_alphanumeric() {
            count += 1;
            if count >= enough {
                return count;
            }
        }
        previous = c;
    }
    count
}

/// Byte ranges of placeholder markers in `text`.
pub fn find_placeholders(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let candidate = if may_hold_placeholder(text) { text } else { "" };
    PLACEHOLDER
        .find_iter(candidate)
        .filter(|m| !m.as_str().trim().is_empty())
        .map(|m| m.range())
}

/// True when `text`, which [`is_placeholder_only`] holds to say nothing but placeholders, says
/// so through a marker `find_placeholders` finds (`TODO`, `[what you did]`), not by being nearly
/// empty (`…`, `-`): the blanks `placeholder-text` points at. Counts no more than 3 letters.
pub fn placeholder_has_marker(placeholder_text: &str) -> bool {
    // Under three letters or digits outside tags is what makes a text nearly empty; any more,
    // and `is_placeholder_only` held only because markers covered the rest.
    alphanumeric_outside_tags(placeholder_text, 3) >= 3
}

/// True when `text` says nothing but placeholders (or nothing at all).
pub fn is_placeholder_only(text: &str) -> bool {
    // Most entries are real text: answer those in one pass over the bytes, with no automaton
    // and no allocation. Letters and digits of `#tags` do not count.
    if alphanumeric_outside_tags(text, 3) < 3 {
        return true;
    }
    if !may_hold_placeholder(text) {
        return false;
    }
    // The first match says whether there is one (what `is_match` searched for, a second time
    // before the count on every skeleton entry of a draft) and starts the count.
    let mut placeholders = PLACEHOLDER.find_iter(text).peekable();
    if placeholders.peek().is_none() {
        return false;
    }
    // Count the letters and digits outside placeholders and tags, without building a copy.
    let count = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
    let removed: usize = placeholders.map(|m| count(m.as_str())).sum::<usize>()
        + TAG
            .find_iter(text)
            .filter(|m| !PLACEHOLDER.is_match(m.as_str()))
            .map(|m| count(m.as_str()))
            .sum::<usize>();
    count(text).saturating_sub(removed) < 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_has_a_marker_unless_it_is_nearly_empty() {
        for marked in [
            "TODO",
            "TBD",
            "[What you did], [how you did it] #delivery",
            "[add impact]",
        ] {
            assert!(
                is_placeholder_only(marked) && placeholder_has_marker(marked),
                "{marked}"
            );
            assert!(find_placeholders(marked).next().is_some(), "{marked}");
        }
        for bare in ["…", "-", "#ownership", "ok"] {
            assert!(
                is_placeholder_only(bare) && !placeholder_has_marker(bare),
                "{bare}"
            );
        }
    }

    #[test]
    fn placeholders_are_found_and_real_text_is_not() {
        for text in [
            "TODO",
            "TBD: numbers",
            "[add evidence here]",
            "<describe the impact>",
            "Lorem ipsum dolor",
            "[placeholder]",
            "LoReM IpSuM",
        ] {
            assert!(find_placeholders(text).next().is_some(), "{text}");
        }
        for text in [
            "Cut p99 from 800 ms to 120 ms",
            "see [the RFC]",
            "todos were cleaned up",
            "a < b and c > d",
        ] {
            assert!(find_placeholders(text).next().is_none(), "{text}");
        }
    }

    proptest::proptest! {
        /// The prefilter never rules out text the pattern matches.
        #[test]
        fn the_prefilter_keeps_every_text_the_pattern_matches(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "TODO", "TBD", "TBC", "XXX", "FIXME", "LoReM iPsUm", "lorem ipsum", "LOREM IPSUM",
                "[add", "your", "]", "<", ">", "what", " ", "\n", "x", "Todo", "T", "ODO", "é",
                "fill in", "ſ", "K",
            ]), 0..8)
        ) {
            let text = parts.concat();
            if PLACEHOLDER.is_match(&text) {
                proptest::prop_assert!(may_hold_placeholder(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn placeholder_only_entries() {
        assert!(is_placeholder_only("TODO"));
        assert!(is_placeholder_only("[add evidence]"));
        assert!(is_placeholder_only(""));
        assert!(is_placeholder_only("…"));
        assert!(!is_placeholder_only("TODO: cut p99 from 800 ms to 120 ms"));
    }
}
