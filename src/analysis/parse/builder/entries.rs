//! Entries: a slot reserved when one opens, kept in document order; what an entry's words
//! and labels say of it when it ends (its `Wording`), or dropped when a paragraph claims nothing.

use super::lists::{is_goal_label, is_only_date};
use super::paragraphs::is_paragraph_entry;
use super::*;

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

impl Builder<'_> {
    /// Open an entry in a reserved slot of `Body::entries`.
    pub(super) fn start_entry(
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

    /// Forget the paragraph being built: its reserved slot, its tags, its links' entry.
    pub(super) fn drop_entry(&mut self) {
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

    pub(super) fn recycle(
        &mut self,
        mut text: String,
        mut detail: String,
        mut pieces: Vec<TextPiece>,
    ) {
        text.clear();
        detail.clear();
        pieces.clear();
        self.spare.push((text, detail, pieces));
    }

    /// Finish the innermost open entry. A paragraph that claims nothing and labels nothing is
    /// prose, not an entry (`keep_any` keeps items and rows whatever they say).
    pub(super) fn end_entry(&mut self, keep_any: bool) {
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

/// A slot for an entry still being read.
pub(super) fn reserved_entry() -> Entry {
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

/// Whether every word of personal life in `text` qualifies a noun of work that follows it
/// ("Attended KubeCon and wrote a trip report", "before the holiday freeze"), so the entry
/// is about work after all. Only asked of the few entries [`wording::word_facts`] finds a
/// personal word in.
pub(super) fn personal_words_name_work(text: &str) -> bool {
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
pub(super) fn entry_wording(
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
            || wording::opens_with_time_off(text)
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
