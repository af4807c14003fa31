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
//!
//! [[case]]                         # docs of one person read together (default: a folder's)
//! files = ["brag/*.md", "promo-2026.md"]
//! ```

use crate::analysis::diagnostic::Severity;
use crate::analysis::document::DocKind;
use crate::analysis::names::closest;
use crate::analysis::rules;
use crate::catalogue::LocatedError;
use crate::catalogue::schema_support::{error_at, line_column, toml_error};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A string value, or an error at it.
fn string(
    value: &Spanned<DeValue>,
    errors: &mut Vec<LocatedError>,
    at: &impl Fn(usize, String) -> LocatedError,
    key: &str,
) -> Option<String> {
    match value.get_ref() {
        DeValue::String(text) => Some(text.to_string()),
        _ => {
            errors.push(at(value.span().start, format!("`{key}` must be a string")));
            None
        }
    }
}

/// A list of strings with the offset of each, or an error at the value (or at an item that is
/// not a string, whose siblings are kept).
fn strings(
    value: &Spanned<DeValue>,
    errors: &mut Vec<LocatedError>,
    at: &impl Fn(usize, String) -> LocatedError,
    key: &str,
    what: &str,
) -> Option<Vec<(String, usize)>> {
    let DeValue::Array(items) = value.get_ref() else {
        errors.push(at(
            value.span().start,
            format!("`{key}` must be a list of {what}, such as `{key} = [\"…\"]`"),
        ));
        return None;
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(text) => out.push((text.to_string(), item.span().start)),
            _ => errors.push(at(
                item.span().start,
                format!("each entry of `{key}` must be a string"),
            )),
        }
    }
    Some(out)
}

pub const FILE_NAME: &str = "rung.toml";

/// The most globs or ladder files one config may list: far above real use, low enough that a
/// hostile file cannot make matching slow.
const MAX_LIST: usize = 256;
const MAX_GLOB_LEN: usize = 512;
/// The largest `rung.toml` read: a real one is a few hundred bytes; a 10 MB one is an accident
/// (or an attack) that would otherwise be parsed in full on every change in the editor.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// The top-level keys of `rung.toml` (the `[rules]` table among them), for suggestions.
pub const KEYS: [&str; 6] = ["include", "kind", "ladder", "ladders", "rules", "case"];

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
    /// `[[case]]` tables: groups of files read together as one person's case.
    pub cases: Vec<CaseGroup>,
}

/// One `[[case]]` of `rung.toml`: the globs of its files, relative to the config's folder.
#[derive(Debug, Clone, Default)]
pub struct CaseGroup {
    pub files: Vec<String>,
    set: GlobSet,
}

impl CaseGroup {
    /// Does one of the case's globs match `relative_path` (`/`-separated)?
    pub fn contains(&self, relative_path: &str) -> bool {
        self.set.is_match(relative_path)
    }
}

/// A list of globs as a set, each bad glob an error at it.
fn glob_set(
    patterns: Vec<(String, usize)>,
    offset: usize,
    what: &str,
    errors: &mut Vec<LocatedError>,
    at: &impl Fn(usize, String) -> LocatedError,
) -> (Vec<String>, GlobSet) {
    let mut builder = GlobSetBuilder::new();
    let mut kept = Vec::new();
    for (pattern, start) in patterns {
        if pattern.len() > MAX_GLOB_LEN {
            errors.push(at(
                start,
                format!("glob is longer than {MAX_GLOB_LEN} characters"),
            ));
            continue;
        }
        match Glob::new(&pattern) {
            Ok(glob) => {
                builder.add(glob);
                kept.push(pattern);
            }
            Err(e) => errors.push(at(start, format!("invalid glob `{pattern}`: {}", e.kind()))),
        }
    }
    match builder.build() {
        Ok(set) => (kept, set),
        Err(e) => {
            errors.push(at(offset, format!("invalid {what}: {e}")));
            (Vec::new(), GlobSet::empty())
        }
    }
}

impl Config {
    /// Parse and validate `text`; `file` names it in errors. Each key is taken on its own: a
    /// problem in one (a misspelt table, a bad severity, a bad glob, even a TOML syntax error
    /// in one line) is reported with its place and leaves every other setting in force.
    pub fn parse(text: &str, file: &str) -> (Config, Vec<LocatedError>) {
        let mut config = Config::default();
        let mut errors = Vec::new();
        if text.len() > MAX_CONFIG_BYTES {
            let message = format!(
                "is {} KB, larger than the {} KB rung reads as a `rung.toml`: ignored, the defaults apply",
                text.len() / 1024,
                MAX_CONFIG_BYTES / 1024
            );
            errors.push(error_at(text, file, 0, message));
            return (config, errors);
        }
        let (table, syntax_errors) = DeTable::parse_recoverable(text);
        errors.extend(syntax_errors.iter().map(|e| toml_error(text, file, e)));
        let at = |offset: usize, message: String| error_at(text, file, offset, message);

        for (key, value) in table.get_ref() {
            let offset = value.span().start;
            match key.get_ref().as_ref() {
                "include" => {
                    let Some(patterns) = strings(value, &mut errors, &at, "include", "globs")
                    else {
                        continue;
                    };
                    if patterns.len() > MAX_LIST {
                        errors.push(at(
                            offset,
                            format!("too many entries in `include` (at most {MAX_LIST})"),
                        ));
                        continue;
                    }
                    (config.include, config.include_set) =
                        glob_set(patterns, offset, "include globs", &mut errors, &at);
                }
                "kind" => {
                    let Some(kind) = string(value, &mut errors, &at, "kind") else {
                        continue;
                    };
                    match DocKind::parse(&kind) {
                        Some(kind) => config.kind = Some(kind),
                        None => {
                            let kinds = DocKind::ALL.map(DocKind::id);
                            errors.push(at(
                                offset,
                                format!("unknown kind `{kind}`: use one of {}", kinds.join(", ")),
                            ));
                        }
                    }
                }
                "ladder" => {
                    if let Some(ladder) = string(value, &mut errors, &at, "ladder") {
                        config.ladder_position = line_column(text, offset);
                        config.ladder = Some(ladder);
                    }
                }
                "ladders" => {
                    let Some(files) = strings(value, &mut errors, &at, "ladders", "ladder files")
                    else {
                        continue;
                    };
                    if files.len() > MAX_LIST {
                        errors.push(at(
                            offset,
                            format!("too many entries in `ladders` (at most {MAX_LIST})"),
                        ));
                        continue;
                    }
                    for (path, start) in files {
                        let (line, column) = line_column(text, start);
                        config.ladder_files.push((path, line, column));
                    }
                }
                "rules" => {
                    let DeValue::Table(rules_table) = value.get_ref() else {
                        errors.push(at(
                            offset,
                            "`rules` must be a table of rule names and severities, such as `[rules]` then `vague-win = \"error\"`".to_string(),
                        ));
                        continue;
                    };
                    for (name, severity) in rules_table {
                        let name_offset = name.span().start;
                        let name = name.get_ref().as_ref();
                        if rules::find(name).is_none() {
                            let suggestion = closest(name, rules::REGISTRY.iter().map(|r| r.name))
                                .map(|s| format!("; did you mean `{s}`?"))
                                .unwrap_or_else(|| "; `rung rules` lists them".to_string());
                            errors.push(at(
                                name_offset,
                                format!("unknown rule `{name}`{suggestion}"),
                            ));
                            continue;
                        }
                        let level = match severity.get_ref() {
                            DeValue::String(written) => Severity::parse(written)
                                .ok_or_else(|| format!("unknown severity `{written}`")),
                            _ => Err(format!("the severity of `{name}` must be a string")),
                        };
                        match level {
                            Ok(level) => {
                                config.severities.insert(name.to_string(), level);
                            }
                            Err(problem) => errors.push(at(
                                severity.span().start,
                                format!("{problem}: use one of {}", Severity::NAMES.join(", ")),
                            )),
                        }
                    }
                }
                "case" => {
                    let DeValue::Array(tables) = value.get_ref() else {
                        errors.push(at(
                            offset,
                            "`case` must be tables, such as `[[case]]` then `files = [\"brag.md\", \"promo.md\"]`".to_string(),
                        ));
                        continue;
                    };
                    if tables.len() > MAX_LIST {
                        errors.push(at(
                            offset,
                            format!("too many `[[case]]` tables (at most {MAX_LIST})"),
                        ));
                        continue;
                    }
                    for table in tables.iter() {
                        let DeValue::Table(fields) = table.get_ref() else {
                            errors.push(at(
                                table.span().start,
                                "each `[[case]]` must be a table with `files = [...]`".to_string(),
                            ));
                            continue;
                        };
                        let mut group = None;
                        for (field, value) in fields {
                            match field.get_ref().as_ref() {
                                "files" => {
                                    let Some(patterns) =
                                        strings(value, &mut errors, &at, "files", "globs")
                                    else {
                                        continue;
                                    };
                                    if patterns.len() > MAX_LIST {
                                        errors.push(at(
                                            value.span().start,
                                            format!(
                                                "too many entries in `files` (at most {MAX_LIST})"
                                            ),
                                        ));
                                        continue;
                                    }
                                    let (files, set) = glob_set(
                                        patterns,
                                        value.span().start,
                                        "globs",
                                        &mut errors,
                                        &at,
                                    );
                                    group = Some(CaseGroup { files, set });
                                }
                                other => errors.push(at(
                                    field.span().start,
                                    format!("unknown key `{other}` in `[[case]]`: it has `files`"),
                                )),
                            }
                        }
                        match group {
                            Some(group) => config.cases.push(group),
                            None => errors.push(at(
                                table.span().start,
                                "a `[[case]]` needs `files = [...]`, the globs of its docs"
                                    .to_string(),
                            )),
                        }
                    }
                }
                other => {
                    let suggestion = closest(other, KEYS.into_iter())
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| format!("rung.toml has {}", KEYS.join(", ")));
                    errors.push(at(
                        key.span().start,
                        format!("unknown key `{other}`: {suggestion}"),
                    ));
                }
            }
        }
        errors.sort_by_key(|e| (e.line, e.column));
        (config, errors)
    }

    /// Does an include glob match `relative_path` (relative to the config's folder, `/`-separated)?
    pub fn includes(&self, relative_path: &str) -> bool {
        self.include_set.is_match(relative_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Config {
        let (config, errors) = Config::parse(text, "rung.toml");
        assert_eq!(errors, [], "{text}");
        config
    }

    /// The one error of `text`, with the config parsed around it.
    fn one_error(text: &str) -> (Config, LocatedError) {
        let (config, mut errors) = Config::parse(text, "rung.toml");
        assert_eq!(errors.len(), 1, "{errors:?}");
        (config, errors.remove(0))
    }

    #[test]
    fn a_full_config_parses() {
        let text = "include = [\"career/**/*.md\"]\nkind = \"promo\"\nladder = \"acme\"\nladders = [\"ladders/acme.toml\"]\n[rules]\nvague-win = \"error\"\nweak-verb = \"off\"\n";
        let config = parse(text);
        assert!(config.includes("career/2026/me.md"));
        assert!(!config.includes("README.md"));
        assert_eq!(config.kind, Some(DocKind::Promo));
        assert_eq!(config.severities["vague-win"], Severity::Error);
        assert_eq!(
            config.ladder_files,
            [("ladders/acme.toml".to_string(), 4, 12)]
        );
        assert_eq!(config.ladder_position, (3, 10));
    }

    #[test]
    fn errors_name_line_and_column() {
        let (_, error) = one_error("[rules]\nvage-win = \"error\"\n");
        assert_eq!((error.line, error.column), (2, 1));
        assert_eq!(
            error.message,
            "unknown rule `vage-win`; did you mean `vague-win`?"
        );

        let (_, error) = one_error("[rules]\nvague-win = \"loud\"\n");
        assert_eq!((error.line, error.column), (2, 13));

        let (_, error) = one_error("include = [\"a/[b\"]\n");
        assert_eq!((error.line, error.column), (1, 12), "{error}");

        let (_, error) = one_error("includ = []\n");
        assert_eq!((error.line, error.column), (1, 1), "{error}");
        assert!(error.message.contains("did you mean `include`"), "{error}");

        let (_, errors) = Config::parse("include = \"x\"\nladder = 3", "rung.toml");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!((errors[1].line, errors[1].column), (2, 10));
    }

    #[test]
    fn a_problem_in_one_part_keeps_every_other_part_in_force() {
        // A misspelt table, a bad severity beside a good one, a bad glob beside a good one, a
        // value of the wrong type.
        let text = "include = [\"career/**/*.md\", \"a/[b\", 3]\nkind = \"promo\"\nladder = [\"acme\"]\n\n[rulez]\nvague-win = \"off\"\n\n[rules]\nweak-verb = \"loud\"\nvague-win = \"error\"\nplaceholder-text = 1\n";
        let (config, errors) = Config::parse(text, "rung.toml");
        let places: Vec<(usize, usize, &str)> = errors
            .iter()
            .map(|e| (e.line, e.column, e.message.as_str()))
            .collect();
        assert!(config.includes("career/2026/me.md"), "{places:?}");
        assert_eq!(config.include, ["career/**/*.md"]);
        assert_eq!(config.kind, Some(DocKind::Promo));
        assert_eq!(config.ladder, None);
        assert_eq!(config.severities.get("vague-win"), Some(&Severity::Error));
        assert_eq!(config.severities.get("weak-verb"), None);
        let expect = [
            (1, 30, "invalid glob"),
            (1, 38, "each entry of `include` must be a string"),
            (3, 10, "`ladder` must be a string"),
            (5, 2, "unknown key `rulez`: did you mean `rules`?"),
            (9, 13, "unknown severity `loud`"),
            (
                11,
                20,
                "the severity of `placeholder-text` must be a string",
            ),
        ];
        assert_eq!(errors.len(), expect.len(), "{places:?}");
        for (line, column, message) in expect {
            assert!(
                places
                    .iter()
                    .any(|&(l, c, m)| l == line && c == column && m.contains(message)),
                "no {message:?} at {line}:{column} in {places:?}"
            );
        }
    }

    #[test]
    fn case_tables_group_files() {
        let config = parse(
            "[[case]]\nfiles = [\"brag/*.md\", \"promo.md\"]\n[[case]]\nfiles = [\"other/**\"]\n",
        );
        assert_eq!(config.cases.len(), 2);
        assert!(config.cases[0].contains("brag/2026.md"));
        assert!(config.cases[0].contains("promo.md"));
        assert!(!config.cases[0].contains("other/promo.md"));
        assert!(config.cases[1].contains("other/promo.md"));
        let (config, error) = one_error("[[case]]\nfiles = [\"a/[b\", \"ok.md\"]\n");
        assert!(error.message.contains("invalid glob"), "{error}");
        assert!(config.cases[0].contains("ok.md"));
        let (_, error) = one_error("[[case]]\nfile = [\"x.md\"]\nfiles = [\"y.md\"]\n");
        assert!(error.message.contains("unknown key `file`"), "{error}");
        let (_, error) = one_error("case = 3\n");
        assert!(error.message.contains("`case` must be tables"), "{error}");
    }

    #[test]
    fn a_syntax_error_in_one_line_keeps_the_others() {
        let (config, errors) = Config::parse(
            "include = [\"career/**/*.md\"]\nkind = promo\n[rules]\nvague-win = \"error\"\n",
            "rung.toml",
        );
        assert!(!errors.is_empty());
        assert_eq!(errors[0].line, 2, "{errors:?}");
        assert!(config.includes("career/x.md"), "{errors:?}");
        assert_eq!(config.severities.get("vague-win"), Some(&Severity::Error));
    }
}
