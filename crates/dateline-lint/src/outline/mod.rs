//! Finds the PR/FAQ's sections, in drafts of any shape: labels wherever
//! authors put them (`labels`), the dateline (`dateline`), quotes and who
//! speaks them (`quotes`), next steps (`steps`) and the FAQ (`faq`). This
//! file assembles them: labels claim the blocks under them, then the
//! plain-prose parts are read in the release's usual order (summary,
//! problem, solution, quotes, getting started, call to action). An
//! author's `<!-- dateline: part -->` marker overrides every guess.

mod dateline;
mod faq;
mod labels;
mod quotes;
mod steps;
mod vocab;

pub(crate) use dateline::dateline_end;
pub(crate) use steps::{has_link, has_next_step, says_how_to_get};

use crate::document::{Block, Document};
use crate::report::{Section, SectionKind};
use labels::{Cue, LINE_LEVEL};
use quotes::{quote_paragraph, Side};
use std::ops::Range;
use vocab::CUE_WORDS;

use SectionKind as K;

/// Where a block sits in the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Release,
    Faq,
    /// After the FAQ (appendix, glossary).
    After,
}

/// One FAQ question and what answers it.
#[derive(Clone, Debug)]
pub(crate) struct Question {
    pub kind: SectionKind,
    pub block: usize,
    /// Plain range of the question text in `block`.
    pub plain: Range<usize>,
    pub answer_words: usize,
}

/// A paragraph holding a quotation.
#[derive(Clone, Debug)]
pub(crate) struct QuoteInfo {
    pub block: usize,
    pub attributed: bool,
}

pub(crate) struct Outline {
    pub kinds: Vec<SectionKind>,
    /// A second role a block plays (the closing paragraph that both says how
    /// to get started and calls to action).
    pub also: Vec<Option<SectionKind>>,
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub quotes: Vec<QuoteInfo>,
    pub headline: Option<usize>,
    pub summary: Option<usize>,
    /// The release opens with a dateline (a placeholder one too).
    pub has_dateline: bool,
    /// Byte range of a real (not placeholder) dateline.
    pub dateline: Option<Range<usize>>,
    /// The block the dateline is in.
    pub dateline_block: Option<usize>,
    /// The company named after the dateline ("Lumen Devices today ...").
    pub company: Option<String>,
}

impl Outline {
    pub fn has(&self, kind: SectionKind) -> bool {
        self.kinds.contains(&kind) || self.also.contains(&Some(kind))
    }

    /// Indexes of the blocks in a section kind (primary or second role).
    pub fn blocks_of(&self, kind: SectionKind) -> impl Iterator<Item = usize> + '_ {
        (0..self.kinds.len()).filter(move |&i| self.kinds[i] == kind || self.also[i] == Some(kind))
    }

    pub fn in_release(&self, block: usize) -> bool {
        self.parts[block] == Part::Release
    }
}

struct Builder<'a, 'd> {
    doc: &'a Document<'d>,
    out: Outline,
    labelled: Vec<bool>,
    /// The label each block carries, if any.
    cues: Vec<Option<Cue>>,
    /// The part an author's marker gives a block.
    markers: Vec<Option<SectionKind>>,
    /// Blocks whose part is settled (marked, release labels, a dateline
    /// line): no later guess changes them.
    locked: Vec<bool>,
    /// FAQ blocks under a label that names no audience.
    generic_faq: Vec<bool>,
}

pub(crate) fn outline(doc: &Document<'_>) -> Outline {
    let n = doc.blocks.len();
    let markers = labels::markers(doc);
    let cues = doc
        .blocks
        .iter()
        .zip(&markers)
        .map(|(b, m)| marked_cue(b, *m).or_else(|| labels::cue(b)))
        .collect();
    let mut b = Builder {
        doc,
        out: Outline {
            kinds: vec![K::Other; n],
            also: vec![None; n],
            parts: vec![Part::Release; n],
            sections: Vec::new(),
            questions: Vec::new(),
            quotes: Vec::new(),
            headline: None,
            summary: None,
            has_dateline: false,
            dateline: None,
            dateline_block: None,
            company: None,
        },
        labelled: vec![false; n],
        cues,
        markers,
        locked: vec![false; n],
        generic_faq: vec![false; n],
    };
    let faq_start = b.mark_faq();
    b.release(faq_start);
    b.apply_markers(faq_start);
    b.find_questions();
    b.build_sections();
    b.out
}

/// A marker before a heading, or naming a FAQ part, acts as the block's
/// label; one before a paragraph settles that paragraph alone.
fn marked_cue(block: &Block, marker: Option<SectionKind>) -> Option<Cue> {
    let kind = marker?;
    let level = match block.level() {
        Some(level) => level,
        None if kind.is_faq() => LINE_LEVEL,
        None => return None,
    };
    Some(Cue {
        norm: labels::normalize(block.plain),
        label: Some(kind),
        level,
        run_in: !block.is_heading(),
        exact: true,
    })
}

/// Blocks of the release that no label claimed yet.
const UNSET: Option<SectionKind> = None;

impl Builder<'_, '_> {
    fn blocks(&self) -> &[Block<'_>] {
        &self.doc.blocks
    }

    fn cue_kind(&self, i: usize) -> Option<SectionKind> {
        self.cues[i].as_ref().and_then(|c| c.label)
    }

    /// Assigns the press-release blocks (before `end`) to sections.
    fn release(&mut self, end: usize) {
        let mut assigned: Vec<Option<SectionKind>> = vec![UNSET; end];
        self.settle(&mut assigned);
        self.out.headline = self.find_headline(&assigned);
        if let Some(h) = self.out.headline {
            assigned[h] = Some(K::Headline);
        }
        self.claim_by_labels(&mut assigned);
        self.drop_empty_labels(&mut assigned);
        self.find_dateline(&mut assigned);
        self.find_summary(&mut assigned);
        self.find_quotes(&mut assigned);
        self.fill_plain_prose(&mut assigned);
        self.problem_in_summary(&assigned);
        self.find_call_to_action(&mut assigned);
        for (i, kind) in assigned.into_iter().enumerate() {
            self.out.kinds[i] = kind.unwrap_or(K::Other);
        }
    }

    /// Marked paragraphs take their part; release labels ("FOR IMMEDIATE
    /// RELEASE", "# Press Release") are no part at all.
    fn settle(&mut self, assigned: &mut [Option<SectionKind>]) {
        for i in 0..assigned.len() {
            let block = &self.doc.blocks[i];
            if let (Some(kind), false) = (
                self.markers[i],
                block.is_heading() || kind_is_faq(self.markers[i]),
            ) {
                assigned[i] = Some(kind);
                self.locked[i] = true;
            } else if self.markers[i].is_none() && labels::is_release_block(block) {
                assigned[i] = Some(K::Other);
                self.locked[i] = true;
            }
        }
    }

    /// Marked blocks after the release (in or after the FAQ) take their part.
    fn apply_markers(&mut self, faq_start: usize) {
        for i in faq_start..self.doc.blocks.len() {
            if let Some(kind) = self.markers[i].filter(|k| !k.is_faq()) {
                if !self.doc.blocks[i].is_heading() {
                    self.out.kinds[i] = kind;
                }
            }
        }
    }

    /// The headline: a marked or labelled one, else the first H1 that is no
    /// label, else the first heading before any text, else a short first
    /// line (drafts with no Markdown).
    fn find_headline(&self, assigned: &[Option<SectionKind>]) -> Option<usize> {
        let blocks = self.blocks();
        let end = assigned.len();
        if let Some(i) = (0..end).find(|&i| assigned[i] == Some(K::Headline)) {
            return Some(i);
        }
        let free = |i: usize| !self.locked[i] && matches!(self.cue_kind(i), None | Some(K::Headline));
        let titled = |i: usize| {
            self.cues[i].as_ref().is_some_and(|c| {
                c.label == Some(K::Headline) && labels::has_text_after_label(blocks[i].plain)
            })
        };
        if let Some(i) = self.headline_after_release_label(end) {
            return Some(i);
        }
        // "Acme Announces General Availability of X" holds a label's words,
        // but as a phrase: an H1 like that is still the headline.
        let phrase_only = |i: usize| {
            self.cues[i]
                .as_ref()
                .is_some_and(|c| !c.exact && self.markers[i].is_none())
        };
        let h1 = |i: usize| blocks[i].level() == Some(1) && !self.locked[i];
        if let Some(i) =
            (0..end).find(|&i| h1(i) && (self.cue_kind(i).is_none() || titled(i) || phrase_only(i)))
        {
            return Some(i);
        }
        if let Some(i) = (0..end).find(|&i| self.cue_kind(i) == Some(K::Headline)) {
            if self.cues[i].as_ref().is_some_and(|c| c.run_in) || titled(i) {
                return Some(i);
            }
            return (i + 1..end).find(|&j| blocks[j].is_prose() && self.cues[j].is_none());
        }
        let first_text = (0..end)
            .find(|&i| blocks[i].is_prose() && !self.locked[i])
            .unwrap_or(end);
        if let Some(i) = (0..first_text)
            .find(|&i| blocks[i].level().is_some_and(|l| l <= 3) && free(i) && self.cue_kind(i).is_none())
        {
            return Some(i);
        }
        let i = first_text;
        // A title has a body under it: a one-line draft has no headline.
        let body_follows = (i + 1..end).any(|j| blocks[j].is_prose());
        (i < end && self.cues[i].is_none() && labels::looks_like_title(&blocks[i]) && body_follows)
            .then_some(i)
    }

    /// "# Acme — PR/FAQ", then "## Press Release", then the release's own
    /// headline: the first heading, emphasised line or title-like line
    /// after a release label near the top is the headline.
    fn headline_after_release_label(&self, end: usize) -> Option<usize> {
        let blocks = self.blocks();
        let label = (0..end.min(8))
            .find(|&i| self.locked[i] && self.markers[i].is_none() && labels::is_release_block(&blocks[i]))?;
        let next: Vec<usize> = (label + 1..end).filter(|&j| !self.locked[j]).take(4).collect();
        let heading = |j: &usize| {
            blocks[*j].level().is_some_and(|l| l <= 4)
                && self.cues[*j]
                    .as_ref()
                    .is_none_or(|c| c.label.is_none() || !c.exact)
        };
        let line = |j: &usize| blocks[*j].is_emphasised() && blocks[*j].words.len() <= 30;
        // A byline or a date under the label is no title.
        let title = |j: &usize| labels::looks_like_title(&blocks[*j]) && !labels::is_byline(blocks[*j].plain);
        let first = *next.first()?;
        next.iter()
            .copied()
            .find(heading)
            .or_else(|| [first].into_iter().find(|j| line(j) || title(j)))
    }

    /// Labels claim the blocks under them. A label the outline does not know
    /// claims its blocks as "other" once the summary is behind, unless it
    /// reads like a sentence (a descriptive heading in a prose release).
    fn claim_by_labels(&mut self, assigned: &mut [Option<SectionKind>]) {
        let mut ctx: Option<(SectionKind, u8)> = None;
        let headline = self.out.headline;
        let mut seen_body = false;
        for i in 0..assigned.len() {
            if Some(i) == headline || self.locked[i] {
                continue;
            }
            let b = &self.doc.blocks[i];
            if let Some(cue) = &self.cues[i] {
                let label = cue.label.filter(|k| !k.is_faq());
                let level = cue.level;
                match (label, ctx) {
                    (Some(kind), _) => {
                        ctx = Some((kind, level));
                        self.labelled[i] = !cue.run_in;
                        assigned[i] = Some(kind);
                        seen_body |= cue.run_in;
                    }
                    (None, Some((kind, l))) if level > l => assigned[i] = Some(kind),
                    (None, _) if !seen_body || b.words.len() >= 5 => ctx = None,
                    (None, _) => {
                        ctx = Some((K::Other, level));
                        self.labelled[i] = true;
                        assigned[i] = Some(K::Other);
                    }
                }
                continue;
            }
            if dateline_end(b.plain).is_some() {
                seen_body = true;
            }
            if let Some((kind, _)) = ctx {
                assigned[i] = Some(kind);
                seen_body = true;
            }
        }
    }

    /// A label with nothing under it is a slot, not the part; a heading
    /// that names a quote only as a phrase ("Include customer
    /// testimonials"), over text that quotes no one and speaks in no first
    /// person (a customer described, not quoted), is not a quote.
    fn drop_empty_labels(&mut self, assigned: &mut [Option<SectionKind>]) {
        let blocks = &self.doc.blocks;
        let mut i = 0;
        while i < assigned.len() {
            let Some(kind) = assigned[i].filter(|_| self.labelled[i] && blocks[i].is_heading()) else {
                i += 1;
                continue;
            };
            let body_end = (i + 1..assigned.len())
                .find(|&j| assigned[j] != Some(kind) || self.labelled[j])
                .unwrap_or(assigned.len());
            let body = i + 1..body_end;
            let empty = body.is_empty();
            let phrase = self.cues[i].as_ref().is_some_and(|c| !c.exact);
            let unquoted = phrase
                && matches!(kind, K::LeaderQuote | K::CustomerQuote)
                && body
                    .clone()
                    .all(|j| blocks[j].quotations.is_empty() && !quotes::first_person(blocks[j].plain));
            if kind != K::Other && (empty || unquoted) {
                for slot in &mut assigned[i..body_end] {
                    *slot = Some(K::Other);
                }
            }
            i = body_end.max(i + 1);
        }
    }

    /// The dateline, in one of the release's first blocks: opening the
    /// summary, or on a line of its own (before the headline too).
    fn find_dateline(&mut self, assigned: &mut [Option<SectionKind>]) {
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

    fn find_summary(&mut self, assigned: &mut [Option<SectionKind>]) {
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

    /// Quote paragraphs become the leader quote and customer quotes, by
    /// the speaker's side; a speaker of unknown side is the leader when no
    /// leader speaks otherwise (the first such quote), else a customer.
    fn find_quotes(&mut self, assigned: &mut [Option<SectionKind>]) {
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
    fn fill_plain_prose(&mut self, assigned: &mut [Option<SectionKind>]) {
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
    fn problem_in_summary(&mut self, assigned: &[Option<SectionKind>]) {
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
    fn find_call_to_action(&mut self, assigned: &mut [Option<SectionKind>]) {
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

    /// Merges consecutive blocks of one kind into outline sections.
    fn build_sections(&mut self) {
        let blocks = &self.doc.blocks;
        let mut sections: Vec<Section> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            let kind = self.out.kinds[i];
            let continues = i > 0
                && self.out.kinds[i - 1] == kind
                && !(self.labelled[i] && b.is_heading())
                // Two quote paragraphs in a row are two quotes.
                && (!matches!(kind, K::LeaderQuote | K::CustomerQuote) || blocks[i - 1].is_heading());
            match sections.last_mut() {
                Some(s) if continues => s.end = b.range.end,
                _ => sections.push(Section {
                    kind,
                    label: kind.label(),
                    title: b.is_heading().then(|| b.plain.trim().to_string()),
                    start: b.range.start,
                    end: b.range.end,
                    heading: self.labelled[i] && b.is_heading(),
                }),
            }
            if let Some(also) = self.out.also[i] {
                sections.push(Section {
                    kind: also,
                    label: also.label(),
                    title: None,
                    start: b.range.start,
                    end: b.range.end,
                    heading: false,
                });
            }
        }
        // A headline is its own section even when the heading is labelled.
        for s in &mut sections {
            if s.kind == K::Headline {
                s.heading = true;
            }
        }
        self.out.sections = sections;
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

fn kind_is_faq(kind: Option<SectionKind>) -> bool {
    kind.is_some_and(SectionKind::is_faq)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Tables;

    fn kinds(text: &str) -> Vec<SectionKind> {
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        outline(&doc).sections.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn plain_prose_release_is_recognised() {
        let text = "# Acme Ships Rockets to Every Home\n\n## Launch from your backyard in ten minutes\n\n\
            SEATTLE — June 10, 2025 — Acme today launched Rocket.\n\n\
            People wait years for a launch.\n\nRocket fits in a garage.\n\n\
            \"We built it for you,\" said Ann Lee, CEO of Acme.\n\n\
            \"It took me ten minutes,\" said Bo Chan, a teacher in Ohio.\n\n\
            Order Rocket today at acme.example/rocket.\n\n## FAQ\n\n**Is it safe?**\nYes.\n";
        assert_eq!(
            kinds(text),
            [
                K::Headline,
                K::Subheading,
                K::Summary,
                K::Problem,
                K::Solution,
                K::LeaderQuote,
                K::CustomerQuote,
                K::GettingStarted,
                K::CallToAction,
                K::ExternalFaq
            ]
        );
    }

    #[test]
    fn a_labelled_summary_above_the_headline_is_no_subheading() {
        // Used to panic: the subheading range ran backwards.
        let k = kinds("## Summary\n\nSEATTLE — June 1, 2026 — Acme today shipped it.\n\n# Acme Ships Rockets Today\n\nMore text.\n");
        assert_eq!(k[0], SectionKind::Summary);
        assert!(k.contains(&SectionKind::Headline));
        assert!(!k.contains(&SectionKind::Subheading));
    }

    #[test]
    fn overlapping_questions_do_not_panic() {
        // Used to panic: "Q:" runs over the bold question on the next line,
        // so the first question's answer range ran backwards.
        let mut tables = Tables::default();
        let doc = Document::parse("# Title of it\n\n## FAQ\n\nQ:\n**Why?**\nBecause.\n", &mut tables);
        let o = outline(&doc);
        assert_eq!(o.questions.len(), 2);
        assert_eq!(o.questions[1].answer_words, 1);
    }

    #[test]
    fn labelled_release_is_recognised() {
        assert_eq!(
            kinds(crate::TEMPLATE)
                .into_iter()
                .filter(|k| *k != K::Other)
                .collect::<Vec<_>>(),
            [
                K::Headline,
                K::Subheading,
                K::Summary,
                K::Problem,
                K::Solution,
                K::LeaderQuote,
                K::GettingStarted,
                K::CustomerQuote,
                K::CallToAction,
                K::Faq,
                K::ExternalFaq,
                K::InternalFaq
            ]
        );
    }

    #[test]
    fn questions_in_bold_lines_and_q_prefixes() {
        let mut tables = Tables::default();
        let doc = Document::parse("# Title of it\n\n## FAQ\n\n**Why?** Because.\n**How?**\n\nQ: When? Now.\n\n### Internal\n\n### Is it cheap?\n\nYes it is.\n", &mut tables);
        let o = outline(&doc);
        let answers: Vec<(SectionKind, usize)> =
            o.questions.iter().map(|q| (q.kind, q.answer_words)).collect();
        assert_eq!(
            answers,
            [
                (K::ExternalFaq, 1),
                (K::ExternalFaq, 0),
                (K::ExternalFaq, 1),
                (K::InternalFaq, 3)
            ]
        );
    }
}
