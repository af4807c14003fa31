//! Editor queries over an analysed document, in protocol-free terms: what to complete at an
//! offset, what to show on hover, where measured quantities are. The language server turns
//! these into LSP types; nothing here knows about the protocol.

use super::document::{DocKind, Document, SectionKind};
use super::front_matter::FmValue;
use super::impact;
use super::infer;
use super::readiness::{TraitEvidence, trait_evidence};
use super::rules::{
    REWRITE_PATTERN, action_skeleton, evidence_skeleton, unknown_front_matter_key::KNOWN_KEYS,
};
use super::text::Span;
use super::{Analysis, Settings};
use crate::catalogue::signals::SignalKind;
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
    /// The part of the line being completed (the word typed so far).
    pub replace: Span,
}

/// The ladder a document is read against.
pub fn ladder_of<'s>(analysis: &Analysis, settings: &'s Settings) -> Option<&'s Ladder> {
    let id = analysis
        .document
        .as_ref()
        .map_or(settings.default_ladder.as_str(), |d| d.ladder_id.as_str());
    settings
        .catalogue
        .ladder(id)
        .or_else(|| settings.catalogue.ladders.first())
}

fn line_bounds(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    (start, end)
}

/// Clamp to the text and back to a char boundary.
fn clamp(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
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
        return tag_completions(doc, ladder, Span::new(word_start - 1, offset));
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

fn heading_completions(doc: &Document, ladder: &Ladder, replace: Span) -> Vec<Candidate> {
    let used: Vec<usize> = doc.trait_sections().map(|(_, _, t)| t).collect();
    let expected = expected_traits(doc, ladder);
    let mut out = Vec::new();
    for (idx, tr) in ladder.traits.iter().enumerate() {
        if used.contains(&idx) {
            continue;
        }
        let is_expected = expected.contains(&tr.id.as_str());
        out.push(Candidate {
            label: tr.name.clone(),
            kind: CandidateKind::Trait,
            detail: Some(if is_expected {
                "trait · expected at the target level".to_string()
            } else {
                "trait".to_string()
            }),
            documentation: Some(trait_markdown(ladder, idx, None)),
            insert_text: tr.name.clone(),
            is_snippet: false,
            sort_text: format!(
                "{}{}",
                if is_expected { "0" } else { "2" },
                normalize_name(&tr.name)
            ),
            replace,
        });
    }
    for role in roles_for(doc.kind) {
        out.push(Candidate {
            label: role.title().to_string(),
            kind: CandidateKind::Role,
            detail: Some("section".to_string()),
            documentation: Some(role_summary(*role).to_string()),
            insert_text: role.title().to_string(),
            is_snippet: false,
            sort_text: format!("1{}", role.id()),
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
    ladder
        .traits
        .iter()
        .enumerate()
        .map(|(idx, tr)| {
            let is_expected = expected.contains(&tr.id.as_str());
            Candidate {
                label: format!("#{}", tr.id),
                kind: CandidateKind::Tag,
                detail: Some(tr.name.clone()),
                documentation: Some(trait_markdown(ladder, idx, None)),
                insert_text: format!("#{}", tr.id),
                is_snippet: false,
                sort_text: format!("{}{}", if is_expected { "0" } else { "1" }, tr.id),
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

fn kind_summary(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Promo => "a promotion case against a target level",
        DocKind::GrowthPlan => "a plan of the traits you are working on, with actions and dates",
        DocKind::Brag => "a running, dated record of your wins",
        DocKind::Retro => "a project retrospective: what went well, what did not, what changes",
    }
}

fn role_summary(role: Role) -> &'static str {
    match role {
        Role::Summary => "A short case in prose.",
        Role::Wins => "Items here are wins: each should state measurable impact.",
        Role::Projects => "Items here are wins, one per project.",
        Role::Feedback => "Whose feedback you have or will seek, and when.",
        Role::GrowthAreas => "The traits you are working on.",
        Role::Actions => "Concrete actions, each with a date or review point.",
        Role::WentWell => "What worked.",
        Role::DidntGoWell => "Lessons: each needs a change under Do differently.",
        Role::DoDifferently => "Changes for next time.",
        Role::GlueWork => "Glue work: evidence for the glue trait.",
        Role::Mentoring => "Mentoring: evidence for the mentorship trait.",
        Role::Goals => "Goals and plans: not judged as wins.",
        Role::Personal => "Personal life: not judged as wins.",
        Role::Thanks => "Thanks and credits: not judged as wins.",
        Role::Reading => "Reading: not judged as wins.",
        Role::Learned => "What you learned: in a brag doc, each item is a win.",
        Role::Lessons => "Lessons and takeaways: not judged as wins.",
    }
}

fn key_summary(key: &str) -> &'static str {
    match key {
        "kind" => "promo, growth-plan, brag or retro",
        "ladder" => "the career ladder to read the doc against",
        "level" => "your current level",
        "target" => "the level you are aiming for",
        "period" => "the time the doc covers, e.g. 2026-H1",
        "focus" => "growth plan: the traits you are working on now",
        "archetype" => "staff archetype: tech-lead, architect, solver, right-hand",
        _ => "",
    }
}

/// What a front-matter key means, as Markdown.
pub fn key_markdown(key: &str) -> String {
    let example = match key {
        "kind" => "kind: promo",
        "ladder" => "ladder: bigtech",
        "level" => "level: E5",
        "target" => "target: E6",
        "period" => "period: 2026-H1",
        "focus" => "focus: [delegation, mentorship]",
        _ => "archetype: tech-lead",
    };
    format!(
        "**`{key}`** — {}\n\n```yaml\n{example}\n```",
        key_summary(key)
    )
}

/// A level's scope, expectations and what changes from the level below, as Markdown.
pub fn level_markdown(ladder: &Ladder, idx: usize) -> String {
    let level = &ladder.levels[idx];
    let mut out = format!(
        "**{} — {}** ({} ladder)\n\n**Scope:** {}\n",
        level.id, level.name, ladder.id, level.scope
    );
    if !level.expects.is_empty() {
        out.push_str("\n**Expects:**\n");
        for expectation in &level.expects {
            out.push_str(&format!("- {expectation}\n"));
        }
    }
    if let Some(below) = idx.checked_sub(1).map(|i| &ladder.levels[i]) {
        out.push_str(&format!(
            "\n**From {}:** scope grows from *{}* to *{}*",
            below.id,
            below.scope.trim_end_matches('.'),
            level.scope.trim_end_matches('.')
        ));
        let new: Vec<String> = level
            .traits
            .iter()
            .filter(|t| !below.traits.contains(t))
            .map(|t| {
                ladder
                    .trait_by_id(t)
                    .map_or(t.clone(), |tr| tr.name.clone())
            })
            .collect();
        if !new.is_empty() {
            out.push_str(&format!("; newly expected: {}", new.join(", ")));
        }
        out.push('\n');
    }
    let traits: Vec<String> = level
        .traits
        .iter()
        .map(|t| {
            ladder
                .trait_by_id(t)
                .map_or(t.clone(), |tr| tr.name.clone())
        })
        .collect();
    out.push_str(&format!("\n**Traits to evidence:** {}", traits.join(", ")));
    out
}

/// A trait's description, what good evidence looks like, the level that expects it and two
/// examples, as Markdown; with the document's counts when given.
pub fn trait_markdown(ladder: &Ladder, idx: usize, counts: Option<&TraitEvidence>) -> String {
    let tr = &ladder.traits[idx];
    let mut out = format!(
        "**{}** `#{}`\n\n{}\n\n**Good evidence:** {}\n",
        tr.name, tr.id, tr.description, tr.evidence
    );
    if let Some(level) = ladder.level_expecting(&tr.id) {
        out.push_str(&format!(
            "\n**Expected from:** {} ({})\n",
            level.id, level.name
        ));
    }
    out.push_str(&format!(
        "\n**Strong:** {}\n\n**Weak:** {}",
        tr.strong_example, tr.weak_example
    ));
    if let Some(counts) = counts {
        out.push_str(&format!("\n\n*In this doc:* {}", counts.summary()));
        if counts.n_inferred > 0 {
            out.push_str(&format!(
                " (inferred from wording: confirm with `#{}` or a heading)",
                tr.id
            ));
        }
    }
    out
}

/// Hover text at `offset`: the span it describes and Markdown.
pub fn hover(
    text: &str,
    analysis: &Analysis,
    settings: &Settings,
    offset: usize,
) -> Option<(Span, String)> {
    let offset = clamp(text, offset);
    let doc = analysis.document.as_ref()?;
    let ladder = ladder_of(analysis, settings)?;
    let within = |span: Span| span.start <= offset && offset <= span.end && !span.is_empty();

    if let Some(fm) = &doc.front_matter {
        for entry in &fm.entries {
            if within(entry.key_span) && KNOWN_KEYS.contains(&entry.key.as_str()) {
                return Some((entry.key_span, key_markdown(&entry.key)));
            }
            if !within(entry.value_span) {
                continue;
            }
            match (&entry.value, entry.key.as_str()) {
                (FmValue::Text(value), "level" | "target") => {
                    let idx = ladder.level_index(value)?;
                    return Some((entry.value_span, level_markdown(ladder, idx)));
                }
                (FmValue::Text(value), "ladder") => {
                    let named = settings.catalogue.ladder(value)?;
                    let levels: Vec<&str> = named.levels.iter().map(|l| l.id.as_str()).collect();
                    return Some((
                        entry.value_span,
                        format!(
                            "**{}** — {}\n\n{}\n\nLevels: {}",
                            named.id,
                            named.name,
                            named.description,
                            levels.join(", ")
                        ),
                    ));
                }
                (FmValue::Text(value), "kind") => {
                    let kind = DocKind::parse(value)?;
                    return Some((
                        entry.value_span,
                        format!("**{}** — {}", kind.id(), kind_summary(kind)),
                    ));
                }
                (FmValue::List(items), "focus") => {
                    let (name, span) = items.iter().find(|(_, span)| within(*span))?;
                    let idx = ladder.trait_index(name)?;
                    return Some((*span, trait_markdown(ladder, idx, None)));
                }
                _ => return None,
            }
        }
    }

    let mut markdown = None;
    for section in &doc.sections {
        if let SectionKind::Trait(idx) = section.kind
            && within(section.title_span)
        {
            let counts = trait_evidence(doc, ladder, idx);
            markdown = Some((
                section.title_span,
                trait_markdown(ladder, idx, Some(&counts)),
            ));
        }
    }
    for tag in &doc.tags {
        if let (Some(idx), true) = (tag.trait_idx, within(tag.span)) {
            markdown = Some((tag.span, trait_markdown(ladder, idx, None)));
        }
    }
    if markdown.is_none() {
        markdown = level_mention(text, doc, ladder, offset);
    }
    if markdown.is_none() {
        markdown = entry_traits_markdown(doc, ladder, offset);
    }
    // On a win, say what rung read in it; on a vague one, teach the rewrite pattern too.
    let reading = win_reading(doc, offset);
    // The entry may be one that a diagnostic for a run of vague entries speaks for.
    let vague_span = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == "vague-win")
        .find_map(|d| {
            std::iter::once(d.span)
                .chain(d.related.iter().filter(|r| r.is_member).map(|r| r.span))
                .find(|span| within(*span))
        });
    if let Some(vague_span) = vague_span {
        let lesson = format!(
            "**Make the impact measurable:** *{REWRITE_PATTERN}*\n\n- weak: *Improved the build queue.*\n- strong: *Cut the build queue wait from 25 minutes to under 2 by adding autoscaling runners.*"
        );
        let lesson = match reading {
            Some((_, read)) => format!("{read}\n\n{lesson}"),
            None => lesson,
        };
        return Some(match markdown {
            Some((span, text)) => (span, format!("{text}\n\n---\n\n{lesson}")),
            None => (vague_span, lesson),
        });
    }
    markdown.or(reading)
}

/// What the impact detector read in the win at `offset`: the measures it counted, or why each
/// number does not count and what a measure would be.
fn win_reading(doc: &Document, offset: usize) -> Option<(Span, String)> {
    let entry = doc.entries.iter().find(|e| {
        e.text_span.start <= offset && offset <= e.text_span.end && super::rules::is_judged(doc, e)
    })?;
    let judgement = impact::judge(&entry.full_text());
    let list = |readings: &[impact::Reading]| {
        readings
            .iter()
            .map(|r| format!("\n- {}", r.what))
            .collect::<String>()
    };
    let mut markdown = if judgement.measures.is_empty() {
        "**rung read no measure of impact here.**".to_string()
    } else {
        format!(
            "**Measurable impact rung read:**{}",
            list(&judgement.measures)
        )
    };
    if judgement.measures.is_empty() && !judgement.not_counted.is_empty() {
        markdown.push_str(&format!(
            "\n\nNumbers that do not count:{}",
            list(&judgement.not_counted)
        ));
    }
    if let Some(missing) = judgement.missing {
        markdown.push_str(&format!("\n\nMissing: {missing}."));
    }
    Some((entry.text_span, markdown))
}

/// On an entry's first line, the traits it counts for that no trait heading or tag of its own
/// names: a two-trait heading's, a lead-in's, or those its wording infers, marked as inferred
/// with the words that said so.
fn entry_traits_markdown(doc: &Document, ladder: &Ladder, offset: usize) -> Option<(Span, String)> {
    let after = doc.entries.partition_point(|e| e.span.start <= offset);
    let entry_idx = after.checked_sub(1)?;
    let entry = &doc.entries[entry_idx];
    let on_text = entry.text_span.start <= offset && offset <= entry.text_span.end;
    let added = doc.inference(ladder).of_entry(entry_idx);
    if !on_text || added.is_empty() {
        return None;
    }
    let matches = infer::matches_in(ladder.signal_index(), &entry.text, &entry.detail);
    let mut out = String::new();
    for found in added {
        let tr = &ladder.traits[found.trait_idx as usize];
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match found.found {
            infer::Found::Inferred => {
                let words: Vec<String> = matches
                    .iter()
                    .filter(|m| {
                        m.trait_idx == found.trait_idx as usize && m.kind != SignalKind::Not
                    })
                    .map(|m| format!("*{}*", m.phrase))
                    .collect();
                out.push_str(&format!(
                    "**{}** — inferred from {}. Confirm it with `#{}` or a `## {}` heading.",
                    tr.name,
                    words.join(", "),
                    tr.id,
                    tr.name
                ));
            }
            other => out.push_str(&format!(
                "**{}** — named by the {}.",
                tr.name,
                match other {
                    infer::Found::LeadIn => "lead-in",
                    _ => "heading, among other traits",
                }
            )),
        }
    }
    Some((entry.text_span, out))
}

/// A level id written in the body ("ready for E6"), by the word under the cursor.
fn level_mention(
    text: &str,
    doc: &Document,
    ladder: &Ladder,
    offset: usize,
) -> Option<(Span, String)> {
    if !doc
        .prose_runs
        .iter()
        .any(|run| run.start <= offset && offset <= run.end)
    {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let start = offset
        - text[..offset]
            .chars()
            .rev()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let end = offset
        + text[offset..]
            .chars()
            .take_while(|&c| is_word(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let word = &text[start..end];
    let idx = ladder.levels.iter().position(|l| {
        l.id == word
            || l.aliases
                .iter()
                .any(|a| a == word && a.chars().any(|c| c.is_ascii_digit()))
    })?;
    Some((Span::new(start, end), level_markdown(ladder, idx)))
}

/// The trait named at `offset`: by a `#tag` or a trait heading. For definition, references and
/// rename.
pub fn trait_at(doc: &Document, offset: usize) -> Option<usize> {
    let within = |span: Span| span.start <= offset && offset <= span.end && !span.is_empty();
    let by_tag = doc
        .tags
        .iter()
        .find(|t| within(t.span))
        .and_then(|t| t.trait_idx);
    by_tag.or_else(|| {
        doc.sections.iter().find_map(|s| match s.kind {
            SectionKind::Trait(idx) if within(s.title_span) => Some(idx),
            _ => None,
        })
    })
}

/// Where a trait is named in a document: its section headings' titles (definitions) and its
/// tags (references).
pub fn trait_mentions(doc: &Document, trait_idx: usize) -> (Vec<Span>, Vec<Span>) {
    let definitions = doc
        .trait_sections()
        .filter(|(_, _, t)| *t == trait_idx)
        .map(|(_, s, _)| s.title_span)
        .collect();
    let tags = doc
        .tags
        .iter()
        .filter(|t| t.trait_idx == Some(trait_idx))
        .map(|t| t.span)
        .collect();
    (definitions, tags)
}

/// Spans of measured quantities in wins and evidence, for semantic highlighting.
pub fn measured_spans(doc: &Document) -> Vec<Span> {
    let mut spans = Vec::new();
    for entry in &doc.entries {
        for range in impact::measure_ranges(&entry.text) {
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
    use crate::analysis::{Input, NoFileSystem, analyze};

    /// `$0` marks the cursor.
    fn at(fixture: &str) -> (String, usize) {
        let offset = fixture.find("$0").expect("fixture has a $0 cursor");
        (fixture.replacen("$0", "", 1), offset)
    }

    fn labels(fixture: &str) -> Vec<String> {
        let (text, offset) = at(fixture);
        let settings = Settings::default();
        let analysis = analyze(&Input::new(&text), &settings, &NoFileSystem);
        let mut candidates = completions(&text, &analysis, &settings, offset);
        candidates.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
        candidates.into_iter().map(|c| c.label).collect()
    }

    fn hover_text(fixture: &str) -> Option<String> {
        let (text, offset) = at(fixture);
        let settings = Settings::default();
        let analysis = analyze(&Input::new(&text), &settings, &NoFileSystem);
        hover(&text, &analysis, &settings, offset).map(|(_, markdown)| markdown)
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

    #[test]
    fn hovers_mark_inferred_traits_as_inferred() {
        let entry = hover_text(
            "---\nkind: brag\n---\n## Wins\n- Coa$0ched two engineers until both ran on-call alone\n",
        )
        .unwrap();
        assert!(
            entry.contains("**Mentorship** — inferred from *coached*, *until … alone*")
                && entry.contains("Confirm it with `#mentorship`"),
            "{entry}"
        );
        let heading = hover_text(
            "---\nkind: promo\n---\n## Mentor$0ship\n- Ran the guild #mentorship\n## Wins\n- Mentored two interns\n",
        )
        .unwrap();
        assert!(
            heading.contains("2 evidence · 1 inferred · 0 measurable (inferred from wording"),
            "{heading}"
        );
        // A tag wins: nothing is inferred.
        let tagged =
            hover_text("---\nkind: brag\n---\n## Wins\n- Coa$0ched two engineers #craft\n");
        assert!(
            tagged.as_ref().is_none_or(|h| !h.contains("inferred")),
            "{tagged:?}"
        );
    }

    #[test]
    fn hovers_on_levels_traits_tags_keys_and_vague_wins() {
        let level = hover_text("---\nkind: promo\nlevel: E5\ntarget: E$06\n---\n").unwrap();
        assert!(
            level.contains("E6 — Staff Engineer")
                && level.contains("From E5")
                && level.contains("Accountability"),
            "{level}"
        );
        let heading =
            hover_text("---\nkind: promo\n---\n## Owner$0ship\n- Cut failures by 80%.\n").unwrap();
        assert!(
            heading.contains("Good evidence")
                && heading.contains("Expected from:** E5")
                && heading.contains("1 evidence · 1 measurable"),
            "{heading}"
        );
        assert!(
            hover_text("---\nkind: promo\n---\n- did it #mentor$0ship\n")
                .unwrap()
                .contains("**Mentorship**")
        );
        assert!(
            hover_text("---\nkind$0: promo\n---\n")
                .unwrap()
                .contains("promo, growth-plan, brag or retro")
        );
        assert!(
            hover_text("---\nkind: promo\n---\nI am ready for E$07.\n")
                .unwrap()
                .contains("E7 — Senior Staff")
        );
        let vague =
            hover_text("---\nkind: promo\n---\n## Wins\n- Improved the build$0 queue.\n").unwrap();
        assert!(
            vague.contains("Accomplished [X], as measured by [Y], by doing [Z]"),
            "{vague}"
        );
        assert_eq!(hover_text("# Readme\n\nE$06\n"), None);
    }

    #[test]
    fn hovers_on_wins_say_what_rung_read_or_why_numbers_do_not_count() {
        let read = hover_text(
            "---\nkind: brag\n---\n## Wins\n- Installs went from 40k to 31$00k a month\n",
        )
        .unwrap();
        assert!(
            read.contains("Measurable impact rung read") && read.contains("40k"),
            "{read}"
        );
        let vague =
            hover_text("---\nkind: promo\n---\n## Wins\n- Wrote 35 pull requests in 20$027\n")
                .unwrap();
        assert!(
            vague.contains("\"2027\" is a year")
                && vague.contains("counts your own work")
                && vague.contains("Accomplished [X]"),
            "{vague}"
        );
    }

    #[test]
    fn traits_are_found_at_tags_and_headings_with_their_mentions() {
        let text = "---\nkind: promo\n---\n## Ownership\n- a #ownership b\n## Wins\n- c #ownership #craft\n";
        let analysis = analyze(&Input::new(text), &Settings::default(), &NoFileSystem);
        let doc = analysis.document.as_ref().unwrap();
        let at_tag = trait_at(doc, text.find("#ownership").unwrap() + 3).unwrap();
        assert_eq!(trait_at(doc, text.find("Ownership").unwrap()), Some(at_tag));
        let (definitions, tags) = trait_mentions(doc, at_tag);
        assert_eq!(
            definitions
                .iter()
                .map(|s| &text[s.start..s.end])
                .collect::<Vec<_>>(),
            ["Ownership"]
        );
        assert_eq!(tags.len(), 2);
        assert_eq!(trait_at(doc, 0), None);
    }

    #[test]
    fn measured_quantities_are_located() {
        let text = "---\nkind: promo\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms, saving $40k; shipped v2.3\n";
        let analysis = analyze(&Input::new(text), &Settings::default(), &NoFileSystem);
        let spans = measured_spans(analysis.document.as_ref().unwrap());
        let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert!(found.iter().any(|f| f.contains("800 ms")), "{found:?}");
        assert!(found.iter().any(|f| f.contains("$40k")), "{found:?}");
        assert!(!found.iter().any(|f| f.contains("2.3")), "{found:?}");
    }
}
