//! The memo a language server keeps per open document stays bounded by the document as it is,
//! however many edits came before (issue 21: memory that stays flat over a day of editing).
//!
//! A document is edited thousands of times, as a day of work does it: typing a character at a
//! time in one place, pasting entries and whole sections, deleting lines and large spans. After
//! each analysis the memo may hold only results for the text as it is now: its results, key
//! bytes and map capacity must stay within a fixed multiple of the current document's, and the
//! memo at the end must be no larger than a fresh memo's after analysing the same text twice
//! (plus the capacity slack its maps keep).

use rung::analysis::memo::{Memo, MemoSize};
use rung::analysis::{Input, NoFileSystem, Settings, analyze};

/// A small deterministic generator (xorshift), so the edit sequence is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PASTES: [&str; 6] = [
    "\n- Cut p99 from 800 ms to 120 ms for 3 teams #ownership\n",
    "\n- Helped with the migration\n  - nested detail: 35% faster\n",
    "\n## Wins\n- Improved the build queue.\n- Worked on [docs](missing.md) TODO\n",
    "\n- Shipped the importer 漢字 and 🚀 emoji\r\n",
    "\nplain prose with TBD and #tag\n",
    "\n## 2026-03\n- Wrote 12 design docs\n- Reduced on-call pages by half\n",
];

fn base_doc(sections: usize) -> String {
    let mut doc = String::from("---\nkind: promo\nlevel: E5\ntarget: E6\n---\n# Case\n");
    for i in 0..sections {
        doc.push_str(&format!(
            "\n## Section {i}\n- Entry {i}: cut the deploy time by {i}%\n- Helped team {i} with planning\n{}",
            PASTES[i % PASTES.len()]
        ));
    }
    doc
}

/// One edit: type a character, paste a block, delete a few characters or a large span.
fn edit(text: &mut String, rng: &mut Rng, typing_at: &mut usize) {
    let clamp = |text: &str, mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match rng.below(10) {
        // Typing: most edits, one character after another in one place.
        0..=5 => {
            if rng.below(20) == 0 {
                *typing_at = rng.below(text.len());
            }
            let at = clamp(text, *typing_at);
            let c = ['a', ' ', 'é', '\n', '3', '%'][rng.below(6)];
            text.insert(at, c);
            *typing_at = at + c.len_utf8();
        }
        6 | 7 => {
            let at = clamp(text, rng.below(text.len()));
            text.insert_str(at, PASTES[rng.below(PASTES.len())]);
        }
        8 => {
            let start = clamp(text, rng.below(text.len()));
            let end = clamp(text, start + 1 + rng.below(8));
            text.replace_range(start..end, "");
        }
        _ => {
            // A large deletion, kept from emptying the document.
            if text.len() > 4_000 {
                let start = clamp(text, rng.below(text.len()));
                let end = clamp(text, start + rng.below(text.len() / 4));
                text.replace_range(start..end, "");
            }
        }
    }
}

fn analyse(text: &str, memo: &Memo, settings: &Settings) {
    let input = Input {
        file_name: Some("promo.md"),
        memo: Some(memo),
        ..Input::new(text)
    };
    let _ = analyze(&input, settings, &NoFileSystem);
}

/// Edits `text` `n` times with a memo kept throughout, checking its size against the text after
/// each analysis, and at the end against a fresh memo's.
fn edit_many_times(mut text: String, n: usize, seed: u64, max_len: usize) {
    let settings = Settings::default();
    let memo = Memo::new();
    let mut rng = Rng(seed);
    let mut typing_at = text.len() / 2;
    for step in 0..n {
        edit(&mut text, &mut rng, &mut typing_at);
        if text.len() > max_len {
            // Keep the document to a size the test can afford; a long session trims too.
            let cut = text.len() - max_len;
            let mut at = text.len() / 3;
            while !text.is_char_boundary(at) || !text.is_char_boundary(at + cut) {
                at += 1;
            }
            text.replace_range(at..at + cut, "");
        }
        analyse(&text, &memo, &settings);
        let size = memo.size();
        // Each held result is keyed by a piece of the current text: an entry's full text (its
        // own text and detail, so each byte at most twice over nesting), a prose run, a piece.
        assert!(
            size.key_bytes <= 4 * text.len() + 1024,
            "step {step}: {size:?} for a text of {} bytes",
            text.len()
        );
        assert!(
            size.results <= text.len() / 4 + 64,
            "step {step}: {size:?} for a text of {} bytes",
            text.len()
        );
        assert!(
            size.capacity <= 8 * (size.results + size.pieces) + 1024,
            "step {step}: {size:?}"
        );
    }
    // The memo after thousands of edits holds what a fresh one holds for the same text.
    let fresh = Memo::new();
    analyse(&text, &fresh, &settings);
    analyse(&text, &fresh, &settings);
    analyse(&text, &memo, &settings);
    let (kept, fresh): (MemoSize, MemoSize) = (memo.size(), fresh.size());
    assert_eq!(
        (kept.results, kept.key_bytes, kept.pieces),
        (fresh.results, fresh.key_bytes, fresh.pieces),
        "kept {kept:?} against fresh {fresh:?}"
    );
}

#[test]
fn a_small_document_edited_thousands_of_times_keeps_a_bounded_memo() {
    edit_many_times(base_doc(40), 3_000, 0x9E37_79B9_7F4A_7C15, 24_000);
}

#[test]
fn a_document_parsed_in_pieces_edited_many_times_keeps_a_bounded_memo() {
    // Over 32 KB: parsed in pieces, whose models the memo keeps.
    let doc = base_doc(700);
    assert!(doc.len() > 2 * rung::analysis::chunks::MIN_PIECE_BYTES);
    edit_many_times(doc, 1_000, 0x2545_F491_4F6C_DD1D, 120_000);
}
