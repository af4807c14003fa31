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
/// Only the few bytes that can start a marker are looked at closely: on x86-64 they are found
/// 16 bytes at a time (SSE2, which every x86-64 has), elsewhere byte by byte through a table.
/// `placeholder-text` asks it of each prose run before anything else, and the model pass of
/// each entry: nearly every text is ruled out here, with no memo lookup and no result to keep.
pub fn may_hold_placeholder(text: &str) -> bool {
    let bytes = text.as_bytes();
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    if bytes.len() >= 8 {
        // SAFETY: the function only needs SSE2, which this build targets (the `cfg` above):
        // every x86-64 processor has it.
        return unsafe { by_chunks::may_hold_placeholder(bytes) };
    }
    may_hold_placeholder_by_bytes(bytes)
}

/// [`may_hold_placeholder`] one byte at a time.
fn may_hold_placeholder_by_bytes(bytes: &[u8]) -> bool {
    (0..bytes.len())
        .any(|i| MAY_START_PLACEHOLDER[usize::from(bytes[i])] && starts_placeholder(bytes, i))
}

/// Whether `bytes[at]`, one of [`MAY_START_PLACEHOLDER`], starts what a placeholder starts with.
#[inline(always)]
fn starts_placeholder(bytes: &[u8], at: usize) -> bool {
    let rest = &bytes[at..];
    match rest[0] {
        b'[' | b'<' => true,
        b'T' => rest.starts_with(b"TODO") || rest.starts_with(b"TBD") || rest.starts_with(b"TBC"),
        b'X' => rest.starts_with(b"XXX"),
        b'F' => rest.starts_with(b"FIXME"),
        // `(?i:lorem)`: only ASCII letters fold to these, so the bytes say it all.
        _ => rest
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"lorem")),
    }
}

/// The prefilter 16 bytes at a time: each byte compared with the seven that can start a
/// placeholder at once, and only the positions that match looked at closely. The bytes are
/// loaded as two `u64`s, so nothing here reads through a pointer; the one `unsafe` is the call
/// into a function compiled for SSE2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod by_chunks {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
    };

    /// The 8 bytes at `at`, little-endian.
    #[inline(always)]
    fn load8(bytes: &[u8], at: usize) -> u64 {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(word)
    }

    /// One bit per byte of `low` then `high` that may start a placeholder.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn starts(low: u64, high: u64) -> u32 {
        let v: __m128i = _mm_set_epi64x(high as i64, low as i64);
        let is = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        // `l` and `L` in one compare: setting bit 5 makes `L` an `l`, and only `L` and `l` end
        // up as `l`.
        let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let ell = _mm_cmpeq_epi8(lower, _mm_set1_epi8(b'l' as i8));
        let brackets = _mm_or_si128(is(b'['), is(b'<'));
        let markers = _mm_or_si128(
            _mm_or_si128(is(b'T'), is(b'X')),
            _mm_or_si128(is(b'F'), ell),
        );
        _mm_movemask_epi8(_mm_or_si128(brackets, markers)) as u32
    }

    /// `bytes` holds at least 8 bytes. Chunks of 16 from the start; the last chunk ends at the
    /// end, overlapping the one before (a text of 8 to 15 bytes is its first 8 and last 8).
    #[target_feature(enable = "sse2")]
    pub(super) fn may_hold_placeholder(bytes: &[u8]) -> bool {
        let n = bytes.len();
        let mut at = 0;
        loop {
            let (low, high) = if n >= 16 {
                let base = at.min(n - 16);
                (base, base + 8)
            } else {
                (0, n - 8)
            };
            let mut found = starts(load8(bytes, low), load8(bytes, high));
            while found != 0 {
                let bit = found.trailing_zeros() as usize;
                found &= found - 1;
                let position = if bit < 8 { low + bit } else { high + bit - 8 };
                if super::starts_placeholder(bytes, position) {
                    return true;
                }
            }
            if high + 8 >= n {
                return false;
            }
            at = high + 8;
        }
    }
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

    proptest::proptest! {
        /// The prefilter by chunks gives the byte-by-byte answer, at every length and place of
        /// a marker (the chunks' ends and their overlap included).
        #[test]
        fn the_prefilter_by_chunks_answers_as_the_byte_loop(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "TODO", "TOD", "TBC", "XX", "XXX", "FIXM", "FIXME", "lorem", "LOREM", "lore",
                "[", "<", "T", "X", "F", "l", "L", "a", "bc", "defg", " ", "é", "\n",
            ]), 0..24)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(
                may_hold_placeholder(&text),
                may_hold_placeholder_by_bytes(text.as_bytes()),
                "{:?}", text
            );
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
