//! Comment anchors that survive edits.
//!
//! A comment cannot keep a byte offset: the draft is edited between review
//! rounds, by people who never see the comment. An anchor keeps what a
//! person would use to find the spot again: the quoted text, a little of
//! the text around it, and where it was. Resolving looks for the quote and
//! lets the context choose between copies; the old position only breaks
//! ties. When the quote is gone the comment is orphaned (shown apart, with
//! its quote), never dropped.
//!
//! The stored context is plain text from the draft, so an anchor reveals
//! nothing the draft does not; it is at most [`CONTEXT_CHARS`] characters
//! a side to keep log lines short.

use crate::sections::floor_boundary;
use crate::Span;
use memchr::memmem;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::ops::Range;

/// Characters of context kept on each side of the quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where a comment points, independent of offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Anchor {
    /// The commented text exactly; empty for a comment on a point.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote (fewer only at
    /// the start of the text).
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    pub suffix: String,
    /// Byte offset of the quote when the anchor was made.
    pub start_hint: usize,
}

/// Where an anchor is in a (possibly edited) text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "span", rename_all = "camelCase")]
pub enum Resolution {
    /// The quote is where it was, with the same text around it.
    Exact(Span),
    /// The quote was found elsewhere, or its surroundings changed.
    Moved(Span),
    /// The quote is no longer in the text: show the comment apart, with its
    /// quote, so nothing is lost.
    Orphaned,
}

/// Why [`Anchor::find_for_edit`] will not place an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Refusal {
    /// The quoted text is no longer in the text.
    Gone,
    /// The quote is there, but none of it with the text that was around it.
    ContextChanged,
    /// The quote is there more than once, equally well placed.
    Ambiguous,
}

impl Refusal {
    /// Why, for the author.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Gone => "the text it changes is no longer in the draft",
            Refusal::ContextChanged => {
                "the text around it changed since the suggestion was made; apply it by hand if it still fits"
            }
            Refusal::Ambiguous => "the text it changes appears more than once with the same surroundings",
        }
    }
}

impl Resolution {
    /// The span, when the anchor was found.
    pub fn span(self) -> Option<Span> {
        match self {
            Resolution::Exact(s) | Resolution::Moved(s) => Some(s),
            Resolution::Orphaned => None,
        }
    }
}

impl Anchor {
    /// Anchors the bytes `range` of `text`. The range is clamped to the text
    /// and widened to char boundaries, so any range gives a valid anchor.
    pub fn new(text: &str, range: Range<usize>) -> Anchor {
        let start = floor_boundary(text, range.start);
        let end = ceil_boundary(text, range.end.max(start));
        let prefix_start = text[..start]
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let suffix_end = text[end..]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(text.len(), |(i, _)| end + i);
        Anchor {
            quote: text[start..end].to_string(),
            prefix: text[prefix_start..start].to_string(),
            suffix: text[end..suffix_end].to_string(),
            start_hint: start,
        }
    }

    /// Finds the anchor in `text`.
    ///
    /// Every occurrence of the quote is a candidate. Candidates are ranked
    /// by (1) how many sides of context match in full, (2) how many bytes of
    /// context match, (3) nearness to the old position. An edit next to the
    /// quote breaks the context on one side only, so the true spot keeps at
    /// least one full side and beats a copy whose context merely resembles
    /// it; the old position decides only between equally good copies.
    /// It is `Exact` when found at the old position with both sides intact.
    pub fn resolve(&self, text: &str) -> Resolution {
        if self.quote.is_empty() {
            return self.resolve_point(text);
        }
        let quote = self.quote.as_bytes();
        let bytes = text.as_bytes();
        let mut best: Option<(Rank, usize)> = None;
        let finder = memmem::Finder::new(quote);
        let mut from = 0;
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            let (full, matched) = self.context_score(text, at, at + quote.len());
            let key = (full, matched, Reverse(at.abs_diff(self.start_hint)));
            if best.is_none_or(|(k, _)| key > k) {
                best = Some((key, at));
            }
            // Overlapping occurrences too ("aa" in "aaa" twice); the quote
            // starts with a whole char, so the next char boundary is enough.
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
        match best {
            None => Resolution::Orphaned,
            Some(((full, _, _), at)) => {
                let span = Span::new(at, at + quote.len());
                if full == 2 && at == self.start_hint {
                    Resolution::Exact(span)
                } else {
                    Resolution::Moved(span)
                }
            }
        }
    }

    /// Where the quote is, for changing it (accepting a suggestion): the
    /// quote verbatim, with at least one side of its stored context whole
    /// (both for a point: its prefix and suffix must meet), and no other
    /// copy placed as well unless both sides match there too. Anything
    /// less is refused: the text may have changed since the anchor was made.
    pub fn find_for_edit(&self, text: &str) -> Result<Span, Refusal> {
        if self.quote.is_empty() {
            return match self.resolve_point(text) {
                Resolution::Exact(s) | Resolution::Moved(s)
                    if text[..s.start].ends_with(&self.prefix)
                        && text[s.start..].starts_with(&self.suffix) =>
                {
                    Ok(s)
                }
                _ if !self.prefix.is_empty() && text.contains(&self.prefix)
                    || !self.suffix.is_empty() && text.contains(&self.suffix) =>
                {
                    Err(Refusal::ContextChanged)
                }
                _ => Err(Refusal::Gone),
            };
        }
        let quote = self.quote.as_bytes();
        let mut ranked: Vec<((u8, usize), usize)> = self
            .occurrences(text)
            .into_iter()
            .map(|at| (self.context_score(text, at, at + quote.len()), at))
            .collect();
        ranked.sort_by_key(|&(score, at)| (Reverse(score), at.abs_diff(self.start_hint)));
        match ranked.as_slice() {
            [] => Err(Refusal::Gone),
            [(best, _), ..] if best.0 == 0 => Err(Refusal::ContextChanged),
            [(best, _), (next, _), ..] if best == next && best.0 < 2 => Err(Refusal::Ambiguous),
            [(_, at), ..] => Ok(Span::new(*at, at + quote.len())),
        }
    }

    /// Every start of the quote in `text`, overlapping ones too ("aa" in
    /// "aaa" twice).
    fn occurrences(&self, text: &str) -> Vec<usize> {
        let finder = memmem::Finder::new(self.quote.as_bytes());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = finder.find(&text.as_bytes()[from..]).map(|i| from + i) {
            found.push(at);
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    /// A point comment: found where its prefix and suffix meet.
    fn resolve_point(&self, text: &str) -> Resolution {
        let joined = format!("{}{}", self.prefix, self.suffix);
        if joined.is_empty() {
            let at = floor_boundary(text, self.start_hint);
            return Resolution::Moved(Span::new(at, at));
        }
        let best = memmem::find_iter(text.as_bytes(), joined.as_bytes())
            .map(|at| at + self.prefix.len())
            .min_by_key(|at| at.abs_diff(self.start_hint));
        match best {
            Some(at) if at == self.start_hint => Resolution::Exact(Span::new(at, at)),
            Some(at) => Resolution::Moved(Span::new(at, at)),
            None => Resolution::Orphaned,
        }
    }

    /// (sides whose whole stored context matches, bytes of context matching)
    /// for the quote at `start..end`.
    fn context_score(&self, text: &str, start: usize, end: usize) -> (u8, usize) {
        let before = &text.as_bytes()[..start];
        let after = &text.as_bytes()[end..];
        let p = self.prefix.as_bytes();
        let s = self.suffix.as_bytes();
        let pm = p
            .iter()
            .rev()
            .zip(before.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let sm = s.iter().zip(after).take_while(|(a, b)| a == b).count();
        (u8::from(pm == p.len()) + u8::from(sm == s.len()), pm + sm)
    }
}

/// How well an occurrence matches: (full context sides, context bytes,
/// nearness to the hint); larger is better.
type Rank = (u8, usize, Reverse<usize>);

/// The smallest char boundary not before `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TEXT: &str = "Lumen today launched PocketCell, a battery that charges in ten minutes. \
        PocketCell costs $49 and ships in May. Lumen said PocketCell is the thinnest battery it has made.";

    fn anchor_on(text: &str, quote: &str, nth: usize) -> Anchor {
        let at = text.match_indices(quote).nth(nth).unwrap().0;
        Anchor::new(text, at..at + quote.len())
    }

    #[test]
    fn new_takes_context_on_char_boundaries() {
        let a = anchor_on(TEXT, "costs $49", 0);
        assert_eq!(a.quote, "costs $49");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert!(TEXT[..a.start_hint].ends_with(&a.prefix));
        assert!(TEXT[a.start_hint + a.quote.len()..].starts_with(&a.suffix));
        // A range inside a multi-byte char widens to the whole char.
        let a = Anchor::new("aé€b", 2..3);
        assert_eq!(
            (a.quote.as_str(), a.prefix.as_str(), a.suffix.as_str()),
            ("é", "a", "€b")
        );
        // Out of range clamps.
        let a = Anchor::new("abc", 2..99);
        assert_eq!((a.quote.as_str(), a.suffix.as_str()), ("c", ""));
    }

    #[test]
    fn exact_when_nothing_moved() {
        let a = anchor_on(TEXT, "PocketCell", 1);
        let at = a.start_hint;
        assert_eq!(a.resolve(TEXT), Resolution::Exact(Span::new(at, at + 10)));
    }

    #[test]
    fn context_picks_the_right_copy_after_an_edit_before_it() {
        // The second "PocketCell" of three, then text inserted at the start.
        let a = anchor_on(TEXT, "PocketCell", 1);
        let edited = format!("NEW: PocketCell ships worldwide. {TEXT}");
        let expected = a.start_hint + "NEW: PocketCell ships worldwide. ".len();
        assert_eq!(
            a.resolve(&edited),
            Resolution::Moved(Span::new(expected, expected + 10))
        );
    }

    #[test]
    fn an_identical_copy_nearer_the_hint_loses_to_context() {
        // One edit just before the third "PocketCell" breaks its prefix and
        // puts a new copy, with other context, nearer the old position.
        let a = anchor_on(TEXT, "PocketCell", 2);
        let edited = TEXT.replace("ships in May.", "ships in May with PocketCell Go.");
        let copy = edited.find("PocketCell Go").unwrap();
        let truth = a.start_hint + " with PocketCell Go".len();
        assert_eq!(&edited[truth..truth + 10], "PocketCell");
        assert!(
            copy.abs_diff(a.start_hint) < truth.abs_diff(a.start_hint),
            "the copy is nearer"
        );
        assert_eq!(
            a.resolve(&edited),
            Resolution::Moved(Span::new(truth, truth + 10))
        );
    }

    #[test]
    fn moved_when_context_changed_and_orphaned_when_gone() {
        let a = anchor_on(TEXT, "costs $49", 0);
        let edited = TEXT.replace("PocketCell costs", "It costs");
        let at = edited.find("costs $49").unwrap();
        assert_eq!(a.resolve(&edited), Resolution::Moved(Span::new(at, at + 9)));
        assert_eq!(
            a.resolve(&TEXT.replace("costs $49", "costs $59")),
            Resolution::Orphaned
        );
        assert_eq!(a.resolve(""), Resolution::Orphaned);
    }

    #[test]
    fn ties_go_to_the_nearest_copy() {
        let text = "x a x a x";
        let a = Anchor {
            quote: "a".into(),
            prefix: "zz".into(),
            suffix: "yy".into(),
            start_hint: 7,
        };
        assert_eq!(a.resolve(text), Resolution::Moved(Span::new(6, 7)));
    }

    #[test]
    fn point_anchor() {
        let a = Anchor::new(TEXT, 10..10);
        assert_eq!(a.quote, "");
        assert_eq!(a.resolve(TEXT), Resolution::Exact(Span::new(10, 10)));
        assert_eq!(
            a.resolve(&format!("ab{TEXT}")),
            Resolution::Moved(Span::new(12, 12))
        );
        assert_eq!(
            Anchor::new("", 0..0).resolve(""),
            Resolution::Moved(Span::new(0, 0))
        );
    }

    #[test]
    fn serializes() {
        let json = serde_json::to_value(Resolution::Moved(Span::new(1, 2))).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"status": "moved", "span": {"start": 1, "end": 2}})
        );
        let json = serde_json::to_value(anchor_on(TEXT, "May", 0)).unwrap();
        assert!(json["startHint"].is_number());
    }

    #[derive(Clone, Debug)]
    enum Edit {
        Insert(usize, String),
        Delete(usize, usize),
        Replace(usize, usize, String),
    }

    /// A text, an anchored char range in it, and an edit outside that range.
    fn case() -> impl Strategy<Value = (String, Range<usize>, Edit)> {
        // Letters, spaces, newlines and multi-byte chars; random text over
        // this alphabet is not repetitive, as prose is not.
        (
            "[a-zé€ \n]{1,150}",
            any::<(u16, u16, u16, u16)>(),
            "[a-zé€ \n]{0,20}",
            0u8..3,
        )
            .prop_map(|(text, (a, b, c, d), insert, kind)| {
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(text.len()))
                    .collect();
                let n = bounds.len();
                let s = a as usize % (n - 1);
                let e = s + 1 + b as usize % (n - 1 - s).min(12);
                let range = bounds[s]..bounds[e];
                // Edit boundaries before the quote (0..=s) or after it (e..n).
                let before = c % 2 == 0 && s > 0 || e == n - 1;
                let (lo, hi) = if before { (0, s) } else { (e, n - 1) };
                let x = lo + d as usize % (hi - lo + 1);
                let y = x + (c as usize / 2) % (hi - x + 1);
                let edit = match kind {
                    0 => Edit::Insert(bounds[x], insert),
                    1 => Edit::Delete(bounds[x], bounds[y]),
                    _ => Edit::Replace(bounds[x], bounds[y], insert),
                };
                (text, range, edit)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 20_000, ..ProptestConfig::default() })]

        /// An edit that leaves the quoted text alone never loses it.
        ///
        /// Restriction: no *other* copy of the quote in the edited text may
        /// carry the anchor's full stored prefix or full stored suffix. If
        /// one does, the case is undecidable by construction: an edit next to
        /// the true quote can erase its context on one side, and then the
        /// copy matches exactly as well as the true spot does, so "the quote
        /// moved there" and "the quote stayed here" are the same evidence.
        /// (Prose rarely repeats 32 characters around a phrase; the random
        /// texts here mostly hit this only when very short.) Under the
        /// restriction the true spot keeps a full side and the copies none,
        /// so resolution must find it.
        #[test]
        fn resolves_through_unrelated_edits((text, range, edit) in case()) {
            let anchor = Anchor::new(&text, range.clone());
            let (edited, shift_start) = match &edit {
                Edit::Insert(at, s) => (format!("{}{}{}", &text[..*at], s, &text[*at..]), (*at, s.len() as isize)),
                Edit::Delete(a, b) => (format!("{}{}", &text[..*a], &text[*b..]), (*a, -((*b - *a) as isize))),
                Edit::Replace(a, b, s) => (
                    format!("{}{}{}", &text[..*a], s, &text[*b..]),
                    (*a, s.len() as isize - (*b - *a) as isize),
                ),
            };
            let start = if shift_start.0 <= range.start {
                (range.start as isize + shift_start.1) as usize
            } else {
                range.start
            };
            let expected = Span::new(start, start + anchor.quote.len());
            prop_assert_eq!(&edited[expected.range()], anchor.quote.as_str());
            let ambiguous = (0..edited.len())
                .filter(|&i| edited.as_bytes()[i..].starts_with(anchor.quote.as_bytes())).any(|at| {
                at != start
                    && (edited[..at].ends_with(&anchor.prefix)
                        || edited[at + anchor.quote.len()..].starts_with(&anchor.suffix))
            });
            prop_assume!(!ambiguous);
            let got = anchor.resolve(&edited);
            prop_assert_eq!(got.span(), Some(expected), "{:?} in {:?}", anchor, edited);
            if edited == text {
                prop_assert_eq!(got, Resolution::Exact(expected));
            }
        }
    }
}
