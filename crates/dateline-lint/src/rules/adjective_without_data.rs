use crate::context::{Context, Sink};
use crate::text;
use crate::wordlists::List;

pub(crate) use crate::catalog::ADJECTIVE_WITHOUT_DATA as INFO;

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
