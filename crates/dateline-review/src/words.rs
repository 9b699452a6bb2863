//! Word-level diff of two pieces of text, as byte ranges to highlight.
//!
//! Text is cut into tokens: words (letters and digits, with inner
//! apostrophes and hyphens, so "don't" and "co-founder" stay whole),
//! whitespace runs, and runs of one punctuation character (`**` stays one
//! token, `,"` is two). Tokens are interned to integers and diffed with
//! `similar`'s Myers under a deadline: past it the diff is coarser, never
//! wrong. Two changes separated only by one whitespace token are merged,
//! so a rewritten phrase reads `[-a b-]{+c d+}` rather than `[-a-]{+c+}
//! [-b-]{+d+}`.

use crate::Span;
use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
use std::collections::HashMap;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Punct,
}

/// Cuts text into tokens; the returned ranges tile the text exactly and lie
/// on char boundaries.
pub(crate) fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let class = class_of(c);
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let joins = match class {
                Class::Word => {
                    class_of(d) == Class::Word
                        || (is_joiner(d) && {
                            // A joiner stays inside the word only when a letter follows.
                            let mut ahead = text[i + d.len_utf8()..].chars();
                            ahead.next().is_some_and(|n| class_of(n) == Class::Word)
                        })
                }
                Class::Space => class_of(d) == Class::Space,
                Class::Punct => d == c,
            };
            if !joins {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        out.push((start, end));
    }
    out
}

fn class_of(c: char) -> Class {
    if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Punct
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// True when the token is a word (for counting changed words).
pub(crate) fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(|c| class_of(c) == Class::Word)
}

/// One change between the texts: bytes `old` of the old text became bytes
/// `new` of the new text. One of the two may be empty (an insertion or a
/// deletion), and then it marks where the change sits on that side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hunk {
    pub old: Span,
    pub new: Span,
}

/// The changes turning `old` into `new`; spans are offset by `old_base` and
/// `new_base` (where the two pieces sit in their drafts).
pub(crate) fn word_diff(
    old: &str,
    old_base: usize,
    new: &str,
    new_base: usize,
    deadline: Option<Instant>,
) -> Vec<Hunk> {
    let old_tokens = tokenize(old);
    let new_tokens = tokenize(new);
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(old_tokens.len());
    let old_ids = intern(&mut ids, old, &old_tokens);
    let new_ids = intern(&mut ids, new, &new_tokens);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_ids, &new_ids, deadline);

    // Token-index ranges of changes, merged across single whitespace tokens.
    // Positions come from walking the ops' lengths, not from the indexes the
    // ops carry: `similar` 2.7 can report a wrong `new_index` on a delete
    // (and `old_index` on an insert) when Myers splits a change around an
    // equal token (mitsuhiko/similar#78); the lengths are always right.
    let mut ranges: Vec<(usize, usize, usize, usize)> = Vec::new();
    let (mut oi, mut ni) = (0, 0);
    let mut bridge: Option<(usize, usize)> = None; // a pending one-token equal run
    for op in ops {
        let (old_len, new_len) = match op {
            DiffOp::Equal { len, .. } => {
                let is_gap = len == 1 && !ranges.is_empty() && {
                    let (s, e) = old_tokens[oi];
                    class_of(old[s..e].chars().next().unwrap_or('x')) == Class::Space
                };
                bridge = is_gap.then_some((oi, ni));
                oi += len;
                ni += len;
                continue;
            }
            DiffOp::Delete { old_len, .. } => (old_len, 0),
            DiffOp::Insert { new_len, .. } => (0, new_len),
            DiffOp::Replace { old_len, new_len, .. } => (old_len, new_len),
        };
        let (o, n) = ((oi, oi + old_len), (ni, ni + new_len));
        oi += old_len;
        ni += new_len;
        match ranges.last_mut() {
            Some(last) if last.1 == o.0 && last.3 == n.0 => {
                last.1 = o.1;
                last.3 = n.1;
            }
            Some(last) if bridge.is_some_and(|(bo, bn)| bo == last.1 && bn == last.3) => {
                last.1 = o.1;
                last.3 = n.1;
            }
            _ => ranges.push((o.0, o.1, n.0, n.1)),
        }
        bridge = None;
    }
    debug_assert_eq!(
        (oi, ni),
        (old_tokens.len(), new_tokens.len()),
        "the ops cover both sides"
    );

    let byte = |tokens: &[(usize, usize)], len: usize, i: usize| tokens.get(i).map_or(len, |t| t.0);
    ranges
        .into_iter()
        .map(|(os, oe, ns, ne)| Hunk {
            old: Span::new(
                old_base + byte(&old_tokens, old.len(), os),
                old_base + byte(&old_tokens, old.len(), oe),
            ),
            new: Span::new(
                new_base + byte(&new_tokens, new.len(), ns),
                new_base + byte(&new_tokens, new.len(), ne),
            ),
        })
        .collect()
}

/// Token ids: equal ids for equal token text, so the diff compares integers.
fn intern<'t>(ids: &mut HashMap<&'t str, u32>, text: &'t str, tokens: &[(usize, usize)]) -> Vec<u32> {
    tokens
        .iter()
        .map(|&(s, e)| {
            let next = ids.len() as u32;
            *ids.entry(&text[s..e]).or_insert(next)
        })
        .collect()
}

/// Words in a span of text.
pub(crate) fn count_words(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|&&(s, e)| is_word(&text[s..e]))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    /// git word-diff style rendering of a diff, to assert on.
    fn show(old: &str, new: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for h in word_diff(old, 0, new, 0, None) {
            out.push_str(&old[at..h.old.start]);
            if !h.old.is_empty() {
                out.push_str(&format!("[-{}-]", &old[h.old.start..h.old.end]));
            }
            if !h.new.is_empty() {
                out.push_str(&format!("{{+{}+}}", &new[h.new.start..h.new.end]));
            }
            at = h.old.end;
        }
        out.push_str(&old[at..]);
        out
    }

    #[test]
    fn tokens_tile_the_text() {
        assert_eq!(
            toks("Don't stop—co-founder said, \"**go**\"\r\n"),
            [
                "Don't",
                " ",
                "stop",
                "—",
                "co-founder",
                " ",
                "said",
                ",",
                " ",
                "\"",
                "**",
                "go",
                "**",
                "\"",
                "\r\n"
            ]
        );
        assert_eq!(toks("rock-"), ["rock", "-"]);
        assert_eq!(toks("naïve café 東京"), ["naïve", " ", "café", " ", "東京"]);
        assert!(toks("").is_empty());
    }

    #[test]
    fn highlights_exactly_the_changed_words() {
        let old = "The quick brown fox jumps over the lazy dog.";
        let new = "The quick red fox leaps over the lazy dog!";
        let hunks = word_diff(old, 0, new, 0, None);
        let deleted: Vec<_> = hunks.iter().map(|h| &old[h.old.start..h.old.end]).collect();
        let inserted: Vec<_> = hunks.iter().map(|h| &new[h.new.start..h.new.end]).collect();
        assert_eq!(deleted, ["brown", "jumps", "."]);
        assert_eq!(inserted, ["red", "leaps", "!"]);
    }

    #[test]
    fn rewritten_phrase_is_one_change() {
        assert_eq!(
            show("we ship fast today", "we deliver quickly today"),
            "we [-ship fast-]{+deliver quickly+} today"
        );
        assert_eq!(show("a b", "a x b"), "a {+x +}b");
        assert_eq!(show("a x b", "a b"), "a [-x -]b");
    }

    #[test]
    fn offsets_are_shifted_by_the_bases() {
        let h = word_diff("one two", 100, "one three", 7, None);
        assert_eq!(
            h,
            [Hunk {
                old: Span::new(104, 107),
                new: Span::new(11, 16)
            }]
        );
    }

    #[test]
    fn unicode_and_crlf_ranges_are_on_boundaries() {
        let old = "Café crème\r\nnaïve — 東京\r\n";
        let new = "Café noir\r\nnaïve — 大阪\r\n";
        let hunks = word_diff(old, 0, new, 0, None);
        assert_eq!(hunks.len(), 2);
        assert_eq!(&old[hunks[0].old.start..hunks[0].old.end], "crème");
        assert_eq!(&new[hunks[0].new.start..hunks[0].new.end], "noir");
        assert_eq!(&old[hunks[1].old.start..hunks[1].old.end], "東京");
        assert_eq!(&new[hunks[1].new.start..hunks[1].new.end], "大阪");
        // Only the line ending changed: one whitespace change.
        let hunks = word_diff("a\nb", 0, "a\r\nb", 0, None);
        assert_eq!(
            hunks,
            [Hunk {
                old: Span::new(1, 2),
                new: Span::new(1, 3)
            }]
        );
    }

    #[test]
    fn identical_and_empty() {
        assert!(word_diff("same text", 0, "same text", 0, None).is_empty());
        assert!(word_diff("", 0, "", 0, None).is_empty());
        assert_eq!(
            word_diff("", 0, "new", 0, None),
            [Hunk {
                old: Span::new(0, 0),
                new: Span::new(0, 3)
            }]
        );
        assert_eq!(
            word_diff("old", 0, "", 0, None),
            [Hunk {
                old: Span::new(0, 3),
                new: Span::new(0, 0)
            }]
        );
    }

    #[test]
    fn positions_survive_similars_misreported_indexes() {
        // Myers splits this around the equal " " and, in similar 2.7,
        // reports the delete's new_index past the insert (similar#78).
        let old = "problem\n\nLaunches cost";
        let new = "problem aunches cost";
        let hunks = word_diff(old, 0, new, 0, None);
        let mut rebuilt = String::new();
        let mut at = 0;
        for h in &hunks {
            assert!(h.old.start >= at, "{hunks:?}");
            rebuilt.push_str(&old[at..h.old.start]);
            rebuilt.push_str(&new[h.new.range()]);
            at = h.old.end;
        }
        rebuilt.push_str(&old[at..]);
        assert_eq!(rebuilt, new);
        assert_eq!(hunks.len(), 1, "merged over the one-space gap: {hunks:?}");
    }

    #[test]
    fn counts_words() {
        assert_eq!(count_words("Don't stop, co-founder — 42 times!"), 5);
    }
}
