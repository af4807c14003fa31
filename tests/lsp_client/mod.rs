//! A small LSP client for end-to-end tests: it starts `rung lsp`, frames JSON-RPC messages with
//! `Content-Length` headers over the real stdio pipes, and collects what the server sends.

#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests seen while waiting for something else.
    pub backlog: Vec<Value>,
}

/// Read one framed message; `None` at end of stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    pub fn start() -> Client {
        Client::start_with_env(&[])
    }

    pub fn start_with_env(env: &[(&str, &str)]) -> Client {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rung"));
        command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("rung lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            backlog: Vec::new(),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        framed.extend(body);
        self.send_raw(&framed);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request without waiting; returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Next message from the server, answering its requests to the client (configuration,
    /// registration, refresh) as an editor would.
    fn receive(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None;
                }
            };
            if message.get("method").is_some() && message.get("id").is_some() {
                let result = match message["method"].as_str() {
                    Some("workspace/configuration") => json!([null]),
                    _ => Value::Null,
                };
                let id = message["id"].clone();
                self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": result }));
                self.backlog.push(message);
                continue;
            }
            return Some(message);
        }
    }

    /// The full response (result or error) to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        if let Some(pos) = self
            .backlog
            .iter()
            .position(|m| m["id"] == json!(id) && m.get("method").is_none())
        {
            return self.backlog.remove(pos);
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(message) = self.receive(deadline) {
            if message["id"] == json!(id) && message.get("method").is_none() {
                return message;
            }
            self.backlog.push(message);
        }
        panic!("no response to request {id} within {TIMEOUT:?}");
    }

    /// The next response with `id: null` (the answer to a message the server could not read).
    pub fn wait_for_response_with_null_id(&mut self) -> Value {
        if let Some(pos) = self
            .backlog
            .iter()
            .position(|m| m.get("id") == Some(&Value::Null) && m.get("method").is_none())
        {
            return self.backlog.remove(pos);
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(message) = self.receive(deadline) {
            if message.get("id") == Some(&Value::Null) && message.get("method").is_none() {
                return message;
            }
            self.backlog.push(message);
        }
        panic!("no response with a null id within {TIMEOUT:?}");
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        let response = self.response(id);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Wait for a notification matching `method` and `predicate`, taking earlier ones from the
    /// backlog first.
    pub fn wait_for(&mut self, method: &str, predicate: impl Fn(&Value) -> bool) -> Value {
        if let Some(pos) = self
            .backlog
            .iter()
            .position(|m| m["method"] == method && predicate(&m["params"]))
        {
            return self.backlog.remove(pos)["params"].clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(message) = self.receive(deadline) {
            if message["method"] == method && predicate(&message["params"]) {
                return message["params"].clone();
            }
            self.backlog.push(message);
        }
        panic!(
            "no {method} notification matching the predicate within {TIMEOUT:?}; saw {:#?}",
            self.backlog
        );
    }

    /// Everything that arrives within `window`.
    pub fn drain(&mut self, window: Duration) -> Vec<Value> {
        let deadline = Instant::now() + window;
        while let Some(message) = self.receive(deadline) {
            self.backlog.push(message);
        }
        std::mem::take(&mut self.backlog)
    }

    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self.request("initialize", json!({ "processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options }));
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }));
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == json!(version)
        });
        params["diagnostics"].as_array().unwrap().clone()
    }

    pub fn shutdown_and_exit(mut self) -> Option<i32> {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit after `exit`"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Capabilities of a UTF-16-only client that takes pushed diagnostics.
pub fn utf16_client() -> Value {
    json!({ "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } })
}

/// Capabilities of a client that prefers UTF-8.
pub fn utf8_client() -> Value {
    json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] }, "textDocument": { "completion": { "completionItem": { "snippetSupport": true } } } })
}

/// The text a diagnostic's range covers, by UTF-16 or UTF-8 columns.
pub fn text_at(text: &str, range: &Value, utf16: bool) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let mut line_start = 0;
        for _ in 0..line {
            line_start += text[line_start..]
                .find('\n')
                .map_or(text.len() - line_start, |i| i + 1);
        }
        let mut units = 0;
        let mut at = line_start;
        for ch in text[line_start..].chars() {
            if units >= character || ch == '\n' || ch == '\r' {
                break;
            }
            units += if utf16 { ch.len_utf16() } else { ch.len_utf8() };
            at += ch.len_utf8();
        }
        at
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}
