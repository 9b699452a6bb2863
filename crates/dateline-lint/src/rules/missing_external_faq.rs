use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::MISSING_EXTERNAL_FAQ as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    if cx.outline.has(SectionKind::ExternalFaq)
        || cx
            .outline
            .questions
            .iter()
            .any(|q| q.kind == SectionKind::ExternalFaq)
    {
        return;
    }
    sink.report_in(
        faq_anchor(cx),
        None,
        "No customer FAQ found. Add a \"Frequently asked questions\" section with the questions a customer would ask, each answered.",
    );
}

/// The FAQ heading if there is one, else the end of the draft.
pub(crate) fn faq_anchor(cx: &Context<'_, '_>) -> std::ops::Range<usize> {
    match cx.faq().next() {
        Some((_, b)) => cx.first_line(b),
        None => cx.end_anchor(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_without_a_faq() {
        let text = &CLEAN[..CLEAN.find("## Frequently").unwrap()];
        assert_eq!(lines(text, "missing-external-faq"), [22]);
    }

    #[test]
    fn fires_when_only_the_internal_faq_exists() {
        let start = CLEAN.find("## Frequently").unwrap();
        let internal = CLEAN.find("### Internal FAQ").unwrap();
        let text = format!("{}## Internal FAQ{}", &CLEAN[..start], &CLEAN[internal + 16..]);
        assert_eq!(findings(&text, "missing-external-faq").len(), 1);
    }

    #[test]
    fn silent_with_a_customer_faq() {
        assert!(lines(CLEAN, "missing-external-faq").is_empty());
    }
}
