//! Trait inference: the traits an entry is evidence for when no trait heading or `#tag` says
//! (DESIGN §1, "Docs as people really write them").
//!
//! Three ways beyond rung's own headings and tags, worked out once per analysis, after the
//! model pass, from the model alone:
//! - a heading that holds two or more traits ("Collaboration and mentorship", "Delivery &
//!   craft") names each of them for the entries under it;
//! - a competency lead-in at the start of an entry (`**Collaboration:** paired with design…`)
//!   names the trait for that entry;
//! - otherwise the entry's wording: the trait signals of the ladder data
//!   ([`crate::catalogue::signals`]), read in one pass over the entry's words. An entry infers
//!   at most [`MAX_INFERRED`] traits, those with the highest scores of at least
//!   [`INFER_THRESHOLD`].
//!
//! A heading or a tag always wins: an entry under a trait heading, a role heading that implies
//! a trait (Mentoring), a two-trait heading or a lead-in, or one with a trait tag, is not
//! inferred. Nor are placeholders, prompts, entries under guidance or under a section whose
//! role says they are not claims of work done (feedback received, growth areas, actions,
//! lessons), nor anything in a retro.

use super::document::{DocKind, Document, Entry, EntryRole, SectionKind};
use crate::catalogue::signals::{
    INFER_THRESHOLD, MAX_GAP, OTHER_WORD, SignalIndex, SignalKind, WordId, for_each_word,
};
use crate::catalogue::{Ladder, Role, normalize_name};

/// The most traits one entry infers.
pub const MAX_INFERRED: usize = 2;

/// How an entry came to count for a trait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Found {
    /// A heading names the trait: its own, a role implying it, or one of two traits.
    Heading,
    /// A `**Trait:**` lead-in at the start of the entry.
    LeadIn,
    /// A `#trait` tag in the entry.
    Tag,
    /// Inferred from the entry's wording: shown as such, for the author to confirm.
    Inferred,
}

impl Found {
    pub fn label(self) -> &'static str {
        match self {
            Found::Heading => "heading",
            Found::LeadIn => "lead-in",
            Found::Tag => "tag",
            Found::Inferred => "inferred",
        }
    }
}

/// One trait an entry counts for that the model itself does not record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryTrait {
    pub entry: u32,
    pub trait_idx: u32,
    pub found: Found,
}

/// What inference adds to a document's model: made once per analysis by [`infer`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inference {
    /// Sections whose heading names two or more traits, with those traits; by section.
    pub multi_trait_sections: Vec<(usize, Vec<usize>)>,
    /// Traits of entries named by a two-trait heading or a lead-in, or inferred; by entry.
    pub by_entry: Vec<EntryTrait>,
}

impl Inference {
    /// The traits inference adds to entry `entry_idx`.
    pub fn of_entry(&self, entry_idx: usize) -> &[EntryTrait] {
        let idx = entry_idx as u32;
        let start = self.by_entry.partition_point(|t| t.entry < idx);
        let end = start + self.by_entry[start..].partition_point(|t| t.entry == idx);
        &self.by_entry[start..end]
    }

    /// The traits a section's heading names when it names more than one.
    pub fn traits_of_section(&self, section_idx: usize) -> Option<&[usize]> {
        let at = self
            .multi_trait_sections
            .binary_search_by_key(&section_idx, |(idx, _)| *idx)
            .ok()?;
        Some(&self.multi_trait_sections[at].1)
    }
}

/// The traits a heading or lead-in names when it holds two or more ("Collaboration and
/// mentorship", "Delivery & craft", "Ownership / accountability"): every part must name a trait
/// (or a role that implies one).
pub fn traits_named_by_parts(ladder: &Ladder, title: &str) -> Option<Vec<usize>> {
    let has_separator = title.contains('&')
        || title.contains(',')
        || title.contains('/')
        || title.contains('+')
        || title
            .as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b" and "));
    if !has_separator {
        return None;
    }
    let lower = title.to_lowercase().replace(" and ", ",");
    let mut traits = Vec::new();
    for part in lower.split(['&', ',', '/', '+']) {
        let normalized = normalize_name(part);
        if normalized.is_empty() {
            continue;
        }
        let trait_idx = trait_named(ladder, &normalized)?;
        if !traits.contains(&trait_idx) {
            traits.push(trait_idx);
        }
    }
    (traits.len() >= 2).then_some(traits)
}

/// A trait by one normalized name: the trait's own, or the one a role of that name implies.
fn trait_named(ladder: &Ladder, normalized: &str) -> Option<usize> {
    ladder.trait_index_normalized(normalized).or_else(|| {
        let implied = ladder.find_role_normalized(normalized)?.implied_trait()?;
        ladder.traits.iter().position(|t| t.id == implied)
    })
}

/// The longest lead-in read, in bytes: a competency name and its colon.
const MAX_LEAD_IN_BYTES: usize = 60;

/// The traits an entry's lead-in names (`Collaboration: paired with…`, the bold gone in the
/// plain text), when there is one and something follows it.
pub fn lead_in_traits(ladder: &Ladder, entry: &Entry) -> Option<Vec<usize>> {
    let text = entry.text.trim_start();
    let head = &text.as_bytes()[..text.len().min(MAX_LEAD_IN_BYTES)];
    let colon = head.iter().position(|&b| b == b':')?;
    let (label, rest) = (&text[..colon], text[colon + 1..].trim());
    if rest.is_empty() && entry.detail.trim().is_empty() {
        return None;
    }
    if label.split_whitespace().count() > 5 {
        return None;
    }
    if let Some(traits) = traits_named_by_parts(ladder, label) {
        return Some(traits);
    }
    trait_named(ladder, &normalize_name(label)).map(|t| vec![t])
}

/// Roles whose items claim work done, so their wording may say a trait. Anything else (feedback
/// received, growth areas, actions, lessons, and roles added later until someone says they
/// hold claims) is not read: precision first.
fn role_holds_claims(role: Role) -> bool {
    matches!(
        role,
        Role::Summary | Role::Wins | Role::Projects | Role::WentWell
    )
}

/// What the headings above an entry allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Under {
    /// Nothing says: inference may read the entry.
    Open,
    /// A heading names the entry's trait already, or says it is no claim: leave it.
    Closed,
    /// A heading of two or more traits (index into `multi_trait_sections`).
    Multi(usize),
}

/// Reusable buffers for one pass over many entries.
#[derive(Default)]
pub struct Scratch {
    word: String,
    ids: Vec<WordId>,
    taken: Vec<Taken>,
    counted: Vec<u32>,
    scores: Vec<Score>,
}

#[derive(Debug, Clone, Copy)]
struct Score {
    trait_idx: usize,
    score: u32,
    first_word: usize,
}

/// Marks the end of an entry's own text before its detail: no phrase runs across it.
const BARRIER: WordId = OTHER_WORD - 1;

/// One phrase that matched an entry, for hover text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub trait_idx: usize,
    pub phrase: String,
    pub kind: SignalKind,
}

/// Whether a rule's answer may depend on inference: some trait the trait rules ask about (the
/// target level's, one with a section, one in focus) has no evidence by heading or tag. When
/// none has, `analyze` leaves inference to whoever asks for it (the outline, lenses, hovers and
/// `rung report` read it; the rules then do not): most of a large draft with trait headings pays
/// nothing for it.
pub fn rules_may_need(doc: &Document, ladder: &Ladder) -> bool {
    if !matches!(doc.kind, DocKind::Promo | DocKind::GrowthPlan) {
        return false;
    }
    let named = doc.evidenced_traits(&ladder.traits);
    let lacks = |trait_idx: usize| named.get(trait_idx) == Some(&false);
    let front_matter = doc.front_matter.as_ref();
    let target_lacks = front_matter
        .and_then(|fm| fm.text("target"))
        .and_then(|(target, _)| ladder.find_level(target))
        .is_some_and(|level| {
            level
                .traits
                .iter()
                .filter_map(|id| ladder.traits.iter().position(|t| &t.id == id))
                .any(lacks)
        });
    let has_focus = front_matter.and_then(|fm| fm.get("focus")).is_some();
    target_lacks || has_focus || doc.trait_sections().any(|(_, _, t)| lacks(t))
}

/// Work out what inference adds to `doc`'s model.
pub fn infer(doc: &Document, ladder: &Ladder) -> Inference {
    let mut inference = Inference::default();
    if doc.kind == DocKind::Retro {
        return inference;
    }
    // What each section allows, from its parent's: a parent comes before its children.
    let mut under = Vec::with_capacity(doc.sections.len());
    for section in &doc.sections {
        let inherited = section.parent.map_or(Under::Open, |p| under[p]);
        let own = if section.is_guidance {
            Under::Closed
        } else if let SectionKind::Trait(_) = section.kind {
            Under::Closed
        } else if let Some(traits) = traits_named_by_parts(ladder, &section.title) {
            inference.multi_trait_sections.push((under.len(), traits));
            Under::Multi(inference.multi_trait_sections.len() - 1)
        } else {
            match section.kind {
                SectionKind::Role(role) if role.implied_trait().is_some() => Under::Closed,
                SectionKind::Role(role) if role_holds_claims(role) => Under::Open,
                SectionKind::Role(_) => Under::Closed,
                _ => inherited,
            }
        };
        under.push(own);
    }
    let index = ladder.signal_index();
    let mut scratch = Scratch::default();
    // What an unchanged piece's entries say is read once per piece, not once per version.
    let mut inferred = super::memo::Results::inferred(doc.kept_pieces.as_slice());
    let multi = std::mem::take(&mut inference.multi_trait_sections);
    for (entry_idx, entry) in doc.entries.iter().enumerate() {
        if entry.is_placeholder || !matches!(entry.role, EntryRole::Win | EntryRole::Other) {
            continue;
        }
        let push = |inference: &mut Inference, trait_idx: usize, found: Found| {
            inference.by_entry.push(EntryTrait {
                entry: entry_idx as u32,
                trait_idx: trait_idx as u32,
                found,
            });
        };
        match entry.section.and_then(|s| under.get(s)).copied() {
            Some(Under::Closed) => continue,
            Some(Under::Multi(at)) => {
                for &t in &multi[at].1 {
                    push(&mut inference, t, Found::Heading);
                }
                continue;
            }
            Some(Under::Open) | None => {}
        }
        if entry.tags.iter().any(|t| doc.tags[t].trait_idx.is_some()) {
            continue;
        }
        if let Some(traits) = lead_in_traits(ladder, entry) {
            for t in traits {
                push(&mut inference, t, Found::LeadIn);
            }
            continue;
        }
        if entry.is_prompt || index.is_empty() {
            continue;
        }
        let traits = inferred.get(
            entry_idx,
            || "",
            |_| true,
            |_| infer_entry(index, &entry.text, &entry.detail, &mut scratch),
        );
        for t in traits {
            push(&mut inference, t, Found::Inferred);
        }
    }
    inference.multi_trait_sections = multi;
    inference
}

/// The traits `text` and `detail` (an entry's own text and its nested items) say, best first:
/// at most [`MAX_INFERRED`], each with a score of [`INFER_THRESHOLD`] or more.
pub fn infer_entry(
    index: &SignalIndex,
    text: &str,
    detail: &str,
    scratch: &mut Scratch,
) -> Vec<usize> {
    score_words(index, text, detail, scratch, |_| {});
    let scores = &mut scratch.scores;
    scores.retain(|s| s.score >= INFER_THRESHOLD);
    scores.sort_by(|a, b| b.score.cmp(&a.score).then(a.first_word.cmp(&b.first_word)));
    scores.truncate(MAX_INFERRED);
    scores.iter().map(|s| s.trait_idx).collect()
}

/// The phrases that matched an entry's wording, in order: what a hover shows.
pub fn matches_in(index: &SignalIndex, text: &str, detail: &str) -> Vec<Match> {
    let mut found = Vec::new();
    score_words(index, text, detail, &mut Scratch::default(), |phrase_idx| {
        let phrase = &index.phrases[phrase_idx as usize];
        found.push(Match {
            trait_idx: phrase.trait_idx,
            phrase: phrase.text.clone(),
            kind: phrase.kind,
        });
    });
    found
}

/// Score every trait's signals over the words of `text` then `detail`, into `scratch.scores`;
/// `on_match` hears each phrase that counted (not-signals included), once.
fn score_words(
    index: &SignalIndex,
    text: &str,
    detail: &str,
    scratch: &mut Scratch,
    mut on_match: impl FnMut(u32),
) {
    let Scratch {
        word,
        ids,
        taken,
        counted,
        scores,
    } = scratch;
    ids.clear();
    counted.clear();
    scores.clear();
    let mut count = |phrase_idx: u32, at: usize| {
        if counted.contains(&phrase_idx) {
            return;
        }
        counted.push(phrase_idx);
        on_match(phrase_idx);
        let phrase = &index.phrases[phrase_idx as usize];
        let weight = u32::from(phrase.weight());
        if weight == 0 {
            return;
        }
        match scores.iter_mut().find(|s| s.trait_idx == phrase.trait_idx) {
            Some(score) => {
                score.score += weight;
                score.first_word = score.first_word.min(at);
            }
            None => scores.push(Score {
                trait_idx: phrase.trait_idx,
                score: weight,
                first_word: at,
            }),
        }
    };
    for_each_word(text, word, |w| ids.push(index.word_id(w)));
    if !detail.is_empty() {
        ids.push(BARRIER);
        for_each_word(detail, word, |w| ids.push(index.word_id(w)));
    }
    // At each word the longest contiguous phrase that matches takes its words, and no other
    // contiguous phrase starts inside it. Then phrases with a gap match across other phrases'
    // words, but not across a not-signal's.
    taken.clear();
    taken.resize(ids.len(), Taken::Free);
    let mut taken_until = 0;
    let mut n_gap_phrases = 0;
    for at in 0..ids.len() {
        let first = ids[at];
        if first >= BARRIER {
            continue;
        }
        let mut took_contiguous = at < taken_until;
        for &phrase_idx in index.phrases_starting_with(first) {
            let phrase = &index.phrases[phrase_idx as usize];
            if phrase.has_gap() {
                n_gap_phrases += 1;
                continue;
            }
            if took_contiguous || !starts_with(&ids[at..], &phrase.before) {
                continue;
            }
            took_contiguous = true;
            taken_until = at + phrase.before.len();
            let by = if phrase.kind == SignalKind::Not {
                Taken::ByNot
            } else {
                Taken::BySignal
            };
            taken[at..taken_until].fill(by);
            count(phrase_idx, at);
        }
    }
    if n_gap_phrases == 0 {
        return;
    }
    for at in 0..ids.len() {
        let first = ids[at];
        if first >= BARRIER || taken[at] == Taken::ByNot {
            continue;
        }
        for &phrase_idx in index.phrases_starting_with(first) {
            let phrase = &index.phrases[phrase_idx as usize];
            if phrase.has_gap() && matches_with_gap(ids, taken, at, &phrase.before, &phrase.after) {
                count(phrase_idx, at);
            }
        }
    }
}

/// Which phrase took a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    Free,
    BySignal,
    ByNot,
}

fn starts_with(ids: &[WordId], words: &[WordId]) -> bool {
    ids.len() >= words.len() && ids[..words.len()] == *words
}

/// `before` at `at`, then `after` within [`MAX_GAP`] words, not across the barrier, and no
/// word of either taken by a not-signal.
fn matches_with_gap(
    ids: &[WordId],
    taken: &[Taken],
    at: usize,
    before: &[WordId],
    after: &[WordId],
) -> bool {
    let free = |from: usize, len: usize| taken[from..from + len].iter().all(|t| *t != Taken::ByNot);
    if !starts_with(&ids[at..], before) || !free(at, before.len()) {
        return false;
    }
    let gap_start = at + before.len();
    for skip in 0..=MAX_GAP {
        let from = gap_start + skip;
        if from > ids.len() || (skip > 0 && ids[from - 1] == BARRIER) {
            return false;
        }
        if starts_with(&ids[from..], after) && free(from, after.len()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};
    use crate::catalogue::Catalogue;

    fn ladder() -> Ladder {
        Catalogue::builtin().ladder("bigtech").unwrap().clone()
    }

    /// The trait ids inferred from one entry's text.
    fn inferred(ladder: &Ladder, text: &str) -> Vec<String> {
        infer_entry(ladder.signal_index(), text, "", &mut Scratch::default())
            .into_iter()
            .map(|t| ladder.traits[t].id.clone())
            .collect()
    }

    /// Each entry must infer `trait_id` first (a second trait may follow).
    fn infers_first(trait_id: &str, entries: &[&str]) {
        let ladder = ladder();
        for entry in entries {
            let got = inferred(&ladder, entry);
            assert_eq!(
                got.first().map(String::as_str),
                Some(trait_id),
                "{entry:?} inferred {got:?}"
            );
        }
    }

    #[test]
    fn mentorship_is_read_from_varied_wording() {
        infers_first(
            "mentorship",
            &[
                "Coached two engineers until both ran on-call alone",
                "Mentoring a new grad through her first quarter",
                "Onboarded three new engineers to the payments codebase",
                "Paired with our intern every week on the ingestion service",
                "Sponsored Priya for the tech-lead role on the search team",
                "Worked with a junior dev until she could ship features on her own",
            ],
        );
    }

    #[test]
    fn hiring_communication_and_delivery_are_read() {
        infers_first(
            "hiring",
            &[
                "Interviewed 30 candidates for the platform team",
                "Joined the hiring loop for senior engineers and wrote the rubric",
                "Sourced candidates at two university fairs",
            ],
        );
        infers_first(
            "communication",
            &[
                "Wrote the RFC for moving session storage to Redis",
                "Gave a talk at PyCon about async testing",
                "Published a blog post on our migration to Postgres 16",
                "Presented the quarterly reliability review to the whole org",
            ],
        );
        infers_first(
            "delivery",
            &[
                "Shipped the new invoicing API two weeks early",
                "Launched dark mode for the iOS app",
                "Delivered the data export ahead of the June deadline",
                "Rolled out the new checkout to every region",
            ],
        );
    }

    #[test]
    fn other_traits_are_read() {
        infers_first(
            "coordination",
            &["Coordinated the release across five teams and two time zones"],
        );
        infers_first(
            "collaboration",
            &["Partnered with the design team on the new onboarding flow"],
        );
        infers_first(
            "craft",
            &["Refactored the webview to be testable and raised test coverage to 80%"],
        );
        infers_first(
            "glue",
            &["Triaged incoming bugs every week and unblocked the mobile team"],
        );
        infers_first(
            "leadership",
            &["Led a team of four engineers through the search rewrite"],
        );
        infers_first(
            "prioritization",
            &["Cut scope to the two features customers asked for most"],
        );
        infers_first(
            "self-improvement",
            &["Learned Rust and took a course on distributed systems"],
        );
        infers_first(
            "sustainability",
            &["Moved on-call to follow-the-sun so nobody burned out"],
        );
        infers_first(
            "exploration",
            &["Prototyped a vector search in a week to test the idea"],
        );
        infers_first(
            "ownership",
            &["Took ownership of the flaky CI pipeline and kept it running"],
        );
    }

    #[test]
    fn generic_entries_infer_nothing() {
        let ladder = ladder();
        for entry in [
            "Fixed a typo in the README",
            "Went to the team offsite",
            "Visited Bengaluru for the first time",
            "Moved house in March",
            "Attended 12 planning meetings",
            "Updated dependencies",
            "Did the work I did on my own time",
        ] {
            assert_eq!(inferred(&ladder, entry), Vec::<String>::new(), "{entry:?}");
        }
    }

    #[test]
    fn being_mentored_is_not_mentoring() {
        let ladder = ladder();
        assert_eq!(
            inferred(&ladder, "Was mentored by a staff engineer on system design"),
            ["self-improvement"]
        );
    }

    #[test]
    fn at_most_two_traits() {
        let ladder = ladder();
        let got = inferred(
            &ladder,
            "Mentored two interns, shipped the API, wrote the RFC, interviewed candidates and coordinated three teams",
        );
        assert_eq!(got.len(), MAX_INFERRED, "{got:?}");
    }

    fn analysed(text: &str) -> (Document, Ladder) {
        let settings = Settings::default();
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        (analysis.document.unwrap(), ladder())
    }

    fn traits_of(doc: &Document, ladder: &Ladder, entry_idx: usize) -> Vec<(String, Found)> {
        doc.inference(ladder)
            .of_entry(entry_idx)
            .iter()
            .map(|t| (ladder.traits[t.trait_idx as usize].id.clone(), t.found))
            .collect()
    }

    #[test]
    fn a_tag_or_a_heading_beats_inference() {
        let text = "---\nkind: promo\n---\n## Delivery\n- Mentored two interns\n## Wins\n- Mentored two interns #craft\n- Mentored two interns\n## Mentoring\n- Shipped the API\n## Feedback\n- Mentored two interns\n";
        let (doc, ladder) = analysed(text);
        assert_eq!(traits_of(&doc, &ladder, 0), []);
        assert_eq!(traits_of(&doc, &ladder, 1), []);
        assert_eq!(
            traits_of(&doc, &ladder, 2),
            [("mentorship".to_string(), Found::Inferred)]
        );
        // Under Mentoring, the heading's trait stands; under Feedback, nothing is a claim.
        assert_eq!(traits_of(&doc, &ladder, 3), []);
        assert_eq!(traits_of(&doc, &ladder, 4), []);
    }

    #[test]
    fn two_trait_headings_and_lead_ins_name_traits() {
        let text = "---\nkind: brag\n---\n## Collaboration & mentorship\n- Ran the design guild\n## Misc\n- **Communication:** ran the monthly demo\n- Delivery and craft: rewrote the importer\n- Ownership: \n";
        let (doc, ladder) = analysed(text);
        assert_eq!(doc.inference(&ladder).multi_trait_sections.len(), 1);
        assert_eq!(
            traits_of(&doc, &ladder, 0),
            [
                ("collaboration".to_string(), Found::Heading),
                ("mentorship".to_string(), Found::Heading)
            ]
        );
        assert_eq!(
            traits_of(&doc, &ladder, 1),
            [("communication".to_string(), Found::LeadIn)]
        );
        assert_eq!(
            traits_of(&doc, &ladder, 2),
            [
                ("delivery".to_string(), Found::LeadIn),
                ("craft".to_string(), Found::LeadIn)
            ]
        );
        // A lead-in with nothing after it labels nothing.
        assert_eq!(traits_of(&doc, &ladder, 3), []);
        assert_eq!(
            traits_named_by_parts(&ladder, "Design & documentation"),
            None
        );
        assert_eq!(traits_named_by_parts(&ladder, "Ownership"), None);
    }

    #[test]
    fn a_custom_ladder_extends_the_signals() {
        let text = "id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"s\"\n[[traits]]\nid = \"mentorship\"\nsignals = [\"buddy for\"]\n[[traits]]\nid = \"wizardry\"\nname = \"Wizardry\"\ndescription = \"d\"\nevidence = \"e\"\nstrong = \"s\"\nweak = \"w\"\nsignals = [\"cast … spell\"]\n";
        let acme =
            crate::catalogue::parse_ladder(text, "acme.toml", &crate::catalogue::builtin_traits())
                .unwrap();
        let builtin = ladder();
        let entry = "Was a buddy for two people on the support rota";
        assert_eq!(inferred(&builtin, entry), Vec::<String>::new());
        assert_eq!(inferred(&acme, entry), ["mentorship"]);
        assert_eq!(
            inferred(&acme, "Cast a speed spell on the build"),
            ["wizardry"]
        );
        // The built-in signals still hold in the custom ladder.
        assert_eq!(inferred(&acme, "Coached two engineers"), ["mentorship"]);
    }

    #[test]
    fn inferred_evidence_counts_for_the_trait_rules() {
        let settings = Settings::default();
        let codes = |text: &str| -> Vec<String> {
            analyze(&Input::new(text), &settings, &NoFileSystem)
                .diagnostics
                .iter()
                .filter(|d| {
                    d.rule == "missing-expected-trait" || d.rule == "trait-without-evidence"
                })
                .map(|d| d.message.to_string())
                .collect()
        };
        let head = "---\nkind: promo\nlevel: E2\ntarget: E3\n---\n";
        // E3 expects delivery, craft, teamwork and self-improvement.
        let tagged = codes(&format!(
            "{head}## Wins\n- Shipped the export #delivery\n- Built it #craft\n- Covered #teamwork\n- Read #self-improvement\n"
        ));
        assert_eq!(tagged, Vec::<String>::new());
        let worded = codes(&format!(
            "{head}## Wins\n- Shipped the export API two weeks early\n- Refactored the importer and raised test coverage\n- Covered for teammates on call in August\n- Learned Rust and took a course on databases\n"
        ));
        assert_eq!(worded, Vec::<String>::new());
        let generic = codes(&format!(
            "{head}## Wins\n- Fixed a typo in the README\n- Went to the team offsite\n"
        ));
        // One diagnostic names every missing trait (the rule groups them on the target).
        assert_eq!(generic.len(), 1, "{generic:?}");
        for name in ["Delivery", "Craft", "Teamwork", "Self-improvement"] {
            assert!(generic[0].contains(name), "{generic:?}");
        }
    }

    #[test]
    fn retros_are_not_inferred() {
        let (doc, ladder) =
            analysed("---\nkind: retro\n---\n## Went well\n- Mentored two interns\n");
        assert_eq!(*doc.inference(&ladder), Inference::default());
    }
}
