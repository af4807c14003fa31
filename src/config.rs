//! `rung.toml`: which files are growth docs, the default ladder, custom ladders and rule
//! severities. Parsed from text here; finding the file and loading the ladders it names is
//! `project`'s job.
//!
//! ```toml
//! include = ["career/**/*.md"]    # globs, relative to this file's folder
//! kind = "brag"                    # kind of included files that do not say theirs (default: brag)
//! ladder = "acme"                  # default ladder (default: bigtech)
//! ladders = ["ladders/acme.toml"]  # custom ladder files, relative to this file's folder
//!
//! [rules]
//! vague-win = "error"
//! weak-verb = "off"
//! ```

use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::names::closest;
use crate::analysis::rules;
use crate::catalogue::LocatedError;
use crate::catalogue::schema_support::{error_at, toml_error};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

pub const FILE_NAME: &str = "rung.toml";

/// The most globs or ladder files one config may list: far above real use, low enough that a
/// hostile file cannot make matching slow.
const MAX_LIST: usize = 256;
const MAX_GLOB_LEN: usize = 512;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    kind: Option<Spanned<String>>,
    ladder: Option<Spanned<String>>,
    #[serde(default)]
    ladders: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// A validated `rung.toml`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub include: Vec<String>,
    include_set: GlobSet,
    /// The kind given to included files whose front matter and name do not say.
    pub kind: Option<DocKind>,
    pub ladder: Option<String>,
    /// 1-based line and column of the `ladder` value.
    pub ladder_position: (usize, usize),
    /// Custom ladder files as written (relative paths), with 1-based line and column.
    pub ladder_files: Vec<(String, usize, usize)>,
    pub severities: HashMap<String, Severity>,
}

impl Config {
    /// Parse and validate `text`; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Config, LocatedError> {
        let parsed: ConfigFile = toml::from_str(text).map_err(|e| toml_error(text, file, &e))?;
        let mut config = Config::default();

        if parsed.include.len() > MAX_LIST || parsed.ladders.len() > MAX_LIST {
            return Err(error_at(
                text,
                file,
                0,
                format!("too many entries in `include` or `ladders` (at most {MAX_LIST})"),
            ));
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in &parsed.include {
            if pattern.get_ref().len() > MAX_GLOB_LEN {
                return Err(error_at(
                    text,
                    file,
                    pattern.span().start,
                    format!("glob is longer than {MAX_GLOB_LEN} characters"),
                ));
            }
            let glob = Glob::new(pattern.get_ref()).map_err(|e| {
                error_at(
                    text,
                    file,
                    pattern.span().start,
                    format!("invalid glob `{}`: {}", pattern.get_ref(), e.kind()),
                )
            })?;
            builder.add(glob);
            config.include.push(pattern.get_ref().clone());
        }
        config.include_set = builder
            .build()
            .map_err(|e| error_at(text, file, 0, format!("invalid include globs: {e}")))?;

        if let Some(kind) = &parsed.kind {
            config.kind = Some(DocKind::parse(kind.get_ref()).ok_or_else(|| {
                let kinds = DocKind::ALL.map(DocKind::id);
                error_at(
                    text,
                    file,
                    kind.span().start,
                    format!(
                        "unknown kind `{}`: use one of {}",
                        kind.get_ref(),
                        kinds.join(", ")
                    ),
                )
            })?);
        }
        if let Some(ladder) = parsed.ladder {
            config.ladder_position =
                crate::catalogue::schema_support::line_column(text, ladder.span().start);
            config.ladder = Some(ladder.into_inner());
        }
        for ladder in &parsed.ladders {
            let (line, column) =
                crate::catalogue::schema_support::line_column(text, ladder.span().start);
            config
                .ladder_files
                .push((ladder.get_ref().clone(), line, column));
        }
        for (name, severity) in &parsed.rules {
            if rules::find(name.get_ref()).is_none() {
                let suggestion = closest(name.get_ref(), rules::REGISTRY.iter().map(|r| r.name))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_else(|| "; `rung rules` lists them".to_string());
                return Err(error_at(
                    text,
                    file,
                    name.span().start,
                    format!("unknown rule `{}`{suggestion}", name.get_ref()),
                ));
            }
            let level = Severity::parse(severity.get_ref()).ok_or_else(|| {
                error_at(
                    text,
                    file,
                    severity.span().start,
                    format!(
                        "unknown severity `{}`: use one of {}",
                        severity.get_ref(),
                        Severity::NAMES.join(", ")
                    ),
                )
            })?;
            config.severities.insert(name.get_ref().clone(), level);
        }
        Ok(config)
    }

    /// Does an include glob match `relative_path` (relative to the config's folder, `/`-separated)?
    pub fn includes(&self, relative_path: &str) -> bool {
        self.include_set.is_match(relative_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let text = "include = [\"career/**/*.md\"]\nkind = \"promo\"\nladder = \"acme\"\nladders = [\"ladders/acme.toml\"]\n[rules]\nvague-win = \"error\"\nweak-verb = \"off\"\n";
        let config = Config::parse(text, "rung.toml").unwrap();
        assert!(config.includes("career/2026/me.md"));
        assert!(!config.includes("README.md"));
        assert_eq!(config.kind, Some(DocKind::Promo));
        assert_eq!(config.severities["vague-win"], Severity::Error);
        assert_eq!(
            config.ladder_files,
            [("ladders/acme.toml".to_string(), 4, 12)]
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let error = Config::parse("[rules]\nvage-win = \"error\"\n", "rung.toml").unwrap_err();
        assert_eq!((error.line, error.column), (2, 1));
        assert_eq!(
            error.message,
            "unknown rule `vage-win`; did you mean `vague-win`?"
        );

        let error = Config::parse("[rules]\nvague-win = \"loud\"\n", "rung.toml").unwrap_err();
        assert_eq!((error.line, error.column), (2, 13));

        let error = Config::parse("include = [\"a/[b\"]\n", "rung.toml").unwrap_err();
        assert_eq!((error.line, error.column), (1, 12), "{error}");

        let error = Config::parse("includ = []\n", "rung.toml").unwrap_err();
        assert_eq!(error.line, 1, "{error}");

        assert!(Config::parse("include = \"x\"\nladder = 3", "rung.toml").is_err());
    }
}
