use crate::context::{Context, Sink};

pub(crate) use crate::catalog::UNATTRIBUTED_QUOTE as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for quote in cx
        .outline
        .quotes
        .iter()
        .filter(|q| !q.attributed && cx.outline.in_release(q.block))
    {
        let block = &cx.blocks()[quote.block];
        let Some(first) = block.quotations.first() else {
            continue;
        };
        sink.report(
            block.src(first.clone()),
            "This quote has no named speaker and role. Attribute it: \"...,\" said NAME, ROLE.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_a_quote_without_speaker() {
        let text = CLEAN.replace(" said Omar Diaz, a nurse in Boulder.", " she said.");
        assert_eq!(lines(&text, "unattributed-quote"), [20]);
    }

    #[test]
    fn silent_when_every_quote_is_attributed() {
        assert!(lines(CLEAN, "unattributed-quote").is_empty());
    }
}
