//! The outline (document symbols): each section as a node, nested as the headings nest, with
//! its trait's evidence counts; under it the wins and evidence entries it holds (and any entry
//! whose traits inference found), each saying whether it is measurable and which traits it
//! counts for that no heading or tag of its own names.

use crate::analysis::case::{CaseFacts, evidence_counts};
use crate::analysis::document::{Document, Entry, EntryRole, SectionKind};
use crate::analysis::impact::Impact;
use crate::analysis::infer::Inference;
use crate::analysis::readiness::TraitEvidence;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;
use std::borrow::Cow;

/// What an outline node is, so editors can show the right icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    TraitSection,
    RoleSection,
    FreeSection,
    Entry,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineItem {
    pub name: String,
    /// Most entries' details are one of two fixed phrases: those are not copied for each entry.
    pub detail: Option<Cow<'static, str>>,
    pub kind: OutlineKind,
    /// The whole node: a section from its heading to its end, an entry with its detail.
    pub span: Span,
    /// What to select when the node is picked: a heading, an entry's text.
    pub selection: Span,
    pub children: Vec<OutlineItem>,
}

/// At most `max_chars` characters of `text`, trimmed, with `…` when cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    shorten_trimmed(text.trim(), max_chars)
}

/// [`shorten`] of text already trimmed. Reads no further than the cut: an outline names every
/// entry of a document, and counting or copying whole long entries cost more than the rest of
/// the outline (a 1 MB doc's outline was half `chars().count()` and `collect::<String>()`).
fn shorten_trimmed(text: &str, max_chars: usize) -> String {
    // No more bytes than that is no more characters: most names need no count.
    if text.len() <= max_chars {
        return text.to_string();
    }
    let cut = if text.as_bytes()[..=max_chars].is_ascii() {
        // Characters are bytes up to one past the cut, and there is one past it.
        max_chars.saturating_sub(1)
    } else {
        let mut chars = text.char_indices().skip(max_chars.saturating_sub(1));
        match (chars.next(), chars.next()) {
            (Some((cut, _)), Some(_)) if max_chars > 0 => cut,
            (Some(_), Some(_)) => 0,
            _ => return text.to_string(),
        }
    };
    let mut out = String::with_capacity(cut + '…'.len_utf8());
    out.push_str(&text[..cut]);
    out.push('…');
    out
}

/// An entry's text on one line, cut to 60 characters: its name in the outline and in symbol
/// searches.
pub fn entry_label(entry: &Entry) -> String {
    one_line_label(&entry.text)
}

fn one_line_label(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    // A byte search (a `char` pattern decodes every character of the entry, which was most of
    // the label's cost on a large doc).
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
        return shorten_trimmed(text, MAX);
    }
    // Line breaks become spaces in the part the label can show (one character past the cut
    // tells whether it is cut), not in the whole entry.
    let head = text
        .char_indices()
        .nth(MAX + 1)
        .map_or(text, |(at, _)| &text[..at]);
    shorten_trimmed(&head.replace(['\n', '\r'], " "), MAX)
}

/// The outline of `doc`, read against `ladder` when there is one.
/// `case`: what the other docs of the doc's case evidence, counted in the trait sections' details.
pub fn outline(
    doc: &Document,
    ladder: Option<&Ladder>,
    case: Option<&CaseFacts>,
) -> Vec<OutlineItem> {
    let evidence = ladder.map(|l| evidence_counts(doc, l, case));
    outline_counted(doc, ladder, evidence.as_deref())
}

/// [`outline`] given the evidence counts [`evidence_counts`] made for `doc`, `ladder` and its
/// case (`None` without a ladder): the language server counts them once per analysed text, for
/// the outline and the lenses alike.
pub fn outline_counted(
    doc: &Document,
    ladder: Option<&Ladder>,
    evidence: Option<&[TraitEvidence]>,
) -> Vec<OutlineItem> {
    let mut items: Vec<(Option<usize>, OutlineItem)> = Vec::with_capacity(doc.sections.len());
    let no_inference = Inference::default();
    let inference = ladder.map_or(&no_inference, |l| doc.inference(l));
    // Wins and evidence, and any entry whose traits inference found, by section and then in
    // document order: one list (a list per section regrew thousands of times on a large doc).
    let mut shown: Vec<(usize, usize, &Entry)> = doc
        .entries
        .iter()
        .enumerate()
        .filter(|(idx, e)| {
            (matches!(e.role, EntryRole::Win | EntryRole::Evidence(_))
                || !inference.of_entry(*idx).is_empty())
                && !e.is_placeholder
        })
        .filter_map(|(entry_idx, entry)| {
            let section = entry.section.filter(|&s| s < doc.sections.len())?;
            Some((section, entry_idx, entry))
        })
        .collect();
    // Stable, and the entries are nearly in section order already: close to one pass.
    shown.sort_by_key(|&(section, _, _)| section);
    let mut next_shown = 0;
    for (idx, section) in doc.sections.iter().enumerate() {
        let (kind, detail) = match section.kind {
            SectionKind::Trait(t) => {
                let counts = evidence.and_then(|all| all.get(t));
                (
                    OutlineKind::TraitSection,
                    counts.map(|c| c.summary().into()),
                )
            }
            SectionKind::Role(role) => (OutlineKind::RoleSection, Some(role.id().into())),
            SectionKind::Free => (OutlineKind::FreeSection, None),
        };
        // A heading of two traits shows both traits' counts.
        let detail = match (inference.traits_of_section(idx), evidence, ladder) {
            (Some(named), Some(all), Some(ladder)) => Some(Cow::Owned(
                named
                    .iter()
                    .filter_map(|&t| {
                        Some(format!(
                            "{}: {}",
                            ladder.traits[t].name,
                            all.get(t)?.summary()
                        ))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
            _ => detail,
        };
        // This section's entries are the next run of `shown` (the sections before it took theirs).
        let own = &shown[next_shown..];
        let own = &own[..own.partition_point(|&(section, _, _)| section <= idx)];
        next_shown += own.len();
        let mut children = Vec::with_capacity(own.len());
        for &(_, entry_idx, entry) in own {
            let mut detail = Cow::Borrowed(if doc.entry_impact(entry_idx) == Impact::Measurable {
                "measurable"
            } else {
                "no measurable result"
            });
            // "· inferred: Coordination, Scope": traits no heading or tag of its own names.
            if let Some(ladder) = ladder {
                let added = inference.of_entry(entry_idx);
                for (at, found) in added.iter().enumerate() {
                    let name = &ladder.traits[found.trait_idx as usize].name;
                    if at > 0 && added[at - 1].found == found.found {
                        detail.to_mut().push_str(", ");
                    } else {
                        let detail = detail.to_mut();
                        detail.push_str(" · ");
                        detail.push_str(found.found.label());
                        detail.push_str(": ");
                    }
                    detail.to_mut().push_str(name);
                }
            }
            children.push(OutlineItem {
                name: Some(entry_label(entry))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "(entry)".to_string()),
                detail: Some(detail),
                kind: OutlineKind::Entry,
                span: entry.span,
                selection: entry.text_span,
                children: Vec::new(),
            });
        }
        let name = if section.title.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            shorten(&section.title, 80)
        };
        items.push((
            section.parent,
            OutlineItem {
                name,
                detail,
                kind,
                span: Span::new(
                    section.span.start,
                    section.span.end.max(section.heading.end),
                ),
                selection: section.heading,
                children,
            },
        ));
    }
    // Nest each section under its parent. A section comes after its parent, so going from the
    // last to the first, every subtree is whole before it moves; each moves once, and its own
    // entries stay ahead of its subsections, as in the document. (Cloning each subtree into a
    // parent, at the front of its list, took 0.8 s on a 1 MB draft of 26,000 sections.)
    let mut subsections: Vec<Vec<OutlineItem>> = (0..items.len()).map(|_| Vec::new()).collect();
    let mut roots = Vec::new();
    while let Some((parent, mut item)) = items.pop() {
        let idx = items.len();
        let mut own = std::mem::take(&mut subsections[idx]);
        own.reverse();
        item.children.extend(own);
        match parent.filter(|&parent| parent < idx) {
            Some(parent) => subsections[parent].push(item),
            None => roots.push(item),
        }
    }
    roots.reverse();
    roots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ide::ladder_of;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    /// The outline as indented lines: `name — detail`.
    fn outline_of(text: &str) -> Vec<String> {
        let settings = Settings::default();
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        let doc = analysis.document.as_ref().unwrap();
        let mut lines = Vec::new();
        fn walk(items: &[OutlineItem], depth: usize, lines: &mut Vec<String>) {
            for item in items {
                lines.push(format!(
                    "{}{} — {}",
                    "  ".repeat(depth),
                    item.name,
                    item.detail.as_deref().unwrap_or("")
                ));
                walk(&item.children, depth + 1, lines);
            }
        }
        walk(
            &outline(doc, ladder_of(&analysis, &settings), None),
            0,
            &mut lines,
        );
        lines
    }

    #[test]
    fn sections_nest_with_their_entries_ahead_of_their_subsections() {
        let got = outline_of(
            "---\nkind: promo\n---\n# Case\n## Ownership\n- Cut failures by 80% for 3 teams.\n### Later\n- Improved the build.\n## Appendix\nprose\n",
        );
        assert_eq!(
            got,
            [
                "Case — ",
                "  Ownership — 2 evidence · 1 measurable",
                "    Cut failures by 80% for 3 teams. — measurable",
                "    Later — ",
                "      Improved the build. — no measurable result",
                "  Appendix — ",
            ],
        );
    }

    #[test]
    fn long_entries_are_cut_on_one_line() {
        assert_eq!(shorten("  abc  ", 3), "abc");
        assert_eq!(shorten("abcdef", 4), "abc…");
    }

    /// The names as they were made before the cut stopped reading at the cut: every character
    /// counted, the whole text copied, line breaks replaced in all of it.
    fn shorten_by_counting(text: &str, max_chars: usize) -> String {
        let text = text.trim();
        if text.chars().count() <= max_chars {
            text.to_string()
        } else {
            format!("{}…", text.chars().take(max_chars - 1).collect::<String>())
        }
    }

    #[test]
    fn names_are_cut_as_counting_every_character_cuts_them() {
        let pieces = ["a", "é", "日本", "🙂", " ", "\n", "\r\n", "word ", "\t"];
        // Every string of up to 70 pieces from a fixed walk over the pieces: cuts inside and
        // beside multi-byte characters, line breaks and spaces at the cut, short and long.
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 58) + (seed >> 33) % 60 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 40) as usize % pieces.len()]);
            }
            for max in [1, 4, 60, 80] {
                assert_eq!(
                    shorten(&text, max),
                    shorten_by_counting(&text, max),
                    "{text:?} {max}"
                );
            }
            let by_counting = shorten_by_counting(&text.replace(['\n', '\r'], " "), 60);
            assert_eq!(one_line_label(&text), by_counting, "{text:?}");
        }
    }
}
