//! A fault shim for tests: every I/O step of every writer in this crate
//! (create, write, fsync, rename, folder fsync) first asks [`step`], and an
//! armed thread fails at its N-th step with the error it was armed with.
//! Compiled only with the `fault-injection` feature, and inert until
//! [`fail_at`] arms the calling thread, so other threads and processes are
//! never affected.

use std::cell::Cell;
use std::io;

thread_local! {
    static ARMED: Cell<Option<(u32, io::ErrorKind)>> = const { Cell::new(None) };
    static STEPS: Cell<u32> = const { Cell::new(0) };
}

/// From now on, this thread's `n`-th step (1-based) fails with `kind`.
pub fn fail_at(n: u32, kind: io::ErrorKind) {
    STEPS.with(|s| s.set(0));
    ARMED.with(|a| a.set(Some((n, kind))));
}

/// Disarms this thread and returns how many steps ran since it was armed
/// (or since the last `steps_taken`): what a walk over every step needs to
/// know when to stop.
pub fn disarm() -> u32 {
    ARMED.with(|a| a.set(None));
    STEPS.with(|s| s.replace(0))
}

/// Counts this thread's steps without failing any of them.
pub fn count_steps() {
    fail_at(u32::MAX, io::ErrorKind::Other);
}

/// Called before each I/O step; fails if this is the armed step.
pub(crate) fn step(what: &'static str) -> io::Result<()> {
    let Some((n, kind)) = ARMED.with(Cell::get) else {
        return Ok(());
    };
    let taken = STEPS.with(|s| {
        s.set(s.get() + 1);
        s.get()
    });
    if taken == n {
        return Err(io::Error::new(
            kind,
            format!("injected fault at step {n} ({what})"),
        ));
    }
    Ok(())
}
