use crate::context::{Context, Sink};
use crate::document::BlockKind;

pub(crate) use crate::catalog::LONG_PARAGRAPH as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let max = cx.config.thresholds.paragraph_max_sentences;
    for (_, block) in cx
        .release()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && !b.in_footnote)
    {
        let n = block.sentences.len();
        if n > max {
            sink.report(cx.first_line(block), format!("This paragraph has {n} sentences. Keep press-release paragraphs to {max} or fewer: split it or cut."));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_five_sentences() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "If you sleep in, it waits. It is quiet. It is small.",
        );
        assert_eq!(lines(&text, "long-paragraph"), [14]);
    }

    #[test]
    fn silent_on_short_paragraphs() {
        assert!(lines(CLEAN, "long-paragraph").is_empty());
    }
}
