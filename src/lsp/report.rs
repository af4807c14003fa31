//! The `rung.report` command (`workspace/executeCommand`): the readiness report of an open
//! buffer as it is now, saved or not, untitled too. Arguments: `[{"uri": URI, "format": F}]`
//! with `F` one of `text` (the default), `json` or `html`; the answer is
//! `{"format": F', "content": STRING}`, where `F'` is the format actually rendered.
//!
//! The report is `rung report`'s own renderer (src/cli/report.rs) run over the server's latest
//! analysis of the buffer, so the editor and the command line cannot disagree. HTML is answered
//! with the human text (format `text`) until that renderer has an HTML form.

use super::state::Snapshot;
use crate::analysis::document::DocKind;
use crate::analysis::{Input, NoFileSystem, analyze};
use crate::cli::Format;
use crate::cli::report::render;
use serde_json::{Value, json};
use std::path::PathBuf;
use tower_lsp_server::ls_types::Uri;

/// The command's name, as the server advertises it.
pub const COMMAND: &str = "rung.report";

/// What the client asked for.
pub struct Request {
    pub uri: Uri,
    pub format: Requested,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Requested {
    Text,
    Json,
    Html,
}

/// The command's arguments, or what is wrong with them.
pub fn parse_arguments(arguments: &[Value]) -> Result<Request, String> {
    let Some(first) = arguments.first() else {
        return Err(format!("{COMMAND} expects one argument, {{\"uri\": ...}}"));
    };
    // A bare URI string is accepted too (what a command link in Markdown passes).
    let uri_text = first
        .get("uri")
        .and_then(Value::as_str)
        .or_else(|| first.as_str());
    let Some(uri) = uri_text.and_then(|text| text.parse::<Uri>().ok()) else {
        return Err(format!("{COMMAND}: `uri` must be a document URI"));
    };
    let format = match first.get("format").and_then(Value::as_str) {
        None | Some("text") | Some("human") => Requested::Text,
        Some("json") => Requested::Json,
        Some("html") => Requested::Html,
        Some(other) => {
            return Err(format!(
                "{COMMAND}: unknown format `{other}`; expected text, json or html"
            ));
        }
    };
    Ok(Request { uri, format })
}

/// The report of `snapshot` (the buffer `uri` at its latest version) as `{"format", "content"}`,
/// or why there is none. A buffer that does not read as a growth doc is reported as a promo doc,
/// as `rung report` does with a file.
pub fn report(uri: &Uri, snapshot: &Snapshot, requested: Requested) -> Result<Value, String> {
    let forced;
    let document = match &snapshot.analysis.document {
        Some(document) => document,
        None => {
            let input = Input {
                forced_kind: Some(DocKind::Promo),
                ..Input::new(&snapshot.text)
            };
            forced = analyze(&input, &snapshot.settings, &NoFileSystem);
            forced
                .document
                .as_ref()
                .ok_or_else(|| format!("{}: not a growth doc", uri.as_str()))?
        }
    };
    let ladder = snapshot
        .settings
        .catalogue
        .ladder(&document.ladder_id)
        .ok_or_else(|| format!("unknown ladder `{}`", document.ladder_id))?;
    // The report sits beside its buffer, so it names it by its file name (an untitled buffer by
    // the last part of its URI): entry lines read `promo.md:19`, not a long absolute path.
    let name = match uri
        .to_file_path()
        .as_deref()
        .and_then(|path| path.file_name())
    {
        Some(file_name) => PathBuf::from(file_name),
        None => PathBuf::from(
            uri.path()
                .as_str()
                .rsplit('/')
                .next()
                .filter(|name| !name.is_empty())
                .unwrap_or(uri.as_str()),
        ),
    };
    let (format, label) = match requested {
        Requested::Json => (Format::Json, "json"),
        // FIXME(issue 18): render HTML once src/cli/report.rs has an HTML renderer.
        Requested::Text | Requested::Html => (Format::Human, "text"),
    };
    let rendered = render(&name, &snapshot.text, document, ladder, format, None)?;
    Ok(json!({ "format": label, "content": rendered.text }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_a_uri_and_a_format() {
        let request =
            parse_arguments(&[json!({ "uri": "untitled:Untitled-1", "format": "html" })]).unwrap();
        assert_eq!(request.uri.as_str(), "untitled:Untitled-1");
        assert_eq!(request.format, Requested::Html);
        let bare = parse_arguments(&[json!("file:///tmp/promo.md")]).unwrap();
        assert_eq!(bare.format, Requested::Text);
        assert!(parse_arguments(&[]).is_err());
        assert!(parse_arguments(&[json!({ "uri": 3 })]).is_err());
        let unknown = parse_arguments(&[json!({ "uri": "file:///a.md", "format": "pdf" })]);
        assert!(unknown.err().unwrap().contains("unknown format `pdf`"));
    }
}
