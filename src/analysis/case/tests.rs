//! Tests of reading one person's docs as one case.

use super::*;
use crate::analysis::{Analysis, Input, NoFileSystem, Settings, analyze};

const BRAG: &str = include_str!("../../../tests/fixtures/case/folder/brag.md");
const PROMO: &str = include_str!("../../../tests/fixtures/case/folder/promo.md");

fn alone(name: &str, text: &str, settings: &Settings) -> Analysis {
    let input = Input {
        file_name: Some(name),
        ..Input::new(text)
    };
    analyze(&input, settings, &NoFileSystem)
}

/// The promo doc analysed with the brag doc beside it as its case.
fn with_case(settings: &Settings) -> (Analysis, CaseFacts) {
    let brag = alone("brag.md", BRAG, settings);
    let promo = alone("promo.md", PROMO, settings);
    let members = [
        Member {
            path: "/w/brag.md",
            text: BRAG,
            doc: brag.document.as_ref().unwrap(),
        },
        Member {
            path: "/w/promo.md",
            text: PROMO,
            doc: promo.document.as_ref().unwrap(),
        },
    ];
    let facts = CaseFacts::new("/w/promo.md", &members, &settings.catalogue);
    let input = Input {
        file_name: Some("promo.md"),
        case: Some(&facts),
        ..Input::new(PROMO)
    };
    let links = facts.links(&NoFileSystem);
    (analyze(&input, settings, &links), facts)
}

fn rules_of(analysis: &Analysis) -> Vec<&'static str> {
    analysis.diagnostics.iter().map(|d| d.rule).collect()
}

#[test]
fn alone_the_promo_doc_misses_what_its_brag_doc_shows() {
    let settings = Settings::default();
    let said = alone("promo.md", PROMO, &settings);
    let rules = rules_of(&said);
    assert!(rules.contains(&"trait-without-evidence"), "{rules:?}");
    assert!(rules.contains(&"vague-win"), "{rules:?}");
}

#[test]
fn read_as_a_case_the_brag_docs_evidence_counts_and_the_link_is_judged_by_its_target() {
    let settings = Settings::default();
    let (analysis, _) = with_case(&settings);
    let rules = rules_of(&analysis);
    // Ownership is tagged in the brag doc: its empty section here is no longer a gap.
    assert!(!rules.contains(&"trait-without-evidence"), "{rules:?}");
    // The link line cites March, which is measured.
    assert!(!rules.contains(&"vague-win"), "{rules:?}");
    assert!(!rules.contains(&"broken-evidence-link"), "{rules:?}");
    // Accountability is tagged in April of the brag doc; the rest of E6 is still missing.
    let missing = analysis
        .diagnostics
        .iter()
        .find(|d| d.rule == "missing-expected-trait")
        .expect("E6 still expects leadership and more");
    assert!(
        !missing.message.contains("Accountability"),
        "{}",
        missing.message
    );
    assert!(
        missing.message.contains("Leadership"),
        "{}",
        missing.message
    );
    assert!(
        missing
            .message
            .contains("traits neither this doc nor the other doc of its case shows"),
        "{}",
        missing.message
    );
}

#[test]
fn case_evidence_lists_entries_of_every_doc_with_how_each_was_found() {
    let settings = Settings::default();
    let (analysis, facts) = with_case(&settings);
    let doc = analysis.document.as_ref().unwrap();
    let ladder = settings.catalogue.ladder("bigtech").unwrap();
    let evidence = case_evidence(doc, ladder, &facts);
    let of = |id: &str| &evidence[ladder.traits.iter().position(|t| t.id == id).unwrap()];
    let describe = |entries: &[CaseEntry]| -> Vec<(Option<usize>, &'static str, bool)> {
        entries
            .iter()
            .map(|e| (e.doc, e.how.label(), e.is_measurable))
            .collect()
    };
    assert_eq!(describe(of("ownership")), [(Some(0), "tag", true)]);
    // The promo entry under Mentorship, measured through March; and the mentorship entry of
    // March, by its own tag (stronger than the link). The ownership entry of March names a
    // trait of its own and is not re-labelled mentorship by the link.
    assert_eq!(
        describe(of("mentorship")),
        [(None, "heading", true), (Some(0), "tag", true)]
    );
    let counts = case_counts(&evidence);
    let readiness = crate::analysis::readiness::readiness_from(doc, ladder, &counts).unwrap();
    assert_eq!(readiness.n_evidenced(), 2, "ownership and accountability");
}

#[test]
fn an_untagged_entry_under_a_linked_heading_counts_for_the_linking_entrys_trait() {
    let settings = Settings::default();
    let brag_text = "# Log\n## 2026-05\n- Ran the weekly design review for four teams; review waits fell from 9 days to 2\n";
    let promo_text = "---\nkind: promo\ntarget: E6\n---\n## Leadership\n- Ran the review ([May](../log/brag.md#2026-05))\n";
    let brag = alone("brag.md", brag_text, &settings);
    let promo = alone("promo.md", promo_text, &settings);
    let members = [
        Member {
            path: "/w/log/brag.md",
            text: brag_text,
            doc: brag.document.as_ref().unwrap(),
        },
        Member {
            path: "/w/promo/promo.md",
            text: promo_text,
            doc: promo.document.as_ref().unwrap(),
        },
    ];
    let facts = CaseFacts::new("/w/promo/promo.md", &members, &settings.catalogue);
    let ladder = settings.catalogue.ladder("bigtech").unwrap();
    let evidence = case_evidence(promo.document.as_ref().unwrap(), ladder, &facts);
    let leadership = &evidence[ladder
        .traits
        .iter()
        .position(|t| t.id == "leadership")
        .unwrap()];
    let hows: Vec<&str> = leadership.iter().map(|e| e.how.label()).collect();
    assert!(hows.contains(&"link"), "{leadership:?}");
    assert!(leadership.iter().all(|e| e.is_measurable), "{leadership:?}");
    // A link to a heading the brag doc lacks is still reported, with GitHub's anchors.
    let broken =
        "---\nkind: promo\n---\n## Leadership\n- Ran it ([June](../log/brag.md#2026-06))\n";
    let input = Input {
        file_name: Some("promo.md"),
        case: Some(&facts),
        ..Input::new(broken)
    };
    let said = analyze(&input, &settings, &facts.links(&NoFileSystem));
    assert!(
        said.diagnostics
            .iter()
            .any(|d| d.rule == "broken-evidence-link" && d.message.contains("2026-06")),
        "{:?}",
        said.diagnostics
    );
}

#[test]
fn a_link_to_vague_entries_is_still_vague() {
    let settings = Settings::default();
    let brag_text = "# Log\n## 2026-05\n- Worked on the review process\n";
    let promo_text = "---\nkind: promo\n---\n## Leadership\n- See [May](brag.md#2026-05)\n";
    let brag = alone("brag.md", brag_text, &settings);
    let promo = alone("promo.md", promo_text, &settings);
    let members = [
        Member {
            path: "/w/brag.md",
            text: brag_text,
            doc: brag.document.as_ref().unwrap(),
        },
        Member {
            path: "/w/promo.md",
            text: promo_text,
            doc: promo.document.as_ref().unwrap(),
        },
    ];
    let facts = CaseFacts::new("/w/promo.md", &members, &settings.catalogue);
    let input = Input {
        case: Some(&facts),
        ..Input::new(promo_text)
    };
    let said = analyze(&input, &settings, &facts.links(&NoFileSystem));
    assert!(said.diagnostics.iter().any(|d| d.rule == "vague-win"));
}

#[test]
fn paths_join_lexically() {
    assert_eq!(join("/w/promo", "../log/brag.md"), "/w/log/brag.md");
    assert_eq!(join("/w", "./brag.md"), "/w/brag.md");
    assert_eq!(join("", "brag.md"), "brag.md");
    assert_eq!(join("a", "../../b.md"), "../b.md");
    assert_eq!(join("/", "../b.md"), "/b.md");
}
