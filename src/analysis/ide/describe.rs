//! The wording shared by completion and hover: what a document kind, a section role, a
//! front-matter key, a level and a trait mean, as Markdown.

use crate::analysis::document::DocKind;
use crate::analysis::readiness::TraitEvidence;
use crate::catalogue::{Ladder, Role};

pub(super) fn kind_summary(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Promo => "a promotion case against a target level",
        DocKind::GrowthPlan => "a plan of the traits you are working on, with actions and dates",
        DocKind::Brag => "a running, dated record of your wins",
        DocKind::Retro => "a project retrospective: what went well, what did not, what changes",
    }
}

pub(super) fn role_summary(role: Role) -> &'static str {
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

pub(super) fn key_summary(key: &str) -> &'static str {
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
