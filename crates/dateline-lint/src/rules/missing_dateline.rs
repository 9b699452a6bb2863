use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "missing-dateline",
    default_severity: Severity::Warning,
    summary: "summary does not open with a dateline",
    explanation: "A real press release opens its first paragraph with a dateline: the city, optionally the region, and the launch date, set off by dashes. It tells the reader this is news and when it happens, and it forces the team to pick a launch date. Start the summary with `CITY, Region — Month Day, Year —`.",
    good: "**SEATTLE — June 10, 2025 —** Harborline Logistics today opened Harborline Direct, ...",
    bad: "Harborline Logistics is opening Harborline Direct, a self-service portal, ...",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let Some(s) = cx.outline.summary else { return };
    if cx.outline.has_dateline {
        return;
    }
    sink.report(
        cx.first_line(&cx.blocks()[s]),
        "The summary does not open with a dateline. Start it with the place and the launch date, like “SEATTLE, Wash. — June 10, 2025 —”.",
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_summary_without_dateline() {
        let text = "# Acme Ships Rockets Today\n\n## Launch from home\n\nAcme today launched Rocket, a rocket for homes.\n";
        assert_eq!(lines(text, "missing-dateline"), [5]);
    }

    #[test]
    fn silent_with_a_dateline() {
        assert!(lines(CLEAN, "missing-dateline").is_empty());
    }
}
