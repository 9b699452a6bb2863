use crate::context::{Context, Sink};
use crate::text;
use crate::wordlists::List;

pub(crate) use crate::catalog::FUTURE_TENSE as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for (i, block) in cx.release() {
        for (_, r) in cx.matches(i, List::Future) {
            if text::inside(block.quotations, r.start) {
                continue;
            }
            let word = &block.plain[r.clone()];
            sink.report(
                block.src(r.clone()),
                format!("{} puts the launch in the future. Write as if it launched today: \"ships\", not \"will ship\".", super::q(word)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_outside_quotes() {
        let text = CLEAN.replace("It costs $59 and ships", "It will cost $59 and is going to ship");
        assert_eq!(lines(&text, "future-tense"), [10, 10]);
    }

    #[test]
    fn silent_inside_quotes_and_in_the_faq() {
        let text = CLEAN
            .replace("So we built a kettle", "So we will build a kettle")
            .replace("Yes. You can set", "Yes. You will set");
        assert!(lines(&text, "future-tense").is_empty());
        assert!(lines(CLEAN, "future-tense").is_empty());
    }
}
