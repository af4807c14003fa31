//! What the columns of a table hold, by their header: a row of an evidence table
//! (`| Work | Impact | Link |`) or of a goals table (`| Goal | Actions | Target date | Status |`)
//! is not judged as a whole row. Its win is the work and what the work changed (an "Impact" or
//! "Evidence" cell is the measure of its row's work); links, owners, dates and statuses are
//! asides, and a goal or an action cell is a plan.

use crate::analysis::words::lexicon::{
    AMBIGUOUS_ASIDE_HEADERS, ASIDE_HEADERS, NOT_BEGUN_STATUSES, PLAN_HEADERS, PhraseList,
    STATUS_HEADERS, WHEN_HEADERS,
};
use crate::catalogue::normalize_name;

/// What one column of a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    /// The work itself, its result, or a column the header does not name: read as the row's text.
    Read,
    /// Goals, actions, targets: what is still to be done. Read as the row's text (a retro's
    /// action items are its actions), but a row with nothing else is a plan, not a win.
    Plan,
    /// A goal's status ("In progress", "Planned"): left out of the row's text, but a row whose
    /// status says it has not begun is a plan.
    Status,
    /// Links, tickets, owners, row numbers: they say where or who, not what changed. Left out.
    Aside,
    /// Dates: when a row's work is due or was done. Kept in the row's detail (the rules that
    /// ask when an action is due read it), out of its text.
    When,
}

// The header words are data: `words/lexicon/table-*-headers.txt`, each with its comment.
/// What the column under `header` holds.
pub(super) fn column(header: &str) -> Column {
    let name = normalize_name(header);
    let name = name.trim();
    let listed = |list: &PhraseList| list.contains(name);
    if header.trim() == "#" || name.is_empty() || listed(&ASIDE_HEADERS) {
        Column::Aside
    } else if listed(&WHEN_HEADERS) {
        Column::When
    } else if listed(&STATUS_HEADERS) {
        Column::Status
    } else if listed(&PLAN_HEADERS) {
        Column::Plan
    } else {
        Column::Read
    }
}

/// Whether a status cell says the goal of its row has not begun.
pub(super) fn not_begun(status: &str) -> bool {
    let status = normalize_name(status);
    NOT_BEGUN_STATUSES.contains(status.trim())
}

/// The columns of a table by its header cells. A header that names no plan, status or aside
/// column is read as before, every cell in the row's text.
pub(super) fn columns(header: &[String]) -> Vec<Column> {
    let mut columns: Vec<Column> = header.iter().map(|cell| column(cell)).collect();
    // An issue, source or who column places the row beside a column of work; with none, it
    // is the row's text (a retro's `| Issue | Owner |` lessons).
    let ambiguous = |cell: &String| AMBIGUOUS_ASIDE_HEADERS.contains(normalize_name(cell).trim());
    let other_text = header
        .iter()
        .zip(&columns)
        .any(|(cell, column)| matches!(column, Column::Read | Column::Plan) && !ambiguous(cell));
    for (cell, column) in header.iter().zip(&mut columns) {
        if ambiguous(cell) {
            *column = if other_text {
                Column::Aside
            } else {
                Column::Read
            };
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_what_their_columns_hold() {
        assert_eq!(column("Work"), Column::Read);
        assert_eq!(column("Impact"), Column::Read);
        assert_eq!(column("Link"), Column::Aside);
        assert_eq!(column("Target date"), Column::When);
        assert_eq!(column("#"), Column::Aside);
        assert_eq!(column("Goal"), Column::Plan);
        assert_eq!(column("Actions"), Column::Plan);
        assert_eq!(column("Status"), Column::Status);
        assert_eq!(column("Evidence"), Column::Read);
        assert!(not_begun("Not started"));
        // An issue or who column is an aside beside a column of work, else the row's text.
        let header = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            columns(&header(&["Work", "Impact", "Issue"]))[2],
            Column::Aside
        );
        assert_eq!(
            columns(&header(&["Issue", "Owner"])),
            [Column::Read, Column::Aside]
        );
        assert_eq!(columns(&header(&["Who", "When"]))[0], Column::Read);
        assert!(!not_begun("In progress"));
    }
}
