use crate::context::{Context, Sink};

pub(crate) use crate::catalog::HEADLINE_LENGTH as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let Some(h) = cx.outline.headline else { return };
    let block = &cx.blocks()[h];
    let n = block.words.len();
    let t = &cx.config.thresholds;
    let message = if n > t.headline_max_words {
        format!(
            "The headline has {n} words. Cut it to {} or fewer and move the detail to the subheading.",
            t.headline_max_words
        )
    } else if n < t.headline_min_words {
        format!(
            "The headline has {n} word{}. Say who gets what in at least {} words.",
            if n == 1 { "" } else { "s" },
            t.headline_min_words
        )
    } else {
        return;
    };
    sink.report(cx.first_line(block), message);
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_when_too_long_or_too_short() {
        let long = "# One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen\n";
        assert_eq!(lines(long, "headline-length"), [1]);
        assert_eq!(lines("# Rockets\n", "headline-length"), [1]);
    }

    #[test]
    fn silent_on_a_fitting_headline() {
        assert!(lines(CLEAN, "headline-length").is_empty());
    }
}
