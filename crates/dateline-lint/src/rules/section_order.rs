use crate::context::{Context, Sink};
use crate::report::SectionKind;

pub(crate) use crate::catalog::SECTION_ORDER as INFO;

/// Position in the expected order; getting started and the customer quote share one.
fn rank(kind: SectionKind) -> usize {
    match kind {
        SectionKind::Summary => 0,
        SectionKind::Problem => 1,
        SectionKind::Solution => 2,
        SectionKind::LeaderQuote => 3,
        SectionKind::GettingStarted | SectionKind::CustomerQuote => 4,
        _ => 5,
    }
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let mut firsts: Vec<(usize, usize, SectionKind)> = SectionKind::REQUIRED
        .iter()
        .filter_map(|&k| cx.outline.blocks_of(k).next().map(|i| (i, rank(k), k)))
        .collect();
    firsts.sort();
    let mut latest: Option<(usize, SectionKind)> = None;
    for (block, rank, kind) in firsts {
        match latest {
            Some((r, before)) if rank < r => sink.report(
                cx.first_line(&cx.blocks()[block]),
                format!(
                    "The {} comes after the {}. Keep the order summary, problem, solution, leader quote, getting started, customer quote, call to action.",
                    kind.label().to_lowercase(),
                    before.label().to_lowercase()
                ),
            ),
            _ => latest = Some((rank, kind)),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_when_the_solution_precedes_the_problem() {
        let text = "# Acme Ships Rockets Today\n\n## For you\n\nSEATTLE — June 1, 2025 — Acme today launched Rocket for $5.\n\n## Solution\n\nIt flies.\n\n## Problem\n\nPeople wait.\n";
        assert_eq!(lines(text, "section-order"), [11]);
    }

    #[test]
    fn silent_in_order() {
        assert!(lines(CLEAN, "section-order").is_empty());
    }
}
