use crate::context::{Context, Sink};
use crate::outline::dateline_end;
use crate::text;
use crate::wordlists::Matcher;
use std::sync::LazyLock;

pub(crate) use crate::catalog::VAGUE_OUTCOME as INFO;

static MEASURES: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new([
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "instead of",
        "rather than",
        "from",
        "fewer",
        "less than",
        "more than",
        "percent",
    ])
});

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let Some(s) = cx.outline.summary else { return };
    let block = &cx.blocks()[s];
    // The dateline's date is not an outcome.
    let body = &block.plain[dateline_end(block.plain).unwrap_or(0)..];
    let words = text::words(body);
    if text::has_figure(body, &words) || MEASURES.is_match(body) {
        return;
    }
    sink.report(
        cx.first_line(block),
        "The summary states no measurable outcome for the customer. Add a number: time or money saved, a price, or a before-and-after.",
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_summary_without_figures() {
        let text = CLEAN
            .replace("has water at 90 degrees by then", "has water ready")
            .replace(
                " It costs $59 and ships to homes in the United States from today.",
                "",
            );
        assert_eq!(lines(&text, "vague-outcome"), [10]);
    }

    #[test]
    fn silent_with_a_number() {
        assert!(lines(CLEAN, "vague-outcome").is_empty());
    }
}
