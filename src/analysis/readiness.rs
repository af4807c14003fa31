//! How ready a promo doc is for its target level: per expected trait, how many entries evidence
//! it and how many of those state measurable impact. Feeds `rung report` and the readiness lens.

use super::document::{Document, Entry, EntryRole, SectionKind};
use super::impact::{Impact, assess};
use crate::catalogue::Ladder;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraitEvidence {
    pub trait_idx: usize,
    pub n_evidence: usize,
    pub n_measurable: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Index of the target level in the ladder.
    pub level_idx: usize,
    pub traits: Vec<TraitEvidence>,
}

impl Readiness {
    pub fn n_evidenced(&self) -> usize {
        self.traits.iter().filter(|t| t.n_evidence > 0).count()
    }
}

/// The traits `entry` is evidence for, into `traits` (sorted, each once): the trait its section
/// names, traits implied by a role section above it, and the traits its tags name. A placeholder
/// is evidence for nothing.
fn traits_evidenced_by(doc: &Document, ladder: &Ladder, entry: &Entry, traits: &mut Vec<usize>) {
    traits.clear();
    if entry.is_placeholder {
        return;
    }
    if let EntryRole::Evidence(trait_idx) = entry.role {
        traits.push(trait_idx);
    }
    for section in entry.section.into_iter().flat_map(|idx| doc.ancestors(idx)) {
        if let SectionKind::Role(role) = section.kind
            && let Some(implied) = role.implied_trait()
        {
            let named = ladder.traits.iter().enumerate();
            traits.extend(named.filter(|(_, t)| t.id == implied).map(|(idx, _)| idx));
        }
    }
    traits.extend(entry.tags.iter().filter_map(|t| doc.tags[t].trait_idx));
    traits.sort_unstable();
    traits.dedup();
}

/// Evidence for one trait: entries under its section (or a role section implying it) and
/// entries tagged with it, placeholders left out, each entry counted once. Only that trait's
/// entries are assessed (a hover asks for one).
pub fn trait_evidence(doc: &Document, ladder: &Ladder, trait_idx: usize) -> TraitEvidence {
    let mut evidence = TraitEvidence {
        trait_idx,
        n_evidence: 0,
        n_measurable: 0,
    };
    let mut traits = Vec::new();
    for entry in &doc.entries {
        traits_evidenced_by(doc, ladder, entry, &mut traits);
        if traits.contains(&trait_idx) {
            evidence.n_evidence += 1;
            evidence.n_measurable += usize::from(assess(&entry.full_text()) == Impact::Measurable);
        }
    }
    evidence
}

/// [`trait_evidence`] for every trait of the ladder (indexed by trait), in one pass over the
/// entries: each entry's impact is assessed once, however many traits it counts for. The
/// outline and the lenses show counts for every trait section; asking trait by trait took
/// 0.8 s on a 1 MB draft with 1,255 sections.
pub fn evidence_by_trait(doc: &Document, ladder: &Ladder) -> Vec<TraitEvidence> {
    let mut all: Vec<TraitEvidence> = (0..ladder.traits.len())
        .map(|trait_idx| TraitEvidence {
            trait_idx,
            n_evidence: 0,
            n_measurable: 0,
        })
        .collect();
    let mut traits = Vec::new();
    for entry in &doc.entries {
        traits_evidenced_by(doc, ladder, entry, &mut traits);
        if traits.is_empty() {
            continue;
        }
        let is_measurable = assess(&entry.full_text()) == Impact::Measurable;
        for &trait_idx in &traits {
            if let Some(evidence) = all.get_mut(trait_idx) {
                evidence.n_evidence += 1;
                evidence.n_measurable += usize::from(is_measurable);
            }
        }
    }
    all
}

/// Readiness against the `target:` of the front matter, when it names a level of the ladder.
pub fn readiness(doc: &Document, ladder: &Ladder) -> Option<Readiness> {
    readiness_from(doc, ladder, &evidence_by_trait(doc, ladder))
}

/// [`readiness`] from counts already made by [`evidence_by_trait`] (the lenses show both).
pub fn readiness_from(
    doc: &Document,
    ladder: &Ladder,
    evidence: &[TraitEvidence],
) -> Option<Readiness> {
    let (target, _) = doc.front_matter.as_ref()?.text("target")?;
    let level_idx = ladder.level_index(target)?;
    let traits = ladder.levels[level_idx]
        .traits
        .iter()
        .filter_map(|id| ladder.traits.iter().position(|t| &t.id == id))
        .filter_map(|trait_idx| evidence.get(trait_idx).cloned())
        .collect();
    Some(Readiness { level_idx, traits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};

    #[test]
    fn counts_evidence_by_section_tag_and_role_once_each() {
        let text = "---\nkind: promo\ntarget: E5\n---\n## Ownership\n- Owned the retry service; failures fell by 80%.\n- Owned the runbook #ownership\n- TODO\n## Wins\n- Cut p99 from 800 ms to 120 ms #ownership\n## Mentoring\n- Mentored two hires.\n";
        let settings = Settings::default();
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        let ladder = settings.catalogue.ladder("bigtech").unwrap();
        let report = readiness(analysis.document.as_ref().unwrap(), ladder).unwrap();
        let find = |id: &str| {
            report
                .traits
                .iter()
                .find(|t| ladder.traits[t.trait_idx].id == id)
                .unwrap()
                .clone()
        };
        let ownership = find("ownership");
        assert_eq!((ownership.n_evidence, ownership.n_measurable), (3, 2));
        assert_eq!(find("mentorship").n_evidence, 1);
        assert_eq!(find("craft").n_evidence, 0);
        assert_eq!(report.n_evidenced(), 2);
    }
}
