use crate::context::{Context, Sink};
use crate::outline::has_next_step;
use crate::report::SectionKind;

pub(crate) use crate::catalog::NO_CALL_TO_ACTION_LINK as INFO;

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
