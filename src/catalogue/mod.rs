//! Career ladders as data: levels, the trait catalogue and section roles.
//!
//! Built-in ladders are TOML files under `data/`, compiled into the binary with `include_str!`.
//! Custom ladders use the same schema (see `schema.rs`); this module turns either into a
//! validated [`Ladder`] with lookups by id, name or alias. No I/O happens here: callers hand in
//! text and a label for error messages.

mod schema;
pub mod signals;

pub use schema::{LocatedError, parse_ladder};
pub use signals::{SignalIndex, TraitSignals};

/// Position helpers shared with `config`, which reports errors the same way.
pub(crate) mod schema_support {
    pub(crate) use super::schema::{error_at, line_column, toml_error};
}

use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// How far a level's ownership reaches; `scope-below-target` asks for evidence beyond the team
/// when the target reaches an area or wider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    Task,
    Feature,
    System,
    Area,
    Org,
}

impl Reach {
    pub const NAMES: [&'static str; 5] = ["task", "feature", "system", "area", "org"];

    pub fn parse(name: &str) -> Option<Reach> {
        Some(match name {
            "task" => Reach::Task,
            "feature" => Reach::Feature,
            "system" => Reach::System,
            "area" => Reach::Area,
            "org" => Reach::Org,
            _ => return None,
        })
    }

    pub fn is_beyond_team(self) -> bool {
        self >= Reach::Area
    }
}

#[derive(Debug, Clone)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub reach: Reach,
    /// One line: what the person at this level owns.
    pub scope: String,
    /// What this level expects that the one below does not.
    pub expects: Vec<String>,
    /// Trait ids a promotion case to this level must evidence.
    pub traits: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Trait {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub description: String,
    /// What good evidence for this trait looks like.
    pub evidence: String,
    pub strong_example: String,
    pub weak_example: String,
    /// The words and phrases that mark the trait in an untagged entry.
    pub signals: TraitSignals,
}

/// What a section is for, by its heading. Ladders may add aliases (other languages, house words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Summary,
    Wins,
    Projects,
    Feedback,
    GrowthAreas,
    Actions,
    WentWell,
    DidntGoWell,
    DoDifferently,
    GlueWork,
    Mentoring,
    /// Goals and plans, to-dos, learning not yet done: not wins.
    Goals,
    /// Personal life: family, travel, hobbies, "Outside of work": not wins.
    Personal,
    /// Thanks and credits: not wins.
    Thanks,
    /// Reading lists: not wins.
    Reading,
    /// What the author learned: completed learning is a win in a brag doc.
    Learned,
    /// Lessons and takeaways: reflection, not wins.
    Lessons,
}

impl Role {
    pub const ALL: [Role; 17] = [
        Role::Summary,
        Role::Wins,
        Role::Projects,
        Role::Feedback,
        Role::GrowthAreas,
        Role::Actions,
        Role::WentWell,
        Role::DidntGoWell,
        Role::DoDifferently,
        Role::GlueWork,
        Role::Mentoring,
        Role::Goals,
        Role::Personal,
        Role::Thanks,
        Role::Reading,
        Role::Learned,
        Role::Lessons,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Summary => "summary",
            Role::Wins => "wins",
            Role::Projects => "projects",
            Role::Feedback => "feedback",
            Role::GrowthAreas => "growth-areas",
            Role::Actions => "actions",
            Role::WentWell => "went-well",
            Role::DidntGoWell => "didnt-go-well",
            Role::DoDifferently => "do-differently",
            Role::GlueWork => "glue-work",
            Role::Mentoring => "mentoring",
            Role::Goals => "goals",
            Role::Personal => "personal",
            Role::Thanks => "thanks",
            Role::Reading => "reading",
            Role::Learned => "learning",
            Role::Lessons => "lessons",
        }
    }

    pub fn parse(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.id() == id)
    }

    /// The heading an author would write, and the one completion offers.
    pub fn title(self) -> &'static str {
        self.builtin_aliases()[0]
    }

    /// Spellings of the role that are looked up and also checked for typos (`## Acomplishments`).
    fn builtin_aliases(self) -> &'static [&'static str] {
        match self {
            Role::Summary => &["Summary", "Overview", "TL;DR", "tldr"],
            Role::Wins => &[
                "Wins",
                "Impact",
                "Accomplishments",
                "Achievements",
                "Highlights",
                "Key wins",
                "Key achievements",
                "Key accomplishments",
                "Company building",
                // A growth plan's look back.
                "Progress",
                "Progress so far",
                "Progress notes",
                "Progress update",
                "Recent wins",
                "Recent accomplishments",
                "Done so far",
                "What I've done",
                "What I got done",
            ],
            Role::Projects => &[
                "Projects",
                "Key projects",
                "Design and documentation",
                "Side projects",
            ],
            Role::Feedback => &[
                "Feedback",
                "Feedback loop",
                "Feedback received",
                "Manager comments",
                "Manager feedback",
                "Manager notes",
                // A plan's notes of meetings with a manager: what was said, not work done.
                "1:1 notes",
                "1:1s",
                "1-1 notes",
                "One-on-ones",
                "One-on-one notes",
            ],
            Role::GrowthAreas => &[
                "Growth areas",
                "Focus",
                "Focus areas",
                "Areas for growth",
                "Opportunities",
                "Opportunities for improvement",
                "Areas for improvement",
                "Areas of improvement",
                "Weaknesses",
                "Areas to grow",
                "Development areas",
            ],
            Role::Actions => &[
                "Actions",
                "Next steps",
                "Action items",
                "Plan",
                "Follow ups",
            ],
            Role::WentWell => &["Went well", "What went well", "What worked", "Went right"],
            Role::DidntGoWell => &[
                "Didn't go well",
                "What didn't go well",
                "Went wrong",
                "What went wrong",
                "Challenges",
                "Could have gone better",
                "What could have gone better",
                "Could be better",
                "Problems",
                "Pain points",
                // A 4Ls retro's wishes need an action as its lacks do.
                "Longed for",
            ],
            Role::DoDifferently => &[
                "Do differently",
                "What to do differently",
                "Next time",
                "How can we improve",
                "What should we change",
                "What to change",
                "Improvements",
            ],
            Role::GlueWork => &["Glue work", "Glue"],
            Role::Mentoring => &[
                "Mentoring",
                "Mentorship given",
                "Collaboration and mentorship",
            ],
            Role::Goals => &[
                "Goals for this year",
                "Goals for next year",
                "Plans for next year",
                "What I want to learn",
                "Learning goals",
                "Standing goals",
                // A plan's asks of others: not wins.
                "Support needed",
                "Support I need",
                // The author's reminders in a work log: things to raise or do, not wins.
                "Notes to self",
                "Note to self",
                "Reminders",
            ],
            Role::Personal => &["Personal life", "Outside of work", "Family and personal"],
            Role::Thanks => &["Acknowledgements", "Acknowledgments"],
            Role::Reading => &["Reading list", "Books I read"],
            Role::Learned => &["What I learned", "What you learned", "Things I learned"],
            Role::Lessons => &["Lessons learned"],
        }
    }

    /// Common words that name a role when they are a whole heading, but are too close to other
    /// words to suggest as typo fixes (`## Stats` is not a misspelt `## Start`, nor `## Talks` a
    /// misspelt `## Thanks`).
    fn exact_aliases(self) -> &'static [&'static str] {
        match self {
            // A packet's or a self-review's background: where the author comes from, not the
            // case ("Joined Acme in 2021", "Moved to Berlin last spring").
            Role::Summary => &[
                "Background",
                "About me",
                "About",
                "Context",
                "Bio",
                "Introduction",
                "Career history",
            ],
            Role::Wins => &[
                "Misc",
                "Miscellaneous",
                "Strengths",
                "My wins",
                "Other wins",
                // A plan's or a self-review's look back: what was done, the evidence for a goal.
                "Evidence",
                "Done",
                "Completed",
            ],
            Role::WentWell => &["Liked", "Continue", "Keep", "Keep doing", "Glad", "Kudos"],
            // A work log's or a brag doc's open problems: what stands in the way, not a win
            // (in a retro, each needs an action as a lesson does).
            Role::DidntGoWell => &[
                "Lacked",
                "Issues",
                "Mad",
                "Sad",
                "Blockers",
                "Blocked",
                "Blocked on",
                "Risks",
                "Risks and issues",
                "Open issues",
                "Known issues",
                "Open problems",
                "Concerns",
            ],
            // A start/stop/continue retro's "Stop" items are things the team will stop doing:
            // each is a change for next time (it answers the lessons it shares words with), not
            // a lesson waiting for one.
            Role::DoDifferently => &[
                "Start",
                "Start doing",
                "Stop",
                "Stop doing",
                "Try",
                "Ideas",
                "Change",
            ],
            Role::Goals => &[
                "Goals",
                "Objectives",
                "Resolutions",
                "Wishlist",
                "Next year",
                "Looking ahead",
                "Todo",
                "To do",
                "To dos",
                "Todos",
                "Plans",
                "Next",
                "Up next",
                "What's next",
                // A weekly log's work still under way: not finished, so not a win to measure
                // yet ("Next week" and other spans: `parse/headings.rs`).
                "In progress",
                "Ongoing",
                "WIP",
                "Work in progress",
                "Doing",
                // A work log's notes: reminders and things to ask, beside "Notes to self".
                "Notes",
            ],
            // "Not work" is a single typo from "Network": matched whole only.
            Role::Personal => &[
                "Personal",
                "Family",
                "Hobbies",
                "Travels",
                "Travel",
                "Fun",
                "Life",
                "Health",
                "Kids",
                "Not work",
                "Non-work",
                "Outside work",
                "Off work",
            ],
            Role::Thanks => &["Thanks", "Thank you", "Credits", "Shoutouts", "Shout outs"],
            Role::Reading => &["Reading", "Books", "Resources", "Learning resources"],
            Role::Learned => &["Learned", "Learnings", "TIL"],
            Role::Lessons => &["Lessons", "Takeaways", "Reflections", "Reflection"],
            _ => &[],
        }
    }

    /// The trait a role section evidences by its nature (Mentoring → mentorship).
    pub fn implied_trait(self) -> Option<&'static str> {
        match self {
            Role::GlueWork => Some("glue"),
            Role::Mentoring => Some("mentorship"),
            _ => None,
        }
    }

    /// Items under this role are wins (judged by `vague-win`).
    pub fn holds_wins(self) -> bool {
        matches!(
            self,
            Role::Wins | Role::Projects | Role::GlueWork | Role::Mentoring
        )
    }

    /// Items under this role are not wins, even in a brag doc where a section is a win unless it
    /// says otherwise: goals, to-dos, feedback received, personal life, thanks, reading lists,
    /// lessons, and a retro's observations and changes.
    pub fn holds_no_wins(self) -> bool {
        !self.holds_wins() && self != Role::Learned
    }
}

/// Lower-case a heading, tag or name for comparison: drops a leading "Trait:", emoji and
/// punctuation, and folds `-`, `_` and runs of spaces into one space.
pub fn normalize_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            if ch.is_ascii() {
                // `char::to_lowercase` through `String::extend` was 7% of a heading-heavy model pass.
                out.push(ch.to_ascii_lowercase());
            } else {
                out.extend(ch.to_lowercase());
            }
        } else if ch.is_whitespace() || ch == '-' || ch == '_' || ch == '/' {
            pending_space = true;
        }
        // Other punctuation and symbols (emoji, apostrophes, colons) vanish.
    }
    match out.strip_prefix("trait ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// A validated ladder: its ordered levels, its trait catalogue and its section vocabulary.
#[derive(Debug, Clone)]
pub struct Ladder {
    pub id: String,
    pub name: String,
    pub description: String,
    pub levels: Vec<Level>,
    pub traits: Vec<Trait>,
    level_by_name: HashMap<String, usize>,
    /// Every normalized spelling of a trait and of a role, sorted by spelling: a near-miss
    /// search reads only the run sharing a first letter.
    trait_spellings: Vec<(String, usize)>,
    role_spellings: Vec<(String, Role)>,
    /// The same spellings by hash, for the exact lookups of every heading and tag. A binary
    /// search compared ~8 strings per lookup, up to four lookups per heading (role, trait,
    /// each with a plural): 9% of the model pass of a draft of 26,000 headings.
    trait_by_spelling: FxHashMap<String, usize>,
    role_by_spelling: FxHashMap<String, Role>,
    /// Every trait's signals, compiled once: what trait inference reads.
    signal_index: SignalIndex,
}

impl Ladder {
    pub(crate) fn new(
        id: String,
        name: String,
        description: String,
        levels: Vec<Level>,
        traits: Vec<Trait>,
        extra_roles: Vec<(Role, String)>,
    ) -> Ladder {
        let mut trait_by_name = HashMap::new();
        for (idx, tr) in traits.iter().enumerate() {
            for name in std::iter::once(&tr.id).chain([&tr.name]).chain(&tr.aliases) {
                trait_by_name.entry(normalize_name(name)).or_insert(idx);
            }
        }
        let mut level_by_name = HashMap::new();
        for (idx, level) in levels.iter().enumerate() {
            for name in std::iter::once(&level.id)
                .chain([&level.name])
                .chain(&level.aliases)
            {
                level_by_name.entry(normalize_name(name)).or_insert(idx);
            }
        }
        let mut role_by_name = HashMap::new();
        for role in Role::ALL {
            for alias in role.builtin_aliases() {
                role_by_name.insert(normalize_name(alias), role);
            }
        }
        for (role, alias) in extra_roles {
            role_by_name.insert(normalize_name(&alias), role);
        }
        let trait_by_spelling = trait_by_name.clone().into_iter().collect();
        let mut role_by_spelling: FxHashMap<String, Role> =
            role_by_name.clone().into_iter().collect();
        // Exact-only spellings: found, never suggested. A role's id is one (the older roles'
        // ids are spelt as their first alias anyway).
        for role in Role::ALL {
            role_by_spelling
                .entry(normalize_name(role.id()))
                .or_insert(role);
            for alias in role.exact_aliases() {
                role_by_spelling
                    .entry(normalize_name(alias))
                    .or_insert(role);
            }
        }
        let trait_spellings = sorted_by_spelling(trait_by_name);
        let role_spellings = sorted_by_spelling(role_by_name);
        let signal_index = SignalIndex::build(traits.iter().map(|t| &t.signals));
        Ladder {
            id,
            name,
            description,
            levels,
            traits,
            level_by_name,
            trait_spellings,
            role_spellings,
            trait_by_spelling,
            role_by_spelling,
            signal_index,
        }
    }

    /// Every trait's signals, compiled (see [`signals`]).
    pub fn signal_index(&self) -> &SignalIndex {
        &self.signal_index
    }

    /// The trait a heading or tag names; a plural ("Learnings") names the same trait.
    pub fn trait_index(&self, name: &str) -> Option<usize> {
        // Tags (`#ownership`) are usually normalized already: look them up without a copy.
        if is_normalized_word(name) {
            return self.trait_index_normalized(name);
        }
        self.trait_index_normalized(&normalize_name(name))
    }

    /// [`Ladder::trait_index`] of a name already passed through [`normalize_name`]. Inlined
    /// into the model pass, which asks it of every heading, as it was before trait inference
    /// called it too.
    #[inline]
    pub fn trait_index_normalized(&self, normalized: &str) -> Option<usize> {
        lookup_with_plural(&self.trait_by_spelling, normalized)
    }

    pub fn find_trait(&self, name: &str) -> Option<&Trait> {
        self.trait_index(name).map(|idx| &self.traits[idx])
    }

    pub fn trait_by_id(&self, id: &str) -> Option<&Trait> {
        self.traits.iter().find(|tr| tr.id == id)
    }

    pub fn level_index(&self, name: &str) -> Option<usize> {
        self.level_by_name.get(&normalize_name(name)).copied()
    }

    pub fn find_level(&self, name: &str) -> Option<&Level> {
        self.level_index(name).map(|idx| &self.levels[idx])
    }

    pub fn find_role(&self, heading: &str) -> Option<Role> {
        self.find_role_normalized(&normalize_name(heading))
    }

    /// [`Ladder::find_role`] of a heading already passed through [`normalize_name`].
    #[inline]
    pub fn find_role_normalized(&self, normalized: &str) -> Option<Role> {
        lookup_with_plural(&self.role_by_spelling, normalized)
    }

    /// The lowest level that lists `trait_id` among its expected traits.
    pub fn level_expecting(&self, trait_id: &str) -> Option<&Level> {
        self.levels
            .iter()
            .find(|level| level.traits.iter().any(|t| t == trait_id))
    }

    /// Every normalized spelling of a trait (id, name, aliases) with the trait's index, sorted.
    pub fn trait_spellings(&self) -> &[(String, usize)] {
        &self.trait_spellings
    }

    /// Every normalized spelling of a section role, sorted.
    pub fn role_spellings(&self) -> &[(String, Role)] {
        &self.role_spellings
    }
}

/// True when [`normalize_name`] would return `text` unchanged: lowercase ASCII letters and
/// digits only, not starting with the `trait` prefix it strips.
fn is_normalized_word(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

fn sorted_by_spelling<T>(map: HashMap<String, T>) -> Vec<(String, T)> {
    let mut list: Vec<(String, T)> = map.into_iter().collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

#[inline]
fn lookup_with_plural<T: Copy>(by_spelling: &FxHashMap<String, T>, key: &str) -> Option<T> {
    let find = |key: &str| by_spelling.get(key).copied();
    find(key).or_else(|| key.strip_suffix('s').and_then(find))
}

const BUILTIN_TRAITS: (&str, &str) = ("traits.toml", include_str!("data/traits.toml"));
const BUILTIN_LADDERS: [(&str, &str); 2] = [
    ("bigtech.toml", include_str!("data/bigtech.toml")),
    ("generic.toml", include_str!("data/generic.toml")),
];

/// The id of the ladder used when neither front matter nor `rung.toml` names one.
pub const DEFAULT_LADDER: &str = "bigtech";

/// The built-in trait catalogue, shared by every ladder that does not replace a trait.
pub fn builtin_traits() -> Vec<Trait> {
    schema::parse_trait_catalogue(BUILTIN_TRAITS.1, BUILTIN_TRAITS.0)
        .expect("the built-in trait catalogue is valid (checked by a test)")
}

/// The ladders compiled into the binary.
pub fn builtin_ladders() -> Vec<Ladder> {
    let traits = builtin_traits();
    BUILTIN_LADDERS
        .iter()
        .map(|(file, text)| {
            parse_ladder(text, file, &traits)
                .expect("the built-in ladders are valid (checked by a test)")
        })
        .collect()
}

/// Every ladder a document may name: the built-in ones, then custom ones (a custom ladder with a
/// built-in id replaces it).
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub ladders: Vec<Ladder>,
}

impl Catalogue {
    pub fn builtin() -> Catalogue {
        Catalogue {
            ladders: builtin_ladders(),
        }
    }

    pub fn add(&mut self, ladder: Ladder) {
        self.ladders.retain(|existing| existing.id != ladder.id);
        self.ladders.push(ladder);
    }

    /// The ids of every ladder, for messages that list them.
    pub fn ids(&self) -> Vec<&str> {
        self.ladders.iter().map(|l| l.id.as_str()).collect()
    }

    pub fn ladder(&self, id: &str) -> Option<&Ladder> {
        let wanted = normalize_name(id);
        self.ladders
            .iter()
            .find(|ladder| normalize_name(&ladder.id) == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_ladders_load_and_reference_known_traits() {
        let catalogue = Catalogue::builtin();
        let bigtech = catalogue.ladder("bigtech").unwrap();
        assert_eq!(
            bigtech
                .levels
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>(),
            ["E3", "E4", "E5", "E6", "E7"]
        );
        assert_eq!(bigtech.find_level("staff").unwrap().id, "E6");
        assert_eq!(bigtech.find_level("l6").unwrap().id, "E6");
        let generic = catalogue.ladder("generic").unwrap();
        assert_eq!(generic.levels.len(), 5);
        assert_eq!(generic.traits.len(), 24);
        for ladder in [bigtech, generic] {
            for level in &ladder.levels {
                for id in &level.traits {
                    assert!(
                        ladder.trait_by_id(id).is_some(),
                        "{}: level {} names unknown trait {id}",
                        ladder.id,
                        level.id
                    );
                }
            }
        }
    }

    #[test]
    fn trait_names_resolve_through_case_punctuation_emoji_and_prefix() {
        let ladder = &builtin_ladders()[0];
        for heading in [
            "Ownership",
            "🚀 ownership!",
            "Trait: Ownership",
            "OWNERSHIP",
            "bar_raising",
            "Bar-Raising",
        ] {
            assert!(ladder.find_trait(heading).is_some(), "{heading}");
        }
        assert_eq!(
            ladder.find_trait("Mastery of the craft").unwrap().id,
            "craft"
        );
        assert_eq!(ladder.find_role("What went well?"), Some(Role::WentWell));
        assert_eq!(ladder.find_role("Didn’t go well"), Some(Role::DidntGoWell));
    }

    #[test]
    fn the_e6_level_expects_ownership_accountability_and_leadership() {
        let ladder = &builtin_ladders()[0];
        let e6 = ladder.find_level("E6").unwrap();
        for id in ["ownership", "accountability", "leadership"] {
            assert!(e6.traits.iter().any(|t| t == id));
        }
        assert!(e6.reach.is_beyond_team());
        assert!(!ladder.find_level("E5").unwrap().reach.is_beyond_team());
    }
}
