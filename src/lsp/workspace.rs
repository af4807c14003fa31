//! The growth docs of the workspace read from disk, not only the open buffers (DESIGN §5
//! Workspace): found under each workspace folder (by `rung.toml` includes and by name, as
//! `rung check` finds them), indexed in the background after `initialized`, and kept current
//! from `workspace/didChangeWatchedFiles`. An open buffer wins over the disk: its part of a case
//! is read from the editor's text at its version.
//!
//! Per doc the index keeps only what requests across files need: trait headings and tags (for
//! definition, references and rename), workspace symbols, and the doc's part of its case
//! ([`OtherDoc`]: the claims of its entries, their traits and measures) — not the text or the
//! model. Ranges are worked out once, in the encoding the client negotiated.
//!
//! Bad input is skipped and said: files larger than [`MAX_INDEXED_BYTES`], unreadable or not
//! UTF-8, folders that cannot be listed, symbolic links (not followed, so a loop costs nothing),
//! and Markdown files past [`MAX_WALKED_FILES`] per folder.

use super::documents::{Encoding, LineTable};
use crate::analysis::case::{CaseFacts, Member, OtherDoc};
use crate::analysis::document::{DocKind, EntryRole};
use crate::analysis::{Input, NoFileSystem, analyze};
use crate::project::{Project, find_config, path_key, read_stamped, walk_markdown};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::ls_types::{
    Location, OneOf, Range, SymbolKind, TextEdit, Uri, WorkspaceSymbol,
};

/// The largest file the index reads (a growth doc is kilobytes; a 50 MB export in the folder is
/// skipped, and served like any other file when opened).
pub const MAX_INDEXED_BYTES: u64 = crate::project::MAX_CASE_DOC_BYTES;

/// The most Markdown files read under one workspace folder: the rest are skipped and counted.
pub const MAX_WALKED_FILES: usize = 20_000;

/// What tells that an indexed doc is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Disk(u64, Option<std::time::SystemTime>),
    Open(i32),
}

/// One growth doc of the workspace as the index keeps it.
#[derive(Debug, Clone)]
pub struct IndexedDoc {
    pub stamp: Stamp,
    pub kind: DocKind,
    /// Trait headings: (trait id, range of the title).
    pub definitions: Vec<(String, Range)>,
    /// Tags naming a trait: (trait id, range of `#tag`).
    pub tags: Vec<(String, Range)>,
    /// Trait sections and wins, as workspace symbols show them.
    pub symbols: Vec<(String, SymbolKind, Range)>,
    /// The doc's part of its case.
    pub case: Arc<OtherDoc>,
}

/// The index: growth docs by lexically normal absolute path.
#[derive(Debug, Default)]
pub struct Workspace {
    pub roots: Vec<PathBuf>,
    docs: HashMap<PathBuf, IndexedDoc>,
    /// Files and folders left out, with why.
    pub skipped: Vec<(PathBuf, String)>,
    /// The first full index is done.
    pub ready: bool,
    pub encoding: Option<Encoding>,
    /// Folders outside the roots whose docs were read for the case of a doc opened there.
    pub folders: HashSet<PathBuf>,
    /// The client registers file watchers on request (`didChangeWatchedFiles` dynamic
    /// registration).
    pub watch: bool,
    /// Projects of the folders read, kept between refreshes.
    pub projects: Projects,
    /// The indexed docs of each folder: the case of a doc in no `[[case]]` is read from its
    /// folder's, not by a scan of the whole index (an analysis asks on every keystroke).
    by_folder: HashMap<PathBuf, std::collections::BTreeSet<PathBuf>>,
}

/// Take the index's lock, even after a panic elsewhere (it is changed one doc at a time).
pub fn lock_workspace(workspace: &Mutex<Workspace>) -> MutexGuard<'_, Workspace> {
    workspace
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Projects by folder, each with the settings the index reads docs with (every rule off: the
/// index needs the model, not diagnostics). Kept in the workspace until a `.toml` file changes.
#[derive(Default, Debug)]
pub struct Projects(HashMap<PathBuf, (Arc<Project>, Arc<crate::analysis::Settings>)>);

impl Projects {
    pub fn of(&mut self, path: &Path) -> (Arc<Project>, Arc<crate::analysis::Settings>) {
        let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.0
            .entry(dir.clone())
            .or_insert_with(|| {
                let project = Arc::new(match find_config(&dir) {
                    Some(config) => Project::load(&config),
                    None => Project::defaults(),
                });
                let quiet = Arc::new(quiet_settings(&project.settings));
                (project, quiet)
            })
            .clone()
    }
}

/// `settings` with every rule off: what the index analyses docs with.
pub fn quiet_settings(settings: &crate::analysis::Settings) -> crate::analysis::Settings {
    let mut quiet = settings.clone();
    for rule in crate::analysis::rules::REGISTRY {
        quiet.severities.insert(
            rule.name.to_string(),
            crate::analysis::diagnostic::Severity::Off,
        );
    }
    quiet
}

/// Index one doc's text: `None` when it is not a growth doc.
pub fn index_text(
    path: &Path,
    text: &str,
    stamp: Stamp,
    project: &Project,
    settings: &crate::analysis::Settings,
    encoding: Encoding,
) -> Option<IndexedDoc> {
    let input = Input {
        file_name: path.file_name().and_then(|n| n.to_str()),
        config_kind: project.config_kind_for(path),
        ..Input::new(text)
    };
    let analysis = analyze(&input, settings, &NoFileSystem);
    let doc = analysis.document?;
    let ladder = project.settings.catalogue.ladder(&doc.ladder_id)?;
    let key = path_key(path);
    let case = OtherDoc::of(
        &Member {
            path: &key,
            text,
            doc: &doc,
        },
        &project.settings.catalogue,
    )?;
    let lines = LineTable::new(text);
    let range = |span: crate::analysis::text::Span| lines.range(span.start, span.end, encoding);
    let definitions = doc
        .trait_sections()
        .map(|(_, s, t)| (ladder.traits[t].id.clone(), range(s.title_span)))
        .collect();
    let tags = doc
        .tags
        .iter()
        .filter_map(|t| Some((ladder.traits[t.trait_idx?].id.clone(), range(t.span))))
        .collect();
    let mut symbols: Vec<(String, SymbolKind, Range)> = doc
        .trait_sections()
        .map(|(_, s, _)| (s.title.to_string(), SymbolKind::CLASS, range(s.title_span)))
        .collect();
    symbols.extend(
        doc.entries
            .iter()
            .filter(|e| e.role == EntryRole::Win && !e.is_placeholder)
            .map(|e| {
                (
                    shorten(&e.text.replace(['\n', '\r'], " "), 60),
                    SymbolKind::EVENT,
                    range(e.text_span),
                )
            }),
    );
    Some(IndexedDoc {
        stamp,
        kind: doc.kind,
        definitions,
        tags,
        symbols,
        case: Arc::new(case),
    })
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max_chars - 1).collect::<String>())
    }
}

/// Read and index the file at `path` from disk: `Ok(None)` when it is not a growth doc, `Err`
/// with why when it was skipped.
pub fn index_file(
    path: &Path,
    projects: &mut Projects,
    encoding: Encoding,
) -> Result<Option<IndexedDoc>, String> {
    let Some((text, len, modified)) = read_stamped(path, MAX_INDEXED_BYTES, "the workspace index")?
    else {
        return Ok(None);
    };
    let stamp = Stamp::Disk(len, modified);
    let (project, settings) = projects.of(path);
    Ok(index_text(
        path, &text, stamp, &project, &settings, encoding,
    ))
}

impl Workspace {
    /// Index every growth doc under the roots, from scratch. Runs off the message loop; the
    /// index's lock is taken once per doc, so requests meanwhile see the docs indexed so far.
    pub fn build(workspace: &Mutex<Workspace>, open: &HashSet<PathBuf>) -> IndexFigures {
        let started = std::time::Instant::now();
        let (roots, encoding) = {
            let ws = lock_workspace(workspace);
            (ws.roots.clone(), ws.encoding.unwrap_or(Encoding::Utf16))
        };
        let mut projects = std::mem::take(&mut lock_workspace(workspace).projects);
        let mut figures = IndexFigures::default();
        for root in &roots {
            let (files, skipped) = walk_markdown(root, MAX_WALKED_FILES);
            figures.files += files.len();
            lock_workspace(workspace).skipped.extend(skipped);
            for path in files {
                if open.contains(&path) {
                    continue;
                }
                match index_file(&path, &mut projects, encoding) {
                    Ok(Some(doc)) => {
                        figures.docs += 1;
                        let mut ws = lock_workspace(workspace);
                        // An open buffer indexed meanwhile wins.
                        if !matches!(ws.docs.get(&path), Some(d) if matches!(d.stamp, Stamp::Open(_)))
                        {
                            ws.insert(path, doc);
                        }
                    }
                    Ok(None) => {}
                    Err(why) => lock_workspace(workspace).skipped.push((path, why)),
                }
            }
        }
        let mut ws = lock_workspace(workspace);
        ws.projects = projects;
        ws.ready = true;
        figures.skipped = ws.skipped.len();
        figures.took = started.elapsed();
        figures
    }

    /// The file at `path` changed on disk (or was created or deleted): read it again, unless
    /// an open buffer holds it.
    pub fn refresh_from_disk(workspace: &Mutex<Workspace>, path: &Path) {
        let (encoding, mut projects) = {
            let mut ws = lock_workspace(workspace);
            if matches!(ws.docs.get(path), Some(d) if matches!(d.stamp, Stamp::Open(_))) {
                return;
            }
            (
                ws.encoding.unwrap_or(Encoding::Utf16),
                std::mem::take(&mut ws.projects),
            )
        };
        let found = index_file(path, &mut projects, encoding);
        let mut ws = lock_workspace(workspace);
        ws.projects = projects;
        ws.skipped.retain(|(p, _)| p != path);
        match found {
            Ok(Some(doc)) => {
                ws.insert(path.to_path_buf(), doc);
            }
            Ok(None) => {
                ws.remove(path);
            }
            Err(why) => {
                ws.remove(path);
                ws.skipped.push((path.to_path_buf(), why));
            }
        }
    }

    /// An empty index of the workspace folders `roots`, with ranges in `encoding`.
    pub fn new(roots: Vec<PathBuf>, encoding: Encoding) -> Workspace {
        Workspace {
            roots,
            encoding: Some(encoding),
            ..Workspace::default()
        }
    }

    /// The indexed doc at `path`.
    pub fn get(&self, path: &Path) -> Option<&IndexedDoc> {
        self.docs.get(path)
    }

    /// How many docs are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Index `doc` as the doc at `path` (replacing what was there).
    pub fn insert(&mut self, path: PathBuf, doc: IndexedDoc) {
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.by_folder
            .entry(folder)
            .or_default()
            .insert(path.clone());
        self.docs.insert(path, doc);
    }

    /// Drop the doc at `path` from the index.
    pub fn remove(&mut self, path: &Path) {
        self.docs.remove(path);
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if let Some(paths) = self.by_folder.get_mut(&folder) {
            paths.remove(path);
            if paths.is_empty() {
                self.by_folder.remove(&folder);
            }
        }
    }

    /// Whether `path` lies under a workspace folder (the index covers it).
    pub fn covers(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }

    /// Whether the doc at `other` is in the case of the doc at `own`: both in one `[[case]]`
    /// of `project`, or, when `own` is in none, in one folder.
    pub fn in_case(own: &Path, other: &Path, project: &Project) -> bool {
        if own == other {
            return false;
        }
        if let Some(group) = project.case_group_of(own) {
            return project.root.as_ref().is_some_and(|root| {
                other
                    .strip_prefix(root)
                    .is_ok_and(|r| group.contains(&path_key(r)))
            });
        }
        other.parent() == own.parent()
    }

    /// The paths of the docs of the case of `own`: the indexed docs of its `[[case]]` in
    /// `project`, else of its folder.
    pub fn case_members(&self, own: &Path, project: &Project) -> Vec<PathBuf> {
        let mut members: Vec<PathBuf> = if project.case_group_of(own).is_some() {
            self.docs
                .keys()
                .filter(|p| Workspace::in_case(own, p, project))
                .cloned()
                .collect()
        } else {
            let folder = own.parent().map(Path::to_path_buf).unwrap_or_default();
            self.by_folder
                .get(&folder)
                .into_iter()
                .flatten()
                .filter(|p| p.as_path() != own)
                .cloned()
                .collect()
        };
        members.sort();
        members.truncate(crate::project::MAX_CASE_DOCS);
        members
    }

    /// The case facts of the doc at `own` from the index.
    pub fn facts_for(&self, own: &Path, project: &Project) -> CaseFacts {
        let others = self
            .case_members(own, project)
            .iter()
            .filter_map(|p| self.docs.get(p).map(|d| d.case.clone()))
            .collect();
        CaseFacts::from_others(&path_key(own), others)
    }

    /// Locations of `trait_id`'s headings and tags in the indexed docs not in `skip`.
    pub fn trait_locations(
        &self,
        trait_id: &str,
        skip: &HashSet<PathBuf>,
    ) -> (Vec<Location>, Vec<Location>) {
        let mut definitions = Vec::new();
        let mut tags = Vec::new();
        for (path, doc) in self.sorted(skip) {
            let Some(uri) = Uri::from_file_path(path) else {
                continue;
            };
            let at = |range: Range| Location {
                uri: uri.clone(),
                range,
            };
            definitions.extend(
                doc.definitions
                    .iter()
                    .filter(|(t, _)| t == trait_id)
                    .map(|(_, r)| at(*r)),
            );
            tags.extend(
                doc.tags
                    .iter()
                    .filter(|(t, _)| t == trait_id)
                    .map(|(_, r)| at(*r)),
            );
        }
        (definitions, tags)
    }

    /// Edits renaming every tag of `trait_id` to `#new_name` in the indexed docs not in `skip`.
    pub fn rename_tags(
        &self,
        trait_id: &str,
        new_name: &str,
        skip: &HashSet<PathBuf>,
    ) -> Vec<(Uri, Vec<TextEdit>)> {
        self.sorted(skip)
            .into_iter()
            .filter_map(|(path, doc)| {
                let edits: Vec<TextEdit> = doc
                    .tags
                    .iter()
                    .filter(|(t, _)| t == trait_id)
                    .map(|(_, range)| TextEdit {
                        range: *range,
                        new_text: format!("#{new_name}"),
                    })
                    .collect();
                (!edits.is_empty()).then(|| Some((Uri::from_file_path(path)?, edits)))?
            })
            .collect()
    }

    /// Workspace symbols whose name contains `query` (case-insensitive) in the indexed docs
    /// not in `skip`.
    pub fn symbols(&self, query: &str, skip: &HashSet<PathBuf>) -> Vec<WorkspaceSymbol> {
        let query = query.to_lowercase();
        let mut out = Vec::new();
        for (path, doc) in self.sorted(skip) {
            let Some(uri) = Uri::from_file_path(path) else {
                continue;
            };
            for (name, kind, range) in &doc.symbols {
                if name.to_lowercase().contains(&query) {
                    out.push(WorkspaceSymbol {
                        name: name.clone(),
                        kind: *kind,
                        tags: None,
                        container_name: Some(doc.kind.id().to_string()),
                        location: OneOf::Left(Location {
                            uri: uri.clone(),
                            range: *range,
                        }),
                        data: None,
                    });
                }
            }
        }
        out
    }

    /// The indexed docs not in `skip`, by path.
    fn sorted(&self, skip: &HashSet<PathBuf>) -> Vec<(&PathBuf, &IndexedDoc)> {
        let mut docs: Vec<(&PathBuf, &IndexedDoc)> = self
            .docs
            .iter()
            .filter(|(p, _)| !skip.contains(*p))
            .collect();
        docs.sort_by(|a, b| a.0.cmp(b.0));
        docs
    }
}

/// The case facts of the doc at `own` for its analysis: the docs of its case from the index,
/// the open buffers among them read at their versions (open wins over disk). A doc outside
/// every workspace folder has its folder read once, the first time.
pub fn case_facts(
    workspace: &Mutex<Workspace>,
    own: &Path,
    project: &Project,
    open: &HashMap<Arc<Path>, super::documents::OpenDocument>,
) -> CaseFacts {
    let (read_folder, encoding) = {
        let mut ws = lock_workspace(workspace);
        let dir = own.parent().map(Path::to_path_buf).unwrap_or_default();
        let read = !ws.covers(own) && ws.folders.insert(dir);
        (read, ws.encoding.unwrap_or(Encoding::Utf16))
    };
    if read_folder {
        let (paths, skipped) = project.case_paths(own);
        let mut projects = std::mem::take(&mut lock_workspace(workspace).projects);
        let mut found = Vec::new();
        for path in paths.into_iter().filter(|p| p != own) {
            match index_file(&path, &mut projects, encoding) {
                Ok(Some(doc)) => found.push((path, Ok(doc))),
                Ok(None) => {}
                Err(why) => found.push((path, Err(why))),
            }
        }
        let mut ws = lock_workspace(workspace);
        ws.projects = projects;
        ws.skipped.extend(skipped);
        for (path, doc) in found {
            match doc {
                Ok(doc) => {
                    if !ws.docs.contains_key(&path) {
                        ws.insert(path, doc);
                    }
                }
                Err(why) => ws.skipped.push((path, why)),
            }
        }
    }
    for (path, doc) in open {
        if !Workspace::in_case(own, path, project) {
            continue;
        }
        let stale = lock_workspace(workspace)
            .docs
            .get(path.as_ref())
            .is_none_or(|d| d.stamp != Stamp::Open(doc.version));
        if stale {
            let text = doc.text();
            let (_, settings) = lock_workspace(workspace).projects.of(path);
            let indexed = index_text(
                path,
                &text,
                Stamp::Open(doc.version),
                project,
                &settings,
                encoding,
            );
            let mut ws = lock_workspace(workspace);
            match indexed {
                Some(indexed) => {
                    ws.insert(path.to_path_buf(), indexed);
                }
                None => {
                    ws.remove(path);
                }
            }
        }
    }
    lock_workspace(workspace).facts_for(own, project)
}

/// The doc at `path` was closed: the disk says again what it holds.
pub fn closed(workspace: &Mutex<Workspace>, path: &Path) {
    let was_open = {
        let mut ws = lock_workspace(workspace);
        let open = matches!(ws.docs.get(path), Some(d) if matches!(d.stamp, Stamp::Open(_)));
        if open {
            ws.remove(path);
        }
        open
    };
    if was_open {
        Workspace::refresh_from_disk(workspace, path);
    }
}

/// What one full index run did.
#[derive(Debug, Default, Clone)]
pub struct IndexFigures {
    /// Markdown files walked.
    pub files: usize,
    /// Growth docs indexed.
    pub docs: usize,
    pub skipped: usize,
    pub took: std::time::Duration,
}
