//! The release's body after the summary: quotes by the speaker's side,
//! the problem and solution in plain prose, and the closing call to action.

use super::quotes::{quote_paragraph, Side};
use super::vocab::CUE_WORDS;
use super::{has_next_step, steps, Builder, QuoteInfo};
use crate::document::Block;
use crate::report::SectionKind;

use SectionKind as K;

impl Builder<'_, '_> {
    /// Quote paragraphs become the leader quote and customer quotes, by
    /// the speaker's side; a speaker of unknown side is the leader when no
    /// leader speaks otherwise (the first such quote), else a customer.
    pub(super) fn find_quotes(&mut self, assigned: &mut [Option<SectionKind>]) {
        let blocks = &self.doc.blocks;
        let mut found: Vec<(usize, Side, bool)> = Vec::new();
        for i in 0..assigned.len() {
            let ctx = assigned[i];
            if self.locked[i] || matches!(ctx, Some(K::Headline | K::Subheading | K::Summary)) {
                continue;
            }
            if let Some(q) = quote_paragraph(&blocks[i]) {
                self.out.quotes.push(QuoteInfo {
                    block: i,
                    attributed: q.attributed,
                });
                if matches!(ctx, Some(K::LeaderQuote | K::CustomerQuote)) {
                    continue;
                }
                found.push((i, q.side, q.same_speaker));
            }
        }
        let mut has_leader =
            assigned.contains(&Some(K::LeaderQuote)) || found.iter().any(|q| q.1 == Side::Leader);
        let mut previous: Option<SectionKind> = None;
        for (i, side, same_speaker) in found {
            let kind = match (side, previous) {
                (_, Some(kind)) if same_speaker => kind,
                (Side::Leader, _) => K::LeaderQuote,
                (Side::Customer, _) => K::CustomerQuote,
                (Side::Unknown, _) if !has_leader => {
                    has_leader = true;
                    K::LeaderQuote
                }
                (Side::Unknown, _) => K::CustomerQuote,
            };
            assigned[i] = Some(kind);
            previous = Some(kind);
        }
    }

    /// Plain-prose paragraphs: the problem (paragraphs that tell a pain),
    /// then the solution, before the quotes; getting started after them
    /// when they say how to get the product.
    pub(super) fn fill_plain_prose(&mut self, assigned: &mut [Option<SectionKind>]) {
        let start = match (self.out.summary, self.out.headline) {
            (Some(s), _) => s + 1,
            (None, Some(h)) => h + 1,
            (None, None) => 0,
        };
        let labelled = |k| assigned.contains(&Some(k));
        let (has_problem, has_solution) = (labelled(K::Problem), labelled(K::Solution));
        let mut previous = K::Summary;
        let mut seen_quote = false;
        let mut problem_done = has_problem;
        for i in start..assigned.len() {
            match assigned[i] {
                Some(K::LeaderQuote | K::CustomerQuote) => {
                    seen_quote = true;
                    continue;
                }
                Some(k) => {
                    previous = k;
                    continue;
                }
                None => {}
            }
            let block = &self.doc.blocks[i];
            let solution_seen = assigned[..i].contains(&Some(K::Solution));
            let kind = if !seen_quote {
                let pain = reads_as_problem(block);
                if !problem_done && pain {
                    problem_done = true;
                    K::Problem
                } else if !has_solution || matches!(previous, K::Problem | K::Solution | K::Summary) {
                    K::Solution
                } else {
                    previous
                }
            } else if !assigned.contains(&Some(K::GettingStarted)) && steps::says_how_to_get(block) {
                K::GettingStarted
            } else if previous == K::Summary || (previous == K::Problem && !solution_seen) {
                // Past the quotes, the problem has been told.
                K::Solution
            } else {
                previous
            };
            assigned[i] = Some(kind);
            previous = kind;
        }
    }

    /// With no problem paragraph, a summary that tells the pain holds it.
    pub(super) fn problem_in_summary(&mut self, assigned: &[Option<SectionKind>]) {
        let Some(s) = self.out.summary else { return };
        if !assigned.contains(&Some(K::Problem))
            && self.out.also[s].is_none()
            && reads_as_problem(&self.doc.blocks[s])
        {
            self.out.also[s] = Some(K::Problem);
        }
    }

    /// The last paragraph before the FAQ calls to action when it gives a
    /// next step; it may also be the only word on how to get started.
    pub(super) fn find_call_to_action(&mut self, assigned: &mut [Option<SectionKind>]) {
        if assigned.contains(&Some(K::CallToAction)) {
            self.start_in_call_to_action(assigned);
            return;
        }
        let Some(last) = self.closing_paragraph(assigned) else {
            return;
        };
        let block = &self.doc.blocks[last];
        if assigned[last] == Some(K::GettingStarted) {
            self.out.also[last] = Some(K::CallToAction);
            return;
        }
        let needs_start = !assigned.contains(&Some(K::GettingStarted));
        assigned[last] = Some(K::CallToAction);
        if needs_start && steps::says_how_to_get(block) {
            self.out.also[last] = Some(K::GettingStarted);
        }
    }

    /// A labelled call to action that says how to get the product is also
    /// the only word on getting started.
    fn start_in_call_to_action(&mut self, assigned: &[Option<SectionKind>]) {
        if assigned.contains(&Some(K::GettingStarted)) {
            return;
        }
        let blocks = &self.doc.blocks;
        if let Some(i) = (0..assigned.len()).find(|&i| {
            assigned[i] == Some(K::CallToAction) && blocks[i].is_prose() && steps::says_how_to_get(&blocks[i])
        }) {
            self.out.also[i] = Some(K::GettingStarted);
        }
    }

    /// The release's closing paragraph that gives a next step: among its
    /// last three paragraphs, the last one that does, so a boilerplate
    /// "About" paragraph or a bio after it does not hide it. A paragraph
    /// under a quote's label that quotes no one closes the release too.
    fn closing_paragraph(&self, assigned: &[Option<SectionKind>]) -> Option<usize> {
        let blocks = &self.doc.blocks;
        let start = self.out.summary.or(self.out.headline).map_or(0, |i| i + 1);
        (start..assigned.len())
            .rev()
            .filter(|&i| blocks[i].is_prose() && !blocks[i].in_footnote && !self.locked[i])
            .take(3)
            .find(|&i| {
                let quote = matches!(assigned[i], Some(K::LeaderQuote | K::CustomerQuote))
                    && quote_paragraph(&blocks[i]).is_some();
                let settled = matches!(assigned[i], Some(K::Headline | K::Subheading | K::Summary));
                !quote && !settled && has_next_step(&blocks[i])
            })
    }
}

/// A paragraph that tells a pain: a problem word, or a question.
fn reads_as_problem(block: &Block) -> bool {
    let first_sentence = block
        .sentences
        .first()
        .map_or(block.plain, |s| &block.plain[s.range.clone()]);
    CUE_WORDS.problem_cues.is_match(block.plain) || first_sentence.trim_end().ends_with(['?', '？'])
}
