//! The JSON Schemas in `schemas/` are written by hand; these tests hold them to the Rust types
//! they describe: every key the parsers read is in the schema and every key in the schema is
//! read, the enums are the parsers' sets, and the built-in ladders validate. (`.ci/run` also
//! validates the built-in ladders with check-jsonschema, a full JSON Schema implementation; the
//! small validator here covers the keywords these two schemas use.)

use rung::analysis::diagnostic::Severity;
use rung::analysis::document::DocKind;
use rung::analysis::rules::REGISTRY;
use rung::catalogue::{Reach, Role};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(repo().join("schemas").join(name)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
}

fn keys(object: &Value) -> BTreeSet<String> {
    object
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn strings(array: &Value) -> BTreeSet<String> {
    array
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_string).collect()
}

/// The fields of `struct NAME { … }` in `source`, each with whether serde requires it (no
/// `#[serde(default)]` and not an `Option`).
fn struct_fields(source: &str, name: &str) -> Vec<(String, bool)> {
    let start = source
        .find(&format!("struct {name} {{"))
        .unwrap_or_else(|| panic!("no struct {name}"));
    let body = &source[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    let mut fields = Vec::new();
    let mut defaulted = false;
    for line in body.lines().map(str::trim) {
        if line.starts_with("#[serde(default") {
            defaulted = true;
        } else if let Some((field, ty)) = line.split_once(':')
            && !line.starts_with("//")
            && !line.starts_with('#')
        {
            let field = field.trim().trim_start_matches("pub ").to_string();
            fields.push((field, !defaulted && !ty.trim().starts_with("Option<")));
            defaulted = false;
        }
    }
    fields
}

/// Validate `value` against `schema` (resolving `#/$defs/…` in `root`) for the keywords these
/// schemas use; returns the first problem with its JSON path.
fn validate(value: &Value, schema: &Value, root: &Value, path: &str) -> Result<(), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/$defs/").expect("a local $ref");
        return validate(value, &root["$defs"][name], root, path);
    }
    let fail = |what: String| Err(format!("{path}: {what}"));
    if let Some(ty) = schema.get("type").and_then(Value::as_str) {
        let ok = match ty {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            other => panic!("type {other} is not covered here"),
        };
        if !ok {
            return fail(format!("not a {ty}: {value}"));
        }
    }
    if let Some(choices) = schema.get("enum").and_then(Value::as_array)
        && !choices.contains(value)
    {
        return fail(format!("{value} is not one of {choices:?}"));
    }
    if let Some(text) = value.as_str() {
        let length = text.chars().count() as u64;
        if schema
            .get("minLength")
            .and_then(Value::as_u64)
            .is_some_and(|n| length < n)
        {
            return fail("too short".to_string());
        }
        if schema
            .get("maxLength")
            .and_then(Value::as_u64)
            .is_some_and(|n| length > n)
        {
            return fail("too long".to_string());
        }
    }
    if let Some(items) = value.as_array() {
        let n = items.len() as u64;
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| n < m)
            || schema
                .get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| n > m)
        {
            return fail(format!("{n} items"));
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                validate(item, item_schema, root, &format!("{path}[{i}]"))?;
            }
        }
    }
    if let Some(object) = value.as_object() {
        for required in schema.get("required").map(strings).unwrap_or_default() {
            if !object.contains_key(&required) {
                return fail(format!("`{required}` is missing"));
            }
        }
        let properties = schema.get("properties");
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(property) => validate(item, property, root, &format!("{path}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return fail(format!("`{key}` is not allowed"));
                }
                None => {}
            }
        }
    }
    Ok(())
}

fn toml_json(text: &str) -> Value {
    toml::from_str(text).expect("TOML")
}

#[test]
fn the_rung_toml_schema_has_exactly_the_keys_rules_kinds_and_severities_rung_reads() {
    let schema = schema("rung.toml.schema.json");
    assert_eq!(keys(&schema["properties"]), set(rung::config::KEYS));
    assert_eq!(
        keys(&schema["properties"]["rules"]["properties"]),
        set(REGISTRY.iter().map(|r| r.name))
    );
    assert_eq!(
        strings(&schema["properties"]["kind"]["enum"]),
        set(DocKind::ALL.map(DocKind::id))
    );
    let severities = strings(&schema["$defs"]["severity"]["enum"]);
    assert!(severities.is_superset(&set(Severity::NAMES)));
    for name in &severities {
        assert!(Severity::parse(name).is_some(), "`{name}` is no severity");
    }

    // A full config validates and a misspelt table or severity does not.
    let good = toml_json(
        "include = [\"career/**/*.md\"]\nkind = \"brag\"\nladder = \"acme\"\nladders = [\"acme.toml\"]\n[rules]\nvague-win = \"error\"\nweak-verb = \"off\"\n",
    );
    validate(&good, &schema, &schema, "$").unwrap();
    for bad in [
        "[rulez]\nvague-win = \"error\"\n",
        "[rules]\nvague-win = \"loud\"\n",
        "[rules]\nvage-win = \"error\"\n",
        "kind = \"diary\"\n",
        "include = \"career/*.md\"\n",
    ] {
        assert!(
            validate(&toml_json(bad), &schema, &schema, "$").is_err(),
            "{bad} validates"
        );
    }
}

#[test]
fn the_ladder_schema_has_exactly_the_fields_of_the_ladder_parser() {
    let schema = schema("ladder.schema.json");
    let source = std::fs::read_to_string(repo().join("src/catalogue/schema.rs")).unwrap();
    for (name, object) in [
        ("LadderFile", &schema),
        ("LevelDef", &schema["$defs"]["level"]),
        ("TraitDef", &schema["$defs"]["trait"]),
        ("RoleDef", &schema["$defs"]["role"]),
    ] {
        let fields = struct_fields(&source, name);
        let in_schema = keys(&object["properties"]);
        assert_eq!(
            in_schema,
            fields.iter().map(|(f, _)| f.clone()).collect(),
            "{name}"
        );
        assert_eq!(
            strings(&object["required"]),
            fields
                .iter()
                .filter(|(_, required)| *required)
                .map(|(f, _)| f.clone())
                .collect(),
            "required fields of {name}"
        );
        assert_eq!(object["additionalProperties"], Value::Bool(false), "{name}");
    }
    assert_eq!(
        strings(&schema["$defs"]["level"]["properties"]["reach"]["enum"]),
        set(Reach::NAMES)
    );
    assert_eq!(
        strings(&schema["$defs"]["role"]["properties"]["role"]["enum"]),
        set(Role::ALL.map(Role::id))
    );
}

#[test]
fn the_built_in_ladders_validate_against_the_ladder_schema() {
    let schema = schema("ladder.schema.json");
    let data = repo().join("src/catalogue/data");
    let mut checked = 0;
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        // traits.toml is the shared trait catalogue, not a ladder.
        if path.extension().is_none_or(|e| e != "toml") || path.ends_with("traits.toml") {
            continue;
        }
        let ladder = toml_json(&std::fs::read_to_string(&path).unwrap());
        validate(&ladder, &schema, &schema, "$")
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} built-in ladders");
    // And a broken one does not.
    let bad = toml_json(
        "id = \"x\"\nname = \"X\"\n[[levels]]\nid = \"L1\"\nname = \"n\"\nreach = \"galaxy\"\nscope = \"s\"\n",
    );
    assert!(validate(&bad, &schema, &schema, "$").is_err());
}
