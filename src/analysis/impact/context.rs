//! The questions `classify` asks of a quantity's context: whose work it counts, whether a
//! duty, a spec, a scope statement or a name governs it, whether a change reaches it.

use super::*;

impl Reader<'_> {
    /// `11 of 12 analytics repos now use the style guide`, `40 services now run on it`: what the
    /// count counts is the subject of a state that `now` reports, so it says how far the work
    /// reached (the count opens its clause).
    pub(super) fn subject_of_a_new_state(&self, q: &Quantity, phrase: &Range<usize>) -> bool {
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
    pub(super) fn change_reaches(&self, governor: Option<usize>, phrase: &Range<usize>) -> bool {
        let Some(g) = governor.filter(|&g| matches!(self.word(g), "across" | "to")) else {
            return false;
        };
        let people = phrase
            .clone()
            .last()
            .is_some_and(|head| PEOPLE_GROUPS.contains(self.word(head)));
        let start = self.phrase_start(g).max(g.saturating_sub(10));
        people && (start..g).any(|k| CHANGE_NOUNS.contains(self.word(k)))
    }

    /// Counts that the author's own work surrounds: where the author spoke or sat (`spoke at 2
    /// meetups`, `sat on 3 promo committees`), what a version was rolled out to (`rolled Python
    /// 3.12 out to the 3 ML services`), what a thing the author wrote covers (`HPA configs for 6
    /// svcs`), spells of duty (`14 on-call shifts`), and the machine time the work used (`~72
    /// GPU-hours`).
    pub(super) fn own_work_around_a_count(
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
        let window = index.saturating_sub(8)..index;
        // The classes first: most counts have no version before them to look for.
        let version_before = classes[window.clone()].contains(&Some(Reason::Version))
            && window
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
        let moved = || {
            governor.is_some_and(|g| {
                (self.is(g, VERSION_VERB) || MOVE_VERBS.contains(self.word(g)))
                    && self.author_does(g)
            })
        };
        let head_is_people = || {
            phrase
                .clone()
                .last()
                .is_some_and(|h| PEOPLE_GROUPS.contains(self.word(h)))
        };
        // The cheap test first: the word lists are looked up only before a `from`.
        if self.word(phrase.end) == "from" && moved() && !head_is_people() {
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

    /// `Set a 99.9% SLO`, `Agreed a 200 ms p95 budget`, `Defined a 5% error threshold`: the
    /// quantity names the level of an objective (a head of objective-heads.txt right after it,
    /// past up to two words that name the metric), and the clause sets the objective (a verb of
    /// setting-verbs.txt before the quantity). Reaching one (`Hit the 99.9% SLO`) is a result.
    pub(super) fn sets_an_objective(&self, q: &Quantity) -> bool {
        // The verb first: setting verbs are rare, so most quantities stop here.
        let set = (q.first.saturating_sub(4)..q.first)
            .any(|j| SETTING_VERBS.contains(self.word(j)) && self.same_clause(j, q.first));
        if !set {
            return false;
        }
        let mut k = q.last + 1;
        let metric_words_end = k + 2;
        while k < metric_words_end
            && self
                .t
                .get(k)
                .is_some_and(|t| t.is_word() || t.kind == Kind::Ident)
            && !OBJECTIVE_HEADS.contains(self.word(k))
            && !self.is(k, STOP | DETERMINER)
        {
            k += 1;
        }
        OBJECTIVE_HEADS.contains(self.word(k))
    }

    /// `14 on-call shifts`, `6 pager rotations`, `3 shifts`, `2 extra on-call shifts`: the noun
    /// after the count at `last`, past words that say which spells and an on-call compound, is a
    /// spell of duty.
    pub(super) fn duty_spell_after(&self, last: usize) -> bool {
        let mut k = last + 1;
        while k < last + 3 && DUTY_MODIFIERS.contains(self.word(k)) {
            k += 1;
        }
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
    pub(super) fn versions_before_upgrade_noun(&self, index: usize) -> bool {
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
    pub(super) fn on_duty_before(&self, first: usize) -> bool {
        let clause = self.clause_window(first, 16, first);
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
    pub(super) fn adopted_by(&self, g: usize) -> bool {
        if !matches!(self.word(g), "in" | "by" | "across" | "on" | "at") || g < 2 {
            return false;
        }
        let mut k = g - 1;
        // `are used now in 14 repositories`: an adverb after the verb.
        if (matches!(self.word(k), "now" | "today") || self.is(k, ADVERB))
            && k > 1
            && self.is(k - 1, ADOPTION_VERB)
        {
            k -= 1;
        }
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
    pub(super) fn author_does(&self, g: usize) -> bool {
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
    pub(super) fn hyphen_prefix_opens(&self, k: usize) -> bool {
        k >= 2
            && self.symbol(k - 1) == "-"
            && self.t[k - 1].glued
            && self.t[k].glued
            && self.t[k - 2].is_word()
            && (k == 2 || self.ends_phrase(k - 3) || matches!(self.word(k - 3), "i" | "we"))
    }

    /// Whether the clause of token `i` opens (before `i`) with a word of `lists`.
    pub(super) fn clause_opens_with(&self, i: usize, lists: u64) -> bool {
        let start = self.phrase_start(i);
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
    pub(super) fn clause_opens_with_verb(&self, i: usize, lists: u64) -> bool {
        let start = self.phrase_start(i);
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
    pub(super) fn inherited(
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
    pub(super) fn in_activity_object(&self, first: usize) -> bool {
        let mut k = first;
        let mut communication_to = false;
        let mut with_seen = false;
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
            // `Set up dbt for the warehouse with 60+ models`: what the object was for, before
            // the `with` that attaches the count, is still the object.
            if w == "with" {
                with_seen = true;
            }
            if w == "for" && with_seen {
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
    pub(super) fn in_scope_statement(&self, first: usize) -> bool {
        let start = self.phrase_start(first).max(first.saturating_sub(32));
        let phrase = || (start..first).rev();
        let opened = phrase().any(|k| {
            self.is(k, SCOPE_WORD)
                || (self.word(k + 1) == "on" && matches!(self.word(k), "worked" | "working"))
        }) || self.clause_opens_with_verb(first, STEWARDSHIP);
        opened && !phrase().any(|k| RESULT_LINKS.contains(self.word(k)))
    }

    /// A word for working together shortly before token `first`, in its phrase ("with product
    /// and the two other squads").
    pub(super) fn collaboration_before(&self, first: usize) -> bool {
        (first.saturating_sub(6)..first)
            .rev()
            .take_while(|&k| !self.ends_phrase(k))
            .any(|k| self.is(k, COLLABORATION))
    }

    /// Token `p` is a capitalised name a version number can follow (`Python`, `Node`): not the
    /// first word of its clause, not a month or label word.
    pub(super) fn is_name(&self, p: usize) -> bool {
        let t = &self.t[p];
        // A score's name (`F1 0.71 → 0.83`) is followed by its value, not a version.
        if !t.is_word()
            || t.is(MONTH | LABEL_WORD | lexicon::NUMBER_WORD)
            || SCORE_NAMES.contains(self.word(p))
        {
            return false;
        }
        let first = self.text[t.range()].chars().next();
        if !first.is_some_and(char::is_uppercase) || self.word(p) == "i" {
            return false;
        }
        // The first word of a clause is capitalised because it is first.
        let clause_start = p == 0 || self.ends_phrase(p - 1) || !self.same_clause(p - 1, p);
        !clause_start
    }

    /// Whether the count `q` is part of a specification of the author's work, written in a
    /// bracket or after a colon that follows a clause opened by an activity verb the author does
    /// (`ran the load tests (10 scenarios × 3 environments)`, `designed the schema (42 cols)`,
    /// `drafted the RFC: 14 pages`), with no verb after it in its phrase to report a result.
    pub(super) fn in_work_spec(&self, q: &Quantity) -> bool {
        let phrase_end_before = |i: usize| self.phrase_start(i).checked_sub(1);
        let mut open = phrase_end_before(q.first);
        // A list of specifications: `18 fields, 3 indexes` goes back to its colon (a few items:
        // the lookback stays bounded).
        let mut items = 0;
        // An item that opens with a word (`(lr, depth, 200 trials)`) names a part of the work;
        // it lists the work's specification only inside a bracket (after a colon a word opens a
        // clause of its own: `: CI green again, 200 fewer retries`).
        let mut word_item = false;
        while let Some(k) = open.filter(|&k| self.symbol(k) == ",") {
            items += 1;
            if items > 8 {
                return false;
            }
            open = phrase_end_before(k);
            let item = open.map_or(0, |o| o + 1);
            // A label item (`(v0.3, 14 pages)`) is specification as a count is.
            match self.t.get(item).map(|t| t.kind) {
                Some(Kind::Number | Kind::Ident) => {}
                Some(_) if self.t[item].is_word() => word_item = true,
                _ => return false,
            }
        }
        let Some(mut open) = open.filter(|&k| matches!(self.symbol(k), "(" | "[" | ":")) else {
            return false;
        };
        if word_item && self.symbol(open) == ":" {
            return false;
        }
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
        // `(120 load runs)`, `(30 builds)`: a plural that ends the item is the counted noun, not
        // a verb reporting a result.
        let head = |k: usize| k + 1 == end && self.word(k).ends_with('s') && k > q.last;
        !(q.last + 1..end).any(|k| {
            let w = self.word(k);
            (self.is(k, OUTCOME_VERB | ACTIVITY) && !head(k))
                || self.is(k, COMPARATIVE | ZERO)
                || w.ends_with("ed")
                || matches!(w, "now" | "so" | "instead" | "than" | "from" | "to" | "→")
        }) && !(q.last + 1..end).any(|k| matches!(self.symbol(k), "→" | "->" | "=>"))
    }

    /// Token `p` names a piece of software a version can follow: a capitalised name
    /// ([`Self::is_name`]), an identifier, or a word with a capital inside (`minSdk`, `iOS`).
    pub(super) fn names_software(&self, p: usize) -> bool {
        let t = &self.t[p];
        t.kind == Kind::Ident
            || self.is_name(p)
            || (t.is_word() && self.text[t.range()].chars().skip(1).any(char::is_uppercase))
    }

    /// Token `p` is a word written with a capital (`GSoC`, `PyCon`).
    pub(super) fn is_capitalised(&self, p: usize) -> bool {
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
    pub(super) fn month_day(&self, n: usize) -> bool {
        let small = |k: usize, max: u32| {
            self.t.get(k).is_some_and(|t| t.kind == Kind::Number)
                && self.text[self.t[k].range()]
                    .parse::<u32>()
                    .is_ok_and(|v| (1..=max).contains(&v))
        };
        // The symbols first: most numbers have no `/` beside them, and are not parsed.
        let md = |k: usize| self.symbol(k + 1) == "/" && small(k, 12) && small(k + 2, 31);
        let dash = |k: usize| matches!(self.symbol(k), "-" | "–" | "—");
        if md(n) {
            return (dash(n + 3) && md(n + 4)) || self.symbol(n + 3) == ":";
        }
        n >= 2 && self.symbol(n - 1) == "/" && small(n, 31) && md(n - 2)
    }

    /// Whether a word of `lists` comes before token `first` in its clause.
    pub(super) fn clause_has_before(&self, first: usize, lists: u64) -> bool {
        self.clause_window(first, 12, first)
            .any(|k| self.is(k, lists))
    }

    /// `24/7`, `24 by 7`: "all the time", said of how the work runs, not a measure of it.
    pub(super) fn round_the_clock(&self, index: usize) -> bool {
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
    pub(super) fn zero_to_one(&self, index: usize) -> bool {
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
    pub(super) fn own_work_took(&self, g: usize) -> bool {
        if g > 0 && self.is(g - 1, COMPLETION) && !self.is(g - 1, OUTCOME_VERB) {
            return true;
        }
        let start = self.phrase_start(g);
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
    pub(super) fn against_a_target(&self, after: usize) -> bool {
        if !matches!(self.symbol(after), "," | "(" | ";" | "—" | "–") {
            return false;
        }
        let mut k = after + 1;
        while self.is(k, DETERMINER) || self.word(k) == "vs" {
            k += 1;
        }
        GOAL_NOUNS.contains(self.word(k))
    }
}
