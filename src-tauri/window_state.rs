//! Remembers the window's size and position. The window-state plugin saves
//! on a clean exit only; saving shortly after each move or resize as well
//! keeps the geometry through a crash or a killed process.

use std::sync::mpsc::{channel, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, PhysicalPosition, PhysicalSize, Runtime, Window};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// A drag or resize sends events continuously; save once it pauses.
const SETTLE: Duration = Duration::from_millis(400);

/// For this long after start, a window larger than its screen has a size
/// the app gave it (the default, or one restored from a larger monitor),
/// not one the user chose, and is fitted to the screen. The restored size
/// arrives as a resize after the window is shown.
const START_UP: Duration = Duration::from_secs(3);

pub struct WindowStateSaver {
    changed: Mutex<Sender<()>>,
    started: Instant,
}

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
    app.manage(WindowStateSaver {
        changed: Mutex::new(changed),
        started: Instant::now(),
    });
}

/// Notes that the window moved or changed size.
pub fn changed<R: Runtime>(window: &Window<R>) {
    if let Some(saver) = window.app_handle().try_state::<WindowStateSaver>() {
        if saver.started.elapsed() < START_UP {
            fit_to_screen(window);
        }
        let _ = saver.changed.lock().unwrap_or_else(|p| p.into_inner()).send(());
    }
}

/// Shrinks the window to its screen's work area, and centres it, when it
/// does not fit: the 1280×820 default on a 1366×768 laptop, or a size
/// remembered from a larger monitor. Otherwise its bottom edge, with the
/// status bar, would sit under the taskbar or off the screen.
fn fit_to_screen<R: Runtime>(window: &Window<R>) {
    let (Ok(Some(monitor)), Ok(outer), Ok(inner)) =
        (window.current_monitor(), window.outer_size(), window.inner_size())
    else {
        return;
    };
    let area = monitor.work_area();
    if outer.width <= area.size.width && outer.height <= area.size.height {
        return;
    }
    // The frame around the web view takes the difference.
    let frame_w = outer.width.saturating_sub(inner.width);
    let frame_h = outer.height.saturating_sub(inner.height);
    let fitted = PhysicalSize::new(
        inner.width.min(area.size.width.saturating_sub(frame_w)),
        inner.height.min(area.size.height.saturating_sub(frame_h)),
    );
    // Centred from the new size (`center` would use the old one, which
    // the window still has until the resize is applied).
    let offset = |room: u32, used: u32| i32::try_from(room.saturating_sub(used) / 2).unwrap_or(0);
    let position = PhysicalPosition::new(
        area.position.x + offset(area.size.width, fitted.width + frame_w),
        area.position.y + offset(area.size.height, fitted.height + frame_h),
    );
    if window
        .set_size(fitted)
        .and_then(|()| window.set_position(position))
        .is_err()
    {
        eprintln!("dateline: cannot fit the window to the screen");
    }
}
