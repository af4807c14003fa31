//! Realistic growth docs of a chosen size for the benchmarks: front matter, many trait
//! sections, wins with tags, links, numbers (measured and not), nested detail, prose, a table
//! and some non-ASCII text. Deterministic, so runs compare.

#![allow(dead_code)]

const TRAITS: [&str; 12] = [
    "Ownership",
    "Accountability",
    "Leadership",
    "Direction",
    "Delivery",
    "Craft",
    "Mentorship",
    "Communication",
    "Scope",
    "Coordination",
    "Raising the bar",
    "Collaboration",
];

const ENTRIES: [&str; 12] = [
    "Cut p99 latency of the search API from 800 ms to 120 ms for 3 partner teams #ownership",
    "Helped improve the reliability of our systems.",
    "Moved 4 teams onto the shared flag service, retiring 2 homegrown systems ([details](brag.md#2026-03)) #coordination",
    "Wrote 35 pull requests for the billing migration.",
    "Shipped v2.3 of the SDK in 2026-H1 with **zero** regressions reported.",
    "Led the design review of the 漢字 search index; query cost halved 😀 #craft",
    "Worked on the onboarding docs, see `docs/onboarding.md` and [the RFC](https://example.com/rfc).",
    "Saved $210k a year by moving cold logs to object storage #direction",
    "Mentored two new hires; both led a feature within their first quarter #mentorship",
    "Attended 12 planning meetings.",
    "Brought flaky test reruns from 30 a day to 2 across all 9 repositories",
    "Participated in the incident review TODO: add the outcome",
];

/// A promo doc of at least `bytes` bytes.
pub fn promo_doc(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\nperiod: 2026-H2\nname: Sam Rivera\n---\n\n# Promotion case\n\n");
    out.push_str("## Summary\n\nFor the last year I have owned the payments area: the retry service, the ledger and the settlement pipeline that three product teams build on.\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let heading = if i % 5 == 4 {
            "Wins".to_string()
        } else {
            TRAITS[i % TRAITS.len()].to_string()
        };
        out.push_str(&format!("## {heading}\n\n"));
        if i.is_multiple_of(3) {
            out.push_str("Some context for this section, with *emphasis*, `code` and a date (March 2026).\n\n");
        }
        for j in 0..8 {
            let entry = ENTRIES[(i * 7 + j) % ENTRIES.len()];
            out.push_str(&format!("- {entry}\n"));
            if j % 3 == 0 {
                out.push_str(&format!(
                    "  - detail {j}: from {} to {} ms for the checkout flow\n",
                    100 + i % 900,
                    10 + j
                ));
            }
        }
        if i % 11 == 10 {
            out.push_str(
                "\n| metric | before | after |\n| --- | --- | --- |\n| p99 | 800 ms | 120 ms |\n",
            );
        }
        out.push('\n');
        i += 1;
    }
    out
}

/// A promo draft of at least `bytes` bytes, as one looks while it is being written: trait
/// headings, most still empty or holding only a placeholder, some with a first win or a
/// subsection. Work that looks at what lies under each heading shows its true cost here: the
/// evidence rules once took half a second on 150 KB of this shape.
pub fn draft_doc(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\n---\n\n# Promotion case (draft)\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        let name = TRAITS[i % TRAITS.len()];
        out.push_str(&format!("## {name}\n\n"));
        // Seven shapes over twelve traits: each trait gets every shape in turn.
        match i % 7 {
            0 => out.push_str("- TODO\n\n"),
            1 => out.push_str(&format!("- {}\n\n", ENTRIES[i % ENTRIES.len()])),
            2 => out.push_str(&format!("### {name} notes\n\n- [add evidence]\n\n")),
            3 => out.push_str("TBD: pick the strongest example.\n\n"),
            4 => out.push_str("- Owned the on-call rotation #ownership\n\n"),
            _ => {}
        }
        i += 1;
    }
    out
}

const MEASURED: [&str; 6] = [
    "Cut p99 latency of the search API from 800 ms to 120 ms for 3 partner teams #ownership",
    "Moved 4 teams onto the shared flag service, retiring 2 homegrown systems #coordination",
    "Saved $210k a year by moving cold logs to object storage #direction",
    "Mentored two new hires; both led a feature within their first quarter #mentorship",
    "Brought flaky test reruns from 30 a day to 2 across all 9 repositories #craft",
    "Shipped the importer rewrite, making nightly imports 3x faster #delivery",
];

/// A brag doc of at least `bytes` bytes whose wins are measured, tagged and dated: the same
/// shape of document with few diagnostics, to tell the cost of analysis from that of publishing.
pub fn quiet_brag_doc(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str(
        "---\nkind: brag\nladder: bigtech\nlevel: E5\nname: Sam Rivera\n---\n\n# Brag doc\n\n",
    );
    let mut i = 0usize;
    while out.len() < bytes {
        let (year, week) = (2000 + i / 52, i % 52 + 1);
        out.push_str(&format!("## {year}, week {week}\n\n"));
        for j in 0..8 {
            out.push_str(&format!("- {}\n", MEASURED[(i + j) % MEASURED.len()]));
            if j % 3 == 0 {
                out.push_str(&format!(
                    "  - detail {j}: from {} to {} ms for the checkout flow\n",
                    100 + i % 900,
                    10 + j
                ));
            }
        }
        out.push('\n');
        i += 1;
    }
    out
}
