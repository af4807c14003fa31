//! Hover: what to show at an offset — a front-matter key or value, a level, a trait heading
//! or tag with the document's counts, the traits an entry counts for, and what the impact
//! detector read in a win.

use super::describe::{key_markdown, kind_summary, level_markdown, trait_markdown};
use super::{clamp, ladder_of};
use crate::analysis::document::{DocKind, Document, SectionKind};
use crate::analysis::front_matter::FmValue;
use crate::analysis::readiness::trait_evidence;
use crate::analysis::rules::{REWRITE_PATTERN, unknown_front_matter_key::KNOWN_KEYS};
use crate::analysis::text::Span;
use crate::analysis::{Analysis, Settings, impact, infer};
use crate::catalogue::Ladder;
use crate::catalogue::signals::SignalKind;

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
        e.text_span.start <= offset
            && offset <= e.text_span.end
            && crate::analysis::rules::is_judged(doc, e)
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ide::cursor as at;
    use crate::analysis::{Input, NoFileSystem, analyze};

    fn hover_text(fixture: &str) -> Option<String> {
        let (text, offset) = at(fixture);
        let settings = Settings::default();
        let analysis = analyze(&Input::new(&text), &settings, &NoFileSystem);
        hover(&text, &analysis, &settings, offset).map(|(_, markdown)| markdown)
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
}
