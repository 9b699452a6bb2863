//! The folder's lint configuration: `dateline.toml` and the team words
//! file, read when a folder opens or is refreshed, and linting with them.

use super::Workspace;
use crate::drafting::{self, LintConfig, LintView};
use crate::error::Result;
pub use crate::folder::CONFIG_FILE;
use dateline_lint::{Config, WORDS_FILE};
use std::fs;
use std::path::Path;

impl Workspace {
    /// A handle on the open folder's lint configuration that stays current
    /// as folders open and `dateline.toml` is re-read: linting with it
    /// needs no lock on the workspace, so a keystroke's lint never waits
    /// behind folder work.
    pub fn lint_config(&self) -> LintConfig {
        self.lint_config.clone()
    }

    /// Re-reads the open folder's `dateline.toml` and team words file (on
    /// a refresh, or when a colleague changed one) and lints with them
    /// from now on.
    pub fn reload_config(&mut self) -> Result<()> {
        let open = self.folder.as_mut().ok_or_else(super::no_folder)?;
        (open.config, open.config_problems) = load_config(&open.root);
        self.lint_config.set(open.config.clone());
        Ok(())
    }

    /// Lints editor text with the open folder's configuration, read from
    /// the same snapshot the shell's `lint_text` uses.
    pub fn lint(&self, text: &str) -> LintView {
        drafting::lint_view(text, &self.lint_config.get())
    }
}

/// Reads the folder's `dateline.toml` and its team words file: a missing
/// file means defaults; a broken one is reported and the defaults stay in
/// force.
pub(super) fn load_config(root: &Path) -> (Config, Vec<String>) {
    let (mut config, mut problems) = read_config_file(root);
    match fs::read(root.join(WORDS_FILE)) {
        Ok(bytes) => config.add_team_words(&String::from_utf8_lossy(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => problems.push(format!("{WORDS_FILE}: could not be read ({e})")),
    }
    (config, problems)
}

fn read_config_file(root: &Path) -> (Config, Vec<String>) {
    let path = root.join(CONFIG_FILE);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), Vec::new()),
        Err(e) => {
            return (
                Config::default(),
                vec![format!(
                    "{CONFIG_FILE}: could not be read ({e}); using the defaults"
                )],
            )
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return (
            Config::default(),
            vec![format!("{CONFIG_FILE}: is not UTF-8 text; using the defaults")],
        );
    };
    let (config, problems) = Config::from_toml(&text);
    let problems = problems
        .iter()
        .map(|p| format!("{CONFIG_FILE}:{}:{}: {}", p.line, p.column, p.message))
        .collect();
    (config, problems)
}
