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

use super::chunks;
use super::dates;
use super::document::{
    DocKind, Entry, EntryRole, IndexRange, Link, Section, SectionKind, Suppression,
    SuppressionScope, Tag, TextPiece, source_span,
};
use super::memo::{KeptAt, KeptPiece, Memo};
use super::placeholders::is_placeholder_only;
use super::text::Span;
use crate::catalogue::Ladder;
use pulldown_cmark::{Event, Options, Parser, Tag as MdTag, TagEnd};
use regex::Regex;
use std::sync::{Arc, LazyLock};

/// What the body of a document holds; `Document` adds front matter and kind around it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    pub tags: Vec<Tag>,
    pub links: Vec<Link>,
    pub prose_runs: Vec<Span>,
    pub suppressions: Vec<Suppression>,
}

static SUPPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*rung-disable(-next-line)?(?-u:\b)([^>]*?)-->")
        .expect("suppression pattern compiles")
});

struct HeadingBuilder {
    depth: u8,
    start: usize,
    title: String,
    title_span: Option<Span>,
    exact: bool,
}

struct EntryBuilder {
    idx: usize,
    span: Span,
    text: String,
    text_span: Option<Span>,
    detail: String,
    pieces: Vec<TextPiece>,
    tags: IndexRange,
    links: IndexRange,
    content_column: Option<usize>,
    marker_column: usize,
}

/// Builds the model of a body from pulldown-cmark's events, or of one piece of it, with spans
/// relative to the start of the text it reads and indexes into its own lists.
struct Builder<'t> {
    /// The text that event ranges index: the document's, or one piece's.
    text: &'t str,
    ladder: &'t Ladder,
    body: Body,
    heading: Option<HeadingBuilder>,
    item_depth: usize,
    entry: Option<EntryBuilder>,
    /// Emptied text, detail and piece buffers, reused by the next entry.
    spare: (String, String, Vec<TextPiece>),
    paragraph: Option<String>,
    code_block: bool,
    link_starts: Vec<(usize, String)>,
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
            let mut kept = memo.pieces(ladder);
            let models: Vec<(usize, Arc<KeptPiece>)> = pieces
                .map(|(at, piece, is_last)| {
                    let model = kept.get_or_compute(piece, is_last, |piece| {
                        let mut builder =
                            Builder::new(piece, ladder, Body::with_capacity_for(piece.len()));
                        builder.add_piece(piece, 0, is_last);
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
            let mut builder = Builder::new(text, ladder, Body::with_capacity_for(text.len()));
            for (at, piece, is_last) in pieces {
                builder.add_piece(piece, at, is_last);
            }
            builder.body
        }
    };
    body.resolve_structure(text.len(), kind);
    // The model lives as long as the analysis: give back what doubling growth left over
    // (a quarter of the entries' memory on average; 6 MB on a 10 MB draft).
    body.shrink_to_fit();
    (body, kept_at)
}

impl Body {
    /// Empty lists with rough capacities for `len` bytes of a typical growth doc, so a large one
    /// does not regrow them.
    fn with_capacity_for(len: usize) -> Body {
        Body {
            entries: Vec::with_capacity(len / 160),
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
        self.suppressions
            .extend(piece.suppressions.iter().cloned().map(|mut suppression| {
                suppression.span = suppression.span.shifted(at);
                suppression
            }));
    }

    /// Resolve what crosses pieces, over the whole body: each section's parent and end, guidance
    /// inherited from a parent, and each entry's role. Before this, a section's `is_guidance`
    /// says only whether its own heading is about writing the doc.
    fn resolve_structure(&mut self, text_len: usize, kind: DocKind) {
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
        for entry in &mut self.entries {
            entry.role = entry.section.map_or(EntryRole::Other, |idx| {
                entry_role(&self.sections, kind, idx)
            });
        }
    }
}

/// The nearest heading that classifies its entries decides what they are; anything under a
/// heading about writing the doc ("Writing tips", "How to use", "Examples") is guidance.
fn entry_role(sections: &[Section], kind: DocKind, section_idx: usize) -> EntryRole {
    use crate::catalogue::Role;
    if sections[section_idx].is_guidance {
        return EntryRole::Other;
    }
    let mut idx = Some(section_idx);
    while let Some(current) = idx {
        let section = &sections[current];
        match section.kind {
            SectionKind::Trait(trait_idx) => return EntryRole::Evidence(trait_idx),
            SectionKind::Role(role) if role.holds_wins() => return EntryRole::Win,
            SectionKind::Role(Role::Actions) => return EntryRole::Action,
            SectionKind::Role(Role::DidntGoWell) => return EntryRole::Lesson,
            SectionKind::Role(Role::DoDifferently) => return EntryRole::Change,
            SectionKind::Role(_) => return EntryRole::Other,
            SectionKind::Free if kind == DocKind::Brag && section.date.is_some() => {
                return EntryRole::Win;
            }
            SectionKind::Free => idx = section.parent,
        }
    }
    EntryRole::Other
}

impl<'t> Builder<'t> {
    /// A builder over `text`: the whole document, or the one piece it builds.
    fn new(text: &'t str, ladder: &'t Ladder, body: Body) -> Builder<'t> {
        Builder {
            text,
            ladder,
            body,
            heading: None,
            item_depth: 0,
            entry: None,
            spare: Default::default(),
            paragraph: None,
            code_block: false,
            link_starts: Vec::new(),
        }
    }

    /// Read the events of `piece`, which starts at `at` in the builder's text.
    fn add_piece(&mut self, piece: &str, at: usize, is_last: bool) {
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
        let mut mender = chunks::ItemMender::new(piece, is_last);
        for (event, mut range) in Parser::new_ext(piece, options).into_offset_iter() {
            mender.mend(&event, &mut range);
            self.event(event, Span::from(range).shifted(at));
        }
    }

    fn event(&mut self, event: Event<'_>, range: Span) {
        match event {
            Event::Start(MdTag::Heading { level, .. }) => {
                self.heading = Some(HeadingBuilder {
                    depth: level as u8,
                    start: range.start,
                    title: String::new(),
                    title_span: None,
                    exact: true,
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(range),
            Event::Start(MdTag::Item) => {
                self.item_depth += 1;
                if self.item_depth == 1 {
                    let line_start = self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    // The buffers of the previous entry, emptied: growing fresh ones for every
                    // entry was a stream of small reallocations.
                    let (text, detail, pieces) = std::mem::take(&mut self.spare);
                    self.entry = Some(EntryBuilder {
                        idx: self.body.entries.len(),
                        span: range,
                        text,
                        text_span: None,
                        detail,
                        pieces,
                        tags: IndexRange::default(),
                        links: IndexRange::default(),
                        content_column: None,
                        marker_column: range.start - line_start,
                    });
                } else if let Some(entry) = &mut self.entry
                    && !entry.detail.is_empty()
                {
                    entry.detail.push('\n');
                }
            }
            Event::End(TagEnd::Item) => {
                self.item_depth = self.item_depth.saturating_sub(1);
                if self.item_depth == 0 {
                    self.end_entry();
                }
            }
            Event::Start(MdTag::Paragraph) => {
                if self.item_depth == 0 {
                    self.paragraph = Some(String::new());
                } else if let Some(entry) = &mut self.entry {
                    let target = if self.item_depth == 1 {
                        &mut entry.text
                    } else {
                        &mut entry.detail
                    };
                    if !target.is_empty() && !target.ends_with(['\n', ' ']) {
                        target.push(' ');
                    }
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(paragraph) = self.paragraph.take()
                    && !is_placeholder_only(&paragraph)
                    && let Some(section) = self.body.sections.len().checked_sub(1)
                {
                    self.body.sections[section].n_prose_blocks += 1;
                }
            }
            Event::Start(MdTag::CodeBlock(_)) => self.code_block = true,
            Event::End(TagEnd::CodeBlock) => self.code_block = false,
            Event::Start(MdTag::Link { dest_url, .. }) => {
                self.link_starts.push((range.start, dest_url.to_string()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, destination)) = self.link_starts.pop() {
                    let entry = self.entry.as_ref().map(|e| e.idx);
                    let idx = self.body.links.len();
                    self.body.links.push(Link {
                        span: Span::new(start, range.end),
                        destination,
                        entry,
                    });
                    if let Some(entry) = &mut self.entry {
                        entry.links.push(idx);
                    }
                }
            }
            Event::Text(text) if !self.code_block => {
                self.inline_text(&text, range, true);
            }
            Event::Code(code) => self.inline_text(&code, range, false),
            Event::SoftBreak | Event::HardBreak => self.inline_text(" ", range, false),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            _ => {}
        }
    }

    /// Text that a reader sees: into the heading, the entry or the paragraph being built.
    /// `is_prose` is false for code spans and line breaks, which hold no tags or placeholders.
    fn inline_text(&mut self, content: &str, range: Span, is_prose: bool) {
        let exact = is_prose && self.text.get(range.start..range.end) == Some(content);
        if is_prose {
            match self.body.prose_runs.last_mut() {
                Some(last) if last.end == range.start => last.end = range.end,
                _ => self.body.prose_runs.push(range),
            }
        }
        if let Some(heading) = &mut self.heading {
            heading.title.push_str(content);
            heading.exact &= exact || !is_prose;
            if is_prose || !content.trim().is_empty() {
                heading.title_span = Some(heading.title_span.map_or(range, |s| s.cover(range)));
            }
            return;
        }
        if let Some(entry) = &mut self.entry {
            if is_prose && content.contains('#') {
                scan_tags(self.text, range, self.ladder, entry, &mut self.body.tags);
            }
            if self.item_depth == 1 {
                if entry.content_column.is_none() && !content.trim().is_empty() {
                    let line_start = self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    entry.content_column = Some(range.start - line_start);
                }
                // Text that continues the previous exact piece in the source extends it, so a
                // paragraph split into several text events costs one piece. Pieces are kept
                // relative to the entry's start.
                let plain_start = entry.text.len();
                let source =
                    Span::new(range.start - entry.span.start, range.end - entry.span.start);
                match entry.pieces.last_mut() {
                    Some(last)
                        if exact
                            && last.exact
                            && last.source().end == source.start
                            && last.plain_start() + last.source().len() == plain_start =>
                    {
                        last.extend_to(source.end);
                    }
                    _ => entry
                        .pieces
                        .push(TextPiece::new(plain_start, source, exact)),
                }
                entry.text.push_str(content);
                if !content.trim().is_empty() {
                    entry.text_span = Some(entry.text_span.map_or(range, |s| s.cover(range)));
                }
            } else {
                entry.detail.push_str(content);
            }
            return;
        }
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.push_str(content);
        }
    }

    fn html(&mut self, html: &str, range: Span) {
        if !html.contains("rung-disable") {
            return;
        }
        let source = &self.text[range.start..range.end];
        for captures in SUPPRESSION.captures_iter(source) {
            let whole = captures.get(0).expect("group 0 always matches");
            let rules = captures[2]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|name| !name.is_empty())
                .map(str::to_string)
                .collect();
            let scope = if captures.get(1).is_some() {
                SuppressionScope::NextLine
            } else {
                SuppressionScope::File
            };
            self.body.suppressions.push(Suppression {
                span: Span::from(whole.range()).shifted(range.start),
                rules,
                scope,
            });
        }
    }

    fn end_heading(&mut self, range: Span) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        let title = heading.title.trim().to_string();
        let title_span = heading.title_span.unwrap_or(Span::empty_at(range.end));
        let normalized = crate::catalogue::normalize_name(&title);
        let kind = if title.is_empty() {
            SectionKind::Free
        } else if let Some(role) = self.ladder.find_role_normalized(&normalized) {
            SectionKind::Role(role)
        } else if let Some(trait_idx) = self.ladder.trait_index_normalized(&normalized) {
            SectionKind::Trait(trait_idx)
        } else {
            SectionKind::Free
        };
        let date = dates::heading_date(&heading.title).map(|found| {
            let leading = heading.title.len() - heading.title.trim_start().len();
            if heading.exact && heading.title_span.is_some() {
                let start = title_span.start + found.start.saturating_sub(leading);
                Span::new(
                    start.min(title_span.end),
                    (start + found.len()).min(title_span.end),
                )
            } else {
                title_span
            }
        });
        // Parent, end and inherited guidance may lie in other pieces: `resolve_structure`
        // sets them once the whole body is built.
        let is_guidance = kind == SectionKind::Free && GUIDANCE_HEADING.is_match(&title);
        self.body.sections.push(Section {
            depth: heading.depth,
            heading: Span::new(heading.start, range.end),
            title_span,
            title,
            span: Span::new(heading.start, self.text.len()),
            parent: None,
            kind,
            date,
            n_prose_blocks: 0,
            is_guidance,
        });
    }

    fn end_entry(&mut self) {
        let Some(builder) = self.entry.take() else {
            return;
        };
        // The latest heading: a piece starts with one, so an entry's section is in its piece.
        let section = self.body.sections.len().checked_sub(1);
        // Copied out at their exact size (entries live as long as the analysis, and a large
        // draft has a hundred thousand); the builder's buffers go back for the next entry.
        let text: Arc<str> = Arc::from(builder.text.trim_end());
        let detail = match builder.detail.trim() {
            "" => NO_DETAIL.clone(),
            detail => Arc::from(detail),
        };
        let pieces: Arc<[TextPiece]> = Arc::from(&builder.pieces[..]);
        let date = dates::leading_date(&text).map(|range| {
            source_span(&builder.pieces, range.start, range.end)
                .map(|span| span.shifted(builder.span.start))
                .unwrap_or(builder.text_span.unwrap_or(builder.span))
        });
        let is_placeholder = is_placeholder_only(&text) && is_placeholder_only(&detail);
        let is_prompt = looks_like_prompt(&text);
        let (mut spare_text, mut spare_detail, mut spare_pieces) =
            (builder.text, builder.detail, builder.pieces);
        spare_text.clear();
        spare_detail.clear();
        spare_pieces.clear();
        self.spare = (spare_text, spare_detail, spare_pieces);
        self.body.entries.push(Entry {
            span: builder.span,
            text_span: builder.text_span.unwrap_or(Span::new(
                builder.span.start,
                builder.span.start + 1.min(builder.span.len()),
            )),
            text,
            detail,
            pieces,
            section,
            // Set by `resolve_structure`: the classifying heading may be in an earlier piece.
            role: EntryRole::Other,
            date,
            tags: builder.tags,
            links: builder.links,
            content_column: builder.content_column.unwrap_or(builder.marker_column + 2),
            is_placeholder,
            is_prompt,
        });
    }
}

/// The detail of an entry without nested items (most of them), shared rather than allocated.
static NO_DETAIL: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(""));

/// Headings of sections that explain how to write the doc rather than being part of it.
static GUIDANCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tips?|how\s+to|how-to|guide|guidelines?|instructions?|usage|examples?|templates?|faq|motivation|about\s+this|getting\s+started|prompts?|questions)(?-u:\b)")
        .expect("guidance heading pattern compiles")
});

/// Verbs that open an instruction to the author in templates and guides.
const PROMPT_VERBS: [&str; 34] = [
    "answer",
    "include",
    "think",
    "explain",
    "fill",
    "list",
    "describe",
    "write",
    "add",
    "keep",
    "start",
    "use",
    "note",
    "try",
    "consider",
    "mention",
    "remember",
    "avoid",
    "focus",
    "make",
    "put",
    "record",
    "capture",
    "update",
    "jot",
    "share",
    "reflect",
    "quantify",
    "highlight",
    "show",
    "don't",
    "do",
    "be",
    "ask",
];

/// An entry that instructs rather than claims: a question, a line ending in `:`, or one opening
/// with a guidance verb in its base form.
fn looks_like_prompt(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches(['*', '_']);
    if trimmed.ends_with('?') || trimmed.ends_with(':') {
        return true;
    }
    let first = trimmed
        .split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.']);
    if first.is_ascii() {
        // The verbs are ASCII: compare without lowercasing a copy.
        PROMPT_VERBS
            .iter()
            .any(|verb| verb.eq_ignore_ascii_case(first))
    } else {
        PROMPT_VERBS.contains(&first.to_lowercase().as_str())
    }
}

/// Find `#tag` words in the source bytes of one text event. A tag is not at the start of its
/// line (that would read as a heading), not after a word character (`C#`, `issue#4`) and not
/// escaped.
fn scan_tags(
    text: &str,
    range: Span,
    ladder: &Ladder,
    entry: &mut EntryBuilder,
    tags: &mut Vec<Tag>,
) {
    let source = &text[range.start..range.end];
    let bytes = text.as_bytes();
    for (rel, _) in source.match_indices('#') {
        let at = range.start + rel;
        let name_len = text[at + 1..]
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map_or(text.len() - at - 1, |(i, _)| i);
        let name = text[at + 1..at + 1 + name_len].trim_end_matches(['-', '_']);
        if name.is_empty()
            || !name.as_bytes()[0].is_ascii_alphabetic()
            || at + 1 + name.len() > range.end
        {
            continue;
        }
        if at > 0 {
            let before = bytes[at - 1];
            if before.is_ascii_alphanumeric()
                || before == b'\\'
                || before == b'&'
                || before == b'#'
                || before == b'/'
            {
                continue;
            }
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..at].trim().is_empty() {
            continue;
        }
        let idx = tags.len();
        tags.push(Tag {
            span: Span::new(at, at + 1 + name.len()),
            name: Arc::from(name),
            trait_idx: ladder.trait_index(name),
            entry: Some(entry.idx),
        });
        entry.tags.push(idx);
    }
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
            .map(|n| format!("## Wins\n\n- Shipped {n}\n\n### Notes\n\n- More {n}\n\n"))
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
        // The Notes sections sit under Wins, across pieces: their entries are wins.
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
