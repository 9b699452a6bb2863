//! Spelling and grammar the editor's lint left for later
//! ([`crate::drafting::lint_view_now`]): one thread lints the newest such
//! text in full, which fills Harper's caches, then says so, and the window
//! lints again, now at once. Older requests are dropped unread: only the
//! text she has now matters.

use dateline_lint::Config;
use std::sync::{Arc, Condvar, Mutex};

type Request = (String, Arc<Config>);

#[derive(Default)]
struct Slot {
    next: Mutex<Option<Request>>,
    wake: Condvar,
}

/// The thread that proofreads what the editor's lint did not wait for.
#[derive(Clone)]
pub struct BackgroundProofreader {
    slot: Arc<Slot>,
}

impl BackgroundProofreader {
    /// Starts the thread; `done` runs after each text is proofread.
    pub fn start(done: impl Fn() + Send + 'static) -> std::io::Result<BackgroundProofreader> {
        let slot = Arc::new(Slot::default());
        let theirs = slot.clone();
        std::thread::Builder::new()
            .name("dateline-proofread".into())
            .spawn(move || loop {
                let (text, config) = theirs.take();
                dateline_lint::lint(&text, &config);
                done();
            })?;
        Ok(BackgroundProofreader { slot })
    }

    /// Proofreads `text` next, in place of any text still waiting.
    pub fn request(&self, text: &str, config: Arc<Config>) {
        *self.slot.next.lock().unwrap_or_else(|e| e.into_inner()) = Some((text.to_owned(), config));
        self.slot.wake.notify_one();
    }
}

impl Slot {
    /// Waits for a request and takes it.
    fn take(&self) -> Request {
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(request) = next.take() {
                return request;
            }
            next = self.wake.wait(next).unwrap_or_else(|e| e.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafting::lint_view_now;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_text_left_for_later_is_proofread_then_linted_at_once_in_full() {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let text: String = (0..5)
            .map(|i| format!("Note {i} ({seed}): the custmer gets it tomorow.\n\n"))
            .collect();
        let config = Arc::new(Config::default());
        assert!(lint_view_now(&text, &config).proofreading, "five new blocks wait");
        let (tx, rx) = mpsc::channel();
        let proofreader = BackgroundProofreader::start(move || tx.send(()).unwrap()).unwrap();
        proofreader.request(&text, config.clone());
        rx.recv_timeout(Duration::from_secs(120)).expect("proofread");
        let view = lint_view_now(&text, &config);
        assert!(!view.proofreading);
        assert_eq!(
            view.diagnostics.iter().filter(|d| d.rule == "spelling").count(),
            10
        );
    }
}
