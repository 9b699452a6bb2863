use crate::context::{Context, Sink};

pub(crate) use crate::catalog::RELEASE_TOO_LONG as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let words = Context::words_in(cx.release());
    let max = cx.config.thresholds.release_max_words;
    if words > max {
        sink.report_in(
            cx.headline_anchor(),
            None,
            format!("The press release runs {words} words, more than a page ({max}). Cut it to the essentials and move detail into the FAQ."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_past_the_limit() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            &"Tea is ready. ".repeat(200),
        );
        assert_eq!(lines(&text, "release-too-long"), [6]);
    }

    #[test]
    fn silent_on_a_page() {
        assert!(lines(CLEAN, "release-too-long").is_empty());
    }
}
