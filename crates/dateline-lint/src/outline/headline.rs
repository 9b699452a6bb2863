//! The headline: a marked or labelled one, else the first title-like
//! heading or line near the top, after any release label.

use super::{labels, Builder};
use crate::report::SectionKind;

use SectionKind as K;

impl Builder<'_, '_> {
    /// The headline: a marked or labelled one, else the first H1 that is no
    /// label, else the first heading before any text, else a short first
    /// line (drafts with no Markdown).
    pub(super) fn find_headline(&self, assigned: &[Option<SectionKind>]) -> Option<usize> {
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
}
