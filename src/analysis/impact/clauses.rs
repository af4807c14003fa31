//! Clauses and phrases: where a clause ends, which tokens a target word governs, what governs a
//! quantity, and the noun phrase a quantity heads.

use super::reader::ends_clause_at;
use super::*;

/// The lists whose words can open a forward target (or, for an achievement, prevent one).
const FORWARD_CUES: u64 = ACHIEVEMENT | TARGET | PROPOSAL_NOUN;

/// The lists whose words can mark a whole clause as not yet done.
const WHOLE_CUES: u64 = CLAUSE_TARGET | COMPLETION | FINISH_VERB;

/// The one pass over an entry's tokens before it is read: where clauses and phrases end (the
/// tokens that end them, in order), the tokens a quantity can start at, and the identifiers.
pub(super) fn mark_tokens(text: &str, t: &Tokens, marks: &mut Marks) {
    marks.clause_ends.clear();
    marks.phrase_ends.clear();
    marks.quantity_starts.clear();
    marks.idents.clear();
    for i in 0..t.len() {
        let token = &t[i];
        match token.kind {
            Kind::Word => {
                if token.is(lexicon::NUMBER_WORD) {
                    marks.quantity_starts.push(i as u32);
                }
            }
            Kind::Number => marks.quantity_starts.push(i as u32),
            Kind::Ident => marks.idents.push(i as u32),
            Kind::Symbol | Kind::Break => {
                if ends_clause_at(text, t, i) {
                    marks.clause_ends.push(i as u32);
                    marks.phrase_ends.push(i as u32);
                } else if matches!(
                    text.as_bytes()[token.start as usize],
                    b',' | b':' | b'(' | b')' | b'[' | b']'
                ) {
                    marks.phrase_ends.push(i as u32);
                }
            }
        }
    }
}

impl Reader<'_> {
    /// The tokens target words govern (the clauses are marked already, [`mark_tokens`]): only
    /// for an entry with a word that can open a target, and then visiting only the tokens that
    /// can, marking a clause's tokens from its bounds.
    pub(super) fn mark_targets(&mut self) {
        self.target.clear();
        self.classes.clear();
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
            // No token is a target: `target` stays empty ([`Self::targeted`]).
            #[cfg(debug_assertions)]
            self.check_cue_filter(&[]);
            return;
        }
        self.target.resize(self.t.len(), false);
        let mut cues = std::mem::take(self.target_cues);
        self.target_cues(&mut cues);
        #[cfg(debug_assertions)]
        self.check_cue_filter(&cues);
        self.mark_forward_targets(&cues);
        self.mark_whole_clauses(&cues);
        *self.target_cues = cues;
    }

    /// Mark the tokens of clause `c` from token `from` on as targets; the token after them.
    fn mark_target_to_clause_end(&mut self, from: usize, c: usize) -> usize {
        let end = self.clause_tokens(c).end;
        self.target[from..end].iter_mut().for_each(|t| *t = true);
        end
    }

    /// The tokens either target pass can act on, in order, into `cues`: one look at each word
    /// for both passes.
    fn target_cues(&self, cues: &mut Vec<u32>) {
        cues.clear();
        for i in 0..self.t.len() {
            let t = &self.t[i];
            let cue = t.is(FORWARD_CUES | WHOLE_CUES)
                || (t.is_word()
                    && matches!(
                        self.t.lower(i),
                        "track" | "progress" | "so" | "is" | "are" | "was" | "remains"
                    ));
            if cue {
                cues.push(i as u32);
            }
        }
    }

    /// Debug builds (the tests) check the cue filters of the target passes: a token a pass skips
    /// (not in `cues`, or not one of that pass's candidates) must be one it would not act on.
    /// A word that opens a target or marks a whole clause by its spelling, and is in neither
    /// the lists nor the words of [`Self::target_cues`] and the candidate tests, fails here.
    /// (An achievement word matters only before a target opener, and its list is one of
    /// [`FORWARD_CUES`].)
    #[cfg(debug_assertions)]
    fn check_cue_filter(&self, cues: &[u32]) {
        let mut cues = cues.iter().peekable();
        for i in 0..self.t.len() {
            let cue = cues.next_if(|&&c| c as usize == i).is_some();
            debug_assert!(
                (cue && self.forward_candidate(i)) || !self.opens_forward_target(i),
                "a forward target opens at token {i} ({:?}) that the target-cue filter skips: \
                 add its list to FORWARD_CUES or its word to target_cues and forward_candidate",
                self.word(i)
            );
            debug_assert!(
                (cue && self.whole_candidate(i)) || !self.marks_whole_clause(i),
                "token {i} ({:?}) marks a whole clause but the target-cue filter skips it: add \
                 its list to WHOLE_CUES or its word to target_cues and whole_candidate",
                self.word(i)
            );
        }
    }

    /// Whether the forward pass looks at cue token `i`: only these tokens change what it decides.
    fn forward_candidate(&self, i: usize) -> bool {
        self.t[i].is(FORWARD_CUES) || self.t.lower(i) == "track"
    }

    /// Forward targets: from a target word to its clause's end, unless an achievement word
    /// came first in the clause ("met the target of 99.9%").
    fn mark_forward_targets(&mut self, cues: &[u32]) {
        let mut achieved_in: Option<usize> = None;
        // Tokens before `next` are in a clause marked already.
        let mut next = 0;
        for &cue in cues {
            let i = cue as usize;
            if i < next || !self.forward_candidate(i) {
                continue;
            }
            let c = self.clause_of(i);
            if self.is(i, ACHIEVEMENT) {
                achieved_in = Some(c);
            }
            if achieved_in != Some(c) && self.opens_forward_target(i) {
                // The rest of the clause is the target's; nothing in it changes a later clause.
                let end = self.target_scope_end(i, c);
                self.target[i..end].iter_mut().for_each(|t| *t = true);
                next = end;
            }
        }
    }

    /// Whether token `i` opens a forward target (an achievement before it in its clause aside).
    fn opens_forward_target(&self, i: usize) -> bool {
        let on_track = self.word(i) == "track"
            && i > 0
            && self.word(i - 1) == "on"
            && self.word(i + 1) == "to";
        // `Wrote the business case for a 4x …`: a document the author wrote argues for what
        // follows; `it became the funding case for 3 new teams` reports a result.
        let proposal = self.is(i, PROPOSAL_NOUN)
            && self.word(i + 1) == "for"
            && self.clause_opens_with(i, ACTIVITY);
        self.is_target_word(i) || on_track || proposal
    }

    /// Whole clauses marked as not yet done: `(in progress)`, `once complete`, `wip`.
    fn mark_whole_clauses(&mut self, cues: &[u32]) {
        let mut next = 0;
        for &cue in cues {
            let i = cue as usize;
            if i < next || !self.whole_candidate(i) {
                continue;
            }
            if self.marks_whole_clause(i) {
                let c = self.clause_of(i);
                next = self.mark_target_to_clause_end(self.clause_tokens(c).start, c);
            }
        }
    }

    /// Whether the whole-clause pass looks at cue token `i`: only listed words and these can
    /// mark a clause.
    fn whole_candidate(&self, i: usize) -> bool {
        self.t[i].is(WHOLE_CUES)
            || matches!(
                self.t.lower(i),
                "progress" | "so" | "is" | "are" | "was" | "remains"
            )
    }

    /// Whether token `i` marks its whole clause as not yet done.
    fn marks_whole_clause(&self, i: usize) -> bool {
        self.is(i, CLAUSE_TARGET)
            || (self.is(i, COMPLETION) && self.word(i + 1) == "so" && self.word(i + 2) == "far")
            || (self.word(i) == "progress" && i > 0 && self.word(i - 1) == "in")
            || (self.word(i) == "so"
                && self.word(i + 1) == "far"
                && self.part_of_a_whole_in_clause(i))
            || (self.is(i, COMPLETION)
                && i > 0
                && matches!(self.word(i - 1), "once" | "when" | "until"))
            || self.once_someone_finishes(i)
            || self.predicate_names_a_goal(i)
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
            // `sprint planning meetings`, `ad targeting CTR`, `forecast accuracy`: an activity
            // noun modifying the noun after it names the work or the measure, not an aim.
            w if MODIFIER_TARGETS.contains(w) => !self.modifies_next_noun(i),
            // `committed to halving MTTR`: a promise of a result (not `committed to main`).
            "committed" | "commit" | "commits" | "pledged" | "promised" => {
                let next = self.word(i + 2);
                self.word(i + 1) == "to"
                    && ((next.ends_with("ing") && next.len() > 4) || self.is(i + 2, OUTCOME_VERB))
            }
            // `a proof of concept that could halve costs`: a possibility; `so teams could ship
            // faster` reports what the work made possible.
            "could" | "might" => {
                let so_before = (i.saturating_sub(3)..i).any(|k| self.word(k) == "so");
                let became_possible = self.word(i) == "could" && self.ability_in_a_time_clause(i);
                !(so_before || became_possible)
            }
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
    /// Whether the word at `i` modifies a noun after it (`planning time`, `targeting CTR`): the
    /// next token is a word that is no function word, number word or quantity word. An `-ing`
    /// form opening its clause or after a subject or auxiliary is the clause's verb (`Targeting
    /// CTR above 5%`, `we're planning …`), not a modifier.
    fn modifies_next_noun(&self, i: usize) -> bool {
        let next_is_noun = i + 1 < self.t.len()
            && self.t[i + 1].is_word()
            && !self.is(
                i + 1,
                STOP | NUMBER_WORD | MANY | APPROX | ZERO | MODAL | DETERMINER,
            );
        // A word that takes an object after it is the clause's verb (`the forecast projects a
        // 20% rise`), not a noun the target word modifies.
        let takes_object = i + 2 < self.t.len()
            && (self.t[i + 2].kind == Kind::Number
                || (self.is(i + 2, DETERMINER | NUMBER_WORD) && self.word(i + 2) != "that"));
        if !next_is_noun || takes_object {
            return false;
        }
        if !self.word(i).ends_with("ing") {
            return true;
        }
        let opens = self.clause_tokens(self.clause_of(i)).start == i;
        let after_subject =
            i > 0 && (self.is(i - 1, SUBJECT) || AUXILIARIES.contains(self.word(i - 1)));
        !opens && !after_subject
    }

    pub(super) fn says_what_it_aims_at(&self, i: usize) -> bool {
        // `Target AUC ≥ 0.90`, `target p95 < 200 ms`: a bound on a metric.
        if (i + 1..(i + 4).min(self.t.len()))
            .any(|k| matches!(self.symbol(k), "≥" | "≤" | "<" | ">" | "="))
        {
            return true;
        }
        match self.word(i + 1) {
            "to" | "is" | "was" | "of" => true,
            // `Set the p95 SLO at 300ms`: the level an objective is set at.
            "at" if matches!(
                self.word(i),
                "slo" | "slos" | "sla" | "slas" | "target" | "goal"
            ) =>
            {
                let next = i + 2;
                self.t.get(next).is_some_and(|t| t.kind == Kind::Number)
                    || self.is(next, APPROX)
                    || self.symbol(next) == "~"
            }
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
        (i + 1..(i + 4).min(self.clause_end(i))).any(|k| {
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
