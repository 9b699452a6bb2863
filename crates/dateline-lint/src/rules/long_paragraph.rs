use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::document::BlockKind;
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "long-paragraph",
    default_severity: Severity::Info,
    summary: "a press-release paragraph over 4 sentences",
    explanation: "Press-release paragraphs are short: each makes one point in four sentences or fewer (settable in the config). A long paragraph usually holds two points, and the second one gets lost. Split it, or cut the sentences that do not serve the point.",
    good: "A summary of three sentences: what launched, for whom, and what it costs.",
    bad: "A summary of seven sentences that also explains the history of the company.",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let max = cx.config.thresholds.paragraph_max_sentences;
    for (_, block) in cx
        .release()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && !b.in_footnote)
    {
        let n = block.sentences.len();
        if n > max {
            sink.report(cx.first_line(block), format!("This paragraph has {n} sentences. Keep press-release paragraphs to {max} or fewer: split it or cut."));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_five_sentences() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "If you sleep in, it waits. It is quiet. It is small.",
        );
        assert_eq!(lines(&text, "long-paragraph"), [14]);
    }

    #[test]
    fn silent_on_short_paragraphs() {
        assert!(lines(CLEAN, "long-paragraph").is_empty());
    }
}
