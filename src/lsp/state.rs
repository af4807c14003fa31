//! What the server holds between messages: open documents, negotiated capabilities, editor
//! settings, projects by folder, and the latest analysis of each document.
//!
//! Everything sits behind one `std::sync::Mutex`, taken only for short, synchronous sections and
//! never across an `.await`. Notification handlers do all their state changes before their first
//! `.await`, so edits stay ordered relative to the requests that follow them even though
//! tower-lsp-server runs handlers concurrently.

use super::documents::{Encoding, OpenDocument};
use super::settings::EditorSettings;
use crate::analysis::case::evidence_counts;
use crate::analysis::document::DocKind;
use crate::analysis::memo::Memo;
use crate::analysis::readiness::TraitEvidence;
use crate::analysis::{Analysis, Input, LinkResolver, NoFileSystem, Settings, analyze};
use crate::project::{FsLinks, LinkCache, OpenFiles, Project, lexically_normal, lock_links};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tower_lsp_server::ls_types::Uri;

/// A document's text at one version, analysed.
pub struct Snapshot {
    pub version: i32,
    /// Shared with the memo, whose kept piece models name their text as ranges of it.
    pub text: Arc<str>,
    pub document: OpenDocument,
    pub analysis: Analysis,
    pub settings: Arc<Settings>,
    /// What the other docs of its case told the analysis (for the lenses and the outline).
    pub case: Option<Arc<crate::analysis::case::CaseFacts>>,
    /// Every trait's evidence counts, made at the first request that shows them ([`Snapshot::evidence`]).
    pub evidence: OnceLock<Option<Vec<TraitEvidence>>>,
}

impl Snapshot {
    /// The text's line table, with the line starts its document kept through the edits (no
    /// scan of the text per request).
    pub fn lines(&self) -> super::documents::LineTable<'_> {
        super::documents::LineTable::with_index(&self.text, self.document.lines())
    }

    /// Every trait's evidence counts for this text ([`evidence_counts`] of its document, ladder
    /// and case; `None` without a document or a ladder), counted once: the outline, the lenses
    /// and whatever else asks about the same version share them. The snapshot holds the text,
    /// settings and case they are counted from, and never changes, so the kept counts are what
    /// counting again would give.
    pub fn evidence(&self) -> Option<&[TraitEvidence]> {
        self.evidence
            .get_or_init(|| {
                let doc = self.analysis.document.as_ref()?;
                let ladder = crate::analysis::ide::ladder_of(&self.analysis, &self.settings)?;
                Some(evidence_counts(doc, ladder, self.case.as_deref()))
            })
            .as_deref()
    }
}

pub struct DocumentState {
    pub document: OpenDocument,
    /// The kind `rung.toml` gives the file, once computed (`Some(None)`: no glob matches).
    pub config_kind: Option<Option<DocKind>>,
    /// The latest analysis, if it is of the current version.
    pub snapshot: Option<Arc<Snapshot>>,
    /// What analyses of this document keep for the next one (entry impacts, weak words,
    /// placeholders), so an edit recomputes them only where it changed the text.
    pub memo: Arc<Memo>,
    /// What analyses learnt about the files this document links to, so a keystroke does not
    /// read and parse each linked Markdown file again.
    pub links: Arc<Mutex<LinkCache>>,
    /// How long the latest analysis (and its publish frame) took: the next change waits as long,
    /// up to the debounce setting.
    pub last_analysis: std::time::Duration,
    /// Counts the analyses scheduled: one that wakes to find a later one scheduled gives way
    /// to it. (An edit also changes the version; a change to a linked file does not.)
    pub scheduled: u64,
    /// The document's file path, lexically normal, as links into it resolve (`None` for a
    /// URI that is not a file). Worked out once, at open.
    pub path: Option<Arc<Path>>,
}

impl DocumentState {
    pub fn new(uri: &Uri, text: &str, version: i32) -> DocumentState {
        DocumentState {
            document: OpenDocument::new(text, version),
            config_kind: None,
            snapshot: None,
            memo: Default::default(),
            links: Default::default(),
            last_analysis: std::time::Duration::ZERO,
            scheduled: 0,
            path: file_path(uri).map(|p| Arc::from(p.as_path())),
        }
    }
}

#[derive(Default)]
pub struct State {
    pub documents: HashMap<Uri, DocumentState>,
    pub encoding: Option<Encoding>,
    /// The client pulls diagnostics (`textDocument/diagnostic`); the server then never pushes.
    pub pull_diagnostics: bool,
    pub snippet_support: bool,
    /// How the client reads hover contents and completion documentation (its declared formats).
    pub hover_markup: super::convert::Markup,
    pub documentation_markup: super::convert::Markup,
    pub editor: EditorSettings,
    projects: HashMap<PathBuf, Arc<Project>>,
    /// The files (`rung.toml`, ladders) the server last published problems for, and the problems
    /// it last showed in a message, so that each change is reported once.
    pub config_problem_uris: std::collections::HashSet<Uri>,
    pub config_problems_shown: Vec<crate::catalogue::LocatedError>,
    /// Editor settings merged under each folder's project, so an edit does not rebuild them.
    merged: HashMap<PathBuf, Arc<Settings>>,
    /// The growth docs of the workspace folders, from disk and open buffers (its own lock,
    /// taken after this one when both are held).
    pub workspace: Arc<Mutex<super::workspace::Workspace>>,
    /// Problems of projects loaded since the last look (a `rung.toml` too large to read, a
    /// ladder refused), for the server to write to the client's log: what it skipped.
    pub unlogged_problems: Vec<String>,
}

impl State {
    pub fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    /// The project of the folder holding `path` (cached until a `.toml` file changes).
    pub fn project_for(&mut self, path: Option<&Path>) -> Arc<Project> {
        let Some(dir) = path.and_then(Path::parent) else {
            return Arc::new(Project::defaults());
        };
        if let Some(project) = self.projects.get(dir) {
            return project.clone();
        }
        // `rung.toml` and ladder files open in the editor are read as the editor has them.
        let open_toml: HashMap<&Path, &OpenDocument> = self
            .documents
            .values()
            .filter_map(|d| Some((d.path.as_deref()?, &d.document)))
            .filter(|(path, _)| path.extension().is_some_and(|e| e == "toml"))
            .collect();
        let read = |path: &Path| match open_toml.get(lexically_normal(path).as_path()) {
            Some(document) => Ok(document.text()),
            None => crate::project::read_text(path),
        };
        let project = Arc::new(Project::discover_with(dir, &read));
        // Each project is loaded once per folder: its problems are logged once per folder
        // (again after a `.toml` changes), and folders of one project repeat them.
        let already: Vec<&Arc<Project>> = self.projects.values().collect();
        if project.root.is_some() && !already.iter().any(|p| p.root == project.root) {
            self.unlogged_problems
                .extend(project.problems.iter().map(|p| format!("rung: {p}")));
        }
        self.projects.insert(dir.to_path_buf(), project.clone());
        project
    }

    /// The settings for a document in the folder holding `path`.
    pub fn settings_for(&mut self, path: Option<&Path>) -> Arc<Settings> {
        let key = path
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        if let Some(settings) = self.merged.get(&key) {
            return settings.clone();
        }
        let project = self.project_for(path);
        let settings = Arc::new(self.editor.merged_with(&project));
        self.merged.insert(key, settings.clone());
        settings
    }

    /// The open documents (other than `uri`) whose latest analysis resolved a link into
    /// `uri`'s file, at their current versions: a change to `uri` may change their diagnostics.
    pub fn linking_to(&self, uri: &Uri) -> Vec<(Uri, i32)> {
        // From the URI, not the document's state: a closed document has none left.
        let Some(path) = file_path(uri) else {
            return Vec::new();
        };
        self.documents
            .iter()
            .filter(|(other, doc)| *other != uri && lock_links(&doc.links).links_to(&path))
            .map(|(other, doc)| (other.clone(), doc.document.version))
            .collect()
    }

    /// Drop cached projects and settings: after `rung.toml`, a ladder or the editor's settings change.
    pub fn forget_projects(&mut self) {
        self.projects.clear();
        self.merged.clear();
    }
}

/// Take the lock, even if a panicking handler poisoned it: the state it guards is only ever
/// changed in small steps that leave it consistent.
pub fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A document's file path, lexically normal, as links into it resolve (`None` for a URI that is
/// not a file).
fn file_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| lexically_normal(&p))
}

/// The other open documents, by file path: links into them resolve against the editor's text,
/// saved or not. Ropes are shared, so taking them is cheap; a text is built only when linked.
pub(crate) struct OpenDocuments(pub(crate) HashMap<Arc<Path>, OpenDocument>);

impl OpenFiles for OpenDocuments {
    fn version(&self, path: &Path) -> Option<i32> {
        self.0.get(path).map(|doc| doc.version)
    }

    fn text(&self, path: &Path) -> Option<String> {
        self.0.get(path).map(OpenDocument::text)
    }
}

/// Everything needed to analyse one version of a document off the lock.
pub struct AnalysisJob {
    pub uri: Uri,
    pub document: OpenDocument,
    pub memo: Arc<Memo>,
    pub links: Arc<Mutex<LinkCache>>,
    pub settings: Arc<Settings>,
    pub config_kind: Option<DocKind>,
    open: OpenDocuments,
    /// For reading the document with the other docs of its case.
    workspace: Arc<Mutex<super::workspace::Workspace>>,
    project: Arc<Project>,
}

impl AnalysisJob {
    pub fn prepare(state: &mut State, uri: &Uri) -> Option<AnalysisJob> {
        let document = state.documents.get(uri)?.document.clone();
        let memo = state.documents.get(uri)?.memo.clone();
        let links = state.documents.get(uri)?.links.clone();
        let path = uri.to_file_path().map(|p| p.into_owned());
        let settings = state.settings_for(path.as_deref());
        let config_kind = match state.documents.get(uri).and_then(|d| d.config_kind) {
            Some(kind) => kind,
            None => {
                let project = state.project_for(path.as_deref());
                let kind = path.as_deref().and_then(|p| project.config_kind_for(p));
                if let Some(doc) = state.documents.get_mut(uri) {
                    doc.config_kind = Some(kind);
                }
                kind
            }
        };
        let open = OpenDocuments(
            state
                .documents
                .iter()
                .filter(|(other, _)| *other != uri)
                .filter_map(|(_, doc)| Some((doc.path.clone()?, doc.document.clone())))
                .collect(),
        );
        let project = state.project_for(path.as_deref());
        Some(AnalysisJob {
            uri: uri.clone(),
            document,
            memo,
            links,
            settings,
            config_kind,
            open,
            workspace: state.workspace.clone(),
            project,
        })
    }

    pub fn run(self) -> Snapshot {
        let text: Arc<str> = Arc::from(self.document.text());
        self.memo.offer_text(text.clone());
        ANALYSES_STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if text.len() >= LARGE_DOCUMENT_BYTES {
            LARGE_ANALYSIS_SINCE_TRIM.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let path = self.uri.to_file_path().map(|p| p.into_owned());
        let file_name = path
            .as_deref()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .map(str::to_string);
        let today = crate::project::today();
        // The other docs of its case, from the workspace index (open buffers at their
        // versions); empty for a document that is not a file.
        let facts = path
            .as_deref()
            .map(|p| {
                super::workspace::case_facts(
                    &self.workspace,
                    &lexically_normal(p),
                    &self.project,
                    &self.open.0,
                )
            })
            .filter(|facts| !facts.is_empty());
        let links: Box<dyn LinkResolver> = match path.as_deref().and_then(Path::parent) {
            Some(dir) => Box::new(
                FsLinks::with_cache(dir.to_path_buf(), self.links)
                    .with_open_files(Box::new(self.open)),
            ),
            None => Box::new(NoFileSystem),
        };
        let case_links = facts.as_ref().map(|facts| facts.links(links.as_ref()));
        let links: &dyn LinkResolver = match &case_links {
            Some(case_links) => case_links,
            None => links.as_ref(),
        };
        let input = Input {
            text: &text,
            file_name: file_name.as_deref(),
            config_kind: self.config_kind,
            forced_kind: None,
            today: Some(&today),
            memo: Some(&self.memo),
            case: facts.as_ref(),
        };
        let analysis = analyze(&input, &self.settings, links);
        Snapshot {
            version: self.document.version,
            text,
            document: self.document,
            analysis,
            settings: self.settings,
            case: facts.map(Arc::new),
            evidence: OnceLock::new(),
        }
    }
}

/// Documents from this size on make the server give freed memory back to the system after
/// their analyses (see [`trim_memory_after_large_analyses`]).
const LARGE_DOCUMENT_BYTES: usize = 1 << 20;

/// Set by an analysis of a large document; cleared when the memory it freed is given back.
static LARGE_ANALYSIS_SINCE_TRIM: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Counts the analyses begun, so the trimming task sees when the server has gone quiet.
static ANALYSES_STARTED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Make glibc's allocator keep resident memory close to what is live, for a server that runs
/// all day. Two causes made a 10 MB document after ten edits hold 474 MB resident with 157 MB of
/// heap live (`benches/big_document.rs`): glibc gives each thread that allocates under
/// contention an arena of its own (up to eight per core), and analyses run on tokio's blocking
/// pool, so each edit's tens of MB of transient memory lands in whichever arena its thread
/// has, and freed memory stays in it; and memory freed inside an arena is returned to the
/// system only from the arena's top. So: at most two arenas, and after analyses of a large
/// document a `malloc_trim`, at most once a second, off the message loop.
pub fn limit_allocator_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's tuning; called before the runtime's threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// The task that gives freed memory back: within a second after analyses of a large document
/// (see [`limit_allocator_arenas`]), and once the server has gone quiet (no analysis begun for a
/// second) after any. The second is for many small documents: 50 open 20 KB docs held 58 MB
/// resident with 20 MB live, the rest the free memory of their analyses, scattered through the
/// arenas where only a trim finds it (`benches/big_document.rs`). Trimming only when quiet keeps
/// its cost (it holds each arena's lock while it walks it) away from the edits it follows.
pub async fn trim_memory_after_large_analyses() {
    use std::sync::atomic::Ordering::Relaxed;
    let (mut seen, mut trimmed_at) = (0, 0);
    loop {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        let started = ANALYSES_STARTED.load(Relaxed);
        let quiet = started == seen && started != trimmed_at;
        seen = started;
        if LARGE_ANALYSIS_SINCE_TRIM.swap(false, Relaxed) || quiet {
            trimmed_at = started;
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: malloc_trim has no preconditions; it only returns free pages to the system.
            let _ = tokio::task::spawn_blocking(|| unsafe { libc::malloc_trim(0) }).await;
        }
    }
}
