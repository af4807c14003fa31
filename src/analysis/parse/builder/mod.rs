//! The event handler: turns pulldown-cmark's offset events into sections and entries, one
//! small function per kind of block. Entries come from list items (nested ones too, when their
//! parent only labels them), paragraphs, `•` bullet lines pasted into a paragraph, and table
//! rows; a paragraph that is only bold text opens a section as a heading does.

use super::columns::{self, Column};
use super::wording::{self, LeadIn};
use super::{Body, headings, inline};
use crate::analysis::dates;
use crate::analysis::document::{
    Entry, EntryForm, EntryRole, IndexRange, Link, Pieces, Section, SectionKind, Suppression,
    SuppressionScope, TextPiece, Wording, source_span,
};
use crate::analysis::placeholders::is_placeholder_only;
use crate::analysis::text::Span;
use crate::catalogue::{Ladder, Role};
use pulldown_cmark::{Event, Tag as MdTag, TagEnd};
use regex::Regex;
use std::sync::{Arc, LazyLock};

static SUPPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*rung-disable(-next-line)?(?-u:\b)([^>]*?)-->")
        .expect("suppression pattern compiles")
});

/// Headings of sections that explain how to write the doc rather than being part of it.
pub(super) static GUIDANCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tips?|how\s+to|how-to|guide|guidelines?|instructions?|usage|examples?|templates?|faq|motivation|about\s+this|getting\s+started|prompts?|questions|table\s+of\s+contents|contents)(?-u:\b)")
        .expect("guidance heading pattern compiles")
});

/// The detail of an entry without nested items (most of them), shared rather than allocated.
static NO_DETAIL: LazyLock<Arc<str>> = LazyLock::new(|| Arc::from(""));

/// A bold line longer than this is emphasis in prose, not a heading.
const MAX_BOLD_HEADING: usize = 100;

struct HeadingBuilder {
    depth: u8,
    start: usize,
    title: String,
    title_span: Option<Span>,
    exact: bool,
}

pub(super) struct EntryBuilder {
    /// The entry's slot in `Body::entries`, reserved when it starts so entries stay in
    /// document order (a nested entry ends before the item around it).
    pub(super) idx: usize,
    span: Span,
    text: String,
    text_span: Option<Span>,
    detail: String,
    pieces: Vec<TextPiece>,
    pub(super) tags: IndexRange,
    links: IndexRange,
    content_column: Option<usize>,
    marker_column: usize,
    form: EntryForm,
    /// The list depth of the item whose text is the entry's own (0 for paragraphs and rows).
    item_depth: usize,
    /// Words of the entry's own text outside links, bold and code.
    n_own_words: usize,
    /// Own text inside bold, or a link.
    has_marked_text: bool,
    /// The date of the label the entry is nested under (`- 2024-01-07:` with the work below).
    label_date: Option<Span>,
    /// The entry's children are entries of their own; its detail still gathers their text when
    /// it claims work itself ("Built a lot of stuff:").
    children_are_entries: bool,
    lead_in: Option<LeadIn>,
    /// The role of life outside work or of plans that a label above the entry names
    /// (`- **Family**`, `- Health:`, `- **Goals**`): the entry is no win, as under such a heading.
    label_role: Option<Role>,
    /// Where the entry's tags start in `Body::tags`: a paragraph that is not kept drops them.
    first_tag: usize,
    /// The item's task box is ticked (`- [x] Wrote the runbook`): work done.
    checked: bool,
    /// The item is a child of one that opens with a goal label (`- Goal: …`).
    under_goal_label: bool,
}

/// Builds the model of a body from pulldown-cmark's events, or of one piece of it, with spans
/// relative to the start of the text it reads and indexes into its own lists.
pub(super) struct Builder<'t> {
    /// The text that event ranges index: the document's, or one piece's.
    text: &'t str,
    ladder: &'t Ladder,
    pub(super) body: Body,
    heading: Option<HeadingBuilder>,
    item_depth: usize,
    /// For each open list item, whether it started an entry.
    item_starts_entry: Vec<bool>,
    /// Open entries, innermost last.
    open: Vec<EntryBuilder>,
    /// Emptied text, detail and piece buffers, reused by the next entry.
    spare: Vec<(String, String, Vec<TextPiece>)>,
    /// A paragraph inside a block quote: counted as prose, never an entry.
    quoted_paragraph: Option<String>,
    code_block: bool,
    block_quote_depth: usize,
    strong_depth: usize,
    /// Links and images open around the current text.
    link_depth: usize,
    table_head: bool,
    /// The header cells of the table being read, as text.
    table_header: Vec<String>,
    /// The table's header names only periods after its first column (`| What | 2024 | 2025 |`,
    /// `| metric | before | after |`): a row reads as its label and a before→after.
    period_table: bool,
    /// The cell of the current table row that starts next.
    cell_index: usize,
    /// What each column of the table holds, by its header (`columns`); empty for a table of
    /// periods, whose rows read as before→after.
    table_columns: Vec<Column>,
    /// What the cell being read holds: only `Column::Read` cells are the row's text.
    cell_column: Column,
    /// The text of the row's status cells, and whether it has a plan cell with text.
    row_status: String,
    row_plans: bool,
    row_reads: bool,
    /// The table has no column of work or results: its plan cells are its rows' text.
    plans_are_text: bool,
    /// The previous inline event was a line break: a `•` here starts a new bullet.
    after_break: bool,
    /// What the paragraph just ended says of a list right after it.
    pending_lead_in: Option<LeadIn>,
    /// What the lead-in before the current top-level list said of it.
    list_lead_in: Option<LeadIn>,
    /// The slot of the paragraph entry that ended last, while a list may still follow it.
    last_paragraph: Option<usize>,
    link_starts: Vec<(usize, String)>,
    /// Tag names read so far, shared by the tags that repeat them (`inline::scan_tags`).
    tag_names: Vec<Arc<str>>,
}

impl<'t> Builder<'t> {
    /// A builder over `text`: the whole document, or the one piece it builds.
    pub(super) fn new(text: &'t str, ladder: &'t Ladder, body: Body) -> Builder<'t> {
        Builder {
            text,
            ladder,
            body,
            heading: None,
            item_depth: 0,
            item_starts_entry: Vec::new(),
            open: Vec::new(),
            spare: Vec::new(),
            quoted_paragraph: None,
            code_block: false,
            block_quote_depth: 0,
            strong_depth: 0,
            link_depth: 0,
            table_head: false,
            table_header: Vec::new(),
            period_table: false,
            cell_index: 0,
            table_columns: Vec::new(),
            cell_column: Column::Read,
            row_status: String::new(),
            row_plans: false,
            row_reads: false,
            plans_are_text: true,
            after_break: false,
            pending_lead_in: None,
            list_lead_in: None,
            last_paragraph: None,
            link_starts: Vec::new(),
            tag_names: Vec::new(),
        }
    }

    pub(super) fn event(&mut self, event: Event<'_>, range: Span) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) if !self.code_block => self.text_event(&text, range),
            Event::Code(code) => self.inline_text(&code, range, false),
            Event::SoftBreak | Event::HardBreak => {
                self.inline_text(" ", range, false);
                self.after_break = true;
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            Event::TaskListMarker(true) => {
                // The tick is its own item's: a ticked child read as its parent's detail
                // ("- [x] gave a lightning talk" under a goal) does not mark the goal done.
                let depth = self.item_depth;
                if let Some(entry) = self.open.last_mut()
                    && entry.item_depth == depth
                {
                    entry.checked = true;
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: MdTag<'_>, range: Span) {
        let top_level_block = self.item_depth == 0 && self.block_quote_depth == 0;
        if top_level_block && matches!(tag, MdTag::Table(_)) {
            self.mark_caption(range);
        }
        if top_level_block && !matches!(tag, MdTag::List(_) | MdTag::Item) && is_block(&tag) {
            // Only a list right after a lead-in paragraph is what the lead-in speaks of.
            self.pending_lead_in = None;
            self.last_paragraph = None;
        }
        match tag {
            MdTag::Heading { level, .. } => {
                self.heading = Some(HeadingBuilder {
                    depth: level as u8,
                    start: range.start,
                    title: String::new(),
                    title_span: None,
                    exact: true,
                });
            }
            MdTag::List(_) if self.item_depth == 0 => {
                self.list_lead_in = self.pending_lead_in.take();
                // A paragraph that introduces goals is not a win either ("I did a lot this
                // year. Here's what I hope to do next:").
                if self.list_lead_in == Some(LeadIn::Goals)
                    && let Some(idx) = self.last_paragraph
                    && let Some(entry) = self.body.entries.get_mut(idx)
                    && entry.form == EntryForm::Paragraph
                {
                    entry.wording.is_intent = true;
                }
                // A one-sentence paragraph right before the list introduces it.
                if let Some(idx) = self.last_paragraph
                    && let Some(entry) = self.body.entries.get_mut(idx)
                    && entry.form == EntryForm::Paragraph
                    && wording::is_one_sentence(&entry.text)
                {
                    entry.wording.leads_list = true;
                }
            }
            MdTag::Item => self.start_item(range),
            MdTag::Paragraph => self.start_paragraph(range),
            MdTag::Table(_) => {
                self.table_header.clear();
                self.table_columns.clear();
                self.period_table = false;
            }
            MdTag::TableHead => {
                self.table_head = true;
                self.cell_index = 0;
            }
            MdTag::TableRow => {
                self.cell_index = 0;
                self.row_status.clear();
                self.row_plans = false;
                self.row_reads = false;
                if self.item_depth == 0 && !self.table_head {
                    self.start_entry(range, EntryForm::TableRow, 0, None);
                }
            }
            MdTag::TableCell => self.start_cell(),
            MdTag::BlockQuote(_) => self.block_quote_depth += 1,
            MdTag::CodeBlock(_) => self.code_block = true,
            MdTag::Strong => self.strong_depth += 1,
            MdTag::Image { .. } => self.link_depth += 1,
            MdTag::Link { dest_url, .. } => {
                self.link_depth += 1;
                self.link_starts.push((range.start, dest_url.to_string()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Span) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(range),
            TagEnd::List(_) if self.item_depth == 0 => self.list_lead_in = None,
            TagEnd::Item => self.end_item(),
            TagEnd::Paragraph => self.end_paragraph(range),
            TagEnd::TableHead => {
                self.table_head = false;
                self.period_table = self.table_header.len() >= 3
                    && self.table_header[1..]
                        .iter()
                        .all(|cell| is_period_name(cell));
                if !self.period_table {
                    self.table_columns = columns::columns(&self.table_header);
                }
                // A goals table with a column of what was done (`| Goal | Actions | Evidence |`)
                // is judged by that column; one of plans only (a retro's `| Action | Owner |`)
                // reads its plans.
                self.plans_are_text = !self.table_columns.contains(&Column::Read);
            }
            TagEnd::Table => self.cell_column = Column::Read,
            TagEnd::TableRow
                if self
                    .open
                    .last()
                    .is_some_and(|e| e.form == EntryForm::TableRow) =>
            {
                self.end_entry(true);
            }
            TagEnd::BlockQuote(_) => {
                self.block_quote_depth = self.block_quote_depth.saturating_sub(1)
            }
            TagEnd::CodeBlock => self.code_block = false,
            TagEnd::Strong => self.strong_depth = self.strong_depth.saturating_sub(1),
            TagEnd::Image => self.link_depth = self.link_depth.saturating_sub(1),
            TagEnd::Link => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.end_link(range);
            }
            _ => {}
        }
    }

    /// Open an entry in a reserved slot of `Body::entries`.
    fn start_entry(
        &mut self,
        range: Span,
        form: EntryForm,
        item_depth: usize,
        label_date: Option<Span>,
    ) {
        let line_start = self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        // The buffers of an earlier entry, emptied: growing fresh ones for every entry was a
        // stream of small reallocations.
        let (text, detail, pieces) = self.spare.pop().unwrap_or_default();
        let idx = self.body.entries.len();
        self.body.entries.push(reserved_entry());
        self.open.push(EntryBuilder {
            idx,
            span: range,
            text,
            text_span: None,
            detail,
            pieces,
            tags: IndexRange::default(),
            links: IndexRange::default(),
            content_column: None,
            marker_column: range.start - line_start,
            form,
            item_depth,
            n_own_words: 0,
            has_marked_text: false,
            label_date,
            children_are_entries: false,
            lead_in: self.list_lead_in,
            label_role: None,
            first_tag: self.body.tags.len(),
            checked: false,
            under_goal_label: false,
        });
    }

    /// The role a short label item names for the items nested under it: life outside work or
    /// plans (`- **Family**`, `- Hobbies:`, `- Next week:`), where they are no wins, or work
    /// done (`- Done so far:`), where a plan's items are its look back.
    fn label_above(&self, parent: &EntryBuilder) -> Option<Role> {
        if !parent.children_are_entries {
            return None;
        }
        // A retro held inside a work log (`- Team retro for the quarter:`): its items are the
        // team's notes and actions, not the author's wins.
        if parent.text.len() <= MAX_BOLD_HEADING
            && wording::ends_as_lead_in(&parent.text)
            && headings::names_a_retro(&parent.text)
        {
            return Some(Role::Lessons);
        }
        // A label is a word or two, or a short lead-in (`- Done so far:`).
        let is_short_lead_in =
            wording::ends_as_lead_in(&parent.text) && parent.text.split_whitespace().count() <= 4;
        if parent.n_own_words > 2 && !is_short_lead_in {
            return None;
        }
        // Under a lead-in that claims work ("Built a lot of stuff:" then "**Fun**", "**Personal**")
        // the label sorts things the author made: they stay wins.
        if let [.., outer, _] = &self.open[..]
            && wording::claims_work(&outer.text)
        {
            return None;
        }
        let label = parent.text.trim().trim_end_matches(':');
        if label.is_empty() || label.len() > MAX_BOLD_HEADING {
            return None;
        }
        headings::label_role(self.ladder, label)
            .filter(|role| matches!(role, Role::Personal | Role::Goals) || role.holds_wins())
    }

    fn start_item(&mut self, range: Span) {
        self.item_depth += 1;
        let depth = self.item_depth;
        let ladder = self.ladder;
        // A goal's steps are entries of their own under a heading of goals, labelled or not
        // (`1. Ship 2 docs` / `   - [x] Wrote the billing RFC`): a ticked one is the look back.
        let in_goals = self
            .body
            .sections
            .last()
            .is_some_and(|s| s.kind == SectionKind::Role(Role::Goals));
        let starts_entry = match self.open.last_mut() {
            None => true,
            // A child of an item that only labels it ("- 2024-01-07:", "- **Fun**", "- Built a
            // lot of stuff:") is an entry of its own.
            Some(parent) if parent.form == EntryForm::Item && parent.item_depth + 1 == depth => {
                let goal_steps = in_goals && parent.item_depth == 1;
                if !parent.children_are_entries && (goal_steps || labels_children(ladder, parent)) {
                    parent.children_are_entries = true;
                }
                if !parent.children_are_entries && !parent.detail.is_empty() {
                    parent.detail.push('\n');
                }
                parent.children_are_entries
            }
            Some(parent) => {
                if !parent.detail.is_empty() {
                    parent.detail.push('\n');
                }
                false
            }
        };
        self.item_starts_entry.push(starts_entry);
        if starts_entry {
            let parent = self.open.last();
            let label_date = parent.and_then(parent_date);
            let label_role = parent.and_then(|p| p.label_role.or_else(|| self.label_above(p)));
            // The children of a lead-in inherit what it says of them ("Examples:", "Goals:").
            let lead_in = parent
                .and_then(|p| wording::lead_in(&p.text).or(p.lead_in))
                .or(self.list_lead_in);
            let under_goal_label = parent.is_some_and(|p| opens_with_goal_label(&p.text));
            self.start_entry(range, EntryForm::Item, depth, label_date);
            if let Some(entry) = self.open.last_mut() {
                entry.lead_in = lead_in;
                entry.label_role = label_role;
                entry.under_goal_label = under_goal_label;
            }
        }
    }

    fn end_item(&mut self) {
        if self.item_starts_entry.pop() == Some(true) {
            self.end_entry(true);
        }
        self.item_depth = self.item_depth.saturating_sub(1);
    }

    fn start_paragraph(&mut self, range: Span) {
        if self.block_quote_depth > 0 && self.open.is_empty() {
            self.quoted_paragraph = Some(String::new());
            return;
        }
        match self.open.last_mut() {
            None => self.start_entry(range, EntryForm::Paragraph, 0, None),
            // A loose item's next paragraph continues its text.
            Some(entry) => {
                let own = self.item_depth == entry.item_depth;
                let target = if own {
                    &mut entry.text
                } else {
                    &mut entry.detail
                };
                if !target.is_empty() && !target.ends_with(['\n', ' ']) {
                    target.push(' ');
                }
            }
        }
        self.after_break = true;
    }

    fn end_paragraph(&mut self, range: Span) {
        if let Some(paragraph) = self.quoted_paragraph.take() {
            self.count_prose(!is_placeholder_only(&paragraph));
            return;
        }
        let Some(entry) = self.open.last() else {
            return;
        };
        if entry.form != EntryForm::Paragraph {
            return;
        }
        let text = entry.text.trim();
        let is_bold_line = entry.n_own_words == 0
            && entry.has_marked_text
            && entry.links.is_empty()
            && !text.is_empty()
            && text.len() <= MAX_BOLD_HEADING
            && !text.starts_with('•');
        if is_bold_line {
            let (title, title_span) = (text.to_string(), entry.text_span);
            self.drop_entry();
            self.push_section(6, range, title, title_span);
            return;
        }
        self.count_prose(!is_placeholder_only(&entry.text));
        let entry = self.open.last().expect("checked above");
        self.pending_lead_in = wording::lead_in(&entry.text);
        self.last_paragraph = Some(entry.idx);
        self.end_entry(false);
    }

    /// A short sentence right before a table that says where its figures come from ("Pulled
    /// from the dashboard in December.") captions the table: it is no entry of its own.
    fn mark_caption(&mut self, table: Span) {
        let Some(entry) = self
            .last_paragraph
            .and_then(|idx| self.body.entries.get_mut(idx))
        else {
            return;
        };
        let adjacent = self
            .text
            .get(entry.span.end..table.start)
            .is_some_and(|gap| gap.trim().is_empty());
        if entry.form == EntryForm::Paragraph && adjacent && is_caption(&entry.text) {
            entry.wording.is_label = true;
        }
    }

    /// Count a paragraph of prose in the latest section, if it `says_something` (is more than
    /// placeholders).
    fn count_prose(&mut self, says_something: bool) {
        if says_something && let Some(section) = self.body.sections.len().checked_sub(1) {
            self.body.sections[section].n_prose_blocks += 1;
        }
    }

    fn start_cell(&mut self) {
        let cell = self.cell_index;
        self.cell_index += 1;
        if self.table_head {
            self.table_header.truncate(cell);
            self.table_header.push(String::new());
        }
        self.cell_column = match self.table_columns.get(cell) {
            Some(&column) if !self.table_head => column,
            _ => Column::Read,
        };
        let reads = match self.cell_column {
            Column::Read => true,
            Column::Plan => self.plans_are_text,
            Column::Status | Column::Aside | Column::When => false,
        };
        if self.cell_column == Column::When
            && let Some(entry) = self.open.last_mut()
            && entry.form == EntryForm::TableRow
            && !entry.detail.is_empty()
        {
            entry.detail.push(' ');
        }
        if let Some(entry) = self.open.last_mut()
            && entry.form == EntryForm::TableRow
            && reads
            && !wording::is_blank(&entry.text)
        {
            // A row of a table of periods reads as the detector reads a before→after
            // ("Deploys per week: ~400 → ~1,100"); the separators are no text of the source.
            entry.text.push_str(match (self.period_table, cell) {
                (false, _) => " | ",
                (true, 1) => ": ",
                (true, _) => " → ",
            });
        }
    }

    fn end_link(&mut self, range: Span) {
        if let Some((start, destination)) = self.link_starts.pop() {
            let entry = self.open.last().map(|e| e.idx);
            let idx = self.body.links.len();
            self.body.links.push(Link {
                span: Span::new(start, range.end),
                destination,
                entry,
            });
            if let Some(entry) = self.open.last_mut() {
                entry.links.push(idx);
                entry.has_marked_text = true;
            }
        }
    }

    /// A text event: a `•` after a line break in a paragraph starts the next pasted bullet.
    fn text_event(&mut self, content: &str, range: Span) {
        let after_break = std::mem::take(&mut self.after_break);
        if after_break
            && content.trim_start().starts_with('•')
            && let Some(entry) = self.open.last()
            && entry.form == EntryForm::Paragraph
            && !entry.text.trim().is_empty()
        {
            self.end_entry(true);
            self.start_entry(range, EntryForm::Paragraph, 0, None);
        }
        if self.in_pasted_bullet(content) && self.text.get(range.start..range.end) == Some(content)
        {
            self.split_pasted_bullets(content, range);
            return;
        }
        self.inline_text(content, range, true);
    }

    /// Whether the paragraph being read is a pasted `•` bullet, or `content` opens one.
    fn in_pasted_bullet(&self, content: &str) -> bool {
        match &self.open[..] {
            [entry] if entry.form == EntryForm::Paragraph => {
                let text = entry.text.trim_start();
                text.starts_with('•') || (text.is_empty() && content.trim_start().starts_with('•'))
            }
            _ => false,
        }
    }

    /// Bullets pasted on one line (`• did A • did B • did C`) are one entry each: a `•` after
    /// a space ends the entry before it and starts the next. `content` is exact source text.
    fn split_pasted_bullets(&mut self, content: &str, range: Span) {
        let mut from = 0;
        for (at, _) in content.match_indices('•') {
            let before = &content[from..at];
            if at == 0 || !before.ends_with(char::is_whitespace) || before.trim().is_empty() {
                continue;
            }
            let piece = before.trim_end();
            let piece_range = Span::new(range.start + from, range.start + from + piece.len());
            self.inline_text(piece, piece_range, true);
            self.end_entry(true);
            self.start_entry(
                Span::new(range.start + at, range.end),
                EntryForm::Paragraph,
                0,
                None,
            );
            from = at;
        }
        let rest = Span::new(range.start + from, range.end);
        self.inline_text(&content[from..], rest, true);
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
        if self.table_head
            && let Some(cell) = self.table_header.last_mut()
        {
            cell.push_str(content);
        }
        if let Some(heading) = &mut self.heading {
            heading.title.push_str(content);
            heading.exact &= exact || !is_prose;
            if is_prose || !wording::is_blank(content) {
                heading.title_span = Some(heading.title_span.map_or(range, |s| s.cover(range)));
            }
            return;
        }
        let Some(top) = self.open.len().checked_sub(1) else {
            if let Some(paragraph) = &mut self.quoted_paragraph {
                paragraph.push_str(content);
            }
            return;
        };
        // A row's links, dates, owners and statuses are not its text (`columns`): its dates
        // go in its detail, for the rules that ask when an action is due.
        if self.open[top].form == EntryForm::TableRow {
            let has_text = !wording::is_blank(content);
            match self.cell_column {
                Column::Read => self.row_reads |= has_text,
                Column::Plan => {
                    self.row_plans |= has_text;
                    if !self.plans_are_text {
                        return;
                    }
                }
                Column::Status => {
                    self.row_status.push_str(content);
                    return;
                }
                Column::Aside => return,
                Column::When => {
                    self.open[top].detail.push_str(content);
                    return;
                }
            }
        }
        // A lead-in that claims work gathers its children's text as its detail, so a measure
        // in one of them counts for it too.
        for parent in &mut self.open[..top] {
            if parent.children_are_entries && parent.form == EntryForm::Item {
                parent.detail.push_str(content);
            }
        }
        let (marked, item_depth) = (
            self.strong_depth > 0 || self.link_depth > 0,
            self.item_depth,
        );
        let entry = &mut self.open[top];
        if is_prose && content.contains('#') {
            inline::scan_tags(
                self.text,
                range,
                self.ladder,
                entry,
                &mut self.body.tags,
                &mut self.tag_names,
            );
        }
        if item_depth != entry.item_depth {
            entry.detail.push_str(content);
            return;
        }
        let text = self.text;
        own_text(text, entry, content, range, exact, is_prose && !marked);
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
        self.body.sections.push(Section {
            depth: heading.depth,
            heading: Span::new(heading.start, range.end),
            title_span,
            kind: headings::classify(self.ladder, &title),
            is_guidance: false,
            title,
            span: Span::new(heading.start, self.text.len()),
            parent: None,
            date,
            n_prose_blocks: 0,
        });
        self.mark_guidance();
    }

    /// A section opened by a line of bold text (`**Contributions before the launch:**`), one
    /// level below any heading.
    fn push_section(&mut self, depth: u8, range: Span, title: String, title_span: Option<Span>) {
        let title = title.trim().trim_end_matches(':').trim().to_string();
        let title_span = title_span.unwrap_or(range);
        let date = dates::heading_date(&title).map(|_| title_span);
        self.body.sections.push(Section {
            depth,
            heading: range,
            title_span,
            kind: headings::classify(self.ladder, &title),
            is_guidance: false,
            title,
            span: Span::new(range.start, self.text.len()),
            parent: None,
            date,
            n_prose_blocks: 0,
        });
        self.mark_guidance();
    }

    /// Parent, end and inherited guidance may lie in other pieces: `resolve_structure` sets
    /// them once the whole body is built. Here: whether the heading itself is about writing.
    fn mark_guidance(&mut self) {
        if let Some(section) = self.body.sections.last_mut() {
            section.is_guidance =
                section.kind == SectionKind::Free && GUIDANCE_HEADING.is_match(&section.title);
        }
    }

    /// Forget the paragraph being built: its reserved slot, its tags, its links' entry.
    fn drop_entry(&mut self) {
        let Some(builder) = self.open.pop() else {
            return;
        };
        self.body.entries.truncate(builder.idx);
        self.body.tags.truncate(builder.first_tag);
        for link in builder.links.iter() {
            self.body.links[link].entry = None;
        }
        self.recycle(builder.text, builder.detail, builder.pieces);
    }

    fn recycle(&mut self, mut text: String, mut detail: String, mut pieces: Vec<TextPiece>) {
        text.clear();
        detail.clear();
        pieces.clear();
        self.spare.push((text, detail, pieces));
    }

    /// Finish the innermost open entry. A paragraph that claims nothing and labels nothing is
    /// prose, not an entry (`keep_any` keeps items and rows whatever they say).
    fn end_entry(&mut self, keep_any: bool) {
        let Some(builder) = self.open.last() else {
            return;
        };
        // One pass over the entry's words, for its wording and the body's voice.
        let facts = wording::word_facts(&builder.text);
        self.body.voice.0 += facts.first_person;
        self.body.voice.1 += facts.second_person;
        if !keep_any && builder.form == EntryForm::Paragraph && !is_paragraph_entry(builder) {
            self.drop_entry();
            return;
        }
        // A row whose cells all went to its detail or were left out (`| Done | 2026-01-01 |`
        // under `| Status | Date |`) names no work: no entry, whatever `keep_any` says.
        if builder.form == EntryForm::TableRow && builder.text.trim().is_empty() {
            self.drop_entry();
            return;
        }
        let builder = self.open.pop().expect("checked above");
        // The latest heading: a piece starts with one, so an entry's section is in its piece.
        let section = self.body.sections.len().checked_sub(1);
        // Copied out at their exact size (entries live as long as the analysis, and a large
        // draft has a hundred thousand); the builder's buffers go back for the next entry.
        let text: Arc<str> = Arc::from(builder.text.trim_end());
        let detail = match builder.detail.trim() {
            "" => NO_DETAIL.clone(),
            detail => Arc::from(detail),
        };
        let pieces = Pieces::from_slice(&builder.pieces);
        // Read once: the entry's date and its wording both ask for it.
        let label_date = dates::leading_label_date(&text);
        let own_date = dates::leading_date(&text)
            .or_else(|| label_date.clone())
            .map(|range| {
                source_span(&builder.pieces, range.start, range.end)
                    .map(|span| span.shifted(builder.span.start))
                    .unwrap_or(builder.text_span.unwrap_or(builder.span))
            });
        let is_placeholder = is_placeholder_only(&text) && is_placeholder_only(&detail);
        // Read once: the item's wording and its role both ask for it; a row has none.
        let label = match builder.form {
            EntryForm::TableRow => None,
            _ => headings::opening_label(&text),
        };
        let mut wording = entry_wording(&builder, &text, &facts, label_date.is_some(), label);
        if builder.form == EntryForm::TableRow {
            // A goal not begun, or a row that holds only plans (`| Goal | Actions | Target date
            // | Status |`), is a plan.
            wording.is_intent |=
                columns::not_begun(&self.row_status) || (self.row_plans && !self.row_reads);
        } else if let Some(role) = label.and_then(|label| headings::label_role(self.ladder, label))
        {
            // An item that opens with a label of plans or status (`Next week: the cost
            // report`, `Blocked: waiting on FinOps`) is no win; one that opens with a label of
            // work done (`Done so far: handed the CLI to Marta`) looks back.
            wording.is_intent |= role == Role::Goals;
            wording.is_personal |= role == Role::Personal;
            wording.looks_back |= role.holds_wins();
        }
        let mut span = builder.span;
        if builder.form == EntryForm::Paragraph
            && let Some(text_span) = builder.text_span
        {
            // A pasted bullet ends where its own text does.
            span = Span::new(span.start.min(text_span.start), text_span.end);
        }
        let entry = Entry {
            span,
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
            date: own_date.or(builder.label_date),
            tags: builder.tags,
            links: builder.links,
            content_column: builder.content_column.unwrap_or(builder.marker_column + 2),
            is_placeholder,
            // Set by `resolve_structure`, from the entry's wording and its section's.
            is_prompt: wording.strong_prompt,
            form: builder.form,
            wording,
        };
        self.body.entries[builder.idx] = entry;
        self.recycle(builder.text, builder.detail, builder.pieces);
    }
}

/// The entry's own text gets `content` (source `range`): its word counts, its column, its
/// text pieces and its span. `is_plain_prose` is prose outside bold and links.
fn own_text(
    text: &str,
    entry: &mut EntryBuilder,
    content: &str,
    range: Span,
    exact: bool,
    is_plain_prose: bool,
) {
    let has_text = !wording::is_blank(content);
    if has_text {
        // Only whether it has none, two or three own words matters: stop counting there.
        if is_plain_prose {
            if entry.n_own_words < 3 {
                entry.n_own_words += wording::count_own_words(content, 3 - entry.n_own_words);
            }
        } else {
            entry.has_marked_text = true;
        }
        if entry.content_column.is_none() {
            let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
            entry.content_column = Some(range.start - line_start);
        }
    }
    push_piece(entry, content, range, exact);
    if has_text {
        entry.text_span = Some(entry.text_span.map_or(range, |s| s.cover(range)));
    }
}

/// Text that continues the previous exact piece in the source extends it, so a paragraph split
/// into several text events costs one piece. Pieces are kept relative to the entry's start.
fn push_piece(entry: &mut EntryBuilder, content: &str, range: Span, exact: bool) {
    let plain_start = entry.text.len();
    let source = Span::new(range.start - entry.span.start, range.end - entry.span.start);
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
}

/// True for the tags that open a block (what a lead-in paragraph must be followed by).
fn is_block(tag: &MdTag<'_>) -> bool {
    matches!(
        tag,
        MdTag::Paragraph
            | MdTag::Heading { .. }
            | MdTag::BlockQuote(_)
            | MdTag::CodeBlock(_)
            | MdTag::HtmlBlock
            | MdTag::List(_)
            | MdTag::Table(_)
    )
}

/// A slot for an entry still being read.
fn reserved_entry() -> Entry {
    Entry {
        span: Span::new(0, 0),
        text_span: Span::new(0, 0),
        text: NO_DETAIL.clone(),
        detail: NO_DETAIL.clone(),
        pieces: Pieces::None,
        section: None,
        role: EntryRole::Other,
        date: None,
        tags: IndexRange::default(),
        links: IndexRange::default(),
        content_column: 0,
        is_placeholder: true,
        is_prompt: false,
        form: EntryForm::Item,
        wording: Wording::default(),
    }
}

/// True when an item only labels the items nested under it: a lead-in ending in `:`, a date or
/// bold label, names with no words of their own, or nothing at all. A goal (`- Goal: own the
/// payments module`) is no label, but its children are entries of their own: what was done
/// towards it (`- Done: …`, `- [x] …`) and what is next.
fn labels_children(ladder: &Ladder, parent: &EntryBuilder) -> bool {
    let text = parent.text.trim();
    text.is_empty()
        || parent.n_own_words == 0
        || wording::ends_as_lead_in(text)
        || is_only_date(text)
        || headings::opening_label(text)
            .and_then(|label| headings::label_role(ladder, label))
            .is_some_and(|role| role == Role::Goals)
}

/// The date of a label item, for the entries nested under it.
fn parent_date(parent: &EntryBuilder) -> Option<Span> {
    if !parent.children_are_entries {
        return None;
    }
    if parent.label_date.is_some() {
        return parent.label_date;
    }
    let text = parent.text.trim();
    let range = dates::leading_date(text)
        .or_else(|| dates::leading_label_date(text))
        .or_else(|| dates::period_label(text))?;
    source_span(&parent.pieces, range.start, range.end)
        .map(|span| span.shifted(parent.span.start))
        .or(parent.text_span)
}

/// Whether an item opens with a goal label (`Goal: …`, `OKR: …`; `lexicon/goal-labels.txt`).
fn opens_with_goal_label(text: &str) -> bool {
    is_goal_label(headings::opening_label(text))
}

/// Whether the label a line opens with (`headings::opening_label`) names a goal.
fn is_goal_label(label: Option<&str>) -> bool {
    label.is_some_and(|label| {
        crate::analysis::words::lexicon::GOAL_LABELS
            .contains(crate::catalogue::normalize_name(label).trim())
    })
}

/// True when the text is only a date or period label (`2024-01-07:`, `Week 3`).
fn is_only_date(text: &str) -> bool {
    let text = text.trim().trim_end_matches([':', ' ', '-']);
    // No date or period form is this long ("September 30th, 2026", "Mar 31–Apr 4, 2025"): a
    // longer label is not read by the automata at all.
    if text.len() > 48 {
        return false;
    }
    dates::leading_date(text).is_some_and(|r| r.start == 0 && r.end == text.len())
        || dates::heading_date(text).is_some_and(|r| r.start == 0 && r.end == text.len())
        || dates::period_label(text).is_some()
}

/// The longest caption of a table, in words.
const MAX_CAPTION_WORDS: usize = 12;

/// One short sentence without a first person: it says what the table after it holds, while "I
/// gave five talks:" before a table of talks claims them.
fn is_caption(text: &str) -> bool {
    let text = text.trim();
    let body = text.trim_end_matches(['.', ':']);
    !body.contains(['.', '!', '?', ';'])
        && body.split_whitespace().count() <= MAX_CAPTION_WORDS
        && wording::word_facts(text).first_person == 0
}

/// Header words of a table that compares two states of the same measures.
const STATE_NAMES: [&str; 14] = [
    "before", "after", "then", "now", "old", "new", "was", "is", "baseline", "current", "previous",
    "today", "start", "end",
];

/// True when a table header cell names a period or a state (`2024`, `Q1 2025`, `Jan`,
/// `before`, `after`): the column holds one period's value of the row's measure.
fn is_period_name(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty()
        && (is_only_date(cell) || STATE_NAMES.iter().any(|w| cell.eq_ignore_ascii_case(w)))
}

/// A paragraph worth keeping as an entry: it claims work, or opens with a period label.
fn is_paragraph_entry(builder: &EntryBuilder) -> bool {
    let text = builder.text.trim();
    if text.is_empty() || builder.n_own_words < 3 {
        return false;
    }
    // A paragraph of several sentences that ends on a question asks rather than claims.
    !text.ends_with('?')
}

/// Nouns of work that a word of personal life can qualify: "the holiday freeze", "a trip
/// report", "vacation coverage", "the birthday bot" are work, not life outside it.
const WORK_QUALIFIED: &[&str] = &[
    "freeze",
    "report",
    "reports",
    "writeup",
    "write-up",
    "policy",
    "policies",
    "calendar",
    "coverage",
    "cover",
    "rota",
    "rotation",
    "schedule",
    "traffic",
    "peak",
    "sale",
    "sales",
    "launch",
    "release",
    "releases",
    "booking",
    "bookings",
    "tracker",
    "request",
    "requests",
    "page",
    "pages",
    "feature",
    "flow",
    "api",
    "service",
    "app",
    "bot",
    "tool",
    "tooling",
    "system",
    "readiness",
    "budget",
    "expenses",
    "approvals",
    "backlog",
];

/// Nouns after a word of personal life that name work only when a noun of [`WORK_QUALIFIED`]
/// follows them ("holiday season traffic", "wedding planning").
const LIFE_OR_WORK: &[&str] = &["season", "planning"];

/// Whether every word of personal life in `text` qualifies a noun of work that follows it
/// ("Attended KubeCon and wrote a trip report", "before the holiday freeze"), so the entry
/// is about work after all. Only asked of the few entries [`wording::word_facts`] finds a
/// personal word in.
fn personal_words_name_work(text: &str) -> bool {
    let words: Vec<&str> = wording::words(text).collect();
    let mut personal = words.iter().enumerate().filter(|(_, word)| {
        crate::analysis::words::lexicon::PERSONAL_LIFE.contains(&word.to_lowercase())
    });
    let mut any = false;
    let all_qualify = personal.all(|(at, _)| {
        any = true;
        let mut next = at + 1;
        // "season" and "planning" name work only with a noun of work after them ("holiday
        // season traffic"): "wedding planning" and "Holiday season" are life.
        while words
            .get(next)
            .is_some_and(|w| wording::in_list(w, LIFE_OR_WORK))
        {
            next += 1;
        }
        words
            .get(next)
            .is_some_and(|next| wording::in_list(next, WORK_QUALIFIED))
    });
    any && all_qualify
}

/// How the entry's words read (see [`Wording`]).
/// `has_label_date`: the text opens with a period label (`Week 3:`), as
/// `dates::leading_label_date` reads it. `label`: the label the text opens with, as
/// `headings::opening_label` reads it (none for a table row).
fn entry_wording(
    builder: &EntryBuilder,
    text: &str,
    facts: &wording::WordFacts,
    has_label_date: bool,
    label: Option<&str>,
) -> Wording {
    let (strong_prompt, imperative) = wording::prompt_signals(text, facts);
    // What a lead-in item says of its own line counts for it as for its children.
    let lead_in = if builder.children_are_entries {
        wording::lead_in(text).or(builder.lead_in)
    } else {
        builder.lead_in
    };
    let names_only = builder.n_own_words == 0 && !text.trim().is_empty();
    // An item that only labels its children: a date, a name, a word or two ("Fun:").
    let label_only = builder.children_are_entries
        && (names_only || is_only_date(text) || builder.n_own_words <= 2);
    // Whether an item claims work only matters when it is a lead-in; a paragraph needs it to be
    // a win by default.
    let lead_in_line = wording::ends_as_lead_in(text);
    let claims_work =
        (builder.form == EntryForm::Paragraph || lead_in_line || builder.children_are_entries)
            && wording::claims_work(text);
    // A `Label:` that claims nothing before its children is only a label; one that claims work
    // ("Built a lot of stuff:") is a win.
    let is_label = names_only
        || label_only
        || (builder.form != EntryForm::TableRow && wording::is_definition(text, facts))
        || (lead_in_line && !claims_work && !wording::opens_with_past(text));
    let reflects = builder.form == EntryForm::Paragraph && wording::is_reflection(text);
    Wording {
        is_label,
        claims_work: (claims_work || has_label_date) && !reflects,
        is_personal: (facts.personal && !personal_words_name_work(text))
            || builder.label_role == Some(Role::Personal),
        strong_prompt: strong_prompt
            || lead_in == Some(LeadIn::Guidance)
            || (builder.form != EntryForm::Paragraph && facts.addresses_reader_only()),
        imperative,
        is_intent: lead_in == Some(LeadIn::Goals) || builder.label_role == Some(Role::Goals),
        is_reflection: builder.label_role == Some(Role::Lessons),
        looks_back: builder.checked || builder.label_role.is_some_and(Role::holds_wins),
        // Set when the list after the paragraph opens.
        leads_list: false,
        // Only where the label is all that makes it a plan (not under "Goals for 2027:").
        goal_label: builder.form == EntryForm::Item
            && lead_in != Some(LeadIn::Goals)
            && builder.label_role != Some(Role::Goals)
            && is_goal_label(label),
        under_goal_label: builder.under_goal_label,
    }
}

#[cfg(test)]
impl Builder<'_> {
    /// An entry opened at the text's start, for tests of what reads an entry's text.
    pub(super) fn entry_for_tests(&mut self, form: EntryForm) -> EntryBuilder {
        self.start_entry(Span::new(0, 0), form, 0, None);
        self.open.pop().expect("just opened")
    }
}

#[cfg(test)]
mod tests {
    use super::super::wins;
    use crate::analysis::document::{DocKind, EntryForm, EntryRole};
    use crate::catalogue::builtin_ladders;

    #[test]
    fn items_nested_under_date_and_bold_labels_are_the_entries() {
        let text = "## Log\n\n- 2025-02-03:\n  - Moved the billing cron to the queue\n  - Paired with Sam on the schema\n- **Side quests**\n  - [tilemap](https://x.test) - a tiny editor for game maps\n- `Week4:`\n  - Wrote the importer\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            [
                "Moved the billing cron to the queue",
                "Paired with Sam on the schema",
                "tilemap - a tiny editor for game maps",
                "Wrote the importer",
            ]
        );
        // The children of a date label carry its date.
        let ladder = &builtin_ladders()[0];
        let (body, _) = super::super::parse_body(text, 0, ladder, DocKind::Brag, None);
        let moved = body
            .entries
            .iter()
            .find(|e| e.text.starts_with("Moved"))
            .unwrap();
        assert_eq!(
            &text[moved.date.unwrap().start..moved.date.unwrap().end],
            "2025-02-03"
        );
    }

    #[test]
    fn a_row_of_a_table_of_periods_reads_as_a_before_and_after() {
        let text = "## Wins\n\n| What | 2024 | 2025 |\n|---|---|---|\n| Deploys per week | ~400 | ~1,100 |\n\n| metric | before | after |\n|---|---|---|\n| p99 | 800 ms | 120 ms |\n\n| Talk | Where |\n|---|---|\n| Rust at scale | RustConf |\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            [
                "Deploys per week: ~400 → ~1,100",
                "p99: 800 ms → 120 ms",
                "Rust at scale | RustConf"
            ]
        );
    }

    #[test]
    fn a_row_is_its_work_and_impact_without_links_dates_or_status() {
        let text = "## Wins\n\n| # | Work | Impact | Link | Date | Status |\n|---|---|---|---|---|---|\n| 1 | Search cache | p95 900 ms → 200 ms | [dash](https://x.test) | 2026-03-02 | Done |\n\n| Goal | Actions | Target date | Status |\n|---|---|---|---|\n| Own the ledger | Write the ownership doc | this half | In progress |\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            ["Search cache | p95 900 ms → 200 ms"]
        );
    }

    #[test]
    fn status_lines_and_personal_words_that_qualify_work() {
        let text = "## Week 6\n\n- Blocked: waiting on the security review\n- Next week:\n  - the restore test\n- Wrote a trip report on the platform summit\n- Took a family trip to the coast\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            ["Wrote a trip report on the platform summit"]
        );
    }

    #[test]
    fn a_lead_in_that_claims_work_is_a_win_and_names_only_children_are_not() {
        let text = "## 2025\n\n1. Spoke at four meetups:\n   1. **RustConf**\n   2. [PyBay](https://x.test)\n2. Shipped the offline mode\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            ["Spoke at four meetups:", "Shipped the offline mode"]
        );
    }

    #[test]
    fn paragraphs_pasted_bullets_code_labels_and_table_rows() {
        let text = "## Spring\n\n• Rewrote the onboarding emails\n• Cut the signup form to three fields\n\n`Week2:` Added a cache in front of the search API.\n\nThe weather was lovely this year.\n\nI also built a small CLI for the release notes.\n\n| Talk | Where |\n| --- | --- |\n| Scaling queues | Berlin |\n";
        let found = wins(text, DocKind::Brag);
        assert_eq!(
            found,
            [
                "• Rewrote the onboarding emails",
                "• Cut the signup form to three fields",
                "Week2: Added a cache in front of the search API.",
                "I also built a small CLI for the release notes.",
                "Scaling queues | Berlin",
            ]
        );
    }

    #[test]
    fn bullets_pasted_on_one_line_are_one_entry_each() {
        let text = "## Spring\n\n• Rewrote the onboarding emails • Cut the signup form to three fields •  Moved the cron jobs to the queue\n• Wrote the backup runbook\n\nI also built a CLI for the notes • and its docs.\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            [
                "• Rewrote the onboarding emails",
                "• Cut the signup form to three fields",
                "•  Moved the cron jobs to the queue",
                "• Wrote the backup runbook",
                "I also built a CLI for the notes • and its docs.",
            ]
        );
    }

    #[test]
    fn a_bold_line_opens_a_section() {
        let ladder = &builtin_ladders()[0];
        let text = "# Year\n\n**Goals for next year:**\n\n- Learn Go\n\n**Side projects**\n\n- Built a tiny synth\n";
        let (body, _) = super::super::parse_body(text, 0, ladder, DocKind::Brag, None);
        let titles: Vec<&str> = body.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Year", "Goals for next year", "Side projects"]);
        assert_eq!(wins(text, DocKind::Brag), ["Built a tiny synth"]);
    }

    #[test]
    fn sections_that_say_otherwise_hold_no_wins() {
        let text = "## Shipped\n\n- Launched the beta\n\n## Outside of work 🌴\n\n- Ran a half marathon\n\n## Books I read\n\n- Designing Data-Intensive Applications by Kleppmann\n\n## Feedback received\n\n- Clear writer\n\n## Goals for 2026\n\n- Give a conference talk\n\n## Thanks\n\n- Thanks to the platform team for the help\n\nA few stretch goals:\n\n- Lead an incident review\n";
        assert_eq!(wins(text, DocKind::Brag), ["Launched the beta"]);
    }

    #[test]
    fn personal_items_prompts_and_html_are_stepped_over() {
        let text = "## 2024\n\n- Visited Lisbon on a week-long trip\n- Migrated the wiki to the docs site\n\n<figure><img src=\"a.png\"></figure>\n\n{{< youtube abc >}}\n\n> Please list the highlights of your year.\n\n```\n- Fenced line\n```\n";
        assert_eq!(
            wins(text, DocKind::Brag),
            ["Migrated the wiki to the docs site"]
        );
    }

    #[test]
    fn a_template_stays_quiet_and_a_commit_log_does_not() {
        let template = "## Projects\n\n- For each project, note what you built\n- Which parts did you design?\n- Add the metrics you moved\n- List who benefited\n";
        assert!(wins(template, DocKind::Brag).is_empty());
        let log = "## Week of 2025-03-03\n\n- Add retry to the export job\n- Fix flaky login test\n- Bump the parser to 0.13\n";
        assert_eq!(wins(log, DocKind::Brag).len(), 3);
        // A guide that speaks to its reader is not a doc of anyone's work.
        let guide = "# Keeping a brag doc\n\nYou write it for your future self. Your manager reads it when you ask. Keep your notes short.\n\n## Routine\n\n- Review the week on Friday\n- Tag the projects\n";
        assert!(wins(guide, DocKind::Brag).is_empty());
    }

    #[test]
    fn self_reviews_read_strengths_paragraphs_as_wins_not_quoted_prompts() {
        let text = "## Strengths\n\n> List your top strengths with an example of each.\n\nI am the person the team asks about the payments API and its edge cases.\n";
        let ladder = &builtin_ladders()[0];
        let (body, _) = super::super::parse_body(text, 0, ladder, DocKind::Promo, None);
        let judged: Vec<_> = body
            .entries
            .iter()
            .filter(|e| e.role == EntryRole::Win && e.is_claim())
            .collect();
        assert_eq!(judged.len(), 1);
        assert_eq!(judged[0].form, EntryForm::Paragraph);
    }
}
