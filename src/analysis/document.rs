//! The document model: what a growth doc says, with byte spans for everything a diagnostic,
//! hover or completion can point at. Built once per analysis by `parse.rs`; rules only read it.

use super::front_matter::{FrontMatter, FrontMatterProblem};
use super::text::Span;
use crate::catalogue::Role;
use std::sync::Arc;

/// The four kinds of growth doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Promo,
    GrowthPlan,
    Brag,
    Retro,
}

impl DocKind {
    pub const ALL: [DocKind; 4] = [
        DocKind::Promo,
        DocKind::GrowthPlan,
        DocKind::Brag,
        DocKind::Retro,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DocKind::Promo => "promo",
            DocKind::GrowthPlan => "growth-plan",
            DocKind::Brag => "brag",
            DocKind::Retro => "retro",
        }
    }

    pub fn parse(text: &str) -> Option<DocKind> {
        let normalized = crate::catalogue::normalize_name(text);
        Some(match normalized.as_str() {
            "promo" | "promotion" => DocKind::Promo,
            "growth plan" | "idp" => DocKind::GrowthPlan,
            "brag" | "brag doc" | "brag document" => DocKind::Brag,
            "retro" | "retrospective" => DocKind::Retro,
            _ => return None,
        })
    }

    /// The kind a file name implies: `*promo*.md`, `*brag*.md`, `*growth-plan*.md`,
    /// `*growth_plan*.md`, `*idp*.md`, `*retro*.md`, case-insensitive. A self-review
    /// (`*self-review*.md`, `*performance-review*.md`) is read as a promo doc: it argues the same
    /// case, Accomplishments / Strengths / Opportunities.
    pub fn from_file_name(file_name: &str) -> Option<DocKind> {
        let lower = file_name.to_ascii_lowercase();
        let stem = lower
            .strip_suffix(".md")
            .or_else(|| lower.strip_suffix(".markdown"))?;
        let is_self_review = [
            "self-review",
            "self_review",
            "selfreview",
            "performance-review",
            "performance_review",
        ]
        .iter()
        .any(|name| stem.contains(name));
        if stem.contains("promo") || is_self_review {
            Some(DocKind::Promo)
        } else if stem.contains("brag") || is_work_log(stem) {
            Some(DocKind::Brag)
        } else if stem.contains("growth-plan")
            || stem.contains("growth_plan")
            || stem.contains("idp")
        {
            Some(DocKind::GrowthPlan)
        } else if stem.contains("retro") {
            Some(DocKind::Retro)
        } else {
            None
        }
    }
}

/// A work log (`worklog.md`, `2026-work-log.md`) is a running record of the author's work: a
/// brag doc by another name (DESIGN §1 reads weekly logs as brag docs).
fn is_work_log(stem: &str) -> bool {
    ["worklog", "work-log", "work_log"]
        .iter()
        .any(|name| stem.contains(name))
}

/// Why rung treats a file as a growth doc (DESIGN §1, first match wins).
#[cfg(test)]
mod tests {
    use super::DocKind;

    #[test]
    fn file_names_give_kinds_and_self_reviews_are_promo_docs() {
        assert_eq!(
            DocKind::from_file_name("2025-self-review.md"),
            Some(DocKind::Promo)
        );
        assert_eq!(
            DocKind::from_file_name("Performance_Review.md"),
            Some(DocKind::Promo)
        );
        assert_eq!(DocKind::from_file_name("brag.md"), Some(DocKind::Brag));
        assert_eq!(
            DocKind::from_file_name("worklog-2026.md"),
            Some(DocKind::Brag)
        );
        assert_eq!(DocKind::from_file_name("Work-Log.md"), Some(DocKind::Brag));
        assert_eq!(DocKind::from_file_name("code-review.md"), None);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindSource {
    Forced,
    FrontMatter,
    Config,
    FileName,
}

/// What a heading makes of its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// The heading names a trait of the ladder (index into `Ladder::traits`).
    Trait(usize),
    Role(Role),
    /// Any other heading: free prose, transparent for classification.
    Free,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Heading level, 1 to 6.
    pub depth: u8,
    /// The whole heading, markers included.
    pub heading: Span,
    /// The heading's text, without markers; empty at the heading's end when there is none.
    pub title_span: Span,
    /// The heading's text with Markdown syntax removed; shared, like an entry's text, so the
    /// copy of a kept piece's sections in each analysis copies no title.
    pub title: Arc<str>,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    pub parent: Option<usize>,
    pub kind: SectionKind,
    /// A date written in the heading.
    pub date: Option<Span>,
    /// Paragraphs (outside lists) directly in this section that hold more than a placeholder.
    pub n_prose_blocks: usize,
    /// This heading or one above it is about writing the doc ("Writing tips", "Usage",
    /// "Examples"): nothing under it is judged as a win.
    pub is_guidance: bool,
}

/// What an entry is, from the nearest heading that says (free headings are transparent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRole {
    /// Under Wins or Projects, or in a brag doc under a dated heading.
    Win,
    /// Under a trait heading (index into `Ladder::traits`).
    Evidence(usize),
    /// Under an Actions section.
    Action,
    /// Under "Didn't go well" in a retro.
    Lesson,
    /// Under "Do differently" in a retro.
    Change,
    /// Anything else: prose lists, feedback notes, tables of contents.
    Other,
}

/// A mapping from a stretch of an entry's plain text to the source bytes it came from,
/// relative to the entry's start. Stored in 32-bit offsets (an entry is far smaller than 4 GB):
/// a large draft has hundreds of thousands of pieces, and this halves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPiece {
    plain_start: u32,
    source_start: u32,
    source_end: u32,
    /// The plain text equals the source bytes (no escapes or entities in between).
    pub exact: bool,
}

impl TextPiece {
    /// A piece whose plain text starts at `plain_start` and came from `source` (both relative
    /// to the entry's start).
    pub fn new(plain_start: usize, source: Span, exact: bool) -> TextPiece {
        let narrow = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        TextPiece {
            plain_start: narrow(plain_start),
            source_start: narrow(source.start),
            source_end: narrow(source.end),
            exact,
        }
    }

    pub fn plain_start(&self) -> usize {
        self.plain_start as usize
    }

    pub fn source(&self) -> Span {
        Span::new(self.source_start as usize, self.source_end as usize)
    }

    /// Extend the piece to a source end further on (text that continues it).
    pub fn extend_to(&mut self, source_end: usize) {
        self.source_end = u32::try_from(source_end).unwrap_or(u32::MAX);
    }
}

/// An entry's text pieces. Most entries are one run of source text and have one piece, held
/// in place; more are shared, so a kept model is copied without copying them. An `Arc` for
/// every entry was an allocation and a free each, on every analysis of a large draft.
#[derive(Debug, Clone)]
pub enum Pieces {
    None,
    One(TextPiece),
    Many(Arc<[TextPiece]>),
}

impl Pieces {
    pub fn from_slice(pieces: &[TextPiece]) -> Pieces {
        match pieces {
            [] => Pieces::None,
            [piece] => Pieces::One(*piece),
            _ => Pieces::Many(Arc::from(pieces)),
        }
    }
}

impl std::ops::Deref for Pieces {
    type Target = [TextPiece];

    fn deref(&self) -> &[TextPiece] {
        match self {
            Pieces::None => &[],
            Pieces::One(piece) => std::slice::from_ref(piece),
            Pieces::Many(pieces) => pieces,
        }
    }
}

/// Equal when they map the same pieces, however held.
impl PartialEq for Pieces {
    fn eq(&self, other: &Pieces) -> bool {
        **self == **other
    }
}

/// Map a range of plain text back to source bytes through its pieces, when it can be mapped
/// exactly: a start belongs to the piece it falls in, an end to the piece it closes.
pub fn source_span(pieces: &[TextPiece], plain_start: usize, plain_end: usize) -> Option<Span> {
    // The plain text an exact piece covers: as long as its source.
    let plain = |p: &TextPiece| (p.plain_start(), p.plain_start() + p.source().len());
    let start_piece = pieces.iter().find(|p| {
        let (from, to) = plain(p);
        p.exact && from <= plain_start && plain_start < to
    })?;
    let end_piece = pieces.iter().find(|p| {
        let (from, to) = plain(p);
        p.exact && from < plain_end && plain_end <= to
    })?;
    Some(Span::new(
        start_piece.source().start + (plain_start - start_piece.plain_start()),
        end_piece.source().start + (plain_end - end_piece.plain_start()),
    ))
}

/// Where in the Markdown an entry was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryForm {
    /// A list item (top-level, or nested under a label or lead-in that only labels it).
    Item,
    /// A paragraph outside lists, or one `•` bullet line pasted into a paragraph.
    Paragraph,
    /// A data row of a table.
    TableRow,
}

/// How the wording of an entry reads, worked out once when it is parsed; the section it sits in
/// decides what that means (`resolve_structure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wording {
    /// The entry only labels or names things: a date or `**bold**` label, a link-only item,
    /// names with no words of its own, a stat like `**2019** - 17`, a lead-in of its children
    /// that claims nothing. Never judged as a win.
    pub is_label: bool,
    /// The entry claims work the author did ("I built…", "Wrote a script…", "We open-sourced…").
    /// A paragraph under a section that is a win by default only counts when it does. Worked
    /// out for paragraphs and lead-ins only (an item is a win by default whatever it claims).
    pub claims_work: bool,
    /// The entry is about personal life (travel, family, hobbies), not work.
    pub is_personal: bool,
    /// The entry reads as an instruction to the author on its own: a question, a bracketed
    /// blank, or a guidance verb that addresses the reader ("Include your metrics").
    pub strong_prompt: bool,
    /// The entry opens with a guidance verb in its base form ("Add", "List", "Include"): a
    /// prompt in a template, a commit-style line in a work log. The section decides.
    pub imperative: bool,
    /// The entry is a goal or plan by the lead-in it follows ("A few health goals:").
    pub is_intent: bool,
    /// The entry is a retro's note or a lesson by the label it is nested under ("Team retro
    /// for the quarter:" in a work log): reflection, not a claim.
    pub is_reflection: bool,
    /// The entry is a one-sentence paragraph right before a list: it introduces the list ("I
    /// put more time into this than last year."), whose items hold the work.
    pub leads_list: bool,
    /// The entry tells of work done by the label it opens with or sits under (`Done so far:`,
    /// `Completed:`) or by its ticked box (`- [x]`): a growth plan's look back wherever it is.
    pub looks_back: bool,
    /// The entry opens with a goal label (`- Goal: crash-free 99.9%`, `- OKR: grow the team`):
    /// its children are entries of their own in a growth plan (its steps done), its detail in
    /// a promo or brag doc (`resolve_structure`).
    pub goal_label: bool,
    /// The entry is a child of an item with a goal label: in a promo or brag doc it is its
    /// parent's detail ("with Sam and Rosa"), not an entry.
    pub under_goal_label: bool,
}

/// One entry: a list item (its nested items are its detail, unless it only labels them), a
/// paragraph, a pasted bullet or a table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The whole item, nested detail included.
    pub span: Span,
    /// The item's own first line of text (for diagnostics): first to last own text byte.
    pub text_span: Span,
    /// Own inline text with Markdown syntax removed. Shared, as is `detail`: the language server
    /// keeps the model of each unchanged piece of a large draft and copies it into every analysis.
    pub text: Arc<str>,
    /// Plain text of nested items, one per line.
    pub detail: Arc<str>,
    /// Where the plain text came from, relative to `span.start`: shared, and unchanged when
    /// the entry moves, so a kept model is copied without touching them.
    pub pieces: Pieces,
    pub section: Option<usize>,
    pub role: EntryRole,
    /// A date at the start of the entry's text.
    pub date: Option<Span>,
    /// Indexes into `Document::tags` and `Document::links`: an entry's own are consecutive.
    pub tags: IndexRange,
    pub links: IndexRange,
    /// The column (in bytes from the line start) where the item's text starts: nested lines go
    /// there.
    pub content_column: usize,
    /// True when the text is only a placeholder (`TODO`, `…`, `[add evidence]`).
    pub is_placeholder: bool,
    /// True when the entry reads as an instruction to the author rather than a claim: a
    /// question, a line ending in a colon, or one that opens with a guidance verb ("Include
    /// metrics…", "Answer: who benefited?"). Templates and guides are full of these. Decided by
    /// context: a line that opens with a guidance verb is a prompt only where most entries of
    /// its section read as prompts, not in a work log of commit-style lines.
    pub is_prompt: bool,
    pub form: EntryForm,
    pub wording: Wording,
}

impl Entry {
    /// True when the entry is a claim to judge, not a placeholder, a prompt, a label, a
    /// personal note or a goal.
    pub fn is_claim(&self) -> bool {
        let w = self.wording;
        !self.is_placeholder
            && !self.is_prompt
            && !w.is_label
            && !w.is_personal
            && !w.is_intent
            && !w.is_reflection
    }

    /// The source span of a range of the entry's own plain text, when it can be mapped exactly.
    pub fn source_span(&self, plain_start: usize, plain_end: usize) -> Option<Span> {
        source_span(&self.pieces, plain_start, plain_end).map(|s| s.shifted(self.span.start))
    }

    /// Own text and detail together: what `vague-win` reads.
    pub fn full_text(&self) -> std::borrow::Cow<'_, str> {
        if self.detail.is_empty() {
            std::borrow::Cow::Borrowed(&self.text)
        } else {
            std::borrow::Cow::Owned(format!("{}\n{}", self.text, self.detail))
        }
    }

    /// [`Entry::full_text`], written into `buffer` when it has to be joined (a rule reading every
    /// entry reuses one buffer).
    pub fn full_text_in<'a>(&'a self, buffer: &'a mut String) -> &'a str {
        if self.detail.is_empty() {
            return &self.text;
        }
        buffer.clear();
        buffer.push_str(&self.text);
        buffer.push('\n');
        buffer.push_str(&self.detail);
        buffer
    }
}

/// A run of consecutive indexes into one of `Document`'s lists: 8 bytes and no allocation per
/// entry, where a `Vec` took 24 and one (a large draft has a hundred thousand entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexRange {
    start: u32,
    end: u32,
}

impl IndexRange {
    pub fn iter(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// The same run in a list that has `by` more items in front (an empty run stays empty).
    pub(crate) fn shifted(self, by: usize) -> IndexRange {
        if self.is_empty() {
            return IndexRange::default();
        }
        IndexRange {
            start: self.start + by as u32,
            end: self.end + by as u32,
        }
    }

    /// Add the next index; indexes must come in order, one after another.
    pub(crate) fn push(&mut self, idx: usize) {
        let idx = idx as u32;
        if self.is_empty() {
            self.start = idx;
        } else {
            debug_assert_eq!(self.end, idx, "an entry's indexes are consecutive");
        }
        self.end = idx + 1;
    }
}

/// An inline `#trait-id` tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// `#` included.
    pub span: Span,
    /// Shared, like an entry's text.
    pub name: Arc<str>,
    /// The trait it names, if any (index into `Ladder::traits`).
    pub trait_idx: Option<usize>,
    pub entry: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub span: Span,
    /// Shared, like an entry's text.
    pub destination: Arc<str>,
    pub entry: Option<usize>,
}

/// `<!-- rung-disable … -->` and `<!-- rung-disable-next-line … -->` comments.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub span: Span,
    /// Rule names; empty means every rule.
    pub rules: Vec<String>,
    pub scope: SuppressionScope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionScope {
    File,
    NextLine,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocKind,
    pub kind_source: KindSource,
    pub front_matter: Option<FrontMatter>,
    pub front_matter_problem: Option<FrontMatterProblem>,
    pub body_start: usize,
    /// The id of the ladder the document is read against (after falling back from an unknown one).
    pub ladder_id: String,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    pub tags: Vec<Tag>,
    pub links: Vec<Link>,
    /// Merged source spans of inline text outside code: where placeholder text is looked for.
    pub prose_runs: Vec<Span>,
    pub suppressions: Vec<Suppression>,
    pub text_len: usize,
    /// The traits of entries that no trait heading or tag names: two-trait headings, lead-ins
    /// and the entries' wording ([`super::infer`]), beside the entries, from the model alone.
    /// Made at most once per analysis: by `analyze` when a rule's answer may depend on it,
    /// else at the first [`Document::inference`] (an outline, a lens, a hover, a report).
    pub(crate) inference: std::sync::OnceLock<super::infer::Inference>,
    /// Which traits headings and tags evidence, and which sections hold content: the part of
    /// [`Document::evidenced_traits`] that needs no inference, made once (three callers ask
    /// in every analysis of a promo doc).
    pub(crate) named_evidence: std::sync::OnceLock<(Vec<bool>, Vec<bool>)>,
    /// The impact `vague-win` judged for each entry it reads (`None` for the others), kept by
    /// `analyze` from the rules' one reading of each entry so that [`Document::entry_impact`]
    /// does not judge again. Unset when no text rule ran (a kind they do not apply to).
    pub(crate) impacts: std::sync::OnceLock<Box<[Option<super::impact::Impact>]>>,
    /// The kept piece models the document was made from (empty without a memo): inference,
    /// made after the analysis, keeps what it reads of each entry in them.
    pub(crate) kept_pieces: super::memo::KeptPieces,
}

impl Document {
    /// What trait inference adds to the model, made now if it was not yet. `ladder` must be the
    /// document's own (`ladder_id`), as every caller has it.
    pub fn inference(&self, ladder: &crate::catalogue::Ladder) -> &super::infer::Inference {
        self.inference
            .get_or_init(|| super::infer::infer(self, ladder))
    }

    /// Whether entry `entry_idx` states measurable impact: [`super::impact::assess`] of its
    /// full text (its own words and its nested detail). Every reader outside the rules (the
    /// outline, the lenses, readiness, the report, hovers) asks through here, so the judgement
    /// is made in one place: the analysis's own, kept from the rules (memoised with them), and
    /// only judged here for an entry the rules did not read.
    pub fn entry_impact(&self, entry_idx: usize) -> super::impact::Impact {
        if let Some(Some(impact)) = self.impacts.get().and_then(|all| all.get(entry_idx)) {
            return *impact;
        }
        super::impact::assess(&self.entries[entry_idx].full_text())
    }

    /// Sections from `section_idx` up to the root.
    pub fn ancestors(&self, section_idx: usize) -> impl Iterator<Item = &Section> {
        std::iter::successors(Some(section_idx), |&idx| self.sections[idx].parent)
            .map(|idx| &self.sections[idx])
    }

    /// The trait sections, with the trait each one names.
    pub fn trait_sections(&self) -> impl Iterator<Item = (usize, &Section, usize)> {
        self.sections
            .iter()
            .enumerate()
            .filter_map(|(idx, s)| match s.kind {
                SectionKind::Trait(trait_idx) => Some((idx, s, trait_idx)),
                _ => None,
            })
    }

    pub fn role_sections(&self, role: Role) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.kind == SectionKind::Role(role))
    }

    /// For each section, whether a non-placeholder entry lies anywhere under it (in its span,
    /// subsections included). One pass over the entries, instead of one per section.
    pub fn sections_holding_entries(&self) -> Vec<bool> {
        let mut holding = self.innermost_holding_entries();
        self.pass_up(&mut holding);
        holding
    }

    /// For each section, whether anything under it counts as content: a non-placeholder entry,
    /// or a paragraph in it or in a subsection.
    pub fn sections_with_content(&self) -> Vec<bool> {
        let mut content = self.innermost_holding_entries();
        for (has, section) in content.iter_mut().zip(&self.sections) {
            *has |= section.n_prose_blocks > 0;
        }
        self.pass_up(&mut content);
        content
    }

    /// For each section, whether it is the innermost one holding a non-placeholder entry.
    fn innermost_holding_entries(&self) -> Vec<bool> {
        let mut holding = vec![false; self.sections.len()];
        // Paragraphs count as a section's prose (`n_prose_blocks`), not as entries it holds.
        for entry in self
            .entries
            .iter()
            .filter(|e| !e.is_placeholder && e.form != EntryForm::Paragraph)
        {
            // The sections holding the entry are the last heading before it and that heading's
            // ancestors (a heading inside a section's span is its descendant): mark the
            // innermost that holds the whole entry (callers mark its ancestors).
            let is_last_before = |idx: usize| {
                self.sections[idx].heading.start <= entry.span.start
                    && self
                        .sections
                        .get(idx + 1)
                        .is_none_or(|next| next.heading.start > entry.span.start)
            };
            // The entry's own section is that heading (checked, not assumed); else search.
            let mut section = match entry.section {
                Some(idx) if idx < self.sections.len() && is_last_before(idx) => Some(idx),
                _ => self
                    .sections
                    .partition_point(|s| s.heading.start <= entry.span.start)
                    .checked_sub(1),
            };
            while let Some(idx) = section {
                if self.sections[idx].span.contains_span(entry.span) {
                    holding[idx] = true;
                    break;
                }
                section = self.sections[idx].parent;
            }
        }
        holding
    }

    /// Mark every ancestor of a marked section.
    fn pass_up(&self, marked: &mut [bool]) {
        // A subsection follows its parent: going backwards, each passes its mark up.
        for idx in (0..self.sections.len()).rev() {
            if let (true, Some(parent)) = (marked[idx], self.sections[idx].parent) {
                marked[parent] = true;
            }
        }
    }

    /// Which of `traits` (a ladder's, by index) have evidence: a non-placeholder entry or
    /// paragraph anywhere under a section naming the trait (or a role section implying it, or a
    /// heading naming it among others), a tag naming it on a non-placeholder entry, or an entry
    /// whose lead-in names it or whose wording infers it ([`Document::inference`]).
    ///
    /// Inferred evidence counts once the inference is made: `analyze` makes it before the rules
    /// run whenever a trait they ask about (the target's, a trait section's, a focus trait) has
    /// no evidence by heading or tag, so a rule's answer never depends on it being missing. A
    /// caller asking about other traits calls [`Document::inference`] first.
    ///
    /// One pass over sections, entries and tags. Asking section by section what lay under each
    /// heading made a draft with a thousand empty trait headings take half a second.
    pub fn evidenced_traits(&self, traits: &[crate::catalogue::Trait]) -> Vec<bool> {
        let (named, has_content) = self
            .named_evidence
            .get_or_init(|| self.evidenced_by_name(traits));
        let mut evidenced = named.clone();
        // A caller with another trait list than the document's ladder gets one of its length.
        evidenced.resize(traits.len(), false);
        let Some(inference) = self.inference.get() else {
            return evidenced;
        };
        for (section_idx, named) in &inference.multi_trait_sections {
            if has_content.get(*section_idx) == Some(&true) {
                for &t in named {
                    if let Some(flag) = evidenced.get_mut(t) {
                        *flag = true;
                    }
                }
            }
        }
        // Inference leaves placeholders out.
        for found in &inference.by_entry {
            if let Some(flag) = evidenced.get_mut(found.trait_idx as usize) {
                *flag = true;
            }
        }
        evidenced
    }

    /// The traits sections and tags evidence, and each section's content flag.
    fn evidenced_by_name(&self, traits: &[crate::catalogue::Trait]) -> (Vec<bool>, Vec<bool>) {
        let has_content = self.sections_with_content();
        let mut evidenced = vec![false; traits.len()];
        for (section, _) in self.sections.iter().zip(&has_content).filter(|(_, c)| **c) {
            match section.kind {
                SectionKind::Trait(t) => {
                    if let Some(flag) = evidenced.get_mut(t) {
                        *flag = true;
                    }
                }
                SectionKind::Role(role) => {
                    for (flag, tr) in evidenced.iter_mut().zip(traits) {
                        *flag |= role.implied_trait() == Some(tr.id.as_str());
                    }
                }
                SectionKind::Free => {}
            }
        }
        for tag in &self.tags {
            if let (Some(t), Some(e)) = (tag.trait_idx, tag.entry)
                && !self.entries[e].is_placeholder
                && let Some(flag) = evidenced.get_mut(t)
            {
                *flag = true;
            }
        }
        (evidenced, has_content)
    }
}
