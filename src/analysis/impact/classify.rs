//! Each quantity classified by what governs it: a label, the author's own activity, a target,
//! or a measure (precision first: anything not clearly one of the others counts).

use super::*;

impl Reader<'_> {
    /// The classification of the quantity at `index`, given the ones before it.
    pub(super) fn classify(&self, index: usize, classes: &[Option<Reason>]) -> Class {
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
        if self.targeted(n) {
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

    pub(super) fn classify_time(&self, q: &Quantity, governor: Option<usize>, over: bool) -> Class {
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
}
