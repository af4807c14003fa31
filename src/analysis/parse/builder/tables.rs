//! Tables: a row is an entry of the cells its header says hold work; a table of periods
//! reads as a before→after; a short sentence right before a table is its caption.

use super::lists::is_only_date;
use super::*;

/// The longest caption of a table, in words.
const MAX_CAPTION_WORDS: usize = 12;

/// Header words of a table that compares two states of the same measures.
const STATE_NAMES: [&str; 14] = [
    "before", "after", "then", "now", "old", "new", "was", "is", "baseline", "current", "previous",
    "today", "start", "end",
];

impl Builder<'_> {
    pub(super) fn start_table(&mut self) {
        self.table_header.clear();
        self.table_columns.clear();
        self.period_table = false;
    }

    /// What the header says of the table: a table of periods, or what each column holds.
    pub(super) fn end_table_head(&mut self) {
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

    /// A row of the table's body is an entry (one in a list item is the item's detail).
    pub(super) fn start_row(&mut self, range: Span) {
        self.cell_index = 0;
        self.row_status.clear();
        self.row_plans = false;
        self.row_reads = false;
        if self.item_depth == 0 && !self.table_head {
            self.start_entry(range, EntryForm::TableRow, 0, None);
        }
    }

    /// A short sentence right before a table that says where its figures come from ("Pulled
    /// from the dashboard in December.") captions the table: it is no entry of its own.
    pub(super) fn mark_caption(&mut self, table: Span) {
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

    pub(super) fn start_cell(&mut self) {
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
}

/// One short sentence without a first person: it says what the table after it holds, while "I
/// gave five talks:" before a table of talks claims them.
pub(super) fn is_caption(text: &str) -> bool {
    let text = text.trim();
    let body = text.trim_end_matches(['.', ':']);
    !body.contains(['.', '!', '?', ';'])
        && body.split_whitespace().count() <= MAX_CAPTION_WORDS
        && wording::word_facts(text).first_person == 0
}

/// True when a table header cell names a period or a state (`2024`, `Q1 2025`, `Jan`,
/// `before`, `after`): the column holds one period's value of the row's measure.
pub(super) fn is_period_name(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty()
        && (is_only_date(cell) || STATE_NAMES.iter().any(|w| cell.eq_ignore_ascii_case(w)))
}
