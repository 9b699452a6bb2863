//! Labels claim the blocks under them, and a label with nothing (or only
//! a described customer) under it gives its part back.

use super::{dateline_end, quotes, Builder};
use crate::report::SectionKind;

use SectionKind as K;

impl Builder<'_, '_> {
    /// Labels claim the blocks under them. A label the outline does not know
    /// claims its blocks as "other" once the summary is behind, unless it
    /// reads like a sentence (a descriptive heading in a prose release).
    pub(super) fn claim_by_labels(&mut self, assigned: &mut [Option<SectionKind>]) {
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
    pub(super) fn drop_empty_labels(&mut self, assigned: &mut [Option<SectionKind>]) {
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
}
