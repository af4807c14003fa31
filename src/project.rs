//! Everything rung reads from disk, for the command line and the language server: the nearest
//! `rung.toml`, the ladder files it names, growth docs inside folders, and the targets of links
//! (for the language server, through the editor's text of the files it has open). The analysis
//! core never calls this; adapters pass what it returns in.

use crate::analysis::document::DocKind;
use crate::analysis::parse::heading_anchors;
use crate::analysis::{LinkResolver, LinkTarget, Settings};
use crate::catalogue::{Catalogue, LocatedError, builtin_traits, parse_ladder};
use crate::config::{self, Config};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// The largest file rung reads as a document or a ladder (a growth doc is kilobytes; this is a
/// guard against pointing rung at a disk image, not a size cliff for real documents).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a project reads `rung.toml` and its ladder files: [`read_text`], or the editor's text.
pub type ReadText<'a> = &'a dyn Fn(&Path) -> Result<String, String>;

/// A folder governed by one `rung.toml` (or none), with the settings it implies.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder holding `rung.toml`; `None` when there is no config.
    pub root: Option<PathBuf>,
    pub config: Config,
    pub settings: Settings,
    /// Problems in `rung.toml` or its ladders. rung keeps going with defaults for what failed.
    pub problems: Vec<LocatedError>,
}

impl Project {
    pub fn defaults() -> Project {
        Project {
            root: None,
            config: Config::default(),
            settings: Settings::default(),
            problems: Vec::new(),
        }
    }

    /// The project of the nearest `rung.toml` in `dir` or one of its parents.
    pub fn discover(dir: &Path) -> Project {
        Project::discover_with(dir, &read_text)
    }

    /// [`Project::discover`], reading `rung.toml` and its ladders with `read` (the language
    /// server passes the editor's text of those that are open, saved or not).
    pub fn discover_with(dir: &Path, read: ReadText<'_>) -> Project {
        match find_config(dir) {
            Some(path) => Project::load_with(&path, read),
            None => Project::defaults(),
        }
    }

    /// Read `rung.toml` at `config_path` and the ladders it names.
    pub fn load(config_path: &Path) -> Project {
        Project::load_with(config_path, &read_text)
    }

    /// [`Project::load`], reading files with `read`.
    pub fn load_with(config_path: &Path, read: ReadText<'_>) -> Project {
        let root = config_path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let label = config_path.display().to_string();
        let mut project = Project {
            root: Some(root.clone()),
            ..Project::defaults()
        };
        let text = match read(config_path) {
            Ok(text) => text,
            Err(message) => {
                project.problems.push(LocatedError {
                    file: label,
                    line: 1,
                    column: 1,
                    message,
                });
                return project;
            }
        };
        // Each part of rung.toml stands on its own: what is wrong is reported, the rest applies.
        let (config, errors) = Config::parse(&text, &label);
        project.problems.extend(errors);

        let base_traits = builtin_traits();
        let mut catalogue = Catalogue::builtin();
        for (relative, line, column) in &config.ladder_files {
            let at = |message: String| LocatedError {
                file: label.clone(),
                line: *line,
                column: *column,
                message,
            };
            let path = match contained_path(&root, relative) {
                Ok(path) => path,
                Err(message) => {
                    project.problems.push(at(message));
                    continue;
                }
            };
            match read(&path) {
                Ok(ladder_text) => {
                    match parse_ladder(&ladder_text, &path.display().to_string(), &base_traits) {
                        Ok(ladder) => catalogue.add(ladder),
                        Err(error) => project.problems.push(error),
                    }
                }
                Err(message) => project.problems.push(at(message)),
            }
        }
        project.settings.catalogue = catalogue;
        if let Some(ladder) = &config.ladder {
            if project.settings.catalogue.ladder(ladder).is_some() {
                project.settings.default_ladder = ladder.clone();
            } else {
                let known = project.settings.catalogue.ids();
                let (line, column) = config.ladder_position;
                project.problems.push(LocatedError {
                    file: label.clone(),
                    line,
                    column,
                    message: format!(
                        "unknown default ladder `{ladder}`: use one of {}",
                        known.join(", ")
                    ),
                });
            }
        }
        project.settings.severities = config.severities.clone();
        project.config = config;
        project
    }

    /// The kind `rung.toml` gives `path` when one of its include globs matches it.
    pub fn config_kind_for(&self, path: &Path) -> Option<DocKind> {
        let root = self.root.as_ref()?;
        let absolute_root = std::fs::canonicalize(root).ok()?;
        let absolute = std::fs::canonicalize(path).ok()?;
        let relative = absolute.strip_prefix(&absolute_root).ok()?;
        let relative = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if !self.config.includes(&relative) {
            return None;
        }
        let by_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(DocKind::from_file_name);
        Some(self.config.kind.or(by_name).unwrap_or(DocKind::Brag))
    }
}

/// The most docs one case reads besides the doc itself: a person's brag doc, promo docs and
/// growth plans are a handful; a folder of thousands of notes is not one case.
pub const MAX_CASE_DOCS: usize = 64;

/// The most Markdown files of a folder looked at to find its growth docs; past that, only files
/// whose name or a `rung.toml` include says so are read.
pub const MAX_CASE_CANDIDATES: usize = 512;

/// The largest other doc of a case rung reads: a brag doc kept for years is a few hundred
/// kilobytes; a 50 MB export beside a promo doc is checked on its own, not re-read for it.
pub const MAX_CASE_DOC_BYTES: u64 = 8 * 1024 * 1024;

/// The docs of one case as read from disk (or from the editor's open buffers).
#[derive(Debug, Default)]
pub struct LoadedCase {
    /// Growth docs of the case, each analysed alone: lexically normal absolute path, text, model.
    pub docs: Vec<LoadedDoc>,
    /// Files left out, each with why (unreadable, too large, too many).
    pub skipped: Vec<(PathBuf, String)>,
}

#[derive(Debug)]
pub struct LoadedDoc {
    pub path: PathBuf,
    pub text: String,
    pub document: crate::analysis::document::Document,
}

/// `path` made absolute against the working folder and lexically normal (no disk access
/// beyond the working folder).
pub fn absolute_normal(path: &Path) -> PathBuf {
    lexically_normal(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// A path as the core names case members: `/`-separated.
pub fn path_key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl Project {
    /// The first `[[case]]` of `rung.toml` that holds `file` (a path under the project's root),
    /// if any: `file`'s case is then that group's files, else its folder's docs.
    pub fn case_group_of(&self, file: &Path) -> Option<&crate::config::CaseGroup> {
        let relative = path_key(file.strip_prefix(self.root.as_ref()?).ok()?);
        self.config.cases.iter().find(|g| g.contains(&relative))
    }

    /// The files of the case of `file`: those of the first `[[case]]` of `rung.toml` that
    /// holds it, else the Markdown files of its folder. `file` itself is among them. Files
    /// past the limits are returned in the second list, with why.
    pub fn case_paths(&self, file: &Path) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
        let file = absolute_normal(file);
        let mut skipped = Vec::new();
        if let Some(root) = &self.root {
            let root = absolute_normal(root);
            if let Ok(relative) = file.strip_prefix(&root) {
                let relative = path_key(relative);
                if let Some(group) = self.config.cases.iter().find(|g| g.contains(&relative)) {
                    let mut files: Vec<PathBuf> = markdown_files(&root)
                        .into_iter()
                        .map(|p| absolute_normal(&p))
                        .filter(|p| {
                            p.strip_prefix(&root)
                                .is_ok_and(|r| group.contains(&path_key(r)))
                        })
                        .collect();
                    if !files.contains(&file) {
                        files.push(file.clone());
                    }
                    return (files, skipped);
                }
            }
        }
        let Some(dir) = file.parent() else {
            return (vec![file], skipped);
        };
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
                .map(|e| e.path())
                .filter(|p| is_markdown(p))
                .collect(),
            Err(e) => {
                skipped.push((dir.to_path_buf(), format!("cannot list: {}", io_reason(&e))));
                Vec::new()
            }
        };
        files.sort();
        if files.len() > MAX_CASE_CANDIDATES {
            let before = files.len();
            files.retain(|p| {
                *p == file
                    || p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(DocKind::from_file_name)
                        .is_some()
                    || self.config_kind_for(p).is_some()
            });
            skipped.push((
                dir.to_path_buf(),
                format!(
                    "holds {before} Markdown files, more than the {MAX_CASE_CANDIDATES} rung reads for a case: only the {} named as growth docs are read",
                    files.len()
                ),
            ));
        }
        if !files.contains(&file) {
            files.push(file);
        }
        (files, skipped)
    }

    /// Read and analyse the docs of the case of `file` (the doc itself included, from `own`'s
    /// text when given). `open` answers for files open in an editor, saved or not.
    pub fn load_case(
        &self,
        file: &Path,
        own: Option<&str>,
        open: Option<&dyn OpenFiles>,
    ) -> LoadedCase {
        let (paths, skipped) = self.case_paths(file);
        self.load_case_paths(paths, skipped, file, own, open)
    }

    /// [`Project::load_case`] for paths [`Project::case_paths`] gave.
    pub fn load_case_paths(
        &self,
        paths: Vec<PathBuf>,
        mut skipped: Vec<(PathBuf, String)>,
        file: &Path,
        own: Option<&str>,
        open: Option<&dyn OpenFiles>,
    ) -> LoadedCase {
        let file = absolute_normal(file);
        let mut docs = Vec::new();
        for path in paths {
            if docs.len() > MAX_CASE_DOCS {
                skipped.push((
                    path,
                    format!(
                        "the case already holds {MAX_CASE_DOCS} other docs, the most rung reads"
                    ),
                ));
                continue;
            }
            let text = if path == file
                && let Some(own) = own
            {
                own.to_string()
            } else if let Some(text) = open.and_then(|o| o.text(&path)) {
                text
            } else {
                if let Ok(metadata) = std::fs::metadata(&path)
                    && metadata.len() > MAX_CASE_DOC_BYTES
                {
                    skipped.push((
                        path,
                        format!(
                            "is {} MB, larger than the {} MB rung reads as another doc of a case (check it on its own)",
                            metadata.len() / 1_000_000,
                            MAX_CASE_DOC_BYTES / 1_000_000
                        ),
                    ));
                    continue;
                }
                match read_text(&path) {
                    Ok(text) => text,
                    Err(message) => {
                        skipped.push((path, message));
                        continue;
                    }
                }
            };
            let input = crate::analysis::Input {
                file_name: path.file_name().and_then(|n| n.to_str()),
                config_kind: self.config_kind_for(&path),
                ..crate::analysis::Input::new(&text)
            };
            let analysis =
                crate::analysis::analyze(&input, &self.settings, &crate::analysis::NoFileSystem);
            if let Some(document) = analysis.document {
                docs.push(LoadedDoc {
                    path,
                    text,
                    document,
                });
            }
        }
        LoadedCase { docs, skipped }
    }
}

impl LoadedCase {
    /// What the other docs of the case tell the analysis of `file`.
    pub fn facts_for(&self, file: &Path, settings: &Settings) -> crate::analysis::case::CaseFacts {
        let keys: Vec<String> = self.docs.iter().map(|d| path_key(&d.path)).collect();
        let members: Vec<crate::analysis::case::Member> = self
            .docs
            .iter()
            .zip(&keys)
            .map(|(d, key)| crate::analysis::case::Member {
                path: key,
                text: &d.text,
                doc: &d.document,
            })
            .collect();
        crate::analysis::case::CaseFacts::new(
            &path_key(&absolute_normal(file)),
            &members,
            &settings.catalogue,
        )
    }
}

/// The Markdown files under `root` (at most `max_files`) (what `.gitignore` and hidden folders hide left out, links
/// not followed), and what was skipped on the way.
pub fn walk_markdown(root: &Path, max_files: usize) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut links = 0usize;
    let mut past_limit = 0usize;
    for entry in ignore::WalkBuilder::new(root).follow_links(false).build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error_path(&error).unwrap_or_else(|| root.to_path_buf());
                skipped.push((path, format!("cannot read: {error}")));
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if !is_markdown(entry.path()) {
            continue;
        }
        if file_type.is_symlink() {
            links += 1;
            continue;
        }
        if !file_type.is_file() {
            continue;
        }
        if files.len() >= max_files {
            past_limit += 1;
            continue;
        }
        files.push(lexically_normal(entry.path()));
    }
    if links > 0 {
        skipped.push((
            root.to_path_buf(),
            format!(
                "{links} symbolic links to Markdown files not followed (open them to check them)"
            ),
        ));
    }
    if past_limit > 0 {
        skipped.push((
            root.to_path_buf(),
            format!(
                "{past_limit} Markdown files past the first {max_files} not indexed (open them to check them)"
            ),
        ));
    }
    files.sort();
    (files, skipped)
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// The text of the file at `path` with its size and modification time, for an index that reads
/// a file again only when they change: `Ok(None)` when there is no such file, an error saying
/// why when it is larger than `max_bytes` (`reader` names what refuses it) or unreadable.
pub fn read_stamped(
    path: &Path,
    max_bytes: u64,
    reader: &str,
) -> Result<Option<(String, u64, Option<std::time::SystemTime>)>, String> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read: {}", io_reason(&e))),
    };
    if !metadata.is_file() {
        return Ok(None);
    }
    if metadata.len() > max_bytes {
        return Err(format!(
            "is {} MB, larger than the {} MB {reader} reads (open it to check it)",
            metadata.len() / 1_000_000,
            max_bytes / 1_000_000
        ));
    }
    let text = read_text(path)?;
    Ok(Some((text, metadata.len(), metadata.modified().ok())))
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The nearest `rung.toml` in `dir` or its parents.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    start
        .ancestors()
        .map(|d| d.join(config::FILE_NAME))
        .find(|p| p.is_file())
}

/// `relative` joined to `root`, refusing absolute paths and paths that climb out of `root`.
pub fn contained_path(root: &Path, relative: &str) -> Result<PathBuf, String> {
    let path = Path::new(relative);
    if path.is_absolute() || relative.starts_with('/') || relative.starts_with('\\') {
        return Err(format!(
            "`{relative}` is an absolute path: name ladder files relative to rung.toml's folder"
        ));
    }
    let mut depth = 0i32;
    for component in path.components() {
        match component {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::Prefix(_) | Component::RootDir => {
                return Err(format!("`{relative}` is an absolute path"));
            }
        }
        if depth < 0 {
            return Err(format!("`{relative}` points outside rung.toml's folder"));
        }
    }
    Ok(root.join(path))
}

/// Read a file as UTF-8 text, with an error that says what is wrong with it.
pub fn read_text(path: &Path) -> Result<String, String> {
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if metadata.is_dir() {
        return Err("is a folder, not a file".to_string());
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is {} MB, larger than the {} MB rung reads",
            metadata.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = &e.as_bytes()[..offset];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        format!("is not UTF-8 text: invalid byte at line {line} (byte offset {offset})")
    })
}

/// Replace the text of the file at `path` (for `rung check --fix`): written to a temporary file
/// beside it, given the file's permissions, then renamed over it, so that a failed write never
/// leaves half a document. A symbolic link keeps pointing at the file it names.
pub fn write_text(path: &Path, text: &str) -> Result<(), String> {
    let target =
        std::fs::canonicalize(path).map_err(|e| format!("cannot write: {}", io_reason(&e)))?;
    let metadata =
        std::fs::metadata(&target).map_err(|e| format!("cannot write: {}", io_reason(&e)))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.rung-fix-{}", std::process::id()));
    let written = std::fs::write(&temporary, text)
        .and_then(|()| std::fs::set_permissions(&temporary, metadata.permissions()))
        .and_then(|()| std::fs::rename(&temporary, &target));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("cannot write: {}", io_reason(&e))
    })
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// Markdown files under `dir`, skipping what `.gitignore` and hidden folders hide, in a stable
/// order.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    walk_markdown_files(dir).files
}

/// How deep a walk goes below the folder it starts in: real career folders are a few levels
/// deep; a folder nested thousands deep (generated, or a mistake) is not walked to the bottom.
pub const MAX_WALK_DEPTH: usize = 64;
/// The most Markdown files one walk collects: a home folder or a disk image, not a case.
pub const MAX_WALK_FILES: usize = 100_000;

/// What a walk found, and what it passed over and why (for `rung check` and the server to say).
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    /// A path (or the folder) with the reason it was not read: a symbolic-link loop, a link to
    /// nothing, a folder that cannot be read, nesting past [`MAX_WALK_DEPTH`], the file limit.
    pub skipped: Vec<(PathBuf, String)>,
}

/// [`markdown_files`], with what was skipped. Symbolic links are not followed into folders (so
/// a link loop cannot make the walk endless), but a link to a Markdown file is read as that file.
pub fn walk_markdown_files(dir: &Path) -> Walk {
    let mut walk = Walk::default();
    let is_markdown = |path: &Path| {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
    };
    for entry in ignore::WalkBuilder::new(dir)
        .max_depth(Some(MAX_WALK_DEPTH))
        .build()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = walk_error_path(&error).unwrap_or_else(|| dir.to_path_buf());
                walk.skipped.push((path, error.to_string()));
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() && entry.depth() == MAX_WALK_DEPTH {
            walk.skipped.push((
                entry.into_path(),
                format!("nested more than {MAX_WALK_DEPTH} folders deep: not walked"),
            ));
            continue;
        }
        if !is_markdown(entry.path()) {
            continue;
        }
        if file_type.is_symlink() {
            match std::fs::metadata(entry.path()) {
                Ok(metadata) if metadata.is_file() => {}
                Ok(_) => continue,
                Err(error) => {
                    let reason = match error.raw_os_error() {
                        Some(libc::ELOOP) => "a loop of symbolic links".to_string(),
                        _ => format!(
                            "a symbolic link to nothing readable ({})",
                            io_reason(&error)
                        ),
                    };
                    walk.skipped.push((entry.into_path(), reason));
                    continue;
                }
            }
        } else if !file_type.is_file() {
            continue;
        }
        if walk.files.len() == MAX_WALK_FILES {
            walk.skipped.push((
                dir.to_path_buf(),
                format!("more than {MAX_WALK_FILES} Markdown files: the rest are not read"),
            ));
            break;
        }
        walk.files.push(entry.into_path());
    }
    walk.files.sort();
    walk
}

fn walk_error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// Resolves links relative to the folder of the document being checked.
pub struct FsLinks {
    base: PathBuf,
    /// One look at the disk per target and analysis, however often the doc links to it.
    seen: RefCell<HashMap<String, LinkTarget>>,
    /// Kept between analyses by the language server; `None` for a single check.
    cache: Option<Arc<Mutex<LinkCache>>>,
    /// Files open in the editor: a link into one resolves against its text there, saved or not.
    open: Option<Box<dyn OpenFiles>>,
}

/// Files open in an editor, whose text may differ from what is on disk.
pub trait OpenFiles {
    /// The editor's version of the file at `path` (a lexically normal absolute path), if open.
    fn version(&self, path: &Path) -> Option<i32>;
    /// The editor's text of the file at `path`, if open.
    fn text(&self, path: &Path) -> Option<String>;
}

/// `path` with `.` and `..` components resolved without touching the disk (a link's
/// `../notes/brag.md` and the editor's path of the same file compare equal).
pub fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out
}

/// What earlier analyses of one document learnt about its link targets. A Markdown target is
/// read and its headings parsed again only when its size or modification time changed: a
/// language server analyses on every keystroke, and reading each linked design doc each time
/// cost more than analysing the document itself. Targets the latest analysis did not link to
/// are dropped when it ends.
#[derive(Default)]
pub struct LinkCache {
    targets: HashMap<PathBuf, (Stamp, LinkTarget)>,
    /// Targets looked up by the analysis running now.
    used: Vec<PathBuf>,
    /// Targets looked up afresh so far, not answered from the cache (for tests).
    reads: usize,
}

/// What tells that a target's content is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stamp {
    /// A file on disk: its size and modification time.
    Disk(u64, Option<std::time::SystemTime>),
    /// A file open in the editor: its version there.
    Open(i32),
    /// No file.
    Absent,
}

impl LinkCache {
    /// True when the latest analysis resolved a link into the file at `path` (lexically
    /// normal): a change to that file may change this document's diagnostics.
    pub fn links_to(&self, path: &Path) -> bool {
        self.targets.contains_key(path)
    }
}

impl FsLinks {
    pub fn new(base: PathBuf) -> FsLinks {
        FsLinks {
            base,
            seen: Default::default(),
            cache: None,
            open: None,
        }
    }

    /// Resolve through `cache`, and keep in it what this analysis learns.
    pub fn with_cache(base: PathBuf, cache: Arc<Mutex<LinkCache>>) -> FsLinks {
        FsLinks {
            base,
            seen: Default::default(),
            cache: Some(cache),
            open: None,
        }
    }

    /// Resolve links into files open in the editor against their text there.
    pub fn with_open_files(mut self, open: Box<dyn OpenFiles>) -> FsLinks {
        self.open = Some(open);
        self
    }

    fn look(&self, path: &str) -> LinkTarget {
        let target = lexically_normal(&if Path::new(path).is_absolute() {
            PathBuf::from(path)
        } else {
            self.base.join(path)
        });
        if let Some(open) = &self.open
            && let Some(version) = open.version(&target)
        {
            return self.through_cache(target.clone(), Stamp::Open(version), || {
                LinkTarget::Found {
                    anchors: heading_anchors(&open.text(&target).unwrap_or_default()).into(),
                }
            });
        }
        let Ok(metadata) = std::fs::metadata(&target) else {
            // Kept too, so opening the file in the editor tells that this document links to it.
            return self.through_cache(target, Stamp::Absent, || LinkTarget::Missing);
        };
        if metadata.is_dir() {
            return LinkTarget::Found {
                anchors: Arc::new([]),
            };
        }
        if !metadata.is_file() {
            return LinkTarget::Missing;
        }
        let is_markdown = target
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if !is_markdown {
            return LinkTarget::Found {
                anchors: Arc::new([]),
            };
        }
        let read = |target: &Path| match read_text(target) {
            Ok(text) => LinkTarget::Found {
                anchors: heading_anchors(&text).into(),
            },
            Err(_) => LinkTarget::Unknown,
        };
        let stamp = Stamp::Disk(metadata.len(), metadata.modified().ok());
        self.through_cache(target.clone(), stamp, || read(&target))
    }

    /// What `read` finds for a Markdown target, unless the cache holds it with the same stamp.
    fn through_cache(
        &self,
        target: PathBuf,
        stamp: Stamp,
        read: impl FnOnce() -> LinkTarget,
    ) -> LinkTarget {
        let Some(cache) = &self.cache else {
            return read();
        };
        let mut cache = lock_links(cache);
        cache.used.push(target.clone());
        match cache.targets.get(&target) {
            Some((kept, found)) if *kept == stamp => found.clone(),
            _ => {
                cache.reads += 1;
                let found = read();
                cache.targets.insert(target, (stamp, found.clone()));
                found
            }
        }
    }
}

impl Drop for FsLinks {
    /// The analysis is over: keep only the targets it linked to.
    fn drop(&mut self) {
        if let Some(cache) = &self.cache {
            let mut cache = lock_links(cache);
            let used: std::collections::HashSet<PathBuf> =
                std::mem::take(&mut cache.used).into_iter().collect();
            cache.targets.retain(|target, _| used.contains(target));
        }
    }
}

/// A lock on a link cache that survives a panic in another analysis: the cache is never left
/// half-changed.
pub fn lock_links(cache: &Mutex<LinkCache>) -> MutexGuard<'_, LinkCache> {
    cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl LinkResolver for FsLinks {
    fn resolve(&self, path: &str) -> LinkTarget {
        if let Some(found) = self.seen.borrow().get(path) {
            return found.clone();
        }
        let found = self.look(path);
        self.seen
            .borrow_mut()
            .insert(path.to_string(), found.clone());
        found
    }
}

/// Today's date as `YYYY-MM-DD` (UTC), for fixes that date an entry and for templates.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A target found with these anchors.
    fn found(anchors: &[&str]) -> LinkTarget {
        LinkTarget::Found {
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn linked_files_are_read_again_only_when_they_change() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let target = dir.path().join("design.md");
        std::fs::write(&target, "# One\n").expect("write the linked file");
        let cache = Arc::new(Mutex::new(LinkCache::default()));
        let resolve =
            |path: &str| FsLinks::with_cache(dir.path().to_path_buf(), cache.clone()).resolve(path);

        assert_eq!(resolve("design.md"), found(&["one"]));
        assert_eq!(resolve("design.md"), found(&["one"]));
        assert_eq!(
            lock_links(&cache).reads,
            1,
            "an unchanged file is not read again"
        );

        std::fs::write(&target, "# One\n\n## Two\n").expect("change the linked file");
        assert_eq!(resolve("design.md"), found(&["one", "two"]));
        assert_eq!(lock_links(&cache).reads, 2);

        std::fs::remove_file(&target).expect("remove the linked file");
        assert_eq!(resolve("design.md"), LinkTarget::Missing);
        // An analysis that links to nothing leaves nothing kept.
        drop(FsLinks::with_cache(dir.path().to_path_buf(), cache.clone()));
        assert!(lock_links(&cache).targets.is_empty());
    }

    /// One open file, at a version, with a text.
    struct OneOpen(PathBuf, i32, String);

    impl OpenFiles for OneOpen {
        fn version(&self, path: &Path) -> Option<i32> {
            (path == self.0).then_some(self.1)
        }
        fn text(&self, path: &Path) -> Option<String> {
            (path == self.0).then(|| self.2.clone())
        }
    }

    #[test]
    fn links_into_open_files_resolve_against_the_editors_text() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let saved = dir.path().join("brag.md");
        std::fs::write(&saved, "# Saved\n").expect("write the linked file");
        let cache = Arc::new(Mutex::new(LinkCache::default()));
        let resolve = |open: Option<OneOpen>, path: &str| {
            let links = FsLinks::with_cache(dir.path().join("promo"), cache.clone());
            match open {
                Some(open) => links.with_open_files(Box::new(open)).resolve(path),
                None => links.resolve(path),
            }
        };
        let open = |version: i32, text: &str| Some(OneOpen(saved.clone(), version, text.into()));

        // The same file by another path; its unsaved heading counts.
        assert_eq!(
            resolve(open(1, "# Saved\n## Unsaved\n"), "../brag.md"),
            found(&["saved", "unsaved"])
        );
        assert_eq!(
            resolve(open(1, "ignored: same version"), "./../brag.md"),
            found(&["saved", "unsaved"])
        );
        assert_eq!(
            lock_links(&cache).reads,
            1,
            "an unchanged version is not parsed again"
        );
        assert!(lock_links(&cache).links_to(&saved));
        assert_eq!(
            resolve(open(2, "# Renamed\n"), "../brag.md"),
            found(&["renamed"])
        );
        // Open but never saved: found all the same.
        std::fs::remove_file(&saved).expect("remove the linked file");
        assert_eq!(resolve(open(3, "# New\n"), "../brag.md"), found(&["new"]));
        // Closed: the disk says again.
        assert_eq!(resolve(None, "../brag.md"), LinkTarget::Missing);
    }

    #[test]
    fn paths_are_made_lexically_normal() {
        assert_eq!(
            lexically_normal(Path::new("/a/b/./../c/d.md")),
            PathBuf::from("/a/c/d.md")
        );
        assert_eq!(
            lexically_normal(Path::new("a/../../b")),
            PathBuf::from("../b")
        );
        assert_eq!(
            lexically_normal(Path::new("../../b")),
            PathBuf::from("../../b")
        );
        assert_eq!(lexically_normal(Path::new("/../b")), PathBuf::from("/b"));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_419), (2025, 11, 27));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn ladder_paths_must_stay_inside_the_project() {
        let root = Path::new("/work/p");
        assert!(contained_path(root, "ladders/acme.toml").is_ok());
        assert!(contained_path(root, "./ladders/../acme.toml").is_ok());
        assert!(
            contained_path(root, "../acme.toml")
                .unwrap_err()
                .contains("outside")
        );
        assert!(
            contained_path(root, "/etc/passwd")
                .unwrap_err()
                .contains("absolute")
        );
    }
}
