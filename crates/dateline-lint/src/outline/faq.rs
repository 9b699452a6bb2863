//! The FAQ: where it starts (a heading, a bold or plain label line), its
//! customer and internal parts, and its questions and answers.

use super::labels::{contains_phrase, Cue};
use super::vocab::{CUE_WORDS, LABELS};
use super::{Builder, Part, Question};
use crate::document::Block;
use crate::report::SectionKind;
use std::ops::Range;

use SectionKind as K;

/// The FAQ kind a label opens, if any ("Frequently Asked Questions",
/// "Internal FAQ", "FAQ (customer-facing)").
pub(crate) fn faq_label(cue: &Cue) -> Option<SectionKind> {
    match cue.label {
        Some(kind @ (K::Faq | K::ExternalFaq | K::InternalFaq)) => Some(if kind == K::Faq {
            audience(&cue.norm).unwrap_or(K::Faq)
        } else {
            kind
        }),
        Some(_) => None,
        None => {
            let norm = cue.norm.as_str();
            let faq = contains_phrase(norm, "faq")
                || contains_phrase(norm, "faqs")
                || norm.contains("frequently asked");
            faq.then(|| audience(norm).unwrap_or(K::Faq))
        }
    }
}

/// Internal or external, from the words of a FAQ label.
fn audience(norm: &str) -> Option<SectionKind> {
    if LABELS.internal_markers.is_match(norm) {
        Some(K::InternalFaq)
    } else if norm.starts_with("for ") || LABELS.external_markers.is_match(norm) {
        Some(K::ExternalFaq)
    } else {
        None
    }
}

/// A label inside the FAQ: a new FAQ part, `None` to stay in the current
/// one (a topic: "Billing", "Technical questions"), `Some(Other)` for a part
/// of the release (a misplaced "Problem").
fn faq_sublabel(cue: &Cue) -> Option<SectionKind> {
    match cue.label {
        Some(k @ (K::Faq | K::ExternalFaq | K::InternalFaq)) => Some(faq_label(cue).unwrap_or(k)),
        Some(_) => Some(K::Other),
        None => faq_label(cue).or_else(|| audience(&cue.norm)),
    }
}

/// A heading or line that asks a question.
pub(crate) fn is_question_text(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(['?', '？']) || starts_with_q(t)
}

/// "Q:", "Q :", "Q1.", "Question 3:", "質問:".
fn starts_with_q(t: &str) -> bool {
    let t = t.trim_start_matches(['*', '_', '-', ' ', '#']);
    let rest = t
        .strip_prefix("Question")
        .or_else(|| t.strip_prefix("Frage"))
        .or_else(|| t.strip_prefix("Q"))
        .or_else(|| t.strip_prefix("質問"))
        .or_else(|| t.strip_prefix("问"))
        .or_else(|| t.strip_prefix("질문"));
    let Some(rest) = rest else { return false };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    rest.starts_with([':', '：', '.'])
}

/// A question only the team asks: cost, risk, staffing, strategy, or the
/// rationale of a choice ("Why build it?", not "Why is it slow?").
pub(crate) fn is_internal_question(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    let q = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "Q: …", "Q : …", "Q3. …".
    let q = match q.strip_prefix('q') {
        Some(rest)
            if rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .starts_with([':', '.']) =>
        {
            rest
        }
        _ => q,
    };
    let q = q.trim_start_matches(|c: char| !c.is_alphanumeric() || c.is_ascii_digit());
    CUE_WORDS.internal_questions.is_match(q)
        || CUE_WORDS.why.iter().any(|w| {
            q.strip_prefix(w.as_str())
                .and_then(|r| r.strip_prefix(' '))
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|next| {
                    !CUE_WORDS
                        .auxiliaries
                        .iter()
                        .any(|a| a == next.trim_end_matches(['?', ',']))
                })
        })
}

impl Builder<'_, '_> {
    /// Marks the FAQ part and its sub-sections; returns where it starts.
    pub(super) fn mark_faq(&mut self) -> usize {
        let blocks = &self.doc.blocks;
        let first_title = blocks.iter().position(|b| b.level().is_some());
        let cues = &self.cues;
        let Some(start) = (0..blocks.len())
            .find(|&i| Some(i) != first_title && cues[i].as_ref().and_then(faq_label).is_some())
        else {
            return blocks.len();
        };
        let faq_level = cues[start].as_ref().map_or(1, |c| c.level);
        let mut current = cues[start].as_ref().and_then(faq_label).unwrap_or(K::Faq);
        let mut in_faq = true;
        for i in start..blocks.len() {
            let question = is_question_text(blocks[i].plain);
            // A run-in label ("**Note:** …") is part of an answer.
            let cue = cues[i].as_ref().filter(|c| !c.run_in);
            if let (Some(cue), false, false) = (cue, i == start, question) {
                if cue.level <= faq_level {
                    match faq_label(cue) {
                        Some(k) => {
                            in_faq = true;
                            current = k;
                        }
                        None => in_faq = false,
                    }
                } else if in_faq {
                    if let Some(k) = faq_sublabel(cue) {
                        current = k;
                    }
                }
                self.labelled[i] = true;
            }
            if i == start {
                self.labelled[i] = true;
            }
            self.out.parts[i] = if in_faq { Part::Faq } else { Part::After };
            self.out.kinds[i] = if in_faq { current } else { K::Other };
        }
        self.generic_faq = self.out.kinds.iter().map(|k| *k == K::Faq).collect();
        // Questions right under a generic FAQ label are the customer FAQ.
        for (i, b) in blocks.iter().enumerate().skip(start) {
            if self.out.kinds[i] == K::Faq && !(b.is_heading() && self.labelled[i]) {
                self.out.kinds[i] = K::ExternalFaq;
            }
        }
        for i in start..blocks.len().saturating_sub(1) {
            if self.out.kinds[i] == K::Faq && self.out.kinds[i + 1] == K::ExternalFaq && !self.labelled[i + 1]
            {
                self.out.kinds[i] = K::ExternalFaq;
            }
        }
        start
    }

    /// Questions: headings and lines that ask one (ending in "?" or "？",
    /// or opening "Q:"), bold questions at the start of a line, and
    /// questions in list items. The answer runs to the next question. In
    /// an FAQ whose label names no audience, a question only the team
    /// would ask goes to the internal FAQ, with its answer.
    pub(super) fn find_questions(&mut self) {
        let blocks = &self.doc.blocks;
        let mut open: Option<usize> = None;
        let mut internal = false;
        for (i, b) in blocks.iter().enumerate() {
            let kind = self.out.kinds[i];
            if self.out.parts[i] != Part::Faq || !matches!(kind, K::ExternalFaq | K::InternalFaq | K::Faq) {
                open = None;
                continue;
            }
            if b.is_heading() {
                if is_question_text(b.plain) {
                    internal = is_internal_question(b.plain);
                    self.push_question(kind, i, 0..b.plain.len(), 0, internal);
                    open = Some(self.out.questions.len() - 1);
                } else {
                    open = None;
                }
                self.split_generic(i, internal);
                continue;
            }
            let starts = question_starts(b);
            let first = starts.first().map_or(b.plain.len(), |q| q.start);
            if let Some(q) = open {
                self.out.questions[q].answer_words += answer_words(b, 0..first);
            }
            for (n, q) in starts.iter().enumerate() {
                let next = starts.get(n + 1).map_or(b.plain.len(), |r| r.start);
                let answer = answer_words(b, q.end..next);
                internal = is_internal_question(&b.plain[q.clone()]);
                self.push_question(kind, i, q.clone(), answer, internal);
                open = Some(self.out.questions.len() - 1);
            }
            self.split_generic(i, internal);
        }
        for q in &mut self.out.questions {
            if q.kind == K::Faq {
                q.kind = K::ExternalFaq;
            }
        }
    }

    fn push_question(
        &mut self,
        kind: SectionKind,
        block: usize,
        plain: Range<usize>,
        answer_words: usize,
        internal: bool,
    ) {
        let kind = if self.generic_faq.get(block).copied().unwrap_or(false) && internal {
            K::InternalFaq
        } else {
            kind
        };
        self.out.questions.push(Question {
            kind,
            block,
            plain,
            answer_words,
        });
    }

    /// In a generic FAQ, the blocks of an internal question are internal.
    fn split_generic(&mut self, block: usize, internal: bool) {
        if internal && self.generic_faq.get(block).copied().unwrap_or(false) && !self.labelled[block] {
            self.out.kinds[block] = K::InternalFaq;
        }
    }
}

/// Plain ranges of the questions that open lines of a paragraph or list
/// item.
fn question_starts(b: &Block) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = b
        .styled
        .iter()
        .filter(|s| s.strong && s.line_start)
        .filter(|s| is_question_text(&b.plain[s.range.clone()]))
        .map(|s| s.range.clone())
        .collect();
    let starts: Vec<usize> = b.line_starts().collect();
    for (n, &ls) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(b.plain.len());
        let line = &b.plain[ls..end];
        let covered = out.iter().any(|r| r.start <= ls + 2 && r.end > ls);
        if covered {
            continue;
        }
        if starts_with_q(line) {
            let q = line.find(['?', '？']).map_or(line.trim_end().len(), |q| {
                q + line[q..].chars().next().map_or(1, char::len_utf8)
            });
            out.push(ls..ls + q);
        } else if (n == 0 || b.item.is_some())
            && line.trim_end().ends_with(['?', '？'])
            && line.split_whitespace().count() <= 40
        {
            out.push(ls..ls + line.trim_end().len());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Words in an answer, not counting placeholders ("TBD", "TODO").
fn answer_words(b: &Block, range: Range<usize>) -> usize {
    const PLACEHOLDERS: [&[u8]; 7] = [b"TBD", b"TODO", b"TK", b"TBC", b"XXX", b"A", b"N/A"];
    let first = b.words.partition_point(|w| w.start < range.start);
    let last = b.words.partition_point(|w| w.start < range.end);
    // Overlapping questions ("Q:" over a bold question) give an inverted,
    // empty range.
    let words = &b.words[first..last.max(first)];
    let bytes = b.plain.as_bytes();
    // No placeholder is longer than four bytes.
    let placeholders = words
        .iter()
        .filter(|w| w.len() <= 4)
        .filter(|w| {
            PLACEHOLDERS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&bytes[(*w).clone()]))
        })
        .count();
    words.len() - placeholders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_in_many_forms() {
        assert!(is_question_text("Q: What is it"));
        assert!(is_question_text("Q : Quelles sont les fonctions ?"));
        assert!(is_question_text("Question 3: Who pays?"));
        assert!(is_question_text("料金はいくらですか？"));
        assert!(!is_question_text("Answer: nobody."));
    }

    #[test]
    fn internal_questions() {
        assert!(is_internal_question(
            "Why build a platform instead of selling the book?"
        ));
        assert!(is_internal_question("What is our biggest risk?"));
        assert!(is_internal_question(
            "Pourquoi remplacer les systèmes existants ?"
        ));
        assert!(!is_internal_question(
            "Why is locale an input instead of language?"
        ));
        assert!(!is_internal_question("What does it cost?"));
        assert!(!is_internal_question("Q: Do I need an account?"));
    }
}
