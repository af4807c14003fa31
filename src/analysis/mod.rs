//! The pure analysis core: text in, document model and diagnostics out.
//!
//! `analyze` decides whether a file is a growth doc (DESIGN §1), parses its front matter and
//! body once, resolves its ladder, and runs every rule of the registry over the one model. It
//! does no I/O: what it needs to know about other files comes through [`LinkResolver`], and the
//! date for the "insert today's date" fix comes in [`Input::today`].

pub mod case;
pub mod chunks;
pub mod diagnostic;
pub mod document;
pub mod front_matter;
pub mod ide;
pub mod impact;
pub mod infer;
pub mod memo;
pub mod parse;
pub mod readiness;
pub mod rules;
pub mod text;
pub mod words;

// The word-level recognisers live under `words/`; their old paths stay for callers.
pub use words::{dates, names, placeholders};

use crate::catalogue::{Catalogue, DEFAULT_LADDER, Ladder};
use diagnostic::{Diagnostic, Severity};
use document::{DocKind, Document, KindSource, SuppressionScope};
use std::collections::HashMap;
use text::LineIndex;

/// Configuration the core reads, assembled by the adapters from `rung.toml` and editor settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub catalogue: Catalogue,
    /// The ladder used when front matter names none.
    pub default_ladder: String,
    /// Per-rule severity overrides, by rule name.
    pub severities: HashMap<String, Severity>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            catalogue: Catalogue::builtin(),
            default_ladder: DEFAULT_LADDER.to_string(),
            severities: HashMap::new(),
        }
    }
}

impl Settings {
    pub fn severity_of(&self, rule: &rules::Rule) -> Severity {
        self.severities
            .get(rule.name)
            .copied()
            .unwrap_or(rule.default_severity)
    }

    /// The severity of `rule` in a doc of `kind`: the configured one, else the rule's default for
    /// that kind (a configured severity applies to every kind).
    pub fn severity_in(&self, rule: &rules::Rule, kind: document::DocKind) -> Severity {
        self.severities
            .get(rule.name)
            .copied()
            .unwrap_or_else(|| rules::default_severity_in(rule, kind))
    }
}

/// What the file system knows about a link's target, answered by the adapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// The adapter cannot tell (no file system, or a remote link): say nothing.
    Unknown,
    Missing,
    /// The file exists; `anchors` are its heading slugs (shared: a resolver hands the same list
    /// to every link to the file).
    Found {
        anchors: std::sync::Arc<[String]>,
    },
}

/// Resolves a link destination (a relative path, without its `#anchor`) from the analysed file.
pub trait LinkResolver {
    fn resolve(&self, path: &str) -> LinkTarget;
}

/// A resolver for callers without a file system: every other file is [`LinkTarget::Unknown`].
pub struct NoFileSystem;

impl LinkResolver for NoFileSystem {
    fn resolve(&self, _path: &str) -> LinkTarget {
        LinkTarget::Unknown
    }
}

/// One document to analyse.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub text: &'a str,
    /// The file's name (not its path), for kind detection by name.
    pub file_name: Option<&'a str>,
    /// The kind `rung.toml` gives the file when one of its include globs matches it.
    pub config_kind: Option<DocKind>,
    /// `--kind` on the command line.
    pub forced_kind: Option<DocKind>,
    /// Today's date as `YYYY-MM-DD`, for the fix that dates an entry.
    pub today: Option<&'a str>,
    /// Results kept from earlier analyses of this document (the language server keeps one per
    /// open document); the result is the same with or without it.
    pub memo: Option<&'a memo::Memo>,
    /// What the other docs of this doc's case say ([`case::CaseFacts`]): their evidence counts
    /// for this doc's traits, and an entry citing theirs is judged by what it cites.
    pub case: Option<&'a case::CaseFacts>,
}

impl<'a> Input<'a> {
    pub fn new(text: &'a str) -> Input<'a> {
        Input {
            text,
            file_name: None,
            config_kind: None,
            forced_kind: None,
            today: None,
            memo: None,
            case: None,
        }
    }
}

/// The result of analysing one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// `None` when the file is not a growth doc; it then has no diagnostics either.
    pub document: Option<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What every rule gets to read.
pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub ladder: &'a Ladder,
    pub settings: &'a Settings,
    pub links: &'a dyn LinkResolver,
    pub today: Option<&'a str>,
    pub memo: Option<&'a memo::Memo>,
    /// The other docs of the case, when the adapter read them.
    pub case: Option<&'a case::CaseFacts>,
    /// The kept piece models the document was made from, in order (see [`memo::Results`]);
    /// empty without a memo or for a body of one piece.
    pub kept_pieces: &'a [memo::KeptAt],
    /// The line ending fixes insert, found at the first rule that asks: finding it reads the
    /// whole text, and several rules ask.
    newline: std::sync::OnceLock<&'static str>,
    /// The lines `<!-- rung-disable-next-line -->` comments silence, with the rules they name.
    suppressed_lines: NextLineSuppressions,
    /// The one reading of each judged entry's words (`None` for entries no text rule judges),
    /// made at the first rule that asks ([`Context::entry_words`]).
    entry_words: std::sync::OnceLock<Box<[Option<words::reading::EntryWords>]>>,
}

/// The lines next-line suppression comments silence. Line numbers are only worked out when the
/// document has such a comment; most docs have none.
struct NextLineSuppressions {
    index: Option<LineIndex>,
    /// (line, rules named; empty for every rule).
    lines: Vec<(usize, Vec<String>)>,
}

impl NextLineSuppressions {
    fn new(text: &str, doc: &Document) -> NextLineSuppressions {
        let has_next_line = doc
            .suppressions
            .iter()
            .any(|s| s.scope == SuppressionScope::NextLine);
        let Some(index) = has_next_line.then(|| LineIndex::new(text)) else {
            return NextLineSuppressions {
                index: None,
                lines: Vec::new(),
            };
        };
        let lines = doc
            .suppressions
            .iter()
            .filter(|s| s.scope == SuppressionScope::NextLine)
            .map(|s| (next_content_line(text, &index, s.span.end), s.rules.clone()))
            .collect();
        NextLineSuppressions {
            index: Some(index),
            lines,
        }
    }
}

impl Context<'_> {
    /// Whether the rule named `name` speaks in this document at all: it applies to the doc's
    /// kind, is not configured off and not silenced for the file. A rule that leaves a problem
    /// to another (placeholders to `placeholder-text`) asks, so the problem is never left to a
    /// rule that is off.
    pub fn rule_is_on(&self, name: &str) -> bool {
        rules::find(name).is_some_and(|rule| {
            rule.kinds.contains(&self.doc.kind)
                && self.settings.severity_in(rule, self.doc.kind) != Severity::Off
                && !is_file_suppressed(self.doc, name)
        })
    }

    /// Whether a `<!-- rung-disable-next-line -->` comment silences `rule` on the line holding
    /// `offset`. The runner drops findings on such lines; a rule that speaks for several places
    /// in one finding asks first, so that it leaves the silenced ones out.
    pub fn is_line_suppressed(&self, rule: &str, offset: usize) -> bool {
        let Some(index) = &self.suppressed_lines.index else {
            return false;
        };
        let line = index.line_of(offset);
        self.suppressed_lines
            .lines
            .iter()
            .any(|(l, names)| *l == line && (names.is_empty() || names.iter().any(|n| n == rule)))
    }

    /// Each entry's words as `vague-win` and `weak-verb` read them, `None` for an entry they do
    /// not judge ([`rules::is_judged`]): one tokenisation per entry per analysis, through one memo
    /// table (or the kept piece's slots) when there is a memo.
    pub fn entry_words(&self) -> &[Option<words::reading::EntryWords>] {
        self.entry_words.get_or_init(|| {
            let mut results = memo::Results::entry_words(self.memo, self.kept_pieces);
            // One buffer for every entry's joined text, not a string each.
            let mut joined = String::new();
            self.doc
                .entries
                .iter()
                .enumerate()
                .map(|(index, entry)| {
                    rules::is_judged(self.doc, entry).then(|| {
                        let own_len = entry.text.len();
                        results.get(
                            index,
                            || entry.full_text_in(&mut joined),
                            |words| words.is_split_at(own_len),
                            |full| words::reading::read(full, own_len),
                        )
                    })
                })
                .collect()
        })
    }

    /// The traits the doc evidences (indexed by trait of its ladder), with the evidence of the
    /// other docs of its case.
    pub fn evidenced_traits(&self) -> Vec<bool> {
        let mut evidenced = self.doc.evidenced_traits(&self.ladder.traits);
        if let Some(case) = self.case {
            for (flag, other) in evidenced.iter_mut().zip(case.evidenced(self.ladder)) {
                *flag |= other;
            }
        }
        evidenced
    }

    /// The line ending the document uses, so inserted text matches it.
    pub fn newline(&self) -> &'static str {
        self.newline.get_or_init(|| rules::newline_of(self.text))
    }
}

/// Decide the kind of a document (DESIGN §1: front matter, then `rung.toml`, then file name).
fn detect_kind(
    input: &Input,
    front_matter: Option<&front_matter::FrontMatter>,
) -> Option<(DocKind, KindSource)> {
    if let Some(kind) = input.forced_kind {
        return Some((kind, KindSource::Forced));
    }
    let by_name = input.file_name.and_then(DocKind::from_file_name);
    if let Some(entry) = front_matter.and_then(|fm| fm.get("kind")) {
        let declared = match &entry.value {
            front_matter::FmValue::Text(text) => DocKind::parse(text),
            _ => None,
        };
        // An unusable `kind:` still makes the file a growth doc; `invalid-front-matter` says why.
        let kind = declared
            .or(input.config_kind)
            .or(by_name)
            .unwrap_or(DocKind::Promo);
        return Some((kind, KindSource::FrontMatter));
    }
    if let Some(kind) = input.config_kind {
        return Some((kind, KindSource::Config));
    }
    by_name.map(|kind| (kind, KindSource::FileName))
}

/// Analyse one document against the settings.
pub fn analyze(input: &Input, settings: &Settings, links: &dyn LinkResolver) -> Analysis {
    let parsed = front_matter::parse_front_matter(input.text);
    let Some((kind, kind_source)) = detect_kind(input, parsed.front_matter.as_ref()) else {
        return Analysis {
            document: None,
            diagnostics: Vec::new(),
        };
    };
    let named_ladder = parsed
        .front_matter
        .as_ref()
        .and_then(|fm| fm.text("ladder"))
        .map(|(id, _)| id);
    let ladder = named_ladder
        .and_then(|id| settings.catalogue.ladder(id))
        .or_else(|| settings.catalogue.ladder(&settings.default_ladder))
        .or_else(|| settings.catalogue.ladder(DEFAULT_LADDER))
        .or_else(|| settings.catalogue.ladders.first());
    let Some(ladder) = ladder else {
        // Only reachable with an empty catalogue, which the adapters never build.
        return Analysis {
            document: None,
            diagnostics: Vec::new(),
        };
    };

    // The memo's generation covers the model pass too: piece models are kept in it.
    let generation = input.memo.map(memo::Memo::start);
    let (body, kept_pieces) =
        parse::parse_body(input.text, parsed.body_start, ladder, kind, input.memo);
    let document = Document {
        kind,
        kind_source,
        front_matter: parsed.front_matter,
        front_matter_problem: parsed.problem,
        body_start: parsed.body_start,
        ladder_id: ladder.id.clone(),
        sections: body.sections,
        entries: body.entries,
        tags: body.tags,
        links: body.links,
        prose_runs: body.prose_runs,
        suppressions: body.suppressions,
        text_len: input.text.len(),
        inference: std::sync::OnceLock::new(),
        named_evidence: std::sync::OnceLock::new(),
        impacts: std::sync::OnceLock::new(),
        kept_pieces: memo::KeptPieces::new(kept_pieces),
    };
    if infer::rules_may_need(&document, ladder) {
        document.inference(ladder);
    }
    let context = Context {
        text: input.text,
        doc: &document,
        ladder,
        settings,
        links,
        today: input.today,
        memo: input.memo,
        case: input.case,
        kept_pieces: document.kept_pieces.as_slice(),
        newline: std::sync::OnceLock::new(),
        suppressed_lines: NextLineSuppressions::new(input.text, &document),
        entry_words: std::sync::OnceLock::new(),
    };
    let diagnostics = run_rules(&context);
    if let (Some(memo), Some(generation)) = (input.memo, generation) {
        memo.finish(generation);
    }
    // The rules' judgement of each entry stays with the document, for the outline, lenses,
    // readiness and hovers to read (`Document::entry_impact`).
    if let Some(words) = context.entry_words.into_inner() {
        let impacts = words.iter().map(|w| w.as_ref().map(|w| w.impact)).collect();
        let _ = document.impacts.set(impacts);
    }
    Analysis {
        document: Some(document),
        diagnostics,
    }
}

fn run_rules(context: &Context) -> Vec<Diagnostic> {
    let doc = context.doc;
    let file_suppressed = |rule: &str| is_file_suppressed(doc, rule);

    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in rules::REGISTRY {
        let severity = context.settings.severity_in(rule, doc.kind);
        if severity == Severity::Off
            || !rule.kinds.contains(&doc.kind)
            || file_suppressed(rule.name)
        {
            continue;
        }
        findings.clear();
        (rule.check)(context, &mut findings);
        // Grow to exactly what is needed: a large draft has tens of thousands of diagnostics,
        // and doubling would leave up to half of them again unused at the peak.
        diagnostics.reserve_exact(findings.len());
        for finding in findings.drain(..) {
            if context.is_line_suppressed(rule.name, finding.span.start) {
                continue;
            }
            diagnostics.push(Diagnostic {
                rule: rule.name,
                severity,
                span: finding.span,
                message: finding.message,
                related: finding.related,
                fix: finding.fix,
            });
        }
    }
    diagnostics.shrink_to_fit();
    sort_in_place(&mut diagnostics);
    diagnostics
}

/// Whether a `<!-- rung-disable -->` comment silences `rule` for the whole document.
fn is_file_suppressed(doc: &Document, rule: &str) -> bool {
    doc.suppressions.iter().any(|s| {
        s.scope == SuppressionScope::File
            && (s.rules.is_empty() || s.rules.iter().any(|r| r == rule))
    })
}

/// Sort by span, then rule, keeping each rule's own order among equals (a stable sort), without
/// the scratch copy a stable sort of the diagnostics themselves takes (half again as much memory
/// on a large draft): sort 4-byte indexes, then apply the permutation by swapping along its
/// cycles.
fn sort_in_place(diagnostics: &mut [Diagnostic]) {
    let mut order: Vec<u32> = (0..diagnostics.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&diagnostics[a as usize], &diagnostics[b as usize]);
        a.span.cmp(&b.span).then_with(|| a.rule.cmp(b.rule))
    });
    // `order[k]` is the index of the diagnostic that belongs at `k`.
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let next = order[current] as usize;
            order[current] = current as u32;
            if next == start || next == current {
                break;
            }
            diagnostics.swap(current, next);
            current = next;
        }
    }
}

/// Compile every pattern the rules use, by analysing a small document of each kind that touches
/// them all. The language server calls this at start-up on a background thread, so the first
/// document a user opens does not wait for regex compilation. The impact detector's largest
/// pattern compiles on a second thread meanwhile, and the kinds that do not judge impact go
/// first: on two cores the warm-up takes 17–26 ms instead of ~30.
pub fn warm_up(settings: &Settings) {
    const SAMPLE: &str = "---\nkind: promo\nlevel: E5\ntarget: E6\nfocus: [delegation]\n---\n# Case\n## Wins\n- 2026-03-14: Helped cut p99 from 800 ms to 120 ms for 3 teams #ownership [x](#wins) TODO\n  - Attended 12 meetings for two years\n## Ownrship\n## Didn't go well\n- Deploys broke\n## Do differently\n- Freeze deploys weekly\n## Feedback\n- Ask my manager for feedback monthly\n<!-- rung-disable-next-line vague-win -->\n- Improved things\n";
    std::thread::scope(|scope| {
        impact::compile_patterns_in(scope);
        use document::DocKind::{Brag, GrowthPlan, Promo, Retro};
        for kind in [GrowthPlan, Retro, Promo, Brag] {
            let input = Input {
                forced_kind: Some(kind),
                today: Some("2026-01-01"),
                ..Input::new(SAMPLE)
            };
            let _ = analyze(&input, settings, &NoFileSystem);
        }
    });
}

/// The first non-blank line after `offset` (a suppression comment's end).
fn next_content_line(text: &str, index: &LineIndex, offset: usize) -> usize {
    let mut line = index.line_of(offset) + 1;
    while line < index.n_lines() && index.line_text(text, line).trim().is_empty() {
        line += 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_in_place_equals_a_stable_sort() {
        let rules = ["b-rule", "a-rule", "c-rule"];
        let mut diagnostics: Vec<Diagnostic> = (0..200u32)
            .map(|i| {
                // A fixed scramble with many equal spans and rules.
                let start = ((i * 37) % 23) as usize;
                Diagnostic {
                    rule: rules[(i * 7 % 3) as usize],
                    severity: Severity::Warning,
                    span: text::Span::new(start, start + (i % 2) as usize),
                    message: format!("{i}").into(),
                    related: Vec::new(),
                    fix: None,
                }
            })
            .collect();
        let mut expected = diagnostics.clone();
        expected.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.rule.cmp(b.rule)));
        sort_in_place(&mut diagnostics);
        assert_eq!(diagnostics, expected);
    }
}
