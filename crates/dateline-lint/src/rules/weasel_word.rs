use crate::context::{Context, Sink};
use crate::wordlists::List;

pub(crate) use crate::catalog::WEASEL_WORD as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for (i, block) in cx.body().filter(|(_, b)| !b.in_footnote) {
        for (index, r) in cx.matches(i, List::Weasel) {
            let before = block.plain[..r.start].trim_end();
            // "how many" and "how much" ask for a number; they are fine.
            let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if last_word.eq_ignore_ascii_case("how") {
                continue;
            }
            let word = &block.plain[r.clone()];
            let droppable = cx.lists.weasel_droppable.get(index).copied().unwrap_or(false);
            let mid_sentence = before.ends_with(|c: char| c.is_alphanumeric() || c == ',');
            let next_space = block.plain[r.end..].starts_with(' ');
            let fix = (droppable && mid_sentence && next_space && block.is_exact(r.start..r.end + 1))
                .then(|| (block.src(r.start..r.end + 1), String::new()));
            let message = if droppable {
                format!(
                    "{} is a weasel word that adds nothing. Delete it, or give the number behind it.",
                    super::q(word)
                )
            } else {
                format!(
                    "{} blurs the claim. Replace it with the number or the fact.",
                    super::q(word)
                )
            };
            sink.report_fix(block.src(r), message, fix);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_and_offers_to_drop_intensifiers() {
        let text = CLEAN
            .replace("keeps the water hot", "keeps the water very hot")
            .replace("Most people wait", "Many people wait");
        let f = findings(&text, "weasel-word");
        assert_eq!(f.iter().map(|d| d.line).collect::<Vec<_>>(), [12, 14]);
        assert!(f[0].fix.is_none(), "\"Many\" opens a sentence: no blind fix");
        let fix = f[1].fix.as_ref().unwrap();
        assert_eq!(&text[fix.start..fix.end], "very ");
        assert_eq!(fix.replacement, "");
    }

    #[test]
    fn how_many_is_a_question_not_a_weasel() {
        assert!(lines(CLEAN, "weasel-word").is_empty());
    }
}
