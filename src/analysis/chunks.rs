//! Split a large Markdown body into pieces that pulldown-cmark parses exactly as it parses the
//! whole, so only one piece's event tree is alive at a time (DESIGN §7: `rung check` on a 10 MB
//! document in under 100 MB; pulldown-cmark's tree for the whole of it alone is ~60 MB).
//!
//! A piece may start only at a line that opens an ATX heading at column 0 (`#` to `######`, then
//! a space, a tab or the line's end) and follows a blank line. The blank line ends paragraphs
//! (so lazy continuation and setext underlines cannot reach the heading), lists, block quotes,
//! tables, indented code and HTML blocks of types 6 and 7, and a heading at column 0 is indented
//! too little to belong to any list item. What can still carry on past such a line is:
//! - a fenced code block, which runs to its closing fence;
//! - an HTML block of types 1–5 (`<script`, `<pre`, `<!--`, …), which runs to its end marker
//!   even across blank lines;
//! - a link reference definition, which is global to the document.
//!
//! Rather than mirror CommonMark's container rules to track these (where a mistake would split
//! inside a fence), a body that holds any of them is not split at all: no "```" or "~~~", no
//! line whose first character after indentation and container markers is `<` (a one-line
//! `<!-- … -->` comment aside), and nothing that could define a link reference. A test compares
//! the events and ranges of split and whole parses.

use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// Pieces smaller than this are not split further: a typical growth doc (the public ones we
/// tried are 5–16 KB) is one piece, parsed exactly as before. An edit parses its piece again,
/// so the size sets the cost of typing in a large doc: callgrind over 20 edits of a 1 MB promo
/// doc counted 563M instructions with 64 KB pieces, 484M with 32 KB and 453M with 16 KB, while
/// a whole analysis stayed within 1%.
pub const MIN_PIECE_BYTES: usize = 16 * 1024;

/// Byte offsets in `body` where pieces start, first `0`; each piece ends where the next starts.
pub fn piece_starts(body: &str, min_piece: usize) -> Vec<usize> {
    let mut starts = vec![0];
    if body.len() < 2 * min_piece || !is_splittable(body) {
        return starts;
    }
    let bytes = body.as_bytes();
    // Each `#` that opens a line is a candidate; memchr finds them without walking every line.
    for newline in memchr::memmem::find_iter(bytes, b"\n#") {
        let line_start = newline + 1;
        // Most headings of a large doc are too near the last start or the end to start a
        // piece: asked first, before their lines are looked at.
        if line_start - starts.last().copied().unwrap_or(0) < min_piece
            || body.len() - line_start < min_piece
        {
            continue;
        }
        let line_end =
            memchr::memchr(b'\n', &bytes[line_start..]).map_or(body.len(), |i| line_start + i);
        let line = body[line_start..line_end].trim_end_matches('\r');
        let previous_start = memchr::memrchr(b'\n', &bytes[..newline]).map_or(0, |i| i + 1);
        let previous_blank = body[previous_start..newline].trim().is_empty();
        if previous_blank && is_atx_heading_at_column_0(line) {
            starts.push(line_start);
        }
    }
    starts
}

/// False when the body holds a construct that may run past a heading: a code fence, an HTML
/// block, or a link reference definition (over-approximated, so some plain bodies are refused).
fn is_splittable(body: &str) -> bool {
    let bytes = body.as_bytes();
    if memchr::memmem::find(bytes, b"```").is_some()
        || memchr::memmem::find(bytes, b"~~~").is_some()
    {
        return false;
    }
    // Only a `<` or `[` can open an HTML block or a reference definition: look at each one and
    // at what comes before it on its line.
    !memchr::memchr2_iter(b'<', b'[', bytes).any(|at| {
        let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let opens_line = body[line_start..at].chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '>' | '-' | '*' | '+' | '.' | ')')
                || c.is_ascii_digit()
        });
        if !opens_line {
            return false;
        }
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(body.len(), |i| at + i);
        let rest = &body[at..line_end];
        let one_line_comment = rest
            .strip_prefix("<!--")
            .is_some_and(|after| after.contains("-->"));
        (rest.starts_with('<') && !one_line_comment)
            || (rest.starts_with('[') && body[line_start..line_end].contains("]:"))
    })
}

fn is_atx_heading_at_column_0(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// Mends the one way a piece's events differ from the whole body's: pulldown-cmark ends an
/// empty list item (`- ` or `- [ ]` alone) that closes its input at the input's very end, the
/// blank lines after it included, where inside a longer text the item ends with its marker's
/// line. A piece that is not the body's last has more text after it, so such an item is ended
/// with its line. Only a top-level item that opens its line differs so: a nested one (`- -`,
/// `> -`) keeps its blank lines inside a longer text too, and is left as it is.
///
/// A hot loop calls [`ItemMender::mend`] on each event in place: wrapping the event iterator
/// in another cost a quarter of pulldown-cmark's own time in moving events.
pub struct ItemMender<'p> {
    piece: &'p str,
    is_last: bool,
    /// The end given to the empty item being mended, for its end event.
    mended_end: Option<usize>,
    /// How many items the current event is inside.
    depth: usize,
}

impl<'p> ItemMender<'p> {
    pub fn new(piece: &'p str, is_last: bool) -> ItemMender<'p> {
        ItemMender {
            piece,
            is_last,
            mended_end: None,
            depth: 0,
        }
    }

    #[inline]
    pub fn mend(&mut self, event: &Event<'_>, range: &mut Range<usize>) {
        match event {
            Event::Start(Tag::Item) => {
                self.depth += 1;
                // Outside any other item, with only spaces before it on its line (not in a
                // quote): see the type's doc.
                if !self.is_last
                    && range.end == self.piece.len()
                    && self.depth == 1
                    && self.piece[..range.start]
                        .bytes()
                        .rev()
                        .take_while(|&b| b != b'\n')
                        .all(|b| b == b' ')
                {
                    let item = &self.piece[range.clone()];
                    let line_len =
                        memchr::memchr(b'\n', item.as_bytes()).map_or(item.len(), |i| i + 1);
                    if is_empty_item(item, line_len) {
                        range.end = range.start + line_len;
                        // An empty item holds no other item: the next item end is its own.
                        self.mended_end = Some(range.end);
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                self.depth = self.depth.saturating_sub(1);
                if let Some(end) = self.mended_end.take() {
                    range.end = end;
                }
            }
            _ => {}
        }
    }
}

/// True when a list item's source, whose first line is `line_len` bytes, is only its marker
/// (and a task box), then blank lines.
fn is_empty_item(item: &str, line_len: usize) -> bool {
    let (line, rest) = item.split_at(line_len);
    let line = line.trim();
    let after_marker = line
        .strip_prefix(['-', '*', '+'])
        .or_else(|| {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            (1..=9)
                .contains(&digits)
                .then(|| line[digits..].strip_prefix(['.', ')']))
                .flatten()
        })
        .map(str::trim);
    rest.trim().is_empty() && matches!(after_marker, Some("" | "[ ]" | "[x]" | "[X]"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser};

    const OPTIONS: Options = Options::ENABLE_TABLES
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS);

    /// The events of one piece, with ranges in the piece, as they are within the whole body (see
    /// [`ItemMender`]).
    fn piece_events(
        piece: &str,
        options: Options,
        is_last: bool,
    ) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
        let mut mender = ItemMender::new(piece, is_last);
        Parser::new_ext(piece, options)
            .into_offset_iter()
            .map(move |(event, mut range)| {
                mender.mend(&event, &mut range);
                (event, range)
            })
    }

    fn whole(body: &str) -> Vec<(Event<'_>, std::ops::Range<usize>)> {
        Parser::new_ext(body, OPTIONS).into_offset_iter().collect()
    }

    fn split(body: &str, min_piece: usize) -> Vec<(Event<'_>, std::ops::Range<usize>)> {
        let mut starts = piece_starts(body, min_piece);
        starts.push(body.len());
        starts
            .windows(2)
            .flat_map(|w| {
                let (from, to) = (w[0], w[1]);
                piece_events(&body[from..to], OPTIONS, to == body.len())
                    .map(move |(e, r)| (e, r.start + from..r.end + from))
            })
            .collect()
    }

    /// Every tricky construct near a heading, and plain sections between them; the empty list
    /// items are what `ItemMender` mends.
    const PARTS: [&str; 34] = [
        "## Ownership\n\n- Cut p99 from 800 ms to 120 ms #ownership\n  - detail\n\n",
        "```\n\n# not a heading\n\n```\n\n",
        "~~~~md\n\n# inside tildes\n~~~\n\n# still inside\n\n~~~~\n\n",
        "<!-- a comment\n\n# inside the comment\n\n-->\n\n",
        "<pre>\n\n# inside pre\n\n</pre>\n\n",
        "<div>\n# inside a div block\n\n",
        "> quote\n> more\n\n",
        "- a list\n\n- loose\n\n",
        "Setext\n---\n\n",
        "| a | b |\n| - | - |\n| 1 | 2 |\n\n",
        "    indented code\n\n",
        "- item\n  ```\n\n# after an unclosed fence in an item\n\n",
        "#hashtag is not a heading\n\n",
        "####### seven is not a heading\n\n",
        "Text with *emphasis\nover lines* and `code`.\n\n",
        "# Top heading\n\nParagraph.\n\n",
        "<!-- rung-disable vague-win -->\n\n",
        "- [ ] task\n- [x] done\n\n",
        "Line ending in two spaces  \nand a hard break.\n\n",
        "- \n\n",
        "-\n\n\n",
        "1.\n\n",
        "- a\n  - \n\n",
        "> - \n\n",
        "- [ ]\n\n",
        "+ \n\n\n",
        "10) \n\n",
        "* [x]\n  \n\n",
        "-\t\n\n",
        "- \r\n\r\n",
        "- [ ] \n\n",
        // An empty item nested as another's first content keeps its blank lines in a longer text.
        "- -\n\n",
        "- a\n- - [ ]\n\n",
        "Text\n- -\n\n",
    ];

    #[test]
    fn split_parses_equal_the_whole_parse() {
        // Every ordered triple of parts, split wherever allowed.
        let mut split_bodies = 0;
        for a in PARTS {
            for b in PARTS {
                for c in PARTS {
                    let body = format!("{a}{b}{c}{a}");
                    split_bodies += usize::from(piece_starts(&body, 1).len() > 1);
                    let (split, whole) = (split(&body, 1), whole(&body));
                    if let Some(at) = split.iter().zip(&whole).position(|(s, w)| s != w) {
                        panic!("{body:?}: split {:?}, whole {:?}", split[at], whole[at]);
                    }
                    assert_eq!(split.len(), whole.len(), "{body:?}");
                }
            }
        }
        // Many triples have a heading after a first part and no fence or HTML block: split.
        assert!(split_bodies > 500, "only {split_bodies} bodies were split");
    }

    #[test]
    fn bodies_with_fences_or_html_blocks_are_not_split() {
        for body in [
            "# One\n\n```\n\n# fenced\n```\n\n# Two\n",
            "# One\n\n<!--\n\n# commented\n-->\n\n# Two\n",
            "# One\n\n- <pre>\n\n# Two\n",
        ] {
            assert_eq!(piece_starts(body, 1), vec![0], "{body:?}");
        }
        let plain = "# One\n\n<!-- rung-disable -->\n- item\n\n# Two\n";
        assert_eq!(piece_starts(plain, 1).len(), 2);
    }

    #[test]
    fn a_link_reference_definition_stops_all_splitting() {
        let body = "# One\n\nSee [the doc][d].\n\n# Two\n\n[d]: https://example.com\n";
        assert_eq!(piece_starts(body, 1), vec![0]);
        assert_eq!(split(body, 1), whole(body));
    }

    #[test]
    fn small_bodies_are_one_piece() {
        let body = "# One\n\ntext\n\n# Two\n\ntext\n";
        assert_eq!(piece_starts(body, MIN_PIECE_BYTES), vec![0]);
        assert_eq!(piece_starts(body, 1).len(), 2);
    }
}
