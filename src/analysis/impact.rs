//! Does an entry state measurable impact (DESIGN §4)? The detector behind `vague-win`.
//!
//! It works in two steps, each with patterns compiled once:
//!
//! 1. **Mask numbers that are not measures**: dates and periods (`Q3 2026`, `2026-H1`, `May`),
//!    versions (`v2.3`, `Python 3.12`), identifiers (`JIRA-4821`, `OKR 2`, `#123`, `p95`) and
//!    hyphenated compounds that describe a thing (`a 40-page report`, `the 6-month migration`).
//! 2. **Look for a measure** in what is left. Any one of these makes the entry measurable:
//!    - a percentage or points (`35%`, `12 points`), money (`$210k`), a multiplier (`3x`,
//!      `halved`, `doubled`, `an order of magnitude`, `by half`);
//!    - a before→after (`from 3.4 s to 1.1 s`, `51 to 9`, `up from 3.1`, `from monthly to
//!      weekly`, `in minutes instead of days`);
//!    - a quantity with a unit of time or rate (`6 weeks ahead`, `in 3 minutes`, `15 tests per
//!      month`, `4.6 out of 5`);
//!    - zero as an outcome (`zero downtime`, `to zero`, `no missed pages`), and recurring burdens
//!      named as removed (`every Saturday`);
//!    - a count of who or what was affected: users, customers, engineers, teams, services, hosts,
//!      incidents, outages, risks, findings (`Moved 3 teams`, `retiring 22 hosts`), unless an
//!      activity verb governs it (`handled 14 incidents`, `interviewed 30 candidates`);
//!    - fractions and multipliers in words (`by two thirds`, `twice as fast`, `4 times faster`)
//!      and magnitudes (`1.3 million listings`);
//!    - a recurring burden ended (`stopped the recurring Monday outage`, `no release has caused
//!      an incident since`);
//!    - a named outcome for a person (`she was promoted`, `both received return offers`).
//!
//! Counts of the author's own activity (`wrote 35 pull requests`, `attended 9 customer calls`,
//! `shipped 3 features`) match none of these, so they stay vague.

use super::text::{is_ascii_space_char, is_ascii_word_byte};
use regex::Regex;
use std::sync::LazyLock;

/// What the detector found in an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impact {
    /// A measure of how much the work mattered.
    Measurable,
    /// Numbers, but every one only dates, versions or identifies.
    OnlyLabels,
    /// Numbers that count the author's own activity.
    ActivityCount,
    /// No number and no quantity word.
    Unmeasured,
}

const NUMBER_WORD: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|hundreds|a\s+dozen|dozens|a\s+few\s+hundred|thousands|a\s+thousand|a\s+million|millions)";
const NUM: &str = r"(?:\d[\d,]*(?:\.\d+)?)";
const TIME_UNIT: &str = r"(?:ms|msecs?|milliseconds?|µs|us|microseconds?|ns|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|nights?|weeks?|months?|years?|quarters?|sprints?|weekends?)";
const FREQUENCY: &str = r"(?:hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually|seconds|minutes|hours|days|weeks|months|years)";

/// Numbers that only date, version or identify.
static LABELS: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    Regex::new(&format!(
        r"(?x)
        (?-u:\b)(?:19|20)\d{{2}}-\d{{2}}(?:-\d{{2}})?(?-u:\b)
        | (?-u:\b)(?:19|20)\d{{2}}-?[HhQq][1-4](?-u:\b) | (?-u:\b)[HhQq][1-4](?:[\s-]?(?:19|20)\d{{2}})?(?-u:\b)
        | (?i:(?-u:\b){month}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b),?(?:\s+(?:19|20)\d{{2}})? | (?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+{month}(?-u:\b))
        | (?-u:\b)(?:19|20)\d{{2}}(?-u:\b)(?:\s*[-–]\s*(?:19|20)?\d{{2}}(?-u:\b))?
        | (?-u:\b)\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?-u:\b)
        | (?-u:\b)[vV]\d+(?:\.\d+)*(?-u:\b) | (?-u:\b)\d+\.\d+\.\d+(?-u:\b)
        | (?-u:\b)[A-Z][\w+\#.-]*\s+\d+\.\d+(?-u:\b)
        | (?-u:\b)[A-Z]{{2,}}[-_]\d+(?-u:\b) | (?-u:\b)(?:OKR|KR|PR|RFC|ADR|SEV|Sev|sev|ticket|issue|sprint|[Ww]eek|[Pp]hase|[Mm]ilestone|[Rr]elease|[Ss]tep|[Ll]evel)\s?\#?\d+(?-u:\b) | (?-u:\b)[A-Z]\d+(?-u:\b)
        | \#\d+(?-u:\b) | (?-u:\b)[pP]\d{{2,3}}(?:\.\d)?(?-u:\b)
        | (?-u:\b)\d+(?:st|nd|rd|th)(?-u:\b)
        # how long the author did something is not what it achieved: `on call for 6 weeks`
        | (?i:(?-u:\b)(?:for|spent|during)\s+(?:the\s+(?:last|past|first|next)\s+)?(?:about\s+|almost\s+|nearly\s+|over\s+)?(?:{NUM}|{NUMBER_WORD})[\s-]?{TIME_UNIT}(?-u:\b))
        "
    ))
    .expect("label pattern compiles")
});

/// Any one of these is a measure. The source is kept apart from its automaton: judging an entry
/// needs only [`MEASURE_OR_ALL_OF`], and compiling this pattern alone as well took 13–16 ms of
/// a fresh process's first analysis; [`MEASURE`] is compiled when a hover first highlights.
static MEASURE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?ix)
        # percentages and points
        {NUM}\s?(?:%|percent(?-u:\b)|per\s?cent(?-u:\b)|pp(?-u:\b)|percentage\s+points?(?-u:\b)|points?(?-u:\b)|bps(?-u:\b)|basis\s+points(?-u:\b))
        # money
        | [$€£¥]\s?{NUM}(?:\s?(?:k|m|mm|bn|b|million|billion|thousand)(?-u:\b))? | (?-u:\b){NUM}\s?(?:k|m|mm|bn|b|million|billion|thousand)?\s?(?:usd|eur|gbp|dollars|euros|pounds)(?-u:\b)
        # multipliers and quantity words
        | (?-u:\b){NUM}\s?x(?-u:\b) | (?-u:\b)(?:{NUM}|two|three|four|five|ten)[-\s]?fold(?-u:\b)
        | (?-u:\b)(?:halved|halving|doubled|doubling|tripled|tripling|quadrupled|quintupled|tenfold)(?-u:\b)
        | (?-u:\b)(?:by|in)\s+half(?-u:\b) | (?-u:\b)order(?:s)?\s+of\s+magnitude(?-u:\b)
        | (?-u:\b)(?:by|to|in)\s+(?:a|one|two|three)[-\s](?:third|thirds|quarter|quarters|fifth|fifths|tenth)(?-u:\b)
        | (?-u:\b)(?:twice|thrice|(?:{NUM}|two|three|four|five|six|ten|many)\s+times)\s+(?:as(?-u:\b)|faster|more|fewer|less|smaller|larger|bigger|cheaper|quicker|higher|lower|over)
        | (?-u:\b){NUM}\s?(?:million|billion|thousand)(?-u:\b)
        # before and after
        | (?-u:\b)from\s+(?:about\s+|around\s+|roughly\s+|~|over\s+|under\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:[$€£]?{NUM}|{NUMBER_WORD}|{FREQUENCY})(?-u:\b)[^.;]{{0,60}}?(?-u:\b)to\s+(?:about\s+|around\s+|~|over\s+|under\s+|below\s+|above\s+|just\s+|only\s+|less\s+than\s+|more\s+than\s+|nearly\s+|almost\s+)?(?:[$€£]?{NUM}|{NUMBER_WORD}|{FREQUENCY}|zero|none)(?-u:\b)(?:\s?(?:%|{TIME_UNIT}(?-u:\b)))?
        | (?-u:\b){NUM}\s*(?:%|{TIME_UNIT})?\s*(?:→|->|=>|to)\s*{NUM}(?-u:\b)
        | (?-u:\b)(?:up|down)\s+from\s+(?:[$€£]?{NUM}|{NUMBER_WORD}(?-u:\b))
        | (?-u:\b){FREQUENCY}\s+(?:instead\s+of|rather\s+than|versus|vs\.?|down\s+from|up\s+from)\s+{FREQUENCY}(?-u:\b)
        # time, rates and scores
        | (?:^|[^-\w])(?:{NUM}|{NUMBER_WORD})\s?{TIME_UNIT}(?-u:\b)(?:[^-]|$)
        | (?-u:\b){NUM}\s+(?:[\w/-]+\s+){{0,3}}(?:per|a|an|each|every)\s+(?:second|minute|hour|day|night|week|month|quarter|year|sprint|release|user|customer|order|request|engineer|team)(?-u:\b)
        | (?-u:\b){NUM}\s*(?:out\s+of|/)\s*{NUM}(?-u:\b)
        # zero as an outcome, and recurring burdens
        | (?-u:\b)zero(?-u:\b) | (?-u:\b)to\s+0(?-u:\b) | (?-u:\b)none\s+(?:left|remaining)(?-u:\b)
        | (?-u:\b)(?:no|without\s+(?:any|a\s+single)?)\s+(?:[\w-]+\s+){{0,2}}?(?:pages?|paged|incidents?|outages?|downtime|regressions?|rollbacks?|defects?|escalations?|complaints?|data\s+loss|sev\w*|customer[-\s]impact|human\s+paged|missed\s+\w+)(?-u:\b)
        | (?-u:\b)every\s+(?:single\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|night|morning)(?-u:\b)
        | (?-u:\b)no\s+[\w-]+\s+(?:has|have|had)\s+(?:since\s+)?(?:caused|triggered|led\s+to|resulted\s+in|needed|required)(?-u:\b)
        | (?-u:\b)(?:stopped|ended|eliminated|removed|killed|retired)\s+(?:the\s+|our\s+|a\s+)?(?:recurring|weekly|daily|nightly|monthly|chronic|repeated)(?-u:\b)
        # a named outcome for a person
        | (?-u:\b)(?:was|were|got|been|be|being)\s+promoted(?-u:\b)
        | (?-u:\b)(?:received|got|earned|accepted|won)\s+(?:a\s+|an\s+|their\s+|her\s+|his\s+)?(?:return\s+|full-time\s+|job\s+)?(?:offers?|promotions?)(?-u:\b)
        | (?-u:\b)(?:was|were|got)\s+hired(?-u:\b) | (?-u:\b)passed\s+(?:their\s+|her\s+|his\s+)?probation(?-u:\b)
        | (?-u:\b)went\s+on\s+to\s+(?:lead|own|run|become|start|ship|be\s+promoted)(?-u:\b) | (?-u:\b)(?:now|since)\s+(?:leads|owns|runs)(?-u:\b)
        # complete outcomes: every check passed
        | (?-u:\b)pass(?:es|ed|ing)?\s+(?:all|every)\s+(?:[\w-]+\s+){{0,3}}?(?:checks?|tests?|audits?|criteria|requirements?|controls?)(?-u:\b)
        "
    )
});

/// [`MEASURE_PATTERN`] alone, for the ranges a hover highlights.
static MEASURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&MEASURE_PATTERN).expect("measure pattern compiles"));

/// A quantity followed (within three words) by a noun for who or what was affected.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        (?:(?-u:\b)(?P<verb>[a-z]+)\s+(?:the\s+|our\s+|my\s+)?)?
        (?:(?-u:\b)(?:all|every)\s+)?
        (?-u:\b)(?:{NUM}|{NUMBER_WORD})\s+
        (?:[\w/-]+\s+){{0,2}}?
        (?P<noun>users|customers|clients|people|engineers|developers|teams|teammates|services|hosts|servers|machines|nodes|clusters|databases|incidents|outages|alerts|vulnerabilities|risks|findings|hires|merchants|subscribers|accounts|regions|countries|markets|stores|partners|orders|transactions|sign-?ups|installs|downloads|visitors|patients|students|employees|members|managers|systems|repositories|repos|products|apps|components)(?-u:\b)
        (?:\s+(?P<after>{after}))?
        ",
        after = AFTER_WORDS.join("|"),
    ))
    .expect("count pattern compiles")
});

/// `all 7 teams`, `every team`, `all of the 12 services`, `all were committing`.
const ALL_OF_PATTERN: &str = r"(?i)(?-u:\b)(?:all|every)\s+(?:of\s+(?:the\s+|our\s+)?)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+)?(?:teams?|engineers?|users?|customers?|services?|squads?|hires?|developers?)(?-u:\b)|(?-u:\b)all\s+(?:of\s+them\s+)?(?:were|are|now)(?-u:\b)";

/// `MEASURE` and `ALL_OF` as one automaton: one pass per entry instead of two.
static MEASURE_OR_ALL_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?:{})|(?:{ALL_OF_PATTERN})", *MEASURE_PATTERN))
        .expect("combined measure pattern compiles")
});

/// Verbs after which a count is the author's own activity.
const ACTIVITY_VERBS: [&str; 20] = [
    "handled",
    "attended",
    "joined",
    "reviewed",
    "wrote",
    "answered",
    "triaged",
    "interviewed",
    "filed",
    "fixed",
    "closed",
    "gave",
    "hosted",
    "ran",
    "organized",
    "organised",
    "maintained",
    "owned",
    "supported",
    "managed",
];

/// What may follow a label-looking number and make it a measure after all (`Saved 1.5 hours`).
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s?(?:%|x(?-u:\b)|(?:{TIME_UNIT}|points?|percent|million|billion|thousand)(?-u:\b)(?:[^-]|$))"
    ))
    .expect("unit pattern compiles")
});

/// False only when [`LABELS`] cannot match `text`, in one pass over its bytes. Every label holds
/// a digit, except an activity duration in words (`for two years`), which starts with the word
/// `for`, `spent` or `during` in any case. Non-ASCII text is let through: under `(?i)`, `ſpent`
/// is `spent`. (A property test checks that nothing [`LABELS`] matches is ruled out.)
fn may_hold_label(text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts_word = |i: usize| i == 0 || !is_ascii_word_byte(bytes[i - 1]);
    let opens = |i: usize, word: &[u8]| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    // Most texts that hold a label hold a digit: look for one first, in a tighter loop.
    if bytes.iter().any(u8::is_ascii_digit) {
        return true;
    }
    bytes.iter().enumerate().any(|(i, &b)| match b | 0x20 {
        _ if !b.is_ascii() => true,
        b'f' => starts_word(i) && opens(i, b"for"),
        b's' => starts_word(i) && opens(i, b"spent"),
        b'd' => starts_word(i) && opens(i, b"during"),
        _ => false,
    })
}

/// Replace numbers that only date, version or identify with `~`.
fn mask_labels(text: &str) -> std::borrow::Cow<'_, str> {
    if !may_hold_label(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for label in LABELS.find_iter(text) {
        if UNIT_AFTER.is_match(&text[label.end()..]) {
            continue;
        }
        out.push_str(&text[last..label.start()]);
        out.push_str(" ~ ");
        last = label.end();
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// Byte ranges of the measures in `text` (for highlighting): matches of the measure patterns
/// that do not overlap a masked label.
pub fn measure_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let labels: Vec<std::ops::Range<usize>> = LABELS
        .find_iter(text)
        .filter(|m| !UNIT_AFTER.is_match(&text[m.end()..]))
        .map(|m| m.range())
        .collect();
    MEASURE
        .find_iter(text)
        .map(|m| {
            // Patterns may take a leading separator character; highlight from the quantity on.
            let lead = m.as_str().len()
                - m.as_str()
                    .trim_start_matches(|c: char| !c.is_alphanumeric() && !"$€£¥~".contains(c))
                    .len();
            let trail = m.as_str().len()
                - m.as_str()
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%')
                    .len();
            m.start() + lead..m.end() - trail
        })
        .filter(|r| r.start < r.end && !labels.iter().any(|l| l.start < r.end && r.start < l.end))
        .collect()
}

/// Compile the patterns [`assess`] uses, the largest (measures, 13–16 ms) on a thread of its
/// own, so that a warm-up on two cores takes about as long as that one.
pub(crate) fn compile_patterns_in<'scope>(scope: &'scope std::thread::Scope<'scope, '_>) {
    scope.spawn(|| LazyLock::force(&MEASURE_OR_ALL_OF));
    LazyLock::force(&LABELS);
    LazyLock::force(&UNIT_AFTER);
    LazyLock::force(&COUNT);
}

/// The words that may follow a count's noun and make it the author's own activity (`COUNT`'s
/// `after` group: `9 customer calls`).
const AFTER_WORDS: [&str; 10] = [
    "calls",
    "meetings",
    "questions",
    "tickets",
    "requests",
    "reviews",
    "interviews",
    "emails",
    "sessions",
    "comments",
];

/// True when a match of [`COUNT`] counts the author's own activity: an activity verb governs it
/// or an activity noun follows it.
///
/// Captures cost a bounded backtracker over the match, several thousand instructions each; an
/// ASCII match is answered from its first and last words instead (a property test compares
/// the two). Its first word is the `verb` group when that word is an activity verb: no other
/// way a match can start (`all`, `every`, a number) is one. Its last word is the `after` group
/// exactly when that word is one of [`AFTER_WORDS`]: otherwise the match ends with its noun,
/// and no noun is one of those. Outside ASCII, `(?i)` folds more than ASCII case (`ſ` is `s`),
/// so those matches go through the captures.
fn is_activity_count(text: &str, count: regex::Match<'_>) -> bool {
    let matched = count.as_str();
    if !matched.is_ascii() {
        return is_activity_count_by_captures(text, count.start());
    }
    let first = matched.split(is_ascii_space_char).next().unwrap_or("");
    let last = matched.rsplit(is_ascii_space_char).next().unwrap_or("");
    ACTIVITY_VERBS
        .iter()
        .any(|verb| verb.eq_ignore_ascii_case(first))
        || AFTER_WORDS
            .iter()
            .any(|word| word.eq_ignore_ascii_case(last))
}

/// [`is_activity_count`] read from the captures of the [`COUNT`] match at `start`.
fn is_activity_count_by_captures(text: &str, start: usize) -> bool {
    let Some(captures) = COUNT.captures_at(text, start) else {
        return false;
    };
    let verb = captures
        .name("verb")
        .map(|m| m.as_str().to_ascii_lowercase());
    captures.name("after").is_some() || verb.as_deref().is_some_and(|v| ACTIVITY_VERBS.contains(&v))
}

/// Judge one entry's plain text (own text and nested detail together).
pub fn assess(text: &str) -> Impact {
    let masked = mask_labels(text);
    if MEASURE_OR_ALL_OF.is_match(&masked) {
        return Impact::Measurable;
    }
    let mut saw_count = false;
    for count in COUNT.find_iter(&masked) {
        if !is_activity_count(&masked, count) {
            return Impact::Measurable;
        }
        saw_count = true;
    }
    if saw_count || masked.bytes().any(|b| b.is_ascii_digit()) {
        Impact::ActivityCount
    } else if text.bytes().any(|b| b.is_ascii_digit()) {
        Impact::OnlyLabels
    } else {
        Impact::Unmeasured
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::words_and_separators;

    #[track_caller]
    fn measurable(text: &str) {
        assert_eq!(assess(text), Impact::Measurable, "{text}");
    }

    #[track_caller]
    fn vague(text: &str, expected: Impact) {
        assert_eq!(assess(text), expected, "{text}");
    }

    #[test]
    fn measures_of_every_family_are_recognised() {
        for text in [
            "Cut build times by 40%.",
            "Lifted completion by 12 points.",
            "Saved €1.2M a year in licences.",
            "Made the importer 3x faster.",
            "Halved the on-call load.",
            "Cut costs by an order of magnitude.",
            "Took p99 from 800 ms to 120 ms.",
            "Reduced open bugs from 51 to 9.",
            "Rated 4.6 out of 5, up from 3.1.",
            "Moved releases from monthly to weekly.",
            "New services get CI in minutes instead of days.",
            "Delivered 6 weeks ahead of the deadline.",
            "Raised throughput to 15 deploys per day.",
            "Got flaky tests to zero.",
            "Ran the migration with no customer-facing downtime.",
            "Coached the rotation with no missed pages.",
            "Removed weekend deploys the team did every Saturday.",
            "Moved 3 teams onto the new queue.",
            "Retired 22 hosts.",
            "Caught 4 data-loss risks before launch.",
            "Guidelines now used by all 90 backend engineers.",
            "Rolled it out to every team in payments.",
            "She was promoted to staff this cycle.",
            "Cut the nightly job from four hours to twenty minutes.",
            "Reduced checkout errors by two thirds.",
            "Made search twice as fast.",
            "Removed 1.3 million stale listings.",
            "Both interns received return offers.",
            "Dropped the runtime to under an hour, down from six.",
            "Coached an engineer who went on to lead the next project.",
            "The app now passes all WCAG AA checks.",
        ] {
            measurable(text);
        }
    }

    #[test]
    fn labels_and_activity_are_not_measures() {
        vague("Upgraded to Python 3.12.", Impact::OnlyLabels);
        vague("Moved the service to Kubernetes 1.30.", Impact::OnlyLabels);
        vague("Spent Q1 2026 on the search revamp.", Impact::OnlyLabels);
        vague(
            "Closed tickets PLAT-101 through PLAT-140.",
            Impact::OnlyLabels,
        );
        vague("Worked on OKR 2 and OKR 3.", Impact::OnlyLabels);
        vague("Handled the 2025 year-end freeze.", Impact::OnlyLabels);
        vague("Shipped v2.3 of the SDK in 2026-H1.", Impact::OnlyLabels);
        vague("Attended 12 meetings.", Impact::ActivityCount);
        vague("Wrote 35 pull requests.", Impact::ActivityCount);
        vague("Reviewed 200 pull requests.", Impact::ActivityCount);
        vague("Attended 9 customer calls.", Impact::ActivityCount);
        vague("Handled 14 incidents on call.", Impact::ActivityCount);
        vague(
            "Shipped 3 features in the last half.",
            Impact::ActivityCount,
        );
        vague("Wrote a 40-page design doc.", Impact::ActivityCount);
        vague("Handled on-call for 6 weeks.", Impact::OnlyLabels);
        vague("Spent two months on the search revamp.", Impact::Unmeasured);
        vague(
            "Improved the reliability of our systems.",
            Impact::Unmeasured,
        );
        vague(
            "Built strong relationships with partner teams.",
            Impact::Unmeasured,
        );
        vague(
            "Drove several initiatives to improve quality.",
            Impact::Unmeasured,
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Every count is judged the same from its first and last words as from its captures:
        /// counts with and without verbs (activity or not, and words that only start like one),
        /// `all`/`every`, number words, filler words, nouns, activity nouns, in any case and
        /// between every kind of ASCII space.
        #[test]
        fn counts_are_judged_as_their_captures_say(
            text in words_and_separators(
                vec![
                    "Handled", "handled", "REVIEWED", "wrote", "written", "ran", "rang", "led",
                    "moved", "supported", "the", "our", "my", "all", "every", "of", "a",
                    "hundred", "dozen", "few", "3", "1,200", "4.5", "two", "Twelve", "millions",
                    "customer", "on-call", "api/v2", "users", "Teams", "incidents", "sign-ups",
                    "calls", "Meetings", "tickets", "reviews", "review", "sessions", "café",
                ],
                vec![" ", "  ", "\t", "\n", "\x0B", "\r\n", ", ", "."],
                1..10,
            )
        ) {
            for count in COUNT.find_iter(&text) {
                proptest::prop_assert_eq!(
                    is_activity_count(&text, count),
                    is_activity_count_by_captures(&text, count.start()),
                    "{:?} in {:?}", count.as_str(), text
                );
            }
        }
    }

    #[test]
    fn durations_in_words_are_let_through_in_any_case_and_spacing() {
        // The last needs a word byte before the long s for the ASCII word boundary.
        for text in [
            "On call FOR two weeks.",
            "on call for\ttwo weeks",
            "During a dozen sprints",
            "xſpent two weeks",
        ] {
            assert!(LABELS.is_match(text), "{text}");
            assert!(may_hold_label(text), "{text}");
        }
        assert!(!may_hold_label("Before the launch, overspent and undone."));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The one-pass test never rules out text a label pattern matches: durations in words
        /// in any case and spacing, words that only contain `for` or `spent`, the long s.
        #[test]
        fn no_label_is_ruled_out(
            text in words_and_separators(
                vec![
                    "for", "FOR", "For", "fOr", "before", "forty", "spent", "SPENT", "ſpent",
                    "During", "during", "underspent", "the", "last", "about", "two", "a",
                    "hundred", "dozen", "few", "weeks", "Years", "months", "sprints", "day",
                    "_for", "x", "2", "Q3", "v1.2",
                ],
                vec![" ", "  ", "\t", "\n", "\x0B", "-", "", ", "],
                1..8,
            )
        ) {
            if LABELS.is_match(&text) {
                proptest::prop_assert!(may_hold_label(&text), "{:?}", text);
            }
        }
    }
}
