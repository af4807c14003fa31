//! The YAML front matter between `---` lines at the top of a document.
//!
//! Parsed with saphyr, which reports positions; every key and value keeps its byte span in the
//! document so that diagnostics, hovers and quick fixes can point at it.

use super::text::Span;
use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

/// A top-level value of the front matter, reduced to what rung reads.
#[derive(Debug, Clone, PartialEq)]
pub enum FmValue {
    /// A scalar (strings, numbers and booleans are kept as their text).
    Text(String),
    /// A sequence of scalars, each with its span.
    List(Vec<(String, Span)>),
    /// A mapping, null or anything else rung has no use for.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FmEntry {
    pub key: String,
    pub key_span: Span,
    pub value: FmValue,
    /// The value's span; empty at the end of the key when the value is missing.
    pub value_span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line.
    pub span: Span,
    /// The YAML between the delimiters.
    pub yaml_span: Span,
    pub entries: Vec<FmEntry>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&FmEntry> {
        self.entries.iter().find(|entry| entry.key == key)
    }

    pub fn text(&self, key: &str) -> Option<(&str, Span)> {
        match self.get(key) {
            Some(FmEntry {
                value: FmValue::Text(text),
                value_span,
                ..
            }) if !text.trim().is_empty() => Some((text.as_str(), *value_span)),
            _ => None,
        }
    }
}

/// Why the front matter could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FrontMatterProblem {
    /// An opening `---` with no closing line.
    Unclosed { opening: Span },
    /// The YAML does not parse.
    InvalidYaml { span: Span, message: String },
    /// The YAML parses but is not a mapping of keys to values.
    NotAMapping { span: Span },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatterResult {
    pub front_matter: Option<FrontMatter>,
    pub problem: Option<FrontMatterProblem>,
    /// Where the Markdown body starts (after the closing delimiter line).
    pub body_start: usize,
}

/// Find and parse the front matter at the top of `text`.
pub fn parse_front_matter(text: &str) -> FrontMatterResult {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let Some(first_line_end) = delimiter_line_end(text, start, &["---"]) else {
        return FrontMatterResult {
            body_start: 0,
            ..Default::default()
        };
    };
    let opening = Span::new(start, start + 3);

    // Find the closing `---` (or YAML's `...`) on a line of its own.
    let mut line_start = first_line_end;
    let mut closing = None;
    while line_start < text.len() {
        if let Some(line_end) = delimiter_line_end(text, line_start, &["---", "..."]) {
            closing = Some((line_start, line_end));
            break;
        }
        line_start = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i + 1);
    }
    let Some((closing_start, closing_end)) = closing else {
        return FrontMatterResult {
            front_matter: None,
            problem: Some(FrontMatterProblem::Unclosed { opening }),
            body_start: 0,
        };
    };

    let yaml_span = Span::new(first_line_end, closing_start);
    let span = Span::new(start, closing_end);
    let (entries, problem) = parse_yaml(&text[yaml_span.start..yaml_span.end], yaml_span.start);
    FrontMatterResult {
        front_matter: Some(FrontMatter {
            span,
            yaml_span,
            entries,
        }),
        problem,
        body_start: closing_end,
    }
}

/// If the line at `line_start` is exactly one of `delimiters` (trailing blanks allowed), the
/// offset just past its line ending.
fn delimiter_line_end(text: &str, line_start: usize, delimiters: &[&str]) -> Option<usize> {
    let rest = &text[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let line = rest[..line_len].trim_end_matches(['\r', ' ', '\t']);
    delimiters
        .contains(&line)
        .then(|| (line_start + line_len + 1).min(text.len()))
}

/// Byte offset (in the document) of a saphyr marker: 1-based line, 0-based column in chars.
struct YamlOffsets<'y> {
    yaml: &'y str,
    base: usize,
    line_starts: Vec<usize>,
}

impl YamlOffsets<'_> {
    fn offset(&self, line: usize, col_chars: usize) -> usize {
        let line_idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let line_start = self.line_starts[line_idx];
        let line_text = &self.yaml[line_start..];
        let line_text = &line_text[..line_text.find('\n').unwrap_or(line_text.len())];
        let col_bytes = line_text
            .char_indices()
            .nth(col_chars)
            .map_or(line_text.len(), |(i, _)| i);
        self.base + line_start + col_bytes
    }

    fn span(&self, span: &saphyr_parser::Span) -> Span {
        let start = self.offset(span.start.line(), span.start.col());
        let end = self.offset(span.end.line(), span.end.col()).max(start);
        Span::new(start, end)
    }
}

fn scalar_text(node: &MarkedYaml) -> Option<String> {
    match &node.data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Value(Scalar::Integer(i)) => Some(i.to_string()),
        YamlData::Value(Scalar::FloatingPoint(f)) => Some(f.to_string()),
        YamlData::Value(Scalar::Boolean(b)) => Some(b.to_string()),
        YamlData::Representation(s, _, _) => Some(s.to_string()),
        YamlData::Tagged(_, inner) => scalar_text(inner),
        _ => None,
    }
}

fn parse_yaml(yaml: &str, base: usize) -> (Vec<FmEntry>, Option<FrontMatterProblem>) {
    let mut line_starts = vec![0];
    line_starts.extend(yaml.match_indices('\n').map(|(i, _)| i + 1));
    let offsets = YamlOffsets {
        yaml,
        base,
        line_starts,
    };
    let whole = Span::new(base, base + yaml.len());

    if yaml.trim().is_empty() {
        return (Vec::new(), None);
    }
    let docs = match MarkedYaml::load_from_str(yaml) {
        Ok(docs) => docs,
        Err(error) => {
            let marker = error.marker();
            let at = offsets.offset(marker.line(), marker.col());
            let end = yaml[at - base..].find('\n').map_or(whole.end, |i| at + i);
            let span = if end > at { Span::new(at, end) } else { whole };
            let recovered = recover_simple_entries(yaml, base);
            return (
                recovered,
                Some(FrontMatterProblem::InvalidYaml {
                    span,
                    message: error.info().to_string(),
                }),
            );
        }
    };
    let Some(root) = docs.first() else {
        return (Vec::new(), None);
    };
    let mapping = match &root.data {
        YamlData::Mapping(mapping) => mapping,
        YamlData::Value(Scalar::Null) => return (Vec::new(), None),
        _ => {
            return (
                Vec::new(),
                Some(FrontMatterProblem::NotAMapping { span: whole }),
            );
        }
    };

    let mut entries = Vec::with_capacity(mapping.len());
    for (key_node, value_node) in mapping {
        let Some(key) = scalar_text(key_node) else {
            continue;
        };
        let key_span = offsets.span(&key_node.span);
        let mut value_span = offsets.span(&value_node.span);
        let value = match &value_node.data {
            YamlData::Value(Scalar::Null) => FmValue::Text(String::new()),
            YamlData::Sequence(items) => FmValue::List(
                items
                    .iter()
                    .filter_map(|item| Some((scalar_text(item)?, offsets.span(&item.span))))
                    .collect(),
            ),
            _ => scalar_text(value_node).map_or(FmValue::Other, FmValue::Text),
        };
        if value_span.start < key_span.end
            || matches!(value_node.data, YamlData::Value(Scalar::Null)) && value_span.is_empty()
        {
            // A missing value has no meaningful span of its own: point just past the key's colon.
            let rest = &yaml[key_span.end - base..];
            let colon = rest
                .find(':')
                .filter(|&i| !rest[..i].contains('\n'))
                .map_or(0, |i| i + 1);
            value_span = Span::empty_at(key_span.end + colon);
        }
        entries.push(FmEntry {
            key,
            key_span,
            value,
            value_span,
        });
    }
    (entries, None)
}

/// After a YAML error, keep the plain `key: value` lines at the top level so that the doc's kind,
/// ladder and levels still apply while the author fixes the broken line.
fn recover_simple_entries(yaml: &str, base: usize) -> Vec<FmEntry> {
    let mut entries = Vec::new();
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some((key, value)) = content.split_once(':') {
            let value_trimmed = value.trim();
            let is_plain = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                && !value_trimmed.is_empty()
                && !value_trimmed.starts_with(['[', '{', '"', '\'', '|', '>', '&', '*', '!']);
            if is_plain {
                let value_start =
                    line_start + key.len() + 1 + (value.len() - value.trim_start().len());
                entries.push(FmEntry {
                    key: key.to_string(),
                    key_span: Span::new(base + line_start, base + line_start + key.len()),
                    value: FmValue::Text(value_trimmed.to_string()),
                    value_span: Span::new(
                        base + value_start,
                        base + value_start + value_trimmed.len(),
                    ),
                });
            }
        }
        line_start += line.len();
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn keys_and_values_keep_their_spans() {
        let text = "---\nkind: promo\nlevel: E5\ntarget: \"E6\"\nfocus: [delegation, mentorship]\nname: Zoë 😀\n---\n# Body\n";
        let result = parse_front_matter(text);
        assert_eq!(result.problem, None);
        let fm = result.front_matter.unwrap();
        assert_eq!(at(text, fm.get("kind").unwrap().key_span), "kind");
        assert_eq!(at(text, fm.text("level").unwrap().1), "E5");
        assert_eq!(fm.text("target").unwrap().0, "E6");
        let FmValue::List(focus) = &fm.get("focus").unwrap().value else {
            panic!("focus is a list")
        };
        assert_eq!(at(text, focus[1].1), "mentorship");
        assert_eq!(fm.text("name").unwrap().0, "Zoë 😀");
        assert_eq!(&text[result.body_start..], "# Body\n");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let text = "\u{feff}---\r\nkind: brag\r\n---\r\nbody";
        let result = parse_front_matter(text);
        let fm = result.front_matter.unwrap();
        assert_eq!(at(text, fm.text("kind").unwrap().1), "brag");
        assert_eq!(&text[result.body_start..], "body");
    }

    #[test]
    fn unclosed_and_invalid_front_matter_are_problems_with_places() {
        let result = parse_front_matter("---\nkind: promo\n# Title\n");
        assert_eq!(
            result.problem,
            Some(FrontMatterProblem::Unclosed {
                opening: Span::new(0, 3)
            })
        );
        assert_eq!(result.body_start, 0);

        let text = "---\nkind: promo\nlevel: [E5\n---\nbody";
        let result = parse_front_matter(text);
        let Some(FrontMatterProblem::InvalidYaml { span, .. }) = result.problem else {
            panic!("{result:?}")
        };
        assert!(
            span.start >= 4 && span.end <= text.find("\n---\n").unwrap() + 1,
            "{span:?}"
        );

        let result = parse_front_matter("---\n- a\n- b\n---\n");
        assert!(matches!(
            result.problem,
            Some(FrontMatterProblem::NotAMapping { .. })
        ));
    }

    #[test]
    fn no_front_matter_or_a_later_rule_is_not_front_matter() {
        assert_eq!(
            parse_front_matter("# Title\n---\nkind: x\n---\n").front_matter,
            None
        );
        assert_eq!(parse_front_matter("").front_matter, None);
        assert!(
            parse_front_matter("---\n---\n")
                .front_matter
                .unwrap()
                .entries
                .is_empty()
        );
    }

    #[test]
    fn a_key_without_value_gets_an_empty_span_after_the_colon() {
        let text = "---\ntarget:\nkind: promo\n---\n";
        let fm = parse_front_matter(text).front_matter.unwrap();
        let entry = fm.get("target").unwrap();
        assert_eq!(entry.value, FmValue::Text(String::new()));
        assert_eq!(
            entry.value_span,
            Span::empty_at(text.find(':').unwrap() + 1)
        );
    }
}
