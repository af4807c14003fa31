//! Edit sequences on the language server's document store (rope plus position conversion)
//! against a plain `String` reference, in both encodings.

use arbitrary::{Arbitrary, Unstructured};
use rung::lsp::{Encoding, OpenDocument};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

#[derive(Arbitrary, Debug)]
struct Edit {
    start_line: u8,
    start_col: u8,
    end_line: u8,
    end_col: u8,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Case {
    initial: String,
    utf8: bool,
    edits: Vec<Edit>,
}

/// Byte offset of an LSP position in `text`, clamped as LSP servers must: lines end at `\n`,
/// `\r\n` or `\r`; a column past the line's end is its end; a column inside a char is its start.
fn reference_offset(text: &str, line: u32, col: u32, utf8: bool) -> usize {
    let bytes = text.as_bytes();
    let mut offset = 0;
    let mut current = 0;
    while current < line {
        match bytes[offset..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
        {
            None => return text.len(),
            Some(i) => {
                offset += i;
                offset += if bytes[offset] == b'\r' && bytes.get(offset + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                current += 1;
            }
        }
    }
    let mut units = 0;
    for ch in text[offset..].chars() {
        if ch == '\n' || ch == '\r' {
            break;
        }
        let width = if utf8 { ch.len_utf8() } else { ch.len_utf16() } as u32;
        if units + width > col {
            break;
        }
        units += width;
        offset += ch.len_utf8();
    }
    offset
}

pub fn check(data: &[u8]) {
    // As libfuzzer-sys decodes a typed input.
    let Ok(case) = Case::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };

    let encoding = if case.utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let mut document = OpenDocument::new(&case.initial, 1);
    let mut reference = case.initial.clone();
    for (i, edit) in case.edits.iter().take(64).enumerate() {
        let (sl, sc, el, ec) = (
            edit.start_line as u32,
            edit.start_col as u32,
            edit.end_line as u32,
            edit.end_col as u32,
        );
        let start = reference_offset(&reference, sl, sc, case.utf8);
        let end = reference_offset(&reference, el, ec, case.utf8).max(start);
        reference.replace_range(start..end, &edit.text);
        let change = TextDocumentContentChangeEvent {
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
            text: edit.text.clone(),
        };
        document.apply_changes(&[change], i as i32 + 2, encoding);
        assert_eq!(document.text(), reference, "after edit {i}: {edit:?}");
    }
    // Every offset maps to a position and back to the same char boundary.
    let text = document.text();
    for (offset, _) in text.char_indices().step_by(7) {
        let position = document.position(offset, encoding);
        let back = document.offset(position, encoding);
        // A line ending at `\r\n` maps its `\n` onto the end of the line content.
        assert!(
            back == offset || text[back..offset].chars().all(|c| c == '\r' || c == '\n'),
            "{offset} -> {position:?} -> {back}"
        );
    }
}
