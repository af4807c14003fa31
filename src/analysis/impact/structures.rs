//! Measures that are structures over the tokens rather than single quantities: before→after
//! (in numbers or words), fractions and multipliers, zero outcomes, people outcomes, reach.

use super::*;

thread_local! {
    /// Whether [`Reader::is_label_quantity`] is classifying earlier quantities on this thread.
    static RECLASSIFYING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The words [`Reader::structure_at`] matches by their spelling (the arms of its `match`), for
/// the filter that skips tokens no structure can start at ([`Reader::may_open_structure`]).
/// A word that opens a structure and is neither here, in [`COMPARISON_WORDS`] nor in one of
/// [`OPENER_LISTS`] would be skipped: debug builds (the tests) check every skipped token.
pub(super) const STRUCTURE_OPENERS: &[&str] = &[
    "order",
    "orders",
    "twice",
    "thrice",
    "zero",
    "none",
    "no",
    "without",
    "from",
    "compared",
    "up",
    "down",
    "used",
    "before",
    "promoted",
    "accepted",
    "made",
    "named",
    "appointed",
    "save",
    "saves",
    "saved",
    "saving",
    "shaved",
    "freed",
    "hired",
    "now",
    "went",
    "into",
    "until",
    "till",
    "every",
    "all",
    "both",
    "within",
    "under",
    "previously",
    "formerly",
    "she",
    "he",
    "they",
    "entirely",
    "completely",
    "altogether",
    "stopped",
    "stops",
    "gone",
    "herself",
    "himself",
    "themselves",
    "own",
];

/// The lists whose words [`Reader::structure_at`] reads as a structure's first word.
pub(super) const OPENER_LISTS: u64 =
    MULTIPLIER_WORD | FRACTION | VANISH | PEOPLE_OUTCOME | ZERO | NEGATION | FREQUENCY;

impl Reader<'_> {
    /// Measures that are structures over the tokens, not single quantities. True if any.
    pub(super) fn structures(&mut self, explain: bool) -> bool {
        let mut any = false;
        let n = self.t.len();
        for i in 0..n {
            if self.targeted(i) {
                continue;
            }
            if !self.may_open_structure(i) {
                debug_assert!(
                    self.structure_at(i).is_none(),
                    "a structure opens at token {i} ({:?}) that the opener filter skips: add its \
                     word to STRUCTURE_OPENERS or its list to OPENER_LISTS",
                    self.word(i)
                );
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
    pub(super) fn structure_at(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let t = &self.t[i];
        if !t.is_word() {
            if matches!(self.symbol(i), "→" | "->" | "=>") {
                return self.arrow(i);
            }
            return None;
        }
        let w = self.word(i);
        if let Some(found) = self.multiple_of_a_quantity(i) {
            return Some(found);
        }
        if matches!(w, "no" | "not")
            && let Some(found) = self.nobody_affected(i)
        {
            return Some(found);
        }
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
                // `— none since it shipped`, `there have been none since`: closed in time as
                // `nobody … since` is (not `none of the context since I joined`).
                let since = || {
                    (self.word(i + 1) != "of")
                        .then(|| self.zero_since(i))
                        .flatten()
                };
                return zero
                    .then_some((i, MeasureKind::Zero))
                    .or_else(|| self.none_after_a_count(i))
                    .or_else(since);
            }
            "no" | "without" => {
                if w == "no" && self.word(i + 1) == "longer" {
                    return self.no_longer(i);
                }
                if w == "no" && self.word(i + 1) == "one" {
                    return self.zero_since(i);
                }
                return self
                    .no_incidents(i)
                    .or_else(|| self.zero_since(i))
                    .or_else(|| self.zero_in_a_period(i));
            }
            "from" => return self.before_and_after(i),
            w if COMPARISON_WORDS.contains(w) => return self.versus(i),
            // `compared to last year`, not `compared 5 tools`.
            "compared" if matches!(self.word(i + 1), "to" | "with") => return self.versus(i),
            "up" | "down" if self.word(i + 1) == "from" => return self.versus(i),
            "used" if self.word(i + 1) == "to" => {
                return self
                    .used_to(i)
                    .or_else(|| self.now_then_used_to(i))
                    .or_else(|| self.no_longer_then_used_to(i));
            }
            "before" if i > 0 && self.ends_phrase(i - 1) => {
                return self
                    .now_then_before(i)
                    .or_else(|| self.before_and_now_either_way(i));
            }
            "before" if i == 0 => return self.before_and_now_either_way(i),
            // `Previously, finance waited a week …; now …`.
            "previously" | "formerly" if i == 0 || self.ends_phrase(i - 1) => {
                return self.before_and_now_either_way(i);
            }
            "promoted" => {
                let prev = if i > 0 { self.word(i - 1) } else { "" };
                let passive =
                    AUXILIARIES.contains(prev) || (i > 0 && self.is(i - 1, ROLE | AFFECTED));
                let to_role = self.word(i + 1) == "to"
                    && (self.is(i + 2, ROLE)
                        || self.t.get(i + 2).is_some_and(|n| n.kind == Kind::Ident)
                        || self.role_within(i + 2, 3));
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
            "accepted" => return self.offers_accepted(i),
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
                if let Some(found) = self.many_into_one(i) {
                    return Some(found);
                }
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
                if self.own_work_covers_all(i) {
                    return None;
                }
                // `Implemented the PKCE flow for both mobile apps`: what the author's own work
                // was for, in the object of their activity verb, is its extent.
                if i > 0
                    && self.word(i - 1) == "for"
                    && self.in_activity_object(i - 1)
                    && !self.clause_has_before(i, OUTCOME_VERB)
                {
                    return None;
                }
                return self
                    .reach(i)
                    .or_else(|| self.all_adopted(i))
                    .or_else(|| self.all_of_them(i))
                    .or_else(|| self.recurring_burden(i, i + 1));
            }
            // `reruns stopped producing duplicate rows`, `reps stopped getting duplicate leads`:
            // what used to happen has stopped. Not the author's own `Stopped working on …`
            // (no subject) or `I stopped …`.
            "stopped" | "stops" => {
                let subject = i > 0
                    && !matches!(self.word(i - 1), "i" | "finally" | "also" | "and")
                    && !self.ends_phrase(i - 1);
                let next = self.word(i + 1);
                let gerund = next.len() > 4 && next.ends_with("ing");
                return (subject && gerund).then_some((i + 1, MeasureKind::Zero));
            }
            // `the error spikes after every release are gone`: a burden that went away (not
            // `have gone through the backlog`, `gone live`).
            "gone"
                if i > 0 && matches!(self.word(i - 1), "are" | "is" | "was" | "were" | "now") =>
            {
                let moves = matches!(
                    self.word(i + 1),
                    "through"
                        | "over"
                        | "to"
                        | "into"
                        | "from"
                        | "with"
                        | "on"
                        | "up"
                        | "down"
                        | "out"
                        | "live"
                        | "back"
                        | "by"
                );
                return (!moves).then_some((i, MeasureKind::Zero));
            }
            // `Ana now covers the refund on-call by herself`, `… leading the reviews on her
            // own`: someone the author brought along now does the work without them (the
            // author's own `by myself` is how they worked, not an outcome).
            "herself" | "himself" | "themselves" if i > 0 && self.word(i - 1) == "by" => {
                return Some((i, MeasureKind::People));
            }
            "own"
                if i >= 2
                    && matches!(self.word(i - 1), "her" | "his" | "their")
                    && self.word(i - 2) == "on" =>
            {
                return Some((i, MeasureKind::People));
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
            return self
                .people_outcome(i)
                .or_else(|| self.outcome_with_a_change(i));
        }
        if matches!(w, "she" | "he" | "they") {
            return self.person_in_a_new_role(i);
        }
        if matches!(w, "entirely" | "completely" | "altogether") {
            return self.removed_entirely(i);
        }
        if t.is(ZERO | NEGATION) {
            let in_a_period = || t.is(ZERO).then(|| self.zero_in_a_period(i)).flatten();
            return self.zero_since(i).or_else(in_a_period);
        }
        if t.is(FREQUENCY) {
            return self.recurring_burden(i, i);
        }
        None
    }

    /// `all were committing to main`, `both now lead`, `all shipping to prod`: everyone the entry
    /// names, and what they now do.
    pub(super) fn all_of_them(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        if self.word(k) == "of" && self.word(k + 1) == "them" {
            k += 2;
        }
        // `all three had code in prod`, `all 4 were shipping`: everyone, counted.
        if self.is(k, lexicon::NUMBER_WORD) || self.t.get(k).is_some_and(|t| t.kind == Kind::Number)
        {
            k += 1;
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
    pub(super) fn recurring_burden(&self, i: usize, when: usize) -> Option<(usize, MeasureKind)> {
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
    pub(super) fn fraction(&self, i: usize) -> Option<(usize, MeasureKind)> {
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
        // `a quarter of my time`: a share of the author's own time.
        if self.word(i + 1) == "of"
            && matches!(self.word(i + 2), "my" | "our")
            && self.word(i + 3) == "time"
        {
            return None;
        }
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
            || (self.is(before, OUTCOME_VERB) && !self.is(before, STOP))
            || self.fraction_off_or_down(before, i);
        changes.then_some((i, MeasureKind::Fraction))
    }

    /// `merged three on-call rotations into one`, `folded 4 dashboards into a single one`: a
    /// count of things before `into` at `i` and one after it, in the clause: the many became
    /// one (a before→after). Not `split the monolith into 4 services`, which counts upward.
    pub(super) fn many_into_one(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let one = match (self.word(i + 1), self.word(i + 2)) {
            ("one" | "1", _) => i + 1,
            ("a", "single") => i + 2,
            _ => return None,
        };
        let before = self.qs.partition_point(|q| q.last < i);
        let many = self.qs[..before].last()?;
        let more_than_one = if many.spelled {
            !matches!(self.word(many.number), "one" | "a" | "an" | "single")
        } else {
            quantities::number_value(self.text, self.t, many.number).is_some_and(|v| v > 1.0)
        };
        (more_than_one && self.same_clause(many.first, i) && i - many.last <= 6)
            .then_some((one, MeasureKind::BeforeAfter))
    }

    /// `no missed runs`, `without a single escalation`, `No Sev1s`.
    pub(super) fn no_incidents(&self, i: usize) -> Option<(usize, MeasureKind)> {
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
                // `without a single customer-facing error`: the article, `single` and a word
                // joined by a hyphen to the next leave the window for the noun.
                let joined = self.symbol(k + 1) == "-" && self.t[k + 1].glued;
                if !skip && !joined {
                    words += 1;
                }
            }
            k += 1;
        }
        None
    }

    /// `nobody has been paged … since`, `hasn't failed once`, `no one has had to … since`,
    /// `never again`: a zero word or a negation closed in time later in its clause.
    pub(super) fn zero_since(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let end = self.t.len();
        // `any more` in two words closes as `anymore` does, at the end of its clause (`nobody
        // restarts it by hand any more`, not `didn't get any more headcount`).
        let closes = |k: usize| {
            (self.is(k, SINCE) && !(self.word(k) == "once" && self.is_rate_or_quantity_after(k)))
                || (self.word(k) == "more"
                    && k > 0
                    && self.word(k - 1) == "any"
                    && (k + 1 >= end || !self.same_clause(k, k + 1) || !self.t[k + 1].is_word()))
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

    /// `no app release broke because of an API change this year`, `nobody was paged all
    /// quarter`: a zero word closed by a whole period later in its clause, as `since` closes
    /// one. Not for negations (`didn't get to the migration this quarter` is work not done).
    pub(super) fn zero_in_a_period(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let period = |k: usize| {
            matches!(
                self.word(k),
                "year" | "quarter" | "half" | "month" | "sprint" | "cycle" | "season"
            )
        };
        (i + 1..self.t.len())
            .take_while(|&k| self.same_clause(i, k))
            // Not a point in time (`I had never used TypeScript before this year`).
            .find(|&k| {
                matches!(self.word(k), "this" | "all" | "last" | "whole")
                    && (period(k + 1) || (self.word(k + 1) == "of" && period(k + 3)))
                    && !matches!(self.word(k - 1), "before" | "until" | "till" | "by" | "to")
            })
            // Something happened none of those times: `no release broke`, `nobody was paged`
            // (not `No new features this quarter`).
            .filter(|&k| {
                (i + 1..k).any(|j| {
                    let w = self.word(j);
                    (w.len() > 3 && w.ends_with("ed"))
                        || matches!(w, "broke" | "went" | "fell" | "was" | "were" | "had")
                })
            })
            .map(|k| (k + 1, MeasureKind::Zero))
    }

    /// `no longer spikes past a second`, `no longer takes 3 days`: what used to happen, with how
    /// much, has stopped (a before→after); `no longer needs manual steps` says no amount.
    pub(super) fn no_longer(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let clause = (i + 2..(i + 14).min(self.t.len())).take_while(|&k| self.same_clause(i, k));
        let spelled_time =
            |k: usize| matches!(self.word(k), "a" | "an") && self.is(k + 1, TIME_UNIT);
        let end = clause.clone().last()?;
        (self.side_has_quantity(i + 2..end + 1) || clause.clone().any(spelled_time))
            .then_some((end, MeasureKind::BeforeAfter))
    }

    /// `once a week`: a frequency, not a closing `once`.
    pub(super) fn is_rate_or_quantity_after(&self, k: usize) -> bool {
        matches!(self.word(k + 1), "a" | "an" | "per" | "every" | "in")
    }

    /// `got a raise`, `return offers`, `received an offer`, `got a promotion`.
    pub(super) fn people_outcome(&self, i: usize) -> Option<(usize, MeasureKind)> {
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

    /// `every candidate accepted`, `both accepted our offers`, `5 of 6 offers were accepted`:
    /// people who took the author's offer, in an entry about hiring (a word of
    /// `people-outcome-nouns.txt` or a candidate in it). Not `my talk was accepted` or `38 PRs
    /// accepted`, and not what the author accepted.
    pub(super) fn offers_accepted(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i.checked_sub(1)?;
        let passive = AUXILIARIES.contains(self.word(k));
        if passive {
            k = k.checked_sub(1)?;
        }
        let is_candidate = |j: usize| matches!(self.word(j), "candidate" | "candidates");
        let subject = self.word(k);
        let people = is_candidate(k)
            || self.is(k, PEOPLE_OUTCOME)
            || (!passive
                && (matches!(subject, "both" | "all" | "everyone" | "everybody" | "each")
                    || (subject == "them" && k > 0 && self.word(k - 1) == "of")
                    || self.t[k].kind == Kind::Number
                    || self.is(k, lexicon::NUMBER_WORD)));
        if !people {
            return None;
        }
        // Nothing after it but the offer itself or the end of the phrase.
        let mut next = i + 1;
        if matches!(self.word(next), "our" | "the" | "their" | "my" | "an") {
            next += 1;
        }
        let bare = next >= self.t.len()
            || self.ends_phrase(next)
            || self.is(next, PEOPLE_OUTCOME)
            || matches!(self.word(next), "and" | "within");
        // The tokens' union of lists answers for people-outcome words without a scan.
        let about_hiring =
            self.t.union() & PEOPLE_OUTCOME != 0 || (0..self.t.len()).any(is_candidate);
        (bare && about_hiring).then_some((i, MeasureKind::People))
    }

    /// `every product team`, `all of our engineers`, `all 7 teams`.
    pub(super) fn reach(&self, i: usize) -> Option<(usize, MeasureKind)> {
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
    pub(super) fn side_has_quantity(&self, range: Range<usize>) -> bool {
        range.clone().any(|k| {
            let t = &self.t[k];
            if t.kind == Kind::Number {
                // Every number of a quantity (`02:00`, `3–5`) is judged by its quantity.
                // The quantities are in order and do not overlap: the one holding `k` is the
                // last that starts at or before it.
                let index = self.qs.partition_point(|q| q.first <= k);
                return !index.checked_sub(1).is_some_and(|index| {
                    let q = &self.qs[index];
                    k <= q.last && (self.zero_to_one(index) || self.is_label_quantity(q))
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
    pub(super) fn side_has_time_of_day(&self, range: Range<usize>) -> (bool, bool) {
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
    pub(super) fn times_of_day_both_sides(&self, left: Range<usize>, right: Range<usize>) -> bool {
        let (lc, lw) = self.side_has_time_of_day(left);
        let (rc, rw) = self.side_has_time_of_day(right);
        match (lc, rc) {
            (true, _) => rc || rw,
            (false, true) => lw,
            (false, false) => false,
        }
    }

    pub(super) fn is_label_quantity(&self, q: &Quantity) -> bool {
        // Structures read after every quantity is classified: look the reason up.
        if self.classes.len() == self.qs.len()
            && let Ok(index) = self.qs.binary_search_by_key(&q.number, |x| x.number)
        {
            return self.classes[index].is_some_and(Reason::is_label);
        }
        // Classifying the quantities before this one can ask about this one again (`Migrated
        // the remaining 312 DAGs from 1.10 to 2.7`: the count asks whether its sides hold
        // versions); the inner question then answers "not a label", and the outer one is
        // answered with the classes that gives.
        let index = self
            .qs
            .binary_search_by_key(&q.number, |x| x.number)
            .unwrap_or(0);
        // While the quantities are being classified in order, the ones before the current one
        // have their classes already.
        if index < self.classes.len() {
            return self.classes[index].is_some_and(Reason::is_label);
        }
        if RECLASSIFYING.with(|r| r.replace(true)) {
            return false;
        }
        // Only the quantities from the current one up to this one are classified again, so an
        // entry of thousands of quantities stays linear (a side is a few tokens long).
        let mut classes = Vec::with_capacity(index);
        classes.extend_from_slice(self.classes);
        for k in classes.len()..index {
            classes.push(match self.classify(k, &classes) {
                Class::Not(r) => Some(r),
                _ => None,
            });
        }
        let label = matches!(self.classify(index, &classes), Class::Not(r) if r.is_label());
        RECLASSIFYING.with(|r| r.set(false));
        label
    }

    /// The end of the side of a comparison that starts at `start`: up to `max` tokens, within
    /// the phrase.
    pub(super) fn side_after(&self, start: usize, max: usize) -> Range<usize> {
        let mut end = start;
        while end < self.t.len() && end < start + max && !self.ends_side(end) {
            end += 1;
        }
        start..end
    }

    pub(super) fn side_before(&self, end: usize, max: usize) -> Range<usize> {
        let mut start = end;
        while start > 0 && start + max > end && !self.ends_side(start - 1) {
            start -= 1;
        }
        start..end
    }

    /// Whether token `k` ends a side of a comparison: it ends a phrase and is not the `:` inside
    /// a clock time (`01:10 instead of 05:30` compares the whole times, not their minutes).
    fn ends_side(&self, k: usize) -> bool {
        if !self.ends_phrase(k) {
            return false;
        }
        let next = self.qs.partition_point(|q| q.last < k);
        !self
            .qs
            .get(next)
            .is_some_and(|q| q.unit == Unit::Clock && q.first < k && k < q.last)
    }

    /// `from X to Y`, `from X into Y`, with a quantity on both sides; or a role change.
    pub(super) fn before_and_after(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let limit = (i + 20).min(self.t.len());
        // The `to` that ends the before side: the first one that makes a before→after of
        // quantities (`from a ticket to us and a two-day wait to a command that finishes in an
        // hour` compares the wait, not the ticket); else the first one.
        let mut tos = (i + 1..limit)
            .take_while(|&k| self.same_clause(i, k))
            // `from a manual checklist → one command`: an arrow in place of the `to`.
            .filter(|&k| {
                matches!(self.word(k), "to" | "into") || matches!(self.symbol(k), "→" | "->")
            });
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
    pub(super) fn quantities_both_sides(
        &self,
        i: usize,
        to: usize,
    ) -> Option<(usize, MeasureKind)> {
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
    pub(super) fn before_and_after_in_words(
        &self,
        i: usize,
        to: usize,
    ) -> Option<(usize, MeasureKind)> {
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
    pub(super) fn change_of_practice(
        &self,
        i: usize,
        left: &Range<usize>,
        right: &Range<usize>,
    ) -> Option<(usize, MeasureKind)> {
        if i == 0 || !self.is(i - 1, STATE_CHANGE) {
            return None;
        }
        let practice = |side: &Range<usize>| {
            // (`one command` is `a command`.)
            let opens = self.is(side.start, DETERMINER)
                || self.word(side.start) == "one"
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
    pub(super) fn arrow(&self, i: usize) -> Option<(usize, MeasureKind)> {
        // `(5% → 25% → 100%)`: arrows between the stages of a rollout compare nothing.
        let next = self.qs.partition_point(|q| q.first <= i);
        if self.qs.get(next).is_some_and(|q| q.first == i + 1)
            && self.qs[next].unit == Unit::Percent
            && self.rollout_stage(next)
        {
            return None;
        }
        let left = self.side_before(i, 4);
        let right = self.side_after(i + 1, 4);
        let both = self.side_has_quantity(left.clone()) && self.side_has_quantity(right.clone());
        (both || self.times_of_day_both_sides(left, right.clone()))
            .then(|| (right.end.max(i + 1) - 1, MeasureKind::BeforeAfter))
    }

    /// `X instead of Y`, `rather than`, `vs`, `up from`, `down from`: a quantity on either side.
    pub(super) fn versus(&self, i: usize) -> Option<(usize, MeasureKind)> {
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
    pub(super) fn now_then_before(&self, i: usize) -> Option<(usize, MeasureKind)> {
        if !matches!(self.word(i + 1), "it" | "this" | "that" | "they") {
            return None;
        }
        let before = self.side_after(i + 1, 12);
        if !self.side_has_quantity(before.clone()) {
            return None;
        }
        // `now` says the first side is the after; without it, a quantity there says so too
        // (`the last two failovers took under 10 min, before it they took over an hour`):
        // the phrase before the one `before` opens.
        let now = (i.saturating_sub(24)..i).any(|k| self.word(k) == "now");
        (now || self.side_has_quantity(self.side_before(i.saturating_sub(1), 12)))
            .then(|| (before.end.max(i + 1) - 1, MeasureKind::BeforeAfter))
    }

    /// `used to take a full day …; now it's one button`.
    pub(super) fn used_to(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let now = (i + 2..self.t.len()).find(|&k| self.word(k) == "now")?;
        let before = self.side_after(i + 2, 10);
        let after = self.side_after(now + 1, 8);
        (self.side_has_quantity(before.clone())
            || self.side_has_quantity(after.clone())
            || self.times_of_day_both_sides(before, self.side_after(now + 1, 12)))
        .then(|| (after.end.max(now + 1) - 1, MeasureKind::BeforeAfter))
    }

    /// `install size down about a fifth`, `knocked a third off the bill`: a fraction after
    /// `down`/`up` or before `off` is how much something changed (`before` is the word before
    /// the fraction's article, `i` the fraction).
    pub(super) fn fraction_off_or_down(&self, before: usize, i: usize) -> bool {
        matches!(self.word(before), "down" | "up") || self.word(i + 1) == "off"
    }

    /// `seven in the first half; none since the checks went in`, `40-odd nights last year; this
    /// year, on none`: `none` as the after side of a count an earlier clause gave, closed in
    /// time in its own clause (a since word, `now`, `this` + a unit of time).
    pub(super) fn none_after_a_count(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let earlier_count = (i.saturating_sub(30)..i)
            .filter(|&k| self.phrase_start(k) != self.phrase_start(i))
            .any(|k| self.t[k].kind == Kind::Number || self.is(k, lexicon::NUMBER_WORD | MANY));
        if !earlier_count {
            return None;
        }
        let lo = i.saturating_sub(6);
        let hi = (i + 4).min(self.t.len());
        let closed = (lo..hi).filter(|&k| self.same_clause(k, i)).any(|k| {
            self.is(k, SINCE)
                || (self.word(k) == "after" && k > i)
                || self.word(k) == "now"
                || (self.word(k) == "this"
                    && (self.is(k + 1, TIME_UNIT | MONTH) || SEASONS.contains(self.word(k + 1))))
        });
        closed.then_some((i, MeasureKind::Zero))
    }

    /// `Before, finance waited a week for the numbers; now they have them each morning`, `all
    /// the pages now pass, before only the home page`, `now they publish alone, before was 2 days
    /// of waiting`: `before` opening a phrase and a `now` on either side of it (the before side
    /// runs to the `now`, or to its phrase end).
    pub(super) fn before_and_now_either_way(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let end = self.t.len();
        let after_now = (i + 1..(i + 24).min(end)).find(|&k| self.word(k) == "now");
        let (before, after) = match after_now {
            Some(now) => (i + 1..now, self.side_after(now + 1, 10)),
            None => {
                let now = (i.saturating_sub(24)..i)
                    .rev()
                    .find(|&k| self.word(k) == "now")?;
                let start = self.side_before(now, 8).start;
                (
                    self.side_after(i + 1, 12),
                    start..i.saturating_sub(1).max(start),
                )
            }
        };
        if before.is_empty() || after.is_empty() {
            return None;
        }
        let last = before.end.max(after.end) - 1;
        // The before side says how much it took (`before was 2 days of waiting`), or how little
        // it covered (`before only the home page`); a quantity on the now side alone is what it
        // is now (`now one command; before it was a script` says no change of amount).
        let only = before.clone().any(|k| self.word(k) == "only")
            && after
                .clone()
                .any(|k| matches!(self.word(k), "all" | "every" | "both"));
        (self.side_has_quantity(before.clone())
            || only
            || self.times_of_day_both_sides(before, after))
        .then_some((last, MeasureKind::BeforeAfter))
    }

    /// `sales reps now get one duplicate a week, where it used to be dozens a day`: `used to`
    /// after the `now` it is set against.
    pub(super) fn now_then_used_to(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let now = (i.saturating_sub(30)..i)
            .rev()
            .find(|&k| self.word(k) == "now")?;
        let before = self.side_after(i + 2, 10);
        let after = self.side_after(now + 1, 10);
        (self.side_has_quantity(before.clone()) || self.side_has_quantity(after.clone()))
            .then(|| (before.end.max(i + 2) - 1, MeasureKind::BeforeAfter))
    }

    /// `Helm charts for all the services`, `Did the upgrade of Node 16 to Node 20 in all the
    /// services`: everything a thing the author made covers, or the systems a version change
    /// of theirs went through, is the extent of their own work (as `HPA configs for 6 svcs` and
    /// `Bumped Node 18 → 20 across the 12 frontend services` are), not who it reached.
    pub(super) fn own_work_covers_all(&self, i: usize) -> bool {
        let covers = i >= 2
            && self.word(i - 1) == "for"
            && self.is(i - 2, ARTIFACT)
            && !self.clause_has_before(i, OUTCOME_VERB);
        if covers {
            return true;
        }
        // The quantities a few before `i` in its clause (bounded, so an entry of thousands of
        // counts stays linear).
        let before = self.qs.partition_point(|q| q.last < i);
        let version_before = (before.saturating_sub(8)..before).rev().any(|index| {
            let q = &self.qs[index];
            self.same_clause(q.first, i)
                && self.classes.get(index).copied().flatten() == Some(Reason::Version)
        });
        let head_is_people = (i + 1..(i + 4).min(self.t.len()))
            .take_while(|&k| self.t[k].is_word() && !self.is(k, STOP) || self.is(k, DETERMINER))
            .last()
            .is_some_and(|h| PEOPLE_GROUPS.contains(self.word(h)));
        version_before
            && !head_is_people
            && self.clause_has_before(i, VERSION_VERB)
            && !self.clause_has_before(i, OUTCOME_VERB | COMPARATIVE)
    }

    /// Whether a role word stands within `n` words from token `k`, in its phrase (`promoted to
    /// iOS Engineer II`, `to Senior Frontend`).
    pub(super) fn role_within(&self, k: usize, n: usize) -> bool {
        (k..(k + n).min(self.t.len()))
            .take_while(|&j| self.t[j].is_word())
            .any(|j| self.is(j, ROLE))
    }

    /// `she is Senior Frontend since July`, `he became staff engineer`, `they are now team
    /// lead`: a person the entry names in a new role (a change: `became`, or `is` with `now` or
    /// a `since`).
    pub(super) fn person_in_a_new_role(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        let verb = self.word(k);
        let became = matches!(verb, "became" | "has" | "have");
        if !became && !matches!(verb, "is" | "are" | "was") {
            return None;
        }
        k += 1;
        if matches!(self.word(k), "become" | "been") {
            k += 1;
        }
        let now = self.word(k) == "now";
        if now {
            k += 1;
        }
        if self.is(k, DETERMINER) {
            k += 1;
        }
        // `on-call lead`: a hyphenated role counts as words.
        let role = (k..(k + 5).min(self.t.len()))
            .take_while(|&j| {
                (self.t[j].is_word() || (self.symbol(j) == "-" && self.t[j].glued))
                    && self.same_clause(i, j)
            })
            .find(|&j| self.is(j, ROLE))?;
        let since = (role + 1..(role + 9).min(self.t.len()))
            .take_while(|&j| self.same_clause(i, j))
            .any(|j| self.word(j) == "since");
        (became || now || since).then_some((role, MeasureKind::People))
    }

    /// `removed the #1 crash cluster entirely`, `killed the nightly OOM crash completely`: a
    /// removal verb earlier in the clause whose object names an incident or a ranked issue
    /// (`#1`, `top`) and ends with `entirely`: that problem is at zero.
    pub(super) fn removed_entirely(&self, i: usize) -> Option<(usize, MeasureKind)> {
        // `reports of missed webhooks stopped entirely`: a problem the clause names before a
        // verb of stopping, used without an object, is at zero.
        if i > 1 && matches!(self.word(i - 1), "stopped" | "ceased") {
            let named = (i.saturating_sub(12)..i - 1)
                .rev()
                .take_while(|&k| self.same_clause(k, i))
                .any(|k| self.is(k, INCIDENT));
            if named {
                return Some((i, MeasureKind::Zero));
            }
        }
        let verb = (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&k| self.same_clause(k, i))
            .find(|&k| self.is(k, REMOVAL_VERB) || self.word(k) == "rid")?;
        let names_a_problem = (verb + 1..i)
            .any(|k| self.is(k, INCIDENT) || self.word(k) == "top" || self.symbol(k) == "#");
        names_a_problem.then_some((i, MeasureKind::Zero))
    }
}
