//! Inline events: text, code and breaks into the heading, entry or paragraph being read (its
//! own text, pieces and word counts, or its detail); links; suppression comments.

use super::*;

static SUPPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*rung-disable(-next-line)?(?-u:\b)([^>]*?)-->")
        .expect("suppression pattern compiles")
});

impl Builder<'_> {
    /// Text that a reader sees: into the heading, the entry or the paragraph being built.
    /// `is_prose` is false for code spans and line breaks, which hold no tags or placeholders.
    pub(super) fn inline_text(&mut self, content: &str, range: Span, is_prose: bool) {
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

    pub(super) fn end_link(&mut self, range: Span) {
        if let Some((start, destination)) = self.link_starts.pop() {
            let entry = self.open.last().map(|e| e.idx);
            let idx = self.body.links.len();
            self.body.links.push(Link {
                span: Span::new(start, range.end),
                destination: destination.into(),
                entry,
            });
            if let Some(entry) = self.open.last_mut() {
                entry.links.push(idx);
                entry.has_marked_text = true;
            }
        }
    }

    pub(super) fn html(&mut self, html: &str, range: Span) {
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
}

/// The entry's own text gets `content` (source `range`): its word counts, its column, its
/// text pieces and its span. `is_plain_prose` is prose outside bold and links.
pub(super) fn own_text(
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
pub(super) fn push_piece(entry: &mut EntryBuilder, content: &str, range: Span, exact: bool) {
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
