use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::{SectionKind, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: "problem-names-solution",
    default_severity: Severity::Warning,
    summary: "the product's name appears in the problem paragraph",
    explanation: "The problem paragraph describes the customer's world before the product exists. Naming the product there turns the problem into a pitch and hides whether the problem is real. Set the product name in front matter (`product: Name`) or in dateline.toml, and keep it out of the problem; bring it in with the solution.",
    good: "People carry power banks because their phones die at the worst moment, but most take hours to recharge.",
    bad: "Without PocketCell, people carry heavy power banks that take hours to recharge.",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let Some(names) = Context::names(&cx.products) else {
        return;
    };
    for i in cx.outline.blocks_of(SectionKind::Problem) {
        let block = &cx.blocks()[i];
        if block.is_heading() {
            continue;
        }
        for (_, r) in names.find(block.plain) {
            let name = &block.plain[r.clone()];
            sink.report(
                block.src(r.clone()),
                format!("The problem paragraph names the product, {}. Describe the customer's problem without it, and bring the product in with the solution.", super::q(name)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_the_product_name_in_the_problem() {
        let text = CLEAN.replace(
            "Most people wait four minutes",
            "Without Kettle Clock, people wait four minutes",
        );
        assert_eq!(lines(&text, "problem-names-solution"), [12]);
    }

    #[test]
    fn silent_without_the_name() {
        assert!(lines(CLEAN, "problem-names-solution").is_empty());
    }
}
