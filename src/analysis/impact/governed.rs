//! Questions about who or what governs a quantity, added while teaching the writers of the
//! released held-out sets b and c (fifth session, docs/detector.md). Each answers from the
//! tokens and the clause marks the reader already holds: no allocation, no string search.

use super::*;

impl Reader<'_> {
    /// Whether the clause before `first` has the work, not the author, as the subject of its
    /// verb (within twelve tokens): a thing the author made acts (`it rolled back 7 bad releases`, `a codemod that
    /// moved 1,900 call sites`), or a `the …` clause reports what a thing does `now` (`The
    /// dependency scanner now blocks … in all 1,800 repositories`). What a thing did is what the
    /// work changed, not the author's own output.
    pub(super) fn work_acts(&self, first: usize) -> bool {
        // At most twelve tokens back, so an entry of thousands of counts stays linear.
        let start = self.phrase_start(first).max(first.saturating_sub(12));
        let mut own = false;
        let mut now = false;
        for k in start..first {
            let w = self.word(k);
            if matches!(w, "i" | "we" | "my" | "me" | "our") {
                own = true;
            }
            now |= w == "now";
            // A pronoun for a thing, then its verb: `it rolled`, `that moved`, `which blocks`.
            if matches!(w, "it" | "that" | "which")
                && self.t.get(k + 1).is_some_and(|v| v.is_word())
                && !matches!(self.word(k + 1), "i" | "we" | "you" | "my" | "our")
                && !self.is(k + 1, STOP)
            {
                return true;
            }
        }
        !own && now && self.word(start) == "the"
    }

    /// `twice the traffic`, `half what they were in January`, `half of what it cost`: a
    /// multiplier or a half of a quantity another phrase names, so a measure.
    pub(super) fn multiple_of_a_quantity(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let next = self.word(i + 1);
        match self.word(i) {
            "twice" | "thrice" if next == "the" => Some((i + 1, MeasureKind::Multiplier)),
            "half" if next == "what" => Some((i + 1, MeasureKind::Fraction)),
            "half" if next == "of" && self.word(i + 2) == "what" => {
                Some((i + 2, MeasureKind::Fraction))
            }
            _ => None,
        }
    }

    /// `not a single customer was ever exposed`, `no team had to spend a sprint on it`: none of
    /// the people the work could have cost (a noun of those affected or a group of people after
    /// the negation) was hit, closed by `single`, `ever` or `had to`.
    pub(super) fn nobody_affected(&self, i: usize) -> Option<(usize, MeasureKind)> {
        let mut k = i + 1;
        let mut single = false;
        while matches!(self.word(k), "a" | "single" | "one" | "of" | "our" | "the") {
            single |= self.word(k) == "single";
            k += 1;
        }
        let people = self.is(k, AFFECTED) || PEOPLE_GROUPS.contains(self.word(k));
        if !people {
            return None;
        }
        if single {
            return Some((k, MeasureKind::Zero));
        }
        let end = self.clause_tokens(self.clause_of(k)).end.min(k + 8);
        (k + 1..end)
            .find(|&j| {
                self.word(j) == "ever" || (self.word(j) == "had" && self.word(j + 1) == "to")
            })
            .map(|_| (k, MeasureKind::Zero))
    }

    /// `phase 1 of 3 done`, `about 40% of the modules are done`, `70% through`: a share of the author's own
    /// work reported as done is how far it has got, not a result.
    pub(super) fn share_done(&self, q: &Quantity) -> bool {
        let after = q.last + 1;
        // `70% through migrating …`: how far through the work the author is.
        if q.unit == Unit::Percent && self.word(after) == "through" {
            return true;
        }
        if self.is(after, COMPLETION) && q.first > 0 && self.word(q.first - 1) == "of" {
            return true;
        }
        if self.word(after) != "of" {
            return false;
        }
        let end = (after + 8).min(self.t.len());
        (after + 1..end)
            .take_while(|&k| self.same_clause(after, k))
            .any(|k| self.is(k, COMPLETION) && matches!(self.word(k - 1), "are" | "is" | "were"))
    }

    /// `Once they could see it, three teams cut …`, `when teams could finally self-serve`: a
    /// `could` in a time clause (`once`/`when`/`after`/`now that` and a subject just before) is
    /// what had become possible, not a possibility still ahead.
    pub(super) fn ability_in_a_time_clause(&self, i: usize) -> bool {
        i >= 2
            && !self.is(i - 1, STOP)
            && (i.saturating_sub(3)..i - 1).any(|k| {
                matches!(self.word(k), "once" | "when" | "after")
                    || (self.word(k) == "now" && self.word(k + 1) == "that")
            })
    }

    /// `we no longer carry a fork — every release used to cost a week of rebasing`: `used to`
    /// with an amount, set against a `no longer` before it (within thirty tokens), is a
    /// before→after as `now …, where it used to …` is.
    pub(super) fn no_longer_then_used_to(&self, i: usize) -> Option<(usize, MeasureKind)> {
        (i.saturating_sub(30)..i)
            .find(|&k| self.word(k) == "no" && self.word(k + 1) == "longer")?;
        let before = self.side_after(i + 2, 10);
        let spelled_time = before
            .clone()
            .any(|k| matches!(self.word(k), "a" | "an") && self.is(k + 1, TIME_UNIT));
        (spelled_time || self.side_has_quantity(before.clone()))
            .then(|| (before.end.max(i + 2) - 1, MeasureKind::BeforeAfter))
    }

    /// `is now used for all platform RFCs`, `now relied on across all squads`: `all` after a
    /// verb of being taken up (and `is`/`are`/`now` before it) is how far the work reached,
    /// whatever the plural it takes.
    pub(super) fn all_adopted(&self, i: usize) -> Option<(usize, MeasureKind)> {
        if i < 3
            || !matches!(
                self.word(i - 1),
                "for" | "in" | "by" | "across" | "on" | "at"
            )
        {
            return None;
        }
        let verb = i - 2;
        let taken_up = self.is(verb, ADOPTION_VERB)
            && (AUXILIARIES.contains(self.word(verb - 1)) || self.word(verb - 1) == "now");
        let mut k = i + 1;
        while self.is(k, DETERMINER) {
            k += 1;
        }
        let mut words = (k..(k + 3).min(self.t.len())).take_while(|&j| self.t[j].is_word());
        // `all` and `both` take a plural, `every` a singular: `now used on every form in the
        // app` reaches every form as `now used in all 23 repos` reaches the repos.
        let counted = if self.word(i) == "every" {
            words.next().is_some()
        } else {
            words.any(|j| self.word(j).ends_with('s'))
        };
        (taken_up && counted).then_some((i, MeasureKind::Reach))
    }

    /// `converted to full-time with a raise`: a raise or promotion that came with a change of
    /// the author's standing is an outcome for them, as `got a raise` is.
    pub(super) fn outcome_with_a_change(&self, i: usize) -> Option<(usize, MeasureKind)> {
        (i >= 2
            && matches!(self.word(i), "raise" | "promotion")
            && self.word(i - 1) == "a"
            && self.word(i - 2) == "with")
            .then_some((i, MeasureKind::People))
    }

    /// Where a forward target from token `from` in clause `c` ends: at the clause's end, or
    /// earlier where `, and` opens a new clause with its own subject (`Wrote the case for
    /// retiring it, and the two engineers on it moved to product work`, `Proposed the process,
    /// and since then 41 RFCs …`): the aim was the first clause's, the second reports what
    /// happened.
    pub(super) fn target_scope_end(&self, from: usize, c: usize) -> usize {
        let end = self.clause_tokens(c).end;
        (from + 1..end)
            .find(|&k| {
                if self.symbol(k) != "," || k + 1 >= end {
                    false
                } else if self.word(k + 1) == "and" {
                    matches!(
                        self.word(k + 2),
                        "the" | "since" | "over" | "now" | "today" | "she" | "he" | "they" | "it"
                    )
                } else {
                    // `Wrote the RFC for idempotent retries, adopted by 3 teams`: what the
                    // written thing went on to do, a participle of its uptake after the comma
                    // (`, now used by`), is no longer the proposal's.
                    let at = k + 1 + usize::from(self.word(k + 1) == "now");
                    at < end && self.is(at, ADOPTION_VERB)
                }
            })
            .unwrap_or(end)
    }
}
