//! The TOML schema shared by built-in and custom ladder files, and its validation.
//!
//! A ladder file:
//!
//! ```toml
//! id = "acme"
//! name = "Acme engineering ladder"
//! description = "…"
//!
//! [[levels]]
//! id = "A3"
//! name = "Senior engineer"
//! aliases = ["senior"]
//! reach = "system"            # task | feature | system | area | org
//! scope = "owns a small system"
//! expects = ["…", "…"]        # what this level adds to the one below
//! traits = ["ownership", "delivery"]
//!
//! [[traits]]                  # optional: new traits, or replacements of built-in ones by id
//! id = "…" …
//!
//! [[roles]]                   # optional: more words for the section roles
//! role = "wins"
//! aliases = ["Erfolge"]
//! ```
//!
//! Every error names the file, line and column (1-based) of the offending value.

use super::signals::{MAX_SIGNALS_PER_TRAIT, TraitSignals, phrase_problem};
use super::{Ladder, Level, Reach, Role, Trait, normalize_name};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use toml::Spanned;

/// A configuration or ladder file that could not be used, with the place to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub file: String,
    /// 1-based line and column.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for LocatedError {}

/// 1-based line and column of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

pub(crate) fn error_at(
    text: &str,
    file: &str,
    offset: usize,
    message: impl Into<String>,
) -> LocatedError {
    let (line, column) = line_column(text, offset);
    LocatedError {
        file: file.to_string(),
        line,
        column,
        message: message.into(),
    }
}

pub(crate) fn toml_error(text: &str, file: &str, error: &toml::de::Error) -> LocatedError {
    let offset = error.span().map_or(0, |span| span.start);
    // toml's message carries its own excerpt after the first line; keep the sentence.
    let message = error
        .message()
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_string();
    error_at(text, file, offset, message)
}

/// A `[[traits]]` table. In the built-in catalogue, and for a new trait, every text field is
/// required; a ladder's table with a built-in trait's id may give only what it changes, and its
/// signal lists add to the built-in ones.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TraitDef {
    id: Spanned<String>,
    name: Option<String>,
    aliases: Option<Vec<String>>,
    description: Option<String>,
    evidence: Option<String>,
    strong: Option<String>,
    weak: Option<String>,
    /// Phrases that alone mark the trait in an untagged entry (see `signals.rs`).
    #[serde(default)]
    signals: Vec<Spanned<String>>,
    /// Words that lean towards the trait: two of them, or one and a signal, mark it.
    #[serde(default)]
    hints: Vec<Spanned<String>>,
    /// Phrases in which a signal's words do not count ("mentored by").
    #[serde(default)]
    not_signals: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelDef {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    reach: Spanned<String>,
    scope: String,
    #[serde(default)]
    expects: Vec<String>,
    #[serde(default)]
    traits: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleDef {
    role: Spanned<String>,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LadderFile {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    description: String,
    levels: Vec<LevelDef>,
    #[serde(default)]
    traits: Vec<TraitDef>,
    #[serde(default)]
    roles: Vec<RoleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TraitCatalogueFile {
    traits: Vec<TraitDef>,
}

/// Upper bounds that keep a hostile file from costing more than a real one would.
const MAX_LEVELS: usize = 64;
const MAX_TRAITS: usize = 512;
const MAX_NAME_LEN: usize = 200;
/// The largest ladder file read: the built-in trait catalogue, signals and all, is 27 KB; a
/// file of 100,000 traits would be parsed in full before the trait count could refuse it.
pub const MAX_LADDER_BYTES: usize = 2 * 1024 * 1024;

fn check_id(text: &str, file: &str, id: &Spanned<String>, what: &str) -> Result<(), LocatedError> {
    let value = id.get_ref();
    let valid = !value.is_empty()
        && value.len() <= MAX_NAME_LEN
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(error_at(
            text,
            file,
            id.span().start,
            format!("{what} id `{value}` must be a non-empty word of letters, digits, `-` or `_`"),
        ))
    }
}

/// A well-formed id not seen before in this file (ids compare as names: `E6` and `e6` clash).
fn check_unique_id(
    text: &str,
    file: &str,
    seen: &mut HashMap<String, usize>,
    id: &Spanned<String>,
    what: &str,
) -> Result<(), LocatedError> {
    check_id(text, file, id, what)?;
    let key = normalize_name(id.get_ref());
    if let Some(&first) = seen.get(&key) {
        let (line, _) = line_column(text, first);
        let message = format!(
            "duplicate {what} id `{}` (first defined on line {line})",
            id.get_ref()
        );
        return Err(error_at(text, file, id.span().start, message));
    }
    seen.insert(key, id.span().start);
    Ok(())
}

/// The signal lists of a `[[traits]]` table, each phrase checked where it is written.
fn convert_signals(
    text: &str,
    file: &str,
    def: &mut TraitDef,
) -> Result<TraitSignals, LocatedError> {
    let n_phrases = def.signals.len() + def.hints.len() + def.not_signals.len();
    if n_phrases > MAX_SIGNALS_PER_TRAIT {
        return Err(error_at(
            text,
            file,
            def.id.span().start,
            format!(
                "trait `{}` lists {n_phrases} signals, hints and not-signals (at most {MAX_SIGNALS_PER_TRAIT})",
                def.id.get_ref()
            ),
        ));
    }
    let checked = |list: Vec<Spanned<String>>, what: &str| -> Result<Vec<String>, LocatedError> {
        let mut out = Vec::with_capacity(list.len());
        for phrase in list {
            if phrase.get_ref().len() > MAX_NAME_LEN {
                return Err(error_at(
                    text,
                    file,
                    phrase.span().start,
                    format!("{what} is too long (at most {MAX_NAME_LEN} bytes)"),
                ));
            }
            if let Some(problem) = phrase_problem(phrase.get_ref()) {
                return Err(error_at(
                    text,
                    file,
                    phrase.span().start,
                    format!("{what} `{}`: {problem}", phrase.get_ref()),
                ));
            }
            out.push(phrase.into_inner());
        }
        Ok(out)
    };
    Ok(TraitSignals {
        signals: checked(std::mem::take(&mut def.signals), "signal")?,
        hints: checked(std::mem::take(&mut def.hints), "hint")?,
        not_signals: checked(std::mem::take(&mut def.not_signals), "not-signal")?,
    })
}

/// A `[[traits]]` table as a whole trait: every text field must be there.
fn complete_trait(text: &str, file: &str, mut def: TraitDef) -> Result<Trait, LocatedError> {
    let signals = convert_signals(text, file, &mut def)?;
    let missing: Vec<&str> = [
        ("name", def.name.is_none()),
        ("description", def.description.is_none()),
        ("evidence", def.evidence.is_none()),
        ("strong", def.strong.is_none()),
        ("weak", def.weak.is_none()),
    ]
    .into_iter()
    .filter_map(|(field, is_missing)| is_missing.then_some(field))
    .collect();
    if !missing.is_empty() {
        return Err(error_at(
            text,
            file,
            def.id.span().start,
            format!(
                "trait `{}` is not a built-in trait, so it needs {}",
                def.id.get_ref(),
                missing
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    Ok(Trait {
        id: def.id.into_inner(),
        name: def.name.unwrap_or_default(),
        aliases: def.aliases.unwrap_or_default(),
        description: def.description.unwrap_or_default(),
        evidence: def.evidence.unwrap_or_default(),
        strong_example: def.strong.unwrap_or_default(),
        weak_example: def.weak.unwrap_or_default(),
        signals,
    })
}

/// A `[[traits]]` table over a trait that already exists: the fields it gives replace the
/// existing ones, and its signal lists add to the existing lists.
fn amend_trait(
    text: &str,
    file: &str,
    mut def: TraitDef,
    existing: &mut Trait,
) -> Result<(), LocatedError> {
    let signals = convert_signals(text, file, &mut def)?;
    let replace = |field: &mut String, value: Option<String>| {
        if let Some(value) = value {
            *field = value;
        }
    };
    replace(&mut existing.name, def.name);
    replace(&mut existing.description, def.description);
    replace(&mut existing.evidence, def.evidence);
    replace(&mut existing.strong_example, def.strong);
    replace(&mut existing.weak_example, def.weak);
    if let Some(aliases) = def.aliases {
        existing.aliases = aliases;
    }
    existing.signals.extend(signals);
    Ok(())
}

fn check_trait_count(text: &str, file: &str, n_traits: usize) -> Result<(), LocatedError> {
    if n_traits > MAX_TRAITS {
        return Err(error_at(
            text,
            file,
            0,
            format!("too many traits ({n_traits}; at most {MAX_TRAITS})"),
        ));
    }
    Ok(())
}

fn convert_traits(text: &str, file: &str, defs: Vec<TraitDef>) -> Result<Vec<Trait>, LocatedError> {
    check_trait_count(text, file, defs.len())?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut traits = Vec::with_capacity(defs.len());
    for def in defs {
        check_unique_id(text, file, &mut seen, &def.id, "trait")?;
        traits.push(complete_trait(text, file, def)?);
    }
    Ok(traits)
}

/// Parse the built-in trait catalogue format (`[[traits]]` only).
pub(crate) fn parse_trait_catalogue(text: &str, file: &str) -> Result<Vec<Trait>, LocatedError> {
    let parsed: TraitCatalogueFile =
        toml::from_str(text).map_err(|e| toml_error(text, file, &e))?;
    convert_traits(text, file, parsed.traits)
}

/// Parse and validate a ladder file. `base_traits` is the catalogue its levels may name; the
/// file's own `[[traits]]` add to it or replace entries with the same id.
pub fn parse_ladder(text: &str, file: &str, base_traits: &[Trait]) -> Result<Ladder, LocatedError> {
    if text.len() > MAX_LADDER_BYTES {
        let message = format!(
            "is {} KB, larger than the {} KB rung reads as a ladder: ignored",
            text.len() / 1024,
            MAX_LADDER_BYTES / 1024
        );
        return Err(error_at(text, file, 0, message));
    }
    let parsed: LadderFile = toml::from_str(text).map_err(|e| toml_error(text, file, &e))?;
    check_id(text, file, &parsed.id, "ladder")?;

    let mut traits: Vec<Trait> = base_traits.to_vec();
    check_trait_count(text, file, parsed.traits.len())?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for def in parsed.traits {
        check_unique_id(text, file, &mut seen, &def.id, "trait")?;
        match traits.iter_mut().find(|t| &t.id == def.id.get_ref()) {
            Some(existing) => amend_trait(text, file, def, existing)?,
            None => traits.push(complete_trait(text, file, def)?),
        }
    }

    if parsed.levels.is_empty() {
        return Err(error_at(
            text,
            file,
            parsed.id.span().start,
            "a ladder needs at least one `[[levels]]` entry",
        ));
    }
    if parsed.levels.len() > MAX_LEVELS {
        return Err(error_at(
            text,
            file,
            0,
            format!(
                "too many levels ({}; at most {MAX_LEVELS})",
                parsed.levels.len()
            ),
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut levels = Vec::with_capacity(parsed.levels.len());
    for def in parsed.levels {
        check_unique_id(text, file, &mut seen, &def.id, "level")?;
        let reach = Reach::parse(def.reach.get_ref()).ok_or_else(|| {
            error_at(
                text,
                file,
                def.reach.span().start,
                format!(
                    "unknown reach `{}`; expected one of {}",
                    def.reach.get_ref(),
                    Reach::NAMES.join(", ")
                ),
            )
        })?;
        let mut level_traits = Vec::with_capacity(def.traits.len());
        for trait_id in def.traits {
            if !traits.iter().any(|t| &t.id == trait_id.get_ref()) {
                return Err(error_at(
                    text,
                    file,
                    trait_id.span().start,
                    format!(
                        "level `{}` names unknown trait `{}`",
                        def.id.get_ref(),
                        trait_id.get_ref()
                    ),
                ));
            }
            level_traits.push(trait_id.into_inner());
        }
        levels.push(Level {
            id: def.id.into_inner(),
            name: def.name,
            aliases: def.aliases,
            reach,
            scope: def.scope,
            expects: def.expects,
            traits: level_traits,
        });
    }

    let mut extra_roles = Vec::new();
    for def in parsed.roles {
        let role = Role::parse(def.role.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            error_at(
                text,
                file,
                def.role.span().start,
                format!(
                    "unknown role `{}`; expected one of {}",
                    def.role.get_ref(),
                    known.join(", ")
                ),
            )
        })?;
        extra_roles.extend(def.aliases.into_iter().map(|alias| (role, alias)));
    }

    Ok(Ladder::new(
        parsed.id.into_inner(),
        parsed.name,
        parsed.description,
        levels,
        traits,
        extra_roles,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Vec<Trait> {
        super::super::builtin_traits()
    }

    #[test]
    fn a_missing_field_names_file_line_and_column() {
        let text = "id = \"acme\"\nname = \"Acme\"\n\n[[levels]]\nid = \"A1\"\nname = \"One\"\nscope = \"tasks\"\n";
        let error = parse_ladder(text, "acme.toml", &base()).unwrap_err();
        assert_eq!(error.file, "acme.toml");
        assert!(error.message.contains("reach"), "{error}");
        assert_eq!(error.line, 4, "{error}");
    }

    #[test]
    fn a_duplicate_level_id_points_at_the_second_one() {
        let level =
            "[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"tasks\"\n";
        let text = format!("id = \"acme\"\nname = \"Acme\"\n{level}{level}");
        let error = parse_ladder(&text, "acme.toml", &base()).unwrap_err();
        assert_eq!((error.line, error.column), (9, 6), "{error}");
        assert!(
            error
                .message
                .contains("duplicate level id `A1` (first defined on line 4)"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_trait_in_a_level_is_an_error_at_its_place() {
        let text = "id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"s\"\ntraits = [\"delivery\", \"wizardry\"]\n";
        let error = parse_ladder(text, "acme.toml", &base()).unwrap_err();
        assert_eq!((error.line, error.column), (8, 23), "{error}");
        assert!(error.message.contains("unknown trait `wizardry`"));
    }

    #[test]
    fn custom_traits_and_role_aliases_extend_the_catalogue() {
        let text = r#"id = "acme"
name = "Acme"
[[levels]]
id = "A1"
name = "One"
reach = "team"
scope = "s"
"#;
        let error = parse_ladder(text, "acme.toml", &base()).unwrap_err();
        assert!(error.message.contains("unknown reach `team`"), "{error}");

        let text = r#"id = "acme"
name = "Acme"
[[levels]]
id = "A1"
name = "One"
reach = "area"
scope = "s"
traits = ["wizardry"]
[[traits]]
id = "wizardry"
name = "Wizardry"
description = "d"
evidence = "e"
strong = "s"
weak = "w"
[[roles]]
role = "wins"
aliases = ["Erfolge"]
"#;
        let ladder = parse_ladder(text, "acme.toml", &base()).unwrap();
        assert_eq!(ladder.find_trait("wizardry").unwrap().name, "Wizardry");
        assert!(ladder.find_trait("ownership").is_some());
        assert_eq!(ladder.find_role("Erfolge"), Some(Role::Wins));
    }

    const ONE_LEVEL: &str = "id = \"acme\"\nname = \"Acme\"\n[[levels]]\nid = \"A1\"\nname = \"One\"\nreach = \"task\"\nscope = \"s\"\n";

    #[test]
    fn a_ladder_extends_a_built_in_traits_signals_by_id_alone() {
        let text = format!(
            "{ONE_LEVEL}[[traits]]\nid = \"mentorship\"\nsignals = [\"buddy for\", \"ran the apprenticeship\"]\nhints = [\"apprentice\"]\n"
        );
        let ladder = parse_ladder(&text, "acme.toml", &base()).unwrap();
        let mentorship = ladder.trait_by_id("mentorship").unwrap();
        // The built-in text stays; the lists grow.
        assert_eq!(mentorship.name, "Mentorship");
        assert!(mentorship.signals.signals.iter().any(|s| s == "coached"));
        assert!(mentorship.signals.signals.iter().any(|s| s == "buddy for"));
        assert!(mentorship.signals.hints.iter().any(|s| s == "apprentice"));
    }

    #[test]
    fn a_new_trait_needs_its_text_and_says_which_at_its_id() {
        let text = format!("{ONE_LEVEL}[[traits]]\nid = \"wizardry\"\nname = \"Wizardry\"\n");
        let error = parse_ladder(&text, "acme.toml", &base()).unwrap_err();
        assert_eq!((error.line, error.column), (9, 6), "{error}");
        assert!(
            error
                .message
                .contains("needs `description`, `evidence`, `strong`, `weak`"),
            "{error}"
        );
    }

    #[test]
    fn a_bad_signal_is_an_error_at_its_place() {
        let text = format!(
            "{ONE_LEVEL}[[traits]]\nid = \"hiring\"\nsignals = [\"sourced candidates\", \"… alone\"]\n"
        );
        let error = parse_ladder(&text, "acme.toml", &base()).unwrap_err();
        assert_eq!(
            (error.file.as_str(), error.line, error.column),
            ("acme.toml", 10, 34),
            "{error}"
        );
        assert!(
            error
                .message
                .contains("signal `… alone`: a phrase cannot start with `…`"),
            "{error}"
        );
        let text = format!("{ONE_LEVEL}[[traits]]\nid = \"hiring\"\nhints = [\"-\"]\n");
        let error = parse_ladder(&text, "acme.toml", &base()).unwrap_err();
        assert!(
            error
                .message
                .contains("hint `-`: a signal needs at least one word"),
            "{error}"
        );
        assert_eq!(error.line, 10, "{error}");
        let text = format!("{ONE_LEVEL}[[traits]]\nid = \"hiring\"\nsignal = [\"x\"]\n");
        assert!(parse_ladder(&text, "acme.toml", &base()).is_err());
    }

    #[test]
    fn every_built_in_trait_has_signals() {
        for tr in base() {
            assert!(
                tr.signals.signals.len() >= 5 && !tr.signals.hints.is_empty(),
                "{} has too few signals",
                tr.id
            );
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "id = ",
            "\u{0}\u{1}",
            "[[levels]]\n[[levels]]",
            "id = 3\nname = []\nlevels = 7",
        ] {
            assert!(parse_ladder(text, "x.toml", &base()).is_err(), "{text:?}");
        }
    }
}
