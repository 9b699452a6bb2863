//! Section labels wherever authors put them: headings, bold lines acting as
//! headings, `Label:` lines, bold run-in labels (`**The problem.** …`),
//! plain label lines, and the author's own `<!-- dateline: part -->`
//! markers.

use super::vocab::{is_cjk, LABELS};
use crate::document::{Block, Document};
use crate::report::SectionKind;
use crate::wordlists::Matcher;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A label a block carries.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    /// The label's text, normalised.
    pub norm: String,
    /// The part it names, if it names one.
    pub label: Option<SectionKind>,
    /// Heading level 1–6; [`LINE_LEVEL`] for a label in a paragraph.
    pub level: u8,
    /// The block holds the section's text after its label.
    pub run_in: bool,
    /// The label is the whole text (or its part before a colon), not a
    /// phrase found inside a longer heading.
    pub exact: bool,
}

/// The level of a label that is not a heading: below every heading.
pub(crate) const LINE_LEVEL: u8 = 7;

/// Normalises label text: lowercase, no numbering, emoji, brackets or
/// trailing punctuation ("## 1. 🚀 The Problem: ##" → "the problem").
pub(crate) fn normalize(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace(['’', '‘'], "'");
    let start = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let start = strip_numbering(start);
    let end = start.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '?' || c == '？' || c == ')'));
    let end = end.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '#');
    end.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops "1.", "2)", "IV.", "Section 2:", "Step 3 -" from the front.
fn strip_numbering(s: &str) -> &str {
    let mut rest = s;
    for word in ["section ", "step ", "part ", "teil ", "partie ", "parte "] {
        if let Some(r) = rest.strip_prefix(word) {
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                rest = r;
            }
        }
    }
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let roman = rest.trim_start_matches(['i', 'v', 'x']);
    for candidate in [digits, roman] {
        if candidate.len() < rest.len() {
            if let Some(r) = candidate.strip_prefix(['.', ')', ':', '-', '、', '．']) {
                return r.trim_start_matches(|c: char| !c.is_alphanumeric());
            }
            if candidate.starts_with(' ') && candidate.len() + 3 >= rest.len() && digits.len() < rest.len() {
                return candidate.trim_start();
            }
        }
    }
    rest
}

/// Label text with "(…)" asides removed: "external faq (customer-facing)".
fn without_asides(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    let mut depth: u32 = 0;
    for c in norm.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How closely a label must match its vocabulary.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// The whole text, or its part before a colon.
    Exact,
    /// Or a phrase inside a short heading.
    Phrase,
}

/// Vocabulary words too general to name a part from inside a longer heading.
const NOT_PHRASES: &[&str] = &[
    "questions",
    "product",
    "internal",
    "external",
    "opening",
    "closing",
    "approach",
    "title",
    "heading",
    "lead",
    "intro",
    "quote",
    "features",
    "install",
];

/// The part a normalised label names.
pub(crate) fn label_of(norm: &str, how: Match) -> Option<SectionKind> {
    let bare = without_asides(norm);
    if bare.is_empty() || is_bare_release_label(&bare) {
        return None;
    }
    let bare = bare.trim_end_matches(['?', '？', ':', '：']).trim();
    if let Some(kind) = exact_label(bare) {
        return Some(kind);
    }
    if how == Match::Exact || bare.split_whitespace().count() > 8 || is_document_title(bare) {
        return None;
    }
    phrase_label(bare)
}

/// The whole text, or its part before ":", " -" or " —", as a synonym;
/// the longest wins.
fn exact_label(bare: &str) -> Option<SectionKind> {
    let heads = bare
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, ':' | '：')
                || (c == ' ' && (bare[i..].starts_with(" -") || bare[i..].starts_with(" —")))
        })
        .map(|(i, _)| &bare[..i]);
    std::iter::once(bare)
        .chain(heads)
        .filter_map(|head| LABEL_INDEX.exact.get(head.trim_end()).map(|k| (head.len(), *k)))
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

/// The longest synonym inside a short heading, as whole words (anywhere,
/// for CJK synonyms).
fn phrase_label(bare: &str) -> Option<SectionKind> {
    let index = &*LABEL_INDEX;
    let words = index
        .phrases
        .find(bare)
        .map(|(i, r)| (r.len(), index.phrase_kinds[i]));
    let cjk = index
        .cjk
        .iter()
        .filter(|(p, _)| bare.contains(p.as_str()))
        .map(|(p, k)| (p.len(), *k));
    words.chain(cjk).max_by_key(|(len, _)| *len).map(|(_, kind)| kind)
}

/// The synonyms of `data/headings.toml`, indexed once: a map for exact
/// lookups, an automaton for phrases inside headings.
struct LabelIndex {
    exact: HashMap<String, SectionKind>,
    release: HashSet<String>,
    phrases: Matcher,
    phrase_kinds: Vec<SectionKind>,
    cjk: Vec<(String, SectionKind)>,
}

static LABEL_INDEX: LazyLock<LabelIndex> = LazyLock::new(|| {
    let mut exact = HashMap::new();
    let (mut phrases, mut phrase_kinds, mut cjk) = (Vec::new(), Vec::new(), Vec::new());
    for (kind, synonyms) in &LABELS.by_kind {
        for s in synonyms {
            // The longest synonym list wins a tie, as the TOML's order does.
            exact.entry(s.clone()).or_insert(*kind);
            if NOT_PHRASES.contains(&s.as_str()) {
                continue;
            }
            if s.chars().any(is_cjk) {
                cjk.push((s.clone(), *kind));
            } else {
                phrases.push(s.clone());
                phrase_kinds.push(*kind);
            }
        }
    }
    LabelIndex {
        exact,
        release: LABELS.release_labels.iter().cloned().collect(),
        phrases: Matcher::new(&phrases),
        phrase_kinds,
        cjk,
    }
});

/// "The Evergreen Bible PR / FAQ", "JProbe - PR/FAQ Document": the
/// document's title, not its FAQ.
fn is_document_title(norm: &str) -> bool {
    [
        "pr/faq",
        "pr / faq",
        "pr faq",
        "prfaq",
        "press release / faq",
        "press release & faq",
        "press release and faq",
    ]
    .iter()
    .any(|t| norm.contains(t))
}

/// `phrase` inside `text` as whole words (anywhere, for CJK phrases).
pub(crate) fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.chars().any(is_cjk) {
        return text.contains(phrase);
    }
    text.match_indices(phrase).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "Press Release", "FOR IMMEDIATE RELEASE", "PRFAQ": labels of the
/// document, not of a part.
pub(crate) fn is_release_label(norm: &str) -> bool {
    is_bare_release_label(&without_asides(norm))
}

/// [`is_release_label`] of a label without its "(…)" asides.
fn is_bare_release_label(bare: &str) -> bool {
    let bare = bare.trim_end_matches(|c: char| !c.is_alphanumeric()).trim();
    if LABEL_INDEX.release.contains(bare) {
        return true;
    }
    // "Pour publication immédiate - 1 Juin 2025": a date may follow.
    bare.char_indices()
        .filter(|&(_, c)| matches!(c, ' ' | '-' | '–' | '—' | ':'))
        .any(|(i, _)| {
            let rest = &bare[i..];
            LABEL_INDEX.release.contains(bare[..i].trim_end())
                && (!rest.chars().any(char::is_alphabetic) || super::dateline::has_date(rest))
        })
}

/// A heading, emphasised line or short plain line that only labels the
/// document or the release ("**FOR IMMEDIATE RELEASE**", "# PRESS RELEASE").
pub(crate) fn is_release_block(block: &Block) -> bool {
    let short = block.words.len() <= 10 && !block.plain.contains('\n');
    (block.is_heading() || (block.is_prose() && short)) && is_release_label(&normalize(block.plain))
}

/// "Headline: Acme ships rockets": a label with the part's text after it.
pub(crate) fn has_text_after_label(plain: &str) -> bool {
    plain
        .split_once([':', '：'])
        .is_some_and(|(_, rest)| rest.trim().chars().filter(|c| c.is_alphanumeric()).count() >= 3)
}

/// Where the part's own text starts in a block with a run-in label.
pub(crate) fn text_after_label(cue: &Option<Cue>, plain: &str) -> usize {
    if !cue.as_ref().is_some_and(|c| c.run_in) {
        return 0;
    }
    let colon = plain
        .find([':', '：'])
        .map(|c| c + plain[c..].chars().next().map_or(1, char::len_utf8));
    let colon = colon.filter(|&c| c <= 64).unwrap_or(0);
    colon + (plain[colon..].len() - plain[colon..].trim_start_matches([' ', '*', '_', '.']).len())
}

/// A short first line that reads as a title: no closing full stop.
pub(crate) fn looks_like_title(block: &Block) -> bool {
    let text = block.plain.trim();
    block.is_prose()
        && block.item.is_none()
        && !text.is_empty()
        && !text.contains('\n')
        && block.words.len() <= 25
        && !text.ends_with(['.', '。', ':', '：', '?', '？'])
}

/// "Prepared by …", "By Ann Lee", "Contact: …": who wrote it, not a title.
pub(crate) fn is_byline(plain: &str) -> bool {
    let lower = plain.trim().to_lowercase();
    [
        "by ",
        "prepared by",
        "written by",
        "author",
        "contact",
        "von ",
        "par ",
        "por ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || lower.contains('@')
        || super::dateline::is_date_line(plain)
}

/// The label a block carries, if any.
pub(crate) fn cue(block: &Block) -> Option<Cue> {
    if let Some(level) = block.level() {
        let norm = normalize(block.plain);
        let exact = label_of(&norm, Match::Exact);
        let label = exact.or_else(|| label_of(&norm, Match::Phrase));
        return Some(Cue {
            norm,
            label,
            level,
            run_in: false,
            exact: exact.is_some(),
        });
    }
    if !block.is_prose() || block.item.is_some() {
        return None;
    }
    emphasised_label(block)
        .or_else(|| run_in_label(block))
        .or_else(|| plain_label(block))
}

/// A paragraph that is one bold or italic label ("**Problem Statement**").
fn emphasised_label(block: &Block) -> Option<Cue> {
    let text = block.plain.trim();
    if !block.is_emphasised() || block.words.len() > 12 || text.ends_with(['?', '？']) {
        return None;
    }
    let norm = normalize(text);
    let label = label_of(&norm, Match::Phrase)?;
    Some(Cue {
        norm,
        label: Some(label),
        level: LINE_LEVEL,
        run_in: false,
        exact: false,
    })
}

/// "Solution: This tool…", "**The problem.** Working with…", "**제목:** …".
fn run_in_label(block: &Block) -> Option<Cue> {
    let plain = block.plain;
    let bold = block
        .styled
        .iter()
        .find(|s| s.range.start == plain.len() - plain.trim_start().len())
        .map(|s| s.range.end);
    let colon = plain
        .find([':', '：'])
        .filter(|&c| c <= 60)
        .map(|c| c + plain[c..].chars().next().map_or(1, char::len_utf8));
    let end = bold.into_iter().chain(colon).min()?;
    let head = &plain[..end];
    if head.split_whitespace().count() > 6 {
        return None;
    }
    let norm = normalize(head);
    let label = label_of(&norm, Match::Exact)?;
    let rest = plain[end..]
        .trim_start_matches([':', '：', '.', ' ', '*', '_'])
        .trim();
    Some(Cue {
        norm,
        label: Some(label),
        level: LINE_LEVEL,
        run_in: !rest.is_empty(),
        exact: true,
    })
}

/// A short plain line that is only a label ("FAQs", "Frequently Asked
/// Questions:", "プレスリリース").
fn plain_label(block: &Block) -> Option<Cue> {
    let text = block.plain.trim();
    if text.is_empty() || text.contains('\n') || block.words.len() > 6 || text.ends_with(['.', '。', '!']) {
        return None;
    }
    let norm = normalize(text);
    let label = label_of(&norm, Match::Exact)?;
    Some(Cue {
        norm,
        label: Some(label),
        level: LINE_LEVEL,
        run_in: false,
        exact: true,
    })
}

/// The part an author's marker names for each block: the block right after
/// a `<!-- dateline: problem -->` comment.
pub(crate) fn markers(doc: &Document<'_>) -> Vec<Option<SectionKind>> {
    let mut out = vec![None; doc.blocks.len()];
    for range in &doc.html {
        let html = &doc.text[range.clone()];
        let mut from = 0;
        while let Some(open) = html[from..].find("<!--") {
            let start = from + open + 4;
            let Some(close) = html[start..].find("-->") else {
                break;
            };
            from = start + close + 3;
            let Some(kind) = marker_kind(&html[start..start + close]) else {
                continue;
            };
            let after = range.start + from;
            if let Some(i) = doc.blocks.iter().position(|b| b.range.start >= after) {
                out[i] = Some(kind);
            }
        }
    }
    out
}

/// The part a comment's body names: "dateline: leader quote" → LeaderQuote.
pub(crate) fn marker_kind(body: &str) -> Option<SectionKind> {
    let name = body.trim().strip_prefix("dateline:")?.trim().to_lowercase();
    let id = name.replace([' ', '_'], "-");
    SectionKind::from_id(&id).or_else(|| (id == "none" || id == "not-a-part").then_some(SectionKind::Other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Tables;

    fn first_cue(text: &str) -> Option<Cue> {
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        cue(&doc.blocks[0])
    }

    fn kind_of(text: &str) -> Option<SectionKind> {
        first_cue(text).and_then(|c| c.label)
    }

    #[test]
    fn labels_in_every_shape() {
        use SectionKind as K;
        assert_eq!(kind_of("## Problem ##\n"), Some(K::Problem));
        assert_eq!(kind_of("## 2. 🚀 The Solution\n"), Some(K::Solution));
        assert_eq!(kind_of("#### Addressing industry challenges\n"), Some(K::Problem));
        assert_eq!(kind_of("**Stakeholder Quote**\n"), Some(K::LeaderQuote));
        assert_eq!(kind_of("Customer Problems:\n- a\n"), Some(K::Problem));
        assert_eq!(
            kind_of("Leader’s Quote: \"We did it,\" - Ann\n"),
            Some(K::LeaderQuote)
        );
        assert_eq!(kind_of("**The problem.** People wait.\n"), Some(K::Problem));
        assert_eq!(kind_of("**고객 인용문 1:** _좋아요_\n"), Some(K::CustomerQuote));
        assert_eq!(kind_of("## 解决方案：AI 工作\n"), Some(K::Solution));
        assert_eq!(
            kind_of("## External FAQ (customer-facing)\n"),
            Some(K::ExternalFaq)
        );
        assert_eq!(kind_of("FAQs\n"), Some(K::Faq));
        assert_eq!(kind_of("Frequently Asked Questions:\n"), Some(K::Faq));
        assert_eq!(kind_of("## Häufig gestellte Fragen\n"), Some(K::Faq));
        assert!(first_cue("**Problem:** it hurts.\n").is_some_and(|c| c.run_in));
        // A sentence that happens to open with a label word is no label.
        assert_eq!(
            kind_of("Problem solved: we shipped it last week and it works.\n"),
            None
        );
        assert_eq!(kind_of("# Press Release\n"), None);
        assert_eq!(kind_of("**FOR IMMEDIATE RELEASE**\n"), None);
        assert_eq!(kind_of("## Product roadmap for next year\n"), None);
    }

    #[test]
    fn release_labels() {
        assert!(is_release_label(&normalize(
            "PRESS RELEASE (COMMUNIQUÉ DE PRESSE)"
        )));
        assert!(is_release_label(&normalize("Pressemitteilung")));
        assert!(is_release_label(&normalize("For immediate release")));
        assert!(!is_release_label(&normalize("The Evergreen Bible PR / FAQ")));
    }

    #[test]
    fn markers_name_a_part() {
        assert_eq!(marker_kind(" dateline: problem "), Some(SectionKind::Problem));
        assert_eq!(
            marker_kind("dateline: leader quote"),
            Some(SectionKind::LeaderQuote)
        );
        assert_eq!(
            marker_kind("dateline: customer_quote"),
            Some(SectionKind::CustomerQuote)
        );
        assert_eq!(marker_kind("dateline: other"), Some(SectionKind::Other));
        assert_eq!(marker_kind("dateline: nonsense"), None);
        assert_eq!(marker_kind("dateline-disable jargon"), None);
        let mut tables = Tables::default();
        let doc = Document::parse("Intro.\n\n<!-- dateline: problem -->\nIt hurts.\n", &mut tables);
        assert_eq!(markers(&doc), [None, Some(SectionKind::Problem)]);
    }
}
