//! rung: a language server and command-line checker for growth docs — promotion documents,
//! growth plans, brag documents and retrospectives — read against a career ladder.
//!
//! # The map, in reading order
//!
//! - [`catalogue`]: ladders as data. Built-in ladders and the trait catalogue are TOML files
//!   compiled into the binary; custom ladders use the same schema and are validated with file,
//!   line and column.
//! - [`analysis`]: the pure core. `analyze` takes a document's text and [`analysis::Settings`]
//!   and returns the document model ([`analysis::document`]) and diagnostics. Inside it:
//!   `front_matter` (YAML with positions) → `parse/` (one pass over pulldown-cmark events:
//!   `builder` turns block events into sections and entries in the layouts real docs use —
//!   nested date labels, paragraphs, pasted bullets, table rows, bold-line headings —, one
//!   file per kind of block (`builder/lists`, `paragraphs`, `tables`, `sections`, `text`,
//!   `entries`), `inline` finds `#tag` words, `columns` reads a table's header cells (work,
//!   impact, dates, status, plans), `headings` reads what a heading makes of its section,
//!   `wording` tells claims from prompts, `plans` finds a growth plan's look back;
//!   `chunks` splits a large body into pieces that parse the same) → `infer` (the traits an
//!   untagged entry shows, from the ladder's signals) → `rules` (one file per rule, one
//!   registry) → diagnostics with byte spans and fixes. `words/` holds the word-level
//!   recognisers (tokeniser, quantities, and the word lists as data in `words/lexicon/`);
//!   `impact` reads an entry's quantities with them for `vague-win` (`impact/reader` walks the
//!   tokens, `clauses` finds clause ends, `classify` decides what governs each quantity by the
//!   questions `context` and `governed` ask of its neighbours, `structures` finds
//!   before→after, zero and people outcomes), `weak-verb` reads the same
//!   tokens (`words::reading`: one tokenisation per judged entry per analysis, kept in one memo
//!   table and, as each entry's impact, in the document for `Document::entry_impact`);
//!   `words::dates`, `words::names` and `words::placeholders` are the other recognisers. `case` reads the
//!   docs of one person together: what the other docs of a case evidence counts for a doc's
//!   traits, and an entry citing another doc's entries is judged by them (`Input::case`). `memo` keeps
//!   per-text results and each large-body piece's model (with the rules' results for its
//!   entries) between analyses of one open document, so an edit re-parses and re-judges only the
//!   piece it touched.
//! - [`config`]: `rung.toml` — include globs, default ladder, custom ladders, rule severities —
//!   parsed from text, with errors that say where.
//! - [`project`]: the only module of the library that touches the file system (and the clock): finds the nearest
//!   `rung.toml`, loads the ladders it names, finds growth docs in folders and the docs of a
//!   case, resolves links
//!   (with a cache the language server keeps per document, so linked files are re-read only
//!   when they change, and through the editor's text of linked files that are open).
//! - [`lsp`]: `rung lsp`, the language server on stdio (tower-lsp-server, tokio, ropey), a thin
//!   adapter that keeps a rope (with its line starts, kept through edits) and a memo per open document and turns core results into LSP
//!   types (the editor features themselves are in `analysis::ide`, one file each); diagnostics,
//!   pushed or pulled, and the large results (outline, tokens, lenses, folds) are written as JSON
//!   straight from the core's values, past tower-lsp-server's `Value` tree. Its
//!   `workspace` index holds the growth docs of the workspace folders from disk (open buffers
//!   winning), for cases and navigation across files.
//! - [`cli`]: the `rung` command line — `check` (with `--fix` and `--diff`), `explain`,
//!   `rules`, `ladder`, `report`, `new` — and its renderers (human, JSON, GitHub annotations,
//!   SARIF).
//!
//! # Invariants
//!
//! - `analysis` and `catalogue` do no I/O and name no protocol or terminal type: text in, data
//!   out. What they need from the outside world (other files, today's date) is passed in.
//!   A `tidy` test enforces this.
//! - Everything in the core is in byte offsets into the document; adapters convert to lines and
//!   UTF-16 or UTF-8 columns at the edge ([`analysis::text::LineIndex`]).
//! - A document is parsed once per analysis (at most, with a memo: unchanged pieces are not);
//!   rules read the model, they never re-parse.
//! - An analysis with a memo equals one without: a memo only holds results of pure functions of
//!   the text they are keyed by, or held beside (property tests check this over edit sequences).
//! - No rule or request rescans the document per section or per trait: what lies under each is
//!   worked out in one pass (the analysis benchmark's draft of empty headings shows a rescan).
//! - Bad input never panics: it becomes a diagnostic or an error that names the place.

pub mod analysis;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod lsp;
pub mod project;
