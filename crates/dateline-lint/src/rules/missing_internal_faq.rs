use super::missing_external_faq::faq_anchor;
use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::MISSING_INTERNAL_FAQ as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    if cx.outline.has(SectionKind::InternalFaq) {
        return;
    }
    // An FAQ whose label names no audience was split by guessing: say so
    // more softly.
    let guessed = cx.outline.questions.len() >= 3
        && !cx
            .faq()
            .any(|(_, b)| b.is_heading() && is_audience_label(b.plain));
    if guessed {
        sink.report_unsure(
            faq_anchor(cx),
            None,
            "No question here reads as internal. If some are for your own leaders, put them under an \"Internal FAQ\" heading (or `<!-- dateline: internal-faq -->` before them); if none are, add them: market size, cost, dependencies, risks and what you are not doing.",
        );
        return;
    }
    sink.report_in(
        faq_anchor(cx),
        None,
        "No internal FAQ found. Add an \"Internal FAQ\" section answering what your own leaders will ask: market size, cost, dependencies, risks and what you are not doing.",
    );
}

/// A FAQ heading that names its readers ("Customer FAQ", "For stakeholders").
fn is_audience_label(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    ["customer", "external", "internal", "stakeholder", "for "]
        .iter()
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_without_internal_questions() {
        let text = &CLEAN[..CLEAN.find("### Internal FAQ").unwrap()];
        assert_eq!(lines(text, "missing-internal-faq"), [24]);
    }

    #[test]
    fn recognises_stakeholder_and_staff_headings() {
        let text = CLEAN.replace("### Internal FAQ", "### For partners and staff");
        assert!(lines(&text, "missing-internal-faq").is_empty());
        assert!(lines(CLEAN, "missing-internal-faq").is_empty());
    }
}
