use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "unattributed-quote",
    default_severity: Severity::Warning,
    summary: "a quotation with no named speaker and role",
    explanation: "A quote is only credible when the reader knows who said it and why they matter: a named person and their role. An anonymous quotation reads as marketing copy. Attribute every quote in the press release: \"...,\" said NAME, ROLE.",
    good: "\"Now I top it up at the gate,\" said Marcus Oyelaran, a field engineer in Denver.",
    bad: "\"Now I top it up at the gate and forget about it.\"",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for quote in cx
        .outline
        .quotes
        .iter()
        .filter(|q| !q.attributed && cx.outline.in_release(q.block))
    {
        let block = &cx.blocks()[quote.block];
        let Some(first) = block.quotations.first() else {
            continue;
        };
        sink.report(
            block.src(first.clone()),
            "This quote has no named speaker and role. Attribute it: \"...,\" said NAME, ROLE.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_quote_without_speaker() {
        let text = CLEAN.replace(" said Omar Diaz, a nurse in Boulder.", " she said.");
        assert_eq!(lines(&text, "unattributed-quote"), [20]);
    }

    #[test]
    fn silent_when_every_quote_is_attributed() {
        assert!(lines(CLEAN, "unattributed-quote").is_empty());
    }
}
