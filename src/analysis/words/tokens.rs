//! The tokeniser: an entry's plain text as words, numbers and symbols, each with its byte range,
//! whether it touches the token before it, and (for words) its lowercase spelling and the
//! lexicon lists it is in.
//!
//! - A **word** is a run of letters, with apostrophes between letters (`hasn't`) and, once it
//!   holds a digit, digits, `_` and dots between digits (`p95`, `Q3`, `v2.3`, `SEV2`, `k8s`): such
//!   a word is an [`Kind::Ident`].
//! - A **number** starts with a digit and takes digits and `,` or `.` between digits (`1,200`,
//!   `3.4`); letters right after it are a word of their own, glued to it (`40k`, `3x`, `18m`).
//! - Anything else that is not a space is a **symbol** of one character, except `->` and `=>`
//!   (arrows, like `→`). A line break is a [`Kind::Break`]: the joined detail lines of an entry
//!   are clauses of their own.

use super::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A word that holds a digit: an identifier, version or period (`p95`, `v2.3`, `Q3`).
    Ident,
    Number,
    Symbol,
    Break,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// No space between this token and the one before.
    pub glued: bool,
    /// The lexicon lists a word is in (0 for other tokens).
    pub lists: u64,
    lower_start: u32,
    lower_end: u32,
}

impl Token {
    pub fn is(&self, lists: u64) -> bool {
        self.lists & lists != 0
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Ident)
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The tokens of one text, in buffers a caller reuses from text to text.
#[derive(Default)]
pub struct Tokens {
    list: Vec<Token>,
    lower: String,
    union: u64,
}

const SPACE: u8 = 0;
const BREAK: u8 = 1;
const DIGIT: u8 = 2;
const LETTER: u8 = 3;
const OTHER: u8 = 4;
/// A byte of a non-ASCII character: decoded, then classified.
const WIDE: u8 = 5;

/// What follows the copy of the text in [`Tokens::lower`].
const PADDING: &str = "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

/// What each byte starts.
static CLASS: [u8; 256] = {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c == b'\n' {
            BREAK
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// For each byte, what the fast loop over a plain ASCII word keeps reading: [`LOWER`] for a
/// lowercase letter, [`UPPER`] for a capital, [`DIGIT_BYTE`] for a digit, 0 for anything else.
static WORD_BYTE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT_BYTE
        } else {
            0
        };
        b += 1;
    }
    table
};
const LOWER: u8 = 1;
const DIGIT_BYTE: u8 = 2;
const UPPER: u8 = 4;

impl std::ops::Deref for Tokens {
    type Target = [Token];
    fn deref(&self) -> &[Token] {
        &self.list
    }
}

impl Tokens {
    /// Tokenise `text`, replacing what the buffers held. Bytes are classified by table; a
    /// plain ASCII word is scanned by table and looked up with no copy of its own, and only a non-ASCII character is decoded.
    pub fn read(&mut self, text: &str) {
        self.list.clear();
        self.union = 0;
        // The lowercase spellings: a copy of the text, each ASCII word lowercased in place (so
        // its spelling is at its own offsets, and one copy serves every word), then padding, so
        // a word's bytes can be read 8 at a time, then the spellings of non-ASCII words.
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.push_str(PADDING);
        let bytes = text.as_bytes();
        let mut at = 0;
        let mut glued = false;
        while let Some(&b) = bytes.get(at) {
            let end = match CLASS[usize::from(b)] {
                SPACE => {
                    at += 1;
                    glued = false;
                    continue;
                }
                BREAK => {
                    self.push_plain(at, at + 1, Kind::Break, false);
                    at += 1;
                    glued = false;
                    continue;
                }
                DIGIT => {
                    let end = number_end(bytes, at);
                    self.push_plain(at, end, Kind::Number, glued);
                    end
                }
                LETTER => self.ascii_word(text, at, glued),
                OTHER => {
                    let end = if (b == b'-' || b == b'=') && bytes.get(at + 1) == Some(&b'>') {
                        at + 2
                    } else {
                        at + 1
                    };
                    self.push_plain(at, end, Kind::Symbol, glued);
                    end
                }
                _ => {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() {
                        at += c.len_utf8();
                        glued = false;
                        continue;
                    }
                    if c.is_alphabetic() {
                        let (end, has_digit) = word_end(text, at);
                        self.push_word(text, at, end, has_digit, glued);
                        end
                    } else {
                        let end = at + c.len_utf8();
                        self.push_plain(at, end, Kind::Symbol, glued);
                        end
                    }
                }
            };
            at = end;
            glued = true;
        }
    }

    /// Read the word at `start`, which starts with an ASCII letter, and return where it ends.
    /// A word of ASCII letters and digits (nearly every word) is scanned by table, lowercased in
    /// the copy of the text only when it has a capital, and looked up by its first 16 bytes; one that goes on past them (`hasn't`, `v2.3`, `naïve`) is
    /// read by [`word_end`] and [`Tokens::push_word`].
    #[inline(always)]
    fn ascii_word(&mut self, text: &str, start: usize, glued: bool) -> usize {
        let bytes = text.as_bytes();
        let mut end = start;
        // The classes of the bytes read, or-ed: whether the word holds a digit or a capital.
        let mut seen = 0;
        while let Some(&b) = bytes.get(end) {
            let class = WORD_BYTE[usize::from(b)];
            if class == 0 {
                break;
            }
            seen |= class;
            end += 1;
        }
        let has_digit = seen & DIGIT_BYTE != 0;
        let simple_end = match bytes.get(end) {
            None => true,
            // A dot only joins digits inside a word that holds one (`v2.3`): a sentence's full
            // stop after a word (the commonest case) ends it here.
            Some(b'.') => !has_digit,
            Some(&b) => b.is_ascii() && !matches!(b, b'_' | b'\''),
        };
        if !simple_end {
            let (end, has_digit) = word_end_by_chars(text, start);
            self.push_word(text, start, end, has_digit, glued);
            return end;
        }
        if seen & UPPER != 0 {
            self.lower[start..end].make_ascii_lowercase();
        }
        let buffer = self.lower.as_bytes();
        let len = end - start;
        let mut lists = lexicon::lookup_at(buffer, start, len);
        if lists == 0 && has_digit {
            lists = ident_lists(&self.lower[start..end]);
        } else if lists & lexicon::NOUNS == 0 && len > 3 && buffer[end - 1] == b's' {
            // A plural the lists give only in the singular (`ICs`, `squads`).
            lists |= lexicon::lookup_at(buffer, start, len - 1) & lexicon::NOUNS;
        }
        self.push_looked_up(start, end, has_digit, glued, lists, start, end);
        end
    }

    /// Every lexicon list some word of the text is in.
    pub fn union(&self) -> u64 {
        self.union
    }

    fn push_plain(&mut self, start: usize, end: usize, kind: Kind, glued: bool) {
        self.list.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            glued,
            lists: 0,
            lower_start: 0,
            lower_end: 0,
        });
    }

    fn push_word(&mut self, text: &str, start: usize, end: usize, has_digit: bool, glued: bool) {
        let word = &text[start..end];
        let (lower_start, lower_end) = if word.is_ascii() {
            // Lowercased in place in the copy of the text.
            self.lower[start..end].make_ascii_lowercase();
            (start, end)
        } else {
            let lower_start = self.lower.len();
            for c in word.chars() {
                match c {
                    '\u{2019}' => self.lower.push('\''),
                    c => self.lower.extend(c.to_lowercase()),
                }
            }
            (lower_start, self.lower.len())
        };
        let lower = &self.lower[lower_start..lower_end];
        let mut lists = lexicon::lookup(lower);
        if lists == 0 && has_digit {
            lists = ident_lists(lower);
        } else if lists & lexicon::NOUNS == 0 && lower.len() > 3 {
            // A plural the lists give only in the singular (`ICs`, `squads`).
            if let Some(singular) = lower.strip_suffix('s') {
                lists |= lexicon::lookup(singular) & lexicon::NOUNS;
            }
        }
        self.push_looked_up(start, end, has_digit, glued, lists, lower_start, lower_end);
    }

    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn push_looked_up(
        &mut self,
        start: usize,
        end: usize,
        has_digit: bool,
        glued: bool,
        lists: u64,
        lower_start: usize,
        lower_end: usize,
    ) {
        self.union |= lists;
        self.list.push(Token {
            start: start as u32,
            end: end as u32,
            kind: if has_digit { Kind::Ident } else { Kind::Word },
            glued,
            lists,
            lower_start: lower_start as u32,
            lower_end: lower_end as u32,
        });
    }

    /// The lowercase spelling of token `i` (empty for numbers and symbols).
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.lower[t.lower_start as usize..t.lower_end as usize]
    }

    /// True when token `i` is the symbol or word `s` (words compared in lowercase).
    pub fn text_is(&self, text: &str, i: usize, s: &str) -> bool {
        let Some(t) = self.list.get(i) else {
            return false;
        };
        if t.is_word() {
            self.lower(i) == s
        } else {
            &text[t.range()] == s
        }
    }
}

/// The lists of a word holding a digit that is in none itself: `Sev1s` is looked up as `sev`,
/// for what it names.
fn ident_lists(lower: &str) -> u64 {
    let letters = lower.trim_end_matches(|c: char| !c.is_ascii_digit());
    let letters = letters.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    lexicon::lookup(letters) & lexicon::INCIDENT
}

fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        match bytes[end] {
            b'0'..=b'9' => end += 1,
            b',' | b'.' if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => end += 1,
            _ => break,
        }
    }
    end
}

/// Where the word at `start` ends, and whether it holds a digit.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    // ASCII letters and digits, by byte; anything else ends the fast loop.
    let bytes = text.as_bytes();
    let mut end = start;
    let mut has_digit = false;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_alphabetic() {
            end += 1;
        } else if b.is_ascii_digit() {
            has_digit = true;
            end += 1;
        } else {
            break;
        }
    }
    let next = bytes.get(end).copied();
    let simple_end = match next {
        None => true,
        // A dot only joins digits inside a word that holds one (`v2.3`): a sentence's full
        // stop after a word (the commonest case) ends it here.
        Some(b'.') => !has_digit,
        Some(b) => b.is_ascii() && !matches!(b, b'_' | b'\''),
    };
    if simple_end {
        return (end, has_digit);
    }
    word_end_by_chars(text, start)
}

/// [`word_end`] for words that go on past ASCII letters and digits: non-ASCII letters,
/// apostrophes, `_`, dots between digits.
fn word_end_by_chars(text: &str, start: usize) -> (usize, bool) {
    let mut has_digit = false;
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let keep = if c.is_alphabetic() {
            true
        } else if c.is_ascii_digit() {
            has_digit = true;
            true
        } else if c == '_' {
            next.is_some_and(char::is_alphanumeric)
        } else if c == '\'' || c == '\u{2019}' {
            next.is_some_and(char::is_alphabetic)
                && text[start..start + offset]
                    .chars()
                    .last()
                    .is_some_and(char::is_alphabetic)
        } else if c == '.' {
            has_digit
                && next.is_some_and(|n| n.is_ascii_digit())
                && text[start..start + offset].ends_with(|p: char| p.is_ascii_digit())
        } else {
            false
        };
        if !keep {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    (end, has_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(text: &str) -> Vec<String> {
        let mut tokens = Tokens::default();
        tokens.read(text);
        tokens
            .iter()
            .map(|t| {
                let glue = if t.glued { "+" } else { "" };
                format!("{glue}{}", &text[t.range()])
            })
            .collect()
    }

    #[test]
    fn numbers_words_symbols_and_glue() {
        assert_eq!(
            spell("Cut p95 from ~1,200ms to 40k/yr (3x), v2.3 hasn't → INC-2291"),
            [
                "Cut", "p95", "from", "~", "+1,200", "+ms", "to", "40", "+k", "+/", "+yr", "(",
                "+3", "+x", "+)", "+,", "v2.3", "hasn't", "→", "INC", "+-", "+2291"
            ]
        );
        assert_eq!(
            spell("a->b 2026-03-14."),
            ["a", "+->", "+b", "2026", "+-", "+03", "+-", "+14", "+."]
        );
        assert_eq!(spell("x\ny"), ["x", "\n", "y"]);
    }

    #[test]
    fn words_are_lowercased_once_and_looked_up() {
        let mut tokens = Tokens::default();
        tokens.read("REVIEWED Sev1s it\u{2019}s ICs");
        assert_eq!(tokens.lower(0), "reviewed");
        assert!(tokens[0].is(lexicon::ACTIVITY_VERB));
        assert!(tokens[1].is(lexicon::INCIDENT));
        assert_eq!(tokens.lower(2), "it's");
        assert!(tokens[3].is(lexicon::AFFECTED));
    }

    #[test]
    fn the_fast_path_looks_words_up_as_the_lexicon_does() {
        // Each word's lists, worked out from its lowercase spelling by `lexicon::lookup`, equal
        // what the fast path, which looks a word up in place by its first 16 bytes, found.
        let text = "Reviewed USERS Teams ICs Sev1s p95 v2.3 squads the From 3x halved naïve it's \
                    incidents Outages QUARTERS weeks 40k ms";
        let mut tokens = Tokens::default();
        tokens.read(text);
        for (i, t) in tokens.iter().enumerate().filter(|(_, t)| t.is_word()) {
            let lower = tokens.lower(i);
            let mut expected = lexicon::lookup(lower);
            if expected == 0 && t.kind == Kind::Ident {
                expected = ident_lists(lower);
            } else if expected & lexicon::NOUNS == 0
                && lower.len() > 3
                && let Some(singular) = lower.strip_suffix('s')
            {
                expected |= lexicon::lookup(singular) & lexicon::NOUNS;
            }
            assert_eq!(t.lists, expected, "{lower}");
        }
        assert!(tokens.iter().any(|t| t.lists != 0));
    }
}
