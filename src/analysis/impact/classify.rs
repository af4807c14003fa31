//! Each quantity classified by what governs it: a label, the author's own activity, a target,
//! or a measure (precision first: anything not clearly one of the others counts).

use super::*;

impl Reader<'_> {
    /// Whether the number ending at token `last` has a wildcard part glued after it (`9.x`).
    fn is_wildcard_version(&self, last: usize) -> bool {
        self.symbol(last + 1) == "."
            && self.t.get(last + 1).is_some_and(|t| t.glued)
            && self.t.get(last + 2).is_some_and(|t| t.glued)
            && self.word(last + 2) == "x"
            && self.t.get(last + 3).is_none_or(|t| !t.glued)
    }

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
        // The noun phrase after the quantity, read the first time a question needs it.
        let after_phrase = std::cell::OnceCell::new();
        let noun_phrase = || {
            after_phrase
                .get_or_init(|| self.noun_phrase(q.last))
                .clone()
        };
        let prev = n.checked_sub(1);
        let plain = q.unit == Unit::Plain && !q.magnitude && !q.rate && !q.ratio;
        if !q.spelled {
            // Dates.
            let value: Option<u32> = number_text.parse().ok();
            let year_like =
                number_text.len() == 4 && value.is_some_and(|v| (1900..=2099).contains(&v));
            if year_like && plain && q.first == n {
                let phrase = noun_phrase();
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
                // The number's dots, counted once (a byte scan, not a search per question).
                let dots = number_text.bytes().filter(|&b| b == b'.').count();
                if dots >= 2 || is_calendar_version(number_text) {
                    return Class::Not(Reason::Version);
                }
                // `bump the client to 9.x`, `Node 22.x`: a number with a wildcard minor part
                // names a line of releases.
                if self.is_wildcard_version(q.last) {
                    return Class::Not(Reason::Version);
                }
                if let Some(p) = prev
                    && self.is_name(p)
                    && !self.phrase_has(&noun_phrase(), NOUNS)
                {
                    return Class::Not(Reason::Version);
                }
                // `k8s 1.31`, `py3 3.12`: a decimal after a product written as an identifier,
                // not after a score's name (`macro-F1 0.71 → 0.83`).
                if dots > 0
                    && prev.is_some_and(|p| {
                        self.t[p].kind == Kind::Ident && !SCORE_NAMES.contains(self.word(p))
                    })
                    && !self.phrase_has(&noun_phrase(), NOUNS)
                {
                    return Class::Not(Reason::Version);
                }
                if dots > 0 && VERSION_NOUNS.contains(self.word(q.last + 1)) {
                    return Class::Not(Reason::Version);
                }
                // `Migrated the service to k8s (1.29)`, `Postgres (16.2)`: a decimal alone in
                // brackets after a product's name is its version.
                if dots > 0
                    && prev.is_some_and(|p| {
                        self.symbol(p) == "("
                            && self.symbol(q.last + 1) == ")"
                            && p > 0
                            && (self.t[p - 1].kind == Kind::Ident
                                || PLATFORM_NAMES.contains(self.word(p - 1))
                                || self.is_name(p - 1))
                    })
                {
                    return Class::Not(Reason::Version);
                }
                // `Python 2 → 3 port`, `React 17→18 migration`: two numbers an upgrade noun
                // names are versions.
                if self.versions_before_upgrade_noun(index) {
                    return Class::Not(Reason::Version);
                }
                // `bump serde to 1.0.200`, `upgraded 4 clusters to 1.29`: a decimal an upgrade
                // leads to.
                if dots > 0
                    && prev.is_some_and(|p| matches!(self.word(p), "to" | "from" | "on"))
                    && self.clause_has_before(q.first, VERSION_VERB)
                {
                    return Class::Not(Reason::Version);
                }
                // `Upgraded Postgres from 12 to 16`, `bumped minSdk to 26`: a whole number an
                // upgrade moves a named piece of software to or from, with no noun after it to
                // count, is a version too (not `bumped the retry limit to 5`, a setting).
                if dots == 0
                    && prev.is_some_and(|p| {
                        matches!(self.word(p), "to" | "from") && p > 0 && self.names_software(p - 1)
                    })
                    && self.bare_after(q.last)
                    && self.clause_has_before(q.first, VERSION_VERB)
                    && !self.clause_has_before(q.first, OUTCOME_VERB | COMPARATIVE)
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
            // `Android 15 edge-to-edge support`: a number after a platform is its version, even
            // where the platform opens the entry.
            if plain && prev.is_some_and(|p| PLATFORM_NAMES.contains(self.word(p))) {
                return Class::Not(Reason::Version);
            }
            if plain && self.release_number(index, classes) {
                return Class::Not(Reason::Version);
            }
            if q.magnitude
                && index > 0
                && classes[index - 1] == Some(Reason::Version)
                && q.first == self.qs[index - 1].last + 1
            {
                return Class::Not(Reason::Version);
            }
        }
        if self.targeted(n) || self.sets_an_objective(q) {
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
        // (The governor's token looked up once: the closure is asked up to a dozen times.)
        let governor_token = governor.and_then(|g| self.t.get(g));
        let governed_by = |lists: u64| governor_token.is_some_and(|t| t.is(lists));
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
            && !self.phrase_has(&noun_phrase(), PEOPLE_OUTCOME)
            && self.in_scope_statement(q.first)
        {
            return Class::Not(Reason::Scope);
        }
        if governor_word == "at" && governor.is_some_and(|g| self.load_a_test_ran_at(g)) {
            return Class::Not(Reason::Scope);
        }
        match q.unit {
            Unit::Percent if self.rollout_stage(index) => return Class::Not(Reason::Describes),
            Unit::Percent if self.work_is_at(q) => return Class::Not(Reason::Progress),
            Unit::Percent if self.share_done(q) => return Class::Not(Reason::Progress),
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
                let phrase = noun_phrase();
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
            // `5-fold CV`, `10-fold cross-validation`: a compound that names a method before
            // its name (capitalised or an identifier, as `8×A100`'s), not a multiple of anything.
            Unit::Multiplier
                if self.word(q.last) == "fold"
                    && self.t.get(q.last + 1).is_some_and(|h| {
                        h.kind == Kind::Ident
                            || self.is_capitalised(q.last + 1)
                            || self.word(q.last + 1) == "cross"
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
        let mut phrase = noun_phrase();
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
        // `3 reviewers assigned`: who reviews the author's work, not what it changed.
        if phrase.clone().any(|k| self.is(k, lexicon::REVIEWER_NOUN)) {
            return Class::Not(Reason::Collaboration);
        }
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
        if let Some(class) = self.postposed_participle(&phrase) {
            return class;
        }
        if self.caused_by_the_work(q) {
            return Class::Measure(MeasureKind::Count);
        }
        if !q.spelled && self.activity_total(q, &phrase) {
            return Class::Not(Reason::Activity);
        }
        if !q.spelled && self.document_length(q, &phrase) {
            return Class::Not(Reason::Describes);
        }
        if self.phrase_has(&phrase, PEOPLE_OUTCOME)
            && !self.phrase_has(&phrase, ARTIFACT)
            && !governed_by(PEOPLE_ACTIVITY)
        {
            return Class::Measure(MeasureKind::People);
        }
        // `Deleted ~1,800 stale IAM access keys`: things of no use any more, removed, are
        // clean-up the author did (not `removed 300 noisy alerts`, which people stopped getting,
        // nor `Deduplicated the catalogue, removing 1.3 million stale listings`, where the
        // removal is what other work did).
        let result_participle =
            |g: usize| self.word(g).ends_with("ing") && g > 0 && self.symbol(g - 1) == ",";
        if !q.spelled
            && governed_by(OUTCOME_VERB)
            && governor.is_some_and(|g| self.author_does(g) && !result_participle(g))
            && phrase
                .clone()
                .any(|k| CLEANUP_MODIFIERS.contains(self.word(k)))
        {
            return Class::Not(Reason::Activity);
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
        if !q.spelled && self.share_done(q) {
            return Class::Not(Reason::Progress);
        }
        if !q.spelled && self.work_acts(q.first) {
            return Class::Measure(MeasureKind::Count);
        }
        if self.subject_of_a_new_state(q, &phrase) {
            return Class::Measure(MeasureKind::Reach);
        }
        if self.change_reaches(governor, &phrase) {
            return Class::Measure(MeasureKind::Reach);
        }
        if !q.spelled && q.unit == Unit::Plain && self.moved_to_a_tool(q, governor, &phrase) {
            return Class::Not(Reason::Activity);
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
        // `140k home-screen installs`: others taking up the work, whatever noun modifies it.
        let engagement = phrase
            .clone()
            .last()
            .is_some_and(|head| ENGAGEMENT_NOUNS.contains(self.word(head)));
        if self.phrase_has_outside_modifiers(&phrase, ARTIFACT) && !engagement {
            return Class::Not(Reason::Activity);
        }
        // A later item of a specification list (`(4 clusters, 2 regions)`) is specification
        // whatever it counts.
        let later_spec_item = self.symbol(q.first.wrapping_sub(1)) == ",";
        // `: 240 attendees across four sessions`: others taking part are no specification.
        if !q.spelled
            && !rate
            && !engagement
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

    /// `Ran load tests at 10k QPS against staging`, `benchmarked the gateway at 2× peak`: what
    /// follows `at` (token `at`) is the load a test was run with, a setting of the test, not a
    /// result, when a test word is just before it in its clause and nothing there changed.
    fn load_a_test_ran_at(&self, at: usize) -> bool {
        let test_word = |k: usize| {
            matches!(
                self.word(k),
                "test"
                    | "tests"
                    | "tested"
                    | "testing"
                    | "benchmark"
                    | "benchmarks"
                    | "benchmarked"
                    | "benchmarking"
            )
        };
        (at.saturating_sub(6)..at)
            .filter(|&k| self.same_clause(k, at))
            .any(test_word)
            && !self.clause_has_before(at, OUTCOME_VERB | COMPARATIVE)
    }

    pub(super) fn classify_time(&self, q: &Quantity, governor: Option<usize>, over: bool) -> Class {
        let governed_by = |lists: u64| governor.is_some_and(|g| self.is(g, lists));
        // `Pair-programmed with the juniors ~4h/wk`: how much of the author's time the work
        // takes, in the object of their own activity.
        // (The word before it may be a noun that is also a verb: `the new hires ~5h/wk`.)
        if q.rate && !governed_by(COMPARATIVE) && self.in_activity_object(q.first) {
            return Class::Not(Reason::TimeShare);
        }
        // `worked ~12h/day during launch week`: the hours the author put in, per day.
        if q.rate && governed_by(DURATION) {
            return Class::Not(Reason::TimeShare);
        }
        // `Put in ~60 hours of prep`: time the author gave.
        if let Some(g) = governor
            && self.word(g) == "in"
            && g > 0
            && matches!(self.word(g - 1), "put" | "puts" | "putting")
        {
            return Class::Not(Reason::Duration);
        }
        if q.rate {
            return Class::Measure(MeasureKind::Rate);
        }
        let after = q.last + 1;
        // `green 30 days in a row`, `to green for 21 days straight`: how long a state held is a
        // result, whatever governs it.
        // (Not `Worked 3 weekends in a row`: how long the author's own effort went on.)
        let effort = governor.is_some_and(|g| EFFORT_VERBS.contains(self.word(g)));
        if (self.word(after) == "in"
            && self.word(after + 1) == "a"
            && self.word(after + 2) == "row"
            || self.word(after) == "straight")
            && !effort
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
        // `shipped the POC in 3 weeks`, `did the migration in 2 sprints`, `done in 4 days`,
        // `shipped the importer after 4 sprints`: how long the author's own work took.
        if !compared
            && let Some(g) = governor
            && matches!(self.word(g), "in" | "within" | "after")
            && self.own_work_took(g)
        {
            return Class::Not(Reason::Duration);
        }
        // `launched the beta after 6 weeks of design`, `found it after 2 days of digging`: the
        // time the effort before it took.
        if !compared
            && governor.is_some_and(|g| self.word(g) == "after")
            && self.word(after) == "of"
        {
            return Class::Not(Reason::Duration);
        }
        if compared || governed_by(TIME_MEASURE | OUTCOME_VERB) {
            return Class::Measure(MeasureKind::Time);
        }
        if self.word(after) == "of" {
            return Class::Not(Reason::Duration);
        }
        // `(team of 4, 48 hours)`: hours as an item of a specification of the author's work
        // are how long it took (shorter units there are latencies: `(p95 40 ms)`).
        if q.unit == Unit::ShortTime
            && !q.spelled
            && matches!(self.word(q.last), "h" | "hr" | "hrs" | "hour" | "hours")
            && matches!(self.symbol(q.first.wrapping_sub(1)), "," | "(" | "[")
            && self.in_work_spec(q)
        {
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

    /// `about 400 models renamed`, `1200 warnings fixed`, `two launch decisions were reversed`:
    /// a participle after the counted noun (past an auxiliary) says what happened to the things
    /// counted: the author's own work for an activity verb, a result for an outcome verb.
    pub(super) fn postposed_participle(&self, phrase: &Range<usize>) -> Option<Class> {
        if phrase.len() < 2 && !AUXILIARIES.contains(self.word(phrase.end)) {
            return None;
        }
        let mut k = phrase.start + 1;
        while k < phrase.end
            && !self.is(k, ACTIVITY | OUTCOME_VERB)
            && !MOVE_VERBS.contains(self.word(k))
        {
            k += 1;
        }
        if k == phrase.end {
            // `decisions were reversed`: the participle after an auxiliary; `300 forged calls a
            // week blocked`: after a rate.
            let mut a = phrase.end;
            if matches!(self.word(a), "a" | "an" | "per" | "each" | "every")
                && self.is(a + 1, TIME_UNIT)
            {
                a += 2;
            }
            let after_rate = a;
            while AUXILIARIES.contains(self.word(a)) && a < after_rate + 2 {
                a += 1;
            }
            if a == phrase.end || !self.t.get(a).is_some_and(|t| t.is_word()) {
                return None;
            }
            k = a;
        }
        let w = self.word(k);
        let participle =
            w.ends_with("ed") || w.ends_with("en") || IRREGULAR_PARTICIPLES.contains(w);
        // The participle ends the phrase or is followed by what it was done by or at.
        let closes = self.t.get(k + 1).is_none_or(|t| !t.is_word() || t.is(STOP));
        if !participle || !closes {
            return None;
        }
        if self.is(k, OUTCOME_VERB) {
            return Some(Class::Measure(MeasureKind::Count));
        }
        // `10,000 users onboarded`: people the work reached, whatever was done to them.
        let people = self.phrase_has(&(phrase.start..k), AFFECTED | PEOPLE_OUTCOME);
        // `600 files moved`: things the author moved.
        let own = self.is(k, ACTIVITY) || MOVE_VERBS.contains(w);
        (own && !people).then_some(Class::Not(Reason::Activity))
    }

    /// Release numbers: a bare decimal a release verb governs (`Shipped 5.3`, `lands in 6.2`),
    /// a decimal listed after a version (`5.3, 5.4 and 5.6`), and a number that an upgrade takes
    /// to a decimal version (`Updated Next.js of 13 to 14.2`).
    pub(super) fn release_number(&self, index: usize, classes: &[Option<Reason>]) -> bool {
        let q = &self.qs[index];
        let number_text = &self.text[self.t[q.number].range()];
        // Digits, one dot, digits (split at the first dot by a byte scan: numbers are short).
        let decimal = |text: &str| {
            let bytes = text.as_bytes();
            bytes.iter().position(|&c| c == b'.').is_some_and(|p| {
                let (a, b) = (&bytes[..p], &bytes[p + 1..]);
                !a.is_empty() && !b.is_empty() && a.iter().chain(b).all(u8::is_ascii_digit)
            })
        };
        if decimal(number_text) {
            let (governor, _) = self.governor(q.first);
            let released = governor.is_some_and(|g| {
                RELEASE_VERBS.contains(self.word(g))
                    || (matches!(self.word(g), "in" | "as")
                        && g > 0
                        && RELEASE_VERBS.contains(self.word(g - 1)))
            });
            let listed = index > 0 && classes[index - 1] == Some(Reason::Version) && {
                let before = &self.qs[index - 1];
                let between = before.last + 1..q.first;
                !between.is_empty()
                    && between
                        .clone()
                        .all(|i| matches!(self.symbol(i), "," | "&" | "/") || self.word(i) == "and")
            };
            // `7.2 staged rollout`, `the 5.9 bake`: a release noun within two words after it.
            let names_a_release = (q.last + 1..(q.last + 3).min(self.t.len()))
                .take_while(|&k| self.t[k].is_word())
                .any(|k| {
                    VERSION_NOUNS.contains(self.word(k)) || ROLLOUT_NOUNS.contains(self.word(k))
                });
            if released || listed || names_a_release {
                return true;
            }
            // `Cut 7.4 and 7.5 from the release branch`: a bare decimal a verb takes as its
            // object, with a release named in its clause.
            let object = governor.is_some_and(|g| self.t[g].is_word() && !self.is(g, STOP));
            // (The clause's words are looked up only when the cheaper tests leave it open.)
            let release_in_clause = || {
                self.clause_window(q.first, 12, q.last + 12).any(|k| {
                    RELEASE_VERBS.contains(self.word(k)) || VERSION_NOUNS.contains(self.word(k))
                })
            };
            // (`Branched 8.1 off main`: a particle, not a noun, after it.)
            let no_noun_after = self.noun_phrase(q.last).is_empty();
            let bare = no_noun_after || matches!(self.word(q.last + 1), "off" | "out");
            if object && bare && release_in_clause() {
                return true;
            }
            // `Regression pass for 9.2 and 9.3`, `tested on 17.4`: a bare decimal after `for` or
            // `on`, with no noun after it, names a release.
            let named_for = governor.is_some_and(|g| matches!(self.word(g), "for" | "on"));
            if named_for && no_noun_after {
                return true;
            }
            // `for the 4.1 firmware`, in a clause naming a rollout or a release: a decimal
            // between a determiner and a noun.
            let rollout_in_clause = || {
                self.clause_window(q.first, 24, q.last + 12)
                    .any(|k| ROLLOUT_NOUNS.contains(self.word(k)))
            };
            let between_determiner_and_noun = q.first > 0
                && self.is(q.first - 1, DETERMINER)
                && self
                    .t
                    .get(q.last + 1)
                    .is_some_and(|t| t.is_word() && !t.is(STOP));
            if between_determiner_and_noun && (rollout_in_clause() || release_in_clause()) {
                return true;
            }
        }
        // `of 13 to 14.2`, `16 → 20.1`: the number an upgrade starts from.
        let Some(next) = self.qs.get(index + 1) else {
            return false;
        };
        let next_text = &self.text[self.t[next.number].range()];
        let between = q.last + 1..next.first;
        between.len() == 1
            && (self.word(between.start) == "to"
                || matches!(self.symbol(between.start), "→" | "->"))
            && decimal(next_text)
            && next.unit == Unit::Plain
            && !next.magnitude
            && self.clause_has_before(q.first, VERSION_VERB)
    }

    /// The stages of a staged rollout: a series of three or more rising percentages ending at
    /// 100% with only separators between (`(10% / 50% / 100%)`, `1%/10%/50%/100%`, `5% → 25%
    /// → 100%`), or a percentage a rollout noun leads to (`staged rollout → 100%`, `canary at
    /// 5%`), not a share of people (`to 100% of users`).
    pub(super) fn rollout_stage(&self, index: usize) -> bool {
        let percent = |i: usize| self.qs.get(i).filter(|q| q.unit == Unit::Percent);
        let value = |q: &Quantity| {
            self.text[self.t[q.number].range()]
                .parse::<f64>()
                .unwrap_or(-1.0)
        };
        let joined = |a: &Quantity, b: &Quantity| {
            let between = a.last + 1..b.first;
            between.len() == 1 && matches!(self.symbol(between.start), "/" | "," | "→" | "->")
        };
        // The series around `index`.
        // (Each walk is bounded, so a long list of percentages stays linear.)
        let mut first = index;
        while first + 8 > index
            && first > 0
            && let (Some(a), Some(b)) = (percent(first - 1), percent(first))
            && joined(a, b)
            && value(a) < value(b)
        {
            first -= 1;
        }
        let mut last = index;
        while last < index + 8
            && let (Some(a), Some(b)) = (percent(last), percent(last + 1))
            && joined(a, b)
            && value(a) < value(b)
        {
            last += 1;
        }
        if last >= first + 2 && percent(last).is_some_and(|q| value(q) == 100.0) {
            return true;
        }
        let q = &self.qs[index];
        let mut k = q.first;
        if k == 0 {
            return false;
        }
        k -= 1;
        let leads = matches!(self.symbol(k), "→" | "->") || matches!(self.word(k), "to" | "at");
        leads && k > 0 && ROLLOUT_NOUNS.contains(self.word(k - 1)) && self.word(q.last + 1) != "of"
    }

    /// `Migration to Kubernetes is in 60%`, `the rewrite is at 40%`: a percentage that a piece of
    /// work (a change noun) opening the clause is at, is how far it has got.
    pub(super) fn work_is_at(&self, q: &Quantity) -> bool {
        let (Some(g), _) = self.governor(q.first) else {
            return false;
        };
        if !matches!(self.word(g), "in" | "at")
            || g == 0
            || !matches!(self.word(g - 1), "is" | "are" | "now")
        {
            return false;
        }
        let start = self.phrase_start(g);
        (start..(start + 2).min(g)).any(|k| CHANGE_NOUNS.contains(self.word(k)))
            && self.word(q.last + 1) != "of"
    }

    /// `Ran mobile interview loops — 23 this year`, `Translated the app's strings, 1,400 keys in
    /// total`: a count after a comma or a spaced dash that sums up what an activity verb opening
    /// the clause before did, over a period or in total, with nothing after it that reports a
    /// result.
    pub(super) fn activity_total(&self, q: &Quantity, phrase: &Range<usize>) -> bool {
        let mut open = q.first;
        while open > 0 && (self.is(open - 1, APPROX) || self.symbol(open - 1) == "~") {
            open -= 1;
        }
        let Some(open) = open.checked_sub(1) else {
            return false;
        };
        let dash = self.ends_clause(open) && matches!(self.symbol(open), "—" | "–" | "-");
        if !(dash || self.symbol(open) == ",") || !self.clause_opens_with(open, ACTIVITY) {
            return false;
        }
        if self.clause_opens_with(open, OUTCOME_VERB)
            || self.phrase_has(phrase, AFFECTED | INCIDENT | PEOPLE_OUTCOME)
        {
            return false;
        }
        let end = self.side_after(q.last + 1, 8).end;
        let rest = q.last + 1..end;
        let sums_up = rest.clone().any(|k| {
            matches!(self.word(k), "total" | "overall" | "altogether")
                || (matches!(self.word(k), "this" | "last")
                    && (self.is(k + 1, TIME_UNIT | MONTH)
                        || SEASONS.contains(self.word(k + 1))
                        || self.word(k + 1) == "half"))
        });
        sums_up
            && !rest.clone().any(|k| {
                self.is(k, OUTCOME_VERB | COMPARATIVE | ZERO)
                    || matches!(self.word(k), "now" | "so" | "than" | "from" | "to")
            })
    }

    /// `(about 30 pages)`, `(more or less 50 pages; on Confluence)`: a count of pages or slides
    /// in a bracket is the length of the document before it.
    pub(super) fn document_length(&self, q: &Quantity, phrase: &Range<usize>) -> bool {
        let head = phrase.clone().next();
        if !head.is_some_and(|h| LENGTH_UNITS.contains(self.word(h))) {
            return false;
        }
        let start = self.phrase_start(q.first);
        start > 0 && matches!(self.symbol(start - 1), "(" | "[")
    }

    /// [`Self::phrase_has`], not counting a word glued to a hyphen after it: the first part of a
    /// compound modifies the noun (`140k home-screen installs` counts installs, not screens).
    pub(super) fn phrase_has_outside_modifiers(&self, phrase: &Range<usize>, lists: u64) -> bool {
        phrase.clone().any(|i| {
            let before_hyphen = self.symbol(i + 1) == "-" && self.t[i + 1].glued;
            self.is(i, lists) && !before_hyphen
        })
    }

    /// `two planned features were dropped as a result`, `5 blockers were raised because of it`:
    /// a count whose clause ends by naming the work as its cause.
    pub(super) fn caused_by_the_work(&self, q: &Quantity) -> bool {
        // The rest of the clause, bounded: its end found once, not asked of every token.
        let clause = q.last + 1..(q.last + 16).min(self.clause_end(q.first));
        clause.clone().any(|k| match self.word(k) {
            "as" => self.word(k + 1) == "a" && self.word(k + 2) == "result",
            "because" => {
                self.word(k + 1) == "of" && matches!(self.word(k + 2), "it" | "this" | "that")
            }
            _ => false,
        }) && clause.clone().any(|k| AUXILIARIES.contains(self.word(k)))
    }

    /// `Migrated the 40 cron jobs to Airflow`, `moved 12 repos onto GitHub Actions`: things the
    /// author moved to a named tool, with no `from` side (`Migrated 30 DAGs from cron to
    /// Airflow` is read in `own_work_around_a_count`); not people (`moved 3 teams onto …`).
    pub(super) fn moved_to_a_tool(
        &self,
        q: &Quantity,
        governor: Option<usize>,
        phrase: &Range<usize>,
    ) -> bool {
        let Some(g) = governor else {
            return false;
        };
        let moved =
            (self.is(g, VERSION_VERB) || MOVE_VERBS.contains(self.word(g))) && self.author_does(g);
        let head_is_people = phrase
            .clone()
            .last()
            .is_some_and(|h| PEOPLE_GROUPS.contains(self.word(h)) || self.is(h, AFFECTED));
        if !moved || head_is_people || !matches!(self.word(phrase.end), "to" | "onto" | "into") {
            return false;
        }
        let mut k = phrase.end + 1;
        if self.is(k, DETERMINER) {
            k += 1;
        }
        let right = self.side_after(phrase.end + 1, 4);
        self.is_capitalised(k) && !self.side_has_quantity(right) && q.first < phrase.end
    }
}
