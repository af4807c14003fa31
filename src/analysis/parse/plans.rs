//! Which entries of a growth plan tell of work done. A plan is mostly what is still to come:
//! goals, actions, support asks, learning, reflections. Its look back is in a few places a reader
//! finds by the structure ("Progress so far" with a part per goal, "What I've done since last
//! review", "Recent wins", a dated check-in of a running log, previous goals graded one by one)
//! and, within them, by the wording of each item: completed work ("Wrote the runbook",
//! "Design doc approved at review") is a win, a plan, work still under way ("in draft, about 60%
//! written", "Started the doc; only the problem statement is written") or learning ("Finished
//! the course") is not. A plan's paragraphs are its reflection and its notes: its wins are its
//! items.

use super::wording;
use crate::analysis::document::{EntryForm, EntryRole, Section, SectionKind, Wording};
use crate::analysis::words::lexicon::{DECISION_VERBS, DRAFT_DONE_VERBS, GOAL_MET, NOTHING_DONE};
use crate::catalogue::{Role, normalize_name};

/// The role of an entry of a growth plan, from the role its sections give it (`role`): a win
/// only where a section holds the plan's look back and the item tells of work done; a plan's
/// actions, lessons and trait sections keep their roles.
pub(super) fn plan_role(
    sections: &[Section],
    section: Option<usize>,
    form: EntryForm,
    text: &str,
    role: EntryRole,
    wording: &Wording,
) -> EntryRole {
    if !matches!(role, EntryRole::Win | EntryRole::Other) {
        return role;
    }
    let is_win = match form {
        EntryForm::Paragraph => false,
        // A table of goals holds its look back in a column ("Evidence", "Progress"): the row is
        // a win when a cell of it tells of work done.
        // A row whose status says its goal has not begun is a plan (`builder`).
        EntryForm::TableRow => {
            !wording.is_intent && !in_guidance(sections, section) && row_tells_of_work_done(text)
        }
        // An item under a label of work done (`- Done so far:`) or ticked (`- [x]`) looks back
        // wherever it sits, under a goal of the plan too.
        // An item under a label of work done (`- Done so far:`) or ticked (`- [x]`) looks back
        // wherever it sits, under a goal of the plan too: it is a win unless it says nothing
        // was done yet (`Done so far: n/a`), or tells of work under way or of learning.
        EntryForm::Item if wording.looks_back => {
            !under_way(text) && !is_learning(text) && !says_nothing_done(text)
        }
        EntryForm::Item => looks_back(sections, section) && tells_of_work_done(text),
    };
    if is_win {
        EntryRole::Win
    } else {
        EntryRole::Other
    }
}

fn in_guidance(sections: &[Section], section: Option<usize>) -> bool {
    section.is_some_and(|idx| sections[idx].is_guidance)
}

/// Whether a row of a plan's table (its cells joined by ` | `) tells of work done in one of its
/// cells, and is neither a goal not yet begun nor learning. The goal and action cells of a row
/// are plans ("Write module ownership doc"); its evidence is what was done ("Ownership doc
/// merged").
fn row_tells_of_work_done(row: &str) -> bool {
    let cells = || row.split(" | ").map(str::trim);
    !cells().any(super::columns::not_begun)
        && !is_learning(row)
        && cells()
            .any(|cell| (wording::claims_work(cell) || names_work_done(cell)) && !under_way(cell))
}

/// Whether a lead-in's "goals" still make a win of this plan entry: under previous goals ("These
/// were my goals for 2023:") an item that tells of work done is graded, not planned.
pub(super) fn outweighs_goal_lead_in(role: EntryRole) -> bool {
    role == EntryRole::Win
}

/// Whether the nearest section that says anything holds the plan's look back: a section that
/// holds wins (not "Strengths", which describes the author), a dated check-in, or goals looked
/// back on ("Previous goals", "Progress on last year's goals").
fn looks_back(sections: &[Section], section: Option<usize>) -> bool {
    let mut idx = section;
    while let Some(current) = idx {
        let section = &sections[current];
        if section.is_guidance {
            return false;
        }
        match section.kind {
            SectionKind::Role(role) if role.holds_wins() => {
                return !names_any(&section.title, SELF_DESCRIPTION_WORDS);
            }
            SectionKind::Role(Role::Goals) => return names_goals_looked_back(&section.title),
            SectionKind::Role(_) | SectionKind::Trait(_) => return false,
            SectionKind::Free if names_goals_looked_back(&section.title) => return true,
            // A dated heading of a running plan is a check-in: what happened since the last one.
            // Not the dated notes of a meeting (`## 1:1 notes` / `### 2026-04-09`): what was
            // said there is feedback and plans.
            SectionKind::Free if section.date.is_some() => {
                return !names_any(&section.title, GOAL_WORDS)
                    && !under_no_win_role(sections, section.parent);
            }
            SectionKind::Free => idx = section.parent,
        }
    }
    false
}

/// Whether the nearest section around `section` that names a role names one of no wins.
fn under_no_win_role(sections: &[Section], mut section: Option<usize>) -> bool {
    while let Some(current) = section {
        match sections[current].kind {
            SectionKind::Role(role) => return role.holds_no_wins(),
            SectionKind::Trait(_) => return false,
            SectionKind::Free => section = sections[current].parent,
        }
    }
    false
}

/// Headings of a plan that hold wins in a brag doc but describe the author in a plan.
const SELF_DESCRIPTION_WORDS: &[&str] = &["strengths", "strength"];

/// Words that name goals in a heading.
const GOAL_WORDS: &[&str] = &["goal", "goals", "objectives", "okrs", "okr", "resolutions"];

/// Words that, with a goal word, say a heading looks back on goals set earlier ("Previous
/// goals", "Last year's goals", "Progress on goals", "2023 goals review").
const LOOK_BACK_WORDS: &[&str] = &[
    "previous",
    "last",
    "past",
    "prior",
    "old",
    "review",
    "recap",
    "progress",
    "graded",
    "scorecard",
];

fn names_goals_looked_back(title: &str) -> bool {
    names_any(title, GOAL_WORDS) && names_any(title, LOOK_BACK_WORDS)
}

/// Whether one of `words` is a whole word of `title`, whatever its case and punctuation.
fn names_any(title: &str, words: &[&str]) -> bool {
    normalize_name(title)
        .split(' ')
        .any(|word| words.contains(&word.trim_end_matches("'s")))
}

/// Whether an item of a plan's look back tells of work done: it claims work (a past work verb,
/// "I wrote…"), or names a piece of work with what was done to it ("Design doc approved at
/// review", "Checklist written and used"), and is neither still under way nor learning.
fn tells_of_work_done(text: &str) -> bool {
    // A goal graded as met is judged by the evidence after its grade, whatever is still
    // missing ("Goal 1: mostly done. The strategy exists; risk review still missing.").
    if grades_goal_met(text) {
        return !is_learning(text);
    }
    // The claim is in the item's first sentence; later ones are asides ("I previously tried X
    // but got into it. I wrote about this in a post.").
    let first = [". ", "! ", "? "]
        .iter()
        .filter_map(|end| text.find(end))
        .min()
        .map_or(text, |at| &text[..at]);
    (wording::claims_work(first) || names_work_done(first))
        && !decides_what_next(first)
        && !under_way(text)
        && !is_learning(text)
}

/// Whether a sentence opens with a decision about what to do next ("Agreed to drop step 4",
/// "Decided to move the talk"; the verbs are `lexicon/decision-verbs.txt`).
fn decides_what_next(sentence: &str) -> bool {
    let mut words = wording::words(sentence);
    words
        .next()
        .is_some_and(|w| wording::in_list(w, DECISION_VERBS.phrases()))
        && words.next().is_some_and(|w| wording::in_list(w, &["to"]))
}

/// Whether an item opens with a goal's label and a grade that says it was met (`Goal 2: done.
/// …`; the grades are `lexicon/goal-met-statuses.txt`).
fn grades_goal_met(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    if label.split_whitespace().count() > 4 || !names_any(label, GOAL_WORDS) {
        return false;
    }
    let grade = rest
        .split(['.', ';', ',', '(', '—', '–', '!'])
        .next()
        .unwrap_or("");
    GOAL_MET.contains(&normalize_name(grade))
}

/// Words after a past participle that end the phrase naming what was done ("doc approved at
/// review", "Checklist written and used", "runbook merged"), where a noun after it would make
/// it an adjective ("Clear written communication").
const AFTER_DONE: &[&str] = &[
    "at", "on", "in", "by", "and", "for", "to", "with", "after", "before", "into", "last", "this",
    "since", "across", "from", "via", "as", "early", "ahead", "without",
    // the particle of a phrasal verb: "signed off by", "rolled out to", "handed over"
    "off", "out", "over", "up",
];

/// Words before a participle that make it no claim of work done: a negation, an auxiliary of
/// something still to come ("not started", "to be reviewed", "will get approved").
const NOT_DONE_BEFORE: &[&str] = &[
    "not", "never", "be", "get", "gets", "getting", "will", "to", "being", "unless", "if",
];

/// Whether the first clause of `text` names a piece of work and what was done to it, a short
/// subject and then a past participle ("Idempotency-keys design doc approved at review on
/// 2026-09-03", "Ownership doc merged; triage running since Feb").
fn names_work_done(text: &str) -> bool {
    let clause = text.split(['.', ';', '\n', '(']).next().unwrap_or("");
    let words: Vec<&str> = wording::words(clause).take(8).collect();
    // The subject: one to five words that are not the author, then the participle.
    for at in 1..words.len().min(6) {
        let word = words[at];
        // `Nightly suite running since 2026-05-06`: a piece of work in service since a date
        // was put there.
        let in_service = wording::in_list(word, IN_SERVICE)
            && words
                .get(at + 1)
                .is_some_and(|w| wording::in_list(w, &["since"]));
        if !wording::is_work_past(word) && !in_service {
            continue;
        }
        let subject = &words[..at];
        if subject
            .iter()
            .any(|w| wording::in_list(w, NOT_DONE_BEFORE) || wording::in_list(w, PEOPLE_WORDS))
        {
            return false;
        }
        return words
            .get(at + 1)
            .is_none_or(|next| wording::in_list(next, AFTER_DONE));
    }
    false
}

/// Words that, before "since", say a piece of work is in service ("running since May").
const IN_SERVICE: &[&str] = &["running", "live", "deployed", "enabled"];

/// Pronouns that, as the subject, make a sentence of something else than a piece of work.
const PEOPLE_WORDS: &[&str] = &["i", "we", "he", "she", "they", "it", "my", "our"];

/// Words that say the work is not finished: "in draft", "halfway through", "not at the goal
/// yet", "only the problem statement is written", "still to do", "in progress".
const UNDER_WAY_WORDS: &[&str] = &[
    "draft",
    "drafting",
    "halfway",
    "partway",
    "yet",
    "still",
    "only",
    "remaining",
    "ongoing",
    "underway",
    "progress",
    "wip",
    // "two shadow weeks left"
    "left",
];

/// Verbs that begin something: followed by another verb ("started using", "began learning",
/// "started to write") they tell of a habit or work begun, not work done.
const BEGIN_VERBS: &[&str] = &["started", "began", "begun", "starting"];

/// Whether the text says the work it names is still under way: an under-way word, a beginning
/// of something ("started using…"), or a count of parts done out of a whole ("7 of 12
/// modules", "weeks 1–4 of 8").
fn under_way(text: &str) -> bool {
    let words: Vec<&str> = wording::words(text).collect();
    words.iter().enumerate().any(|(at, word)| {
        let next = words.get(at + 1).copied().unwrap_or("");
        (wording::in_list(word, UNDER_WAY_WORDS) && !is_draft_done(&words, at))
            || (wording::in_list(word, BEGIN_VERBS)
                && (next.ends_with("ing") || wording::in_list(next, &["to"])))
            || (wording::in_list(word, &["of"])
                && at > 0
                && is_count(words[at - 1])
                && is_count(next))
    })
}

// The words that say nothing is done yet are `words/lexicon/nothing-done-words.txt`.

/// Whether the text after its label (`Done so far: …`) says nothing is done yet.
fn says_nothing_done(text: &str) -> bool {
    let rest = text.split_once(':').map_or(text, |(_, rest)| rest).trim();
    let first = rest.split([' ', ',', ';', '(']).next().unwrap_or("");
    rest.is_empty() || wording::in_list(first, NOTHING_DONE.phrases())
}

// The verbs that finish a draft are `words/lexicon/draft-done-verbs.txt`.

/// Whether the word at `at` is "draft" with a verb that finished it a few words before.
fn is_draft_done(words: &[&str], at: usize) -> bool {
    wording::in_list(words[at], &["draft"])
        && words[at.saturating_sub(3)..at]
            .iter()
            .any(|w| wording::in_list(w, DRAFT_DONE_VERBS.phrases()))
}

/// A number written in digits ("7", "1–4").
fn is_count(word: &str) -> bool {
    !word.is_empty() && word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Words of the author's own learning: books, reading, courses. A plan's learning is not a
/// win, finished or not, unless the author taught it ([`TEACHING_VERBS`]).
const LEARNING_WORDS: &[&str] = &[
    "read",
    "reading",
    "book",
    "books",
    "course",
    "courses",
    "coursera",
    "udemy",
    "pluralsight",
    "certification",
    "certificate",
    "learn",
    "learning",
    "learned",
    "learnt",
    "study",
    "studied",
    "studying",
    "tutorial",
    "tutorials",
];

/// Verbs of making or teaching: with them, a book or a course is work ("Wrote a book", "Ran
/// the course for new hires").
const TEACHING_VERBS: &[&str] = &[
    "taught",
    "teach",
    "gave",
    "ran",
    "hosted",
    "organized",
    "organised",
    "led",
    "presented",
    "wrote",
    "published",
    "created",
    "designed",
];

/// Verbs of getting to the end of something: before a quoted title ("Finished \"Staff
/// Engineer\"") they tell of a book or a course read, not of work done.
const FINISH_VERBS: &[&str] = &["finished", "completed", "read"];

/// Whether the text tells of the author's own learning (and not of teaching or writing).
fn is_learning(text: &str) -> bool {
    if let Some(first) = wording::words(text).next()
        && wording::in_list(first, FINISH_VERBS)
    {
        // `first` is a slice of `text`: what follows it.
        let end = first.as_ptr() as usize - text.as_ptr() as usize + first.len();
        if text[end..]
            .trim_start()
            .starts_with(['"', '“', '\'', '‘', '*', '_'])
        {
            return true;
        }
    }
    let mut learning = false;
    for word in wording::words(text) {
        if wording::in_list(word, TEACHING_VERBS) {
            return false;
        }
        learning |= wording::in_list(word, LEARNING_WORDS);
    }
    learning
}

#[cfg(test)]
mod tests {
    use crate::analysis::document::DocKind;

    /// The entries of a growth plan a reader would judge as wins.
    fn wins(text: &str) -> Vec<String> {
        super::super::wins(text, DocKind::GrowthPlan)
    }

    #[test]
    fn progress_under_each_goal_is_read_and_the_plan_is_not() {
        let plan = "\
## Goals
1. Ship 2 design docs by 2026-12-15.
## Actions
1. Block Friday mornings for design-doc writing.
## Progress so far
### 1. Design docs
- Retry design doc approved at architecture review on 2026-09-03.
- Second doc is in draft, about 60% written.
- Still to do: the rollout plan.
### 2. Reading
- Finished \"Staff Engineer\".
### 3. Mentoring
- Paired with Lin through her first on-call week.
## Reflections
I wrote the cache design doc alone and it showed in the review.
";
        assert_eq!(
            wins(plan),
            [
                "Retry design doc approved at architecture review on 2026-09-03.",
                "Paired with Lin through her first on-call week."
            ]
        );
    }

    #[test]
    fn dated_check_ins_and_graded_goals_are_look_backs() {
        let log = "\
### 2026-Q3 check-in (2026-08-28)
- Gave the onboarding session to the support team.
- Started the redesign doc; only the problem statement is written.
- Doing the cloud course, weeks 1–4 of 8 done.

Next:
- Get the redesign doc to review by 2027-01-31.

## Standing goals (set 2026-05)
1. Write 3 design docs this year.

## Previous goals
- **Write 12 blog posts:** I wrote 10 blog posts in 2023.
- **Read 12 books:** I'm happy to say that I achieved this goal!
- **Finish a course:** I started learning algorithms but fell off track.
";
        assert_eq!(
            wins(log),
            [
                "Gave the onboarding session to the support team.",
                "Write 12 blog posts: I wrote 10 blog posts in 2023."
            ]
        );
    }

    #[test]
    fn goals_graded_as_met_and_work_signed_off_look_back() {
        let plan = "\
## Check-ins
### 2026-03-02
- Onboarding guide signed off by the support lead on 2026-02-27
- Paging policy rolled out to both rotas
- Weekly restore drill running since 2026-02-10
## Progress notes
- Goal 1: mostly done. The guide exists and support uses it; the video is still missing.
- Goal 2: done. Wrote the paging policy.
- Goal 3: on track.
- Goal 4: done. Finished the Kubernetes course.
- Agreed to drop step 2 of goal 3 for now, the rota is full
";
        assert_eq!(
            wins(plan),
            [
                "Onboarding guide signed off by the support lead on 2026-02-27",
                "Paging policy rolled out to both rotas",
                "Weekly restore drill running since 2026-02-10",
                "Goal 1: mostly done. The guide exists and support uses it; the video is still missing.",
                "Goal 2: done. Wrote the paging policy.",
            ]
        );
    }

    #[test]
    fn a_draft_written_is_a_step_done_and_one_in_draft_is_not() {
        let plan = "## Progress so far\n- Wrote the first draft of the indexing strategy.\n- The second doc is in draft.\n";
        assert_eq!(
            wins(plan),
            ["Wrote the first draft of the indexing strategy."]
        );
    }

    #[test]
    fn done_items_under_a_goal_look_back_and_the_goal_does_not() {
        let plan = "## Goals\n- Goal: own the ledger\n  - Done: wrote the ledger runbook\n  - [x] Moved the alerts to the new pager\n  - [ ] Hand the rota to Pia\n  - Next: the migration plan\n- Goal: give a talk\n  - Done so far: n/a\n";
        assert_eq!(
            wins(plan),
            [
                "Done: wrote the ledger runbook",
                "Moved the alerts to the new pager"
            ]
        );
    }

    #[test]
    fn strengths_support_and_learning_are_no_wins() {
        let plan = "\
Strengths
---------
- Clear written communication; my design docs usually get approved on the first pass.

What I've done since last review
--------------------------------
**Shipped**
- Upgraded React from 17 to 18 across the monorepo.
- Taking the course — halfway through.

Support needed
--------------
- An intro to the Design Systems lead.
";
        assert_eq!(
            wins(plan),
            ["Upgraded React from 17 to 18 across the monorepo."]
        );
    }
}
