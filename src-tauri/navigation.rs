//! The window never leaves the app: any navigation away from the app's own
//! origin is refused. Links reach the system browser only through the
//! `open_link` command, which the UI calls on click.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Manager, Runtime, Url};

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let dev_url = webview.app_handle().config().build.dev_url.clone();
            let allowed = is_app_origin(url, dev_url.as_ref().filter(|_| tauri::is_dev()));
            if !allowed {
                eprintln!("dateline: refused navigation to {url}");
            }
            allowed
        })
        .build()
}

/// The origins the bundled UI is served from on each platform, plus the
/// Vite dev server while developing.
fn is_app_origin(url: &Url, dev_url: Option<&Url>) -> bool {
    let bundled = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    };
    bundled || dev_url.is_some_and(|dev| dev.origin() == url.origin())
}

/// Web and mail links, the only ones handed to the system.
pub fn is_external_link(raw: &str) -> bool {
    Url::parse(raw).is_ok_and(|url| match url.scheme() {
        "http" | "https" => url.host_str().is_some(),
        "mailto" => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn only_the_apps_own_origin_may_load_in_the_window() {
        assert!(is_app_origin(&url("tauri://localhost/index.html"), None));
        assert!(is_app_origin(&url("http://tauri.localhost/"), None));
        assert!(!is_app_origin(&url("https://example.com/"), None));
        assert!(!is_app_origin(&url("file:///etc/passwd"), None));
        assert!(!is_app_origin(&url("http://localhost:1420/"), None));
        let dev = url("http://localhost:1420");
        assert!(is_app_origin(
            &url("http://localhost:1420/src/main.ts"),
            Some(&dev)
        ));
        assert!(!is_app_origin(&url("http://localhost:9999/"), Some(&dev)));
    }

    #[test]
    fn only_web_and_mail_links_go_to_the_system() {
        assert!(is_external_link("https://example.com/launch"));
        assert!(is_external_link("mailto:pm@example.com"));
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "smb://server/share",
            "not a url",
            "https://",
        ] {
            assert!(!is_external_link(bad), "{bad}");
        }
    }
}
