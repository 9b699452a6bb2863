use crate::context::{Context, Sink};
use crate::outline::dateline_end;
use crate::report::SectionKind;
use crate::wordlists::{KEYWORD_VERBS, PLACEHOLDERS};
use std::collections::HashSet;

pub(crate) use crate::catalog::UNDEFINED_ACRONYM as INFO;

fn is_acronym(word: &str) -> bool {
    let core = word.strip_suffix('s').unwrap_or(word);
    let upper = core.chars().filter(|c| c.is_ascii_uppercase()).count();
    let roman = core.chars().all(|c| "IVXLCDM".contains(c));
    (2..=8).contains(&core.len())
        && upper >= 2
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && !roman
}

/// Words spelled out in the release: "full words (ACR)" or "ACR (full words)".
fn definitions<'b>(release: &[(usize, &'b crate::document::Block)]) -> HashSet<&'b str> {
    let mut out = HashSet::new();
    for (_, block) in release {
        let bytes = block.plain.as_bytes();
        for w in block.words {
            let after = &bytes[w.end..];
            let in_parens = w.start > 0 && bytes[w.start - 1] == b'(' && after.starts_with(b")");
            if in_parens || after.starts_with(b" (") {
                let word = &block.plain[w.clone()];
                out.insert(word.strip_suffix('s').unwrap_or(word));
            }
        }
    }
    out
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let release: Vec<(usize, &crate::document::Block)> = cx.release().collect();
    let defined = definitions(&release);
    // Acronyms already decided (reported once, or found defined).
    let mut decided: HashSet<&str> = HashSet::new();
    for &(i, block) in &release {
        let skip_to = if cx.kind(i) == SectionKind::Summary {
            dateline_end(block.plain).unwrap_or(0)
        } else {
            0
        };
        let words = &block.words;
        let bytes = block.plain.as_bytes();
        for (n, w) in words.iter().enumerate() {
            let word = &bytes[w.clone()];
            // An acronym is a part of the word (split at hyphens) that starts
            // with a capital: most words are ruled out by their first byte.
            let may_hold = word[0].is_ascii_uppercase() || word.contains(&b'-');
            if w.start < skip_to
                || !may_hold
                || word.iter().filter(|b| b.is_ascii_uppercase()).take(2).count() < 2
            {
                continue;
            }
            // "text BOOK to 757-555-0140, or CALL": keywords to send, not
            // acronyms (looked up once, when needed).
            let mut after_keyword_verb = None;
            let mut after_keyword_verb = || {
                *after_keyword_verb.get_or_insert_with(|| {
                    (n.saturating_sub(6)..n).any(|p| {
                        KEYWORD_VERBS
                            .iter()
                            .any(|k| k.eq_ignore_ascii_case(block.word(p)))
                    })
                })
            };
            let bracketed = block.plain[..w.start].ends_with('[') || block.plain[w.end..].starts_with(']');
            for part in block.plain[w.clone()].split(['-', '/']) {
                let core = part.strip_suffix('s').unwrap_or(part);
                if !is_acronym(part)
                    || bracketed
                    || cx.lists.acronyms.contains(core)
                    || PLACEHOLDERS.iter().any(|p| p == core)
                    || after_keyword_verb()
                    || !decided.insert(core)
                    || defined.contains(core)
                {
                    continue;
                }
                let offset = w.start + (part.as_ptr() as usize - block.plain[w.clone()].as_ptr() as usize);
                sink.report(
                    block.src(offset..offset + part.len()),
                    format!("{} is never spelled out in the press release. Write it out on first use: \"full words ({core})\".", super::q(core)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_once_per_undefined_acronym() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "It meets the NSF rules and NSF tests, and the UL list.",
        );
        let f = findings(&text, "undefined-acronym");
        assert_eq!(
            f.iter()
                .map(|d| d.message.split('”').next().unwrap().trim_start_matches('“'))
                .collect::<Vec<_>>(),
            ["NSF", "UL"]
        );
    }

    #[test]
    fn silent_when_defined_known_or_a_keyword() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "It meets National Sanitation Foundation (NSF) rules, and NSF tests it. Text STOP to quit.",
        );
        assert!(lines(&text, "undefined-acronym").is_empty());
        assert!(lines(CLEAN, "undefined-acronym").is_empty());
    }
}
