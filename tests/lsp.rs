//! `rung lsp` end to end over real stdio JSON-RPC: lifecycle, encodings, sync, diagnostics
//! (push and pull), completion, hover, code actions, outline, tokens, settings, bad input.

mod lsp_client;

use lsp_client::{Client, text_at, utf8_client, utf16_client};
use serde_json::{Value, json};
use std::time::Duration;

const URI: &str = "file:///tmp/rung-e2e/promo.md";
const PROMO: &str = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n# Case\n\n## Wins\n- Improved the build queue.\n- Cut p99 from 800 ms to 120 ms for 3 teams.\n\n## Ownership\n\n## Mentorship\n- Mentored two hires; both led a feature within a quarter.\n## Coaching\n- Coached the on-call rotation.\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

fn started(capabilities: Value) -> Client {
    let mut client = Client::start_with_env(&[("RUNG_LSP_ENABLE_TEST_PANIC", "1")]);
    client.initialize(capabilities, json!({ "debounceMs": 0 }));
    client
}

/// A UTF-16 client, debounce off, with `text` open at [`URI`]: where most tests start.
fn session(text: &str) -> Client {
    let mut client = started(utf16_client());
    client.open(URI, text);
    client
}

/// The parameters of a request about the whole document at [`URI`].
fn whole_doc() -> Value {
    json!({ "textDocument": { "uri": URI } })
}

fn document_text(client: &mut Client, uri: &str) -> String {
    client
        .request(
            "workspace/executeCommand",
            json!({ "command": "rung.test.documentText", "arguments": [uri] }),
        )
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn lifecycle_and_encoding_negotiation() {
    let mut client = Client::start();
    let result = client.initialize(utf16_client(), Value::Null);
    assert_eq!(result["serverInfo"]["name"], "rung");
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    assert!(
        result["capabilities"].get("diagnosticProvider").is_none(),
        "a push client is not offered pull"
    );
    let commands = &result["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(
        commands.as_array().map(Vec::len),
        Some(1),
        "test commands stay hidden: {commands}"
    );
    assert!(
        commands[0].as_str().unwrap().starts_with("rung.report/"),
        "{commands}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));

    let mut client = Client::start();
    let result = client.initialize(utf8_client(), Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
}

#[test]
fn diagnostics_are_pushed_with_code_link_source_and_related_information() {
    let mut client = session(PROMO);
    let diagnostics = client.diagnostics(URI, 1);
    let vague = diagnostics
        .iter()
        .find(|d| d["code"] == "vague-win")
        .unwrap();
    assert_eq!(
        text_at(PROMO, &vague["range"], true),
        "Improved the build queue."
    );
    assert_eq!(vague["source"], "rung");
    assert!(
        vague["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("/vague-win.md")
    );
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "duplicate-trait")
        .unwrap();
    assert_eq!(text_at(PROMO, &duplicate["range"], true), "Coaching");
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], URI);
    assert_eq!(
        text_at(PROMO, &related["location"]["range"], true),
        "Mentorship"
    );
    assert!(codes(&diagnostics).contains(&"trait-without-evidence".to_string()));

    client.notify("textDocument/didClose", whole_doc());
    let cleared = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == URI && p["diagnostics"].as_array().unwrap().is_empty()
    });
    assert!(cleared["diagnostics"].as_array().unwrap().is_empty());
}

/// An edit from (line, character) to (line, character) in the client's encoding.
type Edit<'a> = ((usize, usize), (usize, usize), &'a str);

/// Apply the same edits locally, so the test knows the client's text.
fn apply(text: &mut String, start: (usize, usize), end: (usize, usize), new: &str, utf16: bool) {
    let offset = |(line, character): (usize, usize), text: &str| {
        let range = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": line, "character": character } });
        text_at(text, &range, utf16).len()
    };
    let (a, b) = (offset(start, text), offset(end, text));
    text.replace_range(a..b, new);
}

fn edit_sequence(capabilities: Value, utf16: bool) {
    let mut client = started(capabilities);
    let uri = "file:///tmp/rung-e2e/brag.md";
    let mut text =
        "---\r\nkind: brag\r\n---\r\n## 2026-03\r\n- 😀 Improved 漢字 things.\r\n".to_string();
    client.open(uri, &text);
    client.diagnostics(uri, 1);
    // (line, character) positions in the client's encoding.
    let emoji_width = if utf16 { 2 } else { 4 };
    let cjk_width = if utf16 { 1 } else { 3 };
    let after_emoji = 2 + emoji_width + 1;
    let edits: Vec<Edit> = vec![
        ((4, after_emoji), (4, after_emoji), "Really "),
        (
            (4, after_emoji + 7 + 9),
            (4, after_emoji + 7 + 9 + 2 * cjk_width),
            "e\u{301}",
        ), // replace the CJK with a combining sequence
        ((4, 0), (4, 0), "- Helped 🧪 with tests\r\n"),
        ((5, 2), (5, 2 + emoji_width), ""), // delete the emoji
        ((3, 3), (3, 10), "Q1 2026"),
        ((99, 0), (99, 0), "- Worked on it\r\n"), // past the end: appended at the end
    ];
    for (i, (start, end, new)) in edits.iter().enumerate() {
        let version = i as i64 + 2;
        client.change(uri, version, json!([{ "range": { "start": { "line": start.0, "character": start.1 }, "end": { "line": end.0, "character": end.1 } }, "text": new }]));
        if start.0 == 99 {
            text.push_str(new);
        } else {
            apply(&mut text, *start, *end, new, utf16);
        }
    }
    assert_eq!(document_text(&mut client, uri), text);
    let last = edits.len() as i64 + 1;
    let diagnostics = client.diagnostics(uri, last);
    let weak: Vec<String> = diagnostics
        .iter()
        .filter(|d| d["code"] == "weak-verb")
        .map(|d| text_at(&text, &d["range"], utf16))
        .collect();
    assert_eq!(weak, ["Helped", "Worked on"], "{text:?}");
    // Three vague entries in a row are one diagnostic on the first, listing each entry in its
    // related information, with ranges in the client's encoding too.
    let vague: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-win")
        .collect();
    assert_eq!(vague.len(), 1, "{vague:?}");
    assert_eq!(
        text_at(&text, &vague[0]["range"], utf16),
        "Helped 🧪 with tests"
    );
    let listed: Vec<String> = vague[0]["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| text_at(&text, &r["location"]["range"], utf16))
        .collect();
    assert_eq!(
        listed,
        [
            "Helped 🧪 with tests",
            "Really Improved e\u{301} things.",
            "Worked on it"
        ],
        "{text:?}"
    );
}

#[test]
fn edits_with_emoji_cjk_combining_marks_and_crlf_keep_the_text_and_ranges_in_utf16() {
    edit_sequence(utf16_client(), true);
}

#[test]
fn edits_with_emoji_cjk_combining_marks_and_crlf_keep_the_text_and_ranges_in_utf8() {
    edit_sequence(utf8_client(), false);
}

#[test]
fn a_burst_of_edits_never_publishes_an_older_version_after_a_newer_one() {
    let mut client = Client::start();
    client.initialize(utf16_client(), Value::Null); // the default debounce
    let uri = "file:///tmp/rung-e2e/burst-brag.md";
    // Large enough that its analysis takes milliseconds, so a burst that arrives in one write
    // is read long before any analysis of it ends. Before, the test wrote each edit on its own
    // and relied on them arriving within the wait, which a loaded machine need not do.
    let mut text = String::from("---\nkind: brag\n---\n## 2026-03\n- x\n");
    for week in 0..2_000 {
        text.push_str(&format!("## 2025, week {week}\n- Helped the team ship the importer rewrite\n  - detail: from 30 to 2 a day\n\n"));
    }
    client.open(uri, &text);
    client.diagnostics(uri, 1);
    // The whole burst in one write.
    let mut burst = Vec::new();
    for version in 2..=60 {
        let change = json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": { "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": { "start": { "line": 4, "character": 3 }, "end": { "line": 4, "character": 3 } }, "text": "y" }] } });
        let body = serde_json::to_vec(&change).unwrap();
        burst.extend(format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes());
        burst.extend(body);
    }
    client.send_raw(&burst);
    // Every publish, in the order it arrived, until the newest version's and a little after.
    let published_versions = |client: &mut Client, window_ms: u64| -> Vec<i64> {
        client
            .drain(Duration::from_millis(window_ms))
            .iter()
            .filter(|m| m["method"] == "textDocument/publishDiagnostics")
            .filter_map(|m| m["params"]["version"].as_i64())
            .collect()
    };
    let mut versions: Vec<i64> = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !versions.contains(&60) && std::time::Instant::now() < deadline {
        versions.extend(published_versions(&mut client, 200));
    }
    versions.extend(published_versions(&mut client, 300));
    // An intermediate version may be published if its debounce ran out before the next edit
    // came; what must never happen is an older version after a newer one.
    assert_eq!(versions.last(), Some(&60), "{versions:?}");
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert!(
        versions.len() < 10,
        "the burst was coalesced, not analysed version by version: {versions:?}"
    );
}

#[test]
fn a_pull_client_gets_pull_diagnostics_only() {
    let mut client =
        started(json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }));
    client.open(URI, PROMO);
    let report = client.request("textDocument/diagnostic", whole_doc());
    assert_eq!(report["kind"], "full");
    assert!(codes(report["items"].as_array().unwrap()).contains(&"vague-win".to_string()));
    let pushed: Vec<Value> = client
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert!(pushed.is_empty(), "{pushed:?}");
    let report = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": "file:///nowhere.md" } }),
    );
    assert_eq!(report["items"], json!([]));
}

fn labels(result: &Value) -> Vec<String> {
    let mut items: Vec<&Value> = result.as_array().unwrap().iter().collect();
    items.sort_by_key(|i| i["sortText"].as_str().unwrap().to_string());
    items
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_reads_the_cursor_context() {
    let text = "---\nkind: promo\nlevel: E5\ntarget: \n---\n## Ownership\n- Owned it #\n## \n";
    let mut client = session(text);
    let at = |line: u32, character: u32| json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } });
    let levels = client.request("textDocument/completion", at(3, 8));
    assert_eq!(&labels(&levels)[..5], ["E3", "E4", "E5", "E6", "E7"]);
    let e6 = levels
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "E6")
        .unwrap();
    assert!(e6["detail"].as_str().unwrap().contains("An area"), "{e6}");
    let tags = client.request("textDocument/completion", at(6, 12));
    assert!(labels(&tags).contains(&"#accountability".to_string()));
    let headings = client.request("textDocument/completion", at(7, 3));
    let heading_labels = labels(&headings);
    assert!(
        !heading_labels.contains(&"Ownership".to_string()),
        "used traits are not offered again"
    );
    assert!(heading_labels.contains(&"Wins".to_string()));
    let keys = client.request("textDocument/completion", at(1, 0));
    assert!(labels(&keys).contains(&"ladder".to_string()));
    assert_eq!(keys[0]["kind"], 10); // property
}

/// Hover contents and completion documentation come in the formats the client declares:
/// Markdown for a client that lists it (VS Code), plain text for one that does not (Emacs's
/// lsp-mode takes no Markdown in completion documentation; a client may declare neither).
#[test]
fn markup_follows_the_formats_the_client_declares() {
    let hover_and_documentation = |capabilities: Value| {
        let mut client = started(capabilities);
        client.open(URI, PROMO);
        let hover = client.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 9 } }),
        );
        let completion = client.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 8 } }),
        );
        let e6 = completion
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "E6")
            .unwrap()
            .clone();
        (hover["contents"].clone(), e6["documentation"].clone())
    };
    let markdown = json!(["markdown", "plaintext"]);
    let (hover, documentation) = hover_and_documentation(json!({ "textDocument": {
        "hover": { "contentFormat": markdown },
        "completion": { "completionItem": { "documentationFormat": markdown } } } }));
    for content in [&hover, &documentation] {
        assert_eq!(content["kind"], "markdown", "{content}");
        assert!(
            content["value"].as_str().unwrap().contains("**Scope:**"),
            "{content}"
        );
    }
    let emacs = json!({ "textDocument": {
        "hover": { "contentFormat": ["markdown", "plaintext"] },
        "completion": { "completionItem": { "snippetSupport": true, "documentationFormat": ["plaintext"] } } } });
    let (hover, documentation) = hover_and_documentation(emacs);
    assert_eq!(hover["kind"], "markdown", "{hover}");
    assert_eq!(documentation["kind"], "plaintext", "{documentation}");
    let value = documentation["value"].as_str().unwrap();
    assert!(
        value.contains("Scope: ") && !value.contains("**"),
        "{value}"
    );
    let (hover, documentation) = hover_and_documentation(json!({}));
    for content in [&hover, &documentation] {
        assert_eq!(content["kind"], "plaintext", "{content}");
        assert!(
            !content["value"].as_str().unwrap().contains("**"),
            "{content}"
        );
    }
}

/// A tag's completion works with or without its edit range: Neovim 0.7's omnifunc ignores the
/// range (the items carry a filterText) and replaces the word before the cursor, so the item
/// must not insert a second `#`.
#[test]
fn tag_completion_inserts_one_hash_with_or_without_the_range() {
    let text = "---\nkind: promo\ntarget: E6\n---\n## Wins\n- Owned it #acc\n- Led it #\n";
    let mut client = session(text);
    for (line, typed) in [(5u32, "- Owned it #acc"), (6, "- Led it #")] {
        let items = client.request("textDocument/completion", json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": typed.len() } }));
        let item = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == "#accountability")
            .unwrap_or_else(|| panic!("{items}"))
            .clone();
        // With the range: what the editor puts in place of the range.
        let edit = &item["textEdit"];
        let start = edit["range"]["start"]["character"].as_u64().unwrap() as usize;
        let with_range = format!("{}{}", &typed[..start], edit["newText"].as_str().unwrap());
        // Without it: the word before the cursor (keyword characters, as Vim's `\k*$`) goes.
        let word_start = typed.len()
            - typed
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .count();
        let without_range = format!(
            "{}{}",
            &typed[..word_start],
            edit["newText"].as_str().unwrap()
        );
        let expected = format!("{}accountability", &typed[..typed.rfind('#').unwrap() + 1]);
        assert_eq!(with_range, expected, "{item}");
        assert_eq!(without_range, expected, "{item}");
        let typed_word = &typed[word_start..];
        assert!(
            item["filterText"].as_str().unwrap().starts_with(typed_word),
            "{item}"
        );
    }
}

#[test]
fn hover_explains_levels_traits_and_vague_wins() {
    let mut client = session(PROMO);
    let hover = |client: &mut Client, line: u32, character: u32| {
        client.request("textDocument/hover", json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } }))
    };
    let level = hover(&mut client, 3, 9);
    let markdown = level["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.contains("E6 — Staff Engineer") && markdown.contains("From E5"),
        "{markdown}"
    );
    assert_eq!(
        level["range"],
        json!({ "start": { "line": 3, "character": 8 }, "end": { "line": 3, "character": 10 } })
    );
    let heading = hover(&mut client, 11, 5);
    assert!(
        heading["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Good evidence")
    );
    let vague = hover(&mut client, 8, 5);
    assert!(
        vague["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("as measured by")
    );
    assert_eq!(hover(&mut client, 6, 0), Value::Null);
}

#[test]
fn code_actions_offer_the_fix_and_a_disable_comment() {
    let mut client = session(PROMO);
    client.diagnostics(URI, 1);
    let actions = client.request("textDocument/codeAction", json!({
        "textDocument": { "uri": URI },
        "range": { "start": { "line": 8, "character": 3 }, "end": { "line": 8, "character": 3 } },
        "context": { "diagnostics": [] }
    }));
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Add a result line to fill in"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Disable vague-win for this line"),
        "{titles:?}"
    );
    let disable = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Disable vague-win for this line")
        .unwrap();
    let edit = &disable["edit"]["changes"][URI][0];
    assert_eq!(
        edit["newText"],
        "<!-- rung-disable-next-line vague-win -->\n"
    );
    assert_eq!(edit["range"]["start"], json!({ "line": 8, "character": 0 }));

    // Applying it silences the rule on that line.
    client.change(
        URI,
        2,
        json!([{ "range": edit["range"], "text": edit["newText"] }]),
    );
    let diagnostics = client.diagnostics(URI, 2);
    assert!(
        !diagnostics
            .iter()
            .any(|d| d["code"] == "vague-win" && d["range"]["start"]["line"] == 9)
    );
}

/// One diagnostic for a run of vague entries still offers each entry's fix, and a disable
/// comment, on that entry's line; one for several missing traits offers a fix per trait.
#[test]
fn code_actions_reach_every_place_a_diagnostic_speaks_for() {
    let mut client = started(utf16_client());
    let uri = "file:///tmp/rung-e2e/runs-promo.md";
    let text = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n## Wins\n- Improved the build queue.\n- Tidied the docs.\n- Fixed the flaky test.\n";
    client.open(uri, text);
    let diagnostics = client.diagnostics(uri, 1);
    let vague: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "vague-win")
        .collect();
    assert_eq!(vague.len(), 1);
    assert_eq!(vague[0]["relatedInformation"].as_array().unwrap().len(), 3);
    let actions_at = |client: &mut Client, line: u32, character: u32| -> Vec<Value> {
        client
            .request("textDocument/codeAction", json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": line, "character": character }, "end": { "line": line, "character": character } },
                "context": { "diagnostics": [] }
            }))
            .as_array()
            .unwrap()
            .clone()
    };
    // The third entry, line 8: its own result line, inserted after it, and its own disable.
    let actions = actions_at(&mut client, 8, 4);
    let result = actions
        .iter()
        .find(|a| a["title"] == "Add a result line to fill in")
        .expect("the third entry's fix");
    let edit = &result["edit"]["changes"][uri][0];
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 8, "character": 23 })
    );
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable vague-win for this line")
        .expect("a disable comment for the third entry");
    assert_eq!(
        disable["edit"]["changes"][uri][0]["range"]["start"],
        json!({ "line": 8, "character": 0 })
    );
    // At `target: E6`: a fix per missing trait and one for all.
    let titles: Vec<String> = actions_at(&mut client, 3, 9)
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    for title in [
        "Add sections for all 7 missing traits",
        "Add an Ownership section",
        "Add an Accountability section",
        "Add a Raising the bar section",
    ] {
        assert!(titles.iter().any(|t| t == title), "{title} in {titles:?}");
    }
    // A comment inside the front matter would break its YAML: the rule is disabled for the
    // file, where the body starts, and the doc stays valid.
    let actions = actions_at(&mut client, 3, 9);
    assert!(
        !actions
            .iter()
            .any(|a| a["title"] == "Disable missing-expected-trait for this line")
    );
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable missing-expected-trait for this file")
        .expect("a file-wide disable");
    let edit = &disable["edit"]["changes"][uri][0];
    assert_eq!(edit["range"]["start"], json!({ "line": 5, "character": 0 }));
    client.change(
        uri,
        2,
        json!([{ "range": edit["range"], "text": edit["newText"] }]),
    );
    let codes = codes(&client.diagnostics(uri, 2));
    assert!(
        !codes.contains(&"missing-expected-trait".to_string()),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&"invalid-front-matter".to_string()),
        "{codes:?}"
    );
}

/// The outline nests sections under their parents with each section's own entries first, in
/// document order, however many sections a parent has.
#[test]
fn the_outline_nests_sections_in_document_order() {
    let text = "---\nkind: brag\n---\n# Year\n## Wins\n- Cut p99 by 40%\n### Q3\n- Halved the cost\n#### Late Q3\n- Cut queue time by 80%\n### Q4\n## Ownership\n- Owned the rota; pages fell by 50%\n";
    let mut client = session(text);
    let symbols = client.request("textDocument/documentSymbol", whole_doc());
    fn outline(symbol: &serde_json::Value) -> String {
        let children: Vec<String> = symbol["children"]
            .as_array()
            .map(|c| c.iter().map(outline).collect())
            .unwrap_or_default();
        let name = symbol["name"].as_str().unwrap_or("?");
        if children.is_empty() {
            name.to_string()
        } else {
            format!("{name}({})", children.join(", "))
        }
    }
    let tree: Vec<String> = symbols.as_array().unwrap().iter().map(outline).collect();
    assert_eq!(
        tree,
        [
            "Year(Wins(Cut p99 by 40%, Q3(Halved the cost, Late Q3(Cut queue time by 80%)), Q4), Ownership(Owned the rota; pages fell by 50%))"
        ]
    );
}

#[test]
fn outline_folding_lenses_and_semantic_tokens() {
    let mut client = session(PROMO);
    let doc = whole_doc();
    let symbols = client.request("textDocument/documentSymbol", doc.clone());
    assert_eq!(symbols[0]["name"], "Case");
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["Wins", "Ownership", "Mentorship", "Coaching"]);
    assert_eq!(
        symbols[0]["children"][2]["detail"],
        "2 evidence · 1 measurable"
    ); // Coaching is Mentorship too
    assert_eq!(
        symbols[0]["children"][0]["children"][0]["detail"],
        "no measurable result"
    );

    let folds = client.request("textDocument/foldingRange", doc.clone());
    assert!(
        folds
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["startLine"] == 0 && f["endLine"] == 4),
        "front matter folds: {folds}"
    );

    let lenses = client.request("textDocument/codeLens", doc.clone());
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert!(
        titles[0].starts_with("E6: 0 of 7 expected traits evidenced")
            || titles[0].starts_with("E6: "),
        "{titles:?}"
    );
    assert!(titles.contains(&"2 evidence · 1 measurable"), "{titles:?}");

    let tokens = client.request("textDocument/semanticTokens/full", doc.clone());
    let data = tokens["data"].as_array().unwrap();
    assert_eq!(data.len() % 5, 0);
    assert!(!data.is_empty());
    let ranged = client.request("textDocument/semanticTokens/range", json!({ "textDocument": { "uri": URI }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 4, "character": 0 } } }));
    // Front matter keys (kind, level, target) and the two level values.
    assert_eq!(ranged["data"].as_array().unwrap().len(), 5 * 5, "{ranged}");
}

#[test]
fn settings_from_initialization_options_and_configuration_changes() {
    let mut client = Client::start();
    client.initialize(
        utf16_client(),
        json!({ "debounceMs": 0, "rules": { "weak-verb": "off", "vague-win": "error" } }),
    );
    let uri = "file:///tmp/rung-e2e/settings-brag.md";
    client.open(
        uri,
        "---\nkind: brag\n---\n## 2026-03\n- Helped improve things.\n",
    );
    let diagnostics = client.diagnostics(uri, 1);
    assert_eq!(codes(&diagnostics), ["vague-win"]);
    assert_eq!(diagnostics[0]["severity"], 1);

    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "rung": { "debounceMs": 0, "rules": { "vague-win": "off" } } } }),
    );
    let params = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "vague-win")
    });
    assert_eq!(
        codes(params["diagnostics"].as_array().unwrap()),
        ["weak-verb"]
    );
}

#[test]
fn a_changed_rung_toml_is_picked_up() {
    let dir = tempfile::tempdir().unwrap();
    let doc_path = dir.path().join("notes-brag.md");
    std::fs::write(&doc_path, "## Wins\n- Improved things.\n").unwrap();
    std::fs::write(
        dir.path().join("rung.toml"),
        "[rules]\nundated-entry = \"off\"\n",
    )
    .unwrap();
    let uri = format!("file://{}", doc_path.display());
    let mut client = started(utf16_client());
    client.open(&uri, "## Wins\n- Improved things.\n");
    assert_eq!(codes(&client.diagnostics(&uri, 1)), ["vague-win"]);

    std::fs::write(
        dir.path().join("rung.toml"),
        "[rules]\nundated-entry = \"error\"\nvague-win = \"off\"\n",
    )
    .unwrap();
    let toml_uri = format!("file://{}", dir.path().join("rung.toml").display());
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": toml_uri, "type": 2 }] }),
    );
    let params = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri.as_str()
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["code"] == "undated-entry")
    });
    assert_eq!(
        codes(params["diagnostics"].as_array().unwrap()),
        ["undated-entry"]
    );
}

#[test]
fn ordinary_markdown_stays_quiet() {
    let mut client = started(utf16_client());
    let uri = "file:///tmp/rung-e2e/README.md";
    client.open(uri, "# Project\n\n## Ownership\n- Helped with TODO\n");
    assert!(client.diagnostics(uri, 1).is_empty());
    let completion = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 3, "character": 5 } }),
    );
    assert_eq!(completion, Value::Null);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(symbols, json!([]));
}

#[test]
fn bad_requests_get_answers_and_the_server_keeps_serving() {
    let mut client = started(utf16_client());
    // Unknown documents: empty answers.
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": "file:///nope.md" }, "position": { "line": 0, "character": 0 } }));
    assert_eq!(hover, Value::Null);
    // Positions past the end of a line and of the document.
    client.open(URI, PROMO);
    let far = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 9999, "character": 9999 } }),
    );
    assert_eq!(far, Value::Null);
    let far = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 9999 } }),
    );
    assert!(far.is_array() || far.is_null());
    // Malformed params: a JSON-RPC error, not a crash.
    let id = client.request_async("textDocument/hover", json!({ "textDocument": 42 }));
    assert_eq!(client.response(id)["error"]["code"], -32602);
    // Unknown method.
    let id = client.request_async("rung/nonsense", json!({}));
    assert_eq!(client.response(id)["error"]["code"], -32601);
    // A panic inside a handler: an error for that request, a log message, and service goes on.
    let id = client.request_async(
        "workspace/executeCommand",
        json!({ "command": "rung.test.panic" }),
    );
    let response = client.response(id);
    assert_eq!(response["error"]["code"], -32603, "{response}");
    client.wait_for("window/logMessage", |p| {
        p["message"].as_str().unwrap().contains("internal error")
    });
    client.change(URI, 2, json!([{ "range": { "start": { "line": 8, "character": 2 }, "end": { "line": 8, "character": 10 } }, "text": "Tuned" }]));
    assert!(!client.diagnostics(URI, 2).is_empty());
    assert!(document_text(&mut client, URI).contains("- Tuned the build queue."));
    // Garbage on the wire.
    client.send_raw(b"Content-Length: 5\r\n\r\n{oops");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 9 } }),
    );
    assert!(hover["contents"]["value"].as_str().unwrap().contains("E6"));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn definition_references_rename_and_workspace_symbols_across_open_documents() {
    let mut client = started(utf16_client());
    let promo = "file:///tmp/rung-e2e/nav-promo.md";
    let brag = "file:///tmp/rung-e2e/nav-brag.md";
    client.open(
        promo,
        "---\nkind: promo\n---\n## Ownership\n- Owned the queue #ownership\n",
    );
    client.open(
        brag,
        "---\nkind: brag\n---\n## 2026-03\n- Cut p99 by 80% #ownership #craft\n",
    );
    let at = |uri: &str, line: u32, character: u32| json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });

    // From a tag in the brag doc to the Ownership heading of the promo doc.
    let definition = client.request("textDocument/definition", at(brag, 4, 20));
    assert_eq!(definition[0]["uri"], promo);
    assert_eq!(
        definition[0]["range"]["start"],
        json!({ "line": 3, "character": 3 })
    );

    let mut params = at(promo, 3, 5);
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.request("textDocument/references", params);
    let mut found: Vec<(String, u64)> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap().to_string(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (brag.to_string(), 4),
            (promo.to_string(), 3),
            (promo.to_string(), 4)
        ]
    );

    // Rename works on tags only, everywhere.
    assert_eq!(
        client.request("textDocument/prepareRename", at(promo, 3, 5)),
        Value::Null
    );
    let range = client.request("textDocument/prepareRename", at(promo, 4, 20));
    assert_eq!(range["start"], json!({ "line": 4, "character": 18 }));
    let mut params = at(promo, 4, 20);
    params["newName"] = json!("#accountability");
    let edit = client.request("textDocument/rename", params);
    assert_eq!(edit["changes"][brag][0]["newText"], "#accountability");
    assert_eq!(edit["changes"][promo].as_array().unwrap().len(), 1);
    let mut params = at(promo, 4, 20);
    params["newName"] = json!("not a tag");
    let id = client.request_async("textDocument/rename", params);
    assert_eq!(client.response(id)["error"]["code"], -32602);

    let symbols = client.request("workspace/symbol", json!({ "query": "owner" }));
    let mut names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    names.sort(); // documents are visited in no particular order
    assert_eq!(
        names,
        ["Cut p99 by 80% #ownership #craft", "Ownership"],
        "headings and wins whose text matches"
    );
    let wins = client.request("workspace/symbol", json!({ "query": "p99" }));
    assert_eq!(wins[0]["location"]["uri"], brag);
}

/// Responses written by tower-lsp-server and publishes written past it share one stdout: under
/// a stream of edits and requests at once, every frame must arrive whole and every request must
/// get its answer.
#[test]
fn responses_and_publishes_interleave_without_corrupting_frames() {
    let mut client = started(utf16_client());
    // A document whose publishes (~400 KB) take a while to write.
    let big: String = std::iter::once("---\nkind: promo\nlevel: E5\ntarget: E6\n---\n")
        .chain(std::iter::repeat_n(
            "## Wins\n- Helped improve the reliability of our systems.\n- Worked on the docs.\n\n",
            600,
        ))
        .collect();
    client.open(URI, &big);
    client.diagnostics(URI, 1);
    let mut ids = Vec::new();
    for i in 0..30 {
        let version = i + 2;
        let text = if i % 2 == 0 { "x" } else { "" };
        let end = if i % 2 == 0 { 2 } else { 3 };
        client.change(
            URI,
            version,
            json!([{ "range": { "start": { "line": 6, "character": 2 }, "end": { "line": 6, "character": end } }, "text": text }]),
        );
        ids.push(client.request_async(
            "textDocument/hover",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 6, "character": 4 } }),
        ));
        ids.push(client.request_async("textDocument/documentSymbol", whole_doc()));
    }
    for id in ids {
        let response = client.response(id);
        assert!(response.get("error").is_none(), "{response}");
    }
    // The last version's diagnostics arrive, whole, after everything else.
    let last = client.diagnostics(URI, 31);
    assert!(codes(&last).contains(&"weak-verb".to_string()));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

/// A draft large enough to be parsed in pieces: sections whose entries' roles come from headings
/// in earlier pieces, tags, links, vague and measured wins, and empty items at section ends.
fn large_draft() -> String {
    let mut text = String::from("---\nkind: promo\nlevel: E5\ntarget: E6\n---\n# Case\n\n");
    for n in 0..2000 {
        let heading = match n % 4 {
            0 => "## Wins",
            1 => "### Notes",
            2 => "## Ownership",
            _ => "#### Detail",
        };
        text.push_str(&format!(
            "{heading}\n\n- Improved the queue {n} #ownership\n- Cut p99 from {n}00 ms to 90 ms [PR](https://x.test/{n})\n  - for 3 teams\n- Helped with things\n- \n\n"
        ));
    }
    text
}

/// Finds where an edit goes in the current text.
type Locate = Box<dyn Fn(&str) -> usize>;

/// (line, character) of byte `offset` in ASCII `text`.
fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let line = text[..offset].matches('\n').count();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, offset - line_start)
}

#[test]
fn after_edits_to_a_large_draft_the_diagnostics_equal_a_fresh_analysis() {
    // Each unchanged piece's model is kept between edits (src/analysis/parse.rs): after every
    // kind of edit, what the server publishes for the edited document must equal what it
    // publishes for the same text opened fresh.
    let mut client = started(utf8_client());
    let uri = "file:///tmp/rung-e2e/large-promo.md";
    let mut text = large_draft();
    assert!(text.len() > 256_000, "large enough to be split in pieces");
    client.open(uri, &text);
    client.diagnostics(uri, 1);
    let middle = text.len() / 2;
    // (at, delete, insert): the byte offset is found in the current text.
    let edits: Vec<(Locate, usize, &str)> = vec![
        // Type into a win in the middle.
        (
            Box::new(move |t: &str| t[middle..].find("Improved").unwrap() + middle),
            0,
            "x",
        ),
        // A new heading mid-piece: a new piece boundary, new roles below it.
        (
            Box::new(move |t: &str| t[middle..].find("\n## Wins").unwrap() + middle + 1),
            0,
            "## Impact\n\n- Helped a bit\n\n",
        ),
        // A heading that classifies entries in later pieces loses its name.
        (
            Box::new(|t: &str| t.find("## Ownership").unwrap() + 3),
            9,
            "Something",
        ),
        // A code fence: the body can no longer be split.
        (
            Box::new(move |t: &str| t[middle..].find("- Helped").unwrap() + middle),
            0,
            "```\n",
        ),
        (
            Box::new(move |t: &str| t[middle..].find("```\n").unwrap() + middle),
            4,
            "",
        ),
        // A piece's first heading changes depth.
        (
            Box::new(|t: &str| t.rfind("\n## Wins").unwrap() + 1),
            2,
            "####",
        ),
        // Merge two pieces: drop the blank line before a heading.
        (
            Box::new(|t: &str| t.rfind("\n\n## Ownership").unwrap()),
            1,
            "",
        ),
        // An empty item at a piece's end gets text.
        (
            Box::new(move |t: &str| t[middle..].find("- \n").unwrap() + middle + 2),
            0,
            "Halved the queue",
        ),
    ];
    for (i, (at, delete, insert)) in edits.iter().enumerate() {
        let version = i as i64 + 2;
        let start = at(&text);
        let end = start + delete;
        let (from, to) = (position_of(&text, start), position_of(&text, end));
        client.change(uri, version, json!([{ "range": { "start": { "line": from.0, "character": from.1 }, "end": { "line": to.0, "character": to.1 } }, "text": insert }]));
        text.replace_range(start..end, insert);
        let edited = client.diagnostics(uri, version);

        // A folder of its own: docs of one folder are one case, and the fresh doc must be
        // read alone, as the edited one is.
        let fresh_uri = format!("file:///tmp/rung-e2e/fresh-{i}/promo.md");
        client.open(&fresh_uri, &text);
        let fresh = client.diagnostics(&fresh_uri, 1);
        let same = |diagnostics: &[Value], uri: &str| {
            serde_json::to_string(diagnostics)
                .unwrap()
                .replace(uri, "URI")
        };
        assert!(!edited.is_empty());
        assert_eq!(
            same(&edited, uri),
            same(&fresh, &fresh_uri),
            "after edit {i} ({insert:?})"
        );
    }
    assert_eq!(document_text(&mut client, uri), text);
}

/// A link into another open document resolves against the editor's text of it, saved or not,
/// and a change to that document re-checks the documents that link into it.
#[test]
fn links_into_an_open_document_follow_its_unsaved_text() {
    let dir = tempfile::tempdir().unwrap();
    let on_disk = "---\nkind: brag\n---\n## 2026-01\n- Saved entry\n";
    std::fs::write(dir.path().join("brag.md"), on_disk).unwrap();
    let uri_of = |name: &str| format!("file://{}/{name}", dir.path().display());
    let (promo, brag) = (uri_of("promo.md"), uri_of("brag.md"));
    let with_march =
        "---\nkind: brag\n---\n## 2026-01\n- Saved entry\n## 2026-03\n- Unsaved entry\n";
    let mut client = started(utf16_client());
    client.open(
        &promo,
        "---\nkind: promo\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms ([proof](brag.md#2026-03))\n",
    );
    let broken = |params: &Value| {
        params["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "broken-evidence-link")
    };
    let promo_published = |client: &mut Client, link_broken: bool| {
        client.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == promo.as_str() && broken(p) == link_broken
        });
    };
    // On disk, brag.md has no March heading.
    promo_published(&mut client, true);
    // Opened with one, not saved: promo.md is checked again and the link holds.
    client.open(&brag, with_march);
    promo_published(&mut client, false);
    // The heading deleted in the editor: broken again.
    client.change(&brag, 2, json!([{ "text": on_disk }]));
    promo_published(&mut client, true);
    client.change(&brag, 3, json!([{ "text": with_march }]));
    promo_published(&mut client, false);
    // Closed without saving: the disk says again.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": brag } }),
    );
    promo_published(&mut client, true);
    assert!(client.shutdown_and_exit().is_some());
}

/// A client that pulls diagnostics is asked to pull again when a document that others link
/// into changes, and the pull answers from the new text.
#[test]
fn a_pull_client_is_asked_to_pull_again_when_a_linked_document_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("brag.md"),
        "---\nkind: brag\n---\n## 2026-01\n- x\n",
    )
    .unwrap();
    let uri_of = |name: &str| format!("file://{}/{name}", dir.path().display());
    let (promo, brag) = (uri_of("promo.md"), uri_of("brag.md"));
    let mut client = started(json!({
        "textDocument": { "diagnostic": { "dynamicRegistration": false } },
        "workspace": { "diagnostics": { "refreshSupport": true } },
    }));
    client.open(
        &promo,
        "---\nkind: promo\n---\n## Wins\n- Cut p99 from 800 ms to 120 ms ([proof](brag.md#2026-03))\n",
    );
    let link_broken = |client: &mut Client| {
        let report = client.request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": promo } }),
        );
        codes(report["items"].as_array().unwrap()).contains(&"broken-evidence-link".to_string())
    };
    assert!(link_broken(&mut client));
    client.open(&brag, "---\nkind: brag\n---\n## 2026-03\n- Unsaved entry\n");
    // The client answers the server's requests as they come and keeps them in its backlog.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut asked = false;
    while !asked && std::time::Instant::now() < deadline {
        asked = client
            .drain(Duration::from_millis(100))
            .iter()
            .any(|m| m["method"] == "workspace/diagnostic/refresh");
    }
    assert!(asked, "no workspace/diagnostic/refresh");
    assert!(!link_broken(&mut client));
}

#[test]
fn inferred_evidence_is_marked_in_the_outline_and_lenses() {
    let text = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n# Case\n## Wins\n- Coordinated the code freeze across five teams; release slips fell from 4 a quarter to 0\n## Coordination\n- Ran the freeze\n";
    let mut client = session(text);
    let doc = whole_doc();
    let symbols = client.request("textDocument/documentSymbol", doc.clone());
    let wins = &symbols[0]["children"][0];
    assert_eq!(
        wins["children"][0]["detail"], "measurable · inferred: Coordination, Scope",
        "{symbols}"
    );
    assert_eq!(
        symbols[0]["children"][1]["detail"],
        "2 evidence · 1 inferred · 1 measurable"
    );
    let lenses = client.request("textDocument/codeLens", doc);
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"E6: 2 of 7 expected traits evidenced (1 only inferred)"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"2 evidence · 1 inferred · 1 measurable"),
        "{titles:?}"
    );
}

/// The outline and the lenses share evidence counts kept for each analysed version: asked
/// twice, and again after edits that change the counts, they answer what a server that only
/// ever saw the last text answers, and never a count of an older version.
#[test]
fn evidence_counts_kept_for_a_version_answer_as_a_fresh_server_does() {
    let text = "---\nkind: promo\nlevel: E5\ntarget: E6\n---\n# Case\n## Wins\n- Coordinated the code freeze across five teams; release slips fell from 4 a quarter to 0\n## Coordination\n- Ran the freeze\n## Mentoring\n- Mentored two hires #ownership\n";
    let doc = whole_doc();
    let answers = |client: &mut Client| -> (Value, Value) {
        let symbols = client.request("textDocument/documentSymbol", doc.clone());
        let lenses = client.request("textDocument/codeLens", doc.clone());
        // Asked again on the same version: the kept counts.
        assert_eq!(client.request("textDocument/codeLens", doc.clone()), lenses);
        assert_eq!(
            client.request("textDocument/documentSymbol", doc.clone()),
            symbols
        );
        (symbols, lenses)
    };
    let mut client = session(text);
    let before = answers(&mut client);
    // A tagged entry under Coordination: its count and the readiness lens change.
    let end_line = text.matches('\n').count() as u32;
    let insert = "- Coordinated the launch #coordination\n- Owned the rota #ownership\n";
    client.change(URI, 2, json!([{ "range": { "start": { "line": 9, "character": 0 }, "end": { "line": 9, "character": 0 } }, "text": insert }]));
    let after = answers(&mut client);
    assert_ne!(before.1, after.1, "the lenses follow the edit");
    assert_ne!(before.0, after.0, "the outline follows the edit");
    let mut edited = text.to_string();
    let at = edited.match_indices('\n').nth(8).unwrap().0 + 1;
    edited.insert_str(at, insert);
    let mut fresh = session(&edited);
    assert_eq!(answers(&mut fresh), after);
    // And back: the first text's counts again, not the kept ones of the edit.
    client.change(URI, 3, json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": end_line + 2, "character": 0 } }, "text": text }]));
    assert_eq!(answers(&mut client), before);
}

/// Problems in `rung.toml` and its ladder files are diagnostics on those files (code
/// `invalid-config`, at the line the loader names) with one message for the editor's user, and
/// are checked again when those files change: on disk (watched files) or in the editor.
#[test]
fn problems_in_rung_toml_and_ladders_are_diagnostics_on_those_files() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("rung.toml");
    std::fs::create_dir_all(dir.path().join("ladders")).unwrap();
    std::fs::write(
        &config,
        "ladders = [\"ladders/acme.toml\"]\nladder = \"nope\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ladders/acme.toml"),
        "id = \"acme\"\nname = \n",
    )
    .unwrap();
    let uri_of = |path: &std::path::Path| format!("file://{}", path.display());
    let (config_uri, ladder_uri) = (
        uri_of(&config),
        uri_of(&dir.path().join("ladders/acme.toml")),
    );
    let mut client = started(utf16_client());
    client.open(&uri_of(&dir.path().join("promo.md")), PROMO);
    let published = |client: &mut Client, uri: &str| {
        client.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri)["diagnostics"]
            .as_array()
            .unwrap()
            .clone()
    };
    let on_config = published(&mut client, &config_uri);
    assert_eq!(codes(&on_config), ["invalid-config"], "{on_config:?}");
    assert!(
        on_config[0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown default ladder `nope`")
    );
    assert_eq!(
        on_config[0]["range"]["start"],
        json!({ "line": 1, "character": 9 })
    );
    let on_ladder = published(&mut client, &ladder_uri);
    assert_eq!(codes(&on_ladder), ["invalid-config"], "{on_ladder:?}");
    assert_eq!(on_ladder[0]["range"]["start"]["line"], 1, "{on_ladder:?}");
    let shown = client.wait_for("window/showMessage", |_| true);
    let shown = shown["message"].as_str().unwrap();
    assert!(
        shown.contains("acme.toml:2:8") && shown.contains("(and 1 more)"),
        "{shown}"
    );
    // Fixed on disk: the problems are cleared, and no message is shown for that.
    std::fs::write(&config, "ladder = \"generic\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    for uri in [&config_uri, &ladder_uri] {
        let cleared = published(&mut client, uri);
        assert!(cleared.is_empty(), "{uri}: {cleared:?}");
    }
    // Broken again in the editor, unsaved: checked from the editor's text.
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": config_uri, "languageId": "toml", "version": 1, "text": "ladder = \"generic\"\n" } }));
    client.change(
        &config_uri,
        2,
        json!([{ "text": "ladder = \"generic\"\n[rules]\nvague-win = \"loud\"\n" }]),
    );
    let unsaved = published(&mut client, &config_uri);
    assert_eq!(codes(&unsaved), ["invalid-config"], "{unsaved:?}");
    assert_eq!(unsaved[0]["range"]["start"]["line"], 2, "{unsaved:?}");
    let messages: Vec<Value> = client
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| m["method"] == "window/showMessage")
        .collect();
    assert_eq!(
        messages.len(),
        1,
        "one message for the new problem: {messages:?}"
    );
}

/// A client that pulls diagnostics gets the problems of `rung.toml` and its ladders by pull,
/// never pushed: in the workspace's report (which such a client is offered) and in the report of
/// each of those files, and it is asked to pull again when they change.
#[test]
fn a_pull_client_pulls_the_configuration_problems() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("rung.toml");
    std::fs::create_dir_all(dir.path().join("ladders")).unwrap();
    std::fs::write(
        &config,
        "ladders = [\"ladders/acme.toml\"]\nladder = \"nope\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ladders/acme.toml"),
        "id = \"acme\"\nname = \n",
    )
    .unwrap();
    let uri_of = |path: &std::path::Path| format!("file://{}", path.display());
    let (config_uri, ladder_uri) = (
        uri_of(&config),
        uri_of(&dir.path().join("ladders/acme.toml")),
    );
    let mut client = Client::start();
    let result = client.initialize(
        json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } }, "workspace": { "diagnostics": { "refreshSupport": true } } }),
        json!({ "debounceMs": 0 }),
    );
    assert_eq!(
        result["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"],
        true
    );
    client.open(&uri_of(&dir.path().join("promo.md")), PROMO);
    let shown = client.wait_for("window/showMessage", |_| true);
    assert!(
        shown["message"].as_str().unwrap().contains("acme.toml:2:8"),
        "{shown}"
    );
    let workspace = client.request("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let report_of = |workspace: &Value, uri: &str| {
        workspace["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|item| item["uri"] == uri)
            .unwrap_or_else(|| panic!("no report of {uri}: {workspace}"))
            .clone()
    };
    let on_config = report_of(&workspace, &config_uri);
    assert_eq!(on_config["kind"], "full");
    assert_eq!(
        codes(on_config["items"].as_array().unwrap()),
        ["invalid-config"]
    );
    assert_eq!(
        on_config["items"][0]["range"]["start"],
        json!({ "line": 1, "character": 9 })
    );
    let on_ladder = report_of(&workspace, &ladder_uri);
    assert_eq!(on_ladder["items"][0]["range"]["start"]["line"], 1);
    // The file's own report says the same, open or not.
    let document = client.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    assert_eq!(document["kind"], "full");
    assert_eq!(document["items"], on_config["items"]);
    // Asked again with the result ids it holds: unchanged.
    let held: Vec<Value> = [&on_config, &on_ladder]
        .iter()
        .map(|r| json!({ "uri": r["uri"], "value": r["resultId"] }))
        .collect();
    let again = client.request("workspace/diagnostic", json!({ "previousResultIds": held }));
    assert_eq!(
        report_of(&again, &config_uri)["kind"],
        "unchanged",
        "{again}"
    );
    // Fixed on disk: the client is asked to pull, and the reports are empty.
    std::fs::write(&config, "ladder = \"generic\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    client.wait_for("workspace/diagnostic/refresh", |_| true);
    let fixed = client.request("workspace/diagnostic", json!({ "previousResultIds": held }));
    for uri in [&config_uri, &ladder_uri] {
        let report = report_of(&fixed, uri);
        assert_eq!(report["kind"], "full", "{uri}: {fixed}");
        assert_eq!(report["items"], json!([]), "{uri}: {fixed}");
    }
    // Nothing of it was pushed.
    let pushed: Vec<Value> = client
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    assert!(pushed.is_empty(), "{pushed:?}");
}
