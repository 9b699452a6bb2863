//! Dateline's core: everything the app and the command line share that is
//! not the lint itself. Pure Rust: no Tauri, no webview, so that the `dateline`
//! CLI and the tests use exactly the code the app runs.

pub mod drafting;
pub mod error;
pub mod export;
pub mod folder;
pub mod index;
pub mod preview;
pub mod proofreading;
pub mod store;
pub mod text;
pub mod watch;
pub mod workspace;

pub use error::{Error, Result};
pub use workspace::Workspace;
