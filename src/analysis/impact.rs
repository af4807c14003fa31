//! Does an entry state measurable impact (DESIGN §4)? The detector behind `vague-win`.
//!
//! It reads quantities, not phrasings. The entry's plain text is tokenised once
//! ([`words::tokens`]), the quantities the tokens spell are found ([`words::quantities`]), and
//! each is classified by what governs it:
//!
//! - **a label**: a year or date (`2027`, `Mar 3`, `2026-03-14`), a version (`Python 3.12`,
//!   `the 4.0 release`, `Node 16 → 20`), an identifier (`JIRA-4821`, `#8812`, `OKR 2`, `p95`);
//! - **the author's own activity**: a count an activity verb governs or of things the work
//!   produces (`wrote 35 PRs`, `ran 6 interviews a week`, `upgraded 4 clusters`), how long the
//!   work took (`over 2 quarters`, `spent ~3 months`), the size of the author's team (`a team
//!   of 12`), a budget held (`managed a $1.5M budget`), a share of the author's time;
//! - **a target** not yet reached: anything after a target word in its clause (`set a goal to
//!   cut p95 by 30%`, `expected to save ~$500k/yr`, `should reduce`), or in a clause marked as
//!   in progress;
//! - otherwise **a measure**: precision first, a quantity that is not clearly one of the
//!   others counts.
//!
//! Measures need no digits too: structures over the tokens read before→after in words
//! (`from a day of manual steps to one command`, `a day instead of a sprint`, `used to … now`),
//! multipliers and fractions (`halved`, `by a third`, `an order of magnitude`), zero outcomes
//! (`nobody has been paged since`, `hasn't failed once`, `no missed runs`), outcomes for people
//! (`was promoted`, `got a raise`, `return offers`, `went from support to frontend lead`) and
//! reach (`every product team`, `dozens of teams`). The word lists are data, one file per list
//! under `words/lexicon/`.
//!
//! [`assess`] gives the verdict with a compact reason (what the memo keeps); [`judge`] explains
//! it: the measures read, and why every other number does not count.
//!
//! The [`Reader`] over one entry's tokens lives in `impact/`: `reader.rs` (its primitives and the
//! verdict it drives), `clauses.rs` (clauses, governors, phrases), `classify.rs` (each quantity's
//! class), `context.rs` (the questions classification asks of a quantity's neighbours) and
//! `structures.rs` (before→after, fractions, zero and people outcomes, reach).

use super::words::lexicon::{self, *};
use super::words::quantities::{self, Quantity, Unit};
use super::words::tokens::{Kind, Tokens};
use std::cell::RefCell;

/// Verbs whose counts are the author's own work, of every kind.
const ACTIVITY: u64 = ACTIVITY_VERB | PEOPLE_ACTIVITY | COMMUNICATION_VERB;
use std::ops::Range;

/// What the detector found in an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Impact {
    /// A measure of how much the work mattered.
    Measurable,
    /// Numbers, but every one only dates, versions or identifies.
    OnlyLabels(Why),
    /// Numbers that count the author's own activity (or how long it took, or their team).
    ActivityCount(Why),
    /// Numbers that are a target or a plan, not a result yet.
    Target(Why),
    /// No number and no quantity word.
    Unmeasured(Why),
}

impl Impact {
    pub fn is_measurable(self) -> bool {
        self == Impact::Measurable
    }
}

/// Why an entry is not measurable, compactly: the first number that does not count, and what the
/// entry is about (an index into the lexicon's topics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Why {
    pub first: Option<NotCounted>,
    pub topic: Option<u8>,
}

/// A quantity that does not count, by its byte range in the judged text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCounted {
    pub reason: Reason,
    pub start: u32,
    pub end: u32,
}

/// Why a quantity is not a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Year,
    Date,
    Version,
    Identifier,
    /// An ordinal, a time of day, letters glued to a number (`2nd`, `6am`, `3G`).
    Label,
    /// A hyphenated compound that describes a thing (`a 40-page doc`).
    Describes,
    Activity,
    Duration,
    TeamSize,
    Budget,
    TimeShare,
    /// People or teams the author worked with.
    Collaboration,
    /// How big the thing the author was responsible for is.
    Scope,
    Target,
    /// How far the work has got (`about 40% done`): not a result yet.
    Progress,
}

impl Reason {
    fn is_label(self) -> bool {
        matches!(
            self,
            Reason::Year | Reason::Date | Reason::Version | Reason::Identifier | Reason::Label
        )
    }

    /// How a reason reads after the quantity's own text.
    fn says(self) -> &'static str {
        match self {
            Reason::Year => "is a year",
            Reason::Date => "is a date",
            Reason::Version => "is a version",
            Reason::Identifier => "identifies something",
            Reason::Label => "labels something",
            Reason::Describes => "describes the work, not what it changed",
            Reason::Activity => "counts your own work",
            Reason::Duration => "says how long the work took",
            Reason::TeamSize => "is the size of your team",
            Reason::Budget => "is what you were given, not what changed",
            Reason::TimeShare => "is a share of your time",
            Reason::Collaboration => "counts who you worked with",
            Reason::Scope => "is the size of what you were responsible for, not what changed",
            Reason::Target => "is a target, not a result",
            Reason::Progress => "is how far the work has got, not a result yet",
        }
    }
}

/// A kind of measure, for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasureKind {
    Percent,
    Money,
    Multiplier,
    Time,
    Count,
    Rate,
    Size,
    Ratio,
    BeforeAfter,
    Zero,
    People,
    Reach,
    Fraction,
}

impl MeasureKind {
    fn says(self) -> &'static str {
        match self {
            MeasureKind::Percent => "a percentage or score",
            MeasureKind::Money => "money",
            MeasureKind::Multiplier => "a multiplier",
            MeasureKind::Time => "a time",
            MeasureKind::Count => "a count",
            MeasureKind::Rate => "a rate",
            MeasureKind::Size => "a size",
            MeasureKind::Ratio => "a ratio",
            MeasureKind::BeforeAfter => "before → after",
            MeasureKind::Zero => "a zero outcome",
            MeasureKind::People => "an outcome for people",
            MeasureKind::Reach => "who it reached",
            MeasureKind::Fraction => "a fraction",
        }
    }
}

/// One thing rung read in an entry: its range in the judged text and a short description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub range: Range<usize>,
    pub what: String,
}

/// The detector's judgement of one entry, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub impact: Impact,
    /// The measures read ("\"40k → 310k\": before → after").
    pub measures: Vec<Reading>,
    /// Every number that does not count, and why ("\"2027\" is a year").
    pub not_counted: Vec<Reading>,
    /// What a measure of this entry would be, in its terms, when it has none.
    pub missing: Option<&'static str>,
}

/// Judge one entry's plain text (own text and nested detail together).
pub fn assess(text: &str) -> Impact {
    with_reader(text, None, |reader| reader.impact(false))
}

/// [`assess`] over tokens already read from `text` (`tokens.read(text)`): the analysis reads
/// each entry's words once and shares them between the text rules.
pub fn assess_tokens(text: &str, tokens: &Tokens) -> Impact {
    with_reader(text, Some(tokens), |reader| reader.impact(false))
}

/// [`assess`], explained.
pub fn judge(text: &str) -> Judgement {
    with_reader(text, None, |reader| {
        let impact = reader.impact(true);
        let describe = |r: &Range<usize>, says: &str| Reading {
            range: r.clone(),
            what: format!("\"{}\" {says}", &text[r.clone()]),
        };
        Judgement {
            impact,
            measures: reader
                .measures
                .iter()
                .map(|(r, kind)| describe(r, &format!("({})", kind.says())))
                .collect(),
            not_counted: reader
                .not_counted
                .iter()
                .map(|n| describe(&(n.start as usize..n.end as usize), n.reason.says()))
                .collect(),
            missing: match impact {
                Impact::Measurable => None,
                Impact::OnlyLabels(why)
                | Impact::ActivityCount(why)
                | Impact::Target(why)
                | Impact::Unmeasured(why) => Some(missing_text(why)),
            },
        }
    })
}

/// What a measure of an entry about `why.topic` would be.
fn missing_text(why: Why) -> &'static str {
    why.topic
        .and_then(|t| lexicon::TOPICS.get(usize::from(t)))
        .map_or(
            "say what changed and by how much, e.g. 'cut p99 from 800 ms to 120 ms'",
            |t| t.measure,
        )
}

/// The `vague-win` message for a vague verdict on `text` (the text [`assess`] judged).
pub fn message(impact: Impact, text: &str) -> String {
    // Built by pushing its pieces into one string, not by nested `format!`s: a large document
    // has thousands of these messages.
    let quote = |why: Why| {
        why.first.and_then(|n| {
            text.get(n.start as usize..n.end as usize)
                .map(|q| (q, n.reason.says()))
        })
    };
    let mut out = String::with_capacity(200);
    let push_quote = |out: &mut String, (q, says): (&str, &str)| {
        out.push('\'');
        out.push_str(q);
        out.push_str("' ");
        out.push_str(says);
    };
    let push_aside = |out: &mut String, why: Why| {
        if let Some(q) = quote(why) {
            out.push_str(" (");
            push_quote(out, q);
            out.push(')');
        }
    };
    let why = match impact {
        Impact::Measurable => return String::new(),
        // The entry's own date (`- 2026-04-02: Improved …`) is what rung asks for: citing it
        // against the entry would contradict that, so an entry whose only numbers are dates
        // reads as one with no number.
        Impact::OnlyLabels(why) if why.first.is_some_and(|n| n.reason == Reason::Date) => {
            out.push_str("no measurable result: ");
            why
        }
        Impact::ActivityCount(why) if why.first.is_some_and(|n| n.reason == Reason::Scope) => {
            out.push_str("no measurable result: this says how much you were responsible for, not what it changed");
            push_aside(&mut out, why);
            out.push_str("; ");
            why
        }
        Impact::OnlyLabels(why) => {
            out.push_str(
                "no measurable result: the numbers here only date, version or identify the work",
            );
            push_aside(&mut out, why);
            out.push_str("; ");
            why
        }
        Impact::ActivityCount(why) => {
            out.push_str("no measurable result: this counts what you did, not what it changed");
            push_aside(&mut out, why);
            out.push_str("; ");
            why
        }
        Impact::Target(why) => {
            out.push_str("no measurable result yet: ");
            match quote(why) {
                Some(q) => push_quote(&mut out, q),
                None => out.push_str("this is a plan or a target"),
            }
            out.push_str("; ");
            why
        }
        Impact::Unmeasured(why) => {
            out.push_str("no measurable result: ");
            why
        }
    };
    out.push_str(missing_text(why));
    out
}

/// Byte ranges of the measures in `text` (for highlighting).
pub fn measure_ranges(text: &str) -> Vec<Range<usize>> {
    with_reader(text, None, |reader| {
        reader.impact(true);
        let mut ranges: Vec<Range<usize>> =
            reader.measures.iter().map(|(r, _)| r.clone()).collect();
        ranges.sort_by_key(|r| r.start);
        ranges.dedup_by(|b, a| b.start < a.end);
        ranges
    })
}

/// Build the word lists now, so a first analysis does not wait for them.
pub(crate) fn compile_patterns_in<'scope>(scope: &'scope std::thread::Scope<'scope, '_>) {
    scope.spawn(|| {
        lexicon::warm_up();
        std::sync::LazyLock::force(&reader::FIRST_TOPIC);
    });
}

/// The buffers a reading reuses from entry to entry on one thread.
#[derive(Default)]
struct Buffers {
    tokens: Tokens,
    quantities: Vec<Quantity>,
    marks: Marks,
    classes: Vec<Option<Reason>>,
    target: Vec<bool>,
    target_cues: Vec<u32>,
    measures: Vec<(Range<usize>, MeasureKind)>,
    not_counted: Vec<NotCounted>,
}

/// What the pass before reading records of an entry's tokens ([`clauses::mark_tokens`]).
#[derive(Default)]
struct Marks {
    /// The tokens that end a clause, in order.
    clause_ends: Vec<u32>,
    /// The tokens that end a phrase, in order.
    phrase_ends: Vec<u32>,
    /// The tokens a quantity can start at ([`quantities::can_start`]).
    quantity_starts: Vec<u32>,
    /// The identifiers (`p95`, `v2.3`, `x2`).
    idents: Vec<u32>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// A reading of `text`, over `tokens` when the caller has read them already (they must be
/// `text`'s), else over tokens read here into the thread's buffer.
fn with_reader<T>(text: &str, tokens: Option<&Tokens>, f: impl FnOnce(&mut Reader<'_>) -> T) -> T {
    BUFFERS.with(|cell| {
        // A reading never calls back into another, but stay correct if one ever does.
        match cell.try_borrow_mut() {
            Ok(mut buffers) => read_with(&mut buffers, text, tokens, f),
            Err(_) => read_with(&mut Buffers::default(), text, tokens, f),
        }
    })
}

fn read_with<T>(
    buffers: &mut Buffers,
    text: &str,
    tokens: Option<&Tokens>,
    f: impl FnOnce(&mut Reader<'_>) -> T,
) -> T {
    let tokens = match tokens {
        Some(tokens) => tokens,
        None => {
            buffers.tokens.read(text);
            &buffers.tokens
        }
    };
    clauses::mark_tokens(text, tokens, &mut buffers.marks);
    quantities::find_at(
        text,
        tokens,
        &buffers.marks.quantity_starts,
        &mut buffers.quantities,
    );
    let mut reader = Reader {
        text,
        t: tokens,
        qs: &buffers.quantities,
        clause_ends: &buffers.marks.clause_ends,
        phrase_ends: &buffers.marks.phrase_ends,
        idents: &buffers.marks.idents,
        classes: &mut buffers.classes,
        target: &mut buffers.target,
        target_cues: &mut buffers.target_cues,
        measures: &mut buffers.measures,
        not_counted: &mut buffers.not_counted,
    };
    reader.measures.clear();
    reader.not_counted.clear();
    reader.mark_targets();
    f(&mut reader)
}

struct Reader<'a> {
    text: &'a str,
    t: &'a Tokens,
    qs: &'a [Quantity],
    /// The tokens that end a clause, in order ([`Reader::ends_clause`]): a token belongs to the
    /// clause it ends. Most entries have one clause or two, so the boundaries are kept, not a
    /// clause number for every token.
    clause_ends: &'a [u32],
    /// The tokens that end a phrase, in order (a clause's end, a comma, a colon, a bracket).
    phrase_ends: &'a [u32],
    /// The identifier tokens, in order.
    idents: &'a [u32],
    /// Each quantity's reason, once all are classified (for the structures).
    classes: &'a mut Vec<Option<Reason>>,
    /// Tokens a target word governs.
    target: &'a mut Vec<bool>,
    /// The tokens the target passes act on (a buffer reused from entry to entry).
    target_cues: &'a mut Vec<u32>,
    measures: &'a mut Vec<(Range<usize>, MeasureKind)>,
    not_counted: &'a mut Vec<NotCounted>,
}

/// What one quantity is.
enum Class {
    Measure(MeasureKind),
    Not(Reason),
    /// A number word that counts nothing (`one button`).
    Nothing,
}

fn governed_by_any(reader: &Reader<'_>, governor: Option<usize>, lists: u64) -> bool {
    governor.is_some_and(|g| reader.is(g, lists))
}

fn n_tokens(tokens: &Tokens) -> usize {
    tokens.len()
}

/// `2026.10`: a release named by year and month (calendar versioning), not a decimal.
fn is_calendar_version(number: &str) -> bool {
    // Four digits, a dot and a month: six bytes at least.
    if number.len() < 6 {
        return false;
    }
    let Some((year, month)) = number.split_once('.') else {
        return false;
    };
    year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1990..=2099).contains(&y))
        && (1..=2).contains(&month.len())
        && month.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

/// `x2`, `x10`: a multiplier written as one word.
fn is_multiplier_word(word: &str) -> bool {
    word.len() > 1 && word.starts_with('x') && word[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Which reason names an entry's verdict when it has several: a target over activity over a
/// label (the one most worth saying).
fn rank(reason: Reason) -> u8 {
    match reason {
        Reason::Target | Reason::Progress => 3,
        r if r.is_label() => 1,
        _ => 2,
    }
}

mod classify;
mod clauses;
mod context;
mod governed;
mod reader;
mod structures;

#[cfg(test)]
mod tests;
