//! A guard between stdio and tower-lsp-server: it frames messages itself, answers malformed
//! ones, and passes only well-formed JSON-RPC messages on.
//!
//! tower-lsp-server (0.23) stops reading its input after the first frame it cannot decode: its
//! read loop ends when the framed stream yields an error, so one bad message would leave the
//! server deaf while the editor waits. Here, a frame whose body is not JSON gets a `-32700 Parse
//! error` and one that is JSON but not a JSON-RPC message gets `-32600 Invalid Request` (both with
//! `id: null`, as JSON-RPC asks), bytes that are not a frame are skipped up to the next
//! `Content-Length`, and the server keeps reading. One task owns the real stdout and writes whole
//! frames, from the server, from the guard and from the [`Notifier`], so they never interleave.
//!
//! The [`Notifier`] is the fast path for `publishDiagnostics`: tower-lsp-server turns every
//! notification into a `serde_json::Value` tree before writing it, which for thousands of
//! diagnostics costs more than analysing the document. The notifier takes the typed parameters,
//! serialises them once (on the caller's thread) and queues the frame.

use serde::Serialize;
use serde_json::{Value, json};
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::mpsc;

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

/// Sends notifications to the client past tower-lsp-server, in the order they are sent.
#[derive(Clone)]
pub struct Notifier {
    frames: mpsc::UnboundedSender<Vec<u8>>,
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
    /// Queue a frame made by [`notification_frame`]. False once the output has closed.
    pub fn send_frame(&self, frame: Vec<u8>) -> bool {
        self.frames.send(frame).is_ok()
    }
}

/// Start the guard tasks over `stdin` and `stdout`.
pub fn guard<R, W>(stdin: R, stdout: W) -> Guarded
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (server_input, mut to_server) = tokio::io::duplex(PIPE_BYTES);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BYTES);
    let (errors_tx, errors_rx) = mpsc::unbounded_channel::<Vec<u8>>();
    let errors_tx_for_notifier = errors_tx.clone();

    tokio::spawn(async move {
        let mut reader = BufReader::new(stdin);
        loop {
            match read_frame(&mut reader).await {
                Frame::Message(body) => match check_message(&body) {
                    Ok(()) => {
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

    let notifier = Notifier {
        frames: errors_tx_for_notifier,
    };
    tokio::spawn(write_output(from_server, errors_rx, stdout));
    Guarded {
        input: server_input,
        output: server_output,
        notifier,
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

/// `Ok` for a well-formed JSON-RPC 2.0 request, notification or response; otherwise the error
/// response to send back.
fn check_message(body: &[u8]) -> Result<(), Value> {
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
                Ok(())
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
            Ok(())
        }
        None => Err(error(-32600, "Invalid Request: no `method`")),
    }
}

/// The one writer of stdout: whole frames from the server, and the guard's error responses.
async fn write_output<W: AsyncWrite + Unpin>(
    from_server: DuplexStream,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
    mut stdout: W,
) {
    let mut server = BufReader::new(from_server);
    let mut errors_open = true;
    loop {
        tokio::select! {
            frame = read_frame(&mut server) => match frame {
                Frame::Message(body) => {
                    if stdout.write_all(&self::frame(&body)).await.is_err() || stdout.flush().await.is_err() {
                        return;
                    }
                }
                Frame::Invalid(_) => {}
                Frame::End => return,
            },
            error = errors.recv(), if errors_open => match error {
                Some(bytes) => {
                    if stdout.write_all(&bytes).await.is_err() || stdout.flush().await.is_err() {
                        return;
                    }
                }
                None => errors_open = false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_message;

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
