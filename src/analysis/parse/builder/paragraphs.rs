//! Paragraphs: an entry when they claim work, a section when they are one bold line, prose
//! otherwise; `•` bullets pasted into one are an entry each.

use super::*;

impl Builder<'_> {
    pub(super) fn start_paragraph(&mut self, range: Span) {
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

    pub(super) fn end_paragraph(&mut self, range: Span) {
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
        // A line of plain text that only names a section ("Notes to self" above a list)
        // opens one as a bold line does.
        let is_role_line = !is_bold_line
            && entry.links.is_empty()
            && !self.text[range.start..range.end].trim_end().contains('\n')
            && headings::names_section_alone(self.ladder, text);
        if is_bold_line || is_role_line {
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

    /// Count a paragraph of prose in the latest section, if it `says_something` (is more than
    /// placeholders).
    pub(super) fn count_prose(&mut self, says_something: bool) {
        if says_something && let Some(section) = self.body.sections.len().checked_sub(1) {
            self.body.sections[section].n_prose_blocks += 1;
        }
    }

    /// A text event: a `•` after a line break in a paragraph starts the next pasted bullet.
    pub(super) fn text_event(&mut self, content: &str, range: Span) {
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
    pub(super) fn in_pasted_bullet(&self, content: &str) -> bool {
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
    pub(super) fn split_pasted_bullets(&mut self, content: &str, range: Span) {
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
}

/// A paragraph worth keeping as an entry: it claims work, or opens with a period label.
pub(super) fn is_paragraph_entry(builder: &EntryBuilder) -> bool {
    let text = builder.text.trim();
    if text.is_empty() || builder.n_own_words < 3 {
        return false;
    }
    // A paragraph of several sentences that ends on a question asks rather than claims.
    !text.ends_with('?')
}
