use crate::context::{Context, Sink};

pub(crate) use crate::catalog::MISSING_DATELINE as INFO;

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
