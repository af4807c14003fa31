//! `missing-expected-trait`: the target level expects a trait the doc never evidences.

use super::trait_without_evidence::{evidence_skeleton, what_to_show};
use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::{Fix, Severity};
use crate::analysis::document::DocKind;

pub const RULE: Rule = Rule {
    name: "missing-expected-trait",
    summary: "the target level expects a trait that no section or tag evidences",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo],
    has_fix: true,
    check,
    docs: "\
## What it does
Reads the `target:` level of a promo doc and checks that each trait the level expects is
evidenced: by a section for the trait with an entry in it, or by an entry tagged `#trait`
anywhere, in this doc or another doc of its case (the brag doc in the same folder, or the docs a
`[[case]]` of `rung.toml` groups). A trait that has a section of its own is not missing: an empty section is
`trait-without-evidence`'s to report, on its heading.

The missing traits are one diagnostic on the `target:` value, not one per trait stacked on the
same two characters: its message names them all, its related information lists each with what
good evidence of it shows, and each trait has a quick fix of its own (add its section) beside
one that adds every missing section at once.

## Why it matters
A promotion committee reads a case against the target level's expectations. A trait the level
expects but the doc never shows is the first question they will ask.

## Example
```markdown
---
level: E5
target: E6
---
## Ownership
- Owned the payments retry service; failed charges fell from 2.1% to 0.4%.
```
(E6 also expects accountability, leadership, direction, scope, coordination and bar-raising.)

## Use instead
Add a section for each expected trait with real evidence, or tag existing entries:
```markdown
- Coordinated five teams through the region migration; no launch date moved. #coordination
```
The quick fixes append a section with an entry skeleton to fill in; a trait that has one is not
reported again, and the skeleton left to fill in is `placeholder-text`'s to point at.
",
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some((level, span)) = super::target_level(cx) else {
        return;
    };
    // Evidence anywhere in the case counts: the brag doc beside a promo doc.
    let evidenced = cx.evidenced_traits();
    // A trait with a section of its own is not missing: the section is there, and if it is
    // empty `trait-without-evidence` says so on its heading (and a fix that added a second
    // section would only start `duplicate-trait`).
    let mut has_section = vec![false; cx.ladder.traits.len()];
    for (_, _, trait_idx) in cx.doc.trait_sections() {
        if let Some(flag) = has_section.get_mut(trait_idx) {
            *flag = true;
        }
    }
    let missing: Vec<&crate::catalogue::Trait> = level
        .traits
        .iter()
        .filter_map(|id| cx.ladder.traits.iter().position(|t| &t.id == id))
        .filter(|&idx| !evidenced[idx] && !has_section[idx])
        .map(|idx| &cx.ladder.traits[idx])
        .collect();
    let nl = cx.newline();
    let lead = if cx.text.ends_with('\n') {
        nl.to_string()
    } else {
        format!("{nl}{nl}")
    };
    // The section the fix appends for one trait, after `lead` when it comes first.
    let section_for = |tr: &crate::catalogue::Trait| {
        format!("## {}{nl}{nl}{}{nl}", tr.name, evidence_skeleton(&tr.id))
    };
    let add_one = |tr: &crate::catalogue::Trait| {
        Fix::insert(
            format!("Add {} {} section", indefinite_article(&tr.name), tr.name),
            cx.text.len(),
            format!("{lead}{}", section_for(tr)),
        )
    };
    let one_message = |tr: &crate::catalogue::Trait| {
        format!(
            "{} expects evidence of {}{}: add {} `## {}` section or tag an entry with #{}",
            level.id,
            tr.name,
            what_to_show(tr),
            indefinite_article(&tr.name),
            tr.name,
            tr.id
        )
    };
    match missing.as_slice() {
        [] => {}
        [tr] => out.push(Finding::new(span, one_message(tr)).with_fix(add_one(tr))),
        several => {
            // One diagnostic on the `target:` value, not one per trait stacked on the same two
            // characters: it names them all, lists each with what to show and a fix of its own,
            // and its own fix adds every section at once.
            let names: Vec<&str> = several.iter().map(|t| t.name.as_str()).collect();
            let tags: Vec<String> = several.iter().map(|t| format!("#{}", t.id)).collect();
            // Read with the other docs of its case, the gap is the case's, not only this doc's.
            let never = match cx.case.map_or(0, |c| c.others.len()) {
                0 => "this doc never shows".to_string(),
                1 => "neither this doc nor the other doc of its case shows".to_string(),
                n => format!("neither this doc nor the {n} other docs of its case show"),
            };
            let message = format!(
                "{} expects evidence of {} traits {never}: {}; add a section for each, or tag entries with {}",
                level.id,
                several.len(),
                and_list(&names),
                tags.join(", ")
            );
            let all_sections: String = several
                .iter()
                .map(|tr| section_for(tr))
                .collect::<Vec<_>>()
                .join(nl);
            let mut finding = Finding::new(span, message).with_fix(Fix::insert(
                format!("Add sections for all {} missing traits", several.len()),
                cx.text.len(),
                format!("{lead}{all_sections}"),
            ));
            for tr in several {
                finding = finding.with_related_fix(span, one_message(tr), add_one(tr));
            }
            out.push(finding);
        }
    }
}

/// "a" or "an" before a name, by how it sounds: "an Ownership section", "a Scope section",
/// "a User research section".
pub(crate) fn indefinite_article(name: &str) -> &'static str {
    let lower = name.trim_start().to_lowercase();
    // Words spelt with a vowel that start with a consonant sound, and the reverse.
    const VOWEL_LETTER_CONSONANT_SOUND: &[&str] = &["uni", "use", "usu", "uti", "ure", "one", "eu"];
    const CONSONANT_LETTER_VOWEL_SOUND: &[&str] = &["hour", "honest", "honor", "honour", "heir"];
    if CONSONANT_LETTER_VOWEL_SOUND
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "an";
    }
    if VOWEL_LETTER_CONSONANT_SOUND
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "a";
    }
    match lower.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "missing-expected-trait";

    #[test]
    fn one_diagnostic_lists_every_missing_trait_on_the_target() {
        let text = "---\nkind: promo\nlevel: E4\ntarget: E5\n---\n## Ownership\n- Owned the retry service.\n## Wins\n- Shipped X #delivery\n## Mentoring\n- Mentored two hires.\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!(&text[d.span.start..d.span.end], "E5");
        assert_eq!(
            d.message,
            "E5 expects evidence of 4 traits this doc never shows: Handling ambiguity, Craft, Collaboration and Communication; add a section for each, or tag entries with #ambiguity, #craft, #collaboration, #communication"
        );
        // Each trait is listed with what to show, and has a fix of its own.
        let listed: Vec<&str> = d.related.iter().map(|r| &*r.message).collect();
        assert_eq!(listed.len(), 4);
        assert!(
            listed[3].starts_with("E5 expects evidence of Communication (show "),
            "{}",
            listed[3]
        );
        let titles: Vec<&str> = d
            .related
            .iter()
            .map(|r| &*r.fix.as_ref().expect("a fix per trait").title)
            .collect();
        assert_eq!(
            titles,
            [
                "Add a Handling ambiguity section",
                "Add a Craft section",
                "Add a Collaboration section",
                "Add a Communication section"
            ]
        );
        assert_eq!(
            d.fix.as_ref().unwrap().title,
            "Add sections for all 4 missing traits"
        );
    }

    #[test]
    fn one_missing_trait_gets_its_own_message_with_an_article_that_fits() {
        let text = "---\nkind: promo\ntarget: E3\n---\n## Delivery\n- Shipped it\n## Craft\n- Built it well\n## Self-improvement\n- Learned Rust\n";
        let said = message(RULE, text);
        assert!(
            said.starts_with("E3 expects evidence of Teamwork (show "),
            "{said}"
        );
        assert!(
            said.ends_with(": add a `## Teamwork` section or tag an entry with #teamwork"),
            "{said}"
        );
        assert_eq!(super::indefinite_article("Ownership"), "an");
        assert_eq!(super::indefinite_article("Accountability"), "an");
        assert_eq!(super::indefinite_article("Scope"), "a");
        assert_eq!(super::indefinite_article("User research"), "a");
        assert_eq!(super::indefinite_article("honest feedback"), "an");
    }

    #[test]
    fn a_trait_with_a_section_is_not_missing_even_when_the_section_is_empty() {
        // The empty section is `trait-without-evidence`'s to report, on its heading; adding a
        // second section would start `duplicate-trait`.
        let text = "---\nkind: promo\ntarget: E3\n---\n## Delivery\n- Shipped it\n## Craft\n- Built it well\n## Self-improvement\n- Learned Rust\n## Teamwork\n";
        quiet(RULE, text);
        fires("trait-without-evidence", text, &["Teamwork"]);
    }

    #[test]
    fn the_fix_appends_a_section() {
        let text = "---\nkind: promo\ntarget: E3\n---\n## Delivery\n- Shipped it\n## Craft\n- Built it well\n## Teamwork\n- Covered releases\n";
        let after = fixed(RULE, text);
        assert!(after.ends_with("- Covered releases\n\n## Self-improvement\n\n- [What you did], [how much it changed: from X to Y], [how you did it] #self-improvement\n"), "{after}");
    }

    #[test]
    fn quiet_without_a_target_or_when_all_are_evidenced() {
        quiet(RULE, "---\nkind: promo\n---\n# Promo\n");
        quiet(
            RULE,
            "---\nkind: promo\ntarget: E3\n---\n- Shipped #delivery\n- Built #craft\n- Covered #teamwork\n- Learned #self-improvement\n",
        );
    }
}
