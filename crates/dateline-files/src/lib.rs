//! How Dateline writes a file that belongs to the user: drafts, copies,
//! exports, imports, the team words file, review logs. Every such write goes
//! through this crate, so that a full disk, a vanished folder or a crash
//! mid-write leaves the old file byte-identical and no temporary file
//! behind. The app's core and the command line both depend on it, and
//! share through it the one rule for reading the pictures a draft shows
//! ([`pictures`]).

pub mod atomic;
#[cfg(any(test, feature = "fault-injection"))]
pub mod faults;
pub mod pictures;
#[cfg(any(test, feature = "fault-injection"))]
pub mod testfs;

pub use atomic::{
    append_durable, is_read_only_file, is_temp_name, remove_if_leftover, rename_noclobber, write_atomic,
    write_atomic_new, ReadOnlyFile,
};
pub use pictures::{read_pictures, Pictures};

/// Each I/O step asks the fault shim first (a no-op unless compiled for the
/// fault-injection tests and armed by one).
#[inline]
pub(crate) fn step(_what: &'static str) -> std::io::Result<()> {
    #[cfg(any(test, feature = "fault-injection"))]
    faults::step(_what)?;
    Ok(())
}
