//! Protocol robustness over real stdio: broken framing, requests out of lifecycle order,
//! enormous and deeply nested documents, lone surrogates. Each gets the answer JSON-RPC and LSP
//! ask for, and the server answers correctly afterwards.

mod lsp_client;

use lsp_client::{Client, utf16_client};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/rung-protocol/promo.md";

fn hover_works(client: &mut Client) {
    client.open(URI, "---\nkind: promo\ntarget: E6\n---\n");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 2, "character": 9 } }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Staff Engineer"),
        "{hover}"
    );
}

#[test]
fn requests_before_initialize_and_after_shutdown() {
    let mut client = Client::start();
    let id = client.request_async(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(
        client.response(id)["error"]["code"],
        -32002,
        "server not initialized"
    );
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    hover_works(&mut client);
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let id = client.request_async(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(
        client.response(id)["error"]["code"],
        -32600,
        "invalid request after shutdown"
    );
}

#[test]
fn broken_framing_and_malformed_json_get_errors_and_the_server_keeps_reading() {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    // Not JSON, JSON that is not JSON-RPC, a batch, garbage between frames.
    client.send_raw(b"Content-Length: 5\r\n\r\n{oops");
    client.send_raw(b"Content-Length: 9\r\n\r\n{\"a\": 1}\n");
    client.send_raw(b"Content-Length: 5\r\n\r\n[1,2]");
    client.send_raw(b"this is not a header\r\n");
    let errors: Vec<i64> = (0..3)
        .map(|_| {
            client.wait_for_response_with_null_id()["error"]["code"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(errors, [-32700, -32600, -32600]);
    // A Content-Length that is too short leaves the rest of the body as garbage; too large, and
    // it swallows what follows. Either way the server resynchronises on the next header.
    client.send_raw(
        b"Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
    );
    client.send_raw(b"Content-Length: abc\r\n\r\n");
    hover_works(&mut client);
    // A lone surrogate in a document's text is not valid JSON text: a parse error, not a crash.
    client.send_raw(b"Content-Length: 129\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///x.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"\\ud800\"}}}");
    assert_eq!(
        client.wait_for_response_with_null_id()["error"]["code"],
        -32700
    );
    hover_works(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_10_mb_document_on_one_line_is_served() {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    let uri = "file:///tmp/rung-protocol/huge-brag.md";
    let line = "Improved things 😀 ".repeat(10 * 1024 * 1024 / 22);
    let text = format!("---\nkind: brag\n---\n## 2026-03\n- {line}\n");
    assert!(text.len() >= 10_000_000);
    client.open(uri, &text);
    let diagnostics = client.diagnostics(uri, 1);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "vague-win"),
        "a 10 MB doc is analysed, not skipped"
    );
    let end = line.encode_utf16().count() as u64 + 2;
    client.change(uri, 2, json!([{ "range": { "start": { "line": 4, "character": end }, "end": { "line": 4, "character": end } }, "text": " Cut costs by 30%." }]));
    let diagnostics = client.diagnostics(uri, 2);
    assert!(
        !diagnostics.iter().any(|d| d["code"] == "vague-win"),
        "the edit at the end of the 10 MB line landed"
    );
}

#[test]
fn lists_and_block_quotes_nested_10000_deep() {
    let mut client = Client::start();
    client.initialize(utf16_client(), json!({ "debounceMs": 0 }));
    for (i, nested) in [
        "> ".repeat(10_000),
        "- ".repeat(10_000),
        "> - ".repeat(5_000),
    ]
    .iter()
    .enumerate()
    {
        let uri = format!("file:///tmp/rung-protocol/deep-{i}-brag.md");
        client.open(
            &uri,
            &format!("---\nkind: brag\n---\n## 2026-03\n{nested}Improved things.\n"),
        );
        client.diagnostics(&uri, 1);
        let symbols = client.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": uri } }),
        );
        assert!(symbols.is_array());
    }
    hover_works(&mut client);
}

/// The large results are written by the server past tower-lsp-server (see `lsp/transport.rs`):
/// each still arrives whole, as the answer to its own request, in order with the edits before
/// it, refused before `initialize` and after `shutdown`, and never as the marker that stands in
/// for it inside the server.
#[test]
fn results_written_directly_are_whole_in_order_and_follow_the_lifecycle() {
    let methods = [
        "textDocument/diagnostic",
        "textDocument/documentSymbol",
        "textDocument/semanticTokens/full",
        "textDocument/semanticTokens/range",
        "textDocument/codeLens",
        "textDocument/foldingRange",
    ];
    let params = |method: &str, uri: &str| {
        let mut params = json!({ "textDocument": { "uri": uri } });
        if method.ends_with("/range") {
            params["range"] = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 9, "character": 0 } });
        }
        params
    };
    let mut client = Client::start();
    for method in methods {
        let id = client.request_async(method, params(method, URI));
        assert_eq!(client.response(id)["error"]["code"], -32002, "{method}");
    }
    let pull = json!({ "textDocument": { "diagnostic": {} } });
    client.initialize(pull, json!({ "debounceMs": 0 }));
    let text = "---\nkind: promo\ntarget: E6\n---\n## Ownership\n- Cut failed charges by 80% for 3 teams.\n  - over two quarters\n## Wins\n- Improved the build.\n";
    client.open(URI, text);
    for method in methods {
        let result = client.request(method, params(method, URI));
        let whole = match method {
            "textDocument/diagnostic" => {
                result["kind"] == "full" && !result["items"].as_array().unwrap().is_empty()
            }
            m if m.contains("semanticTokens") => !result["data"].as_array().unwrap().is_empty(),
            _ => !result.as_array().unwrap().is_empty(),
        };
        assert!(whole, "{method}: {result}");
        let unopened = client.request(method, params(method, "file:///tmp/rung-protocol/x.md"));
        match method {
            "textDocument/diagnostic" => {
                assert_eq!(unopened, json!({ "kind": "full", "items": [] }))
            }
            _ => assert_eq!(unopened, Value::Null, "{method}"),
        }
    }
    // Several at once, each with its own answer; the pull after an edit sees the edit.
    let ids: Vec<(i64, &str)> = methods
        .iter()
        .map(|m| (client.request_async(m, params(m, URI)), *m))
        .collect();
    for (id, method) in ids {
        let response = client.response(id);
        assert!(
            response["result"].is_object() || response["result"].is_array(),
            "{method}: {response}"
        );
    }
    let vague = |items: &Value| {
        items
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "vague-win")
            .count()
    };
    let before = client.request("textDocument/diagnostic", params("", URI));
    assert_eq!(vague(&before["items"]), 1, "{before}");
    client.change(
        URI,
        2,
        json!([{ "range": { "start": { "line": 8, "character": 2 }, "end": { "line": 8, "character": 22 } }, "text": "Cut build time from 20 to 4 minutes." }]),
    );
    let after = client.request("textDocument/diagnostic", params("", URI));
    assert_eq!(vague(&after["items"]), 0, "{after}");
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let id = client.request_async("textDocument/diagnostic", params("", URI));
    assert_eq!(client.response(id)["error"]["code"], -32600);
}
