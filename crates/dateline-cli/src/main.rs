//! `dateline`: lint PR/FAQ drafts, compare two versions, export them, list
//! the rules, print the template.

mod diff;
mod eval;
mod export;
mod files;
mod output;
mod word;

use clap::{Parser, Subcommand, ValueEnum};
use files::ProblemKind;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "dateline", version, about = "Lint working-backwards PR/FAQ drafts")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint Markdown drafts (files, or folders searched for .md files).
    ///
    /// Exit status: 0 when no draft has an error, 1 when any does, 2 for bad
    /// usage or a file that cannot be read.
    Lint {
        /// Files or folders. Folders are walked recursively, honouring .gitignore.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Use this config instead of the nearest dateline.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List every rule with its explanation and examples.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print the PR/FAQ template to start a new draft.
    New,
    /// Compare two versions of a draft: sections aligned (moved, added,
    /// removed), the words that changed, and the findings fixed and new.
    ///
    /// Exit status: 0 when the versions are the same, 1 when they differ,
    /// 2 for bad usage or a file that cannot be read.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// Measure the outline against drafts whose parts were labelled by hand:
    /// per-part precision, recall and F1, the macro F1, and every miss.
    ///
    /// MANIFEST is JSON keyed by file name, each with `sections` (part →
    /// true/false), like `shared/realworld/manifest.json`. Exit status: 0
    /// when measured, 2 when the manifest or a draft cannot be read.
    Eval {
        manifest: PathBuf,
        /// The folder holding the drafts (default: `docs/` beside the manifest).
        #[arg(long)]
        docs: Option<PathBuf>,
    },
    /// Export a draft: a typeset PDF, normalised Markdown, or a Word document.
    ///
    /// Exit status: 0 when written, 1 when typesetting failed, 2 for bad
    /// usage or a draft that cannot be read.
    Export {
        /// The draft (a Markdown file).
        draft: PathBuf,
        /// What to make.
        #[arg(long, value_enum)]
        to: export::Target,
        /// Where to write it; `-` for standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Paper size for PDF and Word; default from the locale (Letter for US/CA/MX…, else A4).
        #[arg(long, value_enum)]
        paper: Option<export::PaperArg>,
        /// Print the press release's section labels (a real release has none).
        #[arg(long)]
        show_labels: bool,
        /// Author for the PDF or Word metadata (default: front matter author/owner).
        #[arg(long)]
        author: Option<String>,
        /// Markdown: wrap paragraphs at this many columns (default: one line each).
        #[arg(long)]
        wrap: Option<usize>,
        /// Markdown: leave out the YAML front matter.
        #[arg(long)]
        strip_front_matter: bool,
        /// Add the review kept in the drafts folder's .dateline/reviews: the
        /// open comments, the verdicts and the lint summary (a review packet
        /// for PDF, an appendix for Markdown, Word comments and a closing
        /// section for Word).
        #[arg(long)]
        with_review: bool,
    },
    /// Make a new Markdown draft of a Word document (.docx). The Word file is
    /// only read; an existing draft is never replaced.
    ///
    /// Exit status: 0 when written, 2 for bad usage, a file that is not an
    /// importable Word document, or an output that already exists.
    Import {
        /// The Word document.
        file: PathBuf,
        /// The new draft; `-` for standard output.
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lint {
            paths,
            format,
            config,
        } => lint(&paths, format, config),
        Command::Rules { format } => {
            match format {
                RulesFormat::Text => print!("{}", output::rules_text()),
                RulesFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(dateline_lint::rules()).unwrap_or_default()
                ),
            }
            ExitCode::SUCCESS
        }
        Command::New => {
            print!("{}", dateline_lint::TEMPLATE);
            ExitCode::SUCCESS
        }
        Command::Diff { old, new, format } => diff::run(&old, &new, format),
        Command::Eval { manifest, docs } => eval::run(&manifest, docs.as_deref()),
        Command::Export {
            draft,
            to,
            output,
            paper,
            show_labels,
            author,
            wrap,
            strip_front_matter,
            with_review,
        } => export::run(export::Request {
            draft: &draft,
            to,
            output: &output,
            paper,
            show_labels,
            author,
            wrap,
            strip_front_matter,
            with_review,
        }),
        Command::Import { file, output } => word::import(&file, &output),
    }
}

fn lint(paths: &[PathBuf], format: Format, config: Option<PathBuf>) -> ExitCode {
    let run = files::run(paths, config.as_deref());
    for problem in &run.input_errors {
        eprintln!("dateline: {problem}");
    }
    for p in &run.config_problems {
        match p.kind {
            ProblemKind::Comment => eprintln!("{}:{}:{}: comment: {}", p.path, p.line, p.column, p.message),
            ProblemKind::Config => eprintln!(
                "{}:{}:{}: config: {} (the default stays in force)",
                p.path, p.line, p.column, p.message
            ),
        }
    }
    let rendered = match format {
        Format::Text => output::text(&run),
        Format::Json => output::json(&run),
        Format::Sarif => output::sarif(&run),
    };
    print!("{rendered}");
    if !run.input_errors.is_empty() {
        ExitCode::from(2)
    } else if run.drafts.iter().any(|d| d.report.has_errors()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
