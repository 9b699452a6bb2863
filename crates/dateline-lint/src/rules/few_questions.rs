use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::FEW_QUESTIONS as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let min = cx.config.thresholds.min_questions;
    for kind in [SectionKind::ExternalFaq, SectionKind::InternalFaq] {
        let Some(first) = cx.outline.blocks_of(kind).next() else {
            continue;
        };
        let n = cx.outline.questions.iter().filter(|q| q.kind == kind).count();
        if n < min {
            sink.report(
                cx.first_line(&cx.blocks()[first]),
                format!(
                    "The {} has {n} question{}. Add the ones a reader will ask next, for at least {min}.",
                    kind.label().to_lowercase().replace("faq", "FAQ"),
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_faq_with_two_questions() {
        let start = CLEAN.find("**How much water").unwrap();
        let end = CLEAN.find("### Internal FAQ").unwrap();
        let text = format!("{}{}", &CLEAN[..start], &CLEAN[end..]);
        assert_eq!(lines(&text, "few-questions"), [26]);
    }

    #[test]
    fn silent_with_three_or_more() {
        assert!(lines(CLEAN, "few-questions").is_empty());
    }
}
