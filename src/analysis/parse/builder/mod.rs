//! The event handler: turns pulldown-cmark's offset events into sections and entries, one
//! small function per kind of block. Entries come from list items (nested ones too, when their
//! parent only labels them), paragraphs, `•` bullet lines pasted into a paragraph, and table
//! rows; a paragraph that is only bold text opens a section as a heading does.
//!
//! Here: the builder's state and the dispatch of events. Each kind of block has its file:
//! `lists`, `paragraphs`, `tables`, `sections` (headings and bold lines), `text` (inline
//! events) and `entries` (opening, ending and dropping an entry, and its wording).

mod entries;
mod lists;
mod paragraphs;
mod sections;
mod tables;
mod text;

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
            MdTag::Heading { level, .. } => self.start_heading(level as u8, range),
            MdTag::List(_) if self.item_depth == 0 => self.start_list(),
            MdTag::Item => self.start_item(range),
            MdTag::Paragraph => self.start_paragraph(range),
            MdTag::Table(_) => self.start_table(),
            MdTag::TableHead => {
                self.table_head = true;
                self.cell_index = 0;
            }
            MdTag::TableRow => self.start_row(range),
            MdTag::TableCell => self.start_cell(),
            MdTag::BlockQuote(_) => self.block_quote_depth += 1,
            MdTag::CodeBlock(_) => self.code_block = true,
            MdTag::Strong => self.strong_depth += 1,
            MdTag::Image { .. } => self.link_depth += 1,
            MdTag::Link { dest_url, .. } => {
                self.link_depth += 1;
                self.link_starts.push((range.start, dest_url.into_string()));
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
            TagEnd::TableHead => self.end_table_head(),
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
        let titles: Vec<&str> = body.sections.iter().map(|s| &*s.title).collect();
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
    fn time_off_under_a_date_label_is_no_win() {
        // A weekly log notes days off beside the work: they are not vague wins.
        let log = "## Log\n\n- 2025-02-24: out, ski week\n- 2025-03-03: fixed the export retries\n- 2025-04-21: half day, dentist\n";
        assert_eq!(
            wins(log, DocKind::Brag),
            ["2025-03-03: fixed the export retries"]
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
