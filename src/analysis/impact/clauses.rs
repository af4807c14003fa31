//! Clauses and phrases: where a clause ends, which tokens a target word governs, what governs a
//! quantity, and the noun phrase a quantity heads.

use super::*;

impl Reader<'_> {
    /// Clauses, and the tokens target words govern.
    pub(super) fn mark_clauses(&mut self) {
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
            & (TARGET
                | CLAUSE_TARGET
                | COMPLETION
                | PROPOSAL_NOUN
                | TARGET_CUE
                | LABEL_WORD
                | FINISH_VERB)
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
                || self.once_someone_finishes(i)
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
    pub(super) fn part_of_a_whole_in_clause(&self, i: usize) -> bool {
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

    pub(super) fn is_target_word(&self, i: usize) -> bool {
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
            // `the forecast I built came within 4%`: a forecast the author made is a thing whose
            // accuracy can be a result, not an aim.
            "forecast" | "forecasts" | "projection" | "projections"
                if matches!(self.word(i + 1), "i" | "we") =>
            {
                false
            }
            // `(which, I'll admit, began as a side project)`: a remark on the telling.
            "i'll" | "we'll" if ASIDE_VERBS.contains(self.word(i + 1)) => false,
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
            | "objective" | "objectives" | "aim" | "slo" | "slos" | "sla" | "slas" => {
                self.says_what_it_aims_at(i)
            }
            _ => true,
        }
    }

    /// Whether the target noun at `i` says what it aims at: `plan to`, `goal of 30%`, `the plan
    /// is`, `target: …`, or `for` a quantity or an -ing (`a plan for cutting p95`), not `for`
    /// a thing (`terraform plan for prod`, `the plan for the offsite`).
    pub(super) fn says_what_it_aims_at(&self, i: usize) -> bool {
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
                    || self.names_a_coming_period(next)
            }
            _ => self.symbol(i + 1) == ":",
        }
    }

    /// `Cut p95 by 30% is the H2 OKR`: a clause whose predicate names it a goal (a form of `be`,
    /// then within three words a target noun or an OKR).
    pub(super) fn predicate_names_a_goal(&self, i: usize) -> bool {
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
    pub(super) fn governor(&self, first: usize) -> (Option<usize>, bool) {
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
    pub(super) fn noun_phrase(&self, last: usize) -> Range<usize> {
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

    pub(super) fn phrase_has(&self, phrase: &Range<usize>, lists: u64) -> bool {
        phrase.clone().any(|i| self.is(i, lists))
    }

    /// `next half`, `this quarter`, `the coming year`: a period ahead, from token `k`.
    pub(super) fn names_a_coming_period(&self, k: usize) -> bool {
        let mut k = k;
        if self.word(k) == "the" && self.word(k + 1) == "coming" {
            k += 1;
        } else if !matches!(self.word(k), "next" | "this" | "coming") {
            return false;
        }
        self.is(k + 1, TIME_UNIT) || matches!(self.word(k + 1), "half" | "quarter" | "semester")
    }

    /// `when we finish the migration`, `once they complete the rollout`: a completion word after
    /// `once`/`when`/`until` and its subject marks its clause as not done yet.
    pub(super) fn once_someone_finishes(&self, i: usize) -> bool {
        self.is(i, COMPLETION | FINISH_VERB)
            && i > 1
            && matches!(self.word(i - 1), "we" | "i" | "they" | "it")
            && matches!(self.word(i - 2), "once" | "when" | "until")
    }
}
