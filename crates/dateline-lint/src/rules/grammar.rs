use crate::context::{Context, Sink};
use crate::proofread::Kind;

pub(crate) use crate::catalog::GRAMMAR as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let proofs = cx.proofs();
    for (i, block) in cx.blocks().iter().enumerate() {
        for f in proofs[i].iter().filter(|f| f.kind == Kind::Grammar) {
            let at = block.src(f.range.clone());
            let fix = f
                .fixes
                .first()
                .filter(|(range, _)| block.is_exact(f.range.clone()) && block.is_exact(range.clone()))
                .map(|(range, replacement)| (block.src(range.clone()), replacement.clone()));
            sink.report_fix(at, f.message.clone(), fix);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn finds_a_repeated_word_and_a_wrong_article_with_fixes() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "It is a easy way to to start.",
        );
        let f = findings(&text, "grammar");
        assert!(f.len() >= 2, "{f:?}");
        for d in &f {
            let fix = d.fix.as_ref().expect("a fix");
            let mut fixed = text.clone();
            fixed.replace_range(fix.start..fix.end, &fix.replacement);
            assert!(fixed.len() != text.len() || fixed != text);
        }
        let fixed_article = f
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .any(|x| x.replacement == "an");
        assert!(fixed_article, "{f:?}");
    }

    #[test]
    fn silent_on_the_clean_draft() {
        assert!(
            lines(CLEAN, "grammar").is_empty(),
            "{:?}",
            findings(CLEAN, "grammar")
        );
    }
}
