//! The release's opening: the dateline, the summary paragraph and the
//! subheading between the headline and the summary.

use super::quotes::quote_paragraph;
use super::vocab::{self, CUE_WORDS};
use super::{dateline, dateline_end, labels, Builder};
use crate::document::Block;
use crate::report::SectionKind;

use SectionKind as K;

impl Builder<'_, '_> {
    /// The dateline, in one of the release's first blocks: opening the
    /// summary, or on a line of its own (before the headline too).
    pub(super) fn find_dateline(&mut self, assigned: &mut [Option<SectionKind>]) {
        let blocks = &self.doc.blocks;
        // The release may start after a preamble: look at the first prose
        // blocks after each release label ("PRESS RELEASE") too.
        let mut since_label = 0;
        for i in 0..assigned.len() {
            if self.locked[i] && labels::is_release_block(&blocks[i]) {
                since_label = 0;
                continue;
            }
            if !blocks[i].is_prose() || matches!(assigned[i], Some(K::LeaderQuote | K::CustomerQuote)) {
                continue;
            }
            since_label += 1;
            if since_label > 8 {
                continue;
            }
            if let Some((from, end)) = self.dateline_in(i) {
                self.take_dateline(assigned, i, from, end);
                return;
            }
        }
    }

    /// Where a block's dateline starts and ends: after its run-in label,
    /// or as a labelled field ("Place and date: Seoul – June 15, 2026").
    fn dateline_in(&self, i: usize) -> Option<(usize, usize)> {
        let plain = self.doc.blocks[i].plain;
        let from = labels::text_after_label(&self.cues[i], plain);
        let body = &plain[from..];
        if let Some(end) = dateline_end(body).or_else(|| dateline::is_date_line(body).then_some(body.len())) {
            return Some((from, from + end));
        }
        let (field, value) = body.split_once([':', '：'])?;
        let at = from + field.len() + body[field.len()..].chars().next().map_or(1, char::len_utf8);
        let value_at = at + (value.len() - value.trim_start_matches([' ', '*', '_']).len());
        let short_field = field.split_whitespace().count() <= 4;
        (short_field && dateline::is_date_line(value)).then_some((value_at, from + body.len()))
    }

    fn take_dateline(&mut self, assigned: &mut [Option<SectionKind>], i: usize, from: usize, end: usize) {
        let block = &self.doc.blocks[i];
        let plain = block.plain;
        self.out.has_dateline = true;
        self.out.dateline_block = Some(i);
        if !dateline::is_placeholder(&plain[from..end]) {
            self.out.dateline = Some(block.src(from..end));
        }
        self.out.company = dateline::company_after_dateline(plain, end);
        // A dateline on a line of its own is no summary.
        let rest = &plain[end..];
        let cjk = rest.chars().filter(|c| vocab::is_cjk(*c)).count();
        if rest.split_whitespace().count() < 3 && cjk < 10 && assigned[i].is_none() {
            assigned[i] = Some(K::Other);
            self.locked[i] = true;
        }
    }

    pub(super) fn find_summary(&mut self, assigned: &mut [Option<SectionKind>]) {
        let start = self.out.headline.map_or(0, |h| h + 1);
        let blocks = &self.doc.blocks;
        let locked = &self.locked;
        let labelled =
            (0..assigned.len()).find(|&i| assigned[i] == Some(K::Summary) && !blocks[i].is_heading());
        let dateline = self
            .out
            .dateline_block
            .filter(|&i| !locked[i] && matches!(assigned[i], None | Some(K::Summary | K::Other)));
        let first_plain = || {
            let mut i = start;
            // A heading, emphasised line or short line right under the
            // headline is the subheading (a short line only when more text
            // follows and it announces nothing).
            let tagline = |i: usize| {
                let b = &blocks[i];
                b.is_prose()
                    && !b.plain.contains('\n')
                    && b.words.len() <= 15
                    && i + 1 < assigned.len()
                    && !CUE_WORDS.launch_cues.is_match(b.plain)
            };
            if self.out.headline.is_some()
                && i < assigned.len()
                && assigned[i].is_none()
                && (blocks[i].is_heading() || blocks[i].is_emphasised() || tagline(i))
            {
                i += 1;
            }
            let first = (i..assigned.len()).find(|&j| {
                assigned[j].is_none()
                    && !locked[j]
                    && blocks[j].is_prose()
                    && is_substantive(&blocks[j])
                    && quote_paragraph(&blocks[j]).is_none()
            })?;
            // A release that opens with the customer's pain and names the
            // product only later has no summary.
            (!opens_with_pain(&blocks[first])).then_some(first)
        };
        let summary = labelled.or(dateline).or_else(first_plain);
        let Some(s) = summary else {
            self.mark_subheading(assigned, assigned.len());
            return;
        };
        assigned[s] = Some(K::Summary);
        self.out.summary = Some(s);
        let first_of_summary = (0..=s).find(|&i| assigned[i] == Some(K::Summary)).unwrap_or(s);
        self.mark_subheading(assigned, first_of_summary);
    }

    /// Everything unclaimed between the headline and `until` is the subheading.
    fn mark_subheading(&mut self, assigned: &mut [Option<SectionKind>], until: usize) {
        let Some(h) = self.out.headline else { return };
        let blocks = &self.doc.blocks;
        let limit = if until == assigned.len() {
            // No summary: only a heading or emphasised line right under the headline.
            (h + 1..assigned.len())
                .take(1)
                .filter(|&i| blocks[i].is_heading() || blocks[i].is_emphasised())
                .map(|i| i + 1)
                .next()
                .unwrap_or(h + 1)
        } else {
            until
        };
        // A labelled summary may come before the headline: then nothing is
        // between them.
        let limit = limit.clamp(h + 1, assigned.len());
        for i in h + 1..limit {
            if !self.locked[i] && matches!(assigned[i], None | Some(K::Other)) && self.could_be_subheading(i)
            {
                assigned[i] = Some(K::Subheading);
            }
        }
    }

    /// A subheading says something: not an image, not a one-word section
    /// label ("## Hook").
    fn could_be_subheading(&self, i: usize) -> bool {
        let b = &self.doc.blocks[i];
        let src = self.doc.text[b.range.clone()].trim();
        let image = src.starts_with("![") && src.ends_with(')') && !src.contains('\n');
        let cjk = b.plain.chars().filter(|c| vocab::is_cjk(*c)).count();
        !image && (b.words.len() >= 2 || cjk >= 4)
    }
}

/// A first paragraph whose first sentence tells the pain ("Have you ever
/// …?", "Developers face the difficult …") and that announces nothing.
fn opens_with_pain(block: &Block) -> bool {
    let first = block
        .sentences
        .first()
        .map_or(block.plain, |s| &block.plain[s.range.clone()]);
    let pain = first.trim_end().ends_with(['?', '？']) || CUE_WORDS.pain_openers.is_match(first);
    pain && !CUE_WORDS.launch_cues.is_match(block.plain)
}

/// A paragraph with enough text to be a summary: a sentence, not a
/// tagline, an image's caption or an emphasised line.
fn is_substantive(block: &Block) -> bool {
    let cjk = block.plain.chars().filter(|c| vocab::is_cjk(*c)).count();
    let sentence = block.words.len() >= 5 && block.plain.trim_end().ends_with(['.', '!', '。', '！']);
    (block.words.len() >= 12 || cjk >= 30 || sentence) && !block.is_emphasised()
}
