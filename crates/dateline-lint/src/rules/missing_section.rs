use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::{SectionKind, Severity};

pub const INFO: RuleInfo = RuleInfo {
    id: "missing-section",
    default_severity: Severity::Error,
    summary: "summary, problem, solution, leader quote, getting started, customer quote or call to action not found",
    explanation: "A working-backwards press release has the same parts in every draft: the summary, the customer's problem, the solution, a quote from a leader, how to get started, a quote from a customer, and a call to action. Each missing part is a question the team has not answered yet. Use labelled headings (`## Problem`) or write them as plain paragraphs in that order; quotes need a speaker and a role.",
    good: "\"We built it for you,\" said Ann Lee, CEO of Acme.  (a leader quote the outline finds)",
    bad: "A press release that goes from the solution straight to the call to action, with no quotes.",
};

fn headline(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Summary => "No summary paragraph found.",
        SectionKind::Problem => "No problem paragraph found.",
        SectionKind::Solution => "No solution paragraph found.",
        SectionKind::LeaderQuote => "No leader quote found.",
        SectionKind::GettingStarted => "Nothing says how to get started.",
        SectionKind::CustomerQuote => "No customer quote found.",
        SectionKind::CallToAction => "No call to action found.",
        _ => "A section is missing.",
    }
}

fn guidance(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Summary => "Open with a paragraph that starts with a dateline and says what launched, for whom, and what it costs.",
        SectionKind::Problem => "After the summary, add a paragraph on the customer's problem, in their words.",
        SectionKind::Solution => "Add a paragraph on how the product solves that problem for the customer.",
        SectionKind::LeaderQuote => "Add a quote from a company leader, attributed with name and role: \"...,\" said NAME, ROLE.",
        SectionKind::GettingStarted => "Say how a customer gets started: where to get it, what it costs, and the first steps.",
        SectionKind::CustomerQuote => "Add a quote from a customer, with their name and who they are.",
        SectionKind::CallToAction => "End the press release with a paragraph that tells the reader what to do next, with a link.",
        _ => "",
    }
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let present: Vec<(usize, SectionKind)> = SectionKind::REQUIRED
        .iter()
        .filter_map(|&k| cx.outline.blocks_of(k).next().map(|i| (i, k)))
        .collect();
    for (order, kind) in SectionKind::REQUIRED.into_iter().enumerate() {
        if cx.outline.has(kind) {
            continue;
        }
        // Point at the next part that is there, where this one belongs.
        let later = present
            .iter()
            .filter(|(_, k)| SectionKind::REQUIRED.iter().position(|r| r == k).unwrap_or(0) > order)
            .map(|(i, _)| *i)
            .min();
        let anchor = match later {
            Some(i) => cx.first_line(&cx.blocks()[i]),
            None => cx
                .release()
                .last()
                .map_or(cx.headline_anchor(), |(_, b)| cx.first_line(b)),
        };
        sink.report_in(anchor, None, format!("{} {}", headline(kind), guidance(kind)));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn one_finding_per_missing_section_naming_it() {
        let text = CLEAN
            .replace("\"Our team asked", "Our team asked")
            .replace("again and again,\" said Rosa Park, CEO of Brightwork. \"So we built a kettle that starts before you do.\"", "again and again.");
        let f = findings(&text, "missing-section");
        let messages: Vec<&str> = f.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(f.len(), 1, "{messages:?}");
        assert!(messages[0].starts_with("No leader quote found"));
    }

    #[test]
    fn an_empty_draft_misses_everything() {
        assert_eq!(findings("", "missing-section").len(), 7);
    }

    #[test]
    fn silent_on_a_complete_release() {
        assert!(lines(CLEAN, "missing-section").is_empty());
    }
}
