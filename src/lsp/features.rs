//! One function per editor feature, each from an analysed snapshot to LSP types: completion,
//! hover, code actions, outline (symbols, folding, code lens) and semantic tokens. The wording
//! and the knowledge come from `analysis::ide`; this file only arranges them for the protocol.

use super::convert;
use super::documents::{Encoding, LineTable};
use super::state::Snapshot;
use crate::analysis::case::evidence_counts as case_counts_or_own;
use crate::analysis::document::{DocKind, EntryRole, SectionKind};
use crate::analysis::ide::{self, Candidate, CandidateKind};
use crate::analysis::impact::Impact;
use crate::analysis::readiness::readiness_from;
use crate::analysis::rules::newline_of;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;
use tower_lsp_server::ls_types::*;

fn ladder(snapshot: &Snapshot) -> Option<&Ladder> {
    ide::ladder_of(&snapshot.analysis, &snapshot.settings)
}

/// Snippet syntax (`${1:text}`, `$1`, `$0`) reduced to plain text for clients without snippets.
pub fn strip_snippet(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('{') => {
                chars.next();
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                if chars.peek() == Some(&':') {
                    chars.next();
                }
                for inner in chars.by_ref() {
                    if inner == '}' {
                        break;
                    }
                    out.push(inner);
                }
            }
            Some(d) if d.is_ascii_digit() => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

pub fn completion(
    snapshot: &Snapshot,
    encoding: Encoding,
    position: Position,
    snippets: bool,
) -> Vec<CompletionItem> {
    let offset = snapshot.document.offset(position, encoding);
    let candidates = ide::completions(
        &snapshot.text,
        &snapshot.analysis,
        &snapshot.settings,
        offset,
    );
    candidates
        .into_iter()
        .map(|c| completion_item(snapshot, encoding, c, snippets))
        .collect()
}

fn completion_item(
    snapshot: &Snapshot,
    encoding: Encoding,
    candidate: Candidate,
    snippets: bool,
) -> CompletionItem {
    let kind = match candidate.kind {
        CandidateKind::Key => CompletionItemKind::PROPERTY,
        CandidateKind::Value => CompletionItemKind::VALUE,
        CandidateKind::Level => CompletionItemKind::ENUM,
        CandidateKind::Trait | CandidateKind::Tag => CompletionItemKind::ENUM_MEMBER,
        CandidateKind::Role => CompletionItemKind::KEYWORD,
        CandidateKind::Snippet => CompletionItemKind::SNIPPET,
    };
    let as_snippet = candidate.is_snippet && snippets;
    let new_text = if candidate.is_snippet && !snippets {
        strip_snippet(&candidate.insert_text)
    } else {
        candidate.insert_text.clone()
    };
    let range = snapshot
        .document
        .range(candidate.replace.start, candidate.replace.end, encoding);
    CompletionItem {
        label: candidate.label.clone(),
        kind: Some(kind),
        detail: candidate.detail,
        documentation: candidate.documentation.map(|value| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            })
        }),
        sort_text: Some(candidate.sort_text),
        filter_text: Some(candidate.label),
        insert_text_format: Some(if as_snippet {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
        ..Default::default()
    }
}

pub fn hover(snapshot: &Snapshot, encoding: Encoding, position: Position) -> Option<Hover> {
    let offset = snapshot.document.offset(position, encoding);
    let (span, markdown) = ide::hover(
        &snapshot.text,
        &snapshot.analysis,
        &snapshot.settings,
        offset,
    )?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(snapshot.document.range(span.start, span.end, encoding)),
    })
}

/// A quick-fix code action that applies `fix` for `lsp_diagnostic`.
fn quick_fix(
    snapshot: &Snapshot,
    encoding: Encoding,
    uri: &Uri,
    lsp_diagnostic: &Diagnostic,
    fix: &crate::analysis::diagnostic::Fix,
    is_preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title.to_string(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![lsp_diagnostic.clone()]),
        edit: Some(convert::workspace_edit(
            uri,
            &snapshot.document,
            encoding,
            fix,
        )),
        is_preferred: is_preferred.then_some(true),
        ..Default::default()
    })
}

pub fn code_actions(
    snapshot: &Snapshot,
    encoding: Encoding,
    uri: &Uri,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let start = snapshot.document.offset(range.start, encoding);
    let end = snapshot.document.offset(range.end, encoding);
    let mut actions = Vec::new();
    // Once, not per diagnostic: it reads the whole text.
    let newline = newline_of(&snapshot.text);
    for diagnostic in &snapshot.analysis.diagnostics {
        if !diagnostic.touches(start, end) {
            continue;
        }
        let lsp_diagnostic = convert::diagnostic(uri, &snapshot.document, encoding, diagnostic);
        // The diagnostic's own fix and those of the places it speaks for that the range touches
        // (each entry of a run of vague entries, each missing trait).
        for fix in diagnostic.fixes_touching(start, end) {
            actions.push(quick_fix(
                snapshot,
                encoding,
                uri,
                &lsp_diagnostic,
                fix,
                true,
            ));
        }
        // "Disable for this line": a comment above the line, indented like it; on each line the
        // range touches that the diagnostic speaks for.
        let own = std::iter::once(diagnostic.span);
        let members = diagnostic
            .related
            .iter()
            .filter(|r| r.is_member)
            .map(|r| r.span);
        let mut disabled_lines = Vec::new();
        // A comment inside the front matter would break its YAML: a diagnostic there (on
        // `target:`, a misspelt key) is silenced for the file, by a comment where the body starts.
        let body_start = snapshot
            .analysis
            .document
            .as_ref()
            .map_or(0, |doc| doc.body_start);
        for span in own.chain(members) {
            if !(span.start <= end && start <= span.end) {
                continue;
            }
            if span.start < body_start {
                let fix = crate::analysis::diagnostic::Fix::insert(
                    format!("Disable {} for this file", diagnostic.rule),
                    body_start,
                    format!("<!-- rung-disable {} -->{newline}", diagnostic.rule),
                );
                actions.push(quick_fix(
                    snapshot,
                    encoding,
                    uri,
                    &lsp_diagnostic,
                    &fix,
                    false,
                ));
                break;
            }
            let line_start = snapshot.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            if disabled_lines.contains(&line_start) {
                continue;
            }
            disabled_lines.push(line_start);
            let indent: String = snapshot.text[line_start..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let comment = format!(
                "{indent}<!-- rung-disable-next-line {} -->{newline}",
                diagnostic.rule
            );
            let fix = crate::analysis::diagnostic::Fix::insert(
                format!("Disable {} for this line", diagnostic.rule),
                line_start,
                comment,
            );
            actions.push(quick_fix(
                snapshot,
                encoding,
                uri,
                &lsp_diagnostic,
                &fix,
                false,
            ));
        }
    }
    actions
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max_chars - 1).collect::<String>())
    }
}

#[allow(deprecated)] // DocumentSymbol::deprecated must be written out.
pub fn document_symbols(snapshot: &Snapshot, encoding: Encoding) -> Vec<DocumentSymbol> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let ladder = ladder(snapshot);
    // Thousands of positions on a large draft: one line table, not a rope walk for each.
    let lines = LineTable::new(&snapshot.text);
    let range = |span: Span| lines.range(span.start, span.end, encoding);
    let mut symbols: Vec<(Option<usize>, DocumentSymbol)> = Vec::new();
    // Counts for every trait, and each section's own judged entries, each made in one pass.
    let evidence = ladder.map(|l| case_counts_or_own(doc, l, snapshot.case.as_deref()));
    let no_inference = crate::analysis::infer::Inference::default();
    let inference = ladder.map_or(&no_inference, |l| doc.inference(l));
    let mut entries_of: Vec<Vec<(usize, &crate::analysis::document::Entry)>> =
        vec![Vec::new(); doc.sections.len()];
    // Wins and evidence, and any entry whose traits inference found.
    for (entry_idx, entry) in doc.entries.iter().enumerate().filter(|(idx, e)| {
        (matches!(e.role, EntryRole::Win | EntryRole::Evidence(_))
            || !inference.of_entry(*idx).is_empty())
            && !e.is_placeholder
    }) {
        if let Some(own) = entry.section.and_then(|idx| entries_of.get_mut(idx)) {
            own.push((entry_idx, entry));
        }
    }
    for (idx, section) in doc.sections.iter().enumerate() {
        let (kind, detail) = match section.kind {
            SectionKind::Trait(t) => {
                let counts = evidence.as_ref().and_then(|all| all.get(t));
                (SymbolKind::CLASS, counts.map(|c| c.summary()))
            }
            SectionKind::Role(role) => (SymbolKind::MODULE, Some(role.id().to_string())),
            SectionKind::Free => (SymbolKind::NAMESPACE, None),
        };
        // A heading of two traits shows both traits' counts.
        let detail = match (inference.traits_of_section(idx), &evidence, ladder) {
            (Some(named), Some(all), Some(ladder)) => Some(
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
            ),
            _ => detail,
        };
        let mut children = Vec::new();
        for (entry_idx, entry) in std::mem::take(&mut entries_of[idx]) {
            let measurable = doc.entry_impact(entry_idx) == Impact::Measurable;
            let mut detail = if measurable {
                "measurable".to_string()
            } else {
                "no measurable result".to_string()
            };
            // "· inferred: Coordination, Scope": traits no heading or tag of its own names.
            if let Some(ladder) = ladder {
                let added = inference.of_entry(entry_idx);
                for (at, found) in added.iter().enumerate() {
                    let name = &ladder.traits[found.trait_idx as usize].name;
                    if at > 0 && added[at - 1].found == found.found {
                        detail.push_str(&format!(", {name}"));
                    } else {
                        detail.push_str(&format!(" · {}: {name}", found.found.label()));
                    }
                }
            }
            children.push(DocumentSymbol {
                name: Some(shorten(&entry.text.replace(['\n', '\r'], " "), 60))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "(entry)".to_string()),
                detail: Some(detail),
                kind: SymbolKind::EVENT,
                tags: None,
                deprecated: None,
                range: range(entry.span),
                selection_range: range(entry.text_span),
                children: None,
            });
        }
        let name = if section.title.trim().is_empty() {
            "(untitled)".to_string()
        } else {
            shorten(&section.title, 80)
        };
        symbols.push((
            section.parent,
            DocumentSymbol {
                name,
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: range(Span::new(
                    section.span.start,
                    section.span.end.max(section.heading.end),
                )),
                selection_range: range(section.heading),
                children: Some(children),
            },
        ));
    }
    // Nest each section under its parent. A section comes after its parent, so going from the
    // last to the first, every subtree is whole before it moves; each moves once, and its own
    // entries stay ahead of its subsections, as in the document. (Cloning each subtree into a
    // parent, at the front of its list, took 0.8 s on a 1 MB draft of 26,000 sections.)
    let mut subsections: Vec<Vec<DocumentSymbol>> =
        (0..symbols.len()).map(|_| Vec::new()).collect();
    let mut roots = Vec::new();
    while let Some((parent, mut symbol)) = symbols.pop() {
        let idx = symbols.len();
        let mut own = std::mem::take(&mut subsections[idx]);
        own.reverse();
        symbol.children.get_or_insert_with(Vec::new).extend(own);
        match parent.filter(|&parent| parent < idx) {
            Some(parent) => subsections[parent].push(symbol),
            None => roots.push(symbol),
        }
    }
    roots.reverse();
    roots
}

pub fn folding_ranges(snapshot: &Snapshot, encoding: Encoding) -> Vec<FoldingRange> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let text = snapshot.text.trim_end();
    let lines = LineTable::new(&snapshot.text);
    let fold = |span: Span, kind: Option<FoldingRangeKind>| {
        let end = span.end.min(text.len()).max(span.start);
        let start_line = lines.position(span.start, encoding).line;
        let end_line = lines
            .position(end.saturating_sub(1).max(span.start), encoding)
            .line;
        (end_line > start_line).then_some(FoldingRange {
            start_line,
            start_character: None,
            end_line,
            end_character: None,
            kind,
            collapsed_text: None,
        })
    };
    let mut ranges = Vec::new();
    if let Some(fm) = &doc.front_matter {
        ranges.extend(fold(fm.span, Some(FoldingRangeKind::Imports)));
    }
    ranges.extend(
        doc.sections
            .iter()
            .filter_map(|s| fold(s.span, Some(FoldingRangeKind::Region))),
    );
    ranges.extend(
        doc.entries
            .iter()
            .filter(|e| !e.detail.is_empty())
            .filter_map(|e| fold(e.span, None)),
    );
    ranges
}

pub fn code_lenses(snapshot: &Snapshot, encoding: Encoding) -> Vec<CodeLens> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let Some(ladder) = ladder(snapshot) else {
        return Vec::new();
    };
    let lines = LineTable::new(&snapshot.text);
    let lens = |span: Span, title: String| CodeLens {
        range: lines.range(span.start, span.start, encoding),
        command: Some(Command {
            title,
            command: String::new(),
            arguments: None,
        }),
        data: None,
    };
    let mut lenses = Vec::new();
    // Counted once for the readiness lens and every trait section's.
    // With the other docs of its case: a brag doc's tagged entries count here.
    let evidence = case_counts_or_own(doc, ladder, snapshot.case.as_deref());
    if doc.kind == DocKind::Promo
        && let Some(report) = readiness_from(doc, ladder, &evidence)
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
        lenses.push(lens(
            at,
            format!(
                "{}: {} of {} expected traits evidenced{only_inferred}",
                level.id,
                report.n_evidenced(),
                report.traits.len()
            ),
        ));
    }
    for (_, section, trait_idx) in doc.trait_sections() {
        lenses.push(lens(section.heading, evidence[trait_idx].summary()));
    }
    // A heading of two traits gets a lens for each.
    for (section_idx, named) in &doc.inference(ladder).multi_trait_sections {
        for &trait_idx in named {
            lenses.push(lens(
                doc.sections[*section_idx].heading,
                format!(
                    "{}: {}",
                    ladder.traits[trait_idx].name,
                    evidence[trait_idx].summary()
                ),
            ));
        }
    }
    lenses
}

/// The semantic token types rung emits, in legend order (documented in the README).
pub const TOKEN_TYPES: [SemanticTokenType; 5] = [
    SemanticTokenType::ENUM_MEMBER, // a trait: heading text or #tag
    SemanticTokenType::ENUM,        // a level: front-matter value or a mention in prose
    SemanticTokenType::NUMBER,      // a measured quantity in a win
    SemanticTokenType::PROPERTY,    // a front-matter key rung reads
    SemanticTokenType::KEYWORD,     // a role heading (Wins, Feedback, Next steps…)
];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TOKEN_TYPES.to_vec(),
        token_modifiers: Vec::new(),
    }
}

/// Semantic tokens, optionally only those overlapping `range` (byte offsets).
pub fn semantic_tokens(
    snapshot: &Snapshot,
    encoding: Encoding,
    within: Option<Span>,
) -> Vec<SemanticToken> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let mut spans: Vec<(Span, u32)> = Vec::new();
    for section in &doc.sections {
        match section.kind {
            SectionKind::Trait(_) => spans.push((section.title_span, 0)),
            SectionKind::Role(_) => spans.push((section.title_span, 4)),
            SectionKind::Free => {}
        }
    }
    spans.extend(
        doc.tags
            .iter()
            .filter(|t| t.trait_idx.is_some())
            .map(|t| (t.span, 0)),
    );
    if let Some(fm) = &doc.front_matter {
        for entry in &fm.entries {
            if crate::analysis::rules::unknown_front_matter_key::KNOWN_KEYS
                .contains(&entry.key.as_str())
            {
                spans.push((entry.key_span, 3));
            }
            if matches!(entry.key.as_str(), "level" | "target") && !entry.value_span.is_empty() {
                spans.push((entry.value_span, 1));
            }
        }
    }
    if let Some(ladder) = ladder(snapshot) {
        for run in &doc.prose_runs {
            let source = &snapshot.text[run.start..run.end];
            for level in &ladder.levels {
                for (at, _) in source.match_indices(level.id.as_str()) {
                    let before = source[..at].chars().next_back();
                    let after = source[at + level.id.len()..].chars().next();
                    if !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                        && level.id.chars().any(|c| c.is_ascii_digit())
                    {
                        spans.push((
                            Span::new(run.start + at, run.start + at + level.id.len()),
                            1,
                        ));
                    }
                }
            }
        }
    }
    spans.extend(ide::measured_spans(doc).into_iter().map(|s| (s, 2)));
    if let Some(range) = within {
        spans.retain(|(s, _)| s.start < range.end && range.start < s.end);
    }
    spans.retain(|(s, _)| !s.is_empty());
    spans.sort_by_key(|(s, t)| (s.start, s.end, *t));
    spans.dedup_by(|b, a| b.0.start < a.0.end); // no overlaps: the first token wins

    let lines = LineTable::new(&snapshot.text);
    let mut tokens = Vec::new();
    let (mut last_line, mut last_col) = (0u32, 0u32);
    for (span, token_type) in spans {
        // Tokens may not cross lines: emit one per line piece.
        let mut start = span.start;
        while start < span.end {
            let line_end = snapshot.text[start..span.end]
                .find(['\n', '\r'])
                .map_or(span.end, |i| start + i);
            if line_end > start {
                let from = lines.position(start, encoding);
                let to = lines.position(line_end, encoding);
                let delta_line = from.line - last_line;
                let delta_start = if delta_line == 0 {
                    from.character - last_col
                } else {
                    from.character
                };
                tokens.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: to.character - from.character,
                    token_type,
                    token_modifiers_bitset: 0,
                });
                last_line = from.line;
                last_col = from.character;
            }
            start = snapshot.text[line_end..span.end]
                .find(|c| c != '\n' && c != '\r')
                .map_or(span.end, |i| line_end + i);
        }
    }
    tokens
}

/// The trait id named at `position` (by a tag or a trait heading), and whether it is a tag.
pub fn trait_id_at(
    snapshot: &Snapshot,
    encoding: Encoding,
    position: Position,
) -> Option<(String, Option<Span>)> {
    let doc = snapshot.analysis.document.as_ref()?;
    let ladder = ladder(snapshot)?;
    let offset = snapshot.document.offset(position, encoding);
    let trait_idx = ide::trait_at(doc, offset)?;
    let tag = doc
        .tags
        .iter()
        .find(|t| t.span.start <= offset && offset <= t.span.end)
        .map(|t| t.span);
    Some((ladder.traits[trait_idx].id.clone(), tag))
}

/// Trait headings (definitions) and tags (references) of the trait `trait_id` in one document.
pub fn trait_locations(
    snapshot: &Snapshot,
    encoding: Encoding,
    uri: &Uri,
    trait_id: &str,
) -> (Vec<Location>, Vec<Location>) {
    let (Some(doc), Some(ladder)) = (&snapshot.analysis.document, ladder(snapshot)) else {
        return (Vec::new(), Vec::new());
    };
    let Some(trait_idx) = ladder.traits.iter().position(|t| t.id == trait_id) else {
        return (Vec::new(), Vec::new());
    };
    let (definitions, tags) = ide::trait_mentions(doc, trait_idx);
    let location = |span: Span| Location {
        uri: uri.clone(),
        range: snapshot.document.range(span.start, span.end, encoding),
    };
    (
        definitions.into_iter().map(location).collect(),
        tags.into_iter().map(location).collect(),
    )
}

/// Edits that rename every tag of `trait_id` in one document to `#new_name`.
pub fn rename_tags(
    snapshot: &Snapshot,
    encoding: Encoding,
    uri: &Uri,
    trait_id: &str,
    new_name: &str,
) -> Vec<TextEdit> {
    let (_, tags) = trait_locations(snapshot, encoding, uri, trait_id);
    tags.into_iter()
        .map(|l| TextEdit {
            range: l.range,
            new_text: format!("#{new_name}"),
        })
        .collect()
}

/// Trait sections and wins of one document whose name contains `query` (case-insensitive).
pub fn workspace_symbols(
    snapshot: &Snapshot,
    encoding: Encoding,
    uri: &Uri,
    query: &str,
) -> Vec<WorkspaceSymbol> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let query = query.to_lowercase();
    let symbol = |name: String, kind: SymbolKind, span: Span| WorkspaceSymbol {
        name,
        kind,
        tags: None,
        container_name: Some(doc.kind.id().to_string()),
        location: OneOf::Left(Location {
            uri: uri.clone(),
            range: snapshot.document.range(span.start, span.end, encoding),
        }),
        data: None,
    };
    let mut out: Vec<WorkspaceSymbol> = doc
        .trait_sections()
        .map(|(_, s, _)| symbol(s.title.clone(), SymbolKind::CLASS, s.title_span))
        .collect();
    out.extend(
        doc.entries
            .iter()
            .filter(|e| e.role == EntryRole::Win && !e.is_placeholder)
            .map(|e| {
                symbol(
                    shorten(&e.text.replace(['\n', '\r'], " "), 60),
                    SymbolKind::EVENT,
                    e.text_span,
                )
            }),
    );
    out.retain(|s| s.name.to_lowercase().contains(&query));
    out
}

#[cfg(test)]
mod tests {
    use super::strip_snippet;

    #[test]
    fn snippets_reduce_to_plain_text() {
        assert_eq!(
            strip_snippet("- ${1:YYYY-MM-DD}: ${2:Did X}$0"),
            "- YYYY-MM-DD: Did X"
        );
        assert_eq!(strip_snippet("$"), "$");
    }
}
