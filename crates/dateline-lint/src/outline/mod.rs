//! Finds the PR/FAQ's sections, in drafts of any shape: labels wherever
//! authors put them (`labels`), the dateline (`dateline`), quotes and who
//! speaks them (`quotes`), next steps (`steps`) and the FAQ (`faq`). This
//! file assembles them: labels claim the blocks under them (`claims`),
//! then the headline (`headline`), the opening (`opening`: dateline,
//! summary, subheading) and the body (`body`: problem, solution, quotes,
//! getting started, call to action) are read in the release's usual
//! order. An author's `<!-- dateline: part -->` marker overrides every
//! guess.

mod body;
mod claims;
mod dateline;
mod faq;
mod headline;
mod labels;
mod opening;
mod quotes;
mod steps;
mod vocab;

pub(crate) use dateline::dateline_end;
pub(crate) use steps::{has_link, has_next_step, says_how_to_get};

use crate::document::{Block, Document};
use crate::report::{Section, SectionKind};
use labels::{Cue, LINE_LEVEL};
use std::ops::Range;

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
