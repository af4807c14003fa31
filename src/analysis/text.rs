//! Byte spans and line/column conversion.
//!
//! The core works in byte offsets into the document's UTF-8 text. Adapters turn those into
//! the positions their consumers want: LSP's UTF-16 or UTF-8 character counts, or a terminal's
//! 1-based line and column.

/// A half-open byte range `start..end` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn empty_at(offset: usize) -> Span {
        Span {
            start: offset,
            end: offset,
        }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn shifted(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

/// A zero-based line and a zero-based column counted in some unit (UTF-8 bytes or UTF-16 units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    Utf8,
    Utf16,
}

/// Start offsets of every line, for offset → line/column conversion in O(log n).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// Lines as LSP counts them: broken at `\n`, `\r\n` and a lone `\r`.
    pub fn with_cr_breaks(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                line_starts.push(at + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// The index [`LineIndex::with_cr_breaks`] gives after `text[range]` is replaced by
    /// `inserted`, from the one of `text`, without reading the rest of the text: only the breaks
    /// the edit can change are worked out again (the ones inside it, and a `\r` just before it,
    /// which the edit may join to a `\n` or part from one); the line starts after it move by
    /// the change in length. `before` is the byte before `range` and `after` the byte after it
    /// (`None` at the ends of the text). Costs the number of lines, not of bytes: an editor's
    /// index of a 1 MB document after a keystroke, without a 1 MB scan.
    pub fn splice_cr_breaks(
        &mut self,
        range: std::ops::Range<usize>,
        inserted: &str,
        before: Option<u8>,
        after: Option<u8>,
    ) {
        let (start, end) = (range.start, range.end);
        let breaks =
            |byte: u8, next: Option<u8>| byte == b'\n' || (byte == b'\r' && next != Some(b'\n'));
        let bytes = inserted.as_bytes();
        let mut starts = Vec::new();
        if start > 0
            && let Some(byte) = before
            && breaks(byte, bytes.first().copied().or(after))
        {
            starts.push(start);
        }
        for (i, &byte) in bytes.iter().enumerate() {
            if breaks(byte, bytes.get(i + 1).copied().or(after)) {
                starts.push(start + i + 1);
            }
        }
        // The starts the edit may change: from a break at `start - 1` up to one at `end - 1`.
        // Line 0 starts at 0 whatever the edit.
        let first = self.line_starts.partition_point(|&s| s < start).max(1);
        let last = self.line_starts.partition_point(|&s| s <= end).max(first);
        let added = starts.len();
        self.line_starts.splice(first..last, starts);
        let moved = &mut self.line_starts[first + added..];
        if inserted.len() >= end - start {
            let by = inserted.len() - (end - start);
            moved.iter_mut().for_each(|s| *s += by);
        } else {
            let by = (end - start) - inserted.len();
            moved.iter_mut().for_each(|s| *s -= by);
        }
    }

    pub fn n_lines(&self) -> usize {
        self.line_starts.len()
    }

    /// The zero-based line that contains `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// [`LineIndex::line_of`], searching forward from line `hint` in steps that double (1, 2,
    /// 4, … lines) and then by halves between the last two: offsets asked for in ascending order
    /// (the spans of sorted diagnostics, an outline's nodes) cost a step or two each when near
    /// the hint, and a search over the lines between when far, not over the whole document.
    /// A hint past the offset falls back to the whole search. Any hint gives the same answer.
    pub fn line_of_near(&self, offset: usize, hint: usize) -> usize {
        let starts = &self.line_starts;
        if starts.get(hint).is_none_or(|&start| start > offset) {
            return self.line_of(offset);
        }
        // `starts[low] <= offset` throughout; `high` is past the answer or the last line + 1.
        let mut low = hint;
        let mut step = 1;
        let high = loop {
            let probe = low + step;
            match starts.get(probe) {
                Some(&start) if start <= offset => {
                    low = probe;
                    step *= 2;
                }
                Some(_) => break probe,
                None => break starts.len(),
            }
        };
        // The last start at or before `offset` in `low..high`.
        low + starts[low..high].partition_point(|&start| start <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line.min(self.line_starts.len() - 1)]
    }

    /// Line and column of `offset`, which is clamped to the text and moved back to a char boundary.
    pub fn line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        self.line_col_near(text, offset, unit, usize::MAX)
    }

    /// [`LineIndex::line_col`], starting the line search at `hint` (see
    /// [`LineIndex::line_of_near`]).
    pub fn line_col_near(
        &self,
        text: &str,
        offset: usize,
        unit: ColumnUnit,
        hint: usize,
    ) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // Between the `\r` and the `\n` of a line break (a span ending on the `\r`): the end of
        // the line's content, not a column past it (`tests/line_positions.rs`).
        let bytes = text.as_bytes();
        if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
            offset -= 1;
        }
        let line = self.line_of_near(offset, hint);
        let line_text = &text[self.line_starts[line]..offset];
        let col = match unit {
            ColumnUnit::Utf8 => line_text.len(),
            // ASCII counts one unit a byte, and is checked a word at a time.
            ColumnUnit::Utf16 if line_text.is_ascii() => line_text.len(),
            ColumnUnit::Utf16 => line_text.chars().map(char::len_utf16).sum(),
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The text of a zero-based line without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// What the patterns' `\s` matches in ASCII text: `u8::is_ascii_whitespace` and the vertical tab,
/// which that leaves out.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// [`is_ascii_space`] for a `char`: false for every non-ASCII one.
pub(crate) fn is_ascii_space_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_ascii_space)
}

/// Texts made of words from `words`, each followed by one of `separators`: what the property
/// tests comparing a hand-written scan with the pattern it stands in for are fed.
#[cfg(test)]
pub(crate) fn words_and_separators(
    words: Vec<&'static str>,
    separators: Vec<&'static str>,
    count: std::ops::Range<usize>,
) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    let pair = (
        proptest::sample::select(words),
        proptest::sample::select(separators),
    );
    proptest::collection::vec(pair, count)
        .prop_map(|pairs| pairs.iter().flat_map(|(word, sep)| [*word, *sep]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_hint_never_changes_the_answer() {
        let text = "a\n\nbc\r\nd\n\n\n\n\n\n\nlong line here\nz";
        for index in [LineIndex::new(text), LineIndex::with_cr_breaks(text)] {
            for offset in 0..=text.len() + 2 {
                for hint in (0..16).chain([usize::MAX]) {
                    assert_eq!(index.line_of_near(offset, hint), index.line_of(offset));
                }
            }
        }
        // Far from the hint, so the search doubles its steps many times, and empty lines in
        // runs: every hint, before or past the offset, gives the whole search's answer.
        let long: String = (0..300)
            .map(|i| format!("{}\n", "x".repeat(i % 7)))
            .collect();
        let index = LineIndex::new(&long);
        for offset in (0..=long.len() + 1).step_by(5) {
            for hint in (0..index.n_lines()).step_by(3) {
                assert_eq!(index.line_of_near(offset, hint), index.line_of(offset));
            }
        }
    }

    #[test]
    fn columns_count_utf16_units_for_emoji_and_cjk() {
        let text = "ab\n😀x\n漢字y";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.line_col(text, x, ColumnUnit::Utf16),
            LineCol { line: 1, col: 2 }
        );
        assert_eq!(
            index.line_col(text, x, ColumnUnit::Utf8),
            LineCol { line: 1, col: 4 }
        );
        let y = text.find('y').unwrap();
        assert_eq!(
            index.line_col(text, y, ColumnUnit::Utf16),
            LineCol { line: 2, col: 2 }
        );
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        let text = "é\r\nz";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_col(text, 1, ColumnUnit::Utf16),
            LineCol { line: 0, col: 0 }
        );
        assert_eq!(
            index.line_col(text, 99, ColumnUnit::Utf16),
            LineCol { line: 1, col: 1 }
        );
        assert_eq!(index.line_text(text, 0), "é");
    }
}
