//! `scope-below-target`: the target level reaches beyond the team, the evidence does not.

use super::{Finding, Rule};
use crate::analysis::Context;
use crate::analysis::diagnostic::Severity;
use crate::analysis::document::{DocKind, EntryRole};
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    name: "scope-below-target",
    summary: "the target level's scope is wider than a team, but no evidence reaches beyond the author's team",
    default_severity: Severity::Warning,
    kinds: &[DocKind::Promo],
    has_fix: false,
    check,
    docs: "\
## What it does
When the `target:` level owns an area or more (E6 and up in `bigtech`, Staff and up in
`generic`), looks through the doc's wins and evidence for reach beyond the author's team:
other teams, partner teams, a number of teams, the org or the company. If none mentions any,
flags the `target:` value.

## Why it matters
Staff-level promotions turn on scope. A case where every win stays inside one team reads as a
strong senior case, not a staff one.

## Example
```markdown
---
target: E6
---
## Wins
- Rewrote our service's cache; p99 fell from 800 ms to 120 ms.
```

## Use instead
```markdown
- Rewrote the shared cache used by 4 teams; their p99 fell from 800 ms to 120 ms.
```
",
};

static BEYOND_TEAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)cross[-\s]?(?:team|functional|org|organi[sz]ational)(?-u:\b)
        | (?-u:\b)across\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:teams|org|orgs|organi[sz]ations?|company|companies|departments|groups|divisions|products)(?-u:\b)
        | (?-u:\b)(?:other|partner|sister|neighbou?ring|adjacent|peer|external|client)\s+teams?(?-u:\b)
        | (?-u:\b)(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|several|multiple|many|all|every)\s+(?:[\w-]+\s+){0,2}teams(?-u:\b)
        | (?-u:\b)(?:org|organi[sz]ation|company|department|division|engineering)[-\s]wide(?-u:\b)
        | (?-u:\b)(?:the|our)\s+(?:whole\s+|wider\s+|entire\s+)?(?:org|organi[sz]ation|company|department|division)(?-u:\b)
        | (?-u:\b)outside\s+(?:my|our|the)\s+team(?-u:\b)",
    )
    .expect("reach pattern compiles")
});

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some((level, span)) = super::target_level(cx) else {
        return;
    };
    if !level.reach.is_beyond_team() {
        return;
    }
    let mut evidence = cx
        .doc
        .entries
        .iter()
        .filter(|e| !e.is_placeholder && e.role != EntryRole::Other)
        .peekable();
    // A doc with no win or evidence written yet (a fresh template) has no reach to judge: its
    // placeholders are what is missing, and `placeholder-text` says so.
    if evidence.peek().is_none() {
        return;
    }
    let shows_reach =
        evidence.any(|e| BEYOND_TEAM.is_match(&e.text) || BEYOND_TEAM.is_match(&e.detail));
    if !shows_reach {
        out.push(Finding::new(
            span,
            format!(
                "{} owns {}, but no win or evidence reaches beyond your team: say which other teams, partner teams or org your work moved",
                level.id,
                level.scope.trim_end_matches('.').to_lowercase()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "scope-below-target";

    #[test]
    fn fires_when_every_win_stays_in_the_team() {
        fires(
            RULE,
            "---\nkind: promo\ntarget: E6\n---\n## Wins\n- Cut our p99 from 800 ms to 120 ms.\n## Notes\n- Other teams were busy.\n",
            &["E6"],
        );
    }

    #[test]
    fn quiet_when_evidence_reaches_out_or_the_target_is_a_team_level() {
        for reach in [
            "Moved 3 teams onto the flag service.",
            "Led a cross-team review.",
            "Unblocked two partner teams.",
            "Rolled it out org-wide.",
            "Aligned the whole org on one queue.",
        ] {
            quiet(
                RULE,
                &format!("---\nkind: promo\ntarget: E6\n---\n## Wins\n- {reach}\n"),
            );
        }
        quiet(
            RULE,
            "---\nkind: promo\ntarget: E5\n---\n## Wins\n- Cut our p99.\n",
        );
    }
}
