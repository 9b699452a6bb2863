use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::PROBLEM_NAMES_SOLUTION as INFO;

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
