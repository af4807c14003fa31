//! A session of JSON-RPC messages, valid and not, fed to the language server in-process
//! (`rung::lsp::serve` over in-memory pipes, the same transport guard and handlers as stdio):
//! documents opened, edited in either encoding and closed, requests at any position, frames
//! whose body is any bytes, JSON that is not JSON-RPC and garbage between frames. The server
//! must answer every frame with well-formed JSON, answer `shutdown` and then end; a panic
//! anywhere, even one a handler would contain, aborts a fuzzing run (libFuzzer's panic hook;
//! the stable replay in `tests/fuzz_corpus.rs` installs a hook that records it).
use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Requests the fuzzer may send about a document at a position.
const METHODS: [&str; 14] = [
    "textDocument/hover",
    "textDocument/completion",
    "textDocument/documentSymbol",
    "textDocument/codeLens",
    "textDocument/diagnostic",
    "textDocument/codeAction",
    "textDocument/foldingRange",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/prepareRename",
    "textDocument/rename",
    "workspace/symbol",
];

/// Document names: growth docs by name, one by front matter only, one outside any file.
const URIS: [&str; 4] = [
    "file:///fuzz/promo.md",
    "file:///fuzz/brag.md",
    "file:///fuzz/notes.md",
    "untitled:Untitled-1",
];

#[derive(Arbitrary, Debug)]
enum Message {
    Open {
        doc: u8,
        text: String,
    },
    Change {
        doc: u8,
        version: i8,
        start: (u8, u8),
        end: (u8, u8),
        text: String,
    },
    ReplaceAll {
        doc: u8,
        text: String,
    },
    Close {
        doc: u8,
    },
    Request {
        doc: u8,
        method: u8,
        at: (u8, u8),
        to: (u8, u8),
        word: String,
    },
    Settings(String),
    /// A frame whose body is any bytes.
    Body(Vec<u8>),
    /// A frame holding any JSON text with a method name the fuzzer chose.
    Json {
        method: String,
        params: String,
        id: Option<i16>,
    },
    /// Bytes outside any frame.
    Garbage(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
struct Session {
    utf8: bool,
    pull: bool,
    initialize: bool,
    messages: Vec<Message>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn position((line, character): (u8, u8)) -> Value {
    json!({ "line": line % 40, "character": character })
}

fn encode(session: &Session) -> Vec<u8> {
    let mut out = Vec::new();
    let push =
        |out: &mut Vec<u8>, value: Value| out.extend(frame(&serde_json::to_vec(&value).unwrap()));
    if session.initialize {
        let mut capabilities = json!({ "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } });
        if session.utf8 {
            capabilities["general"] = json!({ "positionEncodings": ["utf-8", "utf-16"] });
        }
        if session.pull {
            capabilities["textDocument"]["diagnostic"] = json!({});
        }
        push(
            &mut out,
            json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize",
            "params": { "processId": null, "rootUri": null, "capabilities": capabilities,
                        "initializationOptions": { "debounceMs": 0 } } }),
        );
        push(
            &mut out,
            json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        );
    }
    let mut id = 1;
    let mut versions = [1i32; URIS.len()];
    for message in session.messages.iter().take(48) {
        match message {
            Message::Open { doc, text } => {
                let d = *doc as usize % URIS.len();
                versions[d] = 1;
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": URIS[d], "languageId": "markdown", "version": 1, "text": text } } }),
                );
            }
            Message::Change {
                doc,
                version,
                start,
                end,
                text,
            } => {
                let d = *doc as usize % URIS.len();
                // Mostly the next version; sometimes one out of order.
                versions[d] = if *version < 0 {
                    *version as i32
                } else {
                    versions[d] + 1
                };
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": { "uri": URIS[d], "version": versions[d] },
                    "contentChanges": [ { "range": { "start": position(*start), "end": position(*end) }, "text": text } ] } }),
                );
            }
            Message::ReplaceAll { doc, text } => {
                let d = *doc as usize % URIS.len();
                versions[d] += 1;
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": { "uri": URIS[d], "version": versions[d] }, "contentChanges": [ { "text": text } ] } }),
                );
            }
            Message::Close { doc } => {
                let d = *doc as usize % URIS.len();
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "method": "textDocument/didClose", "params": { "textDocument": { "uri": URIS[d] } } }),
                );
            }
            Message::Request {
                doc,
                method,
                at,
                to,
                word,
            } => {
                let uri = URIS[*doc as usize % URIS.len()];
                let method = METHODS[*method as usize % METHODS.len()];
                let params = json!({
                    "textDocument": { "uri": uri }, "position": position(*at),
                    "range": { "start": position(*at), "end": position(*to) },
                    "context": { "diagnostics": [], "includeDeclaration": true },
                    "newName": word, "query": word });
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
                );
                id += 1;
            }
            Message::Settings(text) => {
                let settings =
                    serde_json::from_str::<Value>(text).unwrap_or(Value::String(text.clone()));
                push(
                    &mut out,
                    json!({ "jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": { "settings": { "rung": settings } } }),
                );
            }
            Message::Body(bytes) => out.extend(frame(bytes)),
            Message::Json {
                method,
                params,
                id: request_id,
            } => {
                let params =
                    serde_json::from_str::<Value>(params).unwrap_or(Value::String(params.clone()));
                // `exit` would end the session before the closing `shutdown` is answered.
                let method = if method == "exit" {
                    "exit?"
                } else {
                    method.as_str()
                };
                let mut value = json!({ "jsonrpc": "2.0", "method": method, "params": params });
                if let Some(request_id) = request_id {
                    value["id"] = json!(1000 + *request_id as i32);
                }
                push(&mut out, value);
            }
            Message::Garbage(bytes) => out.extend_from_slice(bytes),
        }
    }
    out
}

/// Every frame the server wrote: whole, and JSON.
fn check_output(bytes: &[u8]) -> Vec<Value> {
    let mut messages = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a whole header");
        let header = std::str::from_utf8(&rest[..end]).expect("an ASCII header");
        let length: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|n| n.trim().parse().ok())
            .expect("a Content-Length header");
        let body = &rest[end + 4..end + 4 + length];
        messages.push(serde_json::from_slice::<Value>(body).expect("a JSON body"));
        rest = &rest[end + 4 + length..];
    }
    messages
}

pub fn check(data: &[u8]) {
    // As libfuzzer-sys decodes a typed input.
    let Ok(session) = Session::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let mut input = encode(&session);
    // Always end with shutdown and exit, so a server that stops answering shows as a timeout.
    input.extend(frame(
        br#"{"jsonrpc":"2.0","id":"end","method":"shutdown"}"#,
    ));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let output = runtime.block_on(async move {
        let (mut client_in, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, mut client_out) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(rung::lsp::serve(server_in, server_out));
        let writer = tokio::spawn(async move {
            let _ = client_in.write_all(&input).await;
            client_in
        });
        // Read until the answer to `shutdown`, then send `exit`.
        const END: &[u8] = br#""id":"end""#;
        let mut output = Vec::new();
        let mut buffer = vec![0; 1 << 16];
        loop {
            let n = client_out
                .read(&mut buffer)
                .await
                .expect("the server's output");
            assert!(
                n > 0,
                "the server ended its output before answering shutdown"
            );
            let from = output.len().saturating_sub(END.len());
            output.extend_from_slice(&buffer[..n]);
            if output[from..].windows(END.len()).any(|w| w == END) {
                break;
            }
        }
        let mut client_in = writer.await.unwrap();
        let _ = client_in
            .write_all(&frame(br#"{"jsonrpc":"2.0","method":"exit"}"#))
            .await;
        drop(client_in);
        let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
        output
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    // The frames read so far (the last may be cut where reading stopped).
    let whole = output.len() - trailing_partial(&output);
    let messages = check_output(&output[..whole]);
    for message in &messages {
        assert_eq!(message["jsonrpc"], "2.0", "{message}");
    }
}

/// Bytes at the end of `output` that do not make a whole frame yet.
fn trailing_partial(output: &[u8]) -> usize {
    let mut rest = output;
    loop {
        let Some(end) = rest.windows(4).position(|w| w == b"\r\n\r\n") else {
            return rest.len();
        };
        let length: Option<usize> = std::str::from_utf8(&rest[..end])
            .ok()
            .and_then(|h| h.lines().find_map(|l| l.strip_prefix("Content-Length: ")))
            .and_then(|n| n.trim().parse().ok());
        match length {
            Some(length) if rest.len() >= end + 4 + length => rest = &rest[end + 4 + length..],
            _ => return rest.len(),
        }
    }
}
