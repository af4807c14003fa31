//! What the columns of a table hold, by their header: a row of an evidence table
//! (`| Work | Impact | Link |`) or of a goals table (`| Goal | Actions | Target date | Status |`)
//! is not judged as a whole row. Its win is the work and what the work changed (an "Impact" or
//! "Evidence" cell is the measure of its row's work); links, owners, dates and statuses are
//! asides, and a goal or an action cell is a plan.

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

/// Header words of a column of plans: what a goals table says will be done.
const PLAN_HEADERS: &[&str] = &[
    "goal",
    "goals",
    "objective",
    "objectives",
    "action",
    "actions",
    "plan",
    "plans",
    "next steps",
    "next step",
    "how",
    "target",
    "targets",
    "milestone",
    "milestones",
    "key results",
    "success criteria",
    "support needed",
];

/// Header words of a status column.
const STATUS_HEADERS: &[&str] = &["status", "state", "done", "rag", "health"];

/// Header words of columns that only place a row: links, tickets, owners, dates, row numbers.
const ASIDE_HEADERS: &[&str] = &[
    "link",
    "links",
    "url",
    "urls",
    "pr",
    "prs",
    "ticket",
    "tickets",
    "issue",
    "jira",
    "source",
    "sources",
    "reference",
    "references",
    "ref",
    "refs",
    "doc",
    "docs",
    "artifact",
    "artifacts",
    "owner",
    "owners",
    "who",
    "assignee",
    "id",
    "no",
    "",
];

/// Header words of columns of dates.
const WHEN_HEADERS: &[&str] = &[
    "date",
    "dates",
    "target date",
    "due",
    "due date",
    "when",
    "deadline",
    "eta",
    "by when",
    "quarter",
    "period",
    "timeline",
];

/// What the column under `header` holds.
pub(super) fn column(header: &str) -> Column {
    let name = normalize_name(header);
    let name = name.trim();
    let listed = |list: &[&str]| list.contains(&name);
    if header.trim() == "#" || listed(ASIDE_HEADERS) {
        Column::Aside
    } else if listed(WHEN_HEADERS) {
        Column::When
    } else if listed(STATUS_HEADERS) {
        Column::Status
    } else if listed(PLAN_HEADERS) {
        Column::Plan
    } else {
        Column::Read
    }
}

/// Statuses of a goal not yet begun: a row with one is a plan, whatever its other cells say
/// ("Matched with an intern starting in June | Planned").
const NOT_BEGUN: &[&str] = &[
    "planned",
    "not started",
    "to do",
    "todo",
    "backlog",
    "on hold",
    "blocked",
    "waiting",
    "not begun",
    "parked",
];

/// Whether a status cell says the goal of its row has not begun.
pub(super) fn not_begun(status: &str) -> bool {
    let status = normalize_name(status);
    NOT_BEGUN.contains(&status.trim())
}

/// The columns of a table by its header cells. A header that names no plan, status or aside
/// column is read as before, every cell in the row's text.
pub(super) fn columns(header: &[String]) -> Vec<Column> {
    header.iter().map(|cell| column(cell)).collect()
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
        assert!(!not_begun("In progress"));
    }
}
