//! What the CLI's integration tests share: running the real binary in a
//! folder, and reading what it printed.
#![allow(dead_code)] // each test file uses the part it needs

use std::path::Path;
use std::process::{Command, Output};

/// Runs `dateline ARGS` in `cwd`, as a user in a terminal would.
pub fn dateline(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run dateline")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
