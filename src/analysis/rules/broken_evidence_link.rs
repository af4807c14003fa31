//! `broken-evidence-link`: a link to a local file or heading that does not exist.

use super::{ALL_KINDS, Finding, Rule};
use crate::analysis::diagnostic::Severity;
use crate::analysis::parse::heading_anchor;
use crate::analysis::{Context, LinkTarget};

pub const RULE: Rule = Rule {
    name: "broken-evidence-link",
    summary: "a link to a local file or heading that does not exist",
    default_severity: Severity::Warning,
    kinds: ALL_KINDS,
    has_fix: false,
    check,
    docs: "\
## What it does
Checks links to local files (`[the RFC](design/rfc.md)`) and to headings (`#ownership`,
`brag.md#2026-03`): the file must exist next to the doc and, for Markdown files, the heading
must be there (GitHub-style anchors). Web links are not fetched, and links that start with `/`
(`/posts/launch/`, `/about/`) are left alone: they are paths on a web site, which a Markdown
file cannot resolve. An entry that links to the same broken target several times gets one
warning, at the first link.

## Why it matters
A promo doc that cites brag-doc entries as evidence loses that evidence when a file is renamed
or a heading reworded, and a reviewer who clicks finds nothing.

## Example
```markdown
- Cut p99 by 80% ([details](brag.md#2026-13))
```

## Use instead
```markdown
- Cut p99 by 80% ([details](brag.md#2026-03))
```
",
};

fn is_remote(destination: &str) -> bool {
    // Schemes in any case, compared in place: a lowercased copy of every link's destination
    // was an allocation per link after every edit.
    let starts = |prefix: &str| {
        destination
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    starts("//")
        || starts("mailto:")
        || starts("tel:")
        || destination.contains("://")
        || starts("data:")
}

/// An ASCII anchor lowercased, with runs of dashes as one and none at either end.
fn ascii_folded(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.split('-')
        .filter(|part| !part.is_empty())
        .enumerate()
        .flat_map(|(i, part)| (i > 0).then_some(b'-').into_iter().chain(part.bytes()))
        .map(|b| b.to_ascii_lowercase())
}

/// Renderers disagree on `A & B` (GitHub: `a--b`, others `a-b`): compare with dashes folded.
pub(crate) fn same_anchor(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // The same comparison without a copy: a link to a long doc is checked against each of
        // its headings on every keystroke.
        return ascii_folded(a).eq(ascii_folded(b));
    }
    folded_copy(a) == folded_copy(b)
}

/// What [`ascii_folded`] gives, for any text (lowercased by Unicode's rules).
fn folded_copy(s: &str) -> String {
    s.to_lowercase()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A root-relative link (`/posts/foo`) names a path on the site that publishes the doc, not a
/// file next to it (`//host/x` is a web link, handled by [`is_remote`]).
fn is_site_path(destination: &str) -> bool {
    destination.starts_with('/') && !destination.starts_with("//")
}

/// The path with `%20` read as a space; borrowed when it has none (nearly every path).
fn decode_spaces(path: &str) -> std::borrow::Cow<'_, str> {
    if path.contains("%20") {
        path.replace("%20", " ").into()
    } else {
        path.into()
    }
}

fn check(cx: &Context, out: &mut Vec<Finding>) {
    // Built only for a link to an anchor in this doc: a large draft has thousands of headings.
    let own_anchors = std::cell::OnceCell::new();
    let own_anchors = || {
        own_anchors.get_or_init(|| {
            let mut seen = std::collections::HashMap::new();
            cx.doc
                .sections
                .iter()
                .map(|s| dedupe_anchor(heading_anchor(&s.title), &mut seen))
                .collect::<Vec<String>>()
        })
    };
    // The broken destinations already reported for the entry being walked: an entry that cites
    // the same missing page three times gets one warning. An entry's links are consecutive.
    let mut reported: Vec<&str> = Vec::new();
    let mut reported_entry = None;
    for link in &cx.doc.links {
        let destination = link.destination.trim();
        if destination.is_empty() || is_remote(destination) || is_site_path(destination) {
            continue;
        }
        if link.entry.is_none() || link.entry != reported_entry {
            reported.clear();
            reported_entry = link.entry;
        }
        if link.entry.is_some() && reported.contains(&destination) {
            continue;
        }
        let before = out.len();
        let (path, anchor) = match destination.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (destination, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        if path.is_empty() {
            if let Some(anchor) = anchor.filter(|a| !a.is_empty())
                && !own_anchors().iter().any(|a| same_anchor(a, anchor))
            {
                out.push(Finding::new(
                    link.span,
                    format!("no heading here has the anchor `#{anchor}`"),
                ));
                reported.push(destination);
            }
            continue;
        }
        match cx.links.resolve(&decode_spaces(path)) {
            LinkTarget::Unknown => {}
            LinkTarget::Missing => out.push(Finding::new(
                link.span,
                format!("link target `{path}` does not exist"),
            )),
            LinkTarget::Found { anchors } => {
                let is_markdown = path.ends_with(".md") || path.ends_with(".markdown");
                if let Some(anchor) = anchor.filter(|a| !a.is_empty() && is_markdown)
                    && !anchors.iter().any(|a| same_anchor(a, anchor))
                {
                    out.push(Finding::new(
                        link.span,
                        format!("`{path}` has no heading with the anchor `#{anchor}`"),
                    ));
                }
            }
        }
        if out.len() > before {
            reported.push(destination);
        }
    }
}

/// GitHub numbers repeated anchors: `notes`, `notes-1`, `notes-2`.
pub(crate) fn dedupe_anchor(
    anchor: String,
    seen: &mut std::collections::HashMap<String, usize>,
) -> String {
    let count = seen.entry(anchor.clone()).or_insert(0);
    let result = if *count == 0 {
        anchor
    } else {
        format!("{anchor}-{count}")
    };
    *count += 1;
    result
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    const RULE: &str = "broken-evidence-link";
    const FILES: FakeFiles = FakeFiles(&[("brag.md", &["2026-03", "wins"]), ("rfc.pdf", &[])]);

    fn flagged_with_files(text: &str) -> Vec<String> {
        diagnostics_with(RULE, text, &FILES)
            .iter()
            .map(|d| text[d.span.start..d.span.end].to_string())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn ascii_anchors_compare_as_their_folded_copies(a in "[a-zA-Z0-9-]{0,8}", b in "[aA1-]{0,6}") {
            let a_again = a.to_uppercase().replace('-', "--");
            for (x, y) in [(&a, &b), (&a, &a_again), (&b, &a)] {
                proptest::prop_assert_eq!(
                    super::same_anchor(x, y),
                    super::folded_copy(x) == super::folded_copy(y),
                    "{:?} {:?}", x, y
                );
            }
        }
    }

    #[test]
    fn fires_on_missing_files_and_anchors() {
        let text = "---\nkind: promo\n---\n## Wins\n- a ([x](missing.md))\n- b ([y](brag.md#2026-13))\n- c ([z](#nowhere))\n";
        assert_eq!(
            flagged_with_files(text),
            ["[x](missing.md)", "[y](brag.md#2026-13)", "[z](#nowhere)"]
        );
    }

    #[test]
    fn quiet_on_good_links_and_web_links() {
        let text = "---\nkind: promo\n---\n## Wins\n- a ([x](brag.md#2026-03)) [r](rfc.pdf#page=2)\n- [w](https://example.com/x.md) [m](mailto:a@b.c)\n- [self](#wins) [amp](#design-docs)\n## Design & Docs\n";
        assert!(flagged_with_files(text).is_empty());
        quiet(RULE, "---\nkind: promo\n---\n- [x](anything.md)\n");
    }

    #[test]
    fn quiet_on_site_paths_that_a_markdown_file_cannot_resolve() {
        // A blog's index of its own posts: every link is a path on the published site.
        let text = "---\nkind: brag\n---\n## 2026-03\n- Wrote [the launch post](/posts/launch/) and [about](/about/)\n- [Year in review](/2025-into-2026) [home](/)\n";
        assert!(
            flagged_with_files(text).is_empty(),
            "{:?}",
            flagged_with_files(text)
        );
        // `//host/x` is a web link, also not checked; a relative path still is.
        let text = "---\nkind: brag\n---\n## 2026-03\n- [cdn](//cdn.example.com/x.md) [gone](posts/launch.md)\n";
        assert_eq!(flagged_with_files(text), ["[gone](posts/launch.md)"]);
    }

    #[test]
    fn reports_a_broken_target_once_per_entry() {
        let text = "---\nkind: promo\n---\n## Wins\n- Cut p99 ([a](gone.md)), see [again](gone.md) and [the anchor](#nowhere) [twice](#nowhere)\n- Also [here](gone.md) ([other](other.md))\n";
        assert_eq!(
            flagged_with_files(text),
            [
                "[a](gone.md)",
                "[the anchor](#nowhere)",
                "[here](gone.md)",
                "[other](other.md)"
            ]
        );
    }

    #[test]
    fn schemes_are_remote_in_any_case_and_spaces_are_decoded() {
        for remote in [
            "HTTPS://example.com/x",
            "MailTo:me@example.com",
            "TEL:+1",
            "Data:text/plain,x",
            "//host/x",
            "git+ssh://host/x",
        ] {
            assert!(super::is_remote(remote), "{remote}");
        }
        for local in [
            "brag.md",
            "tel",
            "mail/to.md",
            "notes/data:x.md",
            "/site/path.md",
        ] {
            assert!(!super::is_remote(local), "{local}");
        }
        assert_eq!(super::decode_spaces("my%20notes.md"), "my notes.md");
        assert_eq!(super::decode_spaces("brag.md"), "brag.md");
    }
}
