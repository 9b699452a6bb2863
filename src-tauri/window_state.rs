//! Remembers the window's size and position. The window-state plugin saves
//! on a clean exit only; saving shortly after each move or resize as well
//! keeps the geometry through a crash or a killed process.

use std::sync::mpsc::{channel, Sender};
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// A drag or resize sends events continuously; save once it pauses.
const SETTLE: Duration = Duration::from_millis(400);

pub struct WindowStateSaver(Mutex<Sender<()>>);

/// Starts the saver thread and hands it to Tauri's state.
pub fn install<R: Runtime>(app: &AppHandle<R>) {
    let (changed, settled) = channel::<()>();
    let handle = app.clone();
    std::thread::spawn(move || {
        while settled.recv().is_ok() {
            while settled.recv_timeout(SETTLE).is_ok() {}
            if let Err(err) = handle.save_window_state(StateFlags::all()) {
                eprintln!("dateline: cannot remember the window's size: {err}");
            }
        }
    });
    app.manage(WindowStateSaver(Mutex::new(changed)));
}

/// Notes that the window moved or changed size.
pub fn changed<R: Runtime>(app: &AppHandle<R>) {
    if let Some(saver) = app.try_state::<WindowStateSaver>() {
        let _ = saver.0.lock().unwrap_or_else(|p| p.into_inner()).send(());
    }
}
