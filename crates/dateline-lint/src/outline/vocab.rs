//! The outline's vocabularies (`data/headings.toml`, `data/outline.toml`),
//! loaded once.

use crate::report::SectionKind;
use crate::wordlists::Matcher;
use std::sync::LazyLock;

const HEADINGS: &str = include_str!("../../data/headings.toml");
const CUES: &str = include_str!("../../data/outline.toml");

/// A list of phrases found in running text: whole words for alphabetic
/// scripts, anywhere for Chinese, Japanese and Korean (no spaces between
/// words there).
pub(crate) struct Phrases {
    words: Matcher,
    cjk: Vec<String>,
}

impl Phrases {
    fn new(list: Vec<String>) -> Phrases {
        let (cjk, words): (Vec<String>, Vec<String>) = list.into_iter().partition(|p| p.chars().any(is_cjk));
        Phrases {
            words: Matcher::new(words),
            cjk,
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.words.is_match(hay) || (!hay.is_ascii() && self.cjk.iter().any(|p| hay.contains(p.as_str())))
    }

    /// `(start, end)` of every match, in no particular order.
    pub fn find_all(&self, hay: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.words.find(hay).map(|(_, r)| (r.start, r.end)).collect();
        // An ASCII text holds no CJK phrase.
        for p in self.cjk.iter().filter(|_| !hay.is_ascii()) {
            out.extend(hay.match_indices(p.as_str()).map(|(i, m)| (i, i + m.len())));
        }
        out
    }
}

/// Han, kana, Hangul and their punctuation.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF)
}

pub(crate) struct Labels {
    pub by_kind: Vec<(SectionKind, Vec<String>)>,
    pub internal_markers: Phrases,
    pub external_markers: Phrases,
    pub release_labels: Vec<String>,
}

pub(crate) struct Cues {
    pub speech_verbs: Phrases,
    pub leader_roles: Phrases,
    pub customer_roles: Phrases,
    pub titles: Vec<String>,
    pub getting_started: Phrases,
    pub next_step: Phrases,
    pub months: Phrases,
    pub why: Vec<String>,
    pub auxiliaries: Vec<String>,
    pub internal_questions: Phrases,
    pub problem_cues: Phrases,
    pub launch_cues: Phrases,
    pub pain_openers: Phrases,
}

fn strings(table: &toml::Table, key: &str) -> Vec<String> {
    table
        .get(key)
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) static LABELS: LazyLock<Labels> = LazyLock::new(|| {
    let table: toml::Table = toml::from_str(HEADINGS).expect("data/headings.toml is valid TOML");
    let by_kind = table
        .iter()
        .filter_map(|(k, _)| SectionKind::from_id(k).map(|kind| (kind, strings(&table, k))))
        .collect();
    Labels {
        by_kind,
        internal_markers: Phrases::new(strings(&table, "internal-markers")),
        external_markers: Phrases::new(strings(&table, "external-markers")),
        release_labels: strings(&table, "release-labels"),
    }
});

pub(crate) static CUE_WORDS: LazyLock<Cues> = LazyLock::new(|| {
    let t: toml::Table = toml::from_str(CUES).expect("data/outline.toml is valid TOML");
    let p = |key: &str| Phrases::new(strings(&t, key));
    Cues {
        speech_verbs: p("speech-verbs"),
        leader_roles: p("leader-roles"),
        customer_roles: p("customer-roles"),
        titles: strings(&t, "titles"),
        getting_started: p("getting-started"),
        next_step: p("next-step"),
        months: p("months"),
        why: strings(&t, "why"),
        auxiliaries: strings(&t, "auxiliaries"),
        internal_questions: p("internal-questions"),
        problem_cues: p("problem-cues"),
        launch_cues: p("launch-cues"),
        pain_openers: p("pain-openers"),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_load() {
        assert!(LABELS.by_kind.len() >= 12);
        assert!(!LABELS.release_labels.is_empty());
        assert!(CUE_WORDS.speech_verbs.is_match("\"Yes,\" said Ann."));
        assert!(CUE_WORDS.speech_verbs.is_match("「はい」と語った"));
        assert!(!CUE_WORDS.speech_verbs.is_match("unsaid"));
    }
}
