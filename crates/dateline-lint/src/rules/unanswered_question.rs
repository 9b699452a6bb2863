use crate::context::{Context, Sink};

pub(crate) use crate::catalog::UNANSWERED_QUESTION as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for q in cx.outline.questions.iter().filter(|q| q.answer_words == 0) {
        let block = &cx.blocks()[q.block];
        let text = block.plain[q.plain.clone()]
            .trim()
            .trim_start_matches("Q:")
            .trim();
        sink.report(
            block.src(q.plain.clone()),
            format!(
                "The question {} has no answer. Answer it, or remove it.",
                super::q(text)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_empty_and_placeholder_answers() {
        let text = CLEAN
            .replace("It costs $59, and shipping is free.", "TBD.")
            .replace("It holds 1.5 liters, enough for six cups.\n", "");
        assert_eq!(lines(&text, "unanswered-question"), [28, 34]);
    }

    #[test]
    fn silent_when_all_are_answered() {
        assert!(lines(CLEAN, "unanswered-question").is_empty());
    }
}
