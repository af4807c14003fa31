//! What the analysis benchmarks measure, shared by `analysis` (criterion, time) and
//! `instructions` (callgrind, instruction counts), so both measure the same work on the same
//! documents: the documents by label, pulldown-cmark alone, rung's model pass and the whole
//! analysis. A benchmark that includes this also includes `docgen.rs` as `mod docgen`.

#![allow(dead_code)]

use pulldown_cmark::{Options, Parser};
use rung::analysis::memo::Memo;
use rung::analysis::parse::{Body, parse_body};
use rung::analysis::{Analysis, Input, NoFileSystem, Settings, analyze, document::Document};
use rung::catalogue::Ladder;

/// The documents measured, by label: promo docs of 10 KB to 10 MB, and a 1 MB draft whose
/// trait headings are mostly empty (`docgen::draft_doc`).
pub const DOCS: [&str; 5] = ["10KB", "100KB", "1MB", "10MB", "1MB-draft"];

/// The generated document a label names.
pub fn doc(label: &str) -> Option<String> {
    Some(match label {
        "10KB" => super::docgen::promo_doc(10_000),
        "100KB" => super::docgen::promo_doc(100_000),
        "1MB" => super::docgen::promo_doc(1_000_000),
        "10MB" => super::docgen::promo_doc(10_000_000),
        "1MB-draft" => super::docgen::draft_doc(1_000_000),
        _ => return None,
    })
}

/// pulldown-cmark alone over `text`, with the options rung parses with.
pub fn pulldown_only(text: &str) -> usize {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    Parser::new_ext(text, options).into_offset_iter().count()
}

/// The whole analysis of `text`, as a promo doc's file.
pub fn analysis(text: &str, settings: &Settings) -> Analysis {
    promo_analysis(text, settings, None)
}

/// The whole analysis of `text`, as a promo doc's file, with the memo the language server keeps
/// for it. As the server does, the text is copied once into the shared text it offers the memo
/// and the analysis reads that copy: analysing `text` itself made the memo copy it a second time
/// (1 MB more copied in each after-edit count than the server copies).
pub fn analysis_with(text: &str, settings: &Settings, memo: &Memo) -> Analysis {
    let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
    memo.offer_text(shared.clone());
    promo_analysis(&shared, settings, Some(memo))
}

fn promo_analysis(text: &str, settings: &Settings, memo: Option<&Memo>) -> Analysis {
    let input = Input {
        file_name: Some("promo.md"),
        memo,
        ..Input::new(text)
    };
    analyze(&input, settings, &NoFileSystem)
}

/// What the model pass of `text` needs besides the text: its document (for where the body
/// starts and its kind) and its ladder.
pub fn model_inputs<'s>(text: &str, settings: &'s Settings) -> (Document, &'s Ladder) {
    let model = analysis(text, settings)
        .document
        .expect("the generated docs are growth docs");
    let ladder = settings
        .catalogue
        .ladder(&model.ladder_id)
        .expect("the generated docs name a built-in ladder");
    (model, ladder)
}

/// rung's model pass alone over `text`: the body parsed, no rules.
pub fn model_pass(text: &str, model: &Document, ladder: &Ladder) -> Body {
    parse_body(text, model.body_start, ladder, model.kind, None).0
}
