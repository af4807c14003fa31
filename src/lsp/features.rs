//! One function per editor feature, each from an analysed snapshot to LSP types: completion,
//! hover, code actions, outline (symbols, folding, code lens) and semantic tokens. What each
//! feature finds comes from `analysis::ide` (one file per feature, in byte spans and plain
//! structs); this file only converts it to positions and protocol types.

use super::convert;
use super::documents::{Encoding, LineTable};
use super::state::Snapshot;
use crate::analysis::document::EntryRole;
use crate::analysis::ide::{self, Candidate, CandidateKind};
use crate::analysis::rules::newline_of;
use crate::analysis::text::Span;
use crate::catalogue::Ladder;
#[cfg(test)]
use std::borrow::Cow;
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
    markup: convert::Markup,
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
        .map(|c| completion_item(snapshot, encoding, c, snippets, markup))
        .collect()
}

fn completion_item(
    snapshot: &Snapshot,
    encoding: Encoding,
    candidate: Candidate,
    snippets: bool,
    markup: convert::Markup,
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
        documentation: candidate
            .documentation
            .map(|markdown| Documentation::MarkupContent(markup.content(markdown))),
        sort_text: Some(candidate.sort_text),
        filter_text: Some(candidate.filter_text.unwrap_or(candidate.label)),
        insert_text_format: Some(if as_snippet {
            InsertTextFormat::SNIPPET
        } else {
            InsertTextFormat::PLAIN_TEXT
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
        ..Default::default()
    }
}

pub fn hover(
    snapshot: &Snapshot,
    encoding: Encoding,
    position: Position,
    markup: convert::Markup,
) -> Option<Hover> {
    let offset = snapshot.document.offset(position, encoding);
    let (span, markdown) = ide::hover(
        &snapshot.text,
        &snapshot.analysis,
        &snapshot.settings,
        offset,
    )?;
    Some(Hover {
        contents: HoverContents::Markup(markup.content(markdown)),
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

#[cfg(test)]
fn symbol_kind(kind: ide::OutlineKind) -> SymbolKind {
    match kind {
        ide::OutlineKind::TraitSection => SymbolKind::CLASS,
        ide::OutlineKind::RoleSection => SymbolKind::MODULE,
        ide::OutlineKind::FreeSection => SymbolKind::NAMESPACE,
        ide::OutlineKind::Entry => SymbolKind::EVENT,
    }
}

/// [`symbol_kind`] as the protocol writes it (a test checks the two agree).
fn symbol_kind_number(kind: ide::OutlineKind) -> &'static [u8] {
    match kind {
        ide::OutlineKind::TraitSection => b"5",
        ide::OutlineKind::RoleSection => b"2",
        ide::OutlineKind::FreeSection => b"3",
        ide::OutlineKind::Entry => b"24",
    }
}

/// The outline as typed symbols: the twin of [`document_symbols_json`], for its test.
#[cfg(test)]
#[allow(deprecated)] // DocumentSymbol::deprecated must be written out.
pub fn document_symbols(snapshot: &Snapshot, encoding: Encoding) -> Vec<DocumentSymbol> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    // Thousands of positions on a large draft: one line table, not a rope walk for each.
    let lines = snapshot.lines();
    fn convert(item: ide::OutlineItem, lines: &LineTable, encoding: Encoding) -> DocumentSymbol {
        let is_entry = item.kind == ide::OutlineKind::Entry;
        DocumentSymbol {
            name: item.name,
            detail: item.detail.map(Cow::into_owned),
            kind: symbol_kind(item.kind),
            tags: None,
            deprecated: None,
            range: lines.range(item.span.start, item.span.end, encoding),
            selection_range: lines.range(item.selection.start, item.selection.end, encoding),
            children: (!is_entry).then(|| {
                item.children
                    .into_iter()
                    .map(|child| convert(child, lines, encoding))
                    .collect()
            }),
        }
    }
    ide::outline(doc, ladder(snapshot), snapshot.case.as_deref())
        .into_iter()
        .map(|item| convert(item, &lines, encoding))
        .collect()
}

/// The outline as the JSON of `documentSymbol`'s answer (`null` for no document), written
/// straight from the outline's nodes: building `DocumentSymbol`s and serialising them took
/// longer than building the outline. Equal to [`document_symbols`] serialised (a test checks).
/// `free` is handed the outline's nodes once written (thousands of them and their strings, on a
/// large draft: the server frees them off the way to the answer).
pub fn document_symbols_json(
    snapshot: Option<&Snapshot>,
    encoding: Encoding,
    free: impl FnOnce(Vec<ide::OutlineItem>),
) -> Vec<u8> {
    let Some(snapshot) = snapshot else {
        return b"null".to_vec();
    };
    let Some(doc) = &snapshot.analysis.document else {
        return b"[]".to_vec();
    };
    let lines = snapshot.lines();
    let items = ide::outline_counted(doc, ladder(snapshot), snapshot.evidence());
    let mut out = Vec::with_capacity(64 + snapshot.text.len() * 3);
    write_symbols(&mut out, &items, &lines, encoding);
    free(items);
    out
}

fn write_symbols(
    out: &mut Vec<u8>,
    items: &[ide::OutlineItem],
    lines: &LineTable,
    encoding: Encoding,
) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"name":"#);
        convert::json_string(out, &item.name);
        if let Some(detail) = &item.detail {
            out.extend_from_slice(br#","detail":"#);
            convert::json_string(out, detail);
        }
        out.extend_from_slice(br#","kind":"#);
        out.extend_from_slice(symbol_kind_number(item.kind));
        out.extend_from_slice(br#","range":"#);
        convert::write_range(out, lines.range(item.span.start, item.span.end, encoding));
        out.extend_from_slice(br#","selectionRange":"#);
        convert::write_range(
            out,
            lines.range(item.selection.start, item.selection.end, encoding),
        );
        if item.kind != ide::OutlineKind::Entry {
            out.extend_from_slice(br#","children":"#);
            write_symbols(out, &item.children, lines, encoding);
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// A fold in the editor's lines: its first and last line and its kind as the protocol names it
/// (`None` for a fold that spans one line, which is no fold to an editor).
fn fold_lines(
    fold: &ide::Fold,
    lines: &LineTable,
    encoding: Encoding,
) -> Option<(u32, u32, Option<FoldingRangeKind>)> {
    let start_line = lines.position(fold.span.start, encoding).line;
    let last_byte = fold.span.end.saturating_sub(1).max(fold.span.start);
    let end_line = lines.position(last_byte, encoding).line;
    let kind = match fold.kind {
        ide::FoldKind::FrontMatter => Some(FoldingRangeKind::Imports),
        ide::FoldKind::Section => Some(FoldingRangeKind::Region),
        ide::FoldKind::Entry => None,
    };
    (end_line > start_line).then_some((start_line, end_line, kind))
}

/// The folding ranges as typed values: the twin of [`folding_ranges_json`], for its test.
#[cfg(test)]
pub fn folding_ranges(snapshot: &Snapshot, encoding: Encoding) -> Vec<FoldingRange> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let lines = snapshot.lines();
    ide::folds(&snapshot.text, doc)
        .iter()
        .filter_map(|fold| fold_lines(fold, &lines, encoding))
        .map(|(start_line, end_line, kind)| FoldingRange {
            start_line,
            start_character: None,
            end_line,
            end_character: None,
            kind,
            collapsed_text: None,
        })
        .collect()
}

/// The folding ranges as the JSON of `foldingRange`'s answer (`null` for no document), written
/// straight from the folds, as [`document_symbols_json`] is. Equal, byte for byte, to
/// [`folding_ranges`] serialised (a test checks).
pub fn folding_ranges_json(snapshot: Option<&Snapshot>, encoding: Encoding) -> Vec<u8> {
    let Some(snapshot) = snapshot else {
        return b"null".to_vec();
    };
    let Some(doc) = &snapshot.analysis.document else {
        return b"[]".to_vec();
    };
    let lines = snapshot.lines();
    let folds = ide::folds(&snapshot.text, doc);
    let mut out = Vec::with_capacity(2 + folds.len() * 48);
    write_folds(&mut out, &folds, &lines, encoding);
    out
}

fn write_folds(out: &mut Vec<u8>, folds: &[ide::Fold], lines: &LineTable, encoding: Encoding) {
    out.push(b'[');
    let ranges = folds
        .iter()
        .filter_map(|fold| fold_lines(fold, lines, encoding));
    for (i, (start_line, end_line, kind)) in ranges.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"startLine":"#);
        convert::push_u32(out, start_line);
        out.extend_from_slice(br#","endLine":"#);
        convert::push_u32(out, end_line);
        if let Some(kind) = kind {
            out.extend_from_slice(br#","kind":"#);
            out.extend_from_slice(fold_kind_json(&kind));
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// A folding range kind as the protocol writes it (a test checks it against serde's).
fn fold_kind_json(kind: &FoldingRangeKind) -> &'static [u8] {
    match kind {
        FoldingRangeKind::Imports => br#""imports""#,
        FoldingRangeKind::Region => br#""region""#,
        FoldingRangeKind::Comment => br#""comment""#,
    }
}

/// The code lenses as typed values: the twin of [`code_lenses_json`], for its test.
#[cfg(test)]
pub fn code_lenses(snapshot: &Snapshot, encoding: Encoding) -> Vec<CodeLens> {
    let (Some(doc), Some(ladder)) = (&snapshot.analysis.document, ladder(snapshot)) else {
        return Vec::new();
    };
    let lines = snapshot.lines();
    typed_lenses(
        &ide::lenses(doc, ladder, snapshot.case.as_deref()),
        &lines,
        encoding,
    )
}

#[cfg(test)]
fn typed_lenses(lenses: &[ide::Lens], lines: &LineTable, encoding: Encoding) -> Vec<CodeLens> {
    lenses
        .iter()
        .map(|lens| CodeLens {
            range: lines.range(lens.at, lens.at, encoding),
            command: Some(Command {
                title: lens.title.clone(),
                command: String::new(),
                arguments: None,
            }),
            data: None,
        })
        .collect()
}

/// The code lenses as the JSON of `codeLens`'s answer (`null` for no document), written
/// straight from the lenses. Equal, byte for byte, to [`code_lenses`] serialised (a test checks).
pub fn code_lenses_json(snapshot: Option<&Snapshot>, encoding: Encoding) -> Vec<u8> {
    let Some(snapshot) = snapshot else {
        return b"null".to_vec();
    };
    let (Some(doc), Some(ladder)) = (&snapshot.analysis.document, ladder(snapshot)) else {
        return b"[]".to_vec();
    };
    let lines = snapshot.lines();
    let Some(evidence) = snapshot.evidence() else {
        return b"[]".to_vec();
    };
    let lenses = ide::lenses_counted(doc, ladder, evidence);
    let mut out = Vec::with_capacity(2 + lenses.len() * 128);
    write_lenses(&mut out, &lenses, &lines, encoding);
    out
}

fn write_lenses(out: &mut Vec<u8>, lenses: &[ide::Lens], lines: &LineTable, encoding: Encoding) {
    out.push(b'[');
    for (i, lens) in lenses.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"range":"#);
        convert::write_range(out, lines.range(lens.at, lens.at, encoding));
        out.extend_from_slice(br#","command":{"title":"#);
        convert::json_string(out, &lens.title);
        out.extend_from_slice(br#","command":""}}"#);
    }
    out.push(b']');
}

/// The semantic token types rung emits, in legend order (documented in the README).
pub const TOKEN_TYPES: [SemanticTokenType; 5] = [
    SemanticTokenType::ENUM_MEMBER, // a trait: heading text or #tag
    SemanticTokenType::ENUM,        // a level: front-matter value or a mention in prose
    SemanticTokenType::NUMBER,      // a measured quantity in a win
    SemanticTokenType::PROPERTY,    // a front-matter key rung reads
    SemanticTokenType::KEYWORD,     // a role heading (Wins, Feedback, Next steps…)
];

/// A highlight's index in [`TOKEN_TYPES`].
fn token_type(kind: ide::HighlightKind) -> u32 {
    match kind {
        ide::HighlightKind::Trait => 0,
        ide::HighlightKind::Level => 1,
        ide::HighlightKind::Measure => 2,
        ide::HighlightKind::Key => 3,
        ide::HighlightKind::Role => 4,
    }
}

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
    measures: &mut ide::MeasureCache,
) -> Vec<SemanticToken> {
    let Some(doc) = &snapshot.analysis.document else {
        return Vec::new();
    };
    let highlights = ide::highlights_with(&snapshot.text, doc, ladder(snapshot), within, measures);
    let lines = snapshot.lines();
    let mut tokens = Vec::new();
    let (mut last_line, mut last_col) = (0u32, 0u32);
    for ide::Highlight { span, kind } in highlights {
        let token_type = token_type(kind);
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

/// Semantic tokens as the JSON of a `semanticTokens` answer, `{"data":[...]}` (five numbers a
/// token), written straight from the tokens: equal, byte for byte, to `SemanticTokens` with no
/// result id serialised (a test checks).
pub fn semantic_tokens_json(tokens: &[SemanticToken]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + tokens.len() * 5 * 4);
    out.extend_from_slice(br#"{"data":["#);
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let numbers = [
            token.delta_line,
            token.delta_start,
            token.length,
            token.token_type,
            token.token_modifiers_bitset,
        ];
        for (j, n) in numbers.into_iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            convert::push_u32(&mut out, n);
        }
    }
    out.extend_from_slice(b"]}");
    out
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
        .map(|(_, s, _)| symbol(s.title.to_string(), SymbolKind::CLASS, s.title_span))
        .collect();
    out.extend(
        doc.entries
            .iter()
            .filter(|e| e.role == EntryRole::Win && !e.is_placeholder)
            .map(|e| symbol(ide::entry_label(e), SymbolKind::EVENT, e.text_span)),
    );
    out.retain(|s| s.name.to_lowercase().contains(&query));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, NoFileSystem, Settings, analyze};
    use std::sync::Arc;

    fn snapshot_of(text: &str) -> Snapshot {
        let settings = Arc::new(Settings::default());
        let analysis = analyze(&Input::new(text), &settings, &NoFileSystem);
        Snapshot {
            version: 1,
            text: text.into(),
            document: super::super::OpenDocument::new(text, 1),
            analysis,
            settings,
            case: None,
            evidence: Default::default(),
        }
    }

    /// The outline written directly is the typed outline serialised, in both encodings, with
    /// nesting, details, names that need escaping and text beyond the first plane.
    #[test]
    fn the_direct_outline_equals_the_typed_one() {
        let text = "---\nkind: promo\nladder: bigtech\nlevel: E5\n---\n# Case \"one\" \\ 😀\n## Ownership\n- Cut p99 from 800 ms to 120 ms for 3 teams, 漢字 😀\n  - detail\n- Helped \"the\" team\n### Notes\n- TODO\n## Wins\n- Saved $20k a year #craft\n## Free\r\nprose\r\n";
        let snapshot = snapshot_of(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let direct: serde_json::Value =
                serde_json::from_slice(&document_symbols_json(Some(&snapshot), encoding, drop))
                    .unwrap();
            let typed = serde_json::to_value(document_symbols(&snapshot, encoding)).unwrap();
            assert_eq!(direct, typed, "{encoding:?}");
        }
        assert_eq!(document_symbols_json(None, Encoding::Utf16, drop), b"null");
        for kind in [
            ide::OutlineKind::TraitSection,
            ide::OutlineKind::RoleSection,
            ide::OutlineKind::FreeSection,
            ide::OutlineKind::Entry,
        ] {
            assert_eq!(
                symbol_kind_number(kind),
                serde_json::to_vec(&symbol_kind(kind)).unwrap()
            );
        }
    }

    /// Documents for the direct writers' tests: empty, front matter only, text beyond the first
    /// plane and names to escape, CRLF line ends, a doc of no known kind, and a generated one of
    /// about a megabyte (many sections, entries with detail, CRLF and multi-byte text mixed).
    fn writer_docs() -> Vec<String> {
        let promo = "---\nkind: promo\nladder: bigtech\ntarget: E6\n---\n# Case \"one\" \\ 😀\n## Ownership\n- Cut p99 from 800 ms to 120 ms for 3 teams, 漢字 😀\n  - detail\n- Helped \"the\" team\n### Notes\n- TODO\n## Wins\n- Saved $20k a year #craft\n## Collaboration and mentorship\n- Mentored two engineers \u{1}\t \"x\"\n## Free\r\nprose\r\n";
        let crlf = promo.replace('\n', "\r\n");
        let mut large =
            String::from("---\r\nkind: promo\r\nladder: bigtech\r\ntarget: E5\r\n---\r\n");
        let mut n = 0;
        while large.len() < 1_000_000 {
            let end = if n % 3 == 0 { "\r\n" } else { "\n" };
            let heading = [
                "Ownership",
                "Craft",
                "Wins",
                "Collaboration and mentorship",
                "Délivery 😀",
                "Notes",
            ][n % 6];
            large.push_str(&format!("## {heading}{end}### Part {n}{end}"));
            for e in 0..8 {
                large.push_str(&format!(
                    "- Cut \"build\" time by {e}0% for {n} teams, 漢字 😀 #craft{end}"
                ));
                if e % 2 == 0 {
                    large.push_str(&format!("  - detail line {e}{end}  - and \\ another{end}"));
                }
            }
            large.push_str(end);
            n += 1;
        }
        vec![
            String::new(),
            "---\nkind: promo\n---\n".to_string(),
            promo.to_string(),
            crlf,
            "just prose\nover two lines\n".to_string(),
            large,
        ]
    }

    /// The lenses and folds written directly are the typed ones serialised, byte for byte, in
    /// both encodings; and `null` for a document that is not open.
    #[test]
    fn direct_lenses_and_folds_equal_the_typed_ones() {
        for text in writer_docs() {
            let snapshot = snapshot_of(&text);
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let what = format!("{encoding:?}, {} bytes", text.len());
                let lenses = code_lenses_json(Some(&snapshot), encoding);
                let typed = serde_json::to_vec(&code_lenses(&snapshot, encoding)).unwrap();
                assert_eq!(lenses, typed, "lenses, {what}");
                let parsed: serde_json::Value = serde_json::from_slice(&lenses).unwrap();
                assert_eq!(
                    parsed,
                    serde_json::from_slice::<serde_json::Value>(&typed).unwrap()
                );
                let folds = folding_ranges_json(Some(&snapshot), encoding);
                let typed = serde_json::to_vec(&folding_ranges(&snapshot, encoding)).unwrap();
                assert_eq!(folds, typed, "folds, {what}");
                serde_json::from_slice::<serde_json::Value>(&folds).unwrap();
                if text.len() > 500_000 {
                    // The large doc is compared on thousands of lenses and folds, not a few.
                    assert!(
                        lenses.len() > 100_000 && folds.len() > 100_000,
                        "{what}: {} {}",
                        lenses.len(),
                        folds.len()
                    );
                }
            }
        }
        assert_eq!(code_lenses_json(None, Encoding::Utf16), b"null");
        assert_eq!(folding_ranges_json(None, Encoding::Utf16), b"null");
        for kind in [
            FoldingRangeKind::Comment,
            FoldingRangeKind::Imports,
            FoldingRangeKind::Region,
        ] {
            assert_eq!(fold_kind_json(&kind), serde_json::to_vec(&kind).unwrap());
        }
    }

    /// A lens title of any characters is written as serde writes it: quotes, backslashes, every
    /// control character, DEL, line and paragraph separators, and text beyond the first plane.
    #[test]
    fn lens_titles_are_escaped_as_serde_escapes_them() {
        let text = "line one\r\nline two 😀\n";
        let lines = LineTable::new(text);
        let mut titles: Vec<String> = (0u32..0x20)
            .map(|c| format!("a{}b", char::from_u32(c).unwrap()))
            .collect();
        titles.extend(
            [
                "",
                "\"",
                "\\",
                "\\\"",
                "\u{7f}",
                "\u{2028}\u{2029}",
                "😀𝄞",
                "漢字 \"x\" \\ y",
                "E6: 3 of 7 expected traits evidenced (1 only inferred)",
            ]
            .map(String::from),
        );
        let lenses: Vec<ide::Lens> = titles
            .into_iter()
            .enumerate()
            .map(|(i, title)| ide::Lens {
                at: [0, 3, 10, 15, text.len()][i % 5],
                title,
            })
            .collect();
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let mut out = Vec::new();
            write_lenses(&mut out, &lenses, &lines, encoding);
            let typed = serde_json::to_vec(&typed_lenses(&lenses, &lines, encoding)).unwrap();
            assert_eq!(out, typed, "{encoding:?}");
        }
    }

    /// Semantic tokens written directly are `SemanticTokens` serialised, on every writer doc
    /// (the large one has thousands), for the whole text and a range, and with none.
    #[test]
    fn direct_semantic_tokens_equal_the_typed_ones() {
        for text in writer_docs() {
            let snapshot = snapshot_of(&text);
            for encoding in [Encoding::Utf8, Encoding::Utf16] {
                let within = Some(Span::new(text.len() / 3, text.len() / 2));
                for within in [None, within] {
                    let tokens = semantic_tokens(
                        &snapshot,
                        encoding,
                        within,
                        &mut ide::MeasureCache::default(),
                    );
                    let typed = SemanticTokensResult::Tokens(SemanticTokens {
                        result_id: None,
                        data: tokens.clone(),
                    });
                    let direct = semantic_tokens_json(&tokens);
                    assert_eq!(direct, serde_json::to_vec(&typed).unwrap(), "{encoding:?}");
                    if text.len() > 500_000 && within.is_none() {
                        assert!(tokens.len() > 10_000, "{}", tokens.len());
                    }
                }
            }
        }
        assert_eq!(semantic_tokens_json(&[]), br#"{"data":[]}"#);
    }

    #[test]
    fn snippets_reduce_to_plain_text() {
        assert_eq!(
            strip_snippet("- ${1:YYYY-MM-DD}: ${2:Did X}$0"),
            "- YYYY-MM-DD: Did X"
        );
        assert_eq!(strip_snippet("$"), "$");
    }
}
