//! One pass over pulldown-cmark's offset events builds the document model: sections (with the
//! trait or role their heading names), entries with their nested detail, tags, links, dates,
//! prose runs and suppression comments, each with exact byte spans.
//!
//! A large body is built piece by piece (see `chunks`): each piece's model depends only on its
//! own text and the ladder's names, with spans relative to the piece. What crosses pieces (a
//! section's parent and end, guidance inherited from a parent, an entry's role from its nearest
//! classifying heading) is resolved afterwards over the whole body. So the language server can
//! keep each piece's model in the document's memo and, after an edit, rebuild only the piece
//! the edit touched; a test checks that this equals a whole parse.

mod builder;
mod columns;
mod headings;
mod inline;
mod plans;
mod wording;

use super::chunks;
use super::document::{
    DocKind, Entry, EntryForm, EntryRole, Link, Section, SectionKind, Suppression, Tag,
};
use super::memo::{KeptAt, KeptPiece, Memo};
use super::text::Span;
use crate::catalogue::{Ladder, Role};
use builder::Builder;
use pulldown_cmark::{Event, Options, Parser, Tag as MdTag, TagEnd};
use std::sync::Arc;

/// What the body of a document holds; `Document` adds front matter and kind around it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    pub tags: Vec<Tag>,
    pub links: Vec<Link>,
    pub prose_runs: Vec<Span>,
    pub suppressions: Vec<Suppression>,
    /// First- and second-person words in the body's entries and paragraphs: a body that speaks
    /// to its reader more than of its author is a guide (see `resolve_prompts`).
    pub voice: (u32, u32),
}

/// Parse the Markdown body of `text`, which starts at `body_start`. With a memo, the model of
/// each piece of a large body is kept, and a piece whose text is unchanged is not parsed again;
/// the kept pieces the body was made from are returned with it, in order.
pub fn parse_body(
    text: &str,
    body_start: usize,
    ladder: &Ladder,
    kind: DocKind,
    memo: Option<&Memo>,
) -> (Body, Vec<KeptAt>) {
    parse_body_in_pieces(
        text,
        body_start,
        ladder,
        kind,
        chunks::MIN_PIECE_BYTES,
        memo,
    )
}

/// [`parse_body`] with pieces of at least `min_piece` bytes (tests use small ones).
pub(crate) fn parse_body_in_pieces(
    text: &str,
    body_start: usize,
    ladder: &Ladder,
    kind: DocKind,
    min_piece: usize,
    memo: Option<&Memo>,
) -> (Body, Vec<KeptAt>) {
    // A large body is parsed piece by piece, so only one piece's event tree is alive at a time;
    // the pieces' events equal the whole body's (see `chunks`).
    let body_text = &text[body_start..];
    let mut starts = chunks::piece_starts(body_text, min_piece);
    starts.push(body_text.len());
    let pieces = starts.windows(2).map(|w| {
        let (from, to) = (w[0], w[1]);
        // The last piece is parsed as ending the input, the others as followed by more text.
        (
            body_start + from,
            &body_text[from..to],
            to == body_text.len(),
        )
    });
    // A body of one piece is quick to parse again; keeping its model would only cost memory.
    let mut kept_at = Vec::new();
    let mut body = match memo.filter(|_| starts.len() > 2) {
        Some(memo) => {
            let shared = memo.shared_text(text);
            let mut kept = memo.pieces(ladder);
            let models: Vec<(usize, Arc<KeptPiece>)> = pieces
                .map(|(at, piece, is_last)| {
                    let range = at..at + piece.len();
                    let model = kept.get_or_compute(&shared, range, is_last, |piece| {
                        let mut builder =
                            Builder::new(piece, ladder, Body::with_capacity_for(piece));
                        add_piece(&mut builder, piece, 0, is_last);
                        // Kept as long as the piece is unchanged: no spare capacity.
                        builder.body.shrink_to_fit();
                        Arc::new(KeptPiece::new(builder.body))
                    });
                    (at, model)
                })
                .collect();
            drop(kept);
            // The copies go into lists of the exact size: none regrows, none shrinks after.
            let mut body = Body::with_capacity_for_all(models.iter().map(|(_, m)| &m.body));
            kept_at.reserve_exact(models.len());
            for (at, model) in models {
                let (first_entry, first_run) = (body.entries.len(), body.prose_runs.len());
                body.append(&model.body, at);
                kept_at.push(KeptAt {
                    piece: model,
                    first_entry,
                    first_run,
                });
            }
            body
        }
        // Without a memo, one builder reads every piece's events in place: spans are absolute
        // and indexes global as they are made.
        None => {
            let mut builder =
                Builder::new(text, ladder, Body::with_capacity_for(&text[body_start..]));
            for (at, piece, is_last) in pieces {
                add_piece(&mut builder, piece, at, is_last);
            }
            builder.body
        }
    };
    body.resolve_structure(text.len(), kind, ladder);
    // The model lives as long as the analysis: give back what doubling growth left over
    // (a quarter of the entries' memory on average; 6 MB on a 10 MB draft).
    body.shrink_to_fit();
    (body, kept_at)
}

/// Read the events of `piece`, which starts at `at` in the builder's text.
fn add_piece(builder: &mut Builder<'_>, piece: &str, at: usize, is_last: bool) {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut mender = chunks::ItemMender::new(piece, is_last);
    for (event, mut range) in Parser::new_ext(piece, options).into_offset_iter() {
        mender.mend(&event, &mut range);
        builder.event(event, Span::from(range).shifted(at));
    }
}

impl Body {
    /// Empty lists with rough capacities for `text`, so a large one does not regrow them.
    fn with_capacity_for(text: &str) -> Body {
        let len = text.len();
        // An entry starts a line (but a pasted `•` bullet): room for one per line, counted at
        // SIMD speed, is never regrown on a doc of short items, as room for one per hundred
        // bytes was (twice on a 1 MB promo doc, each a copy of every entry so far). What is
        // left over is given back by `shrink_to_fit`. One in three entries has a tag.
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        Body {
            entries: Vec::with_capacity(lines),
            tags: Vec::with_capacity(len / 300),
            prose_runs: Vec::with_capacity(len / 80),
            ..Body::default()
        }
    }

    /// Empty lists with room for exactly the items of `pieces`.
    fn with_capacity_for_all<'p>(pieces: impl Iterator<Item = &'p Body> + Clone) -> Body {
        let total = |len: fn(&Body) -> usize| pieces.clone().map(len).sum::<usize>();
        Body {
            sections: Vec::with_capacity(total(|b| b.sections.len())),
            entries: Vec::with_capacity(total(|b| b.entries.len())),
            tags: Vec::with_capacity(total(|b| b.tags.len())),
            links: Vec::with_capacity(total(|b| b.links.len())),
            prose_runs: Vec::with_capacity(total(|b| b.prose_runs.len())),
            suppressions: Vec::with_capacity(total(|b| b.suppressions.len())),
            voice: (0, 0),
        }
    }

    fn shrink_to_fit(&mut self) {
        self.sections.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.links.shrink_to_fit();
        self.prose_runs.shrink_to_fit();
        self.suppressions.shrink_to_fit();
    }

    /// Add a copy of the model of the piece that starts at `at`: its spans become absolute and
    /// its indexes point into this body's lists (one copy, made in place).
    fn append(&mut self, piece: &Body, at: usize) {
        let (section_base, entry_base) = (self.sections.len(), self.entries.len());
        let (tag_base, link_base) = (self.tags.len(), self.links.len());
        self.sections
            .extend(piece.sections.iter().cloned().map(|mut section| {
                section.heading = section.heading.shifted(at);
                section.title_span = section.title_span.shifted(at);
                section.span = section.span.shifted(at);
                section.date = section.date.map(|d| d.shifted(at));
                section
            }));
        self.entries
            .extend(piece.entries.iter().cloned().map(|mut entry| {
                entry.span = entry.span.shifted(at);
                entry.text_span = entry.text_span.shifted(at);
                entry.date = entry.date.map(|d| d.shifted(at));
                entry.section = entry.section.map(|s| s + section_base);
                entry.tags = entry.tags.shifted(tag_base);
                entry.links = entry.links.shifted(link_base);
                entry
            }));
        self.tags.extend(piece.tags.iter().cloned().map(|mut tag| {
            tag.span = tag.span.shifted(at);
            tag.entry = tag.entry.map(|e| e + entry_base);
            tag
        }));
        self.links
            .extend(piece.links.iter().cloned().map(|mut link| {
                link.span = link.span.shifted(at);
                link.entry = link.entry.map(|e| e + entry_base);
                link
            }));
        self.prose_runs
            .extend(piece.prose_runs.iter().map(|run| run.shifted(at)));
        self.voice.0 += piece.voice.0;
        self.voice.1 += piece.voice.1;
        self.suppressions
            .extend(piece.suppressions.iter().cloned().map(|mut suppression| {
                suppression.span = suppression.span.shifted(at);
                suppression
            }));
    }

    /// Resolve what crosses pieces, over the whole body: each section's parent and end, guidance
    /// inherited from a parent, and each entry's role. Before this, a section's `is_guidance`
    /// says only whether its own heading is about writing the doc.
    fn resolve_structure(&mut self, text_len: usize, kind: DocKind, ladder: &Ladder) {
        let mut open: Vec<usize> = Vec::new();
        for idx in 0..self.sections.len() {
            let (depth, start) = (self.sections[idx].depth, self.sections[idx].heading.start);
            while let Some(&top) = open.last() {
                if self.sections[top].depth < depth {
                    break;
                }
                self.sections[top].span.end = start;
                open.pop();
            }
            let parent = open.last().copied();
            self.sections[idx].parent = parent;
            if parent.is_some_and(|p| self.sections[p].is_guidance) {
                self.sections[idx].is_guidance = true;
            }
            open.push(idx);
        }
        for idx in open {
            self.sections[idx].span.end = text_len;
        }
        // A free heading one typo away from a role that holds no wins (`## Feedbak`) is read as
        // that role: its items are not wins, while `unknown-role` asks for the fix.
        let misspelt_non_win: Vec<bool> = if kind == DocKind::Brag {
            self.sections
                .iter()
                .map(|s| {
                    s.kind == SectionKind::Free
                        && s.date.is_none()
                        && crate::analysis::names::near_miss_sorted(
                            &s.title,
                            ladder.role_spellings(),
                        )
                        .is_some_and(|(_, role)| role.holds_no_wins())
                })
                .collect()
        } else {
            Vec::new()
        };
        // A promotion packet is often written by a manager, in the third person: a paragraph
        // claims work when its subject is one the packet's paragraphs claim work for more than
        // once (a name or he/she/they), not when one sentence of background opens with a
        // capital ("Customers reported fewer bugs.").
        // The subject is read first: most paragraphs have none, and then need no reflection
        // test (the same answer, in the other order).
        let third_person: Vec<Option<Subject<'_>>> = if kind == DocKind::Promo {
            self.entries
                .iter()
                .map(|entry| {
                    (entry.form == EntryForm::Paragraph && !entry.wording.claims_work)
                        .then(|| third_person_subject(&entry.text))
                        .flatten()
                        .filter(|_| !wording::is_reflection(&entry.text))
                })
                .collect()
        } else {
            Vec::new()
        };
        let repeated = repeated_subjects(&third_person);
        // Or when its section is one of claims: a trait's (`## Mentorship`) or one of wins.
        let claims_section = |section: Option<usize>| {
            section.is_some_and(|i| match self.sections[i].kind {
                SectionKind::Trait(_) => true,
                SectionKind::Role(role) => role.holds_wins(),
                SectionKind::Free => false,
            })
        };
        let claimed: Vec<bool> = third_person
            .iter()
            .zip(&self.entries)
            .zip(&repeated)
            .map(|((s, entry), &repeated)| {
                s.is_some() && (repeated || claims_section(entry.section))
            })
            .collect();
        let title = introducing_title(&self.sections);
        for (index, entry) in self.entries.iter_mut().enumerate() {
            if claimed.get(index).copied().unwrap_or(false) {
                entry.wording.claims_work = true;
            }
            if matches!(kind, DocKind::Promo | DocKind::Brag) {
                // A goal with its results (`- OKR: grow the team` / `  - hired 3 engineers`) is
                // one entry in a packet or a log: the results are its detail (`builder`
                // gathers them), judged with it. A goal with nothing below it (`- Goal: cut
                // p99 to 200 ms by Q3`) is judged too, as `- Target: …` is: where wins are
                // listed, a goal is a win not yet reached, and its numbers are a target.
                entry.wording.is_label |= entry.wording.under_goal_label;
                if entry.wording.goal_label {
                    entry.wording.is_intent = false;
                }
            }
            entry.role = entry_role(&self.sections, &misspelt_non_win, title, kind, entry);
            // A growth plan's wins are only in its look back (`plans.rs`).
            if kind == DocKind::GrowthPlan {
                entry.role = plans::plan_role(
                    &self.sections,
                    entry.section,
                    entry.form,
                    &entry.text,
                    entry.role,
                    &entry.wording,
                );
                if plans::outweighs_goal_lead_in(entry.role) {
                    entry.wording.is_intent = false;
                }
            }
        }
        self.resolve_prompts();
    }

    /// An entry that opens with a guidance verb ("Add", "List", "Include") is a prompt only
    /// where its section reads as a template: some of its entries are plainly prompts (questions,
    /// blanks, lines that address the reader) and most open with guidance verbs. A work log of
    /// commit-style lines ("Add retry to the export job") has no plain prompts and stays work.
    fn resolve_prompts(&mut self) {
        // A guide or template speaks to its reader: its items are instructions and examples.
        let is_guide = wording::reads_as_guide(self.voice.0, self.voice.1);
        let mut from = 0;
        while from < self.entries.len() {
            let section = self.entries[from].section;
            let to = from
                + self.entries[from..]
                    .iter()
                    .take_while(|e| e.section == section)
                    .count();
            let group = &mut self.entries[from..to];
            let counted = group.iter().filter(|e| !e.wording.is_label);
            let n = counted.clone().count();
            let strong = counted.clone().filter(|e| e.wording.strong_prompt).count();
            let weak = counted
                .filter(|e| e.wording.imperative && !e.wording.strong_prompt)
                .count();
            let reads_as_template = strong > 0 && strong * 4 >= n && (strong + weak) * 2 > n;
            for entry in group {
                entry.is_prompt = is_guide
                    || entry.wording.strong_prompt
                    || (reads_as_template && entry.wording.imperative);
            }
            from = to;
        }
    }
}

/// What an entry is, by the nearest heading that classifies it (free headings are transparent)
/// and by how it is written. Anything under a heading about writing the doc ("Writing tips",
/// "How to use", "Examples") is guidance. In a brag doc, an entry is a win unless its section
/// says otherwise (goals, feedback, personal life, thanks, reading, lessons…), but a paragraph
/// there only when it claims work; a paragraph under an action or a retro heading is that
/// section's prose, not an entry of it, and so is one under a trait heading unless it claims
/// work in a promo doc (a self-review written in prose).
fn entry_role(
    sections: &[Section],
    misspelt_non_win: &[bool],
    title: Option<usize>,
    kind: DocKind,
    entry: &Entry,
) -> EntryRole {
    // A `•` bullet pasted into a paragraph is an item all the same.
    let is_item = entry.form != EntryForm::Paragraph || entry.text.starts_with('•');
    let brag_win = |entry: &Entry| {
        if is_item || entry.wording.claims_work {
            EntryRole::Win
        } else {
            EntryRole::Other
        }
    };
    let Some(section_idx) = entry.section else {
        return if kind == DocKind::Brag {
            brag_win(entry)
        } else {
            EntryRole::Other
        };
    };
    if sections[section_idx].is_guidance {
        return EntryRole::Other;
    }
    if !is_item && title == Some(section_idx) {
        return EntryRole::Other;
    }
    let only_items = |role: EntryRole| if is_item { role } else { EntryRole::Other };
    let mut idx = Some(section_idx);
    while let Some(current) = idx {
        let section = &sections[current];
        match section.kind {
            // A self-review argues each trait in prose: there a paragraph that claims work is
            // evidence, as an item is.
            SectionKind::Trait(trait_idx)
                if is_item || (kind == DocKind::Promo && entry.wording.claims_work) =>
            {
                return EntryRole::Evidence(trait_idx);
            }
            SectionKind::Trait(_) => return EntryRole::Other,
            // In a self-review, a one-sentence paragraph that introduces the section's list
            // ("I put more time into this than in 2025.") is no win of its own: the list is.
            SectionKind::Role(role) if role.holds_wins() => {
                return if kind == DocKind::Promo && !is_item && entry.wording.leads_list {
                    EntryRole::Other
                } else {
                    EntryRole::Win
                };
            }
            SectionKind::Role(Role::Learned) if kind != DocKind::Retro => {
                // An item of learning still under way is a goal (completed learning is a win).
                // A paragraph tells of the year's learning with asides ("I still have to…").
                // An insight that claims nothing done ("Rollback is mostly a testing
                // problem") is a lesson, not a win.
                let insight =
                    !wording::claims_work(&entry.text) && !wording::opens_with_past(&entry.text);
                return if is_item && (wording::learning_under_way(&entry.text) || insight) {
                    EntryRole::Other
                } else {
                    brag_win(entry)
                };
            }
            SectionKind::Role(Role::Actions) => return only_items(EntryRole::Action),
            SectionKind::Role(Role::DidntGoWell) => return only_items(EntryRole::Lesson),
            SectionKind::Role(Role::DoDifferently) => return only_items(EntryRole::Change),
            // Career work outside the job (a conference talk, open-source patches) under
            // "Outside of work" is still work, as DESIGN §1 reads conferences.
            SectionKind::Role(Role::Personal)
                if kind == DocKind::Brag && is_item && names_career_work(&entry.text) =>
            {
                return EntryRole::Win;
            }
            SectionKind::Role(_) => return EntryRole::Other,
            SectionKind::Free if kind == DocKind::Brag && section.date.is_some() => {
                return brag_win(entry);
            }
            SectionKind::Free if misspelt_non_win.get(current) == Some(&true) => {
                return EntryRole::Other;
            }
            SectionKind::Free => idx = section.parent,
        }
    }
    if kind == DocKind::Brag {
        brag_win(entry)
    } else if kind == DocKind::Promo && entry.form == EntryForm::Paragraph {
        // A self-review's sections are its case ("Scope and leadership"): a paragraph there
        // that claims work is a win, as it would be under `## Impact`.
        brag_win(entry)
    } else if kind == DocKind::Promo
        && sections[section_idx].depth >= 2
        && (wording::opens_with_past(&entry.text) || wording::claims_work(&entry.text))
    {
        // A packet's sections below its title that name no role or trait are its projects
        // and competencies ("## Notifications rewrite", "## Technical depth"): an item there
        // that tells of work done is its case, while notes ("Other teams were busy") are not.
        EntryRole::Win
    } else {
        EntryRole::Other
    }
}

/// The doc's title when its paragraphs introduce the doc: its one heading of depth 1, with
/// sections of its own below. A paragraph in the title's own part, before them, introduces the
/// doc ("Mostly mobile checkout and offline sync this year. Pasted from my notes app…"), as a
/// summary does, and is no win. A title with no sections below (`# Brag doc` over paragraphs
/// of wins) and headings of depth 1 side by side (`# 2024`, `# 2023`) are not titles of this
/// kind. Found once per body, not per entry.
fn introducing_title(sections: &[Section]) -> Option<usize> {
    let mut depth_one = sections.iter().enumerate().filter(|(_, s)| s.depth == 1);
    let (idx, _) = depth_one.next()?;
    let only = depth_one.next().is_none();
    let has_sections = sections[idx + 1..].iter().any(|s| s.parent == Some(idx));
    (only && has_sections).then_some(idx)
}

/// Pronouns of the person a packet speaks of, as the subject of a claim.
const THIRD_PERSON: &[&str] = &["he", "she", "they"];

/// Words between a subject and its verb that do not change the claim ("He also owns", "She has
/// hosted").
const THIRD_PERSON_FILLERS: &[&str] = &[
    "also",
    "then",
    "has",
    "have",
    "had",
    "now",
    "personally",
    "since",
    "quickly",
    "later",
];

/// Present-tense verbs of work a person keeps doing ("He owns the perf budget", "She runs the
/// clinic"), and "run", the participle no `-ed` marks ("She has run the clinic since March").
const THIRD_PERSON_ONGOING: &[&str] = &[
    "run",
    "owns",
    "leads",
    "runs",
    "maintains",
    "drives",
    "mentors",
    "hosts",
    "coordinates",
    "organizes",
    "organises",
    "manages",
];

/// Words that open a clause with a capital but name no person ("The", "This").
const NOT_NAMES: &[&str] = &[
    "the", "this", "that", "these", "those", "it", "its", "a", "an", "in", "on", "for", "after",
    "before", "when", "our", "we", "i", "my", "both", "each", "every", "all", "since", "with",
];

/// Who a paragraph of a packet claims work for: he, she or they (one subject), or a name, a
/// slice of the entry's text compared without case.
#[derive(Debug, Clone, Copy)]
enum Subject<'t> {
    Pronoun,
    Name(&'t str),
}

impl Subject<'_> {
    /// The order of subjects, names compared as lowercased (the pronouns first).
    fn cmp_folded(&self, other: &Subject<'_>) -> std::cmp::Ordering {
        let folded = |name: &str| {
            name.chars()
                .flat_map(char::to_lowercase)
                .collect::<Vec<_>>()
        };
        match (self, other) {
            (Subject::Pronoun, Subject::Pronoun) => std::cmp::Ordering::Equal,
            (Subject::Pronoun, Subject::Name(_)) => std::cmp::Ordering::Less,
            (Subject::Name(_), Subject::Pronoun) => std::cmp::Ordering::Greater,
            (Subject::Name(a), Subject::Name(b)) if a == b => std::cmp::Ordering::Equal,
            (Subject::Name(a), Subject::Name(b)) if a.is_ascii() && b.is_ascii() => a
                .bytes()
                .map(|c| c.to_ascii_lowercase())
                .cmp(b.bytes().map(|c| c.to_ascii_lowercase())),
            (Subject::Name(a), Subject::Name(b)) => folded(a).cmp(&folded(b)),
        }
    }
}

/// For each paragraph, whether its subject is also another paragraph's: the subjects sorted
/// without case, then runs of equal ones marked (no lowercased copy of each, no map).
fn repeated_subjects(subjects: &[Option<Subject<'_>>]) -> Vec<bool> {
    let mut found: Vec<(Subject<'_>, usize)> = subjects
        .iter()
        .enumerate()
        .filter_map(|(at, s)| s.map(|s| (s, at)))
        .collect();
    found.sort_by(|a, b| a.0.cmp_folded(&b.0));
    let mut repeated = vec![false; subjects.len()];
    for run in found.chunk_by(|a, b| a.0.cmp_folded(&b.0).is_eq()) {
        if run.len() > 1 {
            for &(_, at) in run {
                repeated[at] = true;
            }
        }
    }
    repeated
}

/// The subject of the first clause of `text` that claims work in the third person, as a
/// manager writes a packet: `he`, `she` or `they` (as one subject), or a name that opens
/// the clause, then a past work verb or a verb of work that goes on ("Arjun mentored Tomás",
/// "He has hosted the clinic", "he also owns the RFC").
fn third_person_subject(text: &str) -> Option<Subject<'_>> {
    // One pass over the words, with no copy: most paragraphs have no candidate subject.
    let mut words = wording::words(text);
    while let Some(word) = words.next() {
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        let pronoun = word.len() <= 4 && wording::in_list(word, THIRD_PERSON);
        let name = !pronoun
            && first.is_uppercase()
            && chars.all(char::is_lowercase)
            && opens_clause(text, word)
            && !wording::in_list(word, NOT_NAMES);
        if !(pronoun || name) {
            continue;
        }
        let verb = words
            .clone()
            .find(|w| !wording::in_list(w, THIRD_PERSON_FILLERS))
            .unwrap_or("");
        if wording::is_work_past(verb) || wording::in_list(verb, THIRD_PERSON_ONGOING) {
            return Some(if pronoun {
                Subject::Pronoun
            } else {
                Subject::Name(word)
            });
        }
    }
    None
}

/// Whether `word`, a slice of `text`, opens a clause: nothing but spaces and quotes before it
/// since the start or a `.`, `;`, `:`, `!`, `,` or line break.
fn opens_clause(text: &str, word: &str) -> bool {
    let at = word.as_ptr() as usize - text.as_ptr() as usize;
    text[..at]
        .trim_end_matches([' ', '"', '\'', '(', '*', '_'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | ';' | ':' | '!' | ',' | '\n'))
}

/// Whether `text` names professional work done outside the job (`words/lexicon/career-words.txt`).
fn names_career_work(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| (2..=16).contains(&word.len()))
        .any(|word| super::words::lexicon::CAREER_WORDS.contains(&word.to_lowercase()))
}

/// The entries a reader would judge as wins in `text`, read as a `kind` doc: their text. For
/// the tests of the parts of the parser.
#[cfg(test)]
pub(super) fn wins(text: &str, kind: DocKind) -> Vec<String> {
    let ladder = &crate::catalogue::builtin_ladders()[0];
    let body_start = super::front_matter::parse_front_matter(text).body_start;
    let (body, _) = parse_body(text, body_start, ladder, kind, None);
    body.entries
        .iter()
        .filter(|e| e.role == EntryRole::Win && e.is_claim())
        .map(|e| e.text.to_string())
        .collect()
}

/// The GitHub-style anchor of a heading: lower case, spaces to `-`, punctuation dropped.
pub fn heading_anchor(title: &str) -> String {
    title
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchors of every heading of a Markdown text (front matter skipped), numbered as GitHub
/// numbers repeats. For adapters that resolve links into other files.
pub fn heading_anchors(text: &str) -> Vec<String> {
    let body_start = super::front_matter::parse_front_matter(text).body_start;
    let mut anchors = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(&text[body_start..], Options::ENABLE_TABLES) {
        match event {
            Event::Start(MdTag::Heading { .. }) => current = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(title) = &mut current {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(title) = current.take() {
                    let anchor = heading_anchor(&title);
                    let count: &mut usize = seen.entry(anchor.clone()).or_insert(0);
                    anchors.push(if *count == 0 {
                        anchor
                    } else {
                        format!("{anchor}-{count}")
                    });
                    *count += 1;
                }
            }
            _ => {}
        }
    }
    anchors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::front_matter::parse_front_matter;
    use crate::catalogue::builtin_ladders;
    use proptest::prelude::*;

    /// Never split: the reference the piece-by-piece parses are compared with.
    const WHOLE: usize = 1 << 40;

    /// Blocks of a growth doc, with what crosses pieces: nested headings under trait, role, dated
    /// and guidance headings, tags, links, detail, suppressions, and (rarely) a fence or an HTML
    /// block, which stop all splitting.
    const PARTS: [&str; 16] = [
        "## Ownership\n\n",
        "## Wins\n\n",
        "### Writing tips\n\n",
        "## 2026-03 March\n\n",
        "# Promotion case\n\n",
        "### Notes\n\n",
        "#### Deeper\n\n",
        "- Cut p99 from 800 ms to 120 ms #ownership [PR](https://x.test/1)\n  - detail #impact\n\n",
        "- Helped the team with things\n- Led the *migration* of 3 services\n\n",
        "A paragraph of prose with a #tag and [a link](notes.md#wins).\n\n",
        "<!-- rung-disable-next-line vague-win -->\n- Improved things\n\n",
        "- [ ] TODO\n\n",
        "Setext heading\n---\n\n",
        "```\n# not a heading\n```\n\n",
        "<div>\n# inside a div\n\n",
        "> quoted #ownership\n\n",
    ];

    /// What an edit may insert: text, and whatever changes structure (headings, items, breaks).
    const INSERTS: [&str; 10] = [
        "x",
        " ",
        "\n",
        "\n\n",
        "#",
        "## Impact\n\n",
        "- ",
        "`",
        "é",
        "[a](b)",
    ];

    fn doc() -> impl Strategy<Value = String> {
        (
            prop::bool::ANY,
            prop::collection::vec(prop::sample::select(PARTS.as_slice()), 2..16),
        )
            .prop_map(|(front_matter, parts)| {
                let head = if front_matter {
                    "---\nkind: brag\n---\n"
                } else {
                    ""
                };
                format!("{head}{}", parts.concat())
            })
    }

    fn edit() -> impl Strategy<Value = (prop::sample::Index, &'static str, usize)> {
        (
            any::<prop::sample::Index>(),
            prop::sample::select(INSERTS.as_slice()),
            0usize..12,
        )
    }

    fn apply(text: &mut String, (at, insert, delete): &(prop::sample::Index, &str, usize)) {
        let mut start = at.index(text.len() + 1);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + delete).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(start..end, insert);
    }

    fn parse(text: &str, kind: DocKind, min_piece: usize, memo: Option<&Memo>) -> Body {
        let ladder = &builtin_ladders()[0];
        let body_start = parse_front_matter(text).body_start;
        let generation = memo.map(Memo::start);
        let (body, _) = parse_body_in_pieces(text, body_start, ladder, kind, min_piece, memo);
        if let (Some(memo), Some(generation)) = (memo, generation) {
            memo.finish(generation);
        }
        body
    }

    proptest! {
        /// Over edit sequences, a body parsed in pieces, with piece models kept in a memo from
        /// the previous versions, equals the body parsed whole.
        #[test]
        fn pieces_kept_across_edits_equal_a_whole_parse(
            original in doc(),
            edits in prop::collection::vec(edit(), 0..8),
            kind in prop::sample::select(DocKind::ALL.as_slice()),
        ) {
            let memo = Memo::new();
            let mut text = original;
            for step in std::iter::once(None).chain(edits.iter().map(Some)) {
                if let Some(step) = step {
                    apply(&mut text, step);
                }
                let whole = parse(&text, kind, WHOLE, None);
                prop_assert_eq!(&parse(&text, kind, 8, None), &whole, "split, {:?}", text);
                prop_assert_eq!(&parse(&text, kind, 8, Some(&memo)), &whole, "kept, {:?}", text);
            }
        }
    }

    #[test]
    fn an_edit_reparses_only_its_piece() {
        let ladder = &builtin_ladders()[0];
        let before: String = (1..=3)
            .map(|n| format!("## Wins\n\n- Shipped {n}\n\n### Details\n\n- More {n}\n\n"))
            .collect();
        let memo = Memo::new();
        let first = parse(&before, DocKind::Promo, 8, Some(&memo));
        assert_eq!(first.sections.len(), 6);
        assert_eq!(memo.pieces(ladder).held(), 6, "one model per piece");

        // Edit the fourth section; the other five pieces' models are reused as they are.
        let after = before.replace("- More 2", "- More 2, edited");
        let starts = chunks::piece_starts(&after, 8);
        assert_eq!(starts.len(), 6);
        let held: Vec<bool> = starts
            .iter()
            .zip(starts.iter().skip(1).chain([&after.len()]))
            .map(|(&from, &to)| {
                memo.pieces(ladder)
                    .holds(&after[from..to], to == after.len())
            })
            .collect();
        assert_eq!(held, [true, true, true, false, true, true]);
        let second = parse(&after, DocKind::Promo, 8, Some(&memo));
        assert_eq!(second, parse(&after, DocKind::Promo, WHOLE, None));
        // The Details sections sit under Wins, across pieces: their entries are wins.
        assert!(second.entries.iter().all(|e| e.role == EntryRole::Win));
        assert_eq!(second.sections[3].parent, Some(2));
        // The replaced piece's model is dropped; the new one is held.
        assert_eq!(memo.pieces(ladder).held(), 6);
    }

    #[test]
    fn piece_models_are_rebuilt_when_the_ladder_names_change() {
        let builtin = &builtin_ladders()[0];
        let acme = crate::catalogue::parse_ladder(
            "id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\n\
             reach = \"area\"\nscope = \"s\"\n[[roles]]\nrole = \"wins\"\naliases = [\"Erfolge\"]\n",
            "acme.toml",
            &builtin.traits,
        )
        .expect("the test ladder is valid");
        let text = "## Erfolge\n\n- a\n\n## Notes\n\n- b\n\n";
        let memo = Memo::new();
        let parse_with = |ladder: &Ladder| {
            let generation = memo.start();
            let (body, _) = parse_body_in_pieces(text, 0, ladder, DocKind::Promo, 8, Some(&memo));
            memo.finish(generation);
            body.sections[0].kind
        };
        assert_eq!(parse_with(builtin), SectionKind::Free);
        assert_eq!(memo.pieces(builtin).held(), 2);
        // Same text, another ladder: the heading now names a role, so its model is rebuilt.
        assert_eq!(
            parse_with(&acme),
            SectionKind::Role(crate::catalogue::Role::Wins)
        );
        assert_eq!(parse_with(builtin), SectionKind::Free);
    }
}
