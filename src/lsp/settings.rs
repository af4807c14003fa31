//! Editor settings under the section `rung` (from `initializationOptions`,
//! `workspace/configuration` or `workspace/didChangeConfiguration`), and how they merge with
//! `rung.toml`: the repository's file wins over the editor.

use crate::analysis::Settings;
use crate::analysis::diagnostic::Severity;
use crate::analysis::rules;
use crate::project::Project;
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;

/// The default for the longest pause between the last keystroke and re-analysis.
pub const DEFAULT_DEBOUNCE_MS: u64 = 50;

/// How long to wait after a change before analysing: as long as the document's previous analysis
/// took, and at most `debounce_ms`. A small document is re-checked at once (its analysis takes
/// about a millisecond); a large one still lets a burst of keystrokes settle, and analysis takes
/// at most about half a core however fast the author types.
pub fn debounce_wait(debounce_ms: u64, previous_analysis: Duration) -> Duration {
    Duration::from_millis(debounce_ms).min(previous_analysis)
}

#[derive(Debug, Clone, PartialEq)]
pub struct EditorSettings {
    /// Default ladder id, when `rung.toml` names none.
    pub ladder: Option<String>,
    /// Rule severities, under those of `rung.toml`.
    pub rules: HashMap<String, Severity>,
    /// The longest wait after a change before analysing (see [`debounce_wait`]).
    pub debounce_ms: u64,
}

impl Default for EditorSettings {
    fn default() -> EditorSettings {
        EditorSettings {
            ladder: None,
            rules: HashMap::new(),
            debounce_ms: DEFAULT_DEBOUNCE_MS,
        }
    }
}

impl EditorSettings {
    /// Read settings from a JSON object; unknown keys and values of the wrong type are ignored
    /// and reported back as problems for the client's log.
    pub fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut settings = EditorSettings::default();
        let mut problems = Vec::new();
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                problems.push("rung settings must be an object".to_string());
            }
            return (settings, problems);
        };
        // Clients nest under "rung" in some requests and not in others.
        let object = object
            .get("rung")
            .and_then(Value::as_object)
            .unwrap_or(object);
        if let Some(ladder) = object.get("ladder") {
            match ladder.as_str() {
                Some(id) if !id.trim().is_empty() => settings.ladder = Some(id.trim().to_string()),
                // `""` (VS Code's default) and `null` both mean "no ladder setting".
                Some(_) => {}
                None if ladder.is_null() => {}
                None => problems.push("rung.ladder must be a ladder id".to_string()),
            }
        }
        if let Some(rule_map) = object.get("rules").and_then(Value::as_object) {
            for (name, severity) in rule_map {
                if rules::find(name).is_none() {
                    problems.push(format!("rung.rules: unknown rule `{name}`"));
                    continue;
                }
                match severity.as_str().and_then(Severity::parse) {
                    Some(level) => {
                        settings.rules.insert(name.clone(), level);
                    }
                    None => problems.push(format!(
                        "rung.rules.{name}: expected one of {}",
                        Severity::NAMES.join(", ")
                    )),
                }
            }
        }
        if let Some(ms) = object.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) => settings.debounce_ms = ms.min(5_000),
                None => {
                    problems.push("rung.debounceMs must be a number of milliseconds".to_string())
                }
            }
        }
        (settings, problems)
    }

    /// The settings for a document in `project`: `rung.toml` first, the editor's where it is silent.
    pub fn merged_with(&self, project: &Project) -> Settings {
        let mut settings = project.settings.clone();
        if project.config.ladder.is_none()
            && let Some(ladder) = self
                .ladder
                .as_ref()
                .filter(|id| settings.catalogue.ladder(id).is_some())
        {
            settings.default_ladder = ladder.clone();
        }
        let mut severities = self.rules.clone();
        severities.extend(project.settings.severities.clone());
        settings.severities = severities;
        settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_wait_follows_the_previous_analysis_up_to_the_setting() {
        let ms = Duration::from_millis;
        // A new document: analyse at once.
        assert_eq!(debounce_wait(50, Duration::ZERO), Duration::ZERO);
        // A small one is re-checked as soon as its last check would have finished.
        assert_eq!(
            debounce_wait(50, Duration::from_micros(900)),
            Duration::from_micros(900)
        );
        // A large one waits as long as its analysis took, up to the setting.
        assert_eq!(debounce_wait(50, ms(12)), ms(12));
        assert_eq!(debounce_wait(50, ms(400)), ms(50));
        assert_eq!(debounce_wait(0, ms(400)), Duration::ZERO);
    }

    #[test]
    fn settings_parse_and_problems_are_reported() {
        let (settings, problems) = EditorSettings::from_json(
            &json!({ "rung": { "ladder": "generic", "rules": { "weak-verb": "off", "nope": "error", "vague-win": "loud" }, "debounceMs": 0 } }),
        );
        assert_eq!(settings.ladder.as_deref(), Some("generic"));
        assert_eq!(settings.rules.get("weak-verb"), Some(&Severity::Off));
        assert_eq!(settings.debounce_ms, 0);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            EditorSettings::from_json(&json!(null)).0,
            EditorSettings::default()
        );
        assert_eq!(EditorSettings::from_json(&json!([1])).1.len(), 1);
    }

    #[test]
    fn an_empty_or_null_ladder_means_no_ladder_setting_and_is_no_problem() {
        // VS Code sends its default, `""`, at every start and settings change.
        for value in [json!(""), json!("   "), json!(null)] {
            let (settings, problems) = EditorSettings::from_json(&json!({ "ladder": value }));
            assert_eq!(settings.ladder, None, "{value}");
            assert!(problems.is_empty(), "{value}: {problems:?}");
        }
        let (settings, problems) = EditorSettings::from_json(&json!({ "ladder": 7 }));
        assert_eq!(settings.ladder, None);
        assert_eq!(problems, ["rung.ladder must be a ladder id"]);
    }

    #[test]
    fn rung_toml_wins_over_the_editor() {
        let mut project = Project::defaults();
        project
            .settings
            .severities
            .insert("vague-win".to_string(), Severity::Error);
        let editor = EditorSettings {
            ladder: Some("generic".to_string()),
            rules: [
                ("vague-win".to_string(), Severity::Off),
                ("weak-verb".to_string(), Severity::Off),
            ]
            .into(),
            debounce_ms: 0,
        };
        let merged = editor.merged_with(&project);
        assert_eq!(merged.severities["vague-win"], Severity::Error);
        assert_eq!(merged.severities["weak-verb"], Severity::Off);
        assert_eq!(merged.default_ladder, "generic");
    }
}
