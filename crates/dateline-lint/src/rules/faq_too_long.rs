use crate::context::{Context, Sink};

pub(crate) use crate::catalog::FAQ_TOO_LONG as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let words = Context::words_in(cx.faq());
    let max = cx.config.thresholds.faq_max_words;
    if words > max {
        let anchor = cx.faq().next().map_or(cx.end_anchor(), |(_, b)| cx.first_line(b));
        sink.report(anchor, format!("The FAQ runs {words} words, more than about five pages ({max}). Merge overlapping questions and shorten the answers."));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_past_the_limit() {
        let text = CLEAN.replace(
            "It holds 1.5 liters, enough for six cups.",
            &"It holds water. ".repeat(900),
        );
        assert_eq!(lines(&text, "faq-too-long"), [24]);
    }

    #[test]
    fn silent_on_a_short_faq() {
        assert!(lines(CLEAN, "faq-too-long").is_empty());
    }
}
