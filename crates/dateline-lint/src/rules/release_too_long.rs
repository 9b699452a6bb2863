use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "release-too-long",
    default_severity: Severity::Warning,
    summary: "press release part over 600 words (about one page)",
    explanation: "The press release is one page: about 600 words (settable in the config). Past that, it stops being something a journalist would print and becomes a spec. Keep the summary, problem, solution, quotes and call to action; move tables, feature lists and detail into the FAQ.",
    good: "A press release of 450 words, with pricing detail in the FAQ.",
    bad: "A press release of 1,400 words with three tables and a feature list.",
};

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
