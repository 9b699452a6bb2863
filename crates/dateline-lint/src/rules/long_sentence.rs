use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "long-sentence",
    default_severity: Severity::Warning,
    summary: "a sentence over 30 words",
    explanation: "Sentences over 30 words (settable in the config) lose readers halfway: by the end they have forgotten the subject. Long sentences usually join two ideas with \"and\" or \"which\"; split them there. One idea per sentence.",
    good: "FieldNote Grid shows how much water is in the soil at three depths. It updates every hour.",
    bad: "FieldNote Grid is a network of low-cost probes and an app that shows farmers how much water is available at three depths in every part of every field, updated every hour, so that they can decide when to irrigate.",
};

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
