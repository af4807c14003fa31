//! Dates as growth docs write them: `2026-03-14`, `2026-03`, `March 2026`, `Q1 2026`, `2026-H1`,
//! and, in growth-plan actions, review points such as "by end of Q3" or "review on 2026-05-01".

use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let patterns = [
        r"(?-u:\b)(?:19|20)\d{2}-\d{2}-\d{2}(?-u:\b)".to_string(),
        r"(?-u:\b)(?:19|20)\d{2}/\d{2}/\d{2}(?-u:\b)".to_string(),
        r"(?-u:\b)\d{1,2}/\d{1,2}/(?:19|20)?\d{2}(?-u:\b)".to_string(),
        r"(?-u:\b)(?:19|20)\d{2}-?[hq][1-4](?-u:\b)".to_string(),
        r"(?-u:\b)(?:19|20)\d{2}-\d{2}(?-u:\b)".to_string(),
        r"(?-u:\b)[qh][1-4][ -]?(?:19|20)\d{2}(?-u:\b)".to_string(),
        format!(
            r"(?-u:\b){MONTH}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}(?-u:\b)"
        ),
        format!(r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(?:19|20)\d{{2}}(?-u:\b)"),
    ];
    Regex::new(&format!("(?i){}", patterns.join("|"))).expect("date pattern compiles")
});

/// A heading that is only a year or a month name ("## 2026", "### March") dates its section too.
static DATE_HEADING_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:(?:19|20)\d{{2}}|{MONTH}|(?:week|day|sprint)\s*\d{{1,3}})\s*$"
    ))
    .expect("compiles")
});

/// A period label that opens an entry of a work log: `Week1:`, `Week 3 -`, `June:`, `Day 4:`,
/// `Sprint 12:` (the label, without its colon).
static LABEL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*((?:week|day|sprint)\s*\d{{1,3}}|{MONTH})\s*(?::|\s-\s)"
    ))
    .expect("compiles")
});

/// The range of a period label at the start of an entry (`Week1: …`, `June: …`).
pub fn leading_label_date(text: &str) -> Option<std::ops::Range<usize>> {
    // A label opens with `week`, `day`, `sprint` or a month: most entries are rejected without
    // the automaton, which every entry asked. The first three letters decide (no letter of
    // `wee`, `day`, `spr` or a month's first three has a case variant outside ASCII but the
    // `s`, and a label opening with `ſ` was never read): "Shipped", "Designed" and "Drove"
    // no longer run the automaton.
    if !could_open_a_label(text.trim_start().as_bytes()) {
        return None;
    }
    LABEL_DATE
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.range())
}

/// A label that is only a span of days or a week, as a weekly work log heads each week's items:
/// `Mar 3–7`, `Mar 31–Apr 4`, `6–10 Jan`, `Week of Mar 3`, `Week of 2025-03-03`, `W12`, `Wk 12`,
/// `2025-03-03 – 2025-03-07` (with an optional year and a trailing colon).
static PERIOD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let iso = r"(?:19|20)\d{2}-\d{2}-\d{2}";
    let month_day = format!(r"{MONTH}\.?\s+{day}");
    let day_month = format!(r"{day}\s+{MONTH}\.?");
    let dash = r"\s*(?:[-–—]|to)\s*";
    let year = r"(?:,?\s+(?:19|20)\d{2})?";
    let forms = [
        format!(r"{month_day}(?:{dash}(?:{MONTH}\.?\s+)?{day})?{year}"),
        format!(r"{day}(?:\s+{MONTH}\.?)?{dash}{day_month}{year}"),
        format!(r"{iso}(?:{dash}{iso})?"),
        format!(
            r"(?:week|wk)\s+(?:of|starting|beginning)\s+(?:{iso}|{month_day}{year}|{day_month}{year})"
        ),
        r"(?:w|wk|cw)\s?\d{1,2}(?:,?\s+(?:19|20)\d{2})?".to_string(),
    ];
    Regex::new(&format!(r"(?i)^\s*(?:{})\s*:?\s*$", forms.join("|"))).expect("compiles")
});

/// When the whole of `text` is a span of days or a week (`Mar 3–7`, `Week of Mar 3`, `W12`):
/// the label of a weekly log's item, whose nested items are the week's work.
pub fn period_label(text: &str) -> Option<std::ops::Range<usize>> {
    // Short, and opens with a digit, a month or a `W`: most entries are rejected at once.
    let trimmed = text.trim();
    let first = trimmed.bytes().next()?;
    let could_open = first.is_ascii_digit()
        || matches!(first, b'w' | b'W' | b'c' | b'C')
        || could_start_a_date(trimmed.as_bytes());
    if trimmed.len() > 40 || !could_open {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    let end = start + trimmed.trim_end_matches(':').trim_end().len();
    PERIOD_LABEL.is_match(text).then_some(start..end)
}

/// Review points and deadlines in growth-plan actions.
static REVIEW_POINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)(?:by|before|until|due|on|starting|from)\s+(?:the\s+)?(?:end\s+of\s+)?(?:next\s+|this\s+)?
            (?:q[1-4]|h[12]|{MONTH}|quarter|half|year|month|week|sprint|(?:19|20)\d{{2}}|mid-?year|year-?end|monday|tuesday|wednesday|thursday|friday)(?-u:\b)
        | (?-u:\b)(?:review|check[- ]in|revisit|retro|assess|evaluate)\w*\s+(?:on|at|in|by|after)(?-u:\b)
        | (?-u:\b)(?:every|each)\s+(?:other\s+)?(?:\d+\s+)?(?:day|week|two\s+weeks|sprint|month|quarter|1:1|one-on-one|release)s?(?-u:\b)
        | (?-u:\b)(?:weekly|biweekly|bi-weekly|fortnightly|monthly|quarterly|daily)(?-u:\b)
        | (?-u:\b)(?:in|during|after)\s+(?:{MONTH})(?-u:\b)
        | (?-u:\b)(?:in|during|after)\s+the\s+(?:{MONTH})\s+(?:planning|review|release|retro|offsite|cycle|sprint|check-?in|week)(?-u:\b)
        | (?-u:\b)(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?(?:next\s+|this\s+)?(?:q[1-4]|h[12]|{MONTH}|quarter|half|year|month|sprint)(?-u:\b)
        | (?-u:\b)(?:this|next)\s+(?:half|quarter|sprint|month|week|cycle)(?-u:\b)
        | (?m:^\s*(?:{MONTH})\s*$)
        | (?-u:\b)(?:early|mid|late)[-\s]+(?:{MONTH})(?-u:\b)
        | (?-u:\b)(?:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)
        | (?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})(?-u:\b)
        | (?-u:\b)(?:once|twice|\d+\s+times)\s+(?:a|per|each|every)\s+(?:day|week|month|sprint|quarter)(?-u:\b)
        | (?-u:\b)(?:on|every|most|all)\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays)(?-u:\b)
        | (?-u:\b)(?:monday|tuesday|wednesday|thursday|friday)\s+(?:mornings|afternoons)(?-u:\b)
        | (?-u:\b)within\s+(?:\d+|a|one|two|three|four|six)\s+(?:days?|weeks?|months?|sprints?)(?-u:\b)
        | (?-u:\b)in\s+(?:\d+|two|three|four|six)\s+(?:weeks|months|sprints)(?-u:\b)"
    ))
    .expect("review point pattern compiles")
});

/// The first date in `text`, as a byte range of it.
pub fn find_date(text: &str) -> Option<std::ops::Range<usize>> {
    DATE.find(text).map(|m| m.range())
}

/// Whether a date pattern could match at the start of `bytes`: a digit, `Q1`–`Q4`, `H1`–`H4`,
/// or the first three letters of a month, in any case. Exact for the patterns of `DATE`.
fn could_start_a_date(bytes: &[u8]) -> bool {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    match bytes {
        [first, ..] if first.is_ascii_digit() => true,
        [b'q' | b'Q' | b'h' | b'H', second, ..] => (b'1'..=b'4').contains(second),
        [a, b, c, ..] => {
            let start = [
                a.to_ascii_lowercase(),
                b.to_ascii_lowercase(),
                c.to_ascii_lowercase(),
            ];
            MONTHS.iter().any(|month| **month == start)
        }
        _ => false,
    }
}

/// Whether `bytes` can open a [`LABEL_DATE`]: `week`, `day`, `sprint` or a month, by their
/// first three ASCII letters in any case.
fn could_open_a_label(bytes: &[u8]) -> bool {
    let [a, b, c, ..] = bytes else {
        return false;
    };
    let start = [
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ];
    matches!(&start, b"wee" | b"day" | b"spr")
        || (a.is_ascii_alphabetic() && could_start_a_date(bytes))
}

/// A date at the very start of `text` (after blanks and an opening bracket or bold marker).
pub fn leading_date(text: &str) -> Option<std::ops::Range<usize>> {
    let skipped = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '[' || c == '(' || c == '*')
            .len();
    // A date starts with a digit or a letter of a month, quarter or half: reject the rest at once,
    // and never scan past the first few words of the entry.
    let rest = &text[skipped..];
    if !could_start_a_date(rest.as_bytes()) {
        return None;
    }
    let mut probe_end = rest.len().min(40);
    while !rest.is_char_boundary(probe_end) {
        probe_end -= 1;
    }
    DATE.find(&rest[..probe_end])
        .filter(|m| m.start() == 0)
        .map(|m| m.start() + skipped..m.end() + skipped)
}

/// A year standing as a word in a heading ("GSoC 2017 Report", "2019 into 2020").
static HEADING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19[89]\d|20\d{2})(?-u:\b)").expect("compiles"));

/// Where a heading dates its section: a date anywhere in it, a year standing as a word, or a
/// heading that is only a month or period.
pub fn heading_date(title: &str) -> Option<std::ops::Range<usize>> {
    // Most headings are ASCII words ("Ownership", "Wins"): for them the automata are skipped
    // when they cannot match, which was most of the cost of a draft's many headings. Every
    // `DATE` form needs a digit (an ASCII one, or a Unicode one in `\d{1,2}/\d{1,2}/\d{2}`), and
    // without a digit `DATE_HEADING_ONLY` can only be a month name alone.
    if title.is_ascii() && !title.bytes().any(|b| b.is_ascii_digit()) {
        let name = title.trim_matches(crate::analysis::text::is_ascii_space_char);
        let could_be_a_month = (3..=9).contains(&name.len()) && could_start_a_date(name.as_bytes());
        return (could_be_a_month && DATE_HEADING_ONLY.is_match(title)).then_some(0..title.len());
    }
    find_date(title)
        .or_else(|| DATE_HEADING_ONLY.is_match(title).then_some(0..title.len()))
        .or_else(|| HEADING_YEAR.find(title).map(|m| m.range()))
        .or_else(|| period_label(title))
}

/// True when an action names a date or a review point.
pub fn has_review_point(text: &str) -> bool {
    DATE.is_match(text) || REVIEW_POINT.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_form_of_the_design_is_found() {
        for text in [
            "2026-03-14",
            "2026-03",
            "March 2026",
            "Mar 3, 2026",
            "Q1 2026",
            "2026-H1",
            "2026Q3",
            "14 March 2026",
        ] {
            assert!(find_date(text).is_some(), "{text}");
        }
        for text in ["v2.3", "JIRA-4821", "OKR 2", "2026 users", "p99 of 800 ms"] {
            assert_eq!(find_date(text), None, "{text}");
        }
    }

    #[test]
    fn weekly_log_labels_are_periods() {
        for text in [
            "Mar 3–7",
            "Mar 31–Apr 4",
            "Apr 28 - May 2, 2025",
            "6–10 Jan",
            "Week of Mar 3",
            "Week of 2025-03-03",
            "W12",
            "Wk 12:",
            "2025-03-03 – 2025-03-07",
        ] {
            assert_eq!(
                period_label(text),
                Some(0..text.trim_end_matches(':').len()),
                "{text}"
            );
        }
        for text in [
            "Mar 3–7 shipped the fix",
            "Wrote 12 posts",
            "W12 migration done",
            "v2.3",
        ] {
            assert_eq!(period_label(text), None, "{text}");
        }
    }

    #[test]
    fn label_dates_pass_the_prefilter() {
        for text in [
            "Week1: x",
            " week 3 - x",
            "June: x",
            "Day 4: x",
            "Sprint 12: x",
            "sept: x",
        ] {
            assert!(leading_label_date(text).is_some(), "{text}");
        }
        assert_eq!(leading_label_date("Shipped it: done"), None);
    }

    #[test]
    fn leading_dates_only_at_the_start() {
        assert_eq!(leading_date("2026-03-14: shipped"), Some(0..10));
        assert_eq!(leading_date("**2026-03** shipped"), Some(2..9));
        assert_eq!(leading_date("Shipped on 2026-03-14"), None);
    }

    #[test]
    fn review_points_in_actions() {
        for text in [
            "Pair with Sam by end of Q3",
            "review on 2026-05-01",
            "Ask for feedback every sprint",
            "check in weekly with my manager",
            "Run the retro by March",
            "Demo it on March 14",
            "Pair on Fridays",
            "Delegate the release rota to Sam, end of June",
            "Hand over the on-call runbook in the June planning week",
            "Write the ladder doc at the start of next quarter",
        ] {
            assert!(has_review_point(text), "{text}");
        }
        for text in [
            "Get better at delegation",
            "Write more design docs",
            "Mentor people",
            // A month or a weekday that names a thing, not a time.
            "Write up the August incident",
            "Fix the alert we missed in the August incident",
            "Move the Mondays sync to the new room",
        ] {
            assert!(!has_review_point(text), "{text}");
        }
    }

    #[test]
    fn the_prefilter_never_rejects_a_date() {
        for text in [
            "2026-03-14",
            "2026/03/14",
            "3/14/26",
            "2026-H1",
            "2026q3",
            "2026-03",
            "Q1 2026",
            "h2-2026",
            "March 2026",
            "SEPT. 3, 2026",
            "sep 2026",
            "May 2026",
            "14th March 2026",
            "1 Dec 2026",
        ] {
            assert!(DATE.find(text).is_some_and(|m| m.start() == 0), "{text}");
            assert!(could_start_a_date(text.as_bytes()), "{text}");
        }
        for text in ["Moved 4 teams", "Shipped it", "Hmm", "Q5", "", "é"] {
            assert!(!could_start_a_date(text.as_bytes()), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The label prefilter never changes the answer of the automaton alone (but for a
        /// label opening with `ſ`, which the first-byte prefilter before it skipped as well).
        #[test]
        fn label_dates_equal_the_automaton_alone(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Week", "WEEK", "weeK", "wee\u{212A}", "day", "Day", "sprint", "Sprint", "sprı",
                "June", "jun", "SEPT", "Sep", "may", "Mar", "Shipped", "Drove", "Q1", "3", "12",
                " ", "\t", "\u{2003}", ":", " - ", "-", "é",
            ]), 0..5)
        ) {
            let text = parts.concat();
            let by_automaton = LABEL_DATE.captures(&text).and_then(|c| c.get(1)).map(|m| m.range());
            proptest::prop_assert_eq!(leading_label_date(&text), by_automaton, "{:?}", text);
        }

        /// Skipping the automata on ASCII headings without digits never changes the answer.
        #[test]
        fn heading_dates_equal_the_automata_alone(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "March", "MAY", "sept", "September", "dec", "Decembers", "Ju", "jul", "Own",
                "Ownership", "notes", "week", "Week", " ", "  ", "\t", "\x0B", "\x0C", "\n", "2026",
                "3", "12", "/", "-", "Q", "q3", "H1", "ſep", "١", "٢٠", "é", ",", "#",
            ]), 0..5)
        ) {
            let title = parts.concat();
            let by_automata = find_date(&title)
                .or_else(|| DATE_HEADING_ONLY.is_match(&title).then_some(0..title.len()))
                .or_else(|| HEADING_YEAR.find(&title).map(|m| m.range()))
                .or_else(|| period_label(&title));
            proptest::prop_assert_eq!(heading_date(&title), by_automata, "{:?}", title);
        }
    }
}
