//! Finding drafts, reading them and their configs, and linting them.

use dateline_lint::{lint, Config, Report, WORDS_FILE};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One linted draft.
pub(crate) struct Draft {
    /// The path as the user gave it or as the walk found it.
    pub path: String,
    pub report: Report,
}

/// A problem in a config file, or in a draft's inline `dateline-` comment,
/// with its position.
#[derive(serde::Serialize)]
pub(crate) struct ConfigProblem {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub kind: ProblemKind,
}

/// Where a problem was found (`"kind"` in the JSON).
#[derive(Clone, Copy, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ProblemKind {
    /// A `dateline.toml`.
    Config,
    /// An inline `dateline-` comment in a draft.
    Comment,
}

#[derive(Default)]
pub(crate) struct Run {
    pub drafts: Vec<Draft>,
    /// Inputs that could not be read (missing, unreadable, not UTF-8).
    pub input_errors: Vec<String>,
    pub config_problems: Vec<ConfigProblem>,
}

const CONFIG_NAME: &str = "dateline.toml";

/// Lints every draft under `paths`.
pub(crate) fn run(paths: &[PathBuf], config_override: Option<&Path>) -> Run {
    let mut run = Run::default();
    let mut configs = Configs::default();
    if let Some(path) = config_override {
        let config = configs.load(path, &mut run);
        configs.fixed = Some(config);
    }
    for file in collect(paths, &mut run) {
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                run.input_errors
                    .push(format!("{}: cannot read: {e}", file.display()));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                run.input_errors.push(format!(
                    "{}: not valid UTF-8 (at byte {}); save it as UTF-8 and lint it again",
                    file.display(),
                    e.utf8_error().valid_up_to()
                ));
                continue;
            }
        };
        let config = configs.for_file(&file, &mut run);
        let path = file.display().to_string();
        let report = lint(&text, &config);
        run.config_problems
            .extend(report.comment_problems.iter().map(|p| ConfigProblem {
                path: path.clone(),
                line: p.line,
                column: p.column,
                message: p.message.clone(),
                kind: ProblemKind::Comment,
            }));
        run.drafts.push(Draft { path, report });
    }
    run
}

/// The files to lint: files as given, folders walked for Markdown.
fn collect(paths: &[PathBuf], run: &mut Run) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_file() {
            out.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            run.input_errors
                .push(format!("{}: no such file or folder", path.display()));
            continue;
        }
        let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
            .require_git(false)
            .build()
            .filter_map(|entry| match entry {
                Ok(e) => Some(e),
                Err(err) => {
                    run.input_errors.push(format!("{}: {err}", path.display()));
                    None
                }
            })
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && is_markdown(e.path()))
            .map(|e| e.into_path())
            .collect();
        found.sort();
        out.extend(found);
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(p.clone()));
    out
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Configs by folder: the nearest dateline.toml in the folder or its
/// ancestors with the team words file beside it (or, with no config, the
/// nearest team words file), read once.
#[derive(Default)]
struct Configs {
    fixed: Option<Arc<Config>>,
    by_file: HashMap<(Option<PathBuf>, Option<PathBuf>), Arc<Config>>,
    by_dir: HashMap<PathBuf, (Option<PathBuf>, Option<PathBuf>)>,
}

impl Configs {
    fn for_file(&mut self, file: &Path, run: &mut Run) -> Arc<Config> {
        if let Some(c) = &self.fixed {
            return c.clone();
        }
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let (config, words) = match self.by_dir.get(&dir) {
            Some(f) => f.clone(),
            None => {
                let config = dir.ancestors().map(|a| a.join(CONFIG_NAME)).find(|p| p.is_file());
                let words = match &config {
                    Some(c) => Some(c.with_file_name(WORDS_FILE)).filter(|w| w.is_file()),
                    None => dir.ancestors().map(|a| a.join(WORDS_FILE)).find(|p| p.is_file()),
                };
                self.by_dir.insert(dir, (config.clone(), words.clone()));
                (config, words)
            }
        };
        self.load_with_words(config.as_deref(), words.as_deref(), run)
    }

    /// The config at `path` with the team words file beside it.
    fn load(&mut self, path: &Path, run: &mut Run) -> Arc<Config> {
        let words = Some(path.with_file_name(WORDS_FILE)).filter(|w| w.is_file());
        self.load_with_words(Some(path), words.as_deref(), run)
    }

    fn load_with_words(&mut self, config: Option<&Path>, words: Option<&Path>, run: &mut Run) -> Arc<Config> {
        let key = (config.map(Path::to_path_buf), words.map(Path::to_path_buf));
        if let Some(c) = self.by_file.get(&key) {
            return c.clone();
        }
        let mut loaded = config.map_or_else(Config::default, |path| read_config(path, run));
        if let Some(path) = words {
            match std::fs::read_to_string(path) {
                Ok(text) => loaded.add_team_words(&text),
                Err(e) => run.config_problems.push(ConfigProblem {
                    path: path.display().to_string(),
                    line: 1,
                    column: 1,
                    message: format!("cannot read: {e}"),
                    kind: ProblemKind::Config,
                }),
            }
        }
        let loaded = Arc::new(loaded);
        self.by_file.insert(key, loaded.clone());
        loaded
    }
}

/// Reads one dateline.toml, its problems added to the run.
fn read_config(path: &Path, run: &mut Run) -> Config {
    let shown = path.display().to_string();
    let config = match std::fs::read_to_string(path) {
        Ok(text) => {
            let (config, problems) = Config::from_toml(&text);
            run.config_problems
                .extend(problems.into_iter().map(|p| ConfigProblem {
                    path: shown.clone(),
                    line: p.line,
                    column: p.column,
                    message: p.message,
                    kind: ProblemKind::Config,
                }));
            config
        }
        Err(e) => {
            run.config_problems.push(ConfigProblem {
                path: shown,
                line: 1,
                column: 1,
                message: format!("cannot read: {e}"),
                kind: ProblemKind::Config,
            });
            Config::default()
        }
    };
    config
}
