//! Pairs the sections of two versions of a draft.
//!
//! Sections are paired by identity before content, because a reviewer
//! thinks "the Problem section was rewritten", not "a section was removed
//! and another added", however much the text changed:
//!
//! 1. a section with a title (a heading, a FAQ question) pairs with the one
//!    of the same kind and title, when that title is unique on both sides;
//!    questions pair by their words alone, so a question carried from the
//!    customer FAQ to the internal one is one section that moved;
//! 2. a kind that occurs once among the rest on both sides pairs with itself
//!    (the headline, the summary, the preamble, a lone leader quote), but
//!    never "Other", whose parts have nothing in common but not being known;
//! 3. what is left (repeated kinds: two customer quotes, several "Other"
//!    parts, edited questions) pairs greedily by word similarity, best pair
//!    first, above a threshold;
//! 4. anything unpaired was removed (old side) or added (new side).
//!
//! A pair "moved" when its relative order changed: the pairs outside a
//! longest increasing run of old positions (taken in new order), so moving
//! one section down marks that one, not everything it jumped over.

use crate::sections::ReviewSection;
use dateline_lint::SectionKind;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Pairs below this word similarity (Dice coefficient of word multisets) are
/// not the same section.
const MIN_SIMILARITY: f64 = 0.5;

/// Beyond this many candidate pairs, similarity is only tried within a kind,
/// to keep a pathological draft (hundreds of unlabelled parts) fast.
const MAX_CANDIDATES: usize = 20_000;

/// One line of the aligned view: an old section, a new one, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Aligned {
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub moved: bool,
}

/// Aligns `old` with `new`, in display order: new order, each removed
/// section right after the one it followed in the old version.
pub(crate) fn align(
    old_text: &str,
    old: &[ReviewSection],
    new_text: &str,
    new: &[ReviewSection],
) -> Vec<Aligned> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];

    // 1. Unique titles.
    let titled = |s: &ReviewSection| -> Option<(bool, Option<SectionKind>, String)> {
        let title = normalize(s.title.as_deref()?);
        Some((s.question, if s.question { None } else { s.kind }, title))
    };
    pair_unique(old, new, &mut old_to_new, &mut new_taken, titled);
    // 2. Kinds that occur once among the rest.
    // Not "Other": two unrelated appendices are not one section rewritten.
    pair_unique(old, new, &mut old_to_new, &mut new_taken, |s| {
        (!s.question && s.kind != Some(SectionKind::Other)).then_some(s.kind)
    });
    // 3. Similarity.
    pair_similar(old_text, old, new_text, new, &mut old_to_new, &mut new_taken);

    // Moved: pairs off the longest increasing run of old indexes in new order.
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.len()];
    for (o, n) in old_to_new.iter().enumerate() {
        if let Some(n) = n {
            new_to_old[*n] = Some(o);
        }
    }
    let seq: Vec<usize> = new_to_old.iter().flatten().copied().collect();
    let keep = longest_increasing(&seq);
    let mut stays = vec![false; old.len()];
    for i in keep {
        stays[seq[i]] = true;
    }

    // Display order. Removed sections follow the old section before them.
    let mut after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut last_paired: Option<usize> = None; // the old section a removed one follows
    for (o, n) in old_to_new.iter().enumerate() {
        if n.is_some() {
            last_paired = Some(o);
        } else {
            after.entry(last_paired).or_default().push(o);
        }
    }
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let removed = |out: &mut Vec<Aligned>, key: Option<usize>, after: &mut HashMap<_, Vec<usize>>| {
        for o in after.remove(&key).unwrap_or_default() {
            out.push(Aligned {
                old: Some(o),
                new: None,
                moved: false,
            });
        }
    };
    removed(&mut out, None, &mut after);
    for (n, o) in new_to_old.iter().enumerate() {
        out.push(Aligned {
            old: *o,
            new: Some(n),
            moved: o.is_some_and(|o| !stays[o]),
        });
        if let Some(o) = o {
            removed(&mut out, Some(*o), &mut after);
        }
    }
    out
}

/// Pairs sections whose key is present and unique among the unpaired ones of
/// each side.
fn pair_unique<K: Hash + Eq>(
    old: &[ReviewSection],
    new: &[ReviewSection],
    old_to_new: &mut [Option<usize>],
    new_taken: &mut [bool],
    key: impl Fn(&ReviewSection) -> Option<K>,
) {
    // key -> (count, last index)
    let mut olds: HashMap<K, (usize, usize)> = HashMap::new();
    for (i, s) in old.iter().enumerate().filter(|(i, _)| old_to_new[*i].is_none()) {
        if let Some(k) = key(s) {
            let e = olds.entry(k).or_insert((0, i));
            e.0 += 1;
            e.1 = i;
        }
    }
    let mut news: HashMap<K, (usize, usize)> = HashMap::new();
    for (j, s) in new.iter().enumerate().filter(|(j, _)| !new_taken[*j]) {
        if let Some(k) = key(s) {
            let e = news.entry(k).or_insert((0, j));
            e.0 += 1;
            e.1 = j;
        }
    }
    for (k, (count, i)) in olds {
        if count != 1 {
            continue;
        }
        if let Some(&(1, j)) = news.get(&k) {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
}

fn pair_similar(
    old_text: &str,
    old: &[ReviewSection],
    new_text: &str,
    new: &[ReviewSection],
    old_to_new: &mut [Option<usize>],
    new_taken: &mut [bool],
) {
    let olds: Vec<usize> = (0..old.len()).filter(|&i| old_to_new[i].is_none()).collect();
    let news: Vec<usize> = (0..new.len()).filter(|&j| !new_taken[j]).collect();
    if olds.is_empty() || news.is_empty() {
        return;
    }
    let same_kind_only = olds.len() * news.len() > MAX_CANDIDATES;
    let old_bags: Vec<Vec<u64>> = olds.iter().map(|&i| bag(old[i].text(old_text))).collect();
    let new_bags: Vec<Vec<u64>> = news.iter().map(|&j| bag(new[j].text(new_text))).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (a, &i) in olds.iter().enumerate() {
        for (b, &j) in news.iter().enumerate() {
            let (o, n) = (&old[i], &new[j]);
            if o.question != n.question || (same_kind_only && o.kind != n.kind) {
                continue;
            }
            let mut score = dice(&old_bags[a], &new_bags[b]);
            if o.kind == n.kind {
                score += 0.05; // prefer the same kind between near-equals
            }
            if score >= MIN_SIMILARITY {
                candidates.push((score, i, j));
            }
        }
    }
    // Best first; ties by position, so the result does not depend on hashing.
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in candidates {
        if old_to_new[i].is_none() && !new_taken[j] {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
}

/// The sorted hashes of a text's lowercased words.
fn bag(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = DefaultHasher::new();
            for c in w.chars().flat_map(char::to_lowercase) {
                c.hash(&mut h);
            }
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out
}

/// Dice coefficient of two sorted multisets: 1 for equal, 0 for disjoint.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Lowercase words joined by single spaces: "The Problem:" = "the problem".
fn normalize(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Indexes (into `seq`) of one longest strictly increasing subsequence;
/// O(n log n). Among equally long ones it keeps the earliest-ending run.
fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the tail of each length
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < x);
        prev[i] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(i);
        at = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis() {
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[0, 1, 2]), [0, 1, 2]);
        // Section 3 moved to the front: only it is off the run.
        assert_eq!(longest_increasing(&[3, 0, 1, 2]), [1, 2, 3]);
        assert_eq!(longest_increasing(&[1, 2, 0, 3]), [0, 1, 3]);
    }

    #[test]
    fn normalize_and_similarity() {
        assert_eq!(normalize("  The Problem: "), "the problem");
        assert_eq!(normalize("Does it work offline?"), "does it work offline");
        assert_eq!(dice(&bag("a b c"), &bag("C B A")), 1.0);
        assert_eq!(dice(&bag("a b"), &bag("c d")), 0.0);
        assert!((dice(&bag("a b c d"), &bag("a b c e")) - 0.75).abs() < 1e-9);
    }
}
