//! What a heading makes of its section: a trait, a role or free prose. Headings name roles in
//! many more ways than the ladder's aliases spell them ("3 Key Lessons Learned", "What I
//! learned in 2019", "How can we improve [30 Minutes]", "What worked? What do you
//! appreciate?"), so a heading that is not an alias is tried again without the words that only
//! decorate it, and a question heading is read by the words that carry its meaning.

use crate::analysis::document::SectionKind;
use crate::analysis::words::lexicon::{
    NEXT_PERIODS, NOT_DONE_HEAD_NEIGHBOURS, NOT_DONE_HEADS, NOT_DONE_LABELS, PROJECT_WORDS,
    TRAILING_PERIODS,
};
use crate::catalogue::{Ladder, Role, normalize_name};

/// The kind of section a heading's text opens.
pub(super) fn classify(ladder: &Ladder, title: &str) -> SectionKind {
    if title.is_empty() {
        return SectionKind::Free;
    }
    let normalized = normalize_name(title);
    if let Some(role) = ladder.find_role_normalized(&normalized) {
        return SectionKind::Role(role);
    }
    if let Some(trait_idx) = ladder.trait_index_normalized(&normalized) {
        return SectionKind::Trait(trait_idx);
    }
    if let Some(role) = role_of_its_opening(&normalized) {
        return SectionKind::Role(role);
    }
    // A heading of two names for one kind of section ("Todo / next", "Goals/plans") is that
    // kind when one of its parts names a role and no part names another.
    if title.contains('/')
        && let Some(role) = role_of_parts(ladder, title)
    {
        return SectionKind::Role(role);
    }
    // A heading that names one project of a packet (`### Project: Checkout latency`) holds
    // that project's wins.
    if names_one_project(title) {
        return SectionKind::Role(Role::Projects);
    }
    // Most headings are plain topics ("Payments migration"): nothing to strip, no question.
    if !may_be_decorated(title, &normalized) {
        return SectionKind::Free;
    }
    let core = undecorated(title);
    if core != normalized
        && !core.is_empty()
        && let Some(role) = ladder.find_role_normalized(&core)
    {
        return SectionKind::Role(role);
    }
    match question_role(title, &core) {
        Some(role) => SectionKind::Role(role),
        None => SectionKind::Free,
    }
}

/// A heading whose first word says what it holds and whose rest only says which span or whose:
/// "Next half" and "Next review cycle" (`words/lexicon/heading-next-periods.txt`) are plans for
/// that span; "Feedback I got", "Feedback from my manager", "Feedback received this half" are
/// feedback. A topic that only starts with the word ("Feedback loops for the ML team") is not.
fn role_of_its_opening(normalized: &str) -> Option<Role> {
    let (first, rest) = normalized.split_once(' ')?;
    match first {
        "next" if NEXT_PERIODS.contains(rest) => Some(Role::Goals),
        "feedback" => {
            let by = rest.split(' ').next().unwrap_or("");
            matches!(by, "i" | "ive" | "from" | "received" | "given").then_some(Role::Feedback)
        }
        _ => None,
    }
}

/// Whether a short line of plain text, a paragraph of its own, names a role as a heading would
/// ("Notes to self", "Goals:"): a writer who skips the `#` still opens a section with it. A
/// sentence (it ends with a stop) or a longer line is prose.
pub(super) fn names_section_alone(ladder: &Ladder, line: &str) -> bool {
    let line = line.trim();
    line.len() <= MAX_LABEL
        && !line.ends_with(['.', '!', '?', ';', ','])
        && matches!(
            classify(ladder, line.trim_end_matches(':').trim()),
            SectionKind::Role(_)
        )
}

/// Whether a heading names one project: a word of `lexicon/project-heading-words.txt`, then `:`
/// or a dash, then its name. A hyphen joined to the next word makes a compound, no separator
/// ("Project-based learning").
fn names_one_project(title: &str) -> bool {
    let title = title.trim_start();
    let Some(at) = title.find([':', '—', '–', '-']) else {
        return false;
    };
    let (word, rest) = (title[..at].trim(), &title[at..]);
    if rest.starts_with('-') && !rest[1..].starts_with(char::is_whitespace) {
        return false;
    }
    let name = rest.trim_start_matches([':', '—', '–', '-', ' ']);
    PROJECT_WORDS.contains(&word.to_lowercase()) && !name.trim().is_empty()
}

// The labels of work not done yet (`Blocked:`, `Next week:`, `- Goal: own the payments
// module`) are `words/lexicon/not-done-labels.txt`.

/// The role a short label names where it opens an item (`Next week: the cost report`) or
/// stands above the items nested under it (`- Done so far:`): a role by its heading words, and
/// the labels of work not done yet (`lexicon/not-done-labels.txt`) as goals.
pub(super) fn label_role(ladder: &Ladder, label: &str) -> Option<Role> {
    let label = label.trim().trim_end_matches(':').trim();
    if label.is_empty() || label.len() > 40 {
        return None;
    }
    let normalized = normalize_name(label);
    let normalized = normalized.trim();
    if NOT_DONE_LABELS.contains(normalized) || has_not_done_head(normalized) {
        return Some(Role::Goals);
    }
    match classify(ladder, label) {
        SectionKind::Role(role) => Some(role),
        _ => None,
    }
}

/// Whether a normalized label of several words opens or closes with a word of work not done
/// (`lexicon/not-done-label-heads.txt`) beside a word of time or a preposition
/// (`lexicon/not-done-head-neighbours.txt`): "todo next week", "blocked on infra", "monday
/// todos", but not "todo app rewrite" or "blockers dashboard", which name work.
fn has_not_done_head(label: &str) -> bool {
    NOT_DONE_HEADS.phrases().iter().any(|head| {
        let opens = label
            .strip_prefix(head)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|rest| rest.split(' ').next())
            .is_some_and(|next| NOT_DONE_HEAD_NEIGHBOURS.contains(next));
        let closes = label
            .strip_suffix(head)
            .and_then(|rest| rest.strip_suffix(' '))
            .and_then(|rest| rest.rsplit(' ').next())
            .is_some_and(|before| NOT_DONE_HEAD_NEIGHBOURS.contains(before));
        opens || closes
    })
}

/// The longest label [`opening_label`] reads, in bytes.
const MAX_LABEL: usize = 40;

/// The label a line opens with: a few words before a `:` (`Next week: finish the report`).
pub(super) fn opening_label(text: &str) -> Option<&str> {
    let text = text.trim_start();
    // A label of three words is short: look for its `:` in the first bytes only (a search of
    // the whole text read every byte of the many entries without a colon).
    let head = &text.as_bytes()[..text.len().min(MAX_LABEL + 1)];
    let colon = memchr::memchr(b':', head)?;
    let (label, rest) = (&text[..colon], &text[colon + 1..]);
    let words = count_words(label);
    // `12:30`, `https:` and the like are no labels; a label with nothing after it labels what
    // is nested under it.
    ((1..=3).contains(&words)
        && !rest.starts_with("//")
        && !rest.trim().is_empty()
        && !label.ends_with(char::is_numeric))
    .then_some(label)
}

/// `split_whitespace().count()`, without decoding an ASCII label character by character.
fn count_words(label: &str) -> usize {
    if !label.is_ascii() {
        return label.split_whitespace().count();
    }
    let mut in_word = false;
    let mut words = 0;
    for &byte in label.as_bytes() {
        let space = matches!(byte, b'\t'..=b'\r' | b' ');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// The one role the `/`-separated parts of a heading name, when they name exactly one.
fn role_of_parts(ladder: &Ladder, title: &str) -> Option<Role> {
    let mut found = None;
    for part in title.split('/') {
        let part = normalize_name(part);
        if part.is_empty() {
            continue;
        }
        match (ladder.find_role_normalized(&part), found) {
            (Some(role), None) => found = Some(role),
            (Some(role), Some(earlier)) if role != earlier => return None,
            _ => {}
        }
    }
    found
}

/// True when [`undecorated`] or [`question_role`] could find a role the plain lookup did not:
/// the heading has brackets, `&`, a question mark or a digit, or opens with a filler or a
/// question word.
fn may_be_decorated(title: &str, normalized: &str) -> bool {
    let first = normalized.split(' ').next().unwrap_or("");
    title
        .bytes()
        .any(|b| matches!(b, b'[' | b'(' | b'&' | b'?') || b.is_ascii_digit())
        || LEADING_FILLERS.contains(&first)
        || matches!(first, "what" | "how" | "where" | "which" | "why" | "who")
        || normalized.ends_with(" this year")
        || normalized.contains(" for ")
        || TRAILING_PERIODS.phrases().iter().any(|phrase| {
            normalized
                .strip_suffix(phrase)
                .is_some_and(|rest| rest.ends_with(' '))
        })
}

/// Words before a heading's subject that do not change what it is for ("My accomplishments",
/// "Key achievements", "Other highlights").
const LEADING_FILLERS: [&str; 9] = [
    "my", "our", "the", "key", "other", "some", "main", "major", "recent",
];

/// A heading's text, normalized, without what only decorates it: bracketed and parenthesized
/// notes ("[30 Minutes]", "(2024)"), everything after a first question when another follows,
/// leading numbers and fillers ("3 Key …", "1. …"), `&` spelt out, and a trailing year or
/// period ("… in 2019", "… for 2024", "… this year").
pub(super) fn undecorated(title: &str) -> String {
    let mut plain = String::with_capacity(title.len());
    let mut depth = 0usize;
    for ch in title.chars() {
        match ch {
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            '&' if depth == 0 => plain.push_str(" and "),
            _ if depth == 0 => plain.push(ch),
            _ => {}
        }
    }
    let first_question = match plain.find('?') {
        Some(at) if !plain[at + 1..].trim().is_empty() => &plain[..at],
        _ => &plain,
    };
    let normalized = normalize_name(first_question);
    let mut words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    while words
        .first()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) || LEADING_FILLERS.contains(w))
    {
        words.remove(0);
    }
    // A trailing year, half or quarter, with the word that ties it on ("Wins for 2025", "Goals
    // for H2", "Plans in Q3 2026").
    let mut dated = false;
    if words.last().is_some_and(|w| is_year(w)) {
        words.pop();
        dated = true;
    }
    if words.last().is_some_and(|w| is_half_or_quarter(w)) {
        words.pop();
        dated = true;
    }
    if dated
        && words
            .last()
            .is_some_and(|w| matches!(*w, "in" | "for" | "of" | "during"))
    {
        words.pop();
    }
    // A span after `for`: "Goals for the next half", "Plans for this quarter"
    // (`words/lexicon/heading-next-periods.txt`). A topic after it ("Goals for the platform
    // team") stays.
    if let Some(at) = words.iter().rposition(|w| *w == "for")
        && at > 0
    {
        let mut span = &words[at + 1..];
        if span.first() == Some(&"the") {
            span = &span[1..];
        }
        if span
            .first()
            .is_some_and(|w| matches!(*w, "next" | "this" | "last"))
        {
            span = &span[1..];
        }
        let span = span.join(" ");
        if span == "year" || NEXT_PERIODS.contains(&span) {
            words.truncate(at);
        }
    }
    if words.len() > 2 && words[words.len() - 2..] == ["this", "year"] {
        words.truncate(words.len() - 2);
    }
    // A trailing span of time ("Wins so far", "Highlights to date").
    for phrase in TRAILING_PERIODS.phrases() {
        let n = phrase.split(' ').count();
        if words.len() > n && words[words.len() - n..].join(" ") == *phrase {
            words.truncate(words.len() - n);
            break;
        }
    }
    words.join(" ")
}

/// `h1`, `h2`, `q1` to `q4`: a half or a quarter of a year.
fn is_half_or_quarter(word: &str) -> bool {
    matches!(word, "h1" | "h2" | "q1" | "q2" | "q3" | "q4")
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// Words that give a question heading its role, tried in order: the first role with a word in
/// the heading wins. Goals come before learning ("What I want to learn"), and what could have
/// gone better before what to improve. Each word is matched at the start of a word of the
/// heading, so `improv` matches "improve" and "improvements".
const QUESTION_WORDS: [(Role, &[&str]); 8] = [
    (
        Role::Goals,
        // A self-review's "How can your manager support you?" asks for a plan too.
        &[
            "want",
            "plan",
            "goal",
            "hope",
            "next year",
            "wish",
            "support",
        ],
    ),
    (
        Role::DidntGoWell,
        &[
            "didn t go well",
            "didnt go well",
            "went wrong",
            "better",
            "puzzl",
            "frustrat",
            "challeng",
            "problem",
            "struggl",
            "lack",
            "longed",
            "badly",
            "hard",
            "difficult",
            "fall short",
            "fell short",
        ],
    ),
    (Role::Actions, &["action"]),
    (
        Role::DoDifferently,
        &[
            "change",
            "improv",
            "differently",
            "next time",
            "start",
            "stop",
            "try",
        ],
    ),
    // A self-review's or a plan's look back: "What were your biggest accomplishments?", "What
    // I've done since last review".
    (
        Role::Wins,
        &[
            "accomplish",
            "achiev",
            "done",
            "got done",
            "shipped",
            "deliver",
            "impact",
            "contribut",
            "wins",
        ],
    ),
    // "How did you help the people around you?" (before went-well's "helped").
    (
        Role::Mentoring,
        &["help the people", "people around", "help others", "mentor"],
    ),
    (
        Role::WentWell,
        &[
            "went well",
            "worked",
            "work well",
            "helped",
            "appreciat",
            "liked",
            "glad",
            "proud",
            "good",
        ],
    ),
    (Role::Learned, &["learn"]),
];

/// The role a question heading asks for ("What should we change?", "What went well ✅",
/// "How can we improve"), by its words; `None` for other headings.
fn question_role(title: &str, core: &str) -> Option<Role> {
    let first = core.split(' ').next().unwrap_or("");
    let is_question =
        title.contains('?') || matches!(first, "what" | "how" | "where" | "which" | "why" | "who");
    if !is_question {
        return None;
    }
    // A word of the list matches at the start of a word of the heading.
    let at_word_start = |word: &str| {
        core.match_indices(word)
            .any(|(at, _)| at == 0 || core.as_bytes()[at - 1] == b' ')
    };
    QUESTION_WORDS.iter().find_map(|(role, words)| {
        words
            .iter()
            .any(|word| at_word_start(word))
            .then_some(*role)
    })
}

/// Whether a heading or label names a retrospective ("Team retro for the quarter:", "Sprint
/// 14 retrospective"), by a word of its own.
pub(super) fn names_a_retro(title: &str) -> bool {
    normalize_name(title)
        .split(' ')
        .any(|word| RETRO_WORDS.contains(&word))
}

/// Words that name a retrospective.
const RETRO_WORDS: [&str; 4] = ["retro", "retros", "retrospective", "retrospectives"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin_ladders;

    #[test]
    fn label_words_count_as_split_whitespace_counts_them() {
        for label in [
            "",
            " ",
            "Next week",
            "  Done\tso far ",
            "a\x0Bb\x0Cc\rd\ne",
            "Fun",
            "Nächste Woche",
            "x\u{2003}y",
            "**Goals** ",
        ] {
            assert_eq!(
                count_words(label),
                label.split_whitespace().count(),
                "{label:?}"
            );
        }
    }

    fn role_of(title: &str) -> Option<Role> {
        match classify(&builtin_ladders()[0], title) {
            SectionKind::Role(role) => Some(role),
            _ => None,
        }
    }

    #[test]
    fn decorated_headings_name_their_roles() {
        for (title, role) in [
            ("My Accomplishments", Role::Wins),
            ("Key achievements 🏆", Role::Wins),
            ("Highlights:", Role::Wins),
            ("Misc", Role::Wins),
            ("Collaboration & Mentorship", Role::Mentoring),
            ("Design & Documentation", Role::Projects),
            ("Company Building", Role::Wins),
            ("Goals for Next Year", Role::Goals),
            ("Todo / next", Role::Goals),
            ("Wins/highlights", Role::Wins),
            ("Outside of Work", Role::Personal),
            ("Family & Personal", Role::Personal),
            ("Not work", Role::Personal),
            ("Non-work", Role::Personal),
            ("Outside work 🏃", Role::Personal),
            ("2 Key Lessons Learned", Role::Lessons),
            ("What I learned in 2023", Role::Learned),
            ("Feedback received", Role::Feedback),
            ("Opportunities for Improvement", Role::GrowthAreas),
        ] {
            assert_eq!(role_of(title), Some(role), "{title}");
        }
    }

    #[test]
    fn only_a_span_of_time_after_for_dates_a_role() {
        assert_eq!(role_of("goals for h2"), Some(Role::Goals));
        assert_eq!(role_of("goals for 2026"), Some(Role::Goals));
        for topic in [
            "goals for the platform team",
            "goals for h2o pipeline",
            "wins for 12345",
            "goals for",
        ] {
            assert_eq!(role_of(topic), None, "{topic}");
        }
    }

    #[test]
    fn retro_headings_in_every_common_format() {
        for (title, role) in [
            ("What went well ✅", Role::WentWell),
            ("What could have gone better ⚠️", Role::DidntGoWell),
            ("Challenges", Role::DidntGoWell),
            ("How can we improve [45 minutes]", Role::DoDifferently),
            ("Action items", Role::Actions),
            ("Start", Role::DoDifferently),
            ("Stop", Role::DoDifferently),
            ("Stop doing", Role::DoDifferently),
            ("Continue", Role::WentWell),
            ("Liked", Role::WentWell),
            ("Lacked", Role::DidntGoWell),
            ("Longed for", Role::DidntGoWell),
            ("Wins so far", Role::Wins),
            ("Highlights to date", Role::Wins),
            ("What helped? What are we proud of?", Role::WentWell),
            ("What was confusing or hard?", Role::DidntGoWell),
            ("What should we try next time?", Role::DoDifferently),
            ("What do we want to learn next?", Role::Goals),
            // A weekly log's sections around its done items.
            ("Blockers", Role::DidntGoWell),
            ("Risks", Role::DidntGoWell),
            ("Open issues", Role::DidntGoWell),
            ("In progress", Role::Goals),
            ("Next week", Role::Goals),
            ("Next half", Role::Goals),
            ("Next review cycle", Role::Goals),
            ("Feedback I got", Role::Feedback),
            ("Goals for H2", Role::Goals),
            ("Plans for Q3 2026", Role::Goals),
            ("Goals for the next half", Role::Goals),
            ("Wins for 2025", Role::Wins),
            ("Feedback from my manager", Role::Feedback),
            ("WIP", Role::Goals),
        ] {
            assert_eq!(role_of(title), Some(role), "{title}");
        }
    }

    #[test]
    fn growth_plan_and_self_review_headings() {
        for (title, role) in [
            ("Progress so far", Role::Wins),
            ("Recent wins", Role::Wins),
            ("What I've done since last review", Role::Wins),
            (
                "What were your biggest accomplishments this period?",
                Role::Wins,
            ),
            ("Evidence", Role::Wins),
            ("How did you help the people around you?", Role::Mentoring),
            ("Where did you fall short?", Role::DidntGoWell),
            ("Where do you want to grow?", Role::Goals),
            ("How can your manager support you?", Role::Goals),
            ("Support needed", Role::Goals),
            ("Standing goals (set 2026-05)", Role::Goals),
            ("Areas to grow", Role::GrowthAreas),
            ("Manager comments", Role::Feedback),
            ("Reflections", Role::Lessons),
            ("Resources", Role::Reading),
            ("5. Reading", Role::Reading),
            // Retro questions keep their roles.
            ("What could we have done better?", Role::DidntGoWell),
            ("What should we have done differently?", Role::DoDifferently),
            ("What helped?", Role::WentWell),
        ] {
            assert_eq!(role_of(title), Some(role), "{title}");
        }
    }

    #[test]
    fn statements_and_topics_stay_free() {
        for title in [
            "I started 3 side projects",
            "Email newsletter",
            "Year in numbers",
            "Stats for nerds",
            "Platform migration",
            // One letter from "Not work", which is matched whole only.
            "Network",
            "Networking",
        ] {
            assert_eq!(role_of(title), None, "{title}");
        }
    }
}
