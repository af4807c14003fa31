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
    scope.spawn(lexicon::warm_up);
}

/// The buffers a reading reuses from entry to entry on one thread.
#[derive(Default)]
struct Buffers {
    tokens: Tokens,
    quantities: Vec<Quantity>,
    clause: Vec<u32>,
    phrase_start: Vec<u32>,
    classes: Vec<Option<Reason>>,
    target: Vec<bool>,
    measures: Vec<(Range<usize>, MeasureKind)>,
    not_counted: Vec<NotCounted>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// A reading of `text`, over `tokens` when the caller has read them already (they must be
/// `text`'s), else over tokens read here into the thread's buffer.
fn with_reader<T>(text: &str, tokens: Option<&Tokens>, f: impl FnOnce(&mut Reader<'_>) -> T) -> T {
    BUFFERS.with(|cell| {
        // A reading never calls back into another, but stay correct if one ever does.
        let mut fresh = Buffers::default();
        let mut borrowed = cell.try_borrow_mut();
        let buffers: &mut Buffers = match borrowed.as_deref_mut() {
            Ok(b) => b,
            Err(_) => &mut fresh,
        };
        let tokens = match tokens {
            Some(tokens) => tokens,
            None => {
                buffers.tokens.read(text);
                &buffers.tokens
            }
        };
        quantities::find(text, tokens, &mut buffers.quantities);
        let mut reader = Reader {
            text,
            t: tokens,
            qs: &buffers.quantities,
            clause: &mut buffers.clause,
            phrase_start: &mut buffers.phrase_start,
            classes: &mut buffers.classes,
            target: &mut buffers.target,
            measures: &mut buffers.measures,
            not_counted: &mut buffers.not_counted,
        };
        reader.measures.clear();
        reader.not_counted.clear();
        reader.mark_clauses();
        f(&mut reader)
    })
}

struct Reader<'a> {
    text: &'a str,
    t: &'a Tokens,
    qs: &'a [Quantity],
    /// The clause of each token.
    clause: &'a mut Vec<u32>,
    /// The first token of each token's phrase.
    phrase_start: &'a mut Vec<u32>,
    /// Each quantity's reason, once all are classified (for the structures).
    classes: &'a mut Vec<Option<Reason>>,
    /// Tokens a target word governs.
    target: &'a mut Vec<bool>,
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

impl Reader<'_> {
    fn word(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.is_word() => self.t.lower(i),
            _ => "",
        }
    }

    fn is(&self, i: usize, lists: u64) -> bool {
        self.t.get(i).is_some_and(|t| t.is(lists))
    }

    fn symbol(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Symbol => &self.text[t.range()],
            _ => "",
        }
    }

    fn range(&self, first: usize, last: usize) -> Range<usize> {
        self.t[first].start as usize..self.t[last].end as usize
    }

    /// A clause ends at `;`, `!`, `?`, a sentence's `.`, a spaced dash, a line break.
    fn ends_clause(&self, i: usize) -> bool {
        let t = &self.t[i];
        match t.kind {
            Kind::Break => true,
            Kind::Symbol => match self.text.as_bytes()[t.start as usize] {
                b';' | b'!' | b'?' | b'|' => true,
                b'.' => self.t.get(i + 1).is_none_or(|n| !n.glued),
                b'-' => {
                    !t.glued && self.t.get(i + 1).is_some_and(|n| !n.glued) && t.end == t.start + 1
                }
                b if b.is_ascii() => false,
                _ => {
                    matches!(&self.text[t.range()], "—" | "–")
                        && !t.glued
                        && self.t.get(i + 1).is_some_and(|n| !n.glued)
                }
            },
            _ => false,
        }
    }

    /// A phrase ends at a clause end, a comma, a colon or a bracket.
    fn ends_phrase(&self, i: usize) -> bool {
        let t = &self.t[i];
        t.kind != Kind::Word
            && t.kind != Kind::Ident
            && t.kind != Kind::Number
            && (matches!(
                self.text.as_bytes()[t.start as usize],
                b',' | b':' | b'(' | b')' | b'[' | b']'
            ) || self.ends_clause(i))
    }

    fn same_clause(&self, a: usize, b: usize) -> bool {
        self.clause[a] == self.clause[b]
    }

    /// Clauses, and the tokens target words govern.
    fn mark_clauses(&mut self) {
        let n = self.t.len();
        self.clause.clear();
        self.target.clear();
        self.target.resize(n, false);
        let mut clause = 0u32;
        self.phrase_start.clear();
        self.classes.clear();
        let mut start = 0u32;
        for i in 0..n {
            self.clause.push(clause);
            self.phrase_start.push(start);
            let t = &self.t[i];
            if t.kind == Kind::Word || t.kind == Kind::Ident || t.kind == Kind::Number {
                continue;
            }
            if self.ends_clause(i) {
                clause = clause.saturating_add(1);
                start = i as u32 + 1;
            } else if matches!(
                self.text.as_bytes()[t.start as usize],
                b',' | b':' | b'(' | b')' | b'[' | b']'
            ) {
                start = i as u32 + 1;
            }
        }
        if self.t.union()
            & (TARGET | CLAUSE_TARGET | COMPLETION | PROPOSAL_NOUN | TARGET_CUE | LABEL_WORD)
            == 0
            // `3 of 7 services … so far` needs no listed word.
            && !self.qs.iter().any(|q| self.word(q.last + 1) == "of")
        {
            return;
        }
        // Forward targets: from a target word to its clause's end, unless an achievement word
        // came first in the clause ("met the target of 99.9%").
        let mut achieved_in: Option<u32> = None;
        let mut target_from: Option<(u32, usize)> = None;
        for i in 0..n {
            let c = self.clause[i];
            if self.is(i, ACHIEVEMENT) {
                achieved_in = Some(c);
            }
            if target_from.is_some_and(|(tc, _)| tc != c) {
                target_from = None;
            }
            let on_track = self.word(i) == "track"
                && i > 0
                && self.word(i - 1) == "on"
                && self.word(i + 1) == "to";
            // `Wrote the business case for a 4x …`: a document the author wrote argues for what
            // follows; `it became the funding case for 3 new teams` reports a result.
            let proposal = self.is(i, PROPOSAL_NOUN)
                && self.word(i + 1) == "for"
                && self.clause_opens_with(i, ACTIVITY);
            if target_from.is_none()
                && achieved_in != Some(c)
                && (self.is_target_word(i) || on_track || proposal)
            {
                target_from = Some((c, i));
            }
            if target_from.is_some() {
                self.target[i] = true;
            }
        }
        // Whole clauses marked as not yet done: `(in progress)`, `once complete`, `wip`.
        let mut whole_clauses: Vec<u32> = Vec::new();
        for i in 0..n {
            let whole = self.is(i, CLAUSE_TARGET)
                || (self.is(i, COMPLETION)
                    && self.word(i + 1) == "so"
                    && self.word(i + 2) == "far")
                || (self.word(i) == "progress" && i > 0 && self.word(i - 1) == "in")
                || (self.word(i) == "so"
                    && self.word(i + 1) == "far"
                    && self.part_of_a_whole_in_clause(i))
                || (self.is(i, COMPLETION)
                    && i > 0
                    && matches!(self.word(i - 1), "once" | "when" | "until"))
                || self.predicate_names_a_goal(i);
            if whole {
                whole_clauses.push(self.clause[i]);
            }
        }
        if !whole_clauses.is_empty() {
            for j in 0..n {
                if whole_clauses.contains(&self.clause[j]) {
                    self.target[j] = true;
                }
            }
        }
    }

    /// `3 of 7 services … so far`: a count of part of a whole in the clause of token `i`.
    fn part_of_a_whole_in_clause(&self, i: usize) -> bool {
        self.qs.iter().any(|q| {
            let mut k = q.last + 2;
            while self.is(k, DETERMINER) {
                k += 1;
            }
            self.same_clause(q.first, i)
                && self.word(q.last + 1) == "of"
                && self.t.get(k).is_some_and(|t| t.kind == Kind::Number)
        })
    }

    fn is_target_word(&self, i: usize) -> bool {
        if !self.is(i, TARGET) {
            return false;
        }
        let prev = if i > 0 { self.word(i - 1) } else { "" };
        // After a determiner a target word is a noun (`ran the planning across 6 teams`): a
        // target only when it says what it aims at (`the plan to cut`, `our goal of 30%`).
        if i > 0 && self.is(i - 1, DETERMINER) && !self.is(i, MODAL) {
            return self.says_what_it_aims_at(i);
        }
        match self.word(i) {
            // "faster than expected", "ahead of plan": a comparison with a plan is a result.
            "expected" | "planned" | "plan" | "target" | "forecast" | "projected"
                if matches!(prev, "than" | "of" | "as") =>
            {
                false
            }
            "going" | "want" | "wants" => self.word(i + 1) == "to",
            // `committed to halving MTTR`: a promise of a result (not `committed to main`).
            "committed" | "commit" | "commits" | "pledged" | "promised" => {
                let next = self.word(i + 2);
                self.word(i + 1) == "to"
                    && ((next.ends_with("ing") && next.len() > 4) || self.is(i + 2, OUTCOME_VERB))
            }
            // `a proof of concept that could halve costs`: a possibility; `so teams could ship
            // faster` reports what the work made possible.
            "could" | "might" => !(i.saturating_sub(3)..i).any(|k| self.word(k) == "so"),
            // A noun is a target when it says what it aims at ("a plan to cut", "goal of 30%",
            // "the plan is to"), not when it names a document ("a recovery plan and landed").
            "plan" | "plans" | "goal" | "goals" | "target" | "targets" | "roadmap" | "proposal"
            | "aim" | "slo" | "slos" | "sla" | "slas" => self.says_what_it_aims_at(i),
            _ => true,
        }
    }

    /// Whether the target noun at `i` says what it aims at: `plan to`, `goal of 30%`, `the plan
    /// is`, `target: …`, or `for` a quantity or an -ing (`a plan for cutting p95`), not `for`
    /// a thing (`terraform plan for prod`, `the plan for the offsite`).
    fn says_what_it_aims_at(&self, i: usize) -> bool {
        // `Target AUC ≥ 0.90`, `target p95 < 200 ms`: a bound on a metric.
        if (i + 1..(i + 4).min(self.t.len()))
            .any(|k| matches!(self.symbol(k), "≥" | "≤" | "<" | ">" | "="))
        {
            return true;
        }
        match self.word(i + 1) {
            "to" | "is" | "was" | "of" => true,
            "for" => {
                let next = i + 2;
                // `goal for H2`, `plan for 2027`: a period it aims at.
                self.t
                    .get(next)
                    .is_some_and(|t| matches!(t.kind, Kind::Number | Kind::Ident))
                    || self.is(next, APPROX)
                    || self.symbol(next) == "~"
                    || (self.word(next).ends_with("ing") && self.word(next).len() > 4)
            }
            _ => self.symbol(i + 1) == ":",
        }
    }

    /// `Cut p95 by 30% is the H2 OKR`: a clause whose predicate names it a goal (a form of `be`,
    /// then within three words a target noun or an OKR).
    fn predicate_names_a_goal(&self, i: usize) -> bool {
        if !matches!(self.word(i), "is" | "are" | "was" | "remains") {
            return false;
        }
        (i + 1..(i + 4).min(self.t.len()))
            .take_while(|&k| self.same_clause(i, k))
            .any(|k| {
                (self.is(k, TARGET) && !self.t[k].is(MODAL) && !self.word(k).ends_with("ing"))
                    || OBJECTIVE_NOUNS.contains(self.word(k))
            })
    }

    /// The word that governs a quantity starting at token `first`: the nearest token before it,
    /// past approximations, determiners and `~`, within its phrase. Also whether an `over`
    /// stood right before the quantity.
    fn governor(&self, first: usize) -> (Option<usize>, bool) {
        let mut over = false;
        let mut k = first;
        while k > 0 {
            k -= 1;
            if self.ends_phrase(k) {
                return (None, over);
            }
            let t = &self.t[k];
            if t.is_word() && (t.is(APPROX) || t.is(DETERMINER)) {
                if self.word(k) == "over" && k + 1 == first {
                    over = true;
                }
                continue;
            }
            if t.kind == Kind::Symbol && matches!(self.symbol(k), "~" | "≈" | "<" | ">" | "≤" | "≥")
            {
                continue;
            }
            if t.is_word() && self.word(k) == "approx" {
                continue;
            }
            if t.kind == Kind::Symbol
                && self.symbol(k) == "."
                && k > 0
                && self.word(k - 1) == "approx"
            {
                continue;
            }
            return (Some(k), over);
        }
        (None, over)
    }

    /// The words of the noun phrase after token `last` (up to four, to a stop word or symbol).
    fn noun_phrase(&self, last: usize) -> Range<usize> {
        let start = last + 1;
        let mut end = start;
        while end < self.t.len() && end < start + 4 {
            let t = &self.t[end];
            if !t.is_word() || t.is(STOP) {
                // `on-call shifts`, `customer-facing`: a hyphen inside a phrase.
                if t.kind == Kind::Symbol
                    && self.symbol(end) == "-"
                    && t.glued
                    && self.t.get(end + 1).is_some_and(|n| n.glued && n.is_word())
                {
                    end += 1;
                    continue;
                }
                break;
            }
            end += 1;
        }
        start..end
    }

    fn phrase_has(&self, phrase: &Range<usize>, lists: u64) -> bool {
        phrase.clone().any(|i| self.is(i, lists))
    }

    /// The classification of the quantity at `index`, given the ones before it.
    fn classify(&self, index: usize, classes: &[Option<Reason>]) -> Class {
        let q = &self.qs[index];
        let n = q.number;
        let t = &self.t[n];
        let number_text = &self.text[t.range()];
        match q.unit {
            Unit::Ordinal | Unit::Clock | Unit::Glued => return Class::Not(Reason::Label),
            Unit::Date => return Class::Not(Reason::Date),
            _ => {}
        }
        let prev = n.checked_sub(1);
        let plain = q.unit == Unit::Plain && !q.magnitude && !q.rate && !q.ratio;
        if !q.spelled {
            // Dates.
            let value: Option<u32> = number_text.parse().ok();
            let year_like =
                number_text.len() == 4 && value.is_some_and(|v| (1900..=2099).contains(&v));
            if year_like && plain && q.first == n {
                let phrase = self.noun_phrase(q.last);
                if self.symbol(n + 1) == "-" && self.t.get(n + 1).is_some_and(|d| d.glued) {
                    return Class::Not(Reason::Date);
                }
                // A count takes a plural (`2026 interns`); a year names a singular thing (`the
                // 2026 intern program`).
                let singular_head = phrase
                    .clone()
                    .last()
                    .is_some_and(|head| !self.is(head, NOUNS) && !self.word(head).ends_with('s'));
                if !self.phrase_has(&phrase, NOUNS)
                    || singular_head
                    || prev.is_some_and(|p| self.is_capitalised(p))
                {
                    return Class::Not(Reason::Year);
                }
            }
            if plain
                && value.is_some_and(|v| v <= 31)
                && (prev.is_some_and(|p| self.is(p, MONTH)) || self.is(q.last + 1, MONTH))
            {
                return Class::Not(Reason::Date);
            }
            if plain && self.symbol(n + 1) == "/" && self.symbol(n + 3) == "/" {
                return Class::Not(Reason::Date);
            }
            if self.month_day(n) {
                return Class::Not(Reason::Date);
            }
            // Identifiers.
            if let Some(p) = prev
                && t.glued
                && q.first == n
            {
                let s = self.symbol(p);
                if s == "#" || s == "@" {
                    return Class::Not(Reason::Identifier);
                }
                if matches!(s, "-" | "+" | "_" | "/")
                    && self.t[p].glued
                    && p > 0
                    && self.t[p - 1].is_word()
                {
                    return Class::Not(Reason::Identifier);
                }
                // `CVE-2024-0727`: a number glued to a label before it continues the label.
                if s == "-"
                    && self.t[p].glued
                    && index > 0
                    && self.qs[index - 1].last + 1 == p
                    && classes[index - 1].is_some_and(Reason::is_label)
                {
                    return Class::Not(Reason::Identifier);
                }
                if s == "/" && self.t[p].glued && p > 0 && self.t[p - 1].kind == Kind::Number {
                    return Class::Not(Reason::Label);
                }
            }
            if prev.is_some_and(|p| self.is(p, LABEL_WORD)) && plain {
                return Class::Not(Reason::Identifier);
            }
            if self.symbol(n.wrapping_sub(1)) == "#" && n >= 2 && self.is(n - 2, LABEL_WORD) {
                return Class::Not(Reason::Identifier);
            }
            // `weeks 14 + 15`, `sprints 3 and 4`: a list of labels goes on labelling.
            if plain && index > 0 && classes[index - 1] == Some(Reason::Identifier) {
                let before = &self.qs[index - 1];
                let between = before.last + 1..q.first;
                if !between.is_empty()
                    && between.clone().all(|i| {
                        matches!(self.symbol(i), "+" | "," | "&" | "/") || self.word(i) == "and"
                    })
                {
                    return Class::Not(Reason::Identifier);
                }
            }
            // Versions.
            if plain {
                if number_text.matches('.').count() >= 2 || is_calendar_version(number_text) {
                    return Class::Not(Reason::Version);
                }
                if let Some(p) = prev
                    && self.is_name(p)
                    && !self.phrase_has(&self.noun_phrase(q.last), NOUNS)
                {
                    return Class::Not(Reason::Version);
                }
                // `k8s 1.31`, `py3 3.12`: a decimal after a product written as an identifier.
                if number_text.contains('.')
                    && prev.is_some_and(|p| self.t[p].kind == Kind::Ident)
                    && !self.phrase_has(&self.noun_phrase(q.last), NOUNS)
                {
                    return Class::Not(Reason::Version);
                }
                if number_text.contains('.') && VERSION_NOUNS.contains(self.word(q.last + 1)) {
                    return Class::Not(Reason::Version);
                }
                // `Python 2 → 3 port`, `React 17→18 migration`: two numbers an upgrade noun
                // names are versions.
                if self.versions_before_upgrade_noun(index) {
                    return Class::Not(Reason::Version);
                }
                // `bump serde to 1.0.200`, `upgraded 4 clusters to 1.29`: a decimal an upgrade
                // leads to.
                if number_text.contains('.')
                    && prev.is_some_and(|p| matches!(self.word(p), "to" | "from" | "on"))
                    && self.clause_has_before(q.first, VERSION_VERB)
                {
                    return Class::Not(Reason::Version);
                }
                // After a version: `Node 16 → 20`, `Llama 3 8B`, `from 3.8 to 3.12`.
                if index > 0 && classes[index - 1] == Some(Reason::Version) {
                    let before = &self.qs[index - 1];
                    let between = before.last + 1..q.first;
                    if between.clone().all(|i| {
                        matches!(self.symbol(i), "→" | "->" | "=>") || self.word(i) == "to"
                    }) {
                        return Class::Not(Reason::Version);
                    }
                }
            }
            if q.magnitude
                && index > 0
                && classes[index - 1] == Some(Reason::Version)
                && q.first == self.qs[index - 1].last + 1
            {
                return Class::Not(Reason::Version);
            }
        }
        if self.target[n] {
            return Class::Not(Reason::Target);
        }
        if self.round_the_clock(index) {
            return Class::Not(Reason::Describes);
        }
        if self.zero_to_one(index) {
            return Class::Not(Reason::Describes);
        }
        let (governor, over) = self.governor(q.first);
        let governor_word = governor.map_or("", |g| self.word(g));
        let governed_by = |lists: u64| governor.is_some_and(|g| self.is(g, lists));
        // A hyphenated compound describes a thing (`a 40-page doc`, `the 6-month migration`),
        // unless it is a score or multiplier (`14-point gain`).
        if let Some(noun) = q.compound_noun
            && !matches!(q.unit, Unit::Percent | Unit::Multiplier)
        {
            if HEADCOUNT_NOUNS.contains(self.word(noun)) {
                return Class::Not(Reason::TeamSize);
            }
            let determiner_before = q.first > 0 && self.is(q.first - 1, DETERMINER);
            if determiner_before || !governed_by(TIME_MEASURE) || governor_word == "to" {
                return Class::Not(Reason::Describes);
            }
        }
        // `a team of 12`, `on our team of 8`.
        if governor_word == "of"
            && governor.is_some_and(|g| g > 0 && GROUP_NOUNS.contains(self.word(g - 1)))
        {
            return Class::Not(Reason::TeamSize);
        }
        if !matches!(q.unit, Unit::Percent | Unit::Multiplier)
            && !self.phrase_has(&self.noun_phrase(q.last), PEOPLE_OUTCOME)
            && self.in_scope_statement(q.first)
        {
            return Class::Not(Reason::Scope);
        }
        match q.unit {
            Unit::Percent => {
                let after = q.last + 1;
                // `20% time`, `50% of my time`: the author's own time, not another's (`got back
                // ~20% of its QA time`).
                let of_time = self.word(after) == "time"
                    || (self.word(after) == "of"
                        && matches!(self.word(after + 1), "my" | "our")
                        && (after + 2..(after + 4).min(self.t.len()))
                            .any(|i| self.word(i) == "time"));
                if of_time {
                    return Class::Not(Reason::TimeShare);
                }
                // `about 40% done`, `60% complete`: how far the work has got, not a result.
                if self.is(after, COMPLETION) {
                    return Class::Not(Reason::Progress);
                }
                // `100% of my sprint commitments`: a share of the author's own work.
                if self.word(after) == "of"
                    && self.word(after + 1) == "my"
                    && !governed_by(OUTCOME_VERB)
                {
                    return Class::Not(Reason::Activity);
                }
                return Class::Measure(MeasureKind::Percent);
            }
            Unit::Money => {
                let phrase = self.noun_phrase(q.last);
                let held = self.phrase_has(&phrase, BUDGET)
                    || (governor_word == "of"
                        && governor.is_some_and(|g| g > 0 && self.is(g - 1, BUDGET)));
                if held {
                    return Class::Not(Reason::Budget);
                }
                return Class::Measure(if q.rate {
                    MeasureKind::Rate
                } else {
                    MeasureKind::Money
                });
            }
            // `8×A100`, `4×H100`: how many machines the work ran on, not a multiplier.
            Unit::Multiplier
                if self.t.get(q.last + 1).is_some_and(|h| {
                    h.glued && (h.kind == Kind::Ident || self.is_capitalised(q.last + 1))
                }) =>
            {
                return Class::Not(Reason::Describes);
            }
            Unit::Multiplier => return Class::Measure(MeasureKind::Multiplier),
            // `Processed 4TB of clickstream`: how much the author's own work took in.
            Unit::Size
                if governed_by(ACTIVITY)
                    && !governed_by(OUTCOME_VERB | STOP)
                    && governor.is_some_and(|g| self.author_does(g)) =>
            {
                return Class::Not(Reason::Activity);
            }
            Unit::Size => return Class::Measure(MeasureKind::Size),
            Unit::Time | Unit::ShortTime => return self.classify_time(q, governor, over),
            _ => {}
        }
        if q.ratio {
            return Class::Measure(MeasureKind::Ratio);
        }
        // `Merged 143 PRs, 38 of them in …`: a part of what a count before counted reads as
        // that count does.
        if self.word(q.last + 1) == "of"
            && matches!(self.word(q.last + 2), "them" | "those" | "these" | "which")
            && let Some(reason) = index.checked_sub(1).and_then(|b| classes[b])
        {
            return Class::Not(reason);
        }
        // A count: of what, and governed by what.
        let mut phrase = self.noun_phrase(q.last);
        // `5 of our 8 hires`, `0 of my 11 reports`: the noun of the whole.
        if phrase.is_empty() && self.word(q.last + 1) == "of" {
            let mut k = q.last + 2;
            while self.is(k, DETERMINER) {
                k += 1;
            }
            if let Some(whole) = self.qs.iter().find(|w| w.first == k) {
                phrase = self.noun_phrase(whole.last);
            } else {
                phrase = self.noun_phrase(k - 1);
            }
        }
        let rate = q.rate || quantities::is_rate_at(self.t, phrase.end);
        if let Some(g) = governor {
            // `is used in all 23 frontend repos`, `now adopted by 6 teams`: how far it reached.
            if self.adopted_by(g) {
                return Class::Measure(MeasureKind::Reach);
            }
            // `signed off by 5 staff engineers`: who approved the author's work.
            if governor_word == "by"
                && g > 0
                && (self.is(g - 1, APPROVAL_VERB)
                    || (self.word(g - 1) == "off" && g > 1 && self.is(g - 2, APPROVAL_VERB)))
            {
                return Class::Not(Reason::Collaboration);
            }
            // `by removing two synchronous calls`: how the work was done.
            if !q.spelled || self.is(q.number, lexicon::NUMBER_WORD) {
                let w = self.word(g);
                if w.ends_with("ing")
                    && w.len() > 4
                    && g > 0
                    && MEANS_MARKS.contains(self.word(g - 1))
                {
                    return Class::Not(Reason::Describes);
                }
            }
        }
        // `coverage grew to 40 repos`, `expanded to 12 regions`: where a result verb got to.
        let reached = governor.is_some_and(|g| {
            self.word(g) == "to"
                && g > 0
                && self.is(g - 1, OUTCOME_VERB)
                && !self.is(g - 1, ACTIVITY)
        });
        if reached && !q.spelled {
            return Class::Measure(MeasureKind::Count);
        }
        // `Hired and onboarded 4 engineers`: an outcome verb in the chain wins.
        let coordinated_outcome = governor.is_some_and(|g| {
            g >= 2 && matches!(self.word(g - 1), "and" | "&") && self.is(g - 2, OUTCOME_VERB)
        });
        if coordinated_outcome {
            return Class::Measure(MeasureKind::Count);
        }
        if self.phrase_has(&phrase, PEOPLE_OUTCOME)
            && !self.phrase_has(&phrase, ARTIFACT)
            && !governed_by(PEOPLE_ACTIVITY)
        {
            return Class::Measure(MeasureKind::People);
        }
        if governed_by(OUTCOME_VERB) && !governed_by(ACTIVITY | STOP) {
            return Class::Measure(MeasureKind::Count);
        }
        // `wk 12 — on call, 3 pages`, `pager week, 2 incidents, both mitigated`: what came in
        // during the author's own on-call is the load handled, not what the work changed.
        if !q.spelled && self.phrase_has(&phrase, INCIDENT) && self.on_duty_before(q.first) {
            return Class::Not(Reason::Activity);
        }
        if governed_by(ACTIVITY)
            && !governed_by(STOP)
            && governor.is_some_and(|g| self.author_does(g))
        {
            return Class::Not(Reason::Activity);
        }
        if self.subject_of_a_new_state(q, &phrase) {
            return Class::Measure(MeasureKind::Reach);
        }
        if self.change_reaches(governor, &phrase) {
            return Class::Measure(MeasureKind::Reach);
        }
        if let Some(reason) = self.own_work_around_a_count(q, governor, &phrase, classes, index) {
            return Class::Not(reason);
        }
        if let Some(reason) = self.inherited(index, classes, governor) {
            return Class::Not(reason);
        }
        if !self.phrase_has(&phrase, PEOPLE_OUTCOME) && self.in_activity_object(q.first) {
            return Class::Not(Reason::Activity);
        }
        if self.phrase_has(&phrase, ARTIFACT) {
            return Class::Not(Reason::Activity);
        }
        // A later item of a specification list (`(4 clusters, 2 regions)`) is specification
        // whatever it counts.
        let later_spec_item = self.symbol(q.first.wrapping_sub(1)) == ",";
        if !q.spelled
            && !rate
            && (later_spec_item || !self.phrase_has(&phrase, AFFECTED | INCIDENT | PEOPLE_OUTCOME))
            && self.in_work_spec(q)
        {
            return Class::Not(Reason::Describes);
        }
        // `IC for 5 incidents`, `on-call lead for 3 services`: what the author's role covered.
        if governor_word == "for"
            && governor
                .is_some_and(|g| g > 0 && self.is(g - 1, ROLE) && self.clause_opens_with(g, ROLE))
        {
            return Class::Not(Reason::Activity);
        }
        if (governed_by(COLLABORATION) || self.collaboration_before(q.first))
            && self.phrase_has(&phrase, AFFECTED)
        {
            return Class::Not(Reason::Collaboration);
        }
        if q.spelled {
            if self.is(q.number, MANY) && self.word(q.last + 1) == "of" {
                let whole = self.noun_phrase(q.last + 1);
                if self.phrase_has(&whole, ARTIFACT) {
                    return Class::Not(Reason::Activity);
                }
                return Class::Measure(MeasureKind::Reach);
            }
            if self.phrase_has(&phrase, AFFECTED | INCIDENT) && !governed_by(DURATION) {
                return Class::Measure(MeasureKind::Count);
            }
            return Class::Nothing;
        }
        Class::Measure(if rate {
            MeasureKind::Rate
        } else {
            MeasureKind::Count
        })
    }

    /// `11 of 12 analytics repos now use the style guide`, `40 services now run on it`: what the
    /// count counts is the subject of a state that `now` reports, so it says how far the work
    /// reached (the count opens its clause).
    fn subject_of_a_new_state(&self, q: &Quantity, phrase: &Range<usize>) -> bool {
        let opens = q.first == 0 || self.ends_phrase(q.first - 1);
        let mut after = if phrase.is_empty() {
            q.last + 1
        } else {
            phrase.end
        };
        // `11 of 12 analytics repos`: past the whole.
        if phrase.is_empty() && self.word(after) == "of" {
            let next = self.qs.partition_point(|w| w.first <= q.last);
            let whole = self.qs.get(next).filter(|w| w.first <= after + 3);
            if let Some(w) = whole {
                let p = self.noun_phrase(w.last);
                after = if p.is_empty() { w.last + 1 } else { p.end };
            }
        }
        opens
            && self.word(after) == "now"
            && self
                .t
                .get(after + 1)
                .is_some_and(|t| t.is_word() && !t.is(STOP))
    }

    /// `Led the migration across 5 teams`, `the rollout to 12 squads`: people a change went
    /// through, counted after `across`/`to` in the phrase of a change noun, are who it reached.
    fn change_reaches(&self, governor: Option<usize>, phrase: &Range<usize>) -> bool {
        let Some(g) = governor.filter(|&g| matches!(self.word(g), "across" | "to")) else {
            return false;
        };
        let people = phrase
            .clone()
            .last()
            .is_some_and(|head| PEOPLE_GROUPS.contains(self.word(head)));
        let start = (self.phrase_start[g] as usize).max(g.saturating_sub(10));
        people && (start..g).any(|k| CHANGE_NOUNS.contains(self.word(k)))
    }

    /// Counts that the author's own work surrounds: where the author spoke or sat (`spoke at 2
    /// meetups`, `sat on 3 promo committees`), what a version was rolled out to (`rolled Python
    /// 3.12 out to the 3 ML services`), what a thing the author wrote covers (`HPA configs for 6
    /// svcs`), spells of duty (`14 on-call shifts`), and the machine time the work used (`~72
    /// GPU-hours`).
    fn own_work_around_a_count(
        &self,
        q: &Quantity,
        governor: Option<usize>,
        phrase: &Range<usize>,
        classes: &[Option<Reason>],
        index: usize,
    ) -> Option<Reason> {
        let value_is_zero = self.text[self.t[q.number].range()] == *"0";
        if q.spelled || q.unit != Unit::Plain || value_is_zero {
            return None;
        }
        if let Some(g) = governor {
            let verb = g.checked_sub(1);
            let venue = matches!(self.word(g), "at" | "on")
                && verb.is_some_and(|v| {
                    self.is(v, ACTIVITY) && !self.is(v, OUTCOME_VERB) && self.author_does(v)
                });
            if venue && !self.phrase_has(phrase, PEOPLE_OUTCOME) {
                return Some(Reason::Activity);
            }
            let covers = self.word(g) == "for"
                && verb.is_some_and(|v| self.is(v, ARTIFACT))
                && !self.clause_has_before(q.first, OUTCOME_VERB);
            if covers {
                return Some(Reason::Activity);
            }
        }
        // A version a few quantities back in the clause (bounded, so an entry of thousands of
        // counts stays linear).
        let version_before = (index.saturating_sub(8)..index)
            .rev()
            .take_while(|&b| self.same_clause(self.qs[b].first, q.first))
            .any(|b| classes[b] == Some(Reason::Version));
        if version_before
            && self.clause_has_before(q.first, VERSION_VERB)
            && !self.phrase_has(phrase, INCIDENT | PEOPLE_OUTCOME)
        {
            return Some(Reason::Activity);
        }
        if self.duty_spell_after(q.last) {
            return Some(Reason::Activity);
        }
        // `Migrated 30 DAGs from cron to Airflow`: things the author moved from one tool to
        // another; the move restates the change (not people moved, `moved 3 teams onto …`).
        let moved = governor.is_some_and(|g| {
            (self.is(g, VERSION_VERB) || MOVE_VERBS.contains(self.word(g))) && self.author_does(g)
        });
        let head_is_people = phrase
            .clone()
            .last()
            .is_some_and(|h| PEOPLE_GROUPS.contains(self.word(h)));
        if moved && !head_is_people && self.word(phrase.end) == "from" {
            let to = (phrase.end + 2..(phrase.end + 6).min(self.t.len()))
                .find(|&k| matches!(self.word(k), "to" | "into" | "onto"));
            let names_only = to.is_some_and(|to| {
                let right = self.side_after(to + 1, 4);
                !self.side_has_quantity(phrase.end + 1..to) && !self.side_has_quantity(right)
            });
            if names_only {
                return Some(Reason::Activity);
            }
        }
        // `(3 browsers × 4 locales)`, `2 regions x 3 zones`: the dimensions of a set-up.
        if !phrase.is_empty() && !governed_by_any(self, governor, OUTCOME_VERB) {
            let times = |k: usize| self.symbol(k) == "×" || self.word(k) == "x";
            let number = |k: usize| self.t.get(k).is_some_and(|t| t.kind == Kind::Number);
            let before = q.first >= 2 && times(q.first - 1) && self.t[q.first - 2].is_word();
            let after = (phrase.start..=phrase.end).any(|k| times(k) && number(k + 1));
            if after || before {
                return Some(Reason::Describes);
            }
        }
        // `~72 GPU-hours`, `40 engineer-days`: time a thing or person spent, counted.
        let machine_time = phrase.len() >= 3
            && self.is(phrase.end - 1, TIME_UNIT)
            && self.symbol(phrase.end - 2) == "-";
        if machine_time
            && !governed_by_any(self, governor, OUTCOME_VERB | COMPARATIVE)
            && !self.clause_has_before(q.first, OUTCOME_VERB | COMPARATIVE)
        {
            return Some(Reason::Duration);
        }
        None
    }

    /// `14 on-call shifts`, `6 pager rotations`, `3 shifts`: the noun after the count at `last`,
    /// past an on-call compound, is a spell of duty.
    fn duty_spell_after(&self, last: usize) -> bool {
        let mut k = last + 1;
        if self.word(k) == "on" {
            k += 1;
            if self.symbol(k) == "-" {
                k += 1;
            }
            if self.word(k) != "call" {
                return false;
            }
            k += 1;
        } else if DUTY_WORDS.contains(self.word(k)) {
            k += 1;
        }
        DUTY_SPELLS.contains(self.word(k))
    }

    /// `Python 2 → 3 port`: the quantity at `index` is a plain whole number, an arrow joins it
    /// to the next one, and an upgrade noun follows that.
    fn versions_before_upgrade_noun(&self, index: usize) -> bool {
        let whole = |q: &Quantity| {
            q.unit == Unit::Plain
                && !q.magnitude
                && !q.rate
                && !q.ratio
                && !q.spelled
                && self.text[self.t[q.number].range()]
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        };
        let (q, Some(next)) = (&self.qs[index], self.qs.get(index + 1)) else {
            return false;
        };
        whole(q)
            && whole(next)
            && next.first == q.last + 2
            && matches!(self.symbol(q.last + 1), "→" | "->" | "=>")
            && VERSION_NOUNS.contains(self.word(next.last + 1))
    }

    /// Whether the clause of token `first` names the author's on-call duty before it (`on
    /// call`, `on-call week`, `pager week`) and nothing there reports a change (an outcome verb, a
    /// comparative, `to`/`from`).
    fn on_duty_before(&self, first: usize) -> bool {
        let clause = (first.saturating_sub(16)..first).filter(|&k| self.same_clause(k, first));
        let mut on_duty = false;
        for k in clause {
            let w = self.word(k);
            if self.is(k, OUTCOME_VERB | COMPARATIVE) || matches!(w, "to" | "from" | "down") {
                return false;
            }
            let on_call = w == "call"
                && (self.word(k.wrapping_sub(1)) == "on"
                    || (self.symbol(k.wrapping_sub(1)) == "-"
                        && self.word(k.wrapping_sub(2)) == "on"));
            on_duty |= on_call || DUTY_WORDS.contains(w);
        }
        on_duty
    }

    /// Whether the preposition at `g` follows a verb of being taken up, in the passive or after
    /// `now` (`is used in`, `now adopted by`, `are installed on`).
    fn adopted_by(&self, g: usize) -> bool {
        if !matches!(self.word(g), "in" | "by" | "across" | "on" | "at") || g < 2 {
            return false;
        }
        let mut k = g - 1;
        // `is now the default in 11 of 12 repos`, `now the standard across 9 teams`.
        if ADOPTION_NOUNS.contains(self.word(k)) {
            return (g.saturating_sub(5)..k).any(|j| self.word(j) == "now");
        }
        if !self.is(k, ADOPTION_VERB) {
            return false;
        }
        while k > 0 && (self.is(k - 1, ADVERB) || self.word(k - 1).ends_with("ly")) {
            k -= 1;
        }
        k > 0 && (AUXILIARIES.contains(self.word(k - 1)) || self.word(k - 1) == "now")
    }

    /// Whether the verb at `g` is the author's: it opens its clause (entries mostly omit the
    /// "I"), or follows `I`, `we`, `and` or an adverb. After a noun it is something else's
    /// (`The new ingest API handles ~15k requests a day`).
    fn author_does(&self, g: usize) -> bool {
        let mut k = g;
        while k > 0 {
            if self.ends_phrase(k - 1) {
                return true;
            }
            // `Hand-labelled`, `Pair-programmed`: a verb with a hyphenated prefix.
            if self.hyphen_prefix_opens(k) {
                return true;
            }
            let w = self.word(k - 1);
            if matches!(w, "i" | "we" | "and" | "then" | "also" | "&") {
                return true;
            }
            if self.is(k - 1, ADVERB) || (w.ends_with("ly") && w.len() > 3) {
                k -= 1;
                continue;
            }
            return false;
        }
        true
    }

    /// Whether the word at `k` is glued after a hyphenated prefix that opens its phrase
    /// (`Hand-labelled`, `Pair-programmed`, `I hand-labelled`).
    fn hyphen_prefix_opens(&self, k: usize) -> bool {
        k >= 2
            && self.symbol(k - 1) == "-"
            && self.t[k - 1].glued
            && self.t[k].glued
            && self.t[k - 2].is_word()
            && (k == 2 || self.ends_phrase(k - 3) || matches!(self.word(k - 3), "i" | "we"))
    }

    /// Whether the clause of token `i` opens (before `i`) with a word of `lists`.
    fn clause_opens_with(&self, i: usize, lists: u64) -> bool {
        let start = self.phrase_start[i] as usize;
        let mut start = if self.word(start) == "i" || self.word(start) == "we" {
            start + 1
        } else {
            start
        };
        // `Co-organised`, `Re-ran`: a verb with a hyphenated prefix.
        if matches!(self.word(start), "co" | "re")
            && self.symbol(start + 1) == "-"
            && self.t.get(start + 2).is_some_and(|t| t.glued)
        {
            start += 2;
        }
        start < i && self.is(start, lists)
    }

    /// [`Self::clause_opens_with`], when the opening word is a verb: a past or -ing form, or a
    /// base form followed by a determiner, a number or a possessive (`Owned the…`, `Own 3
    /// services`), not a noun compound (`Support tickets about login…`).
    fn clause_opens_with_verb(&self, i: usize, lists: u64) -> bool {
        let start = self.phrase_start[i] as usize;
        let start = if matches!(self.word(start), "i" | "we") {
            start + 1
        } else {
            start
        };
        if start >= i || !self.is(start, lists) {
            return false;
        }
        let w = self.word(start);
        w.ends_with("ed")
            || w.ends_with("ing")
            || start > 0 && matches!(self.word(start - 1), "i" | "we")
            || self.is(start + 1, DETERMINER)
            || self
                .t
                .get(start + 1)
                .is_some_and(|t| t.kind == Kind::Number)
    }

    /// The reason of the quantity before, when this one continues its noun phrase (`4 teams
    /// and 2 orgs`, `200+ PRs across 4 repos`, `6 engineers across two teams`).
    fn inherited(
        &self,
        index: usize,
        classes: &[Option<Reason>],
        governor: Option<usize>,
    ) -> Option<Reason> {
        let g = governor?;
        let before = self.qs.get(index.checked_sub(1)?)?;
        let reason = classes.get(index - 1).copied().flatten()?;
        if !matches!(
            reason,
            Reason::Activity | Reason::Collaboration | Reason::Scope | Reason::TeamSize
        ) {
            return None;
        }
        let continues = matches!(
            self.word(g),
            "and" | "or" | "across" | "in" | "with" | "of" | "over"
        ) || self.symbol(g) == ",";
        (continues && self.noun_phrase(before.last).end == g).then_some(reason)
    }

    /// Whether the quantity at `first` is inside the object of an activity verb that opens its
    /// clause, attached by a preposition that describes that object (`Managed stakeholders in
    /// 5 countries`, `Ran a 2-day hackathon with 80 participants`, `Sent a weekly update to
    /// 120 stakeholders`), not by a word that reports what it did (`that`, `now`, `-ing`).
    fn in_activity_object(&self, first: usize) -> bool {
        let mut k = first;
        let mut communication_to = false;
        let mut steps = 0;
        while k > 0 && steps < 10 {
            k -= 1;
            steps += 1;
            // `1:1s`, `10:30`: a colon inside a number is no phrase end.
            let in_number = self.symbol(k) == ":"
                && self.t[k].glued
                && k > 0
                && self.t[k - 1].kind == Kind::Number
                && self
                    .t
                    .get(k + 1)
                    .is_some_and(|n| n.glued && matches!(n.kind, Kind::Number | Kind::Ident));
            if self.ends_phrase(k) && !in_number {
                return false;
            }
            let t = &self.t[k];
            if !t.is_word() {
                // `Upgraded Postgres 13 → 16 across 9 clusters`: a version change in the object.
                if t.kind == Kind::Number
                    || in_number
                    || matches!(self.symbol(k), "-" | "~" | "'" | "→" | "->" | "=>")
                {
                    continue;
                }
                return false;
            }
            let w = self.word(k);
            let opens = k == 0
                || self.ends_phrase(k - 1)
                || matches!(self.word(k - 1), "i" | "we")
                || self.hyphen_prefix_opens(k);
            // `Design-token adoption reached 23 …`: a word glued to a hyphen after it modifies a
            // noun; it is no verb.
            let modifier = self.symbol(k + 1) == "-" && self.t[k + 1].glued;
            if opens && t.is(ACTIVITY) && !modifier {
                return !communication_to || t.is(COMMUNICATION_VERB);
            }
            // `… adoption reached 23 of 25 surfaces`: a result verb governs what follows (not a
            // noun after a determiner, `the new hires`).
            let noun = (k.saturating_sub(2)..k).any(|j| self.is(j, DETERMINER));
            if t.is(OUTCOME_VERB) && !t.is(ACTIVITY) && !noun {
                return false;
            }
            if w == "to" {
                communication_to = true;
                continue;
            }
            if matches!(w, "that" | "which" | "who" | "now" | "so" | "then" | "and")
                || w.ends_with("ing")
            {
                return false;
            }
            if t.is(STOP)
                && !t.is(DETERMINER)
                && !matches!(w, "with" | "in" | "across" | "of" | "at")
            {
                return false;
            }
        }
        false
    }

    /// Whether a statement of scope opens the clause before token `first` (`Responsible for`,
    /// `point of contact for`, `spanning`, `worked on a system that`).
    ///
    /// The scan back is bounded (a statement opens within a few dozen words of its count), so an
    /// entry of thousands of counts in one phrase stays linear.
    fn in_scope_statement(&self, first: usize) -> bool {
        let start = (self.phrase_start[first] as usize).max(first.saturating_sub(32));
        let phrase = || (start..first).rev();
        let opened = phrase().any(|k| {
            self.is(k, SCOPE_WORD)
                || (matches!(self.word(k), "worked" | "working") && self.word(k + 1) == "on")
        }) || self.clause_opens_with_verb(first, STEWARDSHIP);
        opened && !phrase().any(|k| RESULT_LINKS.contains(self.word(k)))
    }

    /// A word for working together shortly before token `first`, in its phrase ("with product
    /// and the two other squads").
    fn collaboration_before(&self, first: usize) -> bool {
        (first.saturating_sub(6)..first)
            .rev()
            .take_while(|&k| !self.ends_phrase(k))
            .any(|k| self.is(k, COLLABORATION))
    }

    /// Token `p` is a capitalised name a version number can follow (`Python`, `Node`): not the
    /// first word of its clause, not a month or label word.
    fn is_name(&self, p: usize) -> bool {
        let t = &self.t[p];
        if !t.is_word() || t.is(MONTH | LABEL_WORD | lexicon::NUMBER_WORD) {
            return false;
        }
        let first = self.text[t.range()].chars().next();
        if !first.is_some_and(char::is_uppercase) || self.word(p) == "i" {
            return false;
        }
        // The first word of a clause is capitalised because it is first.
        let clause_start =
            p == 0 || self.ends_phrase(p - 1) || self.clause[p - 1] != self.clause[p];
        !clause_start
    }

    /// Whether the count `q` is part of a specification of the author's work, written in a
    /// bracket or after a colon that follows a clause opened by an activity verb the author does
    /// (`ran the load tests (10 scenarios × 3 environments)`, `designed the schema (42 cols)`,
    /// `drafted the RFC: 14 pages`), with no verb after it in its phrase to report a result.
    fn in_work_spec(&self, q: &Quantity) -> bool {
        let phrase_end_before = |i: usize| (self.phrase_start[i] as usize).checked_sub(1);
        let mut open = phrase_end_before(q.first);
        // A list of specifications: `18 fields, 3 indexes` goes back to its colon (a few items:
        // the lookback stays bounded).
        let mut items = 0;
        while let Some(k) = open.filter(|&k| self.symbol(k) == ",") {
            items += 1;
            if items > 8 {
                return false;
            }
            open = phrase_end_before(k);
            let item = open.map_or(0, |o| o + 1);
            if self.t.get(item).is_none_or(|t| t.kind != Kind::Number) {
                return false;
            }
        }
        let Some(mut open) = open.filter(|&k| matches!(self.symbol(k), "(" | "[" | ":")) else {
            return false;
        };
        // `drafted RFC-112 (multi-region): 14 pages`: a colon after a bracketed aside reads with
        // the clause before the aside.
        if self.symbol(open) == ":"
            && self.symbol(open.wrapping_sub(1)) == ")"
            && let Some(bracket) = (open.saturating_sub(16)..open - 1)
                .rev()
                .find(|&k| self.symbol(k) == "(")
        {
            open = bracket;
        }
        if !self.clause_opens_with(open, ACTIVITY) || self.clause_opens_with(open, OUTCOME_VERB) {
            return false;
        }
        let end = (q.last + 1..self.t.len().min(q.last + 17))
            .find(|&k| self.ends_phrase(k))
            .unwrap_or(self.t.len().min(q.last + 17));
        !(q.last + 1..end).any(|k| {
            let w = self.word(k);
            self.is(k, OUTCOME_VERB | ACTIVITY | COMPARATIVE | ZERO)
                || w.ends_with("ed")
                || matches!(w, "now" | "so" | "instead" | "than" | "from" | "to" | "→")
        }) && !(q.last + 1..end).any(|k| matches!(self.symbol(k), "→" | "->" | "=>"))
    }

    /// Token `p` is a word written with a capital (`GSoC`, `PyCon`).
    fn is_capitalised(&self, p: usize) -> bool {
        let t = &self.t[p];
        t.is_word()
            && self.word(p) != "i"
            && self.text[t.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Whether the number at `n` is a month/day (`3/17`) in a range (`3/17–3/21`) or opening a
    /// label (`3/17: …`).
    fn month_day(&self, n: usize) -> bool {
        let small = |k: usize, max: u32| {
            self.t.get(k).is_some_and(|t| t.kind == Kind::Number)
                && self.text[self.t[k].range()]
                    .parse::<u32>()
                    .is_ok_and(|v| (1..=max).contains(&v))
        };
        let md = |k: usize| small(k, 12) && self.symbol(k + 1) == "/" && small(k + 2, 31);
        let dash = |k: usize| matches!(self.symbol(k), "-" | "–" | "—");
        if md(n) {
            return (dash(n + 3) && md(n + 4)) || self.symbol(n + 3) == ":";
        }
        n >= 2 && small(n, 31) && self.symbol(n - 1) == "/" && md(n - 2)
    }

    /// Whether a word of `lists` comes before token `first` in its clause.
    fn clause_has_before(&self, first: usize, lists: u64) -> bool {
        (first.saturating_sub(12)..first)
            .rev()
            .take_while(|&k| self.same_clause(k, first))
            .any(|k| self.is(k, lists))
    }

    /// `24/7`, `24 by 7`: "all the time", said of how the work runs, not a measure of it.
    fn round_the_clock(&self, index: usize) -> bool {
        let value = |q: &Quantity| &self.text[self.t[q.number].range()];
        let pair = |a: &Quantity, b: &Quantity| {
            value(a) == "24"
                && value(b) == "7"
                && b.first == a.last + 2
                && (matches!(self.symbol(a.last + 1), "/" | "×") || self.word(a.last + 1) == "by")
        };
        let q = &self.qs[index];
        self.qs.get(index + 1).is_some_and(|b| pair(q, b))
            || index > 0 && pair(&self.qs[index - 1], q)
    }

    /// `0 → 1`: bare zero to one says the thing is new, not how much it changed.
    fn zero_to_one(&self, index: usize) -> bool {
        let plain = |q: &Quantity| {
            q.unit == Unit::Plain && !q.magnitude && !q.rate && !q.ratio && !q.spelled
        };
        let value = |q: &Quantity| &self.text[self.t[q.number].range()];
        let pair = |a: &Quantity, b: &Quantity| {
            plain(a)
                && plain(b)
                && value(a) == "0"
                && value(b) == "1"
                && b.first == a.last + 2
                && matches!(self.symbol(a.last + 1), "→" | "->" | "=>")
        };
        let q = &self.qs[index];
        self.qs.get(index + 1).is_some_and(|b| pair(q, b))
            || index > 0 && pair(&self.qs[index - 1], q)
    }

    /// Whether `in`/`within` at `g` ends a stretch of the author's own work: the clause opens
    /// with an activity verb the author does (`shipped the POC in`, `I did the migration … in`),
    /// or a completion word stands right before it (`PoC done in`), with nothing between that
    /// reports what the work does (`that runs in`, `so deploys finish in`).
    fn own_work_took(&self, g: usize) -> bool {
        if g > 0 && self.is(g - 1, COMPLETION) && !self.is(g - 1, OUTCOME_VERB) {
            return true;
        }
        let start = self.phrase_start[g] as usize;
        if g - start > 24 {
            return false;
        }
        let mut k = g;
        while k > start {
            k -= 1;
            // `to run in 3 min` says what the work does; `to Kotlin in`, `to the new cluster in`
            // say where it went.
            if self.word(k) == "to" {
                if self.is(k + 1, DETERMINER) || (k + 1 < g && self.is_capitalised(k + 1)) {
                    continue;
                }
                return false;
            }
            if self.is(k, OUTCOME_VERB | TIME_MEASURE | COMPARATIVE)
                || matches!(
                    self.word(k),
                    "so" | "that" | "which" | "who" | "now" | "it" | "they"
                )
            {
                return false;
            }
        }
        if matches!(self.word(k), "i" | "we") {
            k += 1;
        }
        k < g && self.is(k, ACTIVITY) && !self.is(k, OUTCOME_VERB)
    }

    /// `failover took 4 min, target was 15`, `38 min (goal: 60)`: a time set against the target
    /// right after it is a result measured against it.
    fn against_a_target(&self, after: usize) -> bool {
        if !matches!(self.symbol(after), "," | "(" | ";" | "—" | "–") {
            return false;
        }
        let mut k = after + 1;
        while self.is(k, DETERMINER) || self.word(k) == "vs" {
            k += 1;
        }
        GOAL_NOUNS.contains(self.word(k))
    }

    fn classify_time(&self, q: &Quantity, governor: Option<usize>, over: bool) -> Class {
        let governed_by = |lists: u64| governor.is_some_and(|g| self.is(g, lists));
        // `Pair-programmed with the juniors ~4h/wk`: how much of the author's time the work
        // takes, in the object of their own activity.
        // (The word before it may be a noun that is also a verb: `the new hires ~5h/wk`.)
        if q.rate && !governed_by(COMPARATIVE) && self.in_activity_object(q.first) {
            return Class::Not(Reason::TimeShare);
        }
        if q.rate {
            return Class::Measure(MeasureKind::Rate);
        }
        let after = q.last + 1;
        // `green 30 days in a row`, `to green for 21 days straight`: how long a state held is a
        // result, whatever governs it.
        if self.word(after) == "in" && self.word(after + 1) == "a" && self.word(after + 2) == "row"
            || self.word(after) == "straight"
        {
            return Class::Measure(MeasureKind::Time);
        }
        let compared = self.is(after, COMPARATIVE)
            || COMPARISON_WORDS.contains(self.word(after))
            || (self.word(after) == "of" && self.word(after + 1) == "savings")
            || self.against_a_target(after);
        if governed_by(DURATION) && !governed_by(TIME_MEASURE) && !compared {
            return Class::Not(Reason::Duration);
        }
        if over && !governed_by(TIME_MEASURE) {
            return Class::Not(Reason::Duration);
        }
        if governed_by(ACTIVITY)
            && !governed_by(OUTCOME_VERB | TIME_MEASURE)
            && !compared
            && governor.is_some_and(|g| self.author_does(g))
        {
            return Class::Not(Reason::Duration);
        }
        // `shipped the POC in 3 weeks`, `did the migration in 2 sprints`, `done in 4 days`: how
        // long the author's own work took.
        if !compared
            && let Some(g) = governor
            && matches!(self.word(g), "in" | "within")
            && self.own_work_took(g)
        {
            return Class::Not(Reason::Duration);
        }
        if compared || governed_by(TIME_MEASURE | OUTCOME_VERB) {
            return Class::Measure(MeasureKind::Time);
        }
        if self.word(after) == "of" {
            return Class::Not(Reason::Duration);
        }
        if q.unit == Unit::ShortTime && !q.spelled {
            return Class::Measure(MeasureKind::Time);
        }
        if q.spelled {
            return Class::Nothing;
        }
        // `(team of 5, 2 quarters)`: a time of days or more that nothing makes a result is how
        // long the work took.
        match governor {
            Some(g) if self.symbol(g) == ":" => Class::Measure(MeasureKind::Time),
            _ => Class::Not(Reason::Duration),
        }
    }

    /// Read everything: classify each quantity, then the structures. With `explain`, every
    /// measure and non-measure is recorded; without, it stops at the first measure.
    fn impact(&mut self, explain: bool) -> Impact {
        let mut classes: Vec<Option<Reason>> = Vec::with_capacity(self.qs.len());
        let mut why = Why::default();
        let mut worst: Option<Reason> = None;
        let mut found = false;
        for index in 0..self.qs.len() {
            let q = self.qs[index];
            match self.classify(index, &classes) {
                Class::Measure(kind) => {
                    classes.push(None);
                    found = true;
                    if !explain {
                        return Impact::Measurable;
                    }
                    self.measures.push((self.range(q.first, q.last), kind));
                }
                Class::Not(reason) => {
                    classes.push(Some(reason));
                    // A count reads with what it counts: `35 PRs`, `team of 12 engineers`.
                    let mut last = q.last;
                    if q.unit == Unit::Plain
                        && matches!(
                            reason,
                            Reason::Activity | Reason::Collaboration | Reason::Scope
                        )
                    {
                        let phrase = self.noun_phrase(q.last);
                        if !phrase.is_empty() {
                            last = phrase.end - 1;
                        }
                    }
                    let r = self.range(q.first, last);
                    let not = NotCounted {
                        reason,
                        start: r.start as u32,
                        end: r.end as u32,
                    };
                    if why.first.is_none() {
                        why.first = Some(not);
                    }
                    worst = Some(match worst {
                        Some(w) if rank(w) >= rank(reason) => w,
                        _ => reason,
                    });
                    if rank(reason) > why.first.map_or(0, |f| rank(f.reason)) {
                        why.first = Some(not);
                    }
                    self.not_counted.push(not);
                }
                Class::Nothing => classes.push(None),
            }
        }
        self.classes.clear();
        self.classes.extend_from_slice(&classes);
        // Identifiers written as one word (`p95`, `v2.3`, `Q3`): labels, for the explanation.
        for i in 0..self.t.len() {
            let t = &self.t[i];
            if t.kind == Kind::Ident && !is_multiplier_word(self.word(i)) {
                let reason = if matches!(self.word(i).as_bytes(), [b'q' | b'h', b'1'..=b'4']) {
                    Reason::Date
                } else if self.word(i).starts_with('v') {
                    Reason::Version
                } else {
                    Reason::Identifier
                };
                let not = NotCounted {
                    reason,
                    start: t.start,
                    end: t.end,
                };
                if worst.is_none() {
                    worst = Some(reason);
                    why.first = Some(not);
                } else if why.first.is_none() {
                    why.first = Some(not);
                }
                if explain {
                    self.not_counted.push(not);
                }
            } else if t.kind == Kind::Ident && !self.target[i] {
                // `x2`: a multiplier.
                found = true;
                if !explain {
                    return Impact::Measurable;
                }
                self.measures.push((t.range(), MeasureKind::Multiplier));
            }
        }
        if self.structures(explain) {
            found = true;
            if !explain {
                return Impact::Measurable;
            }
        }
        if found {
            return Impact::Measurable;
        }
        why.topic = self.topic();
        match worst {
            Some(Reason::Target | Reason::Progress) => Impact::Target(why),
            Some(r) if !r.is_label() => Impact::ActivityCount(why),
            Some(_) => Impact::OnlyLabels(why),
            None => {
                // A target in words (`plan is to onboard all teams`) still reads as one.
                if self.target.iter().any(|&t| t) && self.structures_in_targets() {
                    why.first = None;
                    return Impact::Target(why);
                }
                Impact::Unmeasured(why)
            }
        }
    }

    /// The first topic whose words the entry uses.
    fn topic(&self) -> Option<u8> {
        let words: Vec<&str> = (0..self.t.len())
            .filter(|&i| self.is(i, TOPIC_WORD))
            .map(|i| self.word(i))
            .collect();
        if words.is_empty() {
            return None;
        }
        lexicon::TOPICS
            .iter()
            .position(|topic| topic.words.iter().any(|w| words.contains(w)))
            .and_then(|p| u8::try_from(p).ok())
    }

    /// Whether a structure would have counted but for a target word.
    fn structures_in_targets(&mut self) -> bool {
        let saved: Vec<bool> = self.target.clone();
        self.target.iter_mut().for_each(|t| *t = false);
        let before = self.measures.len();
        let any = self.structures(true);
        self.measures.truncate(before);
        self.target.copy_from_slice(&saved);
        any
    }

    fn push_measure(&mut self, explain: bool, first: usize, last: usize, kind: MeasureKind) {
        if explain {
            let r = self.range(first, last);
            self.measures.push((r, kind));
        }
    }

    /// Measures that are structures over the tokens, not single quantities. True if any.
    fn structures(&mut self, explain: bool) -> bool {
        let mut any = false;
        let n = self.t.len();
        for i in 0..n {
            if self.target[i] {
                continue;
            }
            let found = self.structure_at(i);
            if let Some((last, kind)) = found {
                any = true;
                if !explain {
                    return true;
                }
                self.push_measure(explain, i, last, kind);
            }
        }
        any
    }

    /// A structure that starts at token `i`: its last token and kind.
    fn structure_at(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let t = &self.t[i];
        if !t.is_word() {
            if matches!(self.symbol(i), "→" | "->" | "=>") {
                return self.arrow(i);
            }
            return None;
        }
        let w = self.word(i);
        // `doubled down on testing`: an idiom for trying harder, not a multiplier.
        if t.is(MULTIPLIER_WORD) && self.word(i + 1) != "down" {
            return Some((i, MeasureKind::Multiplier));
        }
        if t.is(FRACTION) {
            return self.fraction(i);
        }
        if t.is(VANISH) {
            return Some((i, MeasureKind::Zero));
        }
        match w {
            "order" | "orders" if self.word(i + 1) == "of" && self.word(i + 2) == "magnitude" => {
                return Some((i + 2, MeasureKind::Multiplier));
            }
            "twice" | "thrice" if self.is(i + 1, COMPARATIVE) || self.word(i + 1) == "as" => {
                return Some((i + 1, MeasureKind::Multiplier));
            }
            "zero" => {
                let compound = self.symbol(i + 1) == "-" && self.is(i + 2, ZERO_COMPOUND);
                return (!compound).then_some((i, MeasureKind::Zero));
            }
            "none" => {
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                let zero = matches!(prev, "to" | "near" | "down")
                    || matches!(self.word(i + 1), "left" | "remaining");
                return zero.then_some((i, MeasureKind::Zero));
            }
            "no" | "without" => {
                if w == "no" && self.word(i + 1) == "longer" {
                    return self.no_longer(i);
                }
                if w == "no" && self.word(i + 1) == "one" {
                    return self.zero_since(i);
                }
                return self.no_incidents(i).or_else(|| self.zero_since(i));
            }
            "from" => return self.before_and_after(i),
            w if COMPARISON_WORDS.contains(w) => return self.versus(i),
            // `compared to last year`, not `compared 5 tools`.
            "compared" if matches!(self.word(i + 1), "to" | "with") => return self.versus(i),
            "up" | "down" if self.word(i + 1) == "from" => return self.versus(i),
            "used" if self.word(i + 1) == "to" => return self.used_to(i),
            "before" if i > 0 && self.ends_phrase(i - 1) => return self.now_then_before(i),
            "promoted" => {
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                let passive =
                    AUXILIARIES.contains(prev) || (i > 0 && self.is(i - 1, ROLE | AFFECTED));
                let to_role = self.word(i + 1) == "to"
                    && (self.is(i + 2, ROLE)
                        || self.t.get(i + 2).is_some_and(|n| n.kind == Kind::Ident));
                return (passive || to_role).then_some((i, MeasureKind::People));
            }
            // `she was made on-call lead`, `got named tech lead`.
            "made" | "named" | "appointed" if i > 0 && AUXILIARIES.contains(self.word(i - 1)) => {
                let end = (i + 5).min(n_tokens(self.t));
                return (i + 1..end)
                    .take_while(|&k| !self.ends_phrase(k))
                    .find(|&k| self.is(k, ROLE))
                    .map(|k| (k, MeasureKind::People));
            }
            // `saved each reviewer about an hour`, `saves us a day per release`: time saved,
            // spelled with an article.
            "save" | "saves" | "saved" | "saving" | "shaved" | "freed" => {
                let end = (i + 10).min(n_tokens(self.t));
                return (i + 1..end)
                    .take_while(|&k| !self.ends_phrase(k))
                    .find(|&k| {
                        matches!(self.word(k), "a" | "an")
                            && self.is(k + 1, TIME_UNIT)
                            && self.word(k + 1).len() > 1
                    })
                    .map(|k| (k + 1, MeasureKind::Time));
            }
            "hired" if i > 0 && AUXILIARIES.contains(self.word(i - 1)) => {
                return Some((i, MeasureKind::People));
            }
            "now" => {
                let mut k = i + 1;
                while self.is(k, ADVERB) || (self.word(k).ends_with("ly") && self.word(k).len() > 3)
                {
                    k += 1;
                }
                return self.is(k, LEAD_VERB).then_some((k, MeasureKind::People));
            }
            "went" if self.word(i + 1) == "on" && self.word(i + 2) == "to" => {
                return (self.is(i + 3, LEAD_VERB) || self.word(i + 3) == "be")
                    .then_some((i + 3, MeasureKind::People));
            }
            "into" => {
                let end = (i + 5).min(n_tokens(self.t));
                return (i + 1..end)
                    .take_while(|&k| !self.ends_phrase(k))
                    .find(|&k| POSITION_NOUNS.contains(self.word(k)))
                    .map(|k| (k, MeasureKind::People));
            }
            // `Mentored Priya until she led the Q3 launch on her own`: where the coached person
            // got to.
            "until" | "till" if matches!(self.word(i + 1), "she" | "he" | "they") => {
                let clause = (i + 2..(i + 14).min(self.t.len()))
                    .take_while(|&k| self.same_clause(i, k))
                    .collect::<Vec<_>>();
                let alone = clause.iter().any(|&k| {
                    matches!(self.word(k), "alone" | "solo" | "independently")
                        || (self.word(k) == "own"
                            && matches!(self.word(k - 1), "her" | "his" | "their"))
                });
                return (alone || self.is(i + 2, LEAD_VERB))
                    .then(|| (clause.last().copied().unwrap_or(i + 1), MeasureKind::People));
            }
            "every" | "all" | "both" => {
                // `now passes all WCAG AA checks`: a complete outcome.
                let passes = i > 0 && PASS_VERBS.contains(self.word(i - 1));
                if passes {
                    return Some((i, MeasureKind::Reach));
                }
                // `Held weekly 1:1s with all 8 reports`: everyone the author did their own work
                // with, not who an outcome reached.
                if i > 0 && self.word(i - 1) == "with" && self.in_activity_object(i) {
                    return None;
                }
                return self
                    .reach(i)
                    .or_else(|| self.all_of_them(i))
                    .or_else(|| self.recurring_burden(i, i + 1));
            }
            // `within a day`, `under a minute`: a time in words, bounded.
            "within" | "under"
                if matches!(self.word(i + 1), "a" | "an" | "one") && self.is(i + 2, TIME_UNIT) =>
            {
                return Some((i + 2, MeasureKind::Time));
            }
            _ => {}
        }
        if t.is(PEOPLE_OUTCOME) && !t.is(ACTIVITY_VERB) {
            return self.people_outcome(i);
        }
        if t.is(ZERO | NEGATION) {
            return self.zero_since(i);
        }
        if t.is(FREQUENCY) {
            return self.recurring_burden(i, i);
        }
        None
    }

    /// `all were committing to main`, `both now lead`, `all shipping to prod`: everyone the entry
    /// names, and what they now do.
    fn all_of_them(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        if self.word(k) == "of" && self.word(k + 1) == "them" {
            k += 2;
        }
        let next = self.word(k);
        // `Coached two engineers until both ran on-call alone`: where the people got to.
        if i > 0
            && matches!(self.word(i - 1), "until" | "till")
            && self.t.get(k).is_some_and(|t| t.is_word() && !t.is(STOP))
        {
            return Some((k, MeasureKind::People));
        }
        let does =
            matches!(
                next,
                "were" | "are" | "now" | "have" | "had" | "got" | "passed"
            ) || (next.ends_with("ing") && next.len() > 4 && i > 0 && self.ends_phrase(i - 1));
        does.then_some((k, MeasureKind::Reach))
    }

    /// A recurring time (`every Saturday`, `weekly`) in an entry that ends a burden earlier
    /// (`Removed the need for weekend deploys, which the team had done every Saturday`).
    fn recurring_burden(&self, i: usize, when: usize) -> Option<(usize, MeasureKind)> {
        let recurring = self.is(when, FREQUENCY)
            || (when > i && self.is(when, WEEKDAY | TIME_UNIT) && self.word(when).len() > 1);
        // A removal verb as a verb: not the noun of `end to end`, `the end of`.
        let removal = |k: usize| {
            self.is(k, REMOVAL_VERB)
                && !(k > 0 && self.is(k - 1, DETERMINER))
                && !(self.word(k + 1) == "to" && self.word(k + 2) == self.word(k))
                && !(k >= 2 && self.word(k - 1) == "to" && self.word(k - 2) == self.word(k))
                && self.word(k + 1) != "of"
        };
        (recurring && (0..i).any(removal)).then_some((when, MeasureKind::Zero))
    }

    /// `by half`, `in half`, `reduced almost half`, `by a third`, `two thirds`.
    fn fraction(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i;
        let w = self.word(i);
        if w != "half" {
            // `a third`, `two thirds`, `three quarters`.
            if k == 0 || !(self.word(k - 1) == "a" || self.is(k - 1, lexicon::NUMBER_WORD)) {
                return None;
            }
            k -= 1;
            // `a third fewer support contacts`, `two thirds less`: a fraction of a change.
            if self.is(i + 1, COMPARATIVE) {
                return Some((i + 1, MeasureKind::Fraction));
            }
        } else if self.word(i + 1) == "as" {
            return Some((i + 1, MeasureKind::Fraction));
        }
        // What comes before, past approximations: a change.
        while k > 0 && (self.is(k - 1, APPROX) || self.word(k - 1) == "the") {
            k -= 1;
        }
        // `a third of support volume is now handled by…`, `now a quarter of what it was`: a
        // share of something, as a percentage is; not a part of a period (`the first half of
        // 2026`, `a quarter of the year`).
        if self.word(i + 1) == "of" {
            let ordinal_before = k > 0
                && matches!(
                    self.word(k - 1),
                    "first" | "second" | "last" | "next" | "this"
                );
            let of_period = self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Number)
                || (self.is(i + 2, DETERMINER) && self.is(i + 3, TIME_UNIT))
                || self.is(i + 2, TIME_UNIT);
            if !ordinal_before && !of_period {
                return Some((i, MeasureKind::Fraction));
            }
        }
        if k == 0 {
            return None;
        }
        let before = k - 1;
        let changes = matches!(self.word(before), "by" | "in" | "to" | "than")
            || (self.is(before, OUTCOME_VERB) && !self.is(before, STOP));
        changes.then_some((i, MeasureKind::Fraction))
    }

    /// `no missed runs`, `without a single escalation`, `No Sev1s`.
    fn no_incidents(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        let mut words = 0;
        while k < self.t.len() && words < 4 {
            if self.ends_phrase(k) {
                return None;
            }
            let t = &self.t[k];
            if t.is(INCIDENT) {
                return Some((k, MeasureKind::Zero));
            }
            if t.is_word() {
                let skip = matches!(self.word(k), "a" | "single" | "any" | "more" | "further");
                if t.is(STOP) && !skip {
                    return None;
                }
                words += 1;
            }
            k += 1;
        }
        None
    }

    /// `nobody has been paged … since`, `hasn't failed once`, `no one has had to … since`,
    /// `never again`: a zero word or a negation closed in time later in its clause.
    fn zero_since(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let end = self.t.len();
        let closes = |k: usize| {
            self.is(k, SINCE) && !(self.word(k) == "once" && self.is_rate_or_quantity_after(k))
        };
        (i + 1..end)
            .take_while(|&k| self.same_clause(i, k))
            .find(|&k| closes(k))
            // `Since the limiter shipped, nobody has been woken up`: the time clause first.
            .or_else(|| {
                (0..i)
                    .rev()
                    .take_while(|&k| self.same_clause(i, k))
                    .find(|&k| self.word(k) == "since" && (k == 0 || self.ends_clause(k - 1)))
            })
            .map(|k| (k.max(i), MeasureKind::Zero))
    }

    /// `no longer spikes past a second`, `no longer takes 3 days`: what used to happen, with how
    /// much, has stopped (a before→after); `no longer needs manual steps` says no amount.
    fn no_longer(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let clause = (i + 2..(i + 14).min(self.t.len())).take_while(|&k| self.same_clause(i, k));
        let spelled_time =
            |k: usize| matches!(self.word(k), "a" | "an") && self.is(k + 1, TIME_UNIT);
        let end = clause.clone().last()?;
        (self.side_has_quantity(i + 2..end + 1) || clause.clone().any(spelled_time))
            .then_some((end, MeasureKind::BeforeAfter))
    }

    /// `once a week`: a frequency, not a closing `once`.
    fn is_rate_or_quantity_after(&self, k: usize) -> bool {
        matches!(self.word(k + 1), "a" | "an" | "per" | "every" | "in")
    }

    /// `got a raise`, `return offers`, `received an offer`, `got a promotion`.
    fn people_outcome(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let w = self.word(i);
        if w.starts_with("promotion") && PROCESS_NOUNS.contains(self.word(i + 1)) {
            return None;
        }
        if i > 0 && self.word(i - 1) == "return" {
            return Some((i, MeasureKind::People));
        }
        // Within three words before it, past quotes and other symbols (`got an "exceeds"
        // rating`).
        let got = (i.saturating_sub(8)..i)
            .rev()
            .filter(|&k| self.t[k].is_word())
            .take(3)
            .any(|k| RECEIPT_VERBS.contains(self.word(k)));
        got.then_some((i, MeasureKind::People))
    }

    /// `every product team`, `all of our engineers`, `all 7 teams`.
    fn reach(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        if self.word(k) == "of" {
            k += 1;
        }
        if self.is(k, DETERMINER) {
            k += 1;
        }
        let end = (k + 3).min(self.t.len());
        // `all` takes a plural: a singular after it names what the noun is for (`all service
        // credentials` reaches credentials, not services).
        (k..end)
            .take_while(|&j| self.t[j].is_word() || self.t[j].kind == Kind::Number)
            .find(|&j| {
                self.is(j, AFFECTED)
                    && !self.is(j, TIME_UNIT)
                    && !(self.word(i) == "all"
                        && !self.word(j).ends_with('s')
                        && self
                            .t
                            .get(j + 1)
                            .is_some_and(|t| t.is_word() && !t.is(STOP)))
            })
            .map(|j| (j, MeasureKind::Reach))
    }

    /// Whether tokens `range` hold something a before→after side is made of: a quantity that
    /// counts (not a label), a frequency, a unit of time, a zero word or `every`/`most`.
    fn side_has_quantity(&self, range: Range<usize>) -> bool {
        range.clone().any(|k| {
            let t = &self.t[k];
            if t.kind == Kind::Number {
                return !self.qs.iter().enumerate().any(|(index, q)| {
                    q.number == k && (self.zero_to_one(index) || self.is_label_quantity(q))
                });
            }
            t.is(FREQUENCY | TIME_UNIT | ZERO | lexicon::NUMBER_WORD | MANY)
                && !(t.is(TIME_UNIT) && self.word(k).len() == 1)
                || (t.is_word() && FEW_WORDS.contains(self.word(k)))
                || (t.is(FRACTION) && self.word(k) == "half")
                || matches!(self.word(k), "every" | "most" | "all" | "none" | "zero")
        })
    }

    /// Whether tokens `range` hold a clock time (`9am`, `10:30`) and whether they hold a time of
    /// day in words (`lunchtime`): a before→after of when something happens.
    fn side_has_time_of_day(&self, range: Range<usize>) -> (bool, bool) {
        let clock = self
            .qs
            .iter()
            .any(|q| q.unit == Unit::Clock && range.contains(&q.number));
        let words = range
            .clone()
            .any(|k| self.t[k].is_word() && DAY_TIMES.contains(self.word(k)));
        (clock, words)
    }

    /// A before→after of times of day: a clock time on one side, a clock time or a time of day
    /// in words on the other (`used to land at 9am; now done by 3am`).
    fn times_of_day_both_sides(&self, left: Range<usize>, right: Range<usize>) -> bool {
        let (lc, lw) = self.side_has_time_of_day(left);
        let (rc, rw) = self.side_has_time_of_day(right);
        match (lc, rc) {
            (true, _) => rc || rw,
            (false, true) => lw,
            (false, false) => false,
        }
    }

    fn is_label_quantity(&self, q: &Quantity) -> bool {
        // Structures read after every quantity is classified: look the reason up.
        if self.classes.len() == self.qs.len()
            && let Ok(index) = self.qs.binary_search_by_key(&q.number, |x| x.number)
        {
            return self.classes[index].is_some_and(Reason::is_label);
        }
        let index = self
            .qs
            .iter()
            .position(|x| x.number == q.number)
            .unwrap_or(0);
        let mut classes = Vec::with_capacity(index);
        for k in 0..index {
            classes.push(match self.classify(k, &classes) {
                Class::Not(r) => Some(r),
                _ => None,
            });
        }
        matches!(self.classify(index, &classes), Class::Not(r) if r.is_label())
    }

    /// The end of the side of a comparison that starts at `start`: up to `max` tokens, within
    /// the phrase.
    fn side_after(&self, start: usize, max: usize) -> Range<usize> {
        let mut end = start;
        while end < self.t.len() && end < start + max && !self.ends_phrase(end) {
            end += 1;
        }
        start..end
    }

    fn side_before(&self, end: usize, max: usize) -> Range<usize> {
        let mut start = end;
        while start > 0 && start + max > end && !self.ends_phrase(start - 1) {
            start -= 1;
        }
        start..end
    }

    /// `from X to Y`, `from X into Y`, with a quantity on both sides; or a role change.
    fn before_and_after(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let limit = (i + 20).min(self.t.len());
        // The `to` that ends the before side: the first one that makes a before→after of
        // quantities (`from a ticket to us and a two-day wait to a command that finishes in an
        // hour` compares the wait, not the ticket); else the first one.
        let mut tos = (i + 1..limit)
            .take_while(|&k| self.same_clause(i, k))
            .filter(|&k| matches!(self.word(k), "to" | "into"));
        let first_to = tos.next()?;
        if let Some(found) = std::iter::once(first_to)
            .chain(tos)
            .find_map(|to| self.quantities_both_sides(i, to))
        {
            return Some(found);
        }
        self.before_and_after_in_words(i, first_to)
    }

    /// `from X to Y` at `from` = `i` and `to`, with a quantity on both sides or against a calm
    /// state.
    fn quantities_both_sides(&self, i: usize, to: usize) -> Option<(usize, MeasureKind)> {
        let left = i + 1..to;
        let right = self.side_after(to + 1, 12);
        if right.is_empty() {
            return None;
        }
        let (left_has, right_has) = (
            self.side_has_quantity(left.clone()),
            self.side_has_quantity(right.clone()),
        );
        if (left_has && right_has) || self.times_of_day_both_sides(left.clone(), right.clone()) {
            return Some((right.end - 1, MeasureKind::BeforeAfter));
        }
        // `from paging weekly to quiet since June`: a quantity against a calm state.
        let calm = |side: &Range<usize>| side.clone().any(|k| self.is(k, CALM_STATE | SINCE));
        ((left_has && calm(&right)) || (right_has && calm(&left)))
            .then_some((right.end - 1, MeasureKind::BeforeAfter))
    }

    /// `from X to Y` with no quantity: a role change (`went from support to frontend lead`), or
    /// a change of how something is done that the entry reports as a result (`their rollbacks
    /// went from a full redeploy to flipping a toggle`).
    fn before_and_after_in_words(&self, i: usize, to: usize) -> Option<(usize, MeasureKind)> {
        let left = i + 1..to;
        let right = self.side_after(to + 1, 9);
        if right.is_empty() || left.is_empty() {
            return None;
        }
        if let Some(found) = self.change_of_practice(i, &left, &right) {
            return Some(found);
        }
        let right = self.side_after(to + 1, 9);
        if right.is_empty() {
            return None;
        }
        // A role change: `went from support to frontend lead`.
        let role_end = right
            .clone()
            .take_while(|&k| self.t[k].is_word() && !self.is(k, STOP) || k == right.start);
        let role = role_end.last().filter(|&k| self.is(k, ROLE))?;
        (!left.is_empty() && left.clone().all(|k| self.t[k].kind != Kind::Number))
            .then_some((role, MeasureKind::People))
    }

    /// `their rollbacks went from a full redeploy to flipping a toggle`, `we went from dreading
    /// releases to shipping on Fridays`: after a verb of changing state (not of moving a system,
    /// `migrated from Jenkins to …`), two ways of doing something, each a phrase of plain words
    /// (an article or an -ing form first, no names): how the work changed what others do.
    fn change_of_practice(
        &self,
        i: usize,
        left: &Range<usize>,
        right: &Range<usize>,
    ) -> Option<(usize, MeasureKind)> {
        if i == 0 || !self.is(i - 1, STATE_CHANGE) {
            return None;
        }
        let practice = |side: &Range<usize>| {
            let opens = self.is(side.start, DETERMINER)
                || (self.word(side.start).ends_with("ing") && self.word(side.start).len() > 4);
            // Days and months are capitalised without being names (`shipping on Fridays`).
            opens
                && side.clone().all(|k| {
                    self.t[k].is_word() && (!self.is_capitalised(k) || self.is(k, WEEKDAY | MONTH))
                })
        };
        (practice(left) && practice(right)).then_some((right.end - 1, MeasureKind::BeforeAfter))
    }

    /// `X → Y` with quantities on both sides (not versions).
    fn arrow(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let left = self.side_before(i, 4);
        let right = self.side_after(i + 1, 4);
        let both = self.side_has_quantity(left.clone()) && self.side_has_quantity(right.clone());
        (both || self.times_of_day_both_sides(left, right.clone()))
            .then(|| (right.end.max(i + 1) - 1, MeasureKind::BeforeAfter))
    }

    /// `X instead of Y`, `rather than`, `vs`, `up from`, `down from`: a quantity on either side.
    fn versus(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let skip = match self.word(i) {
            "instead" | "rather" | "compared" | "up" | "down" => 2,
            _ => 1,
        };
        let left = self.side_before(i, 8);
        let right = self.side_after(i + skip, 8);
        if right.is_empty() {
            return None;
        }
        // The compared thing ends at a preposition: `gRPC instead of REST for the APIs after a
        // two-week evaluation` compares gRPC and REST.
        let right_end = right
            .clone()
            .skip(1)
            .find(|&k| self.is(k, STOP) && !self.is(k, DETERMINER | APPROX))
            .unwrap_or(right.end);
        let right = right.start..right_end;
        (self.side_has_quantity(left.clone())
            || self.side_has_quantity(right.clone())
            || self.times_of_day_both_sides(left, right.clone()))
        .then(|| (right.end - 1, MeasureKind::BeforeAfter))
    }

    /// `now takes one command; before it was a half-day of manual steps`: the state after, then
    /// the one before, in a clause that `before` opens, which says how much it took.
    fn now_then_before(&self, i: usize) -> Option<(usize, MeasureKind)> {
        if !matches!(self.word(i + 1), "it" | "this" | "that" | "they") {
            return None;
        }
        if !(i.saturating_sub(24)..i).any(|k| self.word(k) == "now") {
            return None;
        }
        let before = self.side_after(i + 1, 12);
        self.side_has_quantity(before.clone())
            .then(|| (before.end.max(i + 1) - 1, MeasureKind::BeforeAfter))
    }

    /// `used to take a full day …; now it's one button`.
    fn used_to(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let now = (i + 2..self.t.len()).find(|&k| self.word(k) == "now")?;
        let before = self.side_after(i + 2, 10);
        let after = self.side_after(now + 1, 8);
        (self.side_has_quantity(before.clone())
            || self.side_has_quantity(after.clone())
            || self.times_of_day_both_sides(before, self.side_after(now + 1, 12)))
        .then(|| (after.end.max(now + 1) - 1, MeasureKind::BeforeAfter))
    }
}

fn governed_by_any(reader: &Reader<'_>, governor: Option<usize>, lists: u64) -> bool {
    governor.is_some_and(|g| reader.is(g, lists))
}

fn n_tokens(tokens: &Tokens) -> usize {
    tokens.len()
}

/// `2026.10`: a release named by year and month (calendar versioning), not a decimal.
fn is_calendar_version(number: &str) -> bool {
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

#[cfg(test)]
mod tests;
