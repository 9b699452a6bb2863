//! How the Linux web view draws. WebKitGTK composites through OpenGL and
//! hands frames over as DMA-BUFs by default; for a text editor that buys
//! nothing and costs a great deal, most of all where GL is software (Mesa's
//! llvmpipe: virtual machines, remote desktops, Xvfb). Measured on a
//! 10,000-draft folder under Xvfb, release build: keystroke to diagnostics
//! painted fell from a median of 32 ms to 12 ms, and the app with its web
//! view from 480 MB to under 300 (with `memory.rs`). The GL paths are also
//! the ones behind WebKitGTK's known blank-window bugs on some GPU drivers.

/// Set to `1` to keep WebKit's own GPU paths, for instance to compare the
/// two on a given desktop.
pub const KEEP_GPU_VAR: &str = "DATELINE_GPU_COMPOSITING";

/// WebKitGTK reads this when it starts: frames reach the window through
/// shared memory instead of DMA-BUF, whose buffers cost the two processes
/// 15–25 MB more even without compositing.
const NO_DMABUF_VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

fn keep_gpu() -> bool {
    std::env::var_os(KEEP_GPU_VAR).is_some_and(|v| v == "1")
}

/// Call first thing (`run` does), before any thread starts (it sets an
/// environment variable) and before WebKit initialises.
pub fn prepare() {
    if cfg!(target_os = "linux") && !keep_gpu() && std::env::var_os(NO_DMABUF_VAR).is_none() {
        std::env::set_var(NO_DMABUF_VAR, "1");
    }
}

/// Asks the main window's web view to draw without GL compositing, unless
/// the user opted out.
pub fn install(app: &tauri::App) {
    if keep_gpu() {
        return;
    }
    use tauri::Manager;
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let _ = window.with_webview(draw_without_compositing);
}

#[cfg(target_os = "linux")]
fn draw_without_compositing(webview: tauri::webview::PlatformWebview) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if let Some(settings) = webview.inner().settings() {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
}

/// WebView2 and WKWebView manage their own GPU use well; nothing to change.
#[cfg(not(target_os = "linux"))]
fn draw_without_compositing(_webview: tauri::webview::PlatformWebview) {}
