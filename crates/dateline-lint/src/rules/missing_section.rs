use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::MISSING_SECTION as INFO;

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
        match candidate(cx, kind) {
            Some(i) => {
                let block = &cx.blocks()[i];
                let line = cx.doc.text[..block.range.start].matches('\n').count() + 1;
                sink.report_unsure(
                    cx.first_line(block),
                    None,
                    format!(
                        "{} The paragraph on line {line} may be it: if so, put `<!-- dateline: {} -->` on the line before it.",
                        unsure(kind),
                        kind.id()
                    ),
                );
            }
            None => sink.report_in(anchor, None, format!("{} {}", headline(kind), guidance(kind))),
        }
    }
}

fn unsure(kind: SectionKind) -> String {
    format!("No clear {} found.", kind.label().to_lowercase())
}

/// A block that may be the missing part, though the outline gave it
/// another: a quote of the other side, a paragraph that says where to get
/// the product or links somewhere, the summary (which often holds the
/// problem and the solution).
fn candidate(cx: &Context<'_, '_>, kind: SectionKind) -> Option<usize> {
    let release: Vec<usize> = cx
        .release()
        .filter(|(_, b)| b.is_prose())
        .map(|(i, _)| i)
        .collect();
    let summary = cx.outline.summary;
    let after_summary = |i: &usize| summary.is_none_or(|s| *i > s);
    match kind {
        SectionKind::LeaderQuote | SectionKind::CustomerQuote => cx.outline.quotes.first().map(|q| q.block),
        SectionKind::GettingStarted => release.iter().copied().filter(after_summary).find(|&i| {
            crate::outline::says_how_to_get(&cx.blocks()[i]) || crate::outline::has_link(&cx.blocks()[i])
        }),
        SectionKind::CallToAction => release
            .iter()
            .copied()
            .filter(after_summary)
            .find(|&i| crate::outline::has_next_step(&cx.blocks()[i])),
        SectionKind::Problem | SectionKind::Solution => summary.or_else(|| release.first().copied()),
        SectionKind::Summary => release.iter().copied().find(|&i| Some(i) != cx.outline.headline),
        _ => None,
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
        assert!(messages[0].contains("leader quote"), "{}", messages[0]);
    }

    #[test]
    fn a_weak_candidate_lowers_the_finding_and_says_where() {
        // The only quote is a customer's: the leader quote may be it.
        let text = "# Acme Ships Rockets Today\n\nSEATTLE — June 1, 2026 — Acme today shipped Rocket.\n\n\"It took me ten minutes to launch,\" said Bo Chan, a teacher in Ohio.\n";
        let report = crate::lint(text, &crate::Config::default());
        let leader: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "missing-section" && d.message.contains("leader quote"))
            .collect();
        assert_eq!(leader.len(), 1);
        assert_eq!(leader[0].severity, crate::Severity::Warning);
        assert!(leader[0].message.contains("line 5"), "{}", leader[0].message);
        assert!(leader[0].message.contains("<!-- dateline: leader-quote -->"));
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
