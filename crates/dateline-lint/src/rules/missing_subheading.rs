use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::MISSING_SUBHEADING as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let Some(h) = cx.outline.headline else { return };
    if cx.outline.has(SectionKind::Subheading) {
        return;
    }
    sink.report(
        cx.first_line(&cx.blocks()[h]),
        "There is no subheading. Add one sentence under the headline that names the customer and the benefit they get.",
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_when_the_summary_follows_the_headline() {
        let text = "# Acme Ships Rockets Today\n\nSEATTLE — June 1, 2025 — Acme today launched Rocket.\n";
        assert_eq!(lines(text, "missing-subheading"), [1]);
    }

    #[test]
    fn accepts_an_emphasised_line() {
        let text = "# Acme Ships Rockets Today\n\n*Launch from home in ten minutes*\n\nSEATTLE — June 1, 2025 — Acme today launched Rocket.\n";
        assert!(lines(text, "missing-subheading").is_empty());
        assert!(lines(CLEAN, "missing-subheading").is_empty());
    }
}
