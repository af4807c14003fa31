//! The rule registry: one file per rule, listed here in the order `rung rules` shows them.
//!
//! Each rule file holds a `pub const RULE: Rule` with the rule's name, default severity, the doc
//! kinds it applies to, its documentation, and its check; its tests sit underneath, with
//! fixtures that must fire and fixtures that must stay quiet. This one list drives analysis,
//! `rung rules`, `rung explain`, the README table and configuration validation.

use super::Context;
use super::diagnostic::{Fix, Related, Severity};
use super::document::DocKind;
use super::text::Span;
use std::borrow::Cow;

mod action_without_date;
pub(crate) mod broken_evidence_link;
mod duplicate_trait;
mod focus_without_action;
mod invalid_front_matter;
mod lesson_without_action;
mod missing_expected_trait;
mod no_feedback_loop;
mod placeholder_text;
mod runs;
mod scope_below_target;
mod target_not_above_level;
mod too_many_focus_areas;
mod trait_without_evidence;
mod undated_entry;
pub mod unknown_front_matter_key;
mod unknown_ladder;
mod unknown_level;
mod unknown_role;
mod unknown_trait;
mod vague_win;
mod weak_verb;

pub use focus_without_action::action_skeleton;
pub use trait_without_evidence::evidence_skeleton;
pub use vague_win::REWRITE_PATTERN;
pub(crate) use vague_win::is_judged;
pub(crate) use weak_verb::weak_words_in;

#[cfg(test)]
pub(crate) mod testing;

/// What a rule's check reports; the runner adds the rule name and the configured severity.
#[derive(Debug, Clone)]
pub struct Finding {
    pub span: Span,
    /// Borrowed when the message is fixed text: a large draft has tens of thousands.
    pub message: Cow<'static, str>,
    pub related: Vec<Related>,
    pub fix: Option<Box<Fix>>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<Cow<'static, str>>) -> Finding {
        Finding {
            span,
            message: message.into(),
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(Box::new(fix));
        self
    }

    pub fn with_related(mut self, span: Span, message: impl Into<Cow<'static, str>>) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
            is_member: false,
            fix: None,
        });
        self
    }

    /// Add a place this finding speaks for as much as for its own span (an entry of a run), with
    /// its own message and quick fix.
    pub fn with_member(
        mut self,
        span: Span,
        message: impl Into<Cow<'static, str>>,
        fix: Option<Fix>,
    ) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
            is_member: true,
            fix: fix.map(Box::new),
        });
        self
    }

    /// Add a place that gives context and carries a quick fix of its own (one missing trait of
    /// several, each with its section to add).
    pub fn with_related_fix(
        mut self,
        span: Span,
        message: impl Into<Cow<'static, str>>,
        fix: Fix,
    ) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
            is_member: false,
            fix: Some(Box::new(fix)),
        });
        self
    }
}

pub struct Rule {
    /// Stable kebab-case name: the diagnostic's `code`, the key in `rung.toml`.
    pub name: &'static str,
    /// One line for `rung rules` and the README table.
    pub summary: &'static str,
    pub default_severity: Severity,
    pub kinds: &'static [DocKind],
    /// Markdown with the headings "What it does", "Why it matters", "Example", "Use instead".
    pub docs: &'static str,
    /// Whether the rule offers a quick fix.
    pub has_fix: bool,
    pub check: fn(&Context, &mut Vec<Finding>),
}

pub const ALL_KINDS: &[DocKind] = &DocKind::ALL;

/// Every rule, in the order they are listed to users.
pub static REGISTRY: &[&Rule] = &[
    &invalid_front_matter::RULE,
    &unknown_front_matter_key::RULE,
    &unknown_ladder::RULE,
    &unknown_level::RULE,
    &target_not_above_level::RULE,
    &trait_without_evidence::RULE,
    &vague_win::RULE,
    &weak_verb::RULE,
    &unknown_trait::RULE,
    &unknown_role::RULE,
    &duplicate_trait::RULE,
    &missing_expected_trait::RULE,
    &scope_below_target::RULE,
    &too_many_focus_areas::RULE,
    &focus_without_action::RULE,
    &action_without_date::RULE,
    &no_feedback_loop::RULE,
    &undated_entry::RULE,
    &lesson_without_action::RULE,
    &placeholder_text::RULE,
    &broken_evidence_link::RULE,
];

/// Kinds of doc where a rule speaks more quietly than its default, by rule name. A brag doc is a
/// running log the author writes fast, for their own memory, and reworks into a promo doc later:
/// a vague line in it is a note to come back to (info), where in a promo doc, which a committee
/// reads, it is a weak spot (warning). A severity set in `rung.toml` or the editor applies to
/// every kind.
const KIND_DEFAULTS: &[(&str, DocKind, Severity)] = &[
    ("vague-win", DocKind::Brag, Severity::Info),
    // A growth plan's look back is notes for the author and their manager, as a brag doc is.
    ("vague-win", DocKind::GrowthPlan, Severity::Info),
];

/// A rule's default severity in a doc of `kind`.
pub fn default_severity_in(rule: &Rule, kind: DocKind) -> Severity {
    KIND_DEFAULTS
        .iter()
        .find(|(name, k, _)| *name == rule.name && *k == kind)
        .map_or(rule.default_severity, |(_, _, severity)| *severity)
}

/// A rule's default severity as `rung rules`, the README and the docs show it: the default, then
/// any kind where it differs (`warning; info in brag`).
pub fn default_severity_label(rule: &Rule) -> String {
    let mut label = rule.default_severity.to_string();
    for (_, kind, severity) in KIND_DEFAULTS
        .iter()
        .filter(|(name, _, _)| *name == rule.name)
    {
        label.push_str(&format!("; {severity} in {}", kind.id()));
    }
    label
}

pub fn find(name: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|rule| rule.name == name)
}

/// The kinds a rule applies to, as the README and `rung rules` show them.
pub fn kinds_label(rule: &Rule) -> String {
    if rule.kinds.len() == DocKind::ALL.len() {
        "all".to_string()
    } else {
        rule.kinds
            .iter()
            .map(|k| k.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The rules table of the README, generated from the registry (a test keeps the README current).
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| rule | default | kinds | quick fix | what it catches |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in REGISTRY {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.name,
            default_severity_label(rule),
            kinds_label(rule),
            if rule.has_fix { "yes" } else { "—" },
            rule.summary
        ));
    }
    out
}

/// A rule's documentation page, as `rung explain` prints it and `docs/rules/NAME.md` holds it.
pub fn docs_page(rule: &Rule) -> String {
    format!(
        "# {name}\n\n{summary}\n\n- default severity: {severity}\n- applies to: {kinds}\n- quick fix: {fix}\n- silence it: `<!-- rung-disable-next-line {name} -->` or `<!-- rung-disable {name} -->`, or `{name} = \"off\"` under [rules] in rung.toml\n\n{docs}",
        name = rule.name,
        summary = rule.summary,
        severity = default_severity_label(rule),
        kinds = kinds_label(rule),
        fix = if rule.has_fix { "yes" } else { "no" },
        docs = rule.docs,
    )
}

/// The level `target:` names in the doc's ladder, with the span of the value.
pub(crate) fn target_level<'l>(cx: &Context<'l>) -> Option<(&'l crate::catalogue::Level, Span)> {
    let (target, span) = cx.doc.front_matter.as_ref()?.text("target")?;
    Some((cx.ladder.find_level(target)?, span))
}

/// For each section, whether an entry in it or in a subsection is only a marked placeholder
/// (one `placeholder-text` reports). One pass over the entries.
pub(crate) fn sections_holding_marked_placeholders(cx: &Context) -> Vec<bool> {
    let doc = cx.doc;
    let mut marked = vec![false; doc.sections.len()];
    for entry in doc.entries.iter().filter(|e| e.is_placeholder) {
        let Some(section) = entry.section.filter(|&idx| idx < marked.len()) else {
            continue;
        };
        if !marked[section] && crate::analysis::placeholders::placeholder_has_marker(&entry.text) {
            marked[section] = true;
        }
    }
    // A subsection follows its parent: going backwards, each passes its mark up.
    for idx in (0..marked.len()).rev() {
        if let (true, Some(parent)) = (marked[idx], doc.sections[idx].parent) {
            marked[parent] = true;
        }
    }
    marked
}

/// The text of the line that holds `offset`, from its start to `offset`: for indentation.
pub(crate) fn line_end(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |i| offset + i)
}

/// The line ending a document uses, so inserted text matches it.
pub(crate) fn newline_of(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// A trait a growth plan is working on now: from `focus:` (with the list item's span) or, without
/// it, from the plan's trait sections (with the heading's span).
pub(crate) struct FocusArea {
    pub trait_idx: Option<usize>,
    pub name: String,
    pub span: Span,
    /// The trait section for it, if the plan has one.
    pub section: Option<usize>,
}

pub(crate) fn focus_areas(cx: &Context) -> Vec<FocusArea> {
    use super::front_matter::FmValue;
    let doc = cx.doc;
    let section_for = |trait_idx: Option<usize>| {
        trait_idx.and_then(|t| {
            doc.trait_sections()
                .find(|(_, _, st)| *st == t)
                .map(|(idx, _, _)| idx)
        })
    };
    if let Some(entry) = doc.front_matter.as_ref().and_then(|fm| fm.get("focus")) {
        let items: Vec<(String, Span)> = match &entry.value {
            FmValue::List(items) => items.clone(),
            FmValue::Text(text) if !text.trim().is_empty() => {
                vec![(text.clone(), entry.value_span)]
            }
            _ => Vec::new(),
        };
        if !items.is_empty() {
            return items
                .into_iter()
                .map(|(name, span)| {
                    let trait_idx = cx.ladder.trait_index(&name);
                    FocusArea {
                        trait_idx,
                        name,
                        span,
                        section: section_for(trait_idx),
                    }
                })
                .collect();
        }
    }
    doc.trait_sections()
        .map(|(idx, section, trait_idx)| FocusArea {
            trait_idx: Some(trait_idx),
            name: section.title.to_string(),
            span: section.title_span,
            section: Some(idx),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            assert!(seen.insert(rule.name), "duplicate rule {}", rule.name);
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            for heading in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Use instead",
            ] {
                assert!(
                    rule.docs.contains(heading),
                    "{} docs lack {heading}",
                    rule.name
                );
            }
            assert!(
                !rule.summary.ends_with('.'),
                "{} summary ends with a period",
                rule.name
            );
            assert!(!rule.kinds.is_empty());
        }
    }
}
