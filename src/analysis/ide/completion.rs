//! Completion: what to offer at an offset, from the cursor's context — front-matter keys and
//! values, trait and role headings, `#tags` in entries, snippets on an empty line.

use super::describe::{
    key_markdown, key_summary, kind_summary, level_markdown, role_summary, trait_markdown,
};
use super::{clamp, ladder_of, line_bounds};
use crate::analysis::document::{DocKind, Document, SectionKind};
use crate::analysis::readiness::evidence_by_trait;
use crate::analysis::rules::{
    REWRITE_PATTERN, action_skeleton, evidence_skeleton, unknown_front_matter_key::KNOWN_KEYS,
};
use crate::analysis::text::Span;
use crate::analysis::{Analysis, Settings};
use crate::catalogue::{Ladder, Role, normalize_name};

/// What a completion candidate is, so editors can show the right icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    Key,
    Value,
    Level,
    Trait,
    Role,
    Tag,
    Snippet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub label: String,
    pub kind: CandidateKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// Text inserted in place of `replace`; snippet syntax (`$1`, `${1:name}`) when `is_snippet`.
    pub insert_text: String,
    pub is_snippet: bool,
    /// Orders candidates: lower sorts first.
    pub sort_text: String,
    /// What the editor matches the typed word against, when not the label.
    pub filter_text: Option<String>,
    /// The part of the line being completed (the word typed so far).
    pub replace: Span,
}

/// Completion candidates at `offset`, from the cursor's context: front-matter keys and values,
/// trait and role headings, `#tags` in entries, snippets on an empty line.
pub fn completions(
    text: &str,
    analysis: &Analysis,
    settings: &Settings,
    offset: usize,
) -> Vec<Candidate> {
    let offset = clamp(text, offset);
    let (line_start, _) = line_bounds(text, offset);
    let before = &text[line_start..offset];
    let Some(doc) = &analysis.document else {
        // Not a growth doc: the only help is to make it one.
        return if text[..line_start].trim().is_empty() && before.trim().chars().all(|c| c == '-') {
            front_matter_snippets(Span::new(line_start, offset))
        } else {
            Vec::new()
        };
    };
    let Some(ladder) = ladder_of(analysis, settings) else {
        return Vec::new();
    };

    if let Some(fm) = &doc.front_matter
        && fm.yaml_span.start <= offset
        && offset <= fm.yaml_span.end.max(fm.yaml_span.start)
        && offset < fm.span.end
    {
        return front_matter_completions(text, doc, ladder, settings, line_start, offset);
    }
    if offset < doc.body_start {
        return Vec::new();
    }

    let word_start = offset
        - before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .map(char::len_utf8)
            .sum::<usize>();
    let trimmed = before.trim_start();
    if let Some(rest) = trimmed.strip_prefix('#') {
        let hashes = 1 + rest.chars().take_while(|&c| c == '#').count();
        let after_hashes = &trimmed[hashes..];
        if hashes <= 6 && after_hashes.starts_with(' ') {
            let title_start = line_start + (before.len() - trimmed.len()) + hashes + 1;
            let replace = Span::new(
                title_start + (after_hashes.len() - after_hashes.trim_start().len()) - 1,
                offset,
            );
            return heading_completions(doc, ladder, replace.max_start(title_start));
        }
    }
    if word_start > line_start
        && text.as_bytes()[word_start - 1] == b'#'
        && is_in_entry_line(trimmed)
    {
        return tag_completions(doc, ladder, Span::new(word_start, offset));
    }
    let is_blank_item = matches!(trimmed.trim_end(), "" | "-" | "*" | "+");
    if is_blank_item {
        return entry_snippets(
            doc,
            ladder,
            Span::new(line_start + (before.len() - trimmed.len()), offset),
        );
    }
    Vec::new()
}

fn is_in_entry_line(trimmed: &str) -> bool {
    let marker =
        trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("+ ");
    let ordered = trimmed.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with(' ')
    });
    marker || ordered || !trimmed.starts_with('#')
}

trait MaxStart {
    fn max_start(self, start: usize) -> Span;
}

impl MaxStart for Span {
    fn max_start(self, start: usize) -> Span {
        Span::new(self.start.max(start).min(self.end), self.end)
    }
}

fn front_matter_snippets(replace: Span) -> Vec<Candidate> {
    DocKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| Candidate {
            label: format!("--- {} front matter", kind.id()),
            kind: CandidateKind::Snippet,
            detail: Some(format!("make this file a {} growth doc", kind.id())),
            documentation: Some(format!("Adds front matter with `kind: {}` so that rung reads this file against a career ladder.", kind.id())),
            insert_text: match kind {
                DocKind::Promo | DocKind::GrowthPlan => format!("---\nkind: {}\nladder: ${{1:bigtech}}\nlevel: ${{2:E5}}\ntarget: ${{3:E6}}\n---\n$0", kind.id()),
                _ => format!("---\nkind: {}\nladder: ${{1:bigtech}}\nlevel: ${{2:E5}}\n---\n$0", kind.id()),
            },
            is_snippet: true,
            sort_text: format!("{i}"),
            filter_text: None,
            replace,
        })
        .collect()
}

fn front_matter_completions(
    text: &str,
    doc: &Document,
    ladder: &Ladder,
    settings: &Settings,
    line_start: usize,
    offset: usize,
) -> Vec<Candidate> {
    let before = &text[line_start..offset];
    let word_len: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .map(char::len_utf8)
        .sum();
    let replace = Span::new(offset - word_len, offset);
    let Some((key, _)) = before.split_once(':') else {
        if before.starts_with([' ', '\t']) {
            return Vec::new();
        }
        let present: Vec<&str> = doc
            .front_matter
            .iter()
            .flat_map(|fm| fm.entries.iter().map(|e| e.key.as_str()))
            .collect();
        return KNOWN_KEYS
            .iter()
            .filter(|k| !present.contains(k))
            .enumerate()
            .map(|(i, key)| Candidate {
                label: key.to_string(),
                kind: CandidateKind::Key,
                detail: Some(key_summary(key).to_string()),
                documentation: Some(key_markdown(key)),
                insert_text: format!("{key}: "),
                is_snippet: false,
                sort_text: format!("{i:02}"),
                filter_text: None,
                replace,
            })
            .collect();
    };
    let value = |label: String,
                 kind: CandidateKind,
                 detail: Option<String>,
                 documentation: Option<String>,
                 i: usize| Candidate {
        insert_text: label.clone(),
        label,
        kind,
        detail,
        documentation,
        is_snippet: false,
        sort_text: format!("{i:03}"),
        filter_text: None,
        replace,
    };
    match key.trim() {
        "kind" => DocKind::ALL
            .iter()
            .enumerate()
            .map(|(i, k)| {
                value(
                    k.id().to_string(),
                    CandidateKind::Value,
                    Some(kind_summary(*k).to_string()),
                    None,
                    i,
                )
            })
            .collect(),
        "ladder" => settings
            .catalogue
            .ladders
            .iter()
            .enumerate()
            .map(|(i, l)| {
                value(
                    l.id.clone(),
                    CandidateKind::Value,
                    Some(l.name.clone()),
                    Some(l.description.clone()),
                    i,
                )
            })
            .collect(),
        "level" | "target" => ladder
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                value(
                    l.id.clone(),
                    CandidateKind::Level,
                    Some(format!("{} — {}", l.name, l.scope)),
                    Some(level_markdown(ladder, i)),
                    i,
                )
            })
            .collect(),
        "focus" => ladder
            .traits
            .iter()
            .enumerate()
            .map(|(i, t)| {
                value(
                    t.id.clone(),
                    CandidateKind::Trait,
                    Some(t.name.clone()),
                    Some(trait_markdown(ladder, i, None)),
                    i,
                )
            })
            .collect(),
        "archetype" => ["tech-lead", "architect", "solver", "right-hand"]
            .iter()
            .enumerate()
            .map(|(i, a)| {
                value(
                    a.to_string(),
                    CandidateKind::Value,
                    Some("staff archetype".to_string()),
                    None,
                    i,
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Traits the target level expects, for ordering completions.
fn expected_traits<'l>(doc: &Document, ladder: &'l Ladder) -> Vec<&'l str> {
    doc.front_matter
        .as_ref()
        .and_then(|fm| fm.text("target"))
        .and_then(|(target, _)| ladder.find_level(target))
        .map(|level| level.traits.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// How a trait ranks among completions: the target level's traits that nothing evidences yet
/// first (what the doc most lacks), then (in headings) the section roles, then expected traits
/// the doc already evidences (by a tag or its wording), then the rest.
fn trait_rank(is_expected: bool, is_evidenced: bool) -> char {
    match (is_expected, is_evidenced) {
        (true, false) => '0',
        (true, true) => '2',
        (false, _) => '3',
    }
}

/// Whether each of the ladder's traits has evidence in `doc`, by index.
fn evidenced_traits(doc: &Document, ladder: &Ladder) -> Vec<bool> {
    evidence_by_trait(doc, ladder)
        .iter()
        .map(|counts| counts.n_evidence > 0)
        .collect()
}

/// Trait and role headings the doc does not have yet (the heading being typed aside).
fn heading_completions(doc: &Document, ladder: &Ladder, replace: Span) -> Vec<Candidate> {
    let others = || {
        doc.sections
            .iter()
            .filter(|s| !(s.heading.start <= replace.start && replace.start <= s.heading.end))
    };
    let used_traits: Vec<usize> = others()
        .filter_map(|s| match s.kind {
            SectionKind::Trait(idx) => Some(idx),
            _ => None,
        })
        .collect();
    let used_roles: Vec<Role> = others()
        .filter_map(|s| match s.kind {
            SectionKind::Role(role) => Some(role),
            _ => None,
        })
        .collect();
    let expected = expected_traits(doc, ladder);
    let evidenced = evidenced_traits(doc, ladder);
    let mut out = Vec::new();
    for (idx, tr) in ladder.traits.iter().enumerate() {
        if used_traits.contains(&idx) {
            continue;
        }
        let is_expected = expected.contains(&tr.id.as_str());
        let is_evidenced = evidenced.get(idx).copied().unwrap_or(false);
        out.push(Candidate {
            label: tr.name.clone(),
            kind: CandidateKind::Trait,
            detail: Some(
                match (is_expected, is_evidenced) {
                    (true, false) => "trait · expected at the target level, not yet evidenced",
                    (true, true) => "trait · expected at the target level",
                    (false, _) => "trait",
                }
                .to_string(),
            ),
            documentation: Some(trait_markdown(ladder, idx, None)),
            insert_text: tr.name.clone(),
            is_snippet: false,
            sort_text: format!(
                "{}{}",
                trait_rank(is_expected, is_evidenced),
                normalize_name(&tr.name)
            ),
            filter_text: None,
            replace,
        });
    }
    for role in roles_for(doc.kind) {
        if used_roles.contains(role) {
            continue;
        }
        out.push(Candidate {
            label: role.title().to_string(),
            kind: CandidateKind::Role,
            detail: Some("section".to_string()),
            documentation: Some(role_summary(*role).to_string()),
            insert_text: role.title().to_string(),
            is_snippet: false,
            sort_text: format!("1{}", role.id()),
            filter_text: None,
            replace,
        });
    }
    out
}

fn roles_for(kind: DocKind) -> &'static [Role] {
    match kind {
        DocKind::Promo => &[
            Role::Summary,
            Role::Wins,
            Role::Projects,
            Role::Feedback,
            Role::GlueWork,
            Role::Mentoring,
        ],
        DocKind::Brag => &[
            Role::Wins,
            Role::Projects,
            Role::Feedback,
            Role::GlueWork,
            Role::Mentoring,
        ],
        DocKind::GrowthPlan => &[
            Role::Summary,
            Role::GrowthAreas,
            Role::Actions,
            Role::Feedback,
        ],
        DocKind::Retro => &[
            Role::Summary,
            Role::WentWell,
            Role::DidntGoWell,
            Role::DoDifferently,
            Role::Feedback,
        ],
    }
}

fn tag_completions(doc: &Document, ladder: &Ladder, replace: Span) -> Vec<Candidate> {
    let expected = expected_traits(doc, ladder);
    let evidenced = evidenced_traits(doc, ladder);
    ladder
        .traits
        .iter()
        .enumerate()
        .map(|(idx, tr)| {
            let is_expected = expected.contains(&tr.id.as_str());
            let is_evidenced = evidenced.get(idx).copied().unwrap_or(false);
            Candidate {
                label: format!("#{}", tr.id),
                kind: CandidateKind::Tag,
                detail: Some(tr.name.clone()),
                documentation: Some(trait_markdown(ladder, idx, None)),
                // Only the word after `#` is replaced, and the `#` stays: a client that ignores
                // the edit's range and replaces the word before the cursor (Neovim 0.7's
                // omnifunc) then inserts the same text, not `##tag`.
                insert_text: tr.id.clone(),
                is_snippet: false,
                sort_text: format!("{}{}", trait_rank(is_expected, is_evidenced), tr.id),
                filter_text: Some(tr.id.clone()),
                replace,
            }
        })
        .collect()
}

fn entry_snippets(doc: &Document, ladder: &Ladder, replace: Span) -> Vec<Candidate> {
    let snippet = |label: &str, detail: &str, body: String| Candidate {
        label: label.to_string(),
        kind: CandidateKind::Snippet,
        detail: Some(detail.to_string()),
        documentation: Some(format!("Write entries as *{REWRITE_PATTERN}*.")),
        insert_text: body,
        is_snippet: true,
        sort_text: "0".to_string(),
        filter_text: None,
        replace,
    };
    let _ = ladder;
    match doc.kind {
        DocKind::Promo => vec![snippet(
            "evidence entry",
            "a win with its measured result",
            "- ${1:Accomplished X}, as measured by ${2:from A to B}, by ${3:doing Z}$0".to_string(),
        )],
        DocKind::Brag => vec![snippet(
            "dated brag entry",
            "a dated win with its measured result",
            "- ${1:YYYY-MM-DD}: ${2:Accomplished X}, as measured by ${3:from A to B}$0".to_string(),
        )],
        DocKind::GrowthPlan => vec![snippet(
            "focus block",
            "a trait to work on, with an action and a date",
            format!(
                "## ${{1:Delegation}}\n\n{}$0",
                action_skeleton().replace("[What you will do]", "${2:What you will do}")
            ),
        )],
        DocKind::Retro => vec![snippet(
            "lesson and change",
            "what hurt, and what you will change",
            "- ${1:What went wrong}\n$0".to_string(),
        )],
    }
    .into_iter()
    .chain(std::iter::once(snippet(
        "evidence skeleton",
        "an entry to fill in",
        evidence_skeleton("${1:trait}"),
    )))
    .filter(|c| doc.kind != DocKind::Retro || c.label != "evidence skeleton")
    .collect()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ide::cursor as at;
    use crate::analysis::{Input, NoFileSystem, analyze};

    fn labels(fixture: &str) -> Vec<String> {
        let (text, offset) = at(fixture);
        let settings = Settings::default();
        let analysis = analyze(&Input::new(&text), &settings, &NoFileSystem);
        let mut candidates = completions(&text, &analysis, &settings, offset);
        candidates.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        candidates.into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn front_matter_keys_then_values_for_the_key() {
        assert_eq!(
            labels("---\nkind: promo\n$0\n---\n"),
            ["ladder", "level", "target", "period", "focus", "archetype"]
        );
        assert_eq!(
            labels("---\nkind: $0\n---\n"),
            ["promo", "growth-plan", "brag", "retro"]
        );
        assert_eq!(
            labels("---\nkind: promo\nladder: generic\ntarget: S$0\n---\n"),
            ["junior", "mid", "senior", "staff", "principal"]
        );
        assert_eq!(labels("---\nkind: promo\nlevel: $0\n---\n")[3], "E6");
    }

    #[test]
    fn headings_offer_unused_traits_expected_first_then_roles() {
        let got = labels("---\nkind: promo\ntarget: E6\n---\n## Ownership\n- a\n## $0\n");
        assert!(!got.contains(&"Ownership".to_string()));
        assert_eq!(
            &got[..6],
            [
                "Accountability",
                "Coordination",
                "Direction",
                "Leadership",
                "Raising the bar",
                "Scope"
            ]
        );
        assert!(got.contains(&"Wins".to_string()) && got.contains(&"Delegation".to_string()));
        let retro = labels("---\nkind: retro\n---\n## Do$0\n");
        assert!(retro.contains(&"Do differently".to_string()));
    }

    #[test]
    fn headings_leave_out_sections_the_doc_has_and_rank_missing_traits_first() {
        // E6 expects ownership (a section), accountability (tagged), leadership and others.
        let got = labels(
            "---\nkind: promo\ntarget: E6\n---\n## Wins\n- Cut p99 by 80% #accountability\n## Ownership\n- a\n## $0\n",
        );
        assert!(!got.contains(&"Wins".to_string()), "{got:?}");
        assert!(!got.contains(&"Ownership".to_string()), "{got:?}");
        let at = |label: &str| got.iter().position(|l| l == label).unwrap();
        assert!(at("Leadership") < at("Accountability"), "{got:?}");
        assert!(at("Feedback") < at("Accountability"), "{got:?}");
        assert!(at("Accountability") < at("Delegation"), "{got:?}");
        // The heading being typed is not a section the doc already has.
        assert!(labels("---\nkind: promo\n---\n## Wins$0\n").contains(&"Wins".to_string()));
        let tags = labels(
            "---\nkind: promo\ntarget: E6\n---\n## Wins\n- Cut p99 by 80% #accountability\n- Shipped it #$0\n",
        );
        let at = |label: &str| tags.iter().position(|l| l == label).unwrap();
        assert!(at("#leadership") < at("#accountability"), "{tags:?}");
        assert!(at("#accountability") < at("#delegation"), "{tags:?}");
    }

    #[test]
    fn tags_after_a_hash_in_an_entry() {
        let got = labels("---\nkind: promo\ntarget: E5\n---\n## Wins\n- Cut p99 by 80% #own$0\n");
        assert_eq!(got[0], "#ambiguity");
        assert!(got.contains(&"#ownership".to_string()));
        assert!(
            labels("---\nkind: promo\n---\nsome `code #$0`").is_empty()
                || !labels("---\nkind: promo\n---\n- text #$0").is_empty()
        );
    }

    #[test]
    fn snippets_on_an_empty_item_and_front_matter_for_plain_files() {
        assert_eq!(
            labels("---\nkind: brag\n---\n## 2026-03\n- $0")[0],
            "dated brag entry"
        );
        assert_eq!(labels("---\nkind: growth-plan\n---\n$0")[0], "focus block");
        assert_eq!(labels("$0").len(), 4);
        assert!(labels("# Readme\n\nsome text $0").is_empty());
    }
}
