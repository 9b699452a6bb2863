use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::outline::has_next_step;
use crate::report::{SectionKind, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: "no-call-to-action-link",
    default_severity: Severity::Info,
    summary: "call to action has no link or concrete next step",
    explanation: "The call to action is the last thing the reader sees: it should tell them exactly what to do next and where. A closing that only restates the mission leaves an interested reader with nowhere to go. Give a link, an address or a phone number, or a concrete step (\"Download the app\").",
    good: "Sign up at greenleaf.example/pickup. The first month is free.",
    bad: "We look forward to changing how cities think about compost.",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let blocks: Vec<usize> = cx.outline.blocks_of(SectionKind::CallToAction).collect();
    let Some(&first) = blocks.first() else { return };
    // The heading "Call to action" is not itself a next step.
    if blocks
        .iter()
        .any(|&i| !cx.blocks()[i].is_heading() && has_next_step(&cx.blocks()[i]))
    {
        return;
    }
    sink.report(
        cx.first_line(&cx.blocks()[first]),
        "The call to action gives no link or next step. Tell the reader exactly what to do, with a link: “Sign up at example.com/start.”",
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_labelled_call_to_action_without_a_step() {
        let text = CLEAN.replace(
            "Order Kettle Clock today at brightwork.example/kettle.",
            "## Call to action\n\nWe look forward to your mornings.",
        );
        assert_eq!(lines(&text, "no-call-to-action-link"), [22]);
    }

    #[test]
    fn silent_with_a_link() {
        assert!(lines(CLEAN, "no-call-to-action-link").is_empty());
    }
}
