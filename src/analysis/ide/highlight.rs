//! Highlighting: what the semantic tokens mark — traits (headings and `#tags`), levels (in the
//! front matter and in prose), measured quantities in wins, the front-matter keys rung reads and
//! role headings — as non-overlapping byte spans in document order.

use crate::analysis::document::{Document, SectionKind};
use crate::analysis::impact;
use crate::analysis::rules::unknown_front_matter_key::KNOWN_KEYS;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;

/// What a highlighted span is. The order breaks ties between spans that start and end at the
/// same place: the first kind wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HighlightKind {
    /// A trait: a trait heading's text or a `#tag`.
    Trait,
    /// A level: a front-matter value or a mention in prose.
    Level,
    /// A measured quantity in a win.
    Measure,
    /// A front-matter key rung reads.
    Key,
    /// A role heading (Wins, Feedback, Next steps…).
    Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub kind: HighlightKind,
}

/// The highlights of `doc`, optionally only those overlapping `within`: sorted, non-empty and
/// never overlapping (of two that do, the first wins). A span may cross lines; editors that
/// need one token per line split it.
pub fn highlights(
    text: &str,
    doc: &Document,
    ladder: Option<&Ladder>,
    within: Option<Span>,
) -> Vec<Highlight> {
    highlights_with(text, doc, ladder, within, &mut MeasureCache::default())
}

/// The measures found in entry texts, kept from one request to the next: reading the measures
/// of every entry (the impact detector's reading, entry by entry) was most of the cost of a
/// large document's semantic tokens, and after an edit nearly every entry's text is the same.
/// Keyed by the text itself, so what it answers is what reading the text again would.
#[derive(Default)]
pub struct MeasureCache {
    by_text: rustc_hash::FxHashMap<std::sync::Arc<str>, Vec<std::ops::Range<usize>>>,
}

impl MeasureCache {
    /// The measures of `text`, read once.
    fn measures(&mut self, text: &std::sync::Arc<str>) -> &[std::ops::Range<usize>] {
        self.by_text
            .entry(text.clone())
            .or_insert_with(|| impact::measure_ranges(text))
    }
}

/// [`highlights`], with the measures of entries read before taken from `cache`. A request for
/// the whole document leaves in the cache only its entries' texts, so it holds no more than one
/// version of the document.
pub fn highlights_with(
    text: &str,
    doc: &Document,
    ladder: Option<&Ladder>,
    within: Option<Span>,
    cache: &mut MeasureCache,
) -> Vec<Highlight> {
    let mut spans: Vec<(Span, HighlightKind)> = Vec::new();
    for section in &doc.sections {
        match section.kind {
            SectionKind::Trait(_) => spans.push((section.title_span, HighlightKind::Trait)),
            SectionKind::Role(_) => spans.push((section.title_span, HighlightKind::Role)),
            SectionKind::Free => {}
        }
    }
    spans.extend(
        doc.tags
            .iter()
            .filter(|t| t.trait_idx.is_some())
            .map(|t| (t.span, HighlightKind::Trait)),
    );
    if let Some(fm) = &doc.front_matter {
        for entry in &fm.entries {
            if KNOWN_KEYS.contains(&entry.key.as_str()) {
                spans.push((entry.key_span, HighlightKind::Key));
            }
            if matches!(entry.key.as_str(), "level" | "target") && !entry.value_span.is_empty() {
                spans.push((entry.value_span, HighlightKind::Level));
            }
        }
    }
    // Reading levels in prose and measures in entries is the costly part: only where asked.
    let overlaps = |span: Span| within.is_none_or(|r| span.start < r.end && r.start < span.end);
    if let Some(ladder) = ladder {
        // Only ids with a digit are marked in prose (`E5`, not `Staff`), so a run without a
        // digit holds none: most runs of a large draft are skipped without a search per level.
        let levels: Vec<&str> = ladder
            .levels
            .iter()
            .map(|level| level.id.as_str())
            .filter(|id| id.bytes().any(|b| b.is_ascii_digit()))
            .collect();
        for run in doc.prose_runs.iter().filter(|run| overlaps(**run)) {
            let source = &text[run.start..run.end];
            if levels.is_empty() || !source.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            for id in &levels {
                for (at, _) in source.match_indices(id) {
                    let before = source[..at].chars().next_back();
                    let after = source[at + id.len()..].chars().next();
                    if !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                    {
                        spans.push((
                            Span::new(run.start + at, run.start + at + id.len()),
                            HighlightKind::Level,
                        ));
                    }
                }
            }
        }
    }
    spans.extend(
        measured_spans_with(doc, within, cache)
            .into_iter()
            .map(|s| (s, HighlightKind::Measure)),
    );
    if let Some(range) = within {
        spans.retain(|(s, _)| s.start < range.end && range.start < s.end);
    }
    spans.retain(|(s, _)| !s.is_empty());
    spans.sort_by_key(|(s, kind)| (s.start, s.end, *kind));
    spans.dedup_by(|b, a| b.0.start < a.0.end); // no overlaps: the first wins
    spans
        .into_iter()
        .map(|(span, kind)| Highlight { span, kind })
        .collect()
}

/// Spans of measured quantities in wins and evidence, for semantic highlighting; with
/// `within`, only in the entries that overlap it.
pub fn measured_spans(doc: &Document, within: Option<Span>) -> Vec<Span> {
    measured_spans_with(doc, within, &mut MeasureCache::default())
}

fn measured_spans_with(
    doc: &Document,
    within: Option<Span>,
    cache: &mut MeasureCache,
) -> Vec<Span> {
    if within.is_none() {
        // Only this version's texts stay.
        let mut kept = MeasureCache::default();
        for entry in &doc.entries {
            if !kept.by_text.contains_key(&*entry.text) {
                let measures = match cache.by_text.remove(&*entry.text) {
                    Some(measures) => measures,
                    None => impact::measure_ranges(&entry.text),
                };
                kept.by_text.insert(entry.text.clone(), measures);
            }
        }
        *cache = kept;
    } else if cache.by_text.len() > 2 * doc.entries.len() + 64 {
        // Ranges asked for after many edits: start again rather than grow.
        cache.by_text.clear();
    }
    let mut spans = Vec::new();
    let overlaps = |span: Span| within.is_none_or(|r| span.start < r.end && r.start < span.end);
    for entry in doc.entries.iter().filter(|e| overlaps(e.span)) {
        for range in cache.measures(&entry.text) {
            if let Some(span) = entry.source_span(range.start, range.end) {
                spans.push(span);
            }
        }
    }
    spans
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ide::ladder_of;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn measured_quantities_are_located() {
        let text = "---\nkind: promo\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms, saving $40k; shipped v2.3\n";
        let analysis = analyze(&Input::new(text), &Settings::default(), &NoFileSystem);
        let spans = measured_spans(analysis.document.as_ref().unwrap(), None);
        let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert!(found.iter().any(|f| f.contains("800 ms")), "{found:?}");
        assert!(found.iter().any(|f| f.contains("$40k")), "{found:?}");
        assert!(!found.iter().any(|f| f.contains("2.3")), "{found:?}");
    }

    #[test]
    fn highlights_are_sorted_and_never_overlap() {
        let text = "---\nkind: promo\ntarget: E6\n---\n## Ownership\n- Cut p99 by 80% #ownership, ready for E6\n## Wins\n";
        let settings = Settings::default();
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        let ladder = crate::analysis::ide::ladder_of(&analysis, &settings);
        let doc = analysis.document.as_ref().unwrap();
        let got: Vec<(HighlightKind, &str)> = highlights(text, doc, ladder, None)
            .into_iter()
            .map(|h| (h.kind, &text[h.span.start..h.span.end]))
            .collect();
        use HighlightKind::*;
        assert_eq!(
            got,
            [
                (Key, "kind"),
                (Key, "target"),
                (Level, "E6"),
                (Trait, "Ownership"),
                (Measure, "80%"),
                (Trait, "#ownership"),
                (Level, "E6"),
                (Role, "Wins"),
            ]
        );
        // Within a range: what overlaps it, the same as filtering them all.
        let line = text.find("- Cut").unwrap();
        let within = Span::new(line, line + 12);
        let all = highlights(text, doc, ladder, None);
        let expected: Vec<Highlight> = all
            .into_iter()
            .filter(|h| h.span.start < within.end && within.start < h.span.end)
            .collect();
        assert_eq!(highlights(text, doc, ladder, Some(within)), expected);
    }

    /// Measures kept from one request to the next answer what reading the texts again does,
    /// after edits that change, add and remove entries, for whole documents and ranges.
    #[test]
    fn kept_measures_equal_measures_read_again() {
        let settings = Settings::default();
        let versions = [
            "---\nkind: brag\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms for 3 teams\n- Helped the team\n",
            "---\nkind: brag\n---\n## Wins\n- Cut p99 from 800 ms to 90 ms for 3 teams\n- Helped the team\n- Saved $20k a year\n",
            "---\nkind: brag\n---\n## Wins\n- Saved $20k a year\n",
            "---\nkind: brag\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms for 3 teams\n- Saved $20k a year\n",
        ];
        let mut cache = MeasureCache::default();
        for text in versions {
            let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
            let doc = analysis.document.as_ref().unwrap();
            let ladder = ladder_of(&analysis, &settings);
            for within in [Some(Span::new(text.len() / 2, text.len())), None] {
                assert_eq!(
                    highlights_with(text, doc, ladder, within, &mut cache),
                    highlights(text, doc, ladder, within),
                    "{text:?} {within:?}"
                );
            }
            assert!(
                cache.by_text.len() <= doc.entries.len(),
                "only this version's texts"
            );
        }
    }
}
