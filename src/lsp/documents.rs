//! Open documents: a rope per document with its version, incremental edits, and conversion
//! between LSP positions (UTF-8 or UTF-16 columns, as negotiated) and byte offsets.
//!
//! Lines are split on `\n`, `\r\n` and `\r` only (ropey's `cr_lines` without `unicode_lines`),
//! exactly as LSP counts them. Positions past the end of a line or of the document are clamped,
//! and a column inside a character (half a surrogate pair, a UTF-8 continuation byte) is moved
//! back to the character's start, so no client position can make an edit panic.

use crate::analysis::text::{ColumnUnit, LineIndex};
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub rope: Rope,
    pub version: i32,
    /// The text's line starts, kept current through edits ([`LineIndex::splice_cr_breaks`]) and
    /// shared by the snapshot of each version: every request's positions are converted with
    /// it, and building it from the text took 2 M instructions per request on a 1 MB document.
    lines: std::sync::Arc<LineIndex>,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> OpenDocument {
        OpenDocument {
            rope: Rope::from_str(text),
            version,
            lines: std::sync::Arc::new(LineIndex::with_cr_breaks(text)),
        }
    }

    /// The text's line starts, as [`LineIndex::with_cr_breaks`] of [`OpenDocument::text`].
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// Apply one `didChange` batch in order; a change without a range replaces the whole text.
    pub fn apply_changes(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => {
                    self.rope = Rope::from_str(&change.text);
                    self.lines = std::sync::Arc::new(LineIndex::with_cr_breaks(&change.text));
                }
                Some(range) => {
                    let start = position_to_char(&self.rope, range.start, encoding);
                    let end = position_to_char(&self.rope, range.end, encoding).max(start);
                    let (from, to) = (self.rope.char_to_byte(start), self.rope.char_to_byte(end));
                    let before = from.checked_sub(1).map(|at| self.rope.byte(at));
                    let after = (to < self.rope.len_bytes()).then(|| self.rope.byte(to));
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                    // A copy when the snapshot of the previous version still shares it.
                    std::sync::Arc::make_mut(&mut self.lines).splice_cr_breaks(
                        from..to,
                        &change.text,
                        before,
                        after,
                    );
                }
            }
        }
        self.version = version;
    }

    /// The text as one string, allocated at its size (`to_string` grows it by doubling: about
    /// twenty copies of a 1 MB document's text on the way to every analysis).
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.rope.len_bytes());
        for chunk in self.rope.chunks() {
            text.push_str(chunk);
        }
        text
    }

    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        self.rope
            .char_to_byte(position_to_char(&self.rope, position, encoding))
    }

    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        offset_to_position(&self.rope, offset, encoding)
    }

    pub fn range(&self, start: usize, end: usize, encoding: Encoding) -> Range {
        Range {
            start: self.position(start, encoding),
            end: self.position(end, encoding),
        }
    }
}

/// One version's text with its line starts, for converting many byte offsets at once (a
/// publish with thousands of diagnostics) without walking the rope for each. Lines break exactly
/// as the rope breaks them: `\n`, `\r\n` and a lone `\r` (the core's
/// [`LineIndex::with_cr_breaks`]).
pub struct LineTable<'t> {
    text: &'t str,
    index: std::borrow::Cow<'t, LineIndex>,
    /// The line of the last position asked for: a publish asks in nearly ascending order.
    last_line: std::cell::Cell<usize>,
}

impl<'t> LineTable<'t> {
    pub fn new(text: &'t str) -> LineTable<'t> {
        LineTable {
            text,
            index: std::borrow::Cow::Owned(LineIndex::with_cr_breaks(text)),
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The table of `text` with its index already made: `index` must be
    /// [`LineIndex::with_cr_breaks`] of `text` (an open document's [`OpenDocument::lines`]).
    pub fn with_index(text: &'t str, index: &'t LineIndex) -> LineTable<'t> {
        LineTable {
            text,
            index: std::borrow::Cow::Borrowed(index),
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The LSP position of a byte offset (clamped, and moved back to a char boundary), equal to
    /// [`offset_to_position`] on a rope of the same text.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let at = self.position_near(offset, encoding, self.last_line.get());
        self.last_line.set(at.line as usize);
        at
    }

    /// [`LineTable::position`], its line looked for from `hint` on, leaving the kept line as it
    /// was.
    fn position_near(&self, offset: usize, encoding: Encoding, hint: usize) -> Position {
        let unit = match encoding {
            Encoding::Utf8 => ColumnUnit::Utf8,
            Encoding::Utf16 => ColumnUnit::Utf16,
        };
        let bytes = self.text.as_bytes();
        let mut offset = offset.min(bytes.len());
        // Between the two bytes of a `\r\n`: the end of the line's content, as in the rope.
        if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
            offset -= 1;
        }
        let at = self.index.line_col_near(self.text, offset, unit, hint);
        Position {
            line: at.line,
            character: at.col,
        }
    }

    /// The range from `start` to `end`. The kept line becomes the start's, not the end's: the
    /// ranges asked for come in order of their starts (diagnostics sorted, an outline's nodes
    /// with a section's children after its whole range), and the end is looked for from the
    /// start's line. Keeping a section's end line sent every child's lookup to a binary search.
    pub fn range(&self, start: usize, end: usize, encoding: Encoding) -> Range {
        let start = self.position(start, encoding);
        let end = self.position_near(end, encoding, start.line as usize);
        Range { start, end }
    }
}

/// The 64-bit FNV-1a hash of a rope's text and its length in bytes, without building a `String`:
/// what the test command `rung.test.documentHash` answers, so a long session can compare the
/// server's text with the client's often and cheaply.
pub fn text_hash(rope: &Rope) -> (u64, usize) {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in rope.chunks() {
        for &byte in chunk.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    (hash, rope.len_bytes())
}

/// Characters of a line's content, without its line ending.
fn line_content_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut n = slice.len_chars();
    if n > 0 && slice.char(n - 1) == '\n' {
        n -= 1;
    }
    if n > 0 && slice.char(n - 1) == '\r' {
        n -= 1;
    }
    n
}

/// The char index of an LSP position, clamped to the line and the document.
pub fn position_to_char(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let content = line_content_chars(rope, line);
    let wanted = position.character as usize;
    let mut units = 0;
    let mut chars = 0;
    for ch in rope.line(line).chars().take(content) {
        let width = match encoding {
            Encoding::Utf8 => ch.len_utf8(),
            Encoding::Utf16 => ch.len_utf16(),
        };
        if units + width > wanted {
            break;
        }
        units += width;
        chars += 1;
    }
    line_start + chars
}

/// The LSP position of a byte offset (clamped, and moved back to a char boundary).
pub fn offset_to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let mut offset = offset.min(rope.len_bytes());
    // An offset between the `\r` and the `\n` of a line break (a span that ends on the `\r`)
    // is the end of the line's content: LSP has no column inside a line break, and one past the
    // content would lie outside the line.
    if offset > 0
        && offset < rope.len_bytes()
        && rope.byte(offset - 1) == b'\r'
        && rope.byte(offset) == b'\n'
    {
        offset -= 1;
    }
    let char_idx = rope.byte_to_char(offset);
    let line = rope.char_to_line(char_idx);
    let line_start = rope.line_to_char(line);
    let column = match encoding {
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.char_to_byte(line_start),
        Encoding::Utf16 => rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(line_start),
    };
    Position {
        line: line as u32,
        character: column as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: sl,
                    character: sc,
                },
                end: Position {
                    line: el,
                    character: ec,
                },
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_after_emoji_and_cjk_land_in_both_encodings() {
        let mut doc = OpenDocument::new("a😀b\r\n漢字c\n", 1);
        // After the emoji: UTF-16 column 3, UTF-8 column 5.
        doc.apply_changes(&[change(0, 3, 0, 3, "X")], 2, Encoding::Utf16);
        assert_eq!(doc.text(), "a😀Xb\r\n漢字c\n");
        doc.apply_changes(&[change(1, 6, 1, 7, "Y")], 3, Encoding::Utf8);
        assert_eq!(doc.text(), "a😀Xb\r\n漢字Y\n");
        assert_eq!(doc.version, 3);
    }

    /// The line starts kept through edits are the ones the text gives, whatever the edits do to
    /// line breaks: join a `\r` to a `\n` or part them, delete across lines, insert lines,
    /// replace the whole text. Random edits of a text made of those characters (a fixed seed).
    #[test]
    fn kept_line_starts_equal_the_texts_after_random_edits() {
        let pieces = ["\r", "\n", "\r\n", "a", "😀", "漢", " x\n", "\r\r"];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut doc = OpenDocument::new("ab\r\ncd\re\n", 1);
        for version in 2..3000 {
            let lines = doc.rope.len_lines() as u32;
            let position = |next: &mut dyn FnMut(usize) -> usize| Position {
                line: next(lines as usize + 1) as u32,
                character: next(6) as u32,
            };
            let (mut start, mut end) = (position(&mut next), position(&mut next));
            if (end.line, end.character) < (start.line, start.character) {
                std::mem::swap(&mut start, &mut end);
            }
            let text: String = (0..next(4)).map(|_| pieces[next(pieces.len())]).collect();
            let range = (next(50) != 0).then_some(Range { start, end });
            let encoding = if next(2) == 0 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            };
            let change = TextDocumentContentChangeEvent {
                range,
                range_length: None,
                text,
            };
            // Two changes in one batch now and then.
            let batch = if next(5) == 0 {
                vec![change.clone(), change]
            } else {
                vec![change]
            };
            let before = doc.clone();
            doc.apply_changes(&batch, version, encoding);
            assert_eq!(
                doc.lines(),
                &LineIndex::with_cr_breaks(&doc.text()),
                "after {batch:?} on {:?}",
                before.text()
            );
            // The copy taken before the edit keeps its own version's starts.
            assert_eq!(before.lines(), &LineIndex::with_cr_breaks(&before.text()));
        }
    }

    #[test]
    fn positions_round_trip_and_clamp() {
        let doc = OpenDocument::new("a😀b\r\nxy", 1);
        let b = "a😀".len();
        assert_eq!(
            doc.position(b, Encoding::Utf16),
            Position {
                line: 0,
                character: 3
            }
        );
        assert_eq!(
            doc.position(b, Encoding::Utf8),
            Position {
                line: 0,
                character: 5
            }
        );
        assert_eq!(
            doc.offset(
                Position {
                    line: 0,
                    character: 3
                },
                Encoding::Utf16
            ),
            b
        );
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(
            doc.offset(
                Position {
                    line: 0,
                    character: 2
                },
                Encoding::Utf16
            ),
            1
        );
        // Past the end of the line: before its CRLF. Past the document: its end.
        assert_eq!(
            doc.offset(
                Position {
                    line: 0,
                    character: 99
                },
                Encoding::Utf16
            ),
            "a😀b".len()
        );
        assert_eq!(
            doc.offset(
                Position {
                    line: 9,
                    character: 0
                },
                Encoding::Utf16
            ),
            doc.text().len()
        );
        assert_eq!(
            doc.position(999, Encoding::Utf16),
            Position {
                line: 1,
                character: 2
            }
        );
    }

    #[test]
    fn an_offset_inside_a_crlf_is_the_end_of_its_line() {
        // Found by the soak benchmark: a YAML error span ending on the `\r` of a CRLF front
        // matter line gave a column one past the line's content.
        let text = "---\r\nkind: x:\r\n---\r\n";
        let doc = OpenDocument::new(text, 1);
        let table = LineTable::new(text);
        let inside = "---\r\nkind: x:\r".len();
        let end_of_content = Position {
            line: 1,
            character: 8,
        };
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            assert_eq!(doc.position(inside, encoding), end_of_content);
            assert_eq!(table.position(inside, encoding), end_of_content);
        }
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break_as_in_lsp() {
        let doc = OpenDocument::new("a\rb", 1);
        assert_eq!(
            doc.position(2, Encoding::Utf16),
            Position {
                line: 1,
                character: 0
            }
        );
    }

    #[test]
    fn the_line_table_agrees_with_the_rope_at_every_offset() {
        for text in [
            "",
            "plain\nlines\n",
            "crlf\r\nand lone\rcr\r\r\n\n",
            "emoji 😀 and 漢字\r\n- é\n\r",
            "\r",
            "no newline at all 🎉",
        ] {
            let doc = OpenDocument::new(text, 1);
            let table = LineTable::new(text);
            for offset in 0..=text.len() + 2 {
                for encoding in [Encoding::Utf8, Encoding::Utf16] {
                    assert_eq!(
                        table.position(offset, encoding),
                        doc.position(offset, encoding),
                        "{text:?} at {offset} in {encoding:?}"
                    );
                }
            }
        }
    }
}
