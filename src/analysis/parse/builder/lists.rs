//! List items: which items are entries of their own (the children of an item that only
//! labels them), and what a label item above says of them (a date, a role, a goal).

use super::*;

impl Builder<'_> {
    /// A top-level list: what the paragraph right before it says of it, and of itself.
    pub(super) fn start_list(&mut self) {
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

    /// The role a short label item names for the items nested under it: life outside work or
    /// plans (`- **Family**`, `- Hobbies:`, `- Next week:`), where they are no wins, or work
    /// done (`- Done so far:`), where a plan's items are its look back.
    pub(super) fn label_above(&self, parent: &EntryBuilder) -> Option<Role> {
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

    pub(super) fn start_item(&mut self, range: Span) {
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

    pub(super) fn end_item(&mut self) {
        if self.item_starts_entry.pop() == Some(true) {
            self.end_entry(true);
        }
        self.item_depth = self.item_depth.saturating_sub(1);
    }
}

/// True when an item only labels the items nested under it: a lead-in ending in `:`, a date or
/// bold label, names with no words of their own, or nothing at all. A goal (`- Goal: own the
/// payments module`) is no label, but its children are entries of their own: what was done
/// towards it (`- Done: …`, `- [x] …`) and what is next.
pub(super) fn labels_children(ladder: &Ladder, parent: &EntryBuilder) -> bool {
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
pub(super) fn parent_date(parent: &EntryBuilder) -> Option<Span> {
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
pub(super) fn opens_with_goal_label(text: &str) -> bool {
    is_goal_label(headings::opening_label(text))
}

/// Whether the label a line opens with (`headings::opening_label`) names a goal.
pub(super) fn is_goal_label(label: Option<&str>) -> bool {
    label.is_some_and(|label| {
        crate::analysis::words::lexicon::GOAL_LABELS
            .contains(crate::catalogue::normalize_name(label).trim())
    })
}

/// True when the text is only a date or period label (`2024-01-07:`, `Week 3`).
pub(super) fn is_only_date(text: &str) -> bool {
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
