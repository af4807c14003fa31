//! Sections: opened by a heading or a bold line, classified by their title, and marked when
//! they are about writing the doc (guidance) rather than part of it.

use super::*;

/// Headings of sections that explain how to write the doc rather than being part of it.
pub(super) static GUIDANCE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:tips?|how\s+to|how-to|guide|guidelines?|instructions?|usage|examples?|templates?|faq|motivation|about\s+this|getting\s+started|prompts?|questions|table\s+of\s+contents|contents)(?-u:\b)")
        .expect("guidance heading pattern compiles")
});

impl Builder<'_> {
    pub(super) fn start_heading(&mut self, depth: u8, range: Span) {
        self.heading = Some(HeadingBuilder {
            depth,
            start: range.start,
            title: String::new(),
            title_span: None,
            exact: true,
        });
    }

    pub(super) fn end_heading(&mut self, range: Span) {
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
            title: title.into(),
            span: Span::new(heading.start, self.text.len()),
            parent: None,
            date,
            n_prose_blocks: 0,
        });
        self.mark_guidance();
    }

    /// A section opened by a line of bold text (`**Contributions before the launch:**`), one
    /// level below any heading.
    pub(super) fn push_section(
        &mut self,
        depth: u8,
        range: Span,
        title: String,
        title_span: Option<Span>,
    ) {
        let title = title.trim().trim_end_matches(':').trim().to_string();
        let title_span = title_span.unwrap_or(range);
        let date = dates::heading_date(&title).map(|_| title_span);
        self.body.sections.push(Section {
            depth,
            heading: range,
            title_span,
            kind: headings::classify(self.ladder, &title),
            is_guidance: false,
            title: title.into(),
            span: Span::new(range.start, self.text.len()),
            parent: None,
            date,
            n_prose_blocks: 0,
        });
        self.mark_guidance();
    }

    /// Parent, end and inherited guidance may lie in other pieces: `resolve_structure` sets
    /// them once the whole body is built. Here: whether the heading itself is about writing.
    pub(super) fn mark_guidance(&mut self) {
        if let Some(section) = self.body.sections.last_mut() {
            section.is_guidance =
                section.kind == SectionKind::Free && GUIDANCE_HEADING.is_match(&section.title);
        }
    }
}
