//! The detector's families: each test holds several varied entries of one family, the ones that
//! must count and the ones that must stay vague.

use super::*;

#[track_caller]
fn measurable(text: &str) {
    assert_eq!(
        assess(text),
        Impact::Measurable,
        "{text}: {:?}",
        judge(text)
    );
}

#[track_caller]
fn vague(text: &str) {
    assert_ne!(
        assess(text),
        Impact::Measurable,
        "{text}: {:?}",
        judge(text)
    );
}

#[test]
fn magnitudes_suffixes_ranges_and_approximations_are_measures() {
    for text in [
        "Monthly installs 40k to 310k after the rewrite",
        "The CLI passed 1k stars on GitHub",
        "Docs site reached 10,000 page views a week",
        "Gateway now serves ~15k requests a day",
        "Style guide adopted by 200+ engineers",
        "Brought p99 to 3–5 ms",
        "Freed 12 TB of object storage",
        "Trimmed the app to under 10 MB",
        "Search index holds 1.2M listings",
    ] {
        measurable(text);
    }
}

#[test]
fn multipliers_fractions_and_quantity_words_are_measures() {
    for text in [
        "Deploys happen 10× more often",
        "Cold start 5× faster on old phones",
        "Throughput x2 on the same hardware",
        "Halved the flaky-test rate",
        "Tripled weekly active editors",
        "Cut the queue wait by a third",
        "Reduced the cloud bill by half",
        "Shrank review latency by two thirds",
        "Made exports an order of magnitude cheaper",
        "Made the importer twice as fast",
        "Onboarding docs read by dozens of teams",
    ] {
        measurable(text);
    }
    for text in [
        "Spent the second half on hiring",
        "Evaluated a third party vendor for auth",
        "Worked with the two other squads on the schema",
    ] {
        vague(text);
    }
}

#[test]
fn before_and_after_in_words_is_a_measure() {
    for text in [
        "Turned a two-week manual reconciliation into a job that takes one afternoon",
        "Releases now take a day instead of a sprint",
        "Contract tests went from failing most weeks to never failing",
        "Provisioning went from a day of tickets to one command",
        "Backups moved from weekly to hourly",
        "Support replies now take minutes instead of a callback",
        "Pages went from nightly to quiet since the fix",
        "The report used to take a full day; now it's one click",
        "Release cadence is weekly, up from monthly",
    ] {
        measurable(text);
    }
    for text in [
        "Moved the build from Make to Bazel",
        "Migrated dashboards from Grafana to Datadog",
        "Chose Postgres instead of Mongo for the ledger",
        "Switched CI from Jenkins → GitHub Actions",
    ] {
        vague(text);
    }
}

#[test]
fn zero_outcomes_are_measures_when_they_say_since_when() {
    for text in [
        "Nobody has had to restart the worker by hand since the watchdog shipped",
        "No one has been paged for cert expiry since I automated renewals",
        "The VPN hasn't gone down once since the failover change",
        "Nightly sync hasn't failed since April",
        "No message loss since the broker upgrade",
        "Cut over 40 services without a single escalation",
        "Zero data loss during the region move",
        "Timeout errors dropped to none",
        "No Sev1s this half",
        "Password-reset tickets disappeared after SSO",
        "Since the rate limiter shipped, nobody has been woken up by a scraper",
        "Ended the connection storms we hit on every deploy — none since it shipped",
        "Patched the cache stampede and there have been none since",
    ] {
        measurable(text);
    }
    for text in [
        "Untangled the billing module nobody wanted to touch",
        "Rolled out zero-trust networking for the office",
        "Never shy of picking up on-call",
        "No tests existed for the importer, so I wrote them",
    ] {
        vague(text);
    }
}

#[test]
fn outcomes_for_people_are_measures() {
    for text in [
        "Got a raise after the platform rewrite",
        "Interns I hosted got 4 return offers",
        "Went from support to frontend lead in a year",
        "Coached two mid-level engineers into tech lead roles",
        "Both mentees now independently run the on-call rotation",
        "She was promoted to senior in the spring cycle",
        "Mentored the first two EMs promoted from our group",
        "Closed 7 hires for the data platform",
    ] {
        measurable(text);
    }
    for text in [
        "Raised the bar on code review",
        "Wrote my promotion case with my manager",
        "Stepped up as interim TL",
        "Onboarded dozens of new hires onto our tooling",
        "Mentored 5 engineers through weekly 1:1s",
        "Sponsored two engineers for stretch projects",
    ] {
        vague(text);
    }
}

#[test]
fn who_was_affected_counts_in_any_word_order() {
    for text in [
        "Used daily by the whole support org (~120 agents)",
        "Every product team now ships behind the flag service",
        "Adopted by all 9 backend squads",
        "Moved 3 teams onto the shared queue",
        "Fixed a crash hitting ~2% of Android users",
        "Hired and onboarded 5 engineers, all shipping within a week",
        "The tool is used by ~60 people every week",
        "The app now passes all WCAG AA checks",
        "Every service met all SOC2 controls at the audit",
    ] {
        measurable(text);
    }
}

#[test]
fn scores_and_points_are_measures() {
    for text in [
        "14-point gain in the onboarding survey",
        "NPS +9 pts after the redesign",
        "Engagement score from 58 to 77",
        "Rated 4.7 out of 5 by attendees",
        "Activation +2.5pp",
    ] {
        measurable(text);
    }
}

#[test]
fn dates_versions_and_identifiers_do_not_count() {
    for text in [
        "Planned the 2027 offsite",
        "Upgraded to Python 3.12",
        "Moved the fleet to Kubernetes 1.30",
        "Drove the Postgres 12 → 16 upgrade",
        "Shipped v2.3 of the SDK in 2026-H1",
        "Closed PLAT-4821 and PLAT-4822",
        "Owned OKR 2 for reliability",
        "Merged PR #8812 on Mar 3",
        "2026-03-14: kicked off the tracing project",
        "Fixed the N+1 query in search",
        "Prepared the 4.0 release notes",
        "Ran the Q3 planning for sprint 14",
        "Set up weekly 1:1s with the new TL",
    ] {
        assert!(
            matches!(
                assess(text),
                Impact::OnlyLabels(_) | Impact::Unmeasured(_) | Impact::ActivityCount(_)
            ),
            "{text}: {:?}",
            judge(text)
        );
    }
    assert!(matches!(
        assess("Planned the 2027 offsite"),
        Impact::OnlyLabels(_)
    ));
}

#[test]
fn the_authors_own_activity_does_not_count() {
    for text in [
        "Upgraded 4 clusters to Kubernetes 1.30",
        "Ran 6 interviews a week",
        "Wrote 35 PRs",
        "Reviewed 200+ PRs across 4 repos",
        "Attended 12 customer calls",
        "Refactored 40 components to hooks",
        "Shipped 3 SDK releases",
        "Led a team of 12 engineers across 3 time zones",
        "Managed a $1.5M annual cloud budget",
        "Spent about 50% of my time on platform work",
        "Ported the build over 2 quarters",
        "Spent ~3 months on the scheduler rewrite",
        "Managed stakeholders in 5 countries",
        "Ran a 2-day hackathon with 80 participants",
        "Sent a monthly update to 120 stakeholders",
        "Responsible for infrastructure serving 1.2M daily users",
        "Owned a service handling 50k requests per second",
        "Scope: tech lead for a programme spanning 4 teams and 2 orgs",
        "Wrote a 40-page design doc",
    ] {
        assert!(
            matches!(assess(text), Impact::ActivityCount(_)),
            "{text}: {:?}",
            judge(text)
        );
    }
    // Something else's activity is not the author's: its counts are measures.
    measurable("The new ingest API handles ~15k requests a day");
    // A result verb governs even a count of the author's kind of work.
    measurable("Lint rule I wrote has blocked ~300 unsafe calls since June");
    measurable("Wrote 35 PRs, which let us retire a $4k/month gateway");
}

#[test]
fn targets_and_plans_are_not_results() {
    for text in [
        "Set a goal to cut p95 by 30%",
        "Expected to save ~$500k/yr once the migration wraps up",
        "These changes should reduce pager load by an order of magnitude",
        "Plan is to onboard all 7 teams by Q3",
        "Aiming for 99.95% availability next year",
        "On track to reduce p99 by 40% by June",
        "Wrote the business case for a 4x throughput improvement",
        "Cut build time by 50% (in progress)",
        "Will halve the on-call load",
        "Built a proof of concept that could halve storage costs",
    ] {
        assert!(
            matches!(assess(text), Impact::Target(_)),
            "{text}: {:?}",
            judge(text)
        );
    }
    // Reached targets and comparisons with a plan are results.
    measurable("Met the goal of 99.9% availability for the quarter");
    measurable("Shipped 2 weeks earlier than planned");
    measurable("Split the monolith so teams could deploy 3x more often");
    measurable("Wrote the recovery plan and landed it, used by 12 customers in the first month");
    // What a written proposal went on to do, after a comma, is its uptake, not its aim.
    measurable("Wrote the RFC for idempotent retries, adopted by 3 teams.");
    measurable("Wrote the design doc for the event bus, now used by 9 services");
    assert!(matches!(
        assess("Wrote the business case for a 4x throughput improvement, approved by finance"),
        Impact::Target(_)
    ));
}

#[test]
fn time_counts_when_it_is_a_result() {
    for text in [
        "Checkout restored in 47 mins",
        "Delivered the portal 2 weeks early",
        "New hires get a dev env in 3 days instead of 2 weeks",
        "Rollback now takes 90s",
        "p95 is 120ms",
    ] {
        measurable(text);
    }
    for text in [
        "Covered 2 weeks of on-call for teammates",
        "Over 3 sprints, rewrote the notifier",
        "Tech lead for search (team of 5, 2 quarters)",
        "Spent two weeks profiling the renderer",
        "Chose gRPC instead of REST after a two-week evaluation",
    ] {
        vague(text);
    }
}

#[test]
fn a_judgement_explains_what_it_read_and_why_numbers_do_not_count() {
    let j = judge("Monthly downloads went from 40k to 310k; shipped v2.3 in 2027");
    assert_eq!(j.impact, Impact::Measurable);
    assert!(j.measures.iter().any(|m| m.what.contains("40k")), "{j:?}");
    assert!(
        j.not_counted.iter().any(|m| m.what == "\"2027\" is a year"),
        "{j:?}"
    );
    assert_eq!(j.missing, None);

    let j = judge("Wrote 35 pull requests for the reliability push");
    assert!(matches!(j.impact, Impact::ActivityCount(_)));
    assert!(
        j.not_counted
            .iter()
            .any(|m| m.what.contains("counts your own work")),
        "{j:?}"
    );
    assert!(
        j.missing.is_some_and(|m| m.contains("reliability")),
        "{j:?}"
    );

    let text = "Set a goal to cut p95 by 30%";
    let j = judge(text);
    assert!(
        j.not_counted
            .iter()
            .any(|m| m.what == "\"30%\" is a target, not a result"),
        "{j:?}"
    );
    let said = message(j.impact, text);
    assert!(
        said.contains("'30%' is a target") && said.contains("faster"),
        "{said}"
    );
    // The ranges are the text's own.
    let text = "Cut p99 from 800 ms to 120 ms, saving $40k";
    for range in measure_ranges(text) {
        assert!(text.get(range.clone()).is_some(), "{range:?}");
    }
    assert!(
        measure_ranges(text)
            .iter()
            .any(|r| text[r.clone()].contains("$40k"))
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]
    /// Any text, however odd, is judged without panicking, and the verdict, the explanation and
    /// the highlighted ranges agree.
    #[test]
    fn any_text_is_judged_consistently(
        text in crate::analysis::text::words_and_separators(
            vec![
                "Cut", "from", "to", "into", "by", "a", "third", "half", "40k", "1,200", "3.4",
                "v2.3", "2027", "Q3", "p95", "%", "$", "€", "~", "×", "→", "-", "/", "+",
                "week", "weeks", "days", "ms", "users", "teams", "PRs", "wrote", "nobody",
                "since", "hasn't", "once", "no", "outages", "zero", "promoted", "goal", "should",
                "instead", "of", "used", "now", "every", "all", "two", "dozens", "é", "😀",
            ],
            vec![" ", "", "\n", ", ", "; ", ": ", "(", ")", ". "],
            0..14,
        )
    ) {
        let verdict = assess(&text);
        let judged = judge(&text);
        proptest::prop_assert_eq!(verdict, judged.impact);
        proptest::prop_assert_eq!(verdict == Impact::Measurable, !judged.measures.is_empty() || verdict == Impact::Measurable);
        for range in measure_ranges(&text) {
            proptest::prop_assert!(text.get(range).is_some());
        }
        if verdict != Impact::Measurable {
            proptest::prop_assert!(!message(verdict, &text).is_empty());
        }
    }
}

#[test]
fn how_long_the_authors_own_work_took_is_not_a_measure() {
    for text in [
        "Delivered the billing prototype in 6 weeks",
        "Wrote the migration guide within 2 days",
        "I ported the SDK to Kotlin in one sprint",
        "Payments MVP completed in 3 weeks",
        "Rewrote the scheduler in 2 months",
    ] {
        vague(text);
    }
    for text in [
        "Builds now finish in 4 minutes",
        "Rewrote the scheduler so jobs start in 2 seconds",
        "Cut onboarding to 2 days",
        "Built a cache that answers in 3 ms",
        "Nightly suite green 45 days in a row",
        "Zero failed deploys 3 weeks straight",
    ] {
        measurable(text);
    }
}

#[test]
fn versions_ids_and_calendar_labels_are_not_measures() {
    for text in [
        "Bumped axios to 1.7 across the frontend",
        "chore: bump the grpc client to 9.x",
        "Moved the workers to Node 22.x",
        "Goal 3: done, wrote the on-call guide",
        "Billing design doc out for review, 4 reviewers assigned",
        "Upgraded 3 Kafka brokers to 3.6",
        "Patched GHSA-2023-1234 in the gateway",
        "6/3–6/7: mostly planning and interviews",
        "wk 9: on-call handover notes",
        "Worked on the search revamp through sprints 3–5",
        "PyCon 2025 speaker, gave the async talk",
        "0 → 1 for the team's metrics platform",
        "Doubled down on code review this quarter",
    ] {
        vague(text);
    }
    for text in [
        "Upgraded the runners, cutting build time to 1.5 min",
        "Error rate went from 0 → 1% after the bad deploy fix was reverted",
        "Doubled the cache hit rate",
    ] {
        measurable(text);
    }
}

#[test]
fn shares_of_own_work_and_work_under_way_are_not_measures() {
    for text in [
        "Closed 90% of my assigned tickets this quarter",
        "Halfway through moving the queues to SQS (8 of 16)",
        "Began splitting the monolith, 3 services done so far",
    ] {
        vague(text);
    }
    for text in [
        "Cut 40% of our cloud bill",
        "Zero pages so far this quarter, down from 12",
    ] {
        measurable(text);
    }
}

#[test]
fn nouns_that_look_like_verbs_are_not_verbs() {
    // `Support` and `planning` name things here; the counts after them are results.
    for text in [
        "Support tickets about billing fell from ~60 a week to 15",
        "Ran the planning across 6 teams, and every team shipped on time",
    ] {
        measurable(text);
    }
    vague("Supported 40 teams through the migration");
    vague("Ran the planning for 6 teams");
}

#[test]
fn an_entrys_own_date_is_not_cited_against_it() {
    let text = "2026-04-02: Improved the release docs";
    let m = message(assess(text), text);
    assert!(m.starts_with("no measurable result"), "{m}");
    assert!(!m.contains("2026-04-02"), "{m}");
    let text = "Owned a platform of 40 services";
    let m = message(assess(text), text);
    assert!(m.contains("responsible for"), "{m}");
}

#[test]
fn specifications_and_roles_of_the_authors_work_are_not_measures() {
    for text in [
        "Wrote the capacity plan (9 queues × 2 shards)",
        "Designed the audit log schema: 18 fields, 3 indexes",
        "Ran the chaos day (12 experiments)",
        "Benchmarked 4 queue libraries for the ingest path",
        "IC for 3 incidents this quarter",
        "Rotated all service credentials in staging",
    ] {
        vague(text);
    }
    for text in [
        "Ran the chaos day (12 experiments, 4 outages prevented)",
        "Rewrote the importer (40 min → 6 min)",
        "Shipped the new search: 30% more clicks",
        "Rolled the new linter out to all service teams",
        "Every squad now deploys with the pipeline I built",
        "Coached two juniors; one was named tech lead in March",
        "Sales compared to last year rose 12%",
    ] {
        measurable(text);
    }
}

#[test]
fn an_entry_with_thousands_of_counts_is_read_in_linear_time() {
    // Each quantity looks back to its phrase's start through tables built once per entry; a
    // scan back per quantity took minutes here.
    let text = format!(
        "wrote {} more",
        (1..20_000)
            .map(|i| format!("{i} docs and"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let started = std::time::Instant::now();
    assert!(!assess(&text).is_measurable());
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn time_saved_with_an_article_is_a_measure() {
    for text in [
        "Saved each on-call engineer about an hour per shift",
        "The new template saves reviewers a day per cycle",
    ] {
        measurable(text);
    }
    vague("Saved the team from a painful migration");
}

#[test]
fn before_and_after_finds_the_to_that_compares_quantities() {
    for text in [
        "Refunds went from an email to finance and a week of waiting to a button that pays out within the hour",
        "Reworked intake so requests go from a form to us and a three-day queue to a bot that answers in about a minute",
    ] {
        measurable(text);
    }
}

#[test]
fn a_change_of_practice_after_a_verb_of_going_is_a_before_and_after() {
    for text in [
        "Their hotfixes went from a full release cycle to a config push",
        "On-call handovers went from reading old chat threads to opening one runbook page",
        "We went from dreading demos to running them every Thursday without rehearsal",
    ] {
        measurable(text);
    }
    // Moving a system from one tool to another restates the change.
    for text in [
        "Went from Jenkins to GitHub Actions for CI",
        "The team went from Jira to Linear",
        "Migrated from a cron box to the managed scheduler",
    ] {
        vague(text);
    }
}

#[test]
fn a_fraction_of_something_is_a_share_like_a_percentage() {
    for text in [
        "Half of all signups now come through the new flow",
        "Two thirds of support chats are now resolved by the bot",
        "The bundle is now a quarter of what it was",
        "Roughly a third of deploys are now done by product teams themselves",
    ] {
        measurable(text);
    }
    for text in [
        "Wrote the capacity plan in the first half of 2026",
        "Spent a quarter of the year on the billing migration",
    ] {
        vague(text);
    }
}

#[test]
fn coaching_until_they_do_it_alone_is_an_outcome_for_people() {
    for text in [
        "Paired with the two new hires until both shipped features on their own",
        "Coached the interns until all three handled code reviews alone",
    ] {
        measurable(text);
    }
}

#[test]
fn a_count_after_being_taken_up_is_reach_and_after_approval_is_process() {
    for text in [
        "The lint preset is now adopted by 14 repos",
        "Our Terraform module is used in 40 services",
        "The base image is installed on 300 build agents",
        // `every` takes a singular where `all` takes a plural.
        "unified four date pickers into one component, now used on every form in the app",
        "The retry helper is now used in every service we run",
        "The lint preset is now adopted by all frontend repos",
    ] {
        measurable(text);
    }
    for text in [
        "RFC for the queue redesign, approved by 4 principal engineers",
        "Migration plan signed off by 3 directors",
        "Used 3 scripts to clean the export",
        "Used every trick in the book to fix the export",
    ] {
        vague(text);
    }
}

#[test]
fn counts_in_the_means_of_the_work_describe_it() {
    for text in [
        "Sped up the login page by caching two slow lookups",
        "Made the importer sturdier by adding 3 retries and a dead-letter queue",
        "Hardened the API through rotating 12 old keys",
    ] {
        vague(text);
    }
    for text in [
        "Sped up the login page by 40% by caching two slow lookups",
        "Cut the queue wait to 2 minutes by adding 3 runners",
    ] {
        measurable(text);
    }
}

#[test]
fn calendar_versions_and_years_before_a_singular_noun_are_labels() {
    for text in [
        "Release manager for 2025.11 and 2025.12",
        "Organised the 2026 hack week from start to finish",
        "Ran the 2025 summer intern cohort end to end",
    ] {
        vague(text);
    }
    measurable("Brought in 1900 new sellers");
}

#[test]
fn a_clause_that_names_itself_a_goal_is_a_target() {
    for text in [
        "Halving build time is the team goal for Q1",
        "p99 under 200 ms is our Q4 OKR; work starts next sprint",
    ] {
        vague(text);
    }
}

#[test]
fn a_time_set_against_its_target_is_a_result() {
    for text in [
        "Restore drill: recovery took 12 min, target was 30",
        "Review turnaround took 2 days, the goal was a week",
    ] {
        measurable(text);
    }
    vague("The migration took 3 months");
}

#[test]
fn a_plan_for_a_thing_is_no_target_and_a_plan_for_a_period_is() {
    measurable("Split the Terraform state: plan for prod from 20 min to 3 min");
    vague("Goal for H2: reach 99.9% availability on the search API");
}

#[test]
fn activity_spelled_with_prefixes_arrows_and_another() {
    for text in [
        "Co-hosted the Lisbon Go meetup (4 events)",
        "Upgraded Node 18 → 22 across 30 repos",
        "Closed 30 tickets and triaged another 25",
        "Held 12 coffee chats with new joiners",
        "Led the k8s 1.29 upgrade (6 clusters, 3 regions)",
        "Wrote the design doc for the ledger (v2, payments only): 14 sections, 4 review rounds",
        "Moved the dev cluster to k8s 1.30",
        "Ran the onboarding week end to end, including the weekly buddy lunch",
    ] {
        vague(text);
    }
}

#[test]
fn incidents_during_the_authors_own_on_call_are_the_load_handled() {
    for text in [
        "wk 7 — on call, 4 pages, one postmortem",
        "Pager week: 3 incidents, all resolved within the SLA window",
        "On-call rotation in May, 6 alerts, mostly disk space",
    ] {
        vague(text);
    }
    for text in [
        "On-call pages down from 30 a week to 4",
        "Cut on-call incidents from 9 a month to 2",
        "No pages during my on-call week since the alert cleanup",
    ] {
        measurable(text);
    }
}

#[test]
fn round_the_clock_is_how_the_work_runs_not_a_measure() {
    for text in [
        "Added a watchdog so the importer runs 24 by 7",
        "Kept the ingest running 24/7 through the sale",
    ] {
        vague(text);
    }
    measurable("Cut p95 from 24 to 7 ms");
}

// Families from a fourth writer's misses (dev-e: data/ML, SRE, front-end), each in phrasings of
// our own, and the batch of 40 entries written for them before the detector was changed.

#[test]
fn where_the_author_spoke_or_sat_is_their_own_activity() {
    for text in [
        "Spoke at 3 internal guilds about our testing strategy",
        "Presented at 2 conferences and ran a workshop at a third",
        "Gave 4 brown-bags and spoke at 2 meetups",
        "Sat on 5 promo committees this cycle",
    ] {
        vague(text);
    }
    // A count after a result verb's preposition is not a venue.
    for text in [
        "Cut on-call pages by 40%, and the runbook is linked on 30 dashboards now",
        "Latency fell at 9 of 10 edge sites",
    ] {
        measurable(text);
    }
}

#[test]
fn a_part_of_an_activity_count_reads_as_that_count() {
    for text in [
        "Opened 61 PRs this half, 12 of them to other teams' repos",
        "Covered 9 pager rotations, 3 of them over holidays",
        "Reviewed 120 design docs, 30 of those for the data org",
        "14 on-call shifts, 2 of them as incident commander",
    ] {
        vague(text);
    }
    measurable("Migrated 40 services, 38 of them with zero downtime");
}

#[test]
fn partial_progress_is_not_a_result() {
    for text in [
        "5 of 11 teams onboarded to the new pipeline so far",
        "Search migration roughly 60% complete",
        "Billing cutover is about 40% done",
    ] {
        vague(text);
    }
    let explained = judge("Billing cutover is about 40% done");
    assert!(
        matches!(explained.impact, Impact::Target(_)),
        "{explained:?}"
    );
    assert_eq!(
        explained.not_counted[0].what,
        "\"40%\" is how far the work has got, not a result yet"
    );
    for text in [
        "Saved $40k in egress so far this year",
        "Rolled out to 100% of users",
        "11 of 12 analytics repos now use the shared style guide",
    ] {
        measurable(text);
    }
}

#[test]
fn what_the_authors_work_consumed_is_not_a_result() {
    for text in [
        "Fine-tuned the ranker on 4×H100, about 30 GPU-hours",
        "Crunched 12TB of logs for the capacity study",
        "Annotated ~1.5k support transcripts for the intent model",
        "Hand-labelled ~3k images for the defect dataset",
        "Shadowed the SRE team ~3h a week for a quarter",
        "Pair-programmed with the new hires ~5h/wk",
    ] {
        vague(text);
    }
    for text in [
        "Saved ~300 GPU-hours a month by caching embeddings",
        "Freed 12 TB of object storage",
        "The batch scorer now processes 4TB a night",
        "Deploys are 8× faster",
    ] {
        measurable(text);
    }
}

#[test]
fn what_the_authors_rollout_or_docs_cover_is_their_scope() {
    for text in [
        "Bumped Node 18 → 20 across the 12 frontend services",
        "Rolled Python 3.12 out to the 3 ML services",
        "Alert rules for 8 services, tuned thresholds by hand",
        "Wrote runbooks for 15 services",
        "HPA configs for 6 svcs",
        "Java 11 → 17 migration for the billing monolith",
        "On call weeks 14 + 15, handled the pages",
    ] {
        vague(text);
    }
    for text in [
        "Rolled the new logging agent out to 40 teams, cutting log costs by $22k a month",
        "Upgraded to Node 20; cold starts dropped from 900 ms to 400 ms",
    ] {
        measurable(text);
    }
}

#[test]
fn people_a_change_went_through_are_who_it_reached() {
    // DESIGN §4: counts of teams and engineers affected are a measure; five teams going through
    // a migration the author led are not the author's output (as "wrote 35 PRs" is). Systems the
    // author moved, and the size of the work in a compound, stay the author's own work.
    for text in [
        "Led the migration across 5 teams",
        "Coordinated the rollout to 12 squads",
        "Drove the cutover across 200 engineers in one weekend",
    ] {
        measurable(text);
    }
    for text in [
        "Led a 3-team migration",
        "Mentored engineers across 3 teams",
        "Bumped the Go toolchain to 1.23 across 40 services",
    ] {
        vague(text);
    }
}

#[test]
fn promises_service_objectives_and_bounds_are_targets() {
    for text in [
        "Committed to halving MTTR next half",
        "Pledged to cut cold start by half before the spring launch",
        "Agreed an SLA of 99.95% with the payments team",
        "Set an SLO of 99.9% for checkout and wired up burn-rate alerts",
        "Target p99 < 250 ms for the search API, load tests running",
        "Target AUC ≥ 0.90 for the fraud model",
    ] {
        vague(text);
    }
    for text in [
        "Committed to main 40% less often after trunk-based flags", // a comparison, not a promise
        "SLO breaches down 80% since the retry budget",
        "Met our SLO of 99.9% every month this half",
    ] {
        measurable(text);
    }
}

#[test]
fn few_and_handful_are_sides_of_a_before_and_after() {
    for text in [
        "Flaky-test reruns dropped from a couple hundred a day to a handful",
        "Questions in the channel went from dozens a week to a few",
        "Form tickets went from around forty a week to a handful",
    ] {
        measurable(text);
    }
    vague("Moved from a couple of scripts to a proper pipeline");
}

#[test]
fn a_fraction_before_a_comparative_is_a_measure() {
    for text in [
        "Roughly a third fewer support contacts about login",
        "A quarter fewer alerts per shift after the dedup rule",
        "Two thirds less time in review",
    ] {
        measurable(text);
    }
}

#[test]
fn times_of_day_before_and_after_are_a_measure() {
    for text in [
        "Nightly ETL used to land at 9am; now done by 3am",
        "The weekly report now lands before 8am instead of mid-afternoon",
        "The nightly job finishes before 6am instead of lunchtime",
        // A side read back from `instead` stops at the `:` of a clock time.
        "Nightly settlement now finishes by 01:10 instead of 05:30",
        "Rollbacks used to mean paging a DBA at 2am; now any engineer does it from a button in the afternoon",
    ] {
        measurable(text);
    }
    vague("Moved the standup to the afternoon");
}

#[test]
fn adoption_as_the_default_and_ratings_people_got_are_outcomes() {
    for text in [
        "Our dbt style guide is now the default in 11 of 12 analytics repos",
        "The eval harness is now the standard across 7 ML teams",
        "Paired with our new grad for a quarter; she got an \"exceeds\" rating",
        "My intern got a return offer and joined in September",
    ] {
        measurable(text);
    }
    vague("Wrote the default config for the new repos");
}

// Families from a second batch of our own (security, mobile, managers, QA, DBAs, maintainers,
// support), first scored 0.889 / 0.889.

#[test]
fn everyone_the_author_met_with_is_not_reach() {
    for text in [
        "Held weekly 1:1s with all 8 reports",
        "Ran retros with every squad in the tribe",
        "Paired with all three new grads on their first PRs",
    ] {
        vague(text);
    }
    for text in [
        "Every squad in the tribe now runs its own retros",
        "Shipped the flag SDK to all 14 product teams",
    ] {
        measurable(text);
    }
}

#[test]
fn a_noun_compound_is_no_activity_verb_and_a_result_verb_governs_what_follows() {
    for text in [
        "Design-token adoption reached 23 of 25 product surfaces",
        "Review-bot coverage grew to 40 repos",
        "Build-cache hits climbed to 91% of CI jobs",
    ] {
        measurable(text);
    }
    vague("Review-bot: reviewed 25 design-token PRs by hand");
}

#[test]
fn the_dimensions_of_a_set_up_are_not_measures() {
    for text in [
        "Set up the test environment matrix (3 browsers × 4 locales)",
        "Stood up the staging grid: 2 regions x 3 zones",
    ] {
        vague(text);
    }
    measurable("Ran 3× more test jobs on the same runners");
}

#[test]
fn no_longer_with_an_amount_is_a_before_and_after() {
    for text in [
        "Replica lag no longer spikes past a second during the nightly batch",
        "Month-end close no longer takes 3 days",
        "The export no longer times out above 50k rows",
    ] {
        measurable(text);
    }
    for text in [
        "The importer no longer needs manual steps",
        "No longer the only person who knows the billing code",
    ] {
        vague(text);
    }
}

// Families from a third batch of our own (games, firmware, fintech, devrel, FinOps, data and ML
// platform, managers), first scored 0.923 / 0.857.

#[test]
fn things_moved_from_one_tool_to_another_are_the_authors_work() {
    for text in [
        "Migrated 30 DAGs from cron to Airflow",
        "Ported 45 jobs from Jenkins to Buildkite",
        "Moved 12 services from Heroku onto ECS",
    ] {
        vague(text);
    }
    for text in [
        "Migrated 30 DAGs from cron to Airflow, and failed runs went from 20 a week to 2",
        "Migrated 2M accounts to the new auth backend with 0 forced logouts",
    ] {
        measurable(text);
    }
}

#[test]
fn now_then_before_and_times_under_a_unit_are_measures() {
    for text in [
        "Model rollback now takes one command and under a minute; before it was a half-day of manual steps",
        "Releases now go out from a merge; before that it took 3 people and an afternoon",
        "The failover drill finishes in under an hour",
    ] {
        measurable(text);
    }
    for text in [
        "Rollback is now one command; before it was a script",
        "Wrote the rollback guide before the freeze",
    ] {
        vague(text);
    }
}

// A fourth batch of our own (20 entries), first scored 0.833 / 1.000.

#[test]
fn how_long_a_state_held_is_a_result_whatever_governs_it() {
    for text in [
        "Brought the flaky e2e suite to green for 21 days straight",
        "Kept the nightly build green 30 days in a row",
    ] {
        measurable(text);
    }
    vague("Worked on the flaky e2e suite for 21 days");
}

#[test]
fn coaching_until_the_person_does_it_on_their_own_is_an_outcome() {
    for text in [
        "Mentored Priya until she led the Q3 launch on her own",
        "Paired with the new SRE until he ran incident reviews alone",
        "Coached the two juniors until they owned the release train",
    ] {
        measurable(text);
    }
    for text in [
        "Mentored Priya through the Q3 launch",
        "Worked on the importer until they cancelled the project",
    ] {
        vague(text);
    }
}

// Families from wins-dev-f.tsv (a mobile engineer, a hedged British data engineer, a non-native
// English speaker), each in phrasings of our own.

#[test]
fn a_participle_after_the_counted_noun_says_whose_work_it_was() {
    for text in [
        "Schema cleanup: 250 columns renamed",
        "Test suite tidy-up — 900 deprecation warnings fixed",
        "Ported the settings flow, 14 screens rewritten",
    ] {
        vague(text);
    }
    for text in [
        "Ran the churn analysis; two pricing changes were reversed after it",
        "Added request signing, 300 forged calls a week blocked",
        "New importer live, 12,000 users onboarded",
    ] {
        measurable(text);
    }
}

#[test]
fn before_and_now_read_in_either_order() {
    for text in [
        "now the support team answers it themselves, before was 3 days in our queue",
        "Before, QA waited two days for a build; now they get one on every merge",
        "every locale now ships with the release, before only English",
        "dashboards now refresh hourly, where it used to be once a day",
    ] {
        measurable(text);
    }
    for text in [
        "Deploys are now one command; before it was a wiki page",
        "Before joining the team I worked on payments",
    ] {
        vague(text);
    }
}

#[test]
fn fractions_after_down_or_before_off_and_comparatives_of_load_are_measures() {
    for text in [
        "Bundle size down roughly a fifth on older phones",
        "The new index took about a quarter off query costs",
        "The support queue has been a third quieter since the FAQ went up",
    ] {
        measurable(text);
    }
    vague("Spent a quarter of my time on interviews");
}

#[test]
fn none_after_a_count_in_an_earlier_clause_is_a_zero() {
    for text in [
        "Failed nightly loads: eleven in Q1; none since the retries landed",
        "The cert expired on 3 weekends last year; this year, on none",
    ] {
        measurable(text);
    }
    vague("Reviewed the on-call runbooks; none were out of date");
}

#[test]
fn stages_of_a_staged_rollout_are_not_measures() {
    for text in [
        "Built the feature-flag ramp (5% / 25% / 100%)",
        "Rolled out the new player in steps 1%/5%/50%/100%",
        "7.2 staged rollout → 100%",
        "Kept the canary at 5% for a week",
    ] {
        vague(text);
    }
    for text in [
        "Crash rate 1.2% → 0.3% after the rollout",
        "Rollout reached 100% of users with no rollbacks",
    ] {
        measurable(text);
    }
}

#[test]
fn release_numbers_are_versions() {
    for text in [
        "Shipped 3.1, 3.2 and 3.3 to the App Store",
        "Remaining screens land in 4.8",
        "Fixed the login crash during the 2.4 beta",
        "Moved the web app of React 17 to 18.3",
        "Android 14 predictive back support",
    ] {
        vague(text);
    }
    for text in [
        "Cut the error rate to 0.5 per thousand requests",
        "App Store rating 4.1 → 4.6",
    ] {
        measurable(text);
    }
}

#[test]
fn whole_numbers_an_upgrade_moves_named_software_to_are_versions() {
    for text in [
        "Upgraded Postgres from 12 to 16",
        "Bumped minSdk to 26",
        "Upgraded the app to React 18",
        "Moved our CI images from Ubuntu 20 to 22",
    ] {
        vague(text);
    }
    // A noun after the number is counted, a named upgrade beside a measure keeps the measure,
    // and a number a cut leads to is a measure.
    for text in [
        "Upgraded Postgres from 12 to 16, which cut query time by 40%",
        "Cut the build queue from 12 to 3 minutes",
        "Upgraded Kafka to 3 brokers per zone and p99 lag fell from 40 s to 2 s",
    ] {
        measurable(text);
    }
}

#[test]
fn counts_of_things_already_of_no_use_removed_are_clean_up() {
    for text in [
        "Deleted ~1,800 stale IAM access keys",
        "Deleted 60 unused dbt models",
        "removed 40 dead feature flags from the web app",
    ] {
        vague(text);
    }
    // What people stopped getting, a removal that other work brought about, and a measure
    // beside the clean-up still count.
    for text in [
        "Removed 300 noisy alerts from the on-call rotation",
        "Deduplicated the product catalogue, removing 1.3 million stale listings",
        "Removed 40 unused dependencies, which cut install time by 40%",
    ] {
        measurable(text);
    }
}

#[test]
fn a_target_for_a_coming_period_is_a_target() {
    for text in [
        "Aim for this quarter: bring p95 under 300 ms",
        "The goal for next year is cut in 20% the cloud bill",
        "Target for the coming half: 99.95% availability",
    ] {
        vague(text);
    }
}

#[test]
fn everything_the_authors_own_work_covers_is_not_reach() {
    for text in [
        "Runbooks for all the services",
        "Bumped Java 17 to Java 21 in all the repos",
    ] {
        vague(text);
    }
    for text in [
        "Rolled Java 21 out to all 14 teams, who now build 30% faster",
        "Runbooks now used by every support team",
    ] {
        measurable(text);
    }
}

#[test]
fn a_count_that_sums_up_the_authors_activity_is_activity() {
    for text in [
        "Ran design reviews for the platform team — 31 this year",
        "Localised the onboarding copy, 2,300 strings in total",
        "Wrote the style guide (about 25 pages)",
        "Onboarding handbook in Notion (40 pages, more or less)",
    ] {
        vague(text);
    }
    for text in [
        "Launched the newsletter — 4,000 subscribers this year",
        "Wrote the style guide; 25 teams now follow it",
    ] {
        measurable(text);
    }
}

#[test]
fn progress_said_as_being_at_a_share_is_progress() {
    for text in [
        "Migration to Postgres 16 is at 70%, the rest next sprint",
        "The rewrite is in 45%",
        "Estimated saving of $30k a year when we finish the cutover",
    ] {
        vague(text);
    }
    measurable("Test coverage is at 85%, up from 40%");
}

#[test]
fn people_in_new_roles_and_everyone_counted_are_outcomes() {
    for text in [
        "Sponsored Ana — promoted to Senior Data Engineer in the spring cycle",
        "Mentored Raj through his first launch; he is tech lead of search since May",
        "Coached the two graduates; she became a staff engineer last month",
        "Onboarded 4 contractors, all four had merged code by day three",
    ] {
        measurable(text);
    }
    vague("Mentored Raj; he is a great engineer");
}

#[test]
fn a_removed_problem_adoption_after_now_and_asides_are_read() {
    for text in [
        "Rewrote image decoding and removed the top ANR entirely",
        "Got rid of the Monday crash completely",
        "The SDK wrappers I wrote are used now in 9 apps",
        "The billing export (which, I'll admit, started as a script) is now used by all 20 analysts",
        "The capacity forecast we built landed within 5% of actual load",
    ] {
        measurable(text);
    }
    for text in [
        "Removed the legacy settings screen entirely",
        "The capacity forecast projects a 20% rise next year",
    ] {
        vague(text);
    }
}

// Families from our own held-out batches 10–12 (written before the changes for them).

#[test]
fn a_count_the_work_caused_is_a_result() {
    for text in [
        "Shared the cohort study; three experiments were stopped as a result",
        "Ran the threat model, and 4 risky endpoints were closed because of it",
    ] {
        measurable(text);
    }
    vague("Ran the threat model and logged 12 risks");
}

#[test]
fn previously_formerly_and_after_close_a_before_and_after() {
    for text in [
        "Formerly each audit took a fortnight; now it takes two days",
        "Previously 5 manual steps per deploy, now none",
        "Login outages: three in May, none after the token fix",
        "Last autumn the sync failed on 6 weekends; this autumn, on none",
    ] {
        measurable(text);
    }
}

#[test]
fn arrows_between_rollout_stages_compare_nothing() {
    for text in [
        "Shifted checkout traffic over slowly (2% → 20% → 100%)",
        "Branched 8.1 off main and shipped it to TestFlight",
        "Objectives for this half: grow weekly actives by 15%",
    ] {
        vague(text);
    }
}

#[test]
fn roles_with_hyphens_adoption_with_adverbs_and_engagement_counts_are_outcomes() {
    for text in [
        "Coached Ana through launches; she is on-call lead of billing since April",
        "The form library I wrote is used widely in 25 apps",
        "Android 12 splash screens: 90k home-screen installs in a month",
    ] {
        measurable(text);
    }
    vague("Rebuilt 14 settings screens in Compose");
}

#[test]
fn things_moved_to_a_named_tool_are_the_authors_work() {
    for text in [
        "Migrated the 25 nightly scripts to Dagster",
        "Moved 9 repos onto GitHub Actions this spring",
        "Ran vendor reviews, 12 this half",
    ] {
        vague(text);
    }
    for text in [
        "Migrated 3 teams onto the new on-call tool",
        "Moved 40 services to Kubernetes, cutting deploy time by half",
    ] {
        measurable(text);
    }
}

#[test]
fn decimals_a_release_names_and_things_moved_as_participles_are_the_authors_work() {
    for text in [
        "Exploratory testing for 11.3 and 11.4, 250 charters executed",
        "Canary of the 3.6 client at 5% / 20% / 100% of installs",
        "Cleaned up the wiki, 900 pages relocated",
    ] {
        vague(text);
    }
    for text in [
        "Checkout conversion for the 2.1 app rose from 3.1% to 3.8%",
        "Kept the crash rate for 11.3 under 0.1%",
    ] {
        measurable(text);
    }
}

#[test]
fn irregular_participles_after_the_counted_noun_are_read_too() {
    for text in [
        "Load-test plan for 2.0, 90 scenarios run",
        "Hiring drive: 30 interviews held",
    ] {
        vague(text);
    }
    measurable("Tightened the budget alerts, 12 idle clusters shut down");
}

#[test]
fn entries_of_thousands_of_stages_arrows_and_alls_are_read_in_linear_time() {
    // The families added for dev-f look a bounded way around each token: a long list of rising
    // percentages, arrows and `all`s after versions stays quick.
    let stages = (1..6_000)
        .map(|i| format!("{i}%"))
        .collect::<Vec<_>>()
        .join(" / ");
    let arrows = (1..6_000)
        .map(|i| format!("{i}%"))
        .collect::<Vec<_>>()
        .join(" → ");
    let alls = format!(
        "Bumped Node 18 to 20.1 {}",
        "in all the services and ".repeat(6_000)
    );
    for text in [
        format!("canary at {stages}"),
        format!("ramp {arrows}"),
        alls,
    ] {
        let started = std::time::Instant::now();
        let _ = judge(&text);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}

#[test]
fn a_target_word_modifying_a_noun_names_the_work_not_an_aim() {
    for text in [
        "Query planning time for ad-hoc queries down 35%",
        "Improved ad targeting CTR by 12%",
        "Improved forecast accuracy from 80% to 92%",
        "Cut sprint planning meetings from 2h to 30 min",
        "Capacity planning model now saves $40k a month",
        "Shipped targeted fixes that cut crashes by 40%",
    ] {
        measurable(text);
    }
    // The same words as the clause's verb, or before a number or a function word, still aim.
    for text in [
        "Planning to cut latency by 35%",
        "Targeting 99.9% availability",
        "Targeting CTR above 5% next quarter",
        "Planning for 2x growth next year",
        "We forecast 20% fewer tickets",
        "We are planning migration of 40 services",
        "The capacity forecast projects a 20% rise next year",
    ] {
        vague(text);
    }
}

#[test]
fn an_entry_of_thousands_of_counts_between_versions_is_read_in_linear_time() {
    // Each count asks whether the sides of its `from … to` hold versions; classifying every
    // quantity before it again for each question made this minutes long in a debug build.
    let text = (0..2_000)
        .map(|n| {
            format!(
                "Migrated the remaining {n} DAGs from 1.{} to 2.{}",
                n % 9,
                n % 7
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let started = std::time::Instant::now();
    let _ = assess(&text);
    let _ = judge(&text);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

// Families taught from the released held-out sets b and c (fifth session). Each test uses
// phrasings of our own, both ways.

#[test]
fn what_the_work_did_is_not_the_authors_own_output() {
    for text in [
        "Added a pre-merge check; it caught 14 broken migrations in its first month",
        "Wrote a script that closed 300 stale tickets without anyone touching them",
        "Shipped a bot which reverted 9 bad deploys before customers saw them",
        "The linter now rejects unsafe SQL in all 240 services",
    ] {
        measurable(text);
    }
    for text in [
        "Wrote 35 PRs for the billing service",
        "Reviewed 200 PRs that touched the payments code",
        "Fixed the 12 flaky tests that I had written last year",
        "Closed 40 tickets in the backlog",
    ] {
        vague(text);
    }
}

#[test]
fn a_multiple_or_half_of_another_quantity_is_a_measure() {
    for text in [
        "The cluster handles twice the load it did in spring",
        "Build minutes are now half what they were before the cache",
        "Support spend is half of what it was last year",
        "We run thrice the experiments on the same budget",
    ] {
        measurable(text);
    }
    for text in [
        "Spent the first half of the year on the rewrite",
        "Met the vendor twice a month",
    ] {
        vague(text);
    }
}

#[test]
fn nobody_affected_is_a_zero_outcome() {
    for text in [
        "Patched the auth bypass before release; not a single user was affected",
        "Automated the cert renewal so no team ever had to rotate one by hand",
        "Moved the schema change behind a flag, and no customer had to re-login",
    ] {
        measurable(text);
    }
    for text in [
        "No team owned the deploy scripts, so I took them over",
        "Worked with the teams that had no on-call rota",
    ] {
        vague(text);
    }
}

#[test]
fn a_share_of_the_work_reported_done_is_progress() {
    for text in [
        "Porting the CLI to Rust, step 2 of 5 done",
        "Rewriting the ETL jobs; roughly 30% of the jobs are done",
    ] {
        vague(text);
    }
    for text in [
        "30% of the jobs finish within an hour now",
        "Cut failed jobs by 30%, and all of them are done by 6am",
    ] {
        measurable(text);
    }
}

#[test]
fn a_could_in_a_time_clause_is_what_became_possible() {
    measurable(
        "Published the error budget; once teams could see it, two of them cut paging by 40%",
    );
    measurable("When support could search the logs themselves, escalations fell by a third");
    vague("Built a prototype that could cut build time by 30%");
}

#[test]
fn a_no_longer_set_against_what_used_to_cost_an_amount_is_a_before_after() {
    measurable(
        "Moved the vendored SDK upstream, so we no longer patch it; each upgrade used to take a week",
    );
    measurable("We no longer rebuild images by hand, which used to eat 3 hours a release");
    vague("We no longer keep a fork of the SDK, which used to be painful");
}

#[test]
fn all_after_a_verb_of_being_taken_up_is_reach() {
    measurable("The review checklist I drafted is now used for all backend design docs");
    measurable("My retry helper is relied on across all payment services");
    vague("Wrote a checklist for all backend design docs");
}

#[test]
fn people_taking_part_and_a_raise_with_a_change_are_outcomes() {
    measurable("Hosted the frontend guild: 85 participants over three evenings");
    measurable("Moved from contractor to permanent staff with a raise");
    vague("Hosted the frontend guild over three evenings");
}

#[test]
fn a_target_ends_where_and_opens_a_clause_that_reports() {
    measurable(
        "Wrote the proposal to retire the old queue, and the three engineers on it moved to other work",
    );
    measurable("Proposed the on-call handbook, and since then 30 engineers have used it");
    vague("Wrote the proposal to cut queue costs by 40% and move 3 teams");
    vague("About 60% through porting the jobs to Airflow");
}

/// teach-i's families (sixth session), in words of our own: a specification list may hold a
/// label or a named part (`(v2, 22 pages)`, `(Rust, gRPC, 3 services)`), hours in it are how
/// long the work took, `N-fold` before a method's name names the method, what the author's work
/// was `for` is its extent, a decimal after a score's name is its value, a problem that
/// `stopped entirely` is at zero, and a zero is read past a hyphenated modifier.
#[test]
fn teach_i_families_of_own_work_and_of_zero_outcomes() {
    for text in [
        "Wrote the onboarding guide (v2, 22 pages, 4 diagrams)",
        "Prototyped the pricing engine (Rust, gRPC, 3 services)",
        "Joined the internal game jam (team of 3, 36 hours)",
        "Evaluated the churn model with 10-fold cross-validation",
        "Scored the ranker on a 5-fold CV split",
        "Built the export flow for both mobile clients",
        "Rebuilt the docs site in Vue.js 3",
        "Calibrated 25 interview packets for the hiring committee",
        "Tuned the search cluster (heap, shards, 120 load runs)",
        "Set up Grafana for the data team with 30 dashboards",
        "Participated in 6 design reviews",
        "Paused the old exporter, and its nightly job stopped entirely",
        "Bumped the payments SDK to 9.x",
    ] {
        vague(text);
    }
    for text in [
        "Retrained the intent classifier: F1 0.64 → 0.79",
        "Cut the flaky suite, and complaints about broken builds stopped entirely",
        "Moved payments to the new cluster without a single user-visible outage",
        "Throughput rose 4-fold after the rewrite",
        "Referral signups saw a 3-fold increase",
        "Shipped the import tool (team of 3, p95 40 ms)",
        "Rewrote the nightly load (team of 2, 6 hours → 40 minutes)",
        "The fix I built for both mobile clients cut crashes by 30%",
    ] {
        measurable(text);
    }
}

#[test]
fn candidates_who_accepted_the_authors_offers_are_a_people_outcome() {
    // Held-out batch n and batch m: who took the offer is what the hiring changed.
    for text in [
        "Hiring: closed all three senior backend reqs this half, every candidate accepted",
        "Sold two senior candidates on the team; both accepted",
        "Ran the campus loop for interns, 4 of 5 accepted our offers",
        "Both offers were accepted within a week",
    ] {
        measurable(text);
    }
    // Something else accepted, what the author accepted, or no hiring in the entry.
    for text in [
        "My talk was accepted at KubeCon",
        "Got 38 PRs accepted upstream",
        "Pitched the migration plan to the architects; both accepted it",
        "Reviewed the RFC with the leads; all accepted",
    ] {
        vague(text);
    }
}

#[test]
fn a_count_that_a_guard_stopped_is_what_it_kept_from_happening() {
    for text in [
        "Canary analysis I added to the deploy pipeline has stopped 7 bad releases before they reached customers",
        "The schema check stops ~20 breaking migrations a month",
    ] {
        measurable(text);
    }
    // Stopping one's own work is no guard's catch.
    vague("Stopped working on the two side projects");
}

#[test]
fn what_used_to_happen_and_stopped_is_a_zero_outcome() {
    // Held-out batch o: a burden that stopped or went away, said without a number.
    for text in [
        "Sales reps stopped getting duplicate leads altogether once the dedupe service was live",
        "Made the ETL idempotent so reruns stopped producing duplicate rows",
        "After the retry fix the nightly job stops failing on Mondays",
        "Added cache warming on deploy; the error spikes after every release are gone",
        "The flaky login tests are now gone for good",
    ] {
        measurable(text);
    }
    // The author stopping their own work, and `gone` that moved somewhere.
    for text in [
        "Stopped working on the two side projects",
        "I stopped attending the platform sync",
        "Finally stopped doing the release notes by hand",
        "Have gone through the whole backlog",
        "The team has gone over the design twice",
    ] {
        vague(text);
    }
}

#[test]
fn a_zero_closed_by_a_whole_period_is_a_zero_outcome() {
    for text in [
        "Contract tests between app and backend, no app release broke because of an API change this year",
        "Nobody was paged all quarter after the alert cleanup",
        "No deploy was rolled back the whole of last year",
    ] {
        measurable(text);
    }
    // Nothing happened-and-failed in the period, a point in time, or work not done.
    for text in [
        "No new features this quarter, mostly cleanup",
        "I had never used TypeScript before this year",
        "Didn't get to the migration this quarter",
    ] {
        vague(text);
    }
}

#[test]
fn an_after_then_a_before_in_numbers_is_a_change_without_now() {
    for text in [
        "Wrote the DB failover runbook — the last two failovers took under 10 min, before it they took over an hour",
        "Deploys take 6 minutes, before this they took 40",
    ] {
        measurable(text);
    }
    // One side only says how much: no change is told.
    for text in [
        "Spent 3 weeks on the migration, before it I was on the payments team",
        "Shipped the importer, before it was due",
    ] {
        vague(text);
    }
}

#[test]
fn someone_now_doing_the_work_on_their_own_is_a_people_outcome() {
    for text in [
        "Mentored Priya from her first design review to leading the team's architecture reviews on her own",
        "Ana now covers the refund service on-call by herself",
        "Paired with the two new hires until both ran the release by themselves",
    ] {
        measurable(text);
    }
    // The author's own way of working.
    for text in [
        "Wrote the migration by myself",
        "Did the whole rewrite on my own",
        "Built the prototype on my own time",
    ] {
        vague(text);
    }
}

#[test]
fn a_level_an_objective_is_set_at_and_a_pursuit_are_targets() {
    for text in [
        "Set the p95 SLO at 300ms for the search API",
        "Agreed the availability target at 99.95% with the platform team",
        "Pursuing a 30% reduction in build minutes",
    ] {
        vague(text);
    }
    // Reaching the level is a result.
    measurable("Held the p95 at 300ms through the holiday peak");
}

#[test]
fn a_decimal_in_brackets_after_a_product_is_its_version() {
    for text in [
        "Migrated the notifications service to k8s (1.29)",
        "Upgraded the fleet to Postgres (16.2)",
    ] {
        vague(text);
    }
    // A measure in brackets is still one.
    for text in [
        "Cut p95 latency (1.2s) in half",
        "Raised the cache hit rate to 0.93 (from 0.71)",
    ] {
        measurable(text);
    }
}

#[test]
fn the_load_a_test_ran_at_is_its_setting() {
    // Held-out batch o, and batch m's `at 10k RPS`, which was not tuned on.
    for text in [
        "Ran load tests at 10k QPS against staging",
        "Ran load tests against the new gateway at 10k RPS",
        "Load-tested the gateway at 2x peak traffic",
        "Benchmarked the new index at 500 rps",
    ] {
        vague(text);
    }
    // What held at that load is a result.
    for text in [
        "The gateway now holds p99 under 40 ms at 10k QPS",
        "Load tests at 10k QPS now pass with p99 under 50 ms",
    ] {
        measurable(text);
    }
}

#[test]
fn a_multiplier_before_a_period_is_how_often_not_how_much() {
    for text in [
        "Ran a 2x weekly sync with the platform team",
        "3x/week standups with the data team during the migration",
        "Ran standups 2x a week",
        "Hosted office hours 2x per month",
    ] {
        vague(text);
    }
    for text in [
        "Deploys went from 1x a week to 3x daily",
        "Doubled deploys to 2x a week",
        "Cut the weekly sync from 2x to 1x by publishing a status doc",
        "Release cadence 2x per month → 3x per week",
        "Deploys 5x faster",
    ] {
        measurable(text);
    }
}

#[test]
fn a_level_set_for_an_objective_is_a_target_and_one_reached_is_a_result() {
    for text in [
        "Set a 99.9% SLO for the checkout API",
        "Agreed a 200 ms p95 budget for the search page",
        "Defined a 5% error threshold for the canary",
        "Proposed a $40k cap on the logging bill",
    ] {
        vague(text);
    }
    for text in [
        "Hit the 99.9% SLO every month since March",
        "Met a 200 ms p95 budget on every release",
        "Set up 3 dashboards that cut triage time by 40%",
    ] {
        measurable(text);
    }
}

#[test]
fn spells_of_duty_named_extra_or_overnight_are_the_authors_own_duty() {
    for text in [
        "Took 2 extra on-call shifts in December",
        "Covered 3 weekend pager rotations",
        "Did 4 overnight shifts during the freeze",
    ] {
        vague(text);
    }
    measurable("Signed 2 extra enterprise customers");
}

#[test]
fn time_after_which_the_authors_work_was_done_is_how_long_it_took() {
    for text in [
        "Shipped the new importer on 14 March after 4 sprints",
        "Launched the beta after 6 weeks of design",
        "Found the leak after 2 days of digging",
    ] {
        vague(text);
    }
    for text in [
        "Restored checkout after 12 minutes",
        "Caught the regression after 2 hours instead of 2 days",
    ] {
        measurable(text);
    }
}

#[test]
fn an_arrow_between_ways_of_working_and_nobody_any_more_are_outcomes() {
    for text in [
        "Releases went from a manual checklist → one command",
        "Rollbacks went from a full redeploy → flipping a toggle",
        "Nobody has to restart the workers by hand any more",
    ] {
        measurable(text);
    }
    for text in [
        "Migrated from Jenkins → GitHub Actions",
        "Didn't get any more headcount this half",
        "Nobody asked for any more meetings",
    ] {
        vague(text);
    }
}

#[test]
fn time_the_author_put_in_is_effort_not_a_result() {
    for text in [
        "worked ~12h/day during launch week to get it out the door",
        "Worked 3 weekends in a row on the data migration",
        "Put in ~60 hours of Black Friday prep",
    ] {
        vague(text);
    }
    for text in [
        "Kept the nightly build green 30 days in a row",
        "Put in place 3 alerts that cut MTTR by half",
    ] {
        measurable(text);
    }
}

#[test]
fn many_things_made_into_one_is_a_before_and_after() {
    for text in [
        "Retired the legacy PHP monolith, which merged three on-call rotations into one",
        "Folded 4 status pages into a single one",
    ] {
        measurable(text);
    }
    vague("Merged the design doc into the wiki");
}
