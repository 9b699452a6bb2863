use crate::context::{Context, Sink};

pub(crate) use crate::catalog::LONG_SENTENCE as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let max = cx.config.thresholds.long_sentence_words;
    for (_, block) in cx.body().filter(|(_, b)| b.is_prose()) {
        for s in block.sentences {
            let n = s.words.len();
            if n > max {
                sink.report(
                    block.src(s.range.clone()),
                    format!("This sentence has {n} words. Split it: keep sentences to {max} words or fewer."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_over_the_limit() {
        let long = format!(
            "# Title of it\n\nWord {}ends here. Short one.\n",
            "word ".repeat(30)
        );
        let f = findings(&long, "long-sentence");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("33 words"));
    }

    #[test]
    fn silent_on_short_sentences() {
        assert!(lines(CLEAN, "long-sentence").is_empty());
    }
}
