//! rung must not contradict itself. Held here, on the real library and binary:
//! - every `rung new` template checks clean apart from its placeholders;
//! - every quick fix, applied, leaves no finding that contradicts it: the fix is not offered
//!   again, a section is never added twice, and an empty trait section is one finding, not two;
//! - every strong example entry of the trait catalogue passes `vague-win`, every weak one fails;
//! - the README's sample docs check as the README says;
//! - messages and fix titles use "an" before a vowel ("Add an Ownership section").

use rung::analysis::diagnostic::{Diagnostic, Fix};
use rung::analysis::{Analysis, Input, NoFileSystem, Settings, analyze};
use rung::catalogue::Catalogue;
use std::path::Path;
use std::process::Command;

const TODAY: &str = "2026-11-27";

fn check(text: &str) -> Analysis {
    let input = Input {
        today: Some(TODAY),
        ..Input::new(text)
    };
    analyze(&input, &Settings::default(), &NoFileSystem)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count()
}

/// What a diagnostic looks like in a failure message: rule, line and message.
fn show(text: &str, d: &Diagnostic) -> String {
    format!(
        "{} at line {}: {}",
        d.rule,
        line_of(text, d.span.start) + 1,
        d.message
    )
}

fn apply(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for edit in edits {
        out.replace_range(edit.span.start..edit.span.end, &edit.new_text);
    }
    out
}

/// Every fix a diagnostic offers: its own and each related place's.
fn fixes(d: &Diagnostic) -> Vec<&Fix> {
    d.fix
        .as_deref()
        .into_iter()
        .chain(d.related.iter().filter_map(|r| r.fix.as_deref()))
        .collect()
}

/// `rung new` run in an empty folder (no `rung.toml` to pick up).
fn rung_new(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_rung"))
        .arg("new")
        .args(args)
        .current_dir(dir.path())
        .output()
        .expect("rung runs");
    assert_eq!(output.status.code(), Some(0), "rung new {args:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The lines where `placeholder-text` speaks: the template's blanks to fill in.
fn placeholder_lines(text: &str, analysis: &Analysis) -> Vec<usize> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == "placeholder-text")
        .map(|d| line_of(text, d.span.start))
        .collect()
}

#[test]
fn every_template_checks_clean_apart_from_its_placeholders() {
    let catalogue = Catalogue::builtin();
    let mut n_templates = 0;
    for ladder in &catalogue.ladders {
        let ids: Vec<&str> = ladder.levels.iter().map(|l| l.id.as_str()).collect();
        // Every step up, every two-level jump, and no level at all (the template's default).
        let mut pairs: Vec<Vec<&str>> = vec![vec![]];
        for (i, level) in ids.iter().enumerate() {
            for target in ids.iter().skip(i + 1).take(2) {
                pairs.push(vec!["--level", level, "--target", target]);
            }
        }
        for kind in ["promo", "growth-plan", "brag", "retro"] {
            for pair in &pairs {
                let mut args = vec![kind, "--ladder", ladder.id.as_str()];
                args.extend(pair);
                let text = rung_new(&args);
                let analysis = check(&text);
                assert!(analysis.document.is_some(), "not a growth doc: {args:?}");
                let blanks = placeholder_lines(&text, &analysis);
                let other: Vec<String> = analysis
                    .diagnostics
                    .iter()
                    .filter(|d| {
                        d.rule != "placeholder-text"
                            && !blanks.contains(&line_of(&text, d.span.start))
                    })
                    .map(|d| show(&text, d))
                    .collect();
                assert!(
                    other.is_empty(),
                    "rung new {}: {other:#?}\n{text}",
                    args.join(" ")
                );
                n_templates += 1;
            }
        }
    }
    assert!(n_templates >= 2 * 4 * 8, "{n_templates} templates checked");
}

/// The issue's own words: `rung new promo --level E5 --target E6 | rung check -` reports
/// nothing but the template's placeholders.
#[test]
fn a_new_template_piped_into_check_reports_only_its_placeholders() {
    use std::io::Write;
    use std::process::Stdio;
    let template = rung_new(&["promo", "--level", "E5", "--target", "E6"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["check", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rung runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(template.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!items.is_empty());
    for item in &items {
        assert_eq!(item["code"], "placeholder-text", "{item}");
        assert_eq!(item["file"], "<stdin>");
    }
}

/// Drafts that give every rule with a quick fix something to fix, on both ladders and all kinds.
const DRAFTS: &[&str] = &[
    // Empty trait sections, a near-miss heading next to a real one, vague wins in a run,
    // a misspelt key.
    "---\nkind: promo\nlevel: E5\ntarget: E6\nperod: 2026-H2\n---\n# Case\n\n## Wins\n- Improved the build queue.\n- Tidied the docs.\n- Fixed the flaky login test.\n- Cut p99 from 800 ms to 120 ms for 3 partner teams.\n\n## Scope\n\n## Ownership\n- Owned the retry service; failed charges fell from 2.1% to 0.4%.\n\n## Ownrship\n- Ran the on-call rotation.\n\n## Leadershp\n",
    // No sections at all: every expected trait is missing, and nothing ends with a newline.
    "---\nkind: promo\nladder: generic\nlevel: mid\ntarget: senior\n---\n- Shipped the importer; 30 customers moved onto it. #delivery",
    // Two vague wins (no run), one evidenced trait, an empty section for another.
    "---\nkind: promo\nlevel: E4\ntarget: E5\n---\n## Wins\n- Improved things.\n- Worked on the API.\n\n## Ownership\n- Owned the export; zero missed deadlines in 2026.\n\n## Craft\n",
    // A brag doc: undated wins, a run of vague ones, a misspelt role.
    "---\nkind: brag\n---\n## Wins\n- Improved the build queue.\n- Tidied the docs.\n- Fixed the flaky test.\n- Sped up CI from 25 minutes to 6.\n\n## Feedbak\n- Be more visible.\n",
    // A growth plan: focus areas without actions, no feedback loop, an undated action.
    "---\nkind: growth-plan\nlevel: E5\ntarget: E6\nfocus: [delegation, hiring]\n---\n## Delegation\nI want to delegate more.\n\n## Actions\n- Run three interviews a month\n",
    // A growth plan whose focus has no section at all.
    "---\nkind: growth-plan\nfocus: [mentorship]\n---\n# Plan\n",
    // A retro with a lesson and no change.
    "---\nkind: retro\n---\n## Went well\n- Shipped on time\n## Didn't go well\n- Deploys broke twice\n",
    // CRLF line endings.
    "---\r\nkind: promo\r\nlevel: E5\r\ntarget: E6\r\n---\r\n## Wins\r\n- Improved the build queue.\r\n- Tidied the docs.\r\n- Fixed the flaky test.\r\n\r\n## Scope\r\n",
];

/// A fix is "the same" after it was applied when the same rule offers the same edit text under
/// the same title at the same place, shifted by what the fix inserted before it.
fn reoffered(before: &Fix, rule: &str, after: &Analysis) -> Option<String> {
    let shift = |offset: usize| -> usize {
        before
            .edits
            .iter()
            .filter(|e| e.span.end <= offset)
            .map(|e| e.new_text.len() as isize - e.span.len() as isize)
            .sum::<isize>()
            .wrapping_add(offset as isize) as usize
    };
    after
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .flat_map(fixes)
        .find(|fix| {
            fix.title == before.title
                && fix.edits.len() == before.edits.len()
                && fix.edits.iter().zip(&before.edits).all(|(a, b)| {
                    a.new_text == b.new_text
                        && (a.span.start == shift(b.span.start) || a.span.start == b.span.start)
                })
        })
        .map(|fix| fix.title.to_string())
}

/// Per trait (by name in messages), whether both `missing-expected-trait` and
/// `trait-without-evidence` speak of it: two findings for one gap.
fn trait_reported_twice(analysis: &Analysis, text: &str) -> Vec<String> {
    let Some(doc) = &analysis.document else {
        return Vec::new();
    };
    let catalogue = Catalogue::builtin();
    let ladder = catalogue.ladder(&doc.ladder_id).unwrap();
    let mentions = |d: &Diagnostic, name: &str| {
        d.message.contains(&format!("evidence of {name}"))
            || d.message.contains(&format!("for {name}"))
            || d.related
                .iter()
                .any(|r| r.message.contains(&format!("evidence of {name} ")))
    };
    ladder
        .traits
        .iter()
        .filter(|tr| {
            let name = tr.name.as_str();
            let missing = analysis
                .diagnostics
                .iter()
                .any(|d| d.rule == "missing-expected-trait" && mentions(d, name));
            let empty = analysis
                .diagnostics
                .iter()
                .any(|d| d.rule == "trait-without-evidence" && mentions(d, name));
            missing && empty
        })
        .map(|tr| format!("{} in:\n{text}", tr.name))
        .collect()
}

fn count(analysis: &Analysis, rule: &str) -> usize {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .count()
}

#[test]
fn every_quick_fix_applied_leaves_nothing_that_contradicts_it() {
    let mut n_fixes = 0;
    for draft in DRAFTS {
        let before = check(draft);
        assert!(trait_reported_twice(&before, draft).is_empty());
        for diagnostic in &before.diagnostics {
            for fix in fixes(diagnostic) {
                n_fixes += 1;
                let text = apply(draft, fix);
                let after = check(&text);
                let what = format!(
                    "after `{}` for {}:\n{text}",
                    fix.title,
                    show(draft, diagnostic)
                );
                // Not offered again, for the same place.
                if let Some(title) = reoffered(fix, diagnostic.rule, &after) {
                    panic!("`{title}` is offered again {what}");
                }
                // A section is never added twice, nor a heading renamed onto another.
                assert!(
                    count(&after, "duplicate-trait") <= count(&before, "duplicate-trait"),
                    "a duplicate section {what}"
                );
                for rule in ["unknown-trait", "unknown-role", "invalid-front-matter"] {
                    assert!(
                        count(&after, rule) <= count(&before, rule),
                        "a new {rule} {what}"
                    );
                }
                // One gap, one finding.
                let twice = trait_reported_twice(&after, &text);
                assert!(twice.is_empty(), "reported twice {what}: {twice:?}");
            }
        }
    }
    assert!(n_fixes >= 20, "only {n_fixes} fixes tried");
}

#[test]
fn an_empty_trait_section_is_one_finding_and_no_fix_adds_it_again() {
    for ending in ["\n", ""] {
        let text = format!(
            "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms for our checkout page.\n\n## Scope\n{ending}"
        );
        let analysis = check(&text);
        let about_scope: Vec<&Diagnostic> = analysis
            .diagnostics
            .iter()
            .filter(|d| {
                d.message.contains("Scope")
                    || d.related.iter().any(|r| r.message.contains("of Scope"))
            })
            .collect();
        assert_eq!(
            about_scope.iter().map(|d| d.rule).collect::<Vec<_>>(),
            ["trait-without-evidence"],
            "{:#?}",
            about_scope
        );
        // No fix anywhere adds a second Scope section.
        for d in &analysis.diagnostics {
            for fix in fixes(d) {
                assert!(
                    !fix.edits.iter().any(|e| e.new_text.contains("## Scope")),
                    "`{}` adds a second Scope section",
                    fix.title
                );
            }
        }
    }
}

#[test]
fn every_missing_trait_fix_leaves_a_skeleton_that_only_placeholder_text_points_at() {
    let text = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms for 3 partner teams. #ownership\n";
    let analysis = check(text);
    let missing: Vec<&Diagnostic> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == "missing-expected-trait")
        .collect();
    assert_eq!(missing.len(), 1, "one diagnostic for every missing trait");
    let every_fix = fixes(missing[0]);
    assert_eq!(every_fix.len(), 7, "one per missing trait and one for all");
    for fix in every_fix {
        let after = check(&apply(text, fix));
        for rule in ["trait-without-evidence", "duplicate-trait"] {
            assert_eq!(count(&after, rule), 0, "{rule} after `{}`", fix.title);
        }
        assert!(count(&after, "placeholder-text") > 0);
    }
}

#[test]
fn every_strong_catalogue_example_is_measurable_and_every_weak_one_is_not() {
    let catalogue = Catalogue::builtin();
    let layouts = [
        "---\nkind: promo\n---\n## Wins\n",
        "---\nkind: brag\n---\n## 2026-03\n",
    ];
    let mut wrong = Vec::new();
    for ladder in &catalogue.ladders {
        for tr in &ladder.traits {
            for (example, vague) in [(&tr.strong_example, false), (&tr.weak_example, true)] {
                assert!(
                    !vague || !example.chars().any(|c| c.is_ascii_digit()),
                    "a weak example should have no numbers at all: {example}"
                );
                for layout in layouts {
                    let text = format!("{layout}- {example}\n");
                    let flagged = count(&check(&text), "vague-win") > 0;
                    if flagged != vague {
                        wrong.push(format!(
                            "{} ({}): {example}",
                            tr.id,
                            if vague {
                                "weak, not flagged"
                            } else {
                                "strong, flagged"
                            }
                        ));
                    }
                }
            }
        }
    }
    wrong.dedup();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The Markdown samples of the README, each with the `<!-- rung check: … -->` comment under it
/// that says what `rung check` reports on it (rule names, or `clean`).
fn readme_samples() -> Vec<(String, Vec<String>)> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut samples = Vec::new();
    let mut rest = readme.as_str();
    while let Some(start) = rest.find("```markdown\n") {
        let body_start = start + "```markdown\n".len();
        let body_len = rest[body_start..].find("\n```").expect("a closed fence");
        let body = format!("{}\n", &rest[body_start..body_start + body_len]);
        rest = &rest[body_start + body_len + 4..];
        // The expectation comes right after the fence, before any other sample.
        let next = rest.find("```").unwrap_or(rest.len());
        let expected = rest[..next].find("<!-- rung check:").map(|at| {
            let comment = &rest[at + "<!-- rung check:".len()..];
            let end = comment.find("-->").expect("a closed comment");
            comment[..end]
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "clean")
                .collect::<Vec<_>>()
        });
        let is_growth_doc = body.starts_with("---\n") && body.contains("\nkind:");
        match expected {
            Some(codes) => samples.push((body, codes)),
            None => assert!(
                !is_growth_doc,
                "a README sample growth doc has no `<!-- rung check: … -->` under it:\n{body}"
            ),
        }
    }
    samples
}

#[test]
fn the_readme_samples_check_as_the_readme_says() {
    let samples = readme_samples();
    assert!(!samples.is_empty(), "the README has a sample growth doc");
    for (body, expected) in samples {
        let analysis = check(&body);
        assert!(analysis.document.is_some(), "not a growth doc:\n{body}");
        let mut codes: Vec<String> = analysis
            .diagnostics
            .iter()
            .map(|d| d.rule.to_string())
            .collect();
        codes.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(
            codes,
            expected,
            "{:#?}\non:\n{body}",
            analysis
                .diagnostics
                .iter()
                .map(|d| show(&body, d))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn messages_and_fix_titles_use_an_before_a_vowel() {
    let a_before_vowel = |s: &str| {
        s.split(' ').collect::<Vec<_>>().windows(2).any(|w| {
            (w[0] == "a" || w[0] == "A")
                && w[1]
                    .trim_start_matches(['`', '#', '*', '"'])
                    .starts_with(['A', 'E', 'I', 'O', 'a', 'e', 'i', 'o'])
        })
    };
    let mut texts = Vec::new();
    for draft in DRAFTS {
        for d in check(draft).diagnostics {
            texts.push(d.message.to_string());
            texts.extend(d.related.iter().map(|r| r.message.to_string()));
            texts.extend(fixes(&d).iter().map(|f| f.title.to_string()));
        }
    }
    assert!(
        texts.iter().any(|t| t == "Add an Accountability section"),
        "{texts:#?}"
    );
    let wrong: Vec<&String> = texts.iter().filter(|t| a_before_vowel(t)).collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
