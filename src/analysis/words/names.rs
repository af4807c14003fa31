//! Near-miss matching: is a heading, tag or key one or two edits away from a known name?
//!
//! Typos rarely hit the first letter, and short words are one edit from many others, so a
//! candidate must share the first letter, and only names of six letters or more allow two edits.

use crate::catalogue::normalize_name;

/// The largest edit distance at which `written` still reads as a typo of a `known` name.
/// Several words allow one edit in all: "Team leadership" is not a typo of "Tech leadership".
fn max_edits(known: &str) -> usize {
    match known.chars().count() {
        0..=3 => 0,
        4..=5 => 1,
        _ if known.contains(' ') => 1,
        _ => 2,
    }
}

/// The closest of `candidates` (already normalized) to `written`, when it is a likely typo:
/// not equal, within the allowed edits, and starting with the same letter.
pub fn near_miss<'c, T: Copy>(
    written: &str,
    candidates: impl Iterator<Item = (&'c str, T)>,
) -> Option<(&'c str, T)> {
    near_miss_normalized(&normalize_name(written), candidates)
}

/// [`near_miss`] over sorted spellings: only those that share the first letter are compared (a
/// large draft has thousands of headings, each checked against every trait and role).
pub fn near_miss_sorted<'c, T: Copy>(
    written: &str,
    sorted: &'c [(String, T)],
) -> Option<(&'c str, T)> {
    let written = normalize_name(written);
    let first = written.chars().next()?;
    let mut prefix = [0; 4];
    let prefix = &*first.encode_utf8(&mut prefix);
    let start = sorted.partition_point(|(name, _)| name.as_str() < prefix);
    let candidates = sorted[start..]
        .iter()
        .take_while(|(name, _)| name.starts_with(prefix))
        .map(|(name, value)| (name.as_str(), *value));
    near_miss_normalized(&written, candidates)
}

fn near_miss_normalized<'c, T: Copy>(
    written: &str,
    candidates: impl Iterator<Item = (&'c str, T)>,
) -> Option<(&'c str, T)> {
    let first = written.chars().next()?;
    let mut best: Option<(usize, &'c str, T)> = None;
    for (candidate, value) in candidates {
        if candidate == written {
            return None;
        }
        // No name allows more than two edits: most candidates are ruled out by length before
        // their allowance is counted.
        if !candidate.starts_with(first) || candidate.len().abs_diff(written.len()) > 2 {
            continue;
        }
        let allowed = max_edits(candidate);
        if allowed == 0
            || candidate.len().abs_diff(written.len()) > allowed
            || bag_distance(written, candidate) > allowed
        {
            continue;
        }
        let distance = strsim::damerau_levenshtein(written, candidate);
        if distance <= allowed
            && best
                .as_ref()
                .is_none_or(|(d, c, _)| distance < *d || (distance == *d && candidate < *c))
        {
            best = Some((distance, candidate, value));
        }
    }
    best.map(|(_, candidate, value)| (candidate, value))
}

/// A lower bound on the Damerau–Levenshtein distance of two ASCII strings, counted without the
/// distance's table: how many characters one side has more of than the other (the larger of the
/// two counts). An insertion or a deletion changes one side's count by one, a substitution each
/// side's by one, and a transposition neither, so no fewer edits can make the two equal. Other text gets 0 (no bound).
/// Most near-miss candidates are ruled out by it; the distance itself (strsim builds a hash
/// map for each pair) was 10% of a draft of 26,000 headings.
fn bag_distance(a: &str, b: &str) -> usize {
    if !a.is_ascii() || !b.is_ascii() {
        return 0;
    }
    let mut balance = [0i32; 128];
    for byte in a.bytes() {
        balance[usize::from(byte)] += 1;
    }
    for byte in b.bytes() {
        balance[usize::from(byte)] -= 1;
    }
    let (more_in_a, more_in_b) = balance.iter().fold((0, 0), |(a, b), &n| {
        (a + n.max(0) as usize, b + (-n).max(0) as usize)
    });
    more_in_a.max(more_in_b)
}

/// The closest of `candidates` by edit distance, with no threshold: the suggestion offered when a
/// value must be one of a known set (a level, a ladder, a kind).
pub fn closest<'c>(written: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let written = normalize_name(written);
    candidates
        .map(|candidate| {
            (
                strsim::damerau_levenshtein(&written, &normalize_name(candidate)),
                candidate,
            )
        })
        .min_by_key(|&(distance, candidate)| (distance, candidate.len()))
        .filter(|&(distance, candidate)| distance <= candidate.chars().count().max(2) / 2 + 1)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_near_misses_and_other_words_are_not() {
        let names = [
            ("ownership", 1),
            ("craft", 2),
            ("delegation", 3),
            ("scope", 4),
        ];
        assert_eq!(
            near_miss("Ownrship", names.iter().copied()),
            Some(("ownership", 1))
        );
        assert_eq!(
            near_miss("Delgation", names.iter().copied()),
            Some(("delegation", 3))
        );
        assert_eq!(near_miss("Draft", names.iter().copied()), None);
        assert_eq!(near_miss("Scope", names.iter().copied()), None);
        assert_eq!(
            near_miss("Scopes", names.iter().copied()),
            Some(("scope", 4))
        );
        assert_eq!(
            near_miss("Summary of the year", names.iter().copied()),
            None
        );
        let phrases = [("tech leadership", 0), ("bar raising", 1)];
        assert_eq!(near_miss("Team Leadership", phrases.iter().copied()), None);
        assert_eq!(
            near_miss("Bar raisng", phrases.iter().copied()),
            Some(("bar raising", 1))
        );
    }

    #[test]
    fn closest_suggests_within_reason() {
        let levels = ["E3", "E4", "E5", "E6", "E7"];
        assert_eq!(closest("E-5", levels.iter().copied()), Some("E5"));
        assert_eq!(
            closest("promotion-ish", ["promo", "brag"].into_iter()),
            None
        );
        assert_eq!(
            closest("bigtec", ["bigtech", "generic"].into_iter()),
            Some("bigtech")
        );
    }

    #[test]
    fn the_sorted_search_agrees_with_the_full_one() {
        let catalogue = crate::catalogue::Catalogue::builtin();
        let ladder = catalogue.ladder("bigtech").unwrap();
        let traits = ladder.trait_spellings();
        let roles = ladder.role_spellings();
        for written in [
            "Ownrship",
            "Ownership",
            "Mentorshp",
            "Winz",
            "Wins",
            "Feedbak",
            "Next step",
            "Didnt go well",
            "2026, week 3",
            "Éclat",
            "",
            "#",
            "Comunication",
            "Scope",
        ] {
            assert_eq!(
                near_miss_sorted(written, traits),
                near_miss(written, traits.iter().map(|(n, v)| (n.as_str(), *v))),
                "{written}"
            );
            assert_eq!(
                near_miss_sorted(written, roles),
                near_miss(written, roles.iter().map(|(n, v)| (n.as_str(), *v))),
                "{written}"
            );
        }
    }

    proptest::proptest! {
        /// The bound never exceeds the distance, so pruning by it never drops a near miss.
        #[test]
        fn the_bag_distance_is_a_lower_bound(
            a in "[a-e ]{0,12}",
            b in "[a-e ]{0,12}",
        ) {
            proptest::prop_assert!(bag_distance(&a, &b) <= strsim::damerau_levenshtein(&a, &b));
        }
    }
}
