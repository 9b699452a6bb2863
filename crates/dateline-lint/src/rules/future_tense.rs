use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;
use crate::text;
use crate::wordlists::List;

pub const INFO: RuleInfo = RuleInfo {
    id: "future-tense",
    default_severity: Severity::Info,
    summary: "\"will\"/\"is going to\" in the press release outside quotes",
    explanation: "The press release is written as if the product launched today: that is what makes the team decide what \"done\" looks like. \"Will\" and \"is going to\" push the launch into an uncertain future. Write in the present tense (\"ships\", \"lets you\"); quotes may speak of the future.",
    good: "PocketCell ships on April 1 and costs $49.",
    bad: "PocketCell will ship in the spring and will cost about $49.",
};

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
