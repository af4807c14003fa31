//! The `rung.report` command (`workspace/executeCommand`): the readiness report of an open
//! buffer as it is now, saved or not, untitled too. Arguments: `[{"uri": URI, "format": F}]`
//! with `F` one of `text` (the default), `json` or `html`; the answer is
//! `{"format": F', "content": STRING}`, where `F'` is the format actually rendered.
//!
//! The report is `rung report`'s own (src/cli/report.rs: the case read from disk beside the
//! buffer, and the same renderers) over the buffer's text, so the editor and the command line
//! cannot disagree; HTML is the same self-contained page `rung report --format html` writes.

use super::state::Snapshot;
use crate::cli::report::{ReportError, render_html, render_human, render_json, report_for};
use serde_json::{Value, json};
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
/// as `rung report` does with a file; the other docs of its case are read from disk beside it.
pub fn report(uri: &Uri, snapshot: &Snapshot, requested: Requested) -> Result<Value, String> {
    // An untitled buffer is in no folder and so has no case (as its lenses have none): it is
    // read as if alone in a folder that does not exist, named by the last part of its URI.
    let name = uri
        .path()
        .as_str()
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(uri.as_str())
        .to_string();
    // Only a `file:` URI names a place on disk (`untitled:Untitled-1` would read as a path
    // relative to the server's folder).
    let on_disk = uri.scheme().as_str().eq_ignore_ascii_case("file");
    let path = match uri.to_file_path().filter(|_| on_disk) {
        Some(path) => path.into_owned(),
        None => std::env::temp_dir()
            .join(format!("rung-untitled-{}", std::process::id()))
            .join(&name),
    };
    let mut report =
        report_for(&path, &snapshot.text, None, None).map_err(|ReportError(message)| message)?;
    // The report sits beside its buffer, so it names files relative to the buffer's folder:
    // entry lines read `promo.md:19`, not a long absolute path.
    let folder = path.parent().map(|p| format!("{}/", p.display()));
    let relative = |label: &mut String| {
        if let Some(rest) = folder.as_deref().and_then(|f| label.strip_prefix(f)) {
            *label = rest.to_string();
        }
    };
    relative(&mut report.file);
    report.case_files.iter_mut().for_each(relative);
    for entry in report.traits.iter_mut().flat_map(|t| t.entries.iter_mut()) {
        relative(&mut entry.file);
    }
    let (label, content) = match requested {
        Requested::Json => ("json", render_json(&report).to_string()),
        Requested::Html => ("html", render_html(&report)),
        Requested::Text => ("text", render_human(&report)),
    };
    Ok(json!({ "format": label, "content": content }))
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
