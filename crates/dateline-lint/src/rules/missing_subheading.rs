use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::{SectionKind, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: "missing-subheading",
    default_severity: Severity::Warning,
    summary: "nothing between headline and summary",
    explanation: "The subheading, right under the headline, names the customer and the benefit in one sentence. It is the second thing every reader sees and often the only other line they read. Add a heading or an emphasised line between the headline and the summary paragraph.",
    good: "# Atlas Maps Works Without a Signal\n\n## Hikers and drivers can now search and get directions with no connection at all",
    bad: "# Atlas Maps Works Without a Signal\n\nDENVER — May 13, 2025 — Atlas today released ...",
};

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
