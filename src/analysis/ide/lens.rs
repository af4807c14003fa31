//! Code lenses: on a promo doc's front matter, how many of the target level's traits it
//! evidences; on each trait heading, that trait's counts.

use crate::analysis::case::{CaseFacts, evidence_counts};
use crate::analysis::document::{DocKind, Document};
use crate::analysis::readiness::{TraitEvidence, readiness_from};
use crate::analysis::text::Span;
use crate::catalogue::Ladder;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// Where the lens stands: the start of the front matter or of a heading.
    pub at: usize,
    pub title: String,
}

/// `case`: what the other docs of the doc's case evidence, counted with its own.
pub fn lenses(doc: &Document, ladder: &Ladder, case: Option<&CaseFacts>) -> Vec<Lens> {
    // Counted once for the readiness lens and every trait section's.
    // With the other docs of its case: a brag doc's tagged entries count here.
    lenses_counted(doc, ladder, &evidence_counts(doc, ladder, case))
}

/// [`lenses`] given the evidence counts [`evidence_counts`] made for `doc`, `ladder` and its
/// case (the language server counts them once per analysed text).
pub fn lenses_counted(doc: &Document, ladder: &Ladder, evidence: &[TraitEvidence]) -> Vec<Lens> {
    let mut lenses = Vec::new();
    if doc.kind == DocKind::Promo
        && let Some(report) = readiness_from(doc, ladder, evidence)
    {
        let level = &ladder.levels[report.level_idx];
        let at = doc
            .front_matter
            .as_ref()
            .map_or(Span::empty_at(0), |fm| fm.span);
        let only_inferred = match report.n_only_inferred() {
            0 => String::new(),
            n => format!(" ({n} only inferred)"),
        };
        lenses.push(Lens {
            at: at.start,
            title: format!(
                "{}: {} of {} expected traits evidenced{only_inferred}",
                level.id,
                report.n_evidenced(),
                report.traits.len()
            ),
        });
    }
    for (_, section, trait_idx) in doc.trait_sections() {
        lenses.push(Lens {
            at: section.heading.start,
            title: evidence[trait_idx].summary(),
        });
    }
    // A heading of two traits gets a lens for each.
    for (section_idx, named) in &doc.inference(ladder).multi_trait_sections {
        for &trait_idx in named {
            lenses.push(Lens {
                at: doc.sections[*section_idx].heading.start,
                title: format!(
                    "{}: {}",
                    ladder.traits[trait_idx].name,
                    evidence[trait_idx].summary()
                ),
            });
        }
    }
    lenses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ide::ladder_of;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn readiness_on_the_front_matter_and_counts_on_trait_headings() {
        let text =
            "---\nkind: promo\ntarget: E6\n---\n## Ownership\n- Cut failures by 80% for 3 teams.\n";
        let settings = Settings::default();
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        let doc = analysis.document.as_ref().unwrap();
        let got = lenses(doc, ladder_of(&analysis, &settings).unwrap(), None);
        assert_eq!(got[0].at, 0);
        assert!(
            got[0]
                .title
                .starts_with("E6: 1 of 7 expected traits evidenced"),
            "{got:?}"
        );
        assert_eq!(
            got[1],
            Lens {
                at: text.find("## Ownership").unwrap(),
                title: "1 evidence · 1 measurable".to_string()
            }
        );
    }
}
