use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::proofread::Kind;
use crate::report::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "grammar",
    default_severity: Severity::Info,
    summary: "a grammar slip a careful editor would flag (repeated word, a/an, agreement, its/it's, their/there...)",
    explanation: "Small slips, a repeated word, \"a\" before a vowel sound, a verb that does not agree with its subject, \"its\" for \"it's\" or \"their\" for \"there\", make a careful release look hurried. They are found by Harper, an offline English grammar checker, and offered with the correction as the fix where there is one. Harper's checks that our style rules already cover (long sentences, redundant or weak words) or that the house style decides (Oxford commas, dashes) are left out.",
    good: "It's an easy way to see their bill.",
    bad: "Its a easy way to to see there bill.",
};

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
