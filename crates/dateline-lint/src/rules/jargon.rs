use crate::context::{Context, Sink};
use crate::wordlists::List;

pub(crate) use crate::catalog::JARGON as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for (i, block) in cx.body().filter(|(_, b)| !b.in_footnote) {
        for (index, r) in cx.matches(i, List::Jargon) {
            let term = &cx.lists.terms[index];
            let found = &block.plain[r.clone()];
            let message = match &term.suggestion {
                Some(s) => format!("{} is jargon. Plainer: {}.", super::q(found), s),
                None => format!("{} is jargon. Say plainly what you mean.", super::q(found)),
            };
            let fix = (term.fixable && block.is_exact(r.clone()))
                .then(|| {
                    term.suggestion
                        .as_ref()
                        .map(|s| (block.src(r.clone()), match_case(found, s)))
                })
                .flatten();
            sink.report_fix(block.src(r), message, fix);
        }
    }
}

/// Capitalises the replacement when the original started a sentence.
fn match_case(original: &str, replacement: &str) -> String {
    let mut chars = replacement.chars();
    match (original.chars().next(), chars.next()) {
        (Some(o), Some(r)) if o.is_uppercase() => r.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_with_a_suggestion_and_a_safe_fix() {
        let text = CLEAN.replace("Kettle Clock reads the alarm", "Kettle Clock leverages the alarm");
        let f = findings(&text, "jargon");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("uses"));
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(&text[fix.start..fix.end], "leverages");
        assert_eq!(fix.replacement, "uses");
    }

    #[test]
    fn flags_hype_without_a_fix() {
        let f = findings("# A Best-in-Class Kettle\n", "jargon");
        assert_eq!(f.len(), 1);
        assert!(f[0].fix.is_none());
    }

    #[test]
    fn silent_on_plain_words() {
        assert!(lines(CLEAN, "jargon").is_empty());
    }
}
