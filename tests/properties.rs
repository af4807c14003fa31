//! Property tests: random edit sequences keep the language server's text equal to the client's,
//! in both encodings; analysis of random growth-doc-like text keeps every span inside the text
//! and on char boundaries, and gives the same result twice.

use proptest::prelude::*;
use rung::analysis::document::DocKind;
use rung::analysis::memo::Memo;
use rung::analysis::{Input, NoFileSystem, Settings, analyze};
use rung::lsp::{Encoding, OpenDocument};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// Byte offset of an LSP position in `text`, clamped as LSP servers must (independent of the
/// rope-based implementation under test).
fn reference_offset(text: &str, line: u32, col: u32, utf8: bool) -> usize {
    let bytes = text.as_bytes();
    let mut offset = 0;
    for _ in 0..line {
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

/// Text made of the pieces that make positions hard: multi-byte and astral chars, combining
/// marks, CRLF and lone CR.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("é".to_string()),
        Just("e\u{301}".to_string()),
        Just("漢".to_string()),
        Just("😀".to_string()),
        Just("𝄞".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just(" ".to_string()),
        Just("- ".to_string()),
        Just("## ".to_string()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

#[derive(Debug, Clone)]
struct Edit {
    start: (u32, u32),
    end: (u32, u32),
    text: String,
}

fn edit() -> impl Strategy<Value = Edit> {
    (0u32..6, 0u32..12, 0u32..6, 0u32..12, tricky_text()).prop_map(|(sl, sc, el, ec, text)| Edit {
        start: (sl, sc),
        end: (el, ec),
        text,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn edit_sequences_keep_the_text_equal_to_the_clients(initial in tricky_text(), edits in prop::collection::vec(edit(), 1..16), utf8 in any::<bool>()) {
        let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let mut document = OpenDocument::new(&initial, 1);
        let mut reference = initial.clone();
        for (i, edit) in edits.iter().enumerate() {
            let start = reference_offset(&reference, edit.start.0, edit.start.1, utf8);
            let end = reference_offset(&reference, edit.end.0, edit.end.1, utf8).max(start);
            reference.replace_range(start..end, &edit.text);
            let change = TextDocumentContentChangeEvent {
                range: Some(Range { start: Position { line: edit.start.0, character: edit.start.1 }, end: Position { line: edit.end.0, character: edit.end.1 } }),
                range_length: None,
                text: edit.text.clone(),
            };
            document.apply_changes(&[change], i as i32 + 2, encoding);
            prop_assert_eq!(document.text(), reference.clone());
        }
    }
}

fn growth_doc() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("## Ownership".to_string()),
        Just("## Wins".to_string()),
        Just("## 2026-03".to_string()),
        Just("## Didn't go well".to_string()),
        Just("## Do differently".to_string()),
        Just("### Ownrship 😀".to_string()),
        Just("- Cut p99 from 800 ms to 120 ms #ownership".to_string()),
        Just("- Helped with the 漢字 migration".to_string()),
        Just("- Worked on [docs](missing.md#x) TODO".to_string()),
        Just("  - nested detail: 35% faster".to_string()),
        Just("<!-- rung-disable-next-line vague-win -->".to_string()),
        Just("> - quoted item e\u{301}".to_string()),
        Just("```".to_string()),
        Just("plain prose with E6 and #tag".to_string()),
        Just(String::new()),
        "[ -~]{0,30}".prop_map(|s| s),
    ];
    let front = prop_oneof![
        Just(String::new()),
        Just("---\nkind: promo\nlevel: E5\ntarget: E6\n---\n".to_string()),
        Just(
            "---\nkind: growth-plan\nfocus: [delegation, hiring, vision, grit]\n---\n".to_string()
        ),
        Just("---\nkind: [broken\n---\n".to_string()),
        Just("---\nkind: brag\n".to_string()),
    ];
    let newline = prop_oneof![Just("\n"), Just("\r\n")];
    (front, prop::collection::vec(line, 0..30), newline)
        .prop_map(|(front, lines, nl)| format!("{front}{}", lines.join(nl)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn diagnostics_stay_inside_the_text_and_analysis_is_deterministic(text in growth_doc(), kind in 0usize..4) {
        let settings = Settings::default();
        let input = Input { forced_kind: Some(DocKind::ALL[kind]), today: Some("2026-11-27"), ..Input::new(&text) };
        let first = analyze(&input, &settings, &NoFileSystem);
        for diagnostic in &first.diagnostics {
            let span = diagnostic.span;
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            for related in &diagnostic.related {
                prop_assert!(related.span.end <= text.len() && text.is_char_boundary(related.span.start));
            }
            for edit in diagnostic.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(edit.span.end <= text.len() && text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
            }
        }
        let second = analyze(&input, &settings, &NoFileSystem);
        prop_assert_eq!(first.diagnostics, second.diagnostics);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The language server keeps a memo per document across edits: every analysis with it must
    /// equal a fresh analysis without it.
    #[test]
    fn an_analysis_with_a_kept_memo_equals_a_fresh_one(versions in prop::collection::vec(growth_doc(), 1..6), kind in 0usize..4) {
        let settings = Settings::default();
        let memo = Memo::new();
        for text in versions.iter().chain(versions.iter().rev()) {
            let fresh = Input { forced_kind: Some(DocKind::ALL[kind]), today: Some("2026-11-27"), ..Input::new(text) };
            let kept = Input { memo: Some(&memo), ..fresh };
            let with_memo = analyze(&kept, &settings, &NoFileSystem);
            let without = analyze(&fresh, &settings, &NoFileSystem);
            prop_assert_eq!(with_memo.diagnostics, without.diagnostics);
            // The judgement kept in the document (for the outline, lenses, readiness) is the
            // detector's own on each entry, with a memo or without.
            if let (Some(kept_doc), Some(fresh_doc)) = (&with_memo.document, &without.document) {
                for (idx, entry) in fresh_doc.entries.iter().enumerate() {
                    let judged = rung::analysis::impact::assess(&entry.full_text());
                    prop_assert_eq!(kept_doc.entry_impact(idx), judged);
                    prop_assert_eq!(fresh_doc.entry_impact(idx), judged);
                }
            }
        }
    }
}

/// A body large enough to be parsed in several pieces (each at least 16 KB, `MIN_PIECE_BYTES`), whose models and
/// the rules' results for their entries the memo keeps.
fn large_growth_doc() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("## Wins"),
        Just("## Ownership"),
        Just("## 2026-03"),
        Just("- Cut p99 from 800 ms to 120 ms #ownership"),
        Just("- Helped with the 漢字 migration"),
        Just("- Worked on [docs](missing.md#x) TODO"),
        Just("  - nested detail: 35% faster"),
        Just("- Improved the build queue."),
        // Untagged, under a free section: inference reads the ownership signals in it.
        Just("- Took ownership of the on-call runbook end to end"),
        Just("plain prose with TBD and #tag"),
        Just(""),
    ];
    prop::collection::vec(line, 8..24).prop_map(|lines| {
        let block = lines.join("\n");
        let mut doc = String::from("---\nkind: promo\nlevel: E5\ntarget: E6\n---\n");
        let mut i = 0;
        while doc.len() < 150_000 {
            doc.push_str(&format!("\n## Section {i}\n- Entry {i} of many\n{block}\n"));
            i += 1;
        }
        doc
    })
}

/// An edit at a fraction of the document: what typing, deleting and pasting do.
fn large_edit() -> impl Strategy<Value = (f64, &'static str, usize)> {
    let insert = prop_oneof![
        Just(""),
        Just("x"),
        Just(" by 40%"),
        Just("\n"),
        Just("\n- Helped"),
        Just("\n## Wins\n"),
        Just("```\n"),
        Just("TODO"),
    ];
    (0.0..1.0f64, insert, 0usize..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// The kept pieces' results equal what a fresh analysis computes, as edits move, split and
    /// change pieces, and as typing goes on in one place.
    #[test]
    fn kept_pieces_results_equal_a_fresh_analysis(doc in large_growth_doc(), edits in prop::collection::vec(large_edit(), 1..5)) {
        let settings = Settings::default();
        let memo = Memo::new();
        // Large enough for the body to be parsed in several pieces, whose models the memo keeps.
        prop_assert!(doc.len() > 2 * rung::analysis::chunks::MIN_PIECE_BYTES);
        let mut text = doc;
        let check = |text: &str| -> Result<(), TestCaseError> {
            let fresh = Input { file_name: Some("promo.md"), today: Some("2026-11-27"), ..Input::new(text) };
            let kept = Input { memo: Some(&memo), ..fresh };
            let with_memo = analyze(&kept, &settings, &NoFileSystem);
            let without = analyze(&fresh, &settings, &NoFileSystem);
            prop_assert_eq!(with_memo.diagnostics, without.diagnostics);
            // Inference keeps what it reads of each entry in the kept pieces (made after the
            // analysis, at the first request that shows it): the same as inferring afresh.
            if let (Some(kept_doc), Some(fresh_doc)) = (&with_memo.document, &without.document) {
                let ladder = settings.catalogue.ladder(&kept_doc.ladder_id).expect("its ladder");
                prop_assert_eq!(kept_doc.inference(ladder), fresh_doc.inference(ladder));
            }
            Ok(())
        };
        check(&text)?;
        for (at, insert, delete) in edits {
            // The same edit twice at one place, as typing does, then elsewhere.
            for _ in 0..2 {
                let mut start = ((text.len() as f64) * at) as usize;
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + delete).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(start..end, insert);
                check(&text)?;
            }
        }
    }
}

/// What `Document::evidenced_traits` must answer, as the definition reads: for each section
/// naming the trait (alone or among others), look at every entry and section inside its span;
/// or an entry inference gives the trait.
fn evidenced_by_definition(
    doc: &rung::analysis::document::Document,
    ladder: &rung::catalogue::Ladder,
    trait_idx: usize,
    trait_id: &str,
) -> bool {
    use rung::analysis::document::SectionKind;
    let section_has_content = |idx: usize| {
        let span = doc.sections[idx].span;
        doc.entries
            .iter()
            .any(|e| span.contains_span(e.span) && !e.is_placeholder)
            || doc
                .sections
                .iter()
                .any(|s| span.contains_span(s.span) && s.n_prose_blocks > 0)
    };
    let by_section = doc.sections.iter().enumerate().any(|(idx, s)| {
        let names_it = match s.kind {
            SectionKind::Trait(t) => t == trait_idx,
            SectionKind::Role(role) => role.implied_trait() == Some(trait_id),
            SectionKind::Free => false,
        } || doc
            .inference(ladder)
            .traits_of_section(idx)
            .is_some_and(|named| named.contains(&trait_idx));
        names_it && section_has_content(idx)
    });
    let by_inference = (0..doc.entries.len()).any(|e| {
        doc.inference(ladder)
            .of_entry(e)
            .iter()
            .any(|t| t.trait_idx as usize == trait_idx)
    });
    by_section
        || by_inference
        || doc.tags.iter().any(|tag| {
            tag.trait_idx == Some(trait_idx)
                && tag.entry.is_some_and(|e| !doc.entries[e].is_placeholder)
        })
}

/// What `readiness::trait_evidence` and `evidence_by_trait` must count, as the definition reads:
/// every non-placeholder entry under a section naming the trait (or a role section implying it),
/// or tagged with it, once, and how many of those state measurable impact.
fn trait_evidence_by_definition(
    doc: &rung::analysis::document::Document,
    ladder: &rung::catalogue::Ladder,
    trait_idx: usize,
) -> rung::analysis::readiness::TraitEvidence {
    use rung::analysis::document::{EntryRole, SectionKind};
    use rung::analysis::impact::{Impact, assess};
    let trait_id = ladder.traits[trait_idx].id.as_str();
    let mut n_evidence = 0;
    let mut n_inferred = 0;
    let mut n_measurable = 0;
    for (entry_idx, entry) in doc
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.is_placeholder)
    {
        let by_section = entry.role == EntryRole::Evidence(trait_idx)
            || entry.section.is_some_and(|idx| {
                doc.ancestors(idx).any(|s| {
                    matches!(s.kind, SectionKind::Role(role) if role.implied_trait() == Some(trait_id))
                })
            });
        let by_tag = entry
            .tags
            .iter()
            .any(|t| doc.tags[t].trait_idx == Some(trait_idx));
        let added = doc
            .inference(ladder)
            .of_entry(entry_idx)
            .iter()
            .find(|t| t.trait_idx as usize == trait_idx);
        let only_inferred = !by_section
            && !by_tag
            && added.is_some_and(|t| t.found == rung::analysis::infer::Found::Inferred);
        if by_section || by_tag || added.is_some() {
            n_evidence += 1;
            n_inferred += usize::from(only_inferred);
            if assess(&entry.full_text()) == Impact::Measurable {
                n_measurable += 1;
            }
        }
    }
    rung::analysis::readiness::TraitEvidence {
        trait_idx,
        n_evidence,
        n_inferred,
        n_measurable,
    }
}

/// Nested headings of trait and role sections, some empty, some holding only placeholders or
/// prose, items with headings inside them, and tags.
fn sectioned_doc() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("# Promo"),
        Just("## Ownership"),
        Just("### Ownership"),
        Just("#### Delivery"),
        Just("## Mentoring"),
        Just("### Glue work"),
        Just("## Wins"),
        Just("## Notes"),
        Just("- Cut p99 from 800 ms to 120 ms"),
        Just("- TODO"),
        Just("  - nested detail"),
        Just("- ## Ownership"),
        Just("> - quoted item"),
        Just("plain prose about the work"),
        Just("TBD"),
        Just("- Led the review #ownership"),
        Just("- TODO #delivery"),
        Just("- Mentored two hires #mentorship #ownership"),
        Just("- Cut build time by 40% #delivery"),
        Just("- Coached two engineers until both ran on-call alone"),
        Just("- Shipped the importer and wrote the RFC #craft"),
        Just("- **Communication:** gave a talk at the all-hands"),
        Just("## Collaboration and mentorship"),
        Just("### Feedback"),
        Just(""),
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| {
        format!(
            "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n{}\n",
            lines.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Which traits have evidence, and how much, as the rules and the outline work them out in
    /// one pass, equal what the definitions say trait by trait.
    #[test]
    fn evidence_of_traits_follows_the_definition(text in sectioned_doc()) {
        let settings = Settings::default();
        let analysis = analyze(&Input::new(&text), &settings, &NoFileSystem);
        let doc = analysis.document.expect("a promo doc");
        let ladder = settings.catalogue.ladder(&doc.ladder_id).expect("the built-in ladder");
        let holding = doc.sections_holding_entries();
        for (idx, holds) in holding.iter().enumerate() {
            // The definition: a non-placeholder entry anywhere in the section's span (a
            // paragraph counts as the section's prose, not as an entry it holds).
            let span = doc.sections[idx].span;
            let by_definition = doc.entries.iter().any(|e| {
                span.contains_span(e.span)
                    && !e.is_placeholder
                    && e.form != rung::analysis::document::EntryForm::Paragraph
            });
            prop_assert_eq!(*holds, by_definition);
        }
        // As the rules see it: inference made only when an answer they need depends on it.
        let lazy = doc.evidenced_traits(&ladder.traits);
        doc.inference(ladder);
        let evidenced = doc.evidenced_traits(&ladder.traits);
        let asked: Vec<usize> = ladder.find_level("E6").unwrap().traits.iter()
            .filter_map(|id| ladder.traits.iter().position(|t| &t.id == id))
            .chain(doc.trait_sections().map(|(_, _, t)| t))
            .collect();
        for &t in &asked {
            prop_assert_eq!(lazy[t], evidenced[t], "{}", ladder.traits[t].id);
        }
        let counts = rung::analysis::readiness::evidence_by_trait(&doc, ladder);
        for (idx, tr) in ladder.traits.iter().enumerate() {
            prop_assert_eq!(evidenced[idx], evidenced_by_definition(&doc, ladder, idx, &tr.id), "{}", tr.id);
            // The outline's counts, made in one pass, and a hover's, for one trait, equal the
            // definition.
            let by_definition = trait_evidence_by_definition(&doc, ladder, idx);
            prop_assert_eq!(&counts[idx], &by_definition);
            prop_assert_eq!(&rung::analysis::readiness::trait_evidence(&doc, ladder, idx), &by_definition);
        }
    }
}
