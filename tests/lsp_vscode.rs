//! What the VS Code extension relies on, over real stdio JSON-RPC: the `rung.report` command (the
//! readiness report of a buffer as it is in the editor, unsaved edits included, untitled buffers
//! too, rendered as `rung report` renders the same text saved to a file) and the outline's label.

mod lsp_client;

use lsp_client::{Client, utf16_client};
use serde_json::{Value, json};
use std::process::Command;

const PROMO: &str = "---\nkind: promo\nladder: bigtech\nlevel: E5\ntarget: E6\n---\n# Case\n\n## Wins\n- Cut p99 from 800 ms to 120 ms for 3 teams.\n\n## Ownership\n";

fn started() -> Client {
    started_with_command().0
}

/// A started server and the name it advertises its report command under.
fn started_with_command() -> (Client, String) {
    let mut client = Client::start();
    let result = client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    let commands = &result["capabilities"]["executeCommandProvider"]["commands"];
    let report = commands
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .find(|c| c.starts_with("rung.report/"))
        .unwrap_or_else(|| panic!("rung.report is advertised without any test switch: {commands}"))
        .to_string();
    (client, report)
}

/// vscode-languageclient registers each advertised command with VS Code, where a name can be
/// registered once: two servers in one window (a client per folder) must advertise different
/// names, or the second client fails with "command 'rung.report' already exists". Each name
/// runs the report, and so does the plain `rung.report`, which clients call by name.
#[test]
fn two_servers_advertise_report_commands_that_do_not_clash() {
    let (mut first, first_name) = started_with_command();
    let (mut second, second_name) = started_with_command();
    assert_ne!(first_name, second_name, "each server's command is its own");
    let uri = "file:///tmp/rung-report-e2e/two-servers/promo.md";
    for (client, name) in [(&mut first, &first_name), (&mut second, &second_name)] {
        client.open(uri, PROMO);
        for command in [name.as_str(), "rung.report"] {
            let answer = client.request(
                "workspace/executeCommand",
                json!({ "command": command, "arguments": [{ "uri": uri, "format": "text" }] }),
            );
            assert_eq!(answer["format"], "text", "{command}: {answer}");
            assert!(
                answer["content"].as_str().unwrap().contains("E6"),
                "{command}: {answer}"
            );
        }
    }
    // Another server's name is not this one's command.
    let id = first.request_async(
        "workspace/executeCommand",
        json!({ "command": second_name, "arguments": [{ "uri": uri }] }),
    );
    let answer = first.response(id);
    assert!(answer.get("error").is_some(), "{answer}");
}

#[test]
fn the_outline_is_labelled_rung() {
    let mut client = Client::start();
    let result = client.initialize(utf16_client(), Value::Null);
    // VS Code shows Markdown's outline and rung's; without a label, rung's bears the extension's
    // long display name.
    assert_eq!(
        result["capabilities"]["documentSymbolProvider"],
        json!({ "label": "rung" })
    );
}

fn report(client: &mut Client, uri: &str, format: &str) -> Value {
    client.request(
        "workspace/executeCommand",
        json!({ "command": "rung.report", "arguments": [{ "uri": uri, "format": format }] }),
    )
}

/// `rung report` on `text` saved as `promo.md` in a fresh folder, with the folder's path taken out.
fn cli_report(text: &str, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("promo.md");
    std::fs::write(&file, text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_rung"))
        .args(["report", "--format", format])
        .arg(&file)
        .output()
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .replace(&file.display().to_string(), "PROMO")
}

#[test]
fn the_report_is_of_the_unsaved_buffer_and_matches_the_command_line() {
    let mut client = started();
    // The file does not exist on disk: only the editor has its text.
    let uri = "file:///tmp/rung-report-e2e/never-saved/promo.md";
    client.open(uri, PROMO);
    let before = report(&mut client, uri, "text");
    assert_eq!(before["format"], "text");
    let content = before["content"].as_str().unwrap();
    assert!(content.contains("readiness for E6"), "{content}");
    assert!(content.contains("no evidence"), "{content}");

    // An unsaved edit: a mentoring entry, tagged. The report follows it at once.
    let edited = format!("{PROMO}- Mentored two engineers to their promotions. #mentorship\n");
    client.change(uri, 2, json!([{ "text": edited }]));
    let after = report(&mut client, uri, "text");
    let after_content = after["content"].as_str().unwrap();
    assert!(
        after_content.contains("Mentored two engineers"),
        "the report holds the unsaved edit: {after_content}"
    );
    assert_ne!(content, after_content);
    assert_eq!(
        after_content.replace("promo.md", "PROMO"),
        cli_report(&edited, "human"),
        "the editor's report is `rung report`'s"
    );

    // JSON, as `rung report --format json` writes it.
    let json_report = report(&mut client, uri, "json");
    assert_eq!(json_report["format"], "json");
    // The editor names the buffer by its file name, the command line by the path it was given.
    let parsed: Value = serde_json::from_str(
        &json_report["content"]
            .as_str()
            .unwrap()
            .replace("promo.md", "PROMO"),
    )
    .unwrap();
    let from_cli: Value = serde_json::from_str(&cli_report(&edited, "json")).unwrap();
    assert_eq!(parsed["traits"], from_cli["traits"]);
    assert_eq!(parsed["target"], "E6");
}

#[test]
fn an_untitled_buffer_has_an_html_report() {
    let mut client = started();
    let uri = "untitled:Untitled-1";
    client.open(uri, PROMO);
    let answer = report(&mut client, uri, "html");
    assert_eq!(answer["format"], "html", "{answer}");
    let content = answer["content"].as_str().unwrap();
    assert!(content.starts_with("<!DOCTYPE html>"), "{content}");
    assert!(content.contains("E6"), "{content}");
    assert!(
        content.contains("Untitled-1"),
        "names the buffer: {content}"
    );
}

#[test]
fn bad_arguments_and_closed_documents_are_errors_that_say_why() {
    let mut client = started();
    let id = client.request_async(
        "workspace/executeCommand",
        json!({ "command": "rung.report", "arguments": [{ "uri": "file:///tmp/not-open.md" }] }),
    );
    let response = client.response(id);
    let message = response["error"]["message"].as_str().unwrap();
    assert!(message.contains("is not open"), "{response}");

    client.open("file:///tmp/rung-report-e2e/promo.md", PROMO);
    let id = client.request_async(
        "workspace/executeCommand",
        json!({ "command": "rung.report", "arguments": [{ "uri": "file:///tmp/rung-report-e2e/promo.md", "format": "pdf" }] }),
    );
    let response = client.response(id);
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown format `pdf`"),
        "{response}"
    );

    // No `target:`: the report cannot say readiness for what, and the error says so.
    let untargeted = PROMO.replace("target: E6\n", "");
    client.open("file:///tmp/rung-report-e2e/untargeted.md", &untargeted);
    let id = client.request_async(
        "workspace/executeCommand",
        json!({ "command": "rung.report", "arguments": [{ "uri": "file:///tmp/rung-report-e2e/untargeted.md" }] }),
    );
    let response = client.response(id);
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("needs a `target:`"),
        "{response}"
    );
}
