use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;
use crate::text;
use crate::wordlists::List;

pub const INFO: RuleInfo = RuleInfo {
    id: "adjective-without-data",
    default_severity: Severity::Warning,
    summary: "an evaluative claim (faster, easier, better, significant, improved...) in a sentence that carries no number",
    explanation: "Working backwards replaces adjectives with data. \"Faster\" invites the question \"than what, by how much?\"; the answer is the sentence you should have written. Keep the claim only when the same sentence carries the number behind it. The word list is a data file the config can extend or replace.",
    good: "Average first reply time fell from 19 hours to under 3.",
    bad: "Replies are now significantly faster and easier.",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for (i, block) in cx.body().filter(|(_, b)| b.is_prose()) {
        for sentence in block.sentences {
            let plain = &block.plain[sentence.range.clone()];
            let Some((_, at)) = cx.matches_in(i, List::Adjectives, sentence.range.clone()).next() else {
                continue;
            };
            let figure = plain.contains(['$', '€', '£', '%'])
                || block.words[sentence.words.clone()]
                    .iter()
                    .any(|w| text::is_number_word(&block.plain[w.clone()]));
            if figure {
                continue;
            }
            sink.report(
                block.src(at.clone()),
                format!(
                    "{} is a claim without data. Say how much, with a number, in the same sentence.",
                    super::q(&block.plain[at])
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_an_adjective_without_a_number() {
        let text = CLEAN.replace("If you sleep in, it waits for you.", "Mornings are easier.");
        assert_eq!(lines(&text, "adjective-without-data"), [14]);
    }

    #[test]
    fn silent_when_the_sentence_has_data() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "Mornings are 4 minutes faster.",
        );
        assert!(lines(&text, "adjective-without-data").is_empty());
        assert!(lines(CLEAN, "adjective-without-data").is_empty());
    }
}
