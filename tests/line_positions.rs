//! Property tests of byte offset → line and column, against positions worked out by definition:
//! the core's `LineIndex` (what `rung check --format json`, SARIF and the case report use) and
//! the language server's rope, on text of CRLF, lone CR, CJK, emoji and combining marks, at
//! every offset (inside a character, between the `\r` and `\n` of a line break, past the end).

use proptest::prelude::*;
use rung::analysis::text::{ColumnUnit, LineCol, LineIndex};
use rung::lsp::{Encoding, OpenDocument};

/// Text made of the pieces that make positions hard.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "a",
        "é",
        "e\u{301}",
        "漢字",
        "😀",
        "👩‍💻",
        "𝄞",
        "\n",
        "\r\n",
        "\r",
        " ",
        "- ",
    ]);
    prop::collection::vec(piece, 0..32).prop_map(|pieces| pieces.concat())
}

/// The position of `offset` by definition. The offset is clamped to the text and moved back to
/// a char boundary; one between the `\r` and `\n` of a line break is the end of its line's
/// content (no column lies inside a line break). Lines break at `\n`, at `\r\n` and, when
/// `lone_cr_breaks`, at a `\r` not followed by `\n` (LSP's lines); columns count the line's
/// characters before the offset in `unit`.
fn by_definition(text: &str, offset: usize, unit: ColumnUnit, lone_cr_breaks: bool) -> LineCol {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
        offset -= 1;
    }
    let (mut line, mut col) = (0, 0);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        let breaks = match c {
            '\n' => true,
            // The `\n` after it ends the line; the `\r` is not content of it either.
            '\r' if chars.peek() == Some(&'\n') => false,
            '\r' => lone_cr_breaks,
            _ => false,
        };
        if breaks {
            line += 1;
            col = 0;
        } else if !(c == '\r' && chars.peek() == Some(&'\n')) {
            col += match unit {
                ColumnUnit::Utf8 => c.len_utf8(),
                ColumnUnit::Utf16 => c.len_utf16(),
            };
        }
    }
    LineCol {
        line,
        col: col as u32,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `LineIndex::new`, lines at `\n` only (a lone `\r` is a character of its line).
    #[test]
    fn line_index_positions_are_those_by_definition(text in tricky_text()) {
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16] {
                prop_assert_eq!(
                    index.line_col(&text, offset, unit),
                    by_definition(&text, offset, unit, false),
                    "offset {} of {:?}", offset, text
                );
            }
        }
    }

    /// `LineIndex::with_cr_breaks` (the server's publish path) and the rope (every other
    /// request), lines as LSP counts them.
    #[test]
    fn lsp_positions_are_those_by_definition(text in tricky_text()) {
        let index = LineIndex::with_cr_breaks(&text);
        let document = OpenDocument::new(&text, 1);
        for offset in 0..=text.len() + 2 {
            for (unit, encoding) in [(ColumnUnit::Utf8, Encoding::Utf8), (ColumnUnit::Utf16, Encoding::Utf16)] {
                let expected = by_definition(&text, offset, unit, true);
                prop_assert_eq!(index.line_col(&text, offset, unit), expected, "offset {} of {:?}", offset, text);
                let position = document.position(offset, encoding);
                prop_assert_eq!((position.line, position.character), (expected.line, expected.col), "rope, offset {} of {:?}", offset, text);
            }
        }
    }
}

#[test]
fn the_end_of_a_crlf_line_is_its_last_column() {
    let text = "ab\r\n漢😀\r\nz";
    let index = LineIndex::new(text);
    // Between the `\r` and the `\n`: the end of the line's two characters, not a third column.
    assert_eq!(
        index.line_col(text, 3, ColumnUnit::Utf16),
        LineCol { line: 0, col: 2 }
    );
    let second_cr = text.rfind('\r').unwrap();
    assert_eq!(
        index.line_col(text, second_cr + 1, ColumnUnit::Utf16),
        LineCol { line: 1, col: 3 }
    );
    assert_eq!(
        index.line_col(text, second_cr + 2, ColumnUnit::Utf16),
        LineCol { line: 2, col: 0 }
    );
}
