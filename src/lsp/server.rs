//! The protocol surface: one `LanguageServer` method per LSP message, each routing to a
//! feature function. State changes happen before the first `.await` of a notification;
//! analysis runs off the message loop; requests to the client are spawned, never awaited
//! inside a handler (tower-lsp-server issue #36 / tower-lsp issue #284: a handler that waits on
//! the client can fill the four concurrent slots and stall the server).

use super::config_problems;
use super::convert;
use super::documents::Encoding;
use super::features;
use super::report;
use super::settings::{EditorSettings, debounce_wait};
use super::state::{AnalysisJob, DocumentState, Snapshot, State, lock};
use super::transport::{Notifier, OutFrame, notification_frame};
use super::workspace::{self, Workspace, lock_workspace};
use crate::analysis::ide;
use crate::analysis::text::Span;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// The environment variable that enables two commands for the end-to-end tests:
/// `rung.test.panic` (proves a panic in a handler is contained), `rung.test.documentText`
/// (returns the server's copy of a document, to check it equals the client's after edits) and
/// `rung.test.documentHash` (its FNV-1a hash and length, for the soak benchmark's frequent checks).
pub const TEST_PANIC_ENV: &str = "RUNG_LSP_ENABLE_TEST_PANIC";

#[derive(Clone)]
pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Serialises the check-then-publish step, so an older version can never be published after
    /// a newer one.
    publish: Arc<tokio::sync::Mutex<()>>,
    /// Set by `shutdown`, read by `lsp::run` for the exit code.
    shut_down: Arc<AtomicBool>,
    /// Every `publishDiagnostics` goes out through here, serialised off the message loop.
    notifier: Notifier,
    /// This server's mark on the commands it advertises (see [`Backend::advertised`]).
    instance: Arc<str>,
    /// The configuration's problems for a client that pulls diagnostics.
    pulled_config: Arc<Mutex<config_problems::PulledReports>>,
    /// The measures read for each open document's semantic tokens, kept for the next request.
    measures: Arc<Mutex<std::collections::HashMap<Uri, ide::MeasureCache>>>,
}

/// A mark for this server's advertised commands, unique among the servers one editor runs: the
/// process id with random bits from the standard library's hasher seed.
fn instance_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    format!("{}-{:08x}", std::process::id(), hasher.finish() as u32)
}

/// Free `value` on the blocking pool, off the request or publish it was part of.
fn drop_later<T: Send + 'static>(value: T) {
    tokio::task::spawn_blocking(move || drop(value));
}

/// The framed `publishDiagnostics` notification for `snapshot` (built on the blocking pool).
fn diagnostics_frame(uri: &Uri, snapshot: &Snapshot, encoding: Encoding) -> OutFrame {
    convert::publish_diagnostics_frame(
        uri,
        &snapshot.lines(),
        encoding,
        Some(snapshot.version),
        &snapshot.analysis.diagnostics,
    )
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>, notifier: Notifier) -> Backend {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::default())),
            publish: Arc::new(tokio::sync::Mutex::new(())),
            shut_down,
            notifier,
            instance: instance_id().into(),
            pulled_config: Default::default(),
            measures: Default::default(),
        }
    }

    fn pulled_config(&self) -> std::sync::MutexGuard<'_, config_problems::PulledReports> {
        self.pulled_config
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The name `command` is advertised under: `rung.report/<instance>`. vscode-languageclient
    /// registers every advertised command with VS Code, where a name can be registered once: a
    /// second client in the same window (two folders, each with its server) failed to start
    /// with "command 'rung.report' already exists" (vscode-languageserver-node issues #333 and
    /// #607; its maintainer's advice is a name unique to each server). The plain name is still
    /// accepted, so clients that call `rung.report` keep working.
    fn advertised(&self, command: &str) -> String {
        format!("{command}/{}", self.instance)
    }

    /// The command `name` asks for: this server's advertised names without their mark.
    fn command_named<'n>(&self, name: &'n str) -> &'n str {
        name.strip_suffix(&*self.instance)
            .and_then(|rest| rest.strip_suffix('/'))
            .unwrap_or(name)
    }

    /// Run `work`, turning a panic into an error for this request and a message in the client's log.
    fn guarded<T>(&self, what: &str, work: impl FnOnce() -> T) -> Result<T> {
        catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            self.internal_error(what, &detail)
        })
    }

    /// Write problems (of `rung.toml`, of ladders) to the client's log, in a task of its own.
    fn log_problems(&self, problems: Vec<String>) {
        if !problems.is_empty() {
            let client = self.client.clone();
            tokio::spawn(async move { log_warnings(&client, problems).await });
        }
    }

    /// An internal error for one request, also written to the client's log.
    fn internal_error(&self, what: &str, detail: &str) -> Error {
        let message = format!("rung: internal error while serving {what}: {detail}");
        let client = self.client.clone();
        let log = message.clone();
        tokio::spawn(async move { client.log_message(MessageType::ERROR, log).await });
        Error {
            code: ErrorCode::InternalError,
            message: message.into(),
            data: None,
        }
    }

    /// The analysis of the current version of `uri`. A stale one is recomputed on the blocking
    /// pool, off the message loop; a panic there is an error for the request that asked.
    async fn snapshot(&self, uri: &Uri, what: &str) -> Result<Option<Arc<Snapshot>>> {
        let job = {
            let mut state = lock(&self.state);
            let Some(doc) = state.documents.get(uri) else {
                return Ok(None);
            };
            if let Some(snapshot) = &doc.snapshot
                && snapshot.version == doc.document.version
            {
                return Ok(Some(snapshot.clone()));
            }
            let job = AnalysisJob::prepare(&mut state, uri);
            self.log_problems(std::mem::take(&mut state.unlogged_problems));
            match job {
                Some(job) => job,
                None => return Ok(None),
            }
        };
        let analysed =
            tokio::task::spawn_blocking(move || catch_unwind(AssertUnwindSafe(|| job.run()))).await;
        let snapshot = match analysed {
            Ok(Ok(snapshot)) => Arc::new(snapshot),
            _ => {
                return Err(
                    self.internal_error(what, &format!("analysis of {} failed", uri.as_str()))
                );
            }
        };
        let previous = {
            let mut state = lock(&self.state);
            match state.documents.get_mut(uri) {
                Some(doc) if doc.document.version == snapshot.version => {
                    doc.snapshot.replace(snapshot.clone())
                }
                _ => None,
            }
        };
        // Freeing the previous analysis of a large draft takes milliseconds: not on the way to
        // this request's answer.
        drop_later(previous);
        Ok(Some(snapshot))
    }

    /// Answer request `what` about `uri` from its current analysis: `None` when the document is
    /// not open, and a panic in `feature` is an error for this request.
    async fn on_snapshot<T>(
        &self,
        uri: &Uri,
        what: &str,
        feature: impl FnOnce(&Snapshot, Encoding) -> Option<T>,
    ) -> Result<Option<T>> {
        let encoding = self.encoding();
        let Some(snapshot) = self.snapshot(uri, what).await? else {
            return Ok(None);
        };
        self.guarded(what, || feature(&snapshot, encoding))
    }

    /// Analyses of every open document, for requests that span them.
    async fn open_snapshots(&self, what: &str) -> Result<Vec<(Uri, Arc<Snapshot>)>> {
        let uris: Vec<Uri> = lock(&self.state).documents.keys().cloned().collect();
        let mut out = Vec::with_capacity(uris.len());
        for uri in uris {
            if let Some(snapshot) = self.snapshot(&uri, what).await? {
                out.push((uri, snapshot));
            }
        }
        Ok(out)
    }

    fn encoding(&self) -> Encoding {
        lock(&self.state).encoding()
    }

    /// Analyse after the debounce and publish, unless a newer version arrived meanwhile.
    fn schedule_diagnostics(&self, uri: Uri, version: i32) {
        // A `.toml` file open in the editor is `rung.toml` or a ladder: its diagnostics are
        // the configuration's problems (`check_config_problems`), not a Markdown analysis.
        if uri.as_str().ends_with(".toml") {
            return;
        }
        let (pull, wait, scheduled) = {
            let mut state = lock(&self.state);
            let (previous, scheduled) = match state.documents.get_mut(&uri) {
                Some(doc) => {
                    doc.scheduled += 1;
                    (doc.last_analysis, doc.scheduled)
                }
                None => (Duration::ZERO, 0),
            };
            (
                state.pull_diagnostics,
                debounce_wait(state.editor.debounce_ms, previous),
                scheduled,
            )
        };
        if pull {
            return;
        }
        let state = self.state.clone();
        let client = self.client.clone();
        let publish = self.publish.clone();
        let notifier = self.notifier.clone();
        tokio::spawn(async move {
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let (job, encoding) = {
                let mut state = lock(&state);
                match state.documents.get(&uri) {
                    Some(doc) if doc.document.version == version && doc.scheduled == scheduled => {}
                    _ => return,
                }
                let job = AnalysisJob::prepare(&mut state, &uri);
                let problems = std::mem::take(&mut state.unlogged_problems);
                if !problems.is_empty() {
                    let client = client.clone();
                    tokio::spawn(async move { log_warnings(&client, problems).await });
                }
                (job, state.encoding())
            };
            let Some(job) = job else { return };
            let frame_uri = uri.clone();
            // Analysis, conversion and serialisation all run on the blocking pool.
            let analysed = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| {
                    let started = std::time::Instant::now();
                    let snapshot = job.run();
                    let frame = diagnostics_frame(&frame_uri, &snapshot, encoding);
                    (snapshot, frame, started.elapsed())
                }))
            })
            .await;
            let (snapshot, frame, took) = match analysed {
                Ok(Ok((snapshot, frame, took))) => (Arc::new(snapshot), frame, took),
                _ => {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!(
                                "rung: analysis of {} failed; keeping the previous diagnostics",
                                uri.as_str()
                            ),
                        )
                        .await;
                    return;
                }
            };
            let _publishing = publish.lock().await;
            let previous = {
                let mut state = lock(&state);
                let Some(doc) = state.documents.get_mut(&uri) else {
                    return;
                };
                doc.last_analysis = took;
                // A newer analysis of the same version was scheduled while this one ran (a
                // linked file was closed or changed): its answer is the one that holds, and this
                // one, finishing later, must not overwrite it.
                if doc.document.version != snapshot.version || doc.scheduled != scheduled {
                    return;
                }
                doc.snapshot.replace(snapshot)
            };
            notifier.send_latest(uri.as_str(), frame);
            // Freeing the previous analysis of a large draft takes a millisecond or more: after
            // the publish, not before it.
            drop(previous);
        });
    }

    /// Analyse again the open documents that link into `uri`'s file: its text changed, or it
    /// was opened or closed (links into an open file resolve against the editor's text).
    fn rediagnose_linking_to(&self, uri: &Uri) {
        let (linking, pull) = {
            let mut state = lock(&self.state);
            let linking = state.linking_to(uri);
            let pull = state.pull_diagnostics;
            if pull {
                // The next pull analyses them again instead of answering from this snapshot.
                for (other, _) in &linking {
                    if let Some(doc) = state.documents.get_mut(other) {
                        doc.snapshot = None;
                    }
                }
            }
            (linking, pull)
        };
        self.reanalyse(linking, pull);
    }

    /// Have the open documents `affected` analysed again: a client that pulls is asked to pull
    /// (the callers dropped their snapshots), one that is pushed to gets new diagnostics scheduled.
    fn reanalyse(&self, affected: Vec<(Uri, i32)>, pull: bool) {
        if pull {
            if !affected.is_empty() {
                let client = self.client.clone();
                tokio::spawn(async move {
                    let _ = client.workspace_diagnostic_refresh().await;
                });
            }
            return;
        }
        for (uri, version) in affected {
            self.schedule_diagnostics(uri, version);
        }
    }

    /// Publish the problems of the `rung.toml` files (and their ladders) that govern the open
    /// documents as diagnostics on those files, clear them from files that have none left, and
    /// show one message when the problems are new. A client that pulls diagnostics gets them
    /// by pull instead (`textDocument/diagnostic` of those files, `workspace/diagnostic`), and
    /// is asked to pull again when they change.
    fn check_config_problems(&self) {
        let (by_file, cleared, message, pull) = {
            let mut state = lock(&self.state);
            let encoding = state.encoding();
            let is_toml = |path: &std::path::Path| path.extension().is_some_and(|e| e == "toml");
            let docs: Vec<std::path::PathBuf> = state
                .documents
                .values()
                .filter_map(|d| d.path.as_deref())
                .filter(|path| !is_toml(path))
                .map(std::path::Path::to_path_buf)
                .collect();
            let mut problems = Vec::new();
            let mut roots = std::collections::HashSet::new();
            for path in &docs {
                let project = state.project_for(Some(path));
                if let Some(root) = &project.root
                    && roots.insert(root.clone())
                {
                    problems.extend(project.problems.iter().cloned());
                }
            }
            let open_toml: std::collections::HashMap<std::path::PathBuf, String> = state
                .documents
                .values()
                .filter_map(|d| Some((d.path.as_deref()?.to_path_buf(), d.document.text())))
                .filter(|(path, _)| is_toml(path))
                .collect();
            let by_file = config_problems::diagnostics_by_file(&problems, encoding, &|path| {
                open_toml
                    .get(&crate::project::lexically_normal(path))
                    .cloned()
                    .or_else(|| crate::project::read_text(path).ok())
            });
            let now: std::collections::HashSet<Uri> =
                by_file.values().map(|(uri, _)| uri.clone()).collect();
            let cleared: Vec<Uri> = state
                .config_problem_uris
                .difference(&now)
                .cloned()
                .collect();
            state.config_problem_uris = now;
            let message = (!problems.is_empty() && problems != state.config_problems_shown)
                .then(|| config_problems::message(&problems));
            state.config_problems_shown = problems;
            (by_file, cleared, message, state.pull_diagnostics)
        };
        if let Some(message) = message {
            let client = self.client.clone();
            tokio::spawn(async move { client.show_message(MessageType::WARNING, message).await });
        }
        if pull {
            let changed = self.pulled_config().replace(by_file.into_values(), cleared);
            if changed {
                let client = self.client.clone();
                tokio::spawn(async move {
                    let _ = client.workspace_diagnostic_refresh().await;
                });
            }
            return;
        }
        let publish = |uri: Uri, diagnostics: Vec<Diagnostic>| {
            let key = uri.as_str().to_string();
            self.notifier.send_latest(
                &key,
                notification_frame(
                    "textDocument/publishDiagnostics",
                    PublishDiagnosticsParams {
                        uri,
                        diagnostics,
                        version: None,
                    },
                ),
            );
        };
        for (uri, diagnostics) in by_file.into_values() {
            publish(uri, diagnostics);
        }
        for uri in cleared {
            publish(uri, Vec::new());
        }
    }

    fn rediagnose_all(&self) {
        let open: Vec<(Uri, i32)> = {
            let mut state = lock(&self.state);
            state.forget_projects();
            lock_workspace(&state.workspace).projects = Default::default();
            for doc in state.documents.values_mut() {
                doc.snapshot = None;
                doc.config_kind = None;
            }
            state
                .documents
                .iter()
                .map(|(uri, doc)| (uri.clone(), doc.document.version))
                .collect()
        };
        // With the projects forgotten, read again.
        self.check_config_problems();
        for (uri, version) in open {
            self.schedule_diagnostics(uri, version);
        }
        let pull = lock(&self.state).pull_diagnostics;
        if pull {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// The file paths of the open documents (open buffers win over the workspace index).
    fn open_paths(&self) -> std::collections::HashSet<std::path::PathBuf> {
        lock(&self.state)
            .documents
            .values()
            .filter_map(|d| d.path.as_deref().map(std::path::Path::to_path_buf))
            .collect()
    }

    /// Analyse again the open documents whose case holds the file at `changed` (a brag doc
    /// edited, saved or changed on disk re-checks the promo docs beside it), or every open
    /// document when `changed` is `None` (the index was built).
    fn rediagnose_cases_of(&self, changed: Option<&std::path::Path>) {
        let (affected, pull) = {
            let mut state = lock(&self.state);
            // Only documents that read their case (promo docs, growth plans, docs citing
            // other files), or not analysed yet: a keystroke in a promo doc does not re-check
            // the brag doc beside it.
            let open: Vec<(Uri, i32, Option<std::sync::Arc<std::path::Path>>)> = state
                .documents
                .iter()
                .filter(|(_, doc)| {
                    doc.snapshot.as_ref().is_none_or(|s| {
                        s.analysis
                            .document
                            .as_ref()
                            .is_some_and(crate::analysis::case::reads_its_case)
                    })
                })
                .map(|(uri, doc)| (uri.clone(), doc.document.version, doc.path.clone()))
                .collect();
            let mut affected = Vec::new();
            for (uri, version, path) in open {
                let Some(path) = path else { continue };
                let in_case = match changed {
                    None => true,
                    Some(changed) => {
                        let project = state.project_for(Some(&path));
                        Workspace::in_case(&path, changed, &project)
                    }
                };
                if in_case {
                    affected.push((uri, version));
                }
            }
            let pull = state.pull_diagnostics;
            for (uri, _) in &affected {
                if let Some(doc) = state.documents.get_mut(uri) {
                    doc.snapshot = None;
                }
            }
            (affected, pull)
        };
        self.reanalyse(affected, pull);
    }

    /// Index the workspace folders in the background, then analyse the open documents again
    /// with their cases. The first diagnostics do not wait for it.
    fn start_index(&self) {
        let backend = self.clone();
        tokio::spawn(async move {
            let workspace = lock(&backend.state).workspace.clone();
            let open = backend.open_paths();
            let built = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| Workspace::build(&workspace, &open)))
            })
            .await;
            let message = match built {
                Ok(Ok(figures)) => {
                    let workspace = lock(&backend.state).workspace.clone();
                    let ws = lock_workspace(&workspace);
                    let mut message = format!(
                        "rung: indexed {} growth docs of {} Markdown files in {} ms",
                        figures.docs,
                        figures.files,
                        figures.took.as_millis()
                    );
                    if !ws.skipped.is_empty() {
                        message.push_str(&format!("; skipped {}:", ws.skipped.len()));
                        for (path, why) in ws.skipped.iter().take(20) {
                            message.push_str(&format!("\n  {}: {why}", path.display()));
                        }
                    }
                    (MessageType::INFO, message)
                }
                _ => (
                    MessageType::ERROR,
                    "rung: indexing the workspace failed; cases read the open documents only"
                        .to_string(),
                ),
            };
            backend.client.log_message(message.0, message.1).await;
            backend.rediagnose_cases_of(None);
        });
    }

    fn apply_editor_settings(&self, value: &serde_json::Value) {
        let (settings, problems) = EditorSettings::from_json(value);
        let mut state = lock(&self.state);
        state.editor = settings;
        state.forget_projects();
        drop(state);
        if !problems.is_empty() {
            let client = self.client.clone();
            tokio::spawn(async move {
                for problem in problems {
                    client
                        .log_message(MessageType::WARNING, format!("rung settings: {problem}"))
                        .await;
                }
            });
        }
    }

    /// Ask the client for the `rung` section, in a task of its own.
    fn pull_configuration(&self) {
        let backend = self.clone();
        tokio::spawn(async move {
            let items = vec![ConfigurationItem {
                scope_uri: None,
                section: Some("rung".to_string()),
            }];
            if let Ok(values) = backend.client.configuration(items).await
                && let Some(value) = values.into_iter().next().filter(|v| !v.is_null())
            {
                backend.apply_editor_settings(&value);
                backend.rediagnose_all();
            }
        });
    }
}

/// The direct methods (see `transport`): each answers one of `transport::DIRECT_METHODS`, renamed
/// to `rung/direct/<method>` by the guard, with its result written as JSON here and handed past
/// tower-lsp-server's `Value` tree; the response carries a marker the guard replaces.
impl Backend {
    /// Answer `what` about `uri` with `json(snapshot, encoding)`, or `null` when the document is
    /// not open; a panic while writing is an error for this request.
    async fn direct(
        &self,
        uri: &Uri,
        what: &str,
        json: impl FnOnce(Option<&Snapshot>, Encoding) -> Vec<u8>,
    ) -> Result<serde_json::Value> {
        let encoding = self.encoding();
        let snapshot = self.snapshot(uri, what).await?;
        let json = self.guarded(what, || json(snapshot.as_deref(), encoding))?;
        Ok(self.notifier.direct_result(json))
    }

    /// Run `work` with the measures kept for `uri`'s semantic tokens.
    fn with_measures<T>(&self, uri: &Uri, work: impl FnOnce(&mut ide::MeasureCache) -> T) -> T {
        let mut measures = self
            .measures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        work(measures.entry(uri.clone()).or_default())
    }

    /// `value` as JSON, for the results that are small enough per item to go through serde;
    /// `value` itself (thousands of outline nodes and their strings) is freed off the way to the
    /// answer.
    fn json<T: serde::Serialize + Send + 'static>(value: T) -> Vec<u8> {
        let json = serde_json::to_vec(&value).expect("an LSP result serialises");
        drop_later(value);
        json
    }

    pub async fn direct_diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<serde_json::Value> {
        let uri = params.text_document.uri;
        if uri.as_str().ends_with(".toml") {
            // `rung.toml` or a ladder: its report is the configuration's problems in it.
            let report = self.pulled_config().document(&uri);
            return Ok(self.notifier.direct_result(Self::json(report)));
        }
        self.direct(&uri, "textDocument/diagnostic", |snapshot, encoding| {
            let Some(snapshot) = snapshot else {
                return convert::diagnostic_report_json(
                    &uri,
                    &super::documents::LineTable::new(""),
                    encoding,
                    &[],
                );
            };
            let diagnostics = &snapshot.analysis.diagnostics;
            convert::diagnostic_report_json(&uri, &snapshot.lines(), encoding, diagnostics)
        })
        .await
    }

    pub async fn direct_document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<serde_json::Value> {
        self.direct(
            &params.text_document.uri,
            "textDocument/documentSymbol",
            |snapshot, encoding| features::document_symbols_json(snapshot, encoding, drop_later),
        )
        .await
    }

    pub async fn direct_folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> Result<serde_json::Value> {
        self.direct(
            &params.text_document.uri,
            "textDocument/foldingRange",
            features::folding_ranges_json,
        )
        .await
    }

    pub async fn direct_code_lens(&self, params: CodeLensParams) -> Result<serde_json::Value> {
        self.direct(
            &params.text_document.uri,
            "textDocument/codeLens",
            features::code_lenses_json,
        )
        .await
    }

    pub async fn direct_semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<serde_json::Value> {
        let uri = &params.text_document.uri;
        self.direct(
            uri,
            "textDocument/semanticTokens/full",
            |snapshot, encoding| match snapshot {
                Some(s) => features::semantic_tokens_json(&self.with_measures(uri, |measures| {
                    features::semantic_tokens(s, encoding, None, measures)
                })),
                None => b"null".to_vec(),
            },
        )
        .await
    }

    pub async fn direct_semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<serde_json::Value> {
        let uri = &params.text_document.uri;
        self.direct(
            uri,
            "textDocument/semanticTokens/range",
            |snapshot, encoding| match snapshot {
                Some(s) => {
                    let start = s.document.offset(params.range.start, encoding);
                    let end = s.document.offset(params.range.end, encoding);
                    let within = Some(Span::new(start, end.max(start)));
                    features::semantic_tokens_json(&self.with_measures(uri, |measures| {
                        features::semantic_tokens(s, encoding, within, measures)
                    }))
                }
                None => b"null".to_vec(),
            },
        )
        .await
    }
}

async fn log_warnings(client: &Client, messages: Vec<String>) {
    for message in messages {
        client.log_message(MessageType::WARNING, message).await;
    }
}

fn client_supports_utf8(params: &InitializeParams) -> bool {
    params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let utf8 = client_supports_utf8(&params);
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let snippets = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        let text_capabilities = params.capabilities.text_document.as_ref();
        let hover_markup = convert::Markup::from_formats(
            text_capabilities
                .and_then(|t| t.hover.as_ref())
                .and_then(|h| h.content_format.as_deref()),
        );
        let documentation_markup = convert::Markup::from_formats(
            text_capabilities
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.documentation_format.as_deref()),
        );
        {
            let mut state = lock(&self.state);
            state.encoding = Some(if utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            });
            state.pull_diagnostics = pull;
            state.snippet_support = snippets;
            state.hover_markup = hover_markup;
            state.documentation_markup = documentation_markup;
            let mut ws = lock_workspace(&state.workspace);
            ws.encoding = state.encoding;
            ws.roots = workspace_roots(&params);
            ws.watch = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
        }
        if let Some(options) = &params.initialization_options {
            self.apply_editor_settings(options);
        }
        // Compile the rules' patterns now, off the message loop, not on the first didOpen.
        tokio::task::spawn_blocking(|| {
            crate::analysis::warm_up(&crate::analysis::Settings::default())
        });
        let test_commands = std::env::var_os(TEST_PANIC_ENV).is_some();
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "rung".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["#".to_string(), ":".to_string()]),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                // The label names rung's outline where the editor shows several for one
                // document (VS Code: Markdown's own, then the extension's long display name).
                document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
                    label: Some("rung".to_string()),
                    work_done_progress_options: Default::default(),
                })),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: features::legend(),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: Some(true),
                            ..Default::default()
                        },
                    ),
                ),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("rung".to_string()),
                        inter_file_dependencies: true,
                        // The configuration's problems, in files the client may never open.
                        workspace_diagnostics: true,
                        ..Default::default()
                    })
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: std::iter::once(report::COMMAND)
                        .chain(
                            test_commands
                                .then_some([
                                    "rung.test.panic",
                                    "rung.test.documentText",
                                    "rung.test.documentHash",
                                ])
                                .into_iter()
                                .flatten(),
                        )
                        .map(|command| self.advertised(command))
                        .collect(),
                    ..Default::default()
                }),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.pull_configuration();
        // Watch ladder and config files so that a changed rung.toml is picked up.
        let client = self.client.clone();
        tokio::spawn(async move {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.toml".to_string()),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "rung-toml-watcher".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            };
            let _ = client.register_capability(vec![registration]).await;
        });
        // Watch the workspace's Markdown files and rung.toml, for the index of growth docs.
        let watch = lock_workspace(&lock(&self.state).workspace).watch;
        if watch {
            let client = self.client.clone();
            tokio::spawn(async move {
                let watchers = ["**/*.md", "**/*.markdown", "**/rung.toml"]
                    .iter()
                    .map(|glob| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(glob.to_string()),
                        kind: None,
                    })
                    .collect();
                let registration = Registration {
                    id: "rung-markdown-watcher".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(
                        DidChangeWatchedFilesRegistrationOptions { watchers },
                    )
                    .ok(),
                };
                let _ = client.register_capability(vec![registration]).await;
            });
        }
        self.start_index();
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let version = document.version;
        lock(&self.state).documents.insert(
            document.uri.clone(),
            DocumentState::new(&document.uri, &document.text, version),
        );
        if document.uri.as_str().ends_with(".toml") {
            // `rung.toml` or a ladder, as the editor has it: every document may read it.
            self.rediagnose_all();
            return;
        }
        self.check_config_problems();
        self.rediagnose_linking_to(&document.uri);
        if let Some(path) = document.uri.to_file_path() {
            self.rediagnose_cases_of(Some(&crate::project::lexically_normal(&path)));
        }
        self.schedule_diagnostics(document.uri, version);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let known = {
            let mut state = lock(&self.state);
            let encoding = state.encoding();
            match state.documents.get_mut(&uri) {
                Some(doc) => {
                    doc.document
                        .apply_changes(&params.content_changes, version, encoding);
                    // The previous analysis is stale now. Freeing it (a 1 MB doc's model and
                    // thousands of diagnostics: ~4 M instructions) is not on the way to the
                    // analysis of this version, which the next request waits for.
                    drop_later(doc.snapshot.take());
                    true
                }
                None => false,
            }
        };
        if known && uri.as_str().ends_with(".toml") {
            // `rung.toml` or a ladder as the editor has it: every document may read it.
            self.rediagnose_all();
        } else if known {
            self.rediagnose_linking_to(&uri);
            if let Some(path) = uri.to_file_path() {
                self.rediagnose_cases_of(Some(&crate::project::lexically_normal(&path)));
            }
            self.schedule_diagnostics(uri, version);
        } else {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!(
                        "rung: change for a document that is not open: {}",
                        uri.as_str()
                    ),
                )
                .await;
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if params.text_document.uri.as_str().ends_with(".toml") {
            self.rediagnose_all();
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.measures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&params.text_document.uri);
        let (removed, pull) = {
            let mut state = lock(&self.state);
            (
                state.documents.remove(&params.text_document.uri).is_some(),
                state.pull_diagnostics,
            )
        };
        if removed && params.text_document.uri.as_str().ends_with(".toml") {
            // The file on disk governs again.
            self.rediagnose_all();
            return;
        }
        if removed {
            self.rediagnose_linking_to(&params.text_document.uri);
            // The disk says again what the closed file holds, for the cases it is in.
            if let Some(path) = params.text_document.uri.to_file_path() {
                let path = crate::project::lexically_normal(&path);
                let workspace = lock(&self.state).workspace.clone();
                let backend = self.clone();
                tokio::spawn(async move {
                    let at = path.clone();
                    let _ = tokio::task::spawn_blocking(move || {
                        catch_unwind(AssertUnwindSafe(|| workspace::closed(&workspace, &at)))
                    })
                    .await;
                    backend.rediagnose_cases_of(Some(&path));
                });
            }
        }
        if removed && !pull {
            let _publishing = self.publish.lock().await;
            let key = params.text_document.uri.as_str().to_string();
            self.notifier.send_latest(
                &key,
                notification_frame(
                    "textDocument/publishDiagnostics",
                    PublishDiagnosticsParams {
                        uri: params.text_document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    },
                ),
            );
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if params.settings.is_null() || params.settings.as_object().is_some_and(|o| o.is_empty()) {
            self.pull_configuration();
        } else {
            self.apply_editor_settings(&params.settings);
            self.rediagnose_all();
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        if params
            .changes
            .iter()
            .any(|c| c.uri.as_str().ends_with(".toml"))
        {
            self.rediagnose_all();
        }
        // Markdown files changed on disk: read them again for the index (an open buffer wins),
        // then re-check the open documents of their cases.
        let changed: Vec<std::path::PathBuf> = params
            .changes
            .iter()
            .filter(|c| {
                let uri = c.uri.as_str().to_ascii_lowercase();
                uri.ends_with(".md") || uri.ends_with(".markdown")
            })
            .filter_map(|c| c.uri.to_file_path())
            .map(|p| crate::project::lexically_normal(&p))
            .collect();
        if changed.is_empty() {
            return;
        }
        let workspace = lock(&self.state).workspace.clone();
        let backend = self.clone();
        tokio::spawn(async move {
            let paths = changed.clone();
            let _ = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| {
                    for path in &paths {
                        Workspace::refresh_from_disk(&workspace, path);
                    }
                }))
            })
            .await;
            for path in &changed {
                backend.rediagnose_cases_of(Some(path));
            }
        });
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let (snippets, markup) = {
            let state = lock(&self.state);
            (state.snippet_support, state.documentation_markup)
        };
        self.on_snapshot(
            &position.text_document.uri,
            "textDocument/completion",
            |snapshot, encoding| {
                let items =
                    features::completion(snapshot, encoding, position.position, snippets, markup);
                (!items.is_empty()).then_some(CompletionResponse::Array(items))
            },
        )
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let markup = lock(&self.state).hover_markup;
        self.on_snapshot(
            &position.text_document.uri,
            "textDocument/hover",
            |snapshot, encoding| features::hover(snapshot, encoding, position.position, markup),
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = &params.text_document.uri;
        self.on_snapshot(uri, "textDocument/codeAction", |snapshot, encoding| {
            Some(features::code_actions(
                snapshot,
                encoding,
                uri,
                params.range,
            ))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let position = params.text_document_position_params;
        let encoding = self.encoding();
        let Some(snapshot) = self
            .snapshot(&position.text_document.uri, "textDocument/definition")
            .await?
        else {
            return Ok(None);
        };
        let Some((trait_id, _)) = self.guarded("textDocument/definition", || {
            features::trait_id_at(&snapshot, encoding, position.position)
        })?
        else {
            return Ok(None);
        };
        // The trait's heading in this document first, then in the other open documents.
        let (here, _) =
            features::trait_locations(&snapshot, encoding, &position.text_document.uri, &trait_id);
        if !here.is_empty() {
            return Ok(Some(GotoDefinitionResponse::Array(here)));
        }
        let mut elsewhere = Vec::new();
        for (uri, other) in self.open_snapshots("textDocument/definition").await? {
            elsewhere.extend(features::trait_locations(&other, encoding, &uri, &trait_id).0);
        }
        // Then in the growth docs of the workspace that are not open.
        let open = self.open_paths();
        let workspace = lock(&self.state).workspace.clone();
        elsewhere.extend(
            lock_workspace(&workspace)
                .trait_locations(&trait_id, &open)
                .0,
        );
        Ok((!elsewhere.is_empty()).then_some(GotoDefinitionResponse::Array(elsewhere)))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let position = params.text_document_position;
        let encoding = self.encoding();
        let Some(snapshot) = self
            .snapshot(&position.text_document.uri, "textDocument/references")
            .await?
        else {
            return Ok(None);
        };
        let Some((trait_id, _)) = self.guarded("textDocument/references", || {
            features::trait_id_at(&snapshot, encoding, position.position)
        })?
        else {
            return Ok(None);
        };
        let mut locations = Vec::new();
        for (uri, other) in self.open_snapshots("textDocument/references").await? {
            let (definitions, tags) = features::trait_locations(&other, encoding, &uri, &trait_id);
            if params.context.include_declaration {
                locations.extend(definitions);
            }
            locations.extend(tags);
        }
        let open = self.open_paths();
        let workspace = lock(&self.state).workspace.clone();
        let (definitions, tags) = lock_workspace(&workspace).trait_locations(&trait_id, &open);
        if params.context.include_declaration {
            locations.extend(definitions);
        }
        locations.extend(tags);
        Ok(Some(locations))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let encoding = self.encoding();
        let Some(snapshot) = self
            .snapshot(&params.text_document.uri, "textDocument/prepareRename")
            .await?
        else {
            return Ok(None);
        };
        let found = self.guarded("textDocument/prepareRename", || {
            features::trait_id_at(&snapshot, encoding, params.position)
        })?;
        // Only tags are renamed: a heading is the author's prose.
        Ok(found.and_then(|(_, tag)| tag).map(|span| {
            PrepareRenameResponse::Range(snapshot.document.range(span.start, span.end, encoding))
        }))
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let position = params.text_document_position;
        let encoding = self.encoding();
        let new_name = params.new_name.trim().trim_start_matches('#').to_string();
        let valid = new_name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && new_name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid {
            return Err(Error::invalid_params(format!(
                "`{}` is not a tag name: use letters, digits, `-` or `_`, starting with a letter",
                params.new_name
            )));
        }
        let Some(snapshot) = self
            .snapshot(&position.text_document.uri, "textDocument/rename")
            .await?
        else {
            return Ok(None);
        };
        let Some((trait_id, Some(_))) = self.guarded("textDocument/rename", || {
            features::trait_id_at(&snapshot, encoding, position.position)
        })?
        else {
            return Ok(None);
        };
        let mut changes = std::collections::HashMap::new();
        for (uri, other) in self.open_snapshots("textDocument/rename").await? {
            let edits = features::rename_tags(&other, encoding, &uri, &trait_id, &new_name);
            if !edits.is_empty() {
                changes.insert(uri, edits);
            }
        }
        // The tags of the growth docs that are not open are renamed on disk by the client.
        let open = self.open_paths();
        let workspace = lock(&self.state).workspace.clone();
        for (uri, edits) in lock_workspace(&workspace).rename_tags(&trait_id, &new_name, &open) {
            changes.entry(uri).or_insert(edits);
        }
        Ok(Some(WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let encoding = self.encoding();
        let mut symbols = Vec::new();
        for (uri, snapshot) in self.open_snapshots("workspace/symbol").await? {
            symbols.extend(features::workspace_symbols(
                &snapshot,
                encoding,
                &uri,
                &params.query,
            ));
        }
        let open = self.open_paths();
        let workspace = lock(&self.state).workspace.clone();
        symbols.extend(lock_workspace(&workspace).symbols(&params.query, &open));
        Ok(Some(WorkspaceSymbolResponse::Nested(symbols)))
    }

    /// The problems of `rung.toml` and its ladders, for a client that pulls diagnostics; the
    /// Markdown documents' own are pulled document by document.
    async fn workspace_diagnostic(
        &self,
        params: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        Ok(WorkspaceDiagnosticReportResult::Report(
            self.pulled_config().workspace(&params.previous_result_ids),
        ))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let command = self.command_named(&params.command);
        if command == report::COMMAND {
            let request =
                report::parse_arguments(&params.arguments).map_err(Error::invalid_params)?;
            let Some(snapshot) = self.snapshot(&request.uri, report::COMMAND).await? else {
                return Err(Error::invalid_params(format!(
                    "{}: {} is not open",
                    report::COMMAND,
                    request.uri.as_str()
                )));
            };
            return self
                .guarded(report::COMMAND, || {
                    report::report(&request.uri, &snapshot, request.format)
                })?
                .map(Some)
                .map_err(Error::invalid_params);
        }
        if std::env::var_os(TEST_PANIC_ENV).is_some() {
            match command {
                "rung.test.panic" => {
                    return self.guarded("workspace/executeCommand", || {
                        panic!("test panic requested by the client")
                    });
                }
                "rung.test.documentText" => {
                    let uri = params
                        .arguments
                        .first()
                        .and_then(|v| v.as_str())
                        .and_then(|s| s.parse::<Uri>().ok());
                    let state = lock(&self.state);
                    let text =
                        uri.and_then(|uri| state.documents.get(&uri).map(|d| d.document.text()));
                    return Ok(text.map(serde_json::Value::String));
                }
                "rung.test.documentHash" => {
                    let uri = params
                        .arguments
                        .first()
                        .and_then(|v| v.as_str())
                        .and_then(|s| s.parse::<Uri>().ok());
                    let state = lock(&self.state);
                    let hash = uri.and_then(|uri| {
                        state
                            .documents
                            .get(&uri)
                            .map(|d| super::documents::text_hash(&d.document.rope))
                    });
                    return Ok(hash.map(|(hash, len)| {
                        serde_json::json!({ "fnv1a64": format!("{hash:016x}"), "bytes": len })
                    }));
                }
                _ => {}
            }
        }
        Err(Error::invalid_params(format!(
            "unknown command `{}`",
            params.command
        )))
    }
}

/// The workspace folders the client names (else its root), as lexically normal paths.
#[allow(deprecated)] // `root_uri` is what clients without workspace folders send.
fn workspace_roots(params: &InitializeParams) -> Vec<std::path::PathBuf> {
    let folders: Vec<std::path::PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path())
        .map(|p| crate::project::lexically_normal(&p))
        .collect();
    if !folders.is_empty() {
        return folders;
    }
    params
        .root_uri
        .iter()
        .filter_map(|uri| uri.to_file_path())
        .map(|p| crate::project::lexically_normal(&p))
        .collect()
}
