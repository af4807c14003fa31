//! A guard between stdio and tower-lsp-server: it frames messages itself, answers malformed
//! ones, and passes only well-formed JSON-RPC messages on.
//!
//! tower-lsp-server (0.23) stops reading its input after the first frame it cannot decode: its
//! read loop ends when the framed stream yields an error, so one bad message would leave the
//! server deaf while the editor waits. Here, a frame whose body is not JSON gets a `-32700 Parse
//! error` and one that is JSON but not a JSON-RPC message gets `-32600 Invalid Request` (both with
//! `id: null`, as JSON-RPC asks), bytes that are not a frame are skipped up to the next
//! `Content-Length`, and the server keeps reading. One task owns the real stdout and writes whole
//! frames, from the server, from the guard and from the [`Notifier`], so they never interleave;
//! a task of its own reads the server's output into whole frames, so the writer only ever waits
//! on channels (a partly read frame is never dropped when another source is ready first).
//!
//! The [`Notifier`] is the fast path for `publishDiagnostics`: tower-lsp-server turns every
//! notification into a `serde_json::Value` tree before writing it, which for thousands of
//! diagnostics costs more than analysing the document. Callers hand it finished frames. It keeps
//! at most one unwritten frame per document: a newer publish replaces an older one still waiting,
//! so a client that reads slowly gets the latest diagnostics and the queue cannot grow.
//!
//! The large responses take the same shortcut ([`DIRECT_METHODS`]: pulled diagnostics, the
//! outline, semantic tokens, code lenses, folding ranges). The guard renames such a request to
//! `rung/direct/<method>`, a method the server registers beside the standard ones; its handler
//! writes the result as JSON itself, hands the bytes to [`Notifier::direct_result`] and returns
//! only a short marker string, which the guard replaces with those bytes as the response frame
//! goes out. Everything else stays tower-lsp-server's: the request is answered in order with
//! the notifications before it, `$/cancelRequest` and errors work as for any request, and a
//! request before `initialize` is refused as usual. Only the result skips the `Value` tree.

use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::{Notify, mpsc};

/// The largest message body accepted (a 10 MB document is about 10 MB of JSON string).
pub const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;
const PIPE_BYTES: usize = 1 << 20;

/// What the guard hands back: the streams tower-lsp-server should read from and write to, and
/// a notifier that writes straight to stdout.
pub struct Guarded {
    pub input: DuplexStream,
    pub output: DuplexStream,
    pub notifier: Notifier,
}

/// Sends notifications to the client past tower-lsp-server, and carries the results of the
/// direct methods past it; see the module documentation.
#[derive(Clone, Default)]
pub struct Notifier {
    pending: Arc<Pending>,
    direct: Arc<DirectResults>,
}

/// The requests whose results the server writes as JSON itself, under `rung/direct/<method>`.
pub const DIRECT_METHODS: [&str; 6] = [
    "textDocument/diagnostic",
    "textDocument/documentSymbol",
    "textDocument/semanticTokens/full",
    "textDocument/semanticTokens/range",
    "textDocument/codeLens",
    "textDocument/foldingRange",
];

/// The prefix of the method a direct request is renamed to.
pub const DIRECT_PREFIX: &str = "rung/direct/";

/// Results written by a direct method's handler, waiting for their response frame to go out.
struct DirectResults {
    /// Part of every marker, so that no document text can spell one by chance.
    nonce: u64,
    next: std::sync::atomic::AtomicU64,
    waiting: Mutex<HashMap<u64, Vec<u8>>>,
}

impl Default for DirectResults {
    fn default() -> DirectResults {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        DirectResults {
            nonce: hasher.finish(),
            next: Default::default(),
            waiting: Default::default(),
        }
    }
}

/// How a marker starts, as the server's response frame spells it (`\u0000` is how serde_json
/// writes the NUL the marker begins with).
const MARKER_START: &[u8] = b"\"\\u0000rung-direct:";

impl DirectResults {
    /// The response frame for `body`: with the marker in it replaced by the result it stands
    /// for, as three parts (the header and what comes before the marker, the result, what comes
    /// after), so that a result of megabytes is written from the buffer its handler wrote it
    /// into, never copied; other bodies are framed as they are.
    fn substitute(&self, body: Vec<u8>) -> OutFrame {
        let Some((at, end, result)) = self.result_for(&body) else {
            return OutFrame::from(frame(&body));
        };
        let tail = body[end..].to_vec();
        let mut head =
            format!("Content-Length: {}\r\n\r\n", at + result.len() + tail.len()).into_bytes();
        head.extend_from_slice(&body[..at]);
        OutFrame {
            bytes: head,
            start: 0,
            spliced: Some((result, tail)),
        }
    }

    /// Where `body`'s marker starts and ends, and the result it stands for (taken: a marker is
    /// replaced once). `None` for a body without a marker of this process's, or whose result
    /// was taken already.
    fn result_for(&self, body: &[u8]) -> Option<(usize, usize, Vec<u8>)> {
        let at = memchr::memmem::find(body, MARKER_START)?;
        let rest = &body[at + MARKER_START.len()..];
        let close = memchr::memchr(b'"', rest)?;
        let marker = std::str::from_utf8(&rest[..close]).unwrap_or("");
        let (nonce, n) = marker.split_once(':')?;
        if u64::from_str_radix(nonce, 16).ok() != Some(self.nonce) {
            return None;
        }
        let result = n.parse::<u64>().ok().and_then(|n| {
            self.waiting
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&n)
        })?;
        Some((at, at + MARKER_START.len() + close + 1, result))
    }
}

#[derive(Default)]
struct Pending {
    frames: Mutex<PendingFrames>,
    ready: Notify,
}

/// Unwritten frames, one per key, in the order their keys first arrived.
#[derive(Default)]
struct PendingFrames {
    order: VecDeque<String>,
    latest: HashMap<String, OutFrame>,
}

impl Pending {
    fn take_all(&self) -> Vec<OutFrame> {
        let mut frames = self.frames.lock().unwrap_or_else(|e| e.into_inner());
        let PendingFrames { order, latest } = &mut *frames;
        order
            .drain(..)
            .filter_map(|key| latest.remove(&key))
            .collect()
    }
}

/// A JSON-RPC notification, serialised straight from typed parameters.
#[derive(Serialize)]
struct Notification<'a, P: Serialize> {
    jsonrpc: &'static str,
    method: &'a str,
    params: P,
}

/// The framed bytes of a notification (`Content-Length` header and JSON body).
pub fn notification_frame<P: Serialize>(method: &str, params: P) -> Vec<u8> {
    let body = serde_json::to_vec(&Notification {
        jsonrpc: "2.0",
        method,
        params,
    })
    .unwrap_or_default();
    frame(&body)
}

impl Notifier {
    /// Queue a whole frame for the document `key`, replacing an unwritten one for the same key.
    pub fn send_latest(&self, key: &str, frame: impl Into<OutFrame>) {
        let frame = frame.into();
        {
            let mut frames = self
                .pending
                .frames
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if frames.latest.insert(key.to_string(), frame).is_none() {
                frames.order.push_back(key.to_string());
            }
        }
        self.pending.ready.notify_one();
    }

    /// Keep `json`, a request's whole result written as JSON, and return the marker a direct
    /// method's handler answers with instead; the guard puts `json` in the marker's place.
    pub fn direct_result(&self, json: Vec<u8>) -> Value {
        let n = self
            .direct
            .next
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.direct
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(n, json);
        Value::String(format!("\u{0}rung-direct:{:x}:{n}", self.direct.nonce))
    }
}

/// A request for one of [`DIRECT_METHODS`], renamed to its direct method; `None` for any other
/// message.
fn renamed_to_direct(mut message: Value) -> Option<Vec<u8>> {
    let object = message.as_object_mut()?;
    object.get("id")?;
    let method = object.get("method")?.as_str()?;
    if !DIRECT_METHODS.contains(&method) {
        return None;
    }
    let renamed = format!("{DIRECT_PREFIX}{method}");
    object.insert("method".to_string(), Value::String(renamed));
    serde_json::to_vec(&message).ok()
}

/// Start the guard tasks over `stdin` and `stdout`.
pub fn guard<R>(stdin: R, stdout: Output) -> Guarded
where
    R: AsyncRead + Unpin + Send + 'static,
{
    let (server_input, mut to_server) = tokio::io::duplex(PIPE_BYTES);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BYTES);
    let (errors_tx, errors_rx) = mpsc::unbounded_channel::<Vec<u8>>();

    tokio::spawn(async move {
        let mut reader = BufReader::new(stdin);
        loop {
            match read_frame(&mut reader).await {
                Frame::Message(body) => match check_message(&body) {
                    Ok(message) => {
                        let body = renamed_to_direct(message).unwrap_or(body);
                        if to_server.write_all(&frame(&body)).await.is_err() {
                            break;
                        }
                    }
                    Err(response) => {
                        let _ = errors_tx
                            .send(frame(&serde_json::to_vec(&response).unwrap_or_default()));
                    }
                },
                Frame::Invalid(message) => {
                    let response = json!({ "jsonrpc": "2.0", "id": null, "error": { "code": -32700, "message": message } });
                    let _ =
                        errors_tx.send(frame(&serde_json::to_vec(&response).unwrap_or_default()));
                }
                Frame::End => break,
            }
        }
        // End of input: let the server see it too.
        let _ = to_server.shutdown().await;
    });

    let notifier = Notifier::default();
    let direct = notifier.direct.clone();
    // Whole frames from the server, read by a task of their own; a small bound passes
    // backpressure from a slow client back to tower-lsp-server.
    let (server_frames_tx, server_frames) = mpsc::channel::<OutFrame>(16);
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_server);
        loop {
            match read_frame(&mut reader).await {
                Frame::Message(body) => {
                    if server_frames_tx
                        .send(direct.substitute(body))
                        .await
                        .is_err()
                    {
                        break;
                    }
                }
                Frame::Invalid(_) => {}
                Frame::End => break,
            }
        }
    });
    tokio::spawn(write_output(
        server_frames,
        errors_rx,
        notifier.pending.clone(),
        stdout,
    ));
    Guarded {
        input: server_input,
        output: server_output,
        notifier,
    }
}

/// A frame to write: `bytes[start..]`, then, for a direct result, the result and the rest of
/// its response. A large body is written after room left at the front, and its header goes
/// into that room, so it is framed without being copied.
pub struct OutFrame {
    bytes: Vec<u8>,
    start: usize,
    spliced: Option<(Vec<u8>, Vec<u8>)>,
}

/// Room enough for `Content-Length: ` and any `usize`, then a blank line.
pub const HEADER_ROOM: usize = 48;

impl OutFrame {
    /// `bytes` holds [`HEADER_ROOM`] unused bytes, then the body.
    pub fn with_header_room(mut bytes: Vec<u8>) -> OutFrame {
        let header = format!("Content-Length: {}\r\n\r\n", bytes.len() - HEADER_ROOM);
        let start = HEADER_ROOM - header.len();
        bytes[start..HEADER_ROOM].copy_from_slice(header.as_bytes());
        OutFrame {
            bytes,
            start,
            spliced: None,
        }
    }

    /// The frame's bytes, in the order they are written.
    pub fn parts(&self) -> impl Iterator<Item = &[u8]> {
        let spliced = self.spliced.as_ref();
        std::iter::once(&self.bytes[self.start..])
            .chain(spliced.map(|(result, _)| result.as_slice()))
            .chain(spliced.map(|(_, tail)| tail.as_slice()))
    }

    /// The whole frame in one buffer (a copy, for tests).
    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<u8> {
        self.parts().flatten().copied().collect()
    }
}

impl From<Vec<u8>> for OutFrame {
    fn from(bytes: Vec<u8>) -> OutFrame {
        OutFrame {
            bytes,
            start: 0,
            spliced: None,
        }
    }
}

/// Where the transport writes its frames.
pub enum Output {
    /// Any asynchronous writer: an in-process client, a test, the fuzz target.
    Async(std::pin::Pin<Box<dyn AsyncWrite + Send>>),
    /// A file (the language server's standard output), written on the blocking pool straight
    /// from each frame's buffers. An asynchronous file would copy every frame into a buffer of
    /// its own first, 2 MB at a time: for the 3 MB of a large document's diagnostics, a copy
    /// into fresh pages on every edit.
    Blocking(Option<std::fs::File>),
}

impl Output {
    /// Write `frames` in order, each flushed; whether all were written.
    async fn write(&mut self, frames: Vec<OutFrame>) -> bool {
        if frames.is_empty() {
            return true;
        }
        match self {
            Output::Async(out) => {
                for frame in &frames {
                    for part in frame.parts() {
                        if out.write_all(part).await.is_err() {
                            return false;
                        }
                    }
                    if out.flush().await.is_err() {
                        return false;
                    }
                }
                true
            }
            Output::Blocking(slot) => {
                let Some(mut file) = slot.take() else {
                    return false;
                };
                // The frames are freed on the blocking pool too, off the async workers.
                let written = tokio::task::spawn_blocking(move || {
                    use std::io::Write;
                    let written = frames
                        .iter()
                        .all(|frame| frame.parts().all(|part| file.write_all(part).is_ok()));
                    (file, written)
                })
                .await;
                match written {
                    Ok((file, written)) => {
                        *slot = Some(file);
                        written
                    }
                    Err(_) => false,
                }
            }
        }
    }
}

/// A message body with its `Content-Length` header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

enum Frame {
    Message(Vec<u8>),
    /// A header block without a usable `Content-Length`, or a body that could not be read.
    Invalid(String),
    End,
}

/// Read one frame: header lines up to a blank line, then `Content-Length` bytes. Lines that are
/// not headers are skipped, which resynchronises after garbage.
async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Frame {
    let mut content_length: Option<Result<usize, String>> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        let trimmed = text.trim_end_matches(['\r', '\n']);
        if trimmed.is_empty() {
            if !saw_header {
                continue;
            }
            break;
        }
        let Some(at) = trimmed
            .find("Content-Length:")
            .or_else(|| trimmed.find("Content-Type:"))
        else {
            // Not a header: garbage between frames. Skip it.
            continue;
        };
        saw_header = true;
        let header = &trimmed[at..];
        if let Some(value) = header.strip_prefix("Content-Length:") {
            content_length = Some(match value.trim().parse::<usize>() {
                Ok(n) if n <= MAX_BODY_BYTES => Ok(n),
                Ok(n) => Err(format!(
                    "Content-Length {n} is larger than the {MAX_BODY_BYTES} bytes rung accepts"
                )),
                Err(_) => Err(format!("invalid Content-Length `{}`", value.trim())),
            });
        }
    }
    match content_length {
        None => Frame::Invalid("missing Content-Length header".to_string()),
        Some(Err(message)) => Frame::Invalid(message),
        Some(Ok(length)) => {
            let mut body = vec![0; length];
            match reader.read_exact(&mut body).await {
                Ok(_) => Frame::Message(body),
                Err(_) => Frame::End,
            }
        }
    }
}

/// The message, for a well-formed JSON-RPC 2.0 request, notification or response; otherwise
/// the error response to send back.
fn check_message(body: &[u8]) -> Result<Value, Value> {
    let error = |code: i64, message: &str| json!({ "jsonrpc": "2.0", "id": null, "error": { "code": code, "message": message } });
    let value: Value =
        serde_json::from_slice(body).map_err(|e| error(-32700, &format!("Parse error: {e}")))?;
    let Some(object) = value.as_object() else {
        return Err(error(
            -32600,
            "Invalid Request: a message must be a JSON object",
        ));
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(error(-32600, "Invalid Request: `jsonrpc` must be \"2.0\""));
    }
    let id_ok = object
        .get("id")
        .is_none_or(|id| id.is_string() || id.is_i64() || id.is_u64() || id.is_null());
    if !id_ok {
        return Err(error(
            -32600,
            "Invalid Request: `id` must be a number, a string or null",
        ));
    }
    match object.get("method") {
        Some(Value::String(_)) => {
            let params_ok = object
                .get("params")
                .is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
            if params_ok {
                Ok(value)
            } else {
                Err(error(
                    -32600,
                    "Invalid Request: `params` must be an object or an array",
                ))
            }
        }
        Some(_) => Err(error(-32600, "Invalid Request: `method` must be a string")),
        None if object.contains_key("id")
            && (object.contains_key("result") || object.contains_key("error")) =>
        {
            Ok(value)
        }
        None => Err(error(-32600, "Invalid Request: no `method`")),
    }
}

/// The one writer of stdout: whole frames from the server, and the guard's error responses.
async fn write_output(
    mut server: mpsc::Receiver<OutFrame>,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
    pending: Arc<Pending>,
    mut stdout: Output,
) {
    let mut errors_open = true;
    loop {
        // Pending publishes first, on every turn: a wake-up that raced with another branch is
        // never needed to find them.
        if !stdout.write(pending.take_all()).await {
            return;
        }
        // Every branch waits on a channel or a notification, all of which may be dropped and
        // waited on again without losing anything.
        let frames = tokio::select! {
            frame = server.recv() => match frame {
                Some(frame) => vec![frame],
                None => return,
            },
            error = errors.recv(), if errors_open => match error {
                Some(frame) => vec![OutFrame::from(frame)],
                None => {
                    errors_open = false;
                    continue;
                }
            },
            // The pending frames are written at the top of the next turn.
            () = pending.ready.notified() => Vec::new(),
        };
        if !stdout.write(frames).await {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{HEADER_ROOM, Notifier, OutFrame, Output, check_message, frame, renamed_to_direct};
    use serde_json::json;

    /// The body of a whole frame, after checking that its `Content-Length` is the body's.
    fn body_of(frame: &OutFrame) -> Vec<u8> {
        let bytes = frame.to_vec();
        let split = memchr::memmem::find(&bytes, b"\r\n\r\n").expect("a header");
        let header = std::str::from_utf8(&bytes[..split]).unwrap();
        let body = bytes[split + 4..].to_vec();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        body
    }

    #[test]
    fn a_direct_result_takes_its_markers_place_once() {
        let notifier = Notifier::default();
        let marker = notifier.direct_result(br#"{"items":[1,2]}"#.to_vec());
        let response =
            serde_json::to_vec(&json!({ "jsonrpc": "2.0", "result": marker, "id": 3 })).unwrap();
        let spliced = notifier.direct.substitute(response.clone());
        assert_eq!(
            spliced.parts().count(),
            3,
            "the result is written from its own buffer"
        );
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&body_of(&spliced)).unwrap(),
            json!({ "jsonrpc": "2.0", "result": { "items": [1, 2] }, "id": 3 })
        );
        // Taken: a second frame with the same marker is left alone, as is one from another
        // process (another nonce) or a document that spells a marker.
        assert_eq!(
            body_of(&notifier.direct.substitute(response.clone())),
            response
        );
        let other = Notifier::default();
        let foreign =
            serde_json::to_vec(&json!({ "result": other.direct_result(b"1".to_vec()) })).unwrap();
        assert_eq!(
            body_of(&notifier.direct.substitute(foreign.clone())),
            foreign
        );
    }

    #[test]
    fn a_spliced_frame_is_written_whole_to_either_output() {
        let notifier = Notifier::default();
        let result = br#"{"items":["\u0000rung-direct:not-a-marker"]}"#.to_vec();
        let marker = notifier.direct_result(result);
        let response = serde_json::to_vec(&json!({ "id": 1, "result": marker })).unwrap();
        let frame = notifier.direct.substitute(response);
        let expected = frame.to_vec();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        // An asynchronous writer.
        let (write, mut read) = tokio::io::duplex(1 << 16);
        let written = runtime.block_on(async {
            use tokio::io::AsyncReadExt;
            let mut output = Output::Async(Box::pin(write));
            assert!(
                output
                    .write(vec![frame, OutFrame::from(b"next".to_vec())])
                    .await
            );
            drop(output);
            let mut all = Vec::new();
            read.read_to_end(&mut all).await.unwrap();
            all
        });
        assert_eq!(written, [expected.as_slice(), b"next"].concat());
        // A file, written on the blocking pool.
        let path = std::env::temp_dir().join(format!("rung-output-{}", std::process::id()));
        let file = std::fs::File::create(&path).unwrap();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let frame = OutFrame::from(expected.clone());
        runtime.block_on(async {
            let mut output = Output::Blocking(Some(file));
            assert!(output.write(vec![frame]).await);
            assert!(output.write(Vec::new()).await);
        });
        assert_eq!(std::fs::read(&path).unwrap(), expected);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn only_requests_for_direct_methods_are_renamed() {
        let renamed = renamed_to_direct(
            json!({ "jsonrpc": "2.0", "id": 1, "method": "textDocument/diagnostic", "params": {} }),
        )
        .unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&renamed).unwrap()["method"],
            "rung/direct/textDocument/diagnostic"
        );
        assert!(
            renamed_to_direct(json!({ "jsonrpc": "2.0", "method": "textDocument/diagnostic" }))
                .is_none()
        );
        assert!(
            renamed_to_direct(json!({ "jsonrpc": "2.0", "id": 1, "method": "textDocument/hover" }))
                .is_none()
        );
    }

    #[test]
    fn a_frame_built_in_place_equals_a_copied_one() {
        let body = br#"{"jsonrpc":"2.0"}"#;
        let mut room = vec![0; HEADER_ROOM];
        room.extend_from_slice(body);
        assert_eq!(OutFrame::with_header_room(room).to_vec(), frame(body));
    }

    #[test]
    fn a_newer_publish_replaces_an_unwritten_one_for_the_same_document() {
        let notifier = Notifier::default();
        notifier.send_latest("file:///a.md", b"a1".to_vec());
        notifier.send_latest("file:///b.md", b"b1".to_vec());
        notifier.send_latest("file:///a.md", b"a2".to_vec());
        let written: Vec<Vec<u8>> = notifier
            .pending
            .take_all()
            .iter()
            .map(OutFrame::to_vec)
            .collect();
        assert_eq!(written, vec![b"a2".to_vec(), b"b1".to_vec()]);
        assert!(notifier.pending.take_all().is_empty());
    }

    #[test]
    fn messages_are_checked_like_json_rpc_asks() {
        assert!(
            check_message(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok()
        );
        assert!(check_message(br#"{"jsonrpc":"2.0","method":"exit"}"#).is_ok());
        assert!(check_message(br#"{"jsonrpc":"2.0","id":"a","result":null}"#).is_ok());
        assert_eq!(
            check_message(b"{oops").unwrap_err()["error"]["code"],
            -32700
        );
        assert_eq!(
            check_message(b"[1,2]").unwrap_err()["error"]["code"],
            -32600
        );
        assert_eq!(
            check_message(br#"{"jsonrpc":"1.0","method":"x"}"#).unwrap_err()["error"]["code"],
            -32600
        );
        assert_eq!(
            check_message(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#).unwrap_err()["error"]["code"],
            -32600
        );
        assert_eq!(
            check_message(br#"{"jsonrpc":"2.0","method":7}"#).unwrap_err()["error"]["id"],
            serde_json::Value::Null
        );
    }
}
