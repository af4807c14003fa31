//! The `rung` command line: argument parsing and one function per subcommand. Each subcommand
//! reads files through `project`, analyses through `analysis`, and prints; none holds analysis
//! logic of its own.

mod check;
mod fix;
mod ladder;
mod new;
mod render;
pub mod report;
mod rules;
mod sarif;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit codes of every subcommand (DESIGN §6).
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser)]
#[command(
    name = "rung",
    version,
    about = "Checks growth docs — promo docs, growth plans, brag docs, retros — against a career ladder"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The output formats of `rung report`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// A table: each expected trait and the entries that evidence it.
    Human,
    /// One JSON object with the traits and their entries.
    Json,
    /// GitHub workflow annotations: a warning per expected trait without evidence.
    Github,
    /// One self-contained HTML page with a chart of evidence per expected trait.
    Html,
}

/// The output formats of `rung check` (`report` has its own set).
#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style text with the source line and a caret.
    Human,
    /// One JSON array (DESIGN §6).
    Json,
    /// GitHub workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// The lowest severity that makes `rung check` exit 1.
#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
}

impl From<FailOn> for crate::analysis::diagnostic::Severity {
    fn from(level: FailOn) -> Self {
        use crate::analysis::diagnostic::Severity;
        match level {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
            FailOn::Hint => Severity::Hint,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Promo,
    GrowthPlan,
    Brag,
    Retro,
}

impl From<KindArg> for crate::analysis::document::DocKind {
    fn from(kind: KindArg) -> Self {
        use crate::analysis::document::DocKind;
        match kind {
            KindArg::Promo => DocKind::Promo,
            KindArg::GrowthPlan => DocKind::GrowthPlan,
            KindArg::Brag => DocKind::Brag,
            KindArg::Retro => DocKind::Retro,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout.
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Check growth docs in files and folders (folders are searched for growth docs).
    Check {
        /// Files or folders; the current folder when none is given; `-` reads one doc from
        /// standard input (`rung new promo | rung check -`).
        paths: Vec<PathBuf>,
        /// Read the named files as this kind of doc, whatever their name or front matter says.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormat,
        /// The lowest severity that fails the run (exit 1); problems in rung.toml always do.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Apply the mechanical fixes in place (misspelt keys, trait and section headings and
        /// tags, today's date on undated brag entries), then report what is left.
        #[arg(long)]
        fix: bool,
        /// With or without --fix: print the diff the fixes would make and write nothing (exit 1
        /// when something would change).
        #[arg(long)]
        diff: bool,
    },
    /// Show a rule's documentation.
    Explain {
        /// The rule's name, as `rung rules` lists it.
        name: String,
    },
    /// List every rule with its default severity and the kinds of doc it checks.
    Rules,
    /// Show a ladder's levels and what each expects.
    Ladder {
        /// A ladder id (default: the project's default ladder).
        ladder: Option<String>,
        /// A level of that ladder, for its detail.
        level: Option<String>,
    },
    /// How ready a promo doc is for its target level: each expected trait and its evidence.
    Report {
        /// The growth doc to report on (a promo doc, or any growth doc read as one).
        file: PathBuf,
        /// How to print the report.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// The level to report against (a level id of the doc's ladder), when the front matter
        /// has no `target:` or to report against another level.
        #[arg(long, value_name = "LEVEL")]
        target: Option<String>,
    },
    /// Print a new growth doc from a template that fits the ladder and target.
    New {
        #[arg(value_enum)]
        kind: KindArg,
        /// Ladder id (default: the project's default ladder).
        #[arg(long)]
        ladder: Option<String>,
        /// Your current level.
        #[arg(long)]
        level: Option<String>,
        /// The level you aim for (promo and growth plan).
        #[arg(long)]
        target: Option<String>,
    },
}

/// Run the command line and return the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let is_usage_error = error.use_stderr();
            let _ = error.print();
            return if is_usage_error { EXIT_USAGE } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Lsp { .. } => crate::lsp::run(),
        Command::Check {
            paths,
            kind,
            format,
            fail_on,
            color,
            fix,
            diff,
        } => check::run(
            &paths,
            &check::Options {
                forced_kind: kind.map(Into::into),
                format,
                fail_on: fail_on.into(),
                color,
                fix: match (fix, diff) {
                    (_, true) => check::FixMode::Diff,
                    (true, false) => check::FixMode::Write,
                    (false, false) => check::FixMode::Off,
                },
            },
        ),
        Command::Explain { name } => rules::explain(&name),
        Command::Rules => rules::list(),
        Command::Ladder { ladder, level } => ladder::run(ladder.as_deref(), level.as_deref()),
        Command::Report {
            file,
            format,
            target,
        } => report::run(&file, format, target.as_deref()),
        Command::New {
            kind,
            ladder,
            level,
            target,
        } => new::run(
            kind.into(),
            ladder.as_deref(),
            level.as_deref(),
            target.as_deref(),
        ),
    }
}
