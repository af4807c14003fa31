//! One person's docs as one case (DESIGN §1): a brag doc kept all year and the promo doc built
//! from it are read together. Evidence headed, tagged or inferred in any doc of the case counts
//! for the traits of the doc being analysed, and an entry that links to entries of another doc
//! (`See [March](brag.md#2026-03).`) is evidence through them and is judged by them.
//!
//! Pure: the adapters read the files (`project::LoadedCase`), analyse each alone, and pass the
//! models in as [`Member`]s. [`CaseFacts`] is what the *other* docs of a case tell the analysis
//! of one of them (through [`crate::analysis::Input::case`]); [`case_evidence`] lists, per
//! trait, every entry of the case that evidences it, for `rung report`, the lenses and hovers.

use super::document::Document;
use super::impact::Impact;
use super::infer::Found;
use super::parse::heading_anchor;
use super::readiness::{TraitEvidence, each_entry_traits};
use super::rules::broken_evidence_link::{dedupe_anchor, same_anchor};
use super::text::LineIndex;
use super::{LinkResolver, LinkTarget};
use crate::catalogue::{Catalogue, Ladder};
use std::collections::HashMap;
use std::sync::Arc;

/// How an entry came to count for a trait, as `rung report` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// A heading names the trait (its section, a role implying it, a `**Trait:**` lead-in).
    Heading,
    /// A `#trait` tag in the entry.
    Tag,
    /// A doc of the case links to the entry's heading from an entry that evidences the trait.
    Link,
    /// Inferred from the entry's wording: for the author to confirm with a tag or a heading.
    Inferred,
}

impl How {
    pub fn label(self) -> &'static str {
        match self {
            How::Heading => "heading",
            How::Tag => "tag",
            How::Link => "link",
            How::Inferred => "inferred",
        }
    }

    fn from_found(found: Found) -> How {
        match found {
            Found::Heading | Found::LeadIn => How::Heading,
            Found::Tag => How::Tag,
            Found::Inferred => How::Inferred,
        }
    }
}

/// One analysed doc of a case, as the adapter read it.
#[derive(Clone, Copy)]
pub struct Member<'a> {
    /// The doc's path, `/`-separated and lexically normal (absolute for files on disk): links
    /// from the other docs resolve against it.
    pub path: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
}

/// What one other doc of a case holds, kept owned so the language server can hold it between
/// analyses.
#[derive(Debug, Clone)]
pub struct OtherDoc {
    pub path: String,
    /// The doc's heading anchors, GitHub's way (what `broken-evidence-link` checks against).
    pub anchors: Arc<[String]>,
    /// Each section's anchor, and its parent.
    sections: Vec<(String, Option<usize>)>,
    pub entries: Vec<OtherEntry>,
}

/// One entry of another doc that is a claim: its place, text, measure and traits.
#[derive(Debug, Clone)]
pub struct OtherEntry {
    section: Option<usize>,
    /// 0-based line of the entry's text.
    pub line: usize,
    pub text: String,
    pub is_measurable: bool,
    /// Trait ids with how each was found (an entry's traits by the ladder of its own doc).
    pub traits: Vec<(String, How)>,
}

/// What the other docs of its case tell the analysis of one doc.
#[derive(Debug, Clone, Default)]
pub struct CaseFacts {
    /// The analysed doc's path (`/`-separated); links resolve from its folder.
    own: String,
    /// Shared: the language server keeps each doc's part in its workspace index.
    pub others: Vec<Arc<OtherDoc>>,
}

/// One entry of the case that evidences a trait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseEntry {
    /// `None` for an entry of the analysed doc, else the index into [`CaseFacts::others`].
    pub doc: Option<usize>,
    pub entry_idx: usize,
    pub how: How,
    pub is_measurable: bool,
}

impl CaseFacts {
    /// The facts the docs of `members` other than the one at `own` give it. Each other doc is
    /// read by its own ladder (from `catalogue`); its traits are carried by id.
    pub fn new(own: &str, members: &[Member], catalogue: &Catalogue) -> CaseFacts {
        let others = members
            .iter()
            .filter(|m| m.path != own)
            .filter_map(|m| {
                let ladder = catalogue.ladder(&m.doc.ladder_id)?;
                Some(Arc::new(other_doc(m, ladder)))
            })
            .collect();
        CaseFacts {
            own: own.to_string(),
            others,
        }
    }

    /// The facts of the doc at `own` from other docs already read (`OtherDoc::of`); the
    /// doc's own part, if among them, is left out.
    pub fn from_others(own: &str, others: Vec<Arc<OtherDoc>>) -> CaseFacts {
        CaseFacts {
            own: own.to_string(),
            others: others.into_iter().filter(|d| d.path != own).collect(),
        }
    }

    /// True when no other doc is in the case.
    pub fn is_empty(&self) -> bool {
        self.others.is_empty()
    }

    /// Which traits of `ladder` some entry of another doc evidences (indexed by trait).
    pub fn evidenced(&self, ladder: &Ladder) -> Vec<bool> {
        let mut evidenced = vec![false; ladder.traits.len()];
        let index = trait_index(ladder);
        for entry in self.others.iter().flat_map(|d| &d.entries) {
            for (id, _) in &entry.traits {
                if let Some(&t) = index.get(id.as_str()) {
                    evidenced[t] = true;
                }
            }
        }
        evidenced
    }

    /// The other doc a link destination (`brag.md#2026-03`, `../notes/brag.md`) names, and
    /// its anchor (empty when the link names the whole file).
    fn target<'d>(&self, destination: &'d str) -> Option<(usize, &'d str)> {
        let destination = destination.trim();
        let (path, anchor) = destination.split_once('#').unwrap_or((destination, ""));
        let path = path.split('?').next().unwrap_or(path);
        if path.is_empty() || path.contains("://") || path.starts_with('/') {
            return None;
        }
        let resolved = join(folder_of(&self.own), &path.replace("%20", " "));
        let doc = self.others.iter().position(|d| d.path == resolved)?;
        Some((doc, anchor))
    }

    /// The entries of other docs a link destination points at: those under the heading its
    /// anchor names (nested headings included). A link to a whole file names no entries.
    pub fn linked_entries(&self, destination: &str) -> Option<(usize, Vec<usize>)> {
        let (doc_idx, anchor) = self.target(destination)?;
        if anchor.is_empty() {
            return None;
        }
        let doc = &self.others[doc_idx];
        let section = doc
            .sections
            .iter()
            .position(|(a, _)| same_anchor(a, anchor))?;
        let under = |mut at: Option<usize>| {
            while let Some(idx) = at {
                if idx == section {
                    return true;
                }
                at = doc.sections[idx].1;
            }
            false
        };
        let entries = (0..doc.entries.len())
            .filter(|&e| under(doc.entries[e].section))
            .collect();
        Some((doc_idx, entries))
    }

    /// True when entry `entry_idx` of `doc` links to entries of the case one of which states
    /// measurable impact: the entry is judged by what it cites, not by its own few words.
    pub fn link_measured(&self, doc: &Document, entry_idx: usize) -> bool {
        if self.others.is_empty() {
            return false;
        }
        doc.entries[entry_idx].links.iter().any(|l| {
            self.linked_entries(&doc.links[l].destination)
                .is_some_and(|(d, entries)| {
                    entries
                        .iter()
                        .any(|&e| self.others[d].entries[e].is_measurable)
                })
        })
    }

    /// A resolver that answers for the docs of the case from their text as analysed (an open
    /// buffer's, saved or not), and asks `fallback` about any other file.
    pub fn links<'s>(&'s self, fallback: &'s dyn LinkResolver) -> CaseLinks<'s> {
        CaseLinks {
            facts: self,
            fallback,
        }
    }
}

/// See [`CaseFacts::links`].
pub struct CaseLinks<'a> {
    facts: &'a CaseFacts,
    fallback: &'a dyn LinkResolver,
}

impl LinkResolver for CaseLinks<'_> {
    fn resolve(&self, path: &str) -> LinkTarget {
        let resolved = join(folder_of(&self.facts.own), path);
        match self.facts.others.iter().find(|d| d.path == resolved) {
            Some(doc) => LinkTarget::Found {
                anchors: doc.anchors.clone(),
            },
            None => self.fallback.resolve(path),
        }
    }
}

fn trait_index(ladder: &Ladder) -> HashMap<&str, usize> {
    ladder
        .traits
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect()
}

impl OtherDoc {
    /// What `member` tells the other docs of its case, read by its own ladder (`None` when the
    /// catalogue lacks it).
    pub fn of(member: &Member, catalogue: &Catalogue) -> Option<OtherDoc> {
        let ladder = catalogue.ladder(&member.doc.ladder_id)?;
        Some(other_doc(member, ladder))
    }
}

fn other_doc(member: &Member, ladder: &Ladder) -> OtherDoc {
    let doc = member.doc;
    let mut seen = HashMap::new();
    let sections = doc
        .sections
        .iter()
        .map(|s| (dedupe_anchor(heading_anchor(&s.title), &mut seen), s.parent))
        .collect();
    let lines = LineIndex::new(member.text);
    let mut entries = Vec::new();
    each_entry_traits(doc, ladder, |idx, traits| {
        let entry = &doc.entries[idx];
        if !entry.is_claim() {
            return;
        }
        entries.push(OtherEntry {
            section: entry.section,
            line: lines.line_of(entry.text_span.start),
            text: entry.text.to_string(),
            is_measurable: doc.entry_impact(idx) == Impact::Measurable,
            traits: traits
                .iter()
                .map(|&(t, found)| (ladder.traits[t].id.clone(), How::from_found(found)))
                .collect(),
        });
    });
    OtherDoc {
        path: member.path.to_string(),
        anchors: super::parse::heading_anchors(member.text).into(),
        sections,
        entries,
    }
}

/// Every trait's evidence across the case (indexed by trait of `ladder`, the analysed doc's):
/// the doc's own entries (measurable when they are, or when what they link to is), the entries
/// of other docs they link to (for the linking entry's traits, unless the linked entry names
/// traits of its own by heading or tag), and every entry of another doc that evidences the trait. Each entry once
/// per trait, with the strongest way it was found.
pub fn case_evidence(doc: &Document, ladder: &Ladder, facts: &CaseFacts) -> Vec<Vec<CaseEntry>> {
    let mut all: Vec<Vec<CaseEntry>> = vec![Vec::new(); ladder.traits.len()];
    let index = trait_index(ladder);
    // The other docs' entries reached through links, per trait: added after the doc's own.
    let mut through: Vec<Vec<(usize, usize)>> = vec![Vec::new(); ladder.traits.len()];
    each_entry_traits(doc, ladder, |entry_idx, traits| {
        if traits.is_empty() {
            return;
        }
        let own_measure = doc.entry_impact(entry_idx) == Impact::Measurable;
        let is_measurable = own_measure || facts.link_measured(doc, entry_idx);
        let linked: Vec<(usize, usize)> = doc.entries[entry_idx]
            .links
            .iter()
            .filter_map(|l| facts.linked_entries(&doc.links[l].destination))
            .flat_map(|(d, entries)| entries.into_iter().map(move |e| (d, e)))
            .collect();
        for &(trait_idx, found) in traits {
            all[trait_idx].push(CaseEntry {
                doc: None,
                entry_idx,
                how: How::from_found(found),
                is_measurable,
            });
            let id = ladder.traits[trait_idx].id.as_str();
            through[trait_idx].extend(linked.iter().copied().filter(|&(d, e)| {
                // A linked entry that names traits of its own (by heading or tag) is
                // evidence of those; one that names none, or only shows some by its
                // wording, counts for what the citing entry claims.
                let own = &facts.others[d].entries[e].traits;
                let named = |how: &How| *how != How::Inferred;
                !own.iter().any(|(_, how)| named(how)) || own.iter().any(|(t, _)| t == id)
            }));
        }
    });
    for (d, other) in facts.others.iter().enumerate() {
        for (e, entry) in other.entries.iter().enumerate() {
            for (id, how) in &entry.traits {
                if let Some(&t) = index.get(id.as_str()) {
                    all[t].push(CaseEntry {
                        doc: Some(d),
                        entry_idx: e,
                        how: *how,
                        is_measurable: entry.is_measurable,
                    });
                }
            }
        }
    }
    for (t, linked) in through.into_iter().enumerate() {
        for (d, e) in linked {
            let kept = all[t]
                .iter_mut()
                .find(|c| c.doc == Some(d) && c.entry_idx == e);
            match kept {
                // Found by its own heading or tag: that is stronger than the link.
                Some(kept) if kept.how <= How::Link => {}
                Some(kept) => kept.how = How::Link,
                None => all[t].push(CaseEntry {
                    doc: Some(d),
                    entry_idx: e,
                    how: How::Link,
                    is_measurable: facts.others[d].entries[e].is_measurable,
                }),
            }
        }
    }
    all
}

/// Whether the analysis of `doc` reads the other docs of its case: a promo doc or growth plan
/// (their traits can be evidenced elsewhere), or any doc that links to another Markdown file
/// (an entry citing another doc's entries is judged by them).
pub fn reads_its_case(doc: &Document) -> bool {
    use super::document::DocKind;
    matches!(doc.kind, DocKind::Promo | DocKind::GrowthPlan)
        || doc.links.iter().any(|l| {
            let path = l.destination.split('#').next().unwrap_or("");
            let lower = path.to_ascii_lowercase();
            !lower.contains("://") && (lower.ends_with(".md") || lower.ends_with(".markdown"))
        })
}

/// Every trait's evidence counts (indexed by trait): across the case when `facts` holds
/// other docs, else of the doc alone ([`super::readiness::evidence_by_trait`]).
pub fn evidence_counts(
    doc: &Document,
    ladder: &Ladder,
    facts: Option<&CaseFacts>,
) -> Vec<TraitEvidence> {
    match facts.filter(|f| !f.is_empty()) {
        Some(facts) => case_counts(&case_evidence(doc, ladder, facts)),
        None => super::readiness::evidence_by_trait(doc, ladder),
    }
}

/// The counts of [`case_evidence`], as readiness reads them.
pub fn case_counts(evidence: &[Vec<CaseEntry>]) -> Vec<TraitEvidence> {
    evidence
        .iter()
        .enumerate()
        .map(|(trait_idx, entries)| TraitEvidence {
            trait_idx,
            n_evidence: entries.len(),
            n_inferred: entries.iter().filter(|e| e.how == How::Inferred).count(),
            n_measurable: entries.iter().filter(|e| e.is_measurable).count(),
        })
        .collect()
}

/// The folder part of a `/`-separated path (empty for a bare name).
fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// `relative` joined to `folder` with `.` and `..` resolved, `/`-separated.
pub fn join(folder: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = if relative.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').collect()
    };
    let absolute = folder.starts_with('/') || relative.starts_with('/');
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| !p.is_empty() && *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests;
