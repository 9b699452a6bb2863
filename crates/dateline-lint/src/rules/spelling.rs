use crate::context::{Context, Sink};
use crate::document::Block;
use crate::proofread::{self, Kind};
use std::collections::HashSet;

pub(crate) use crate::catalog::SPELLING as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let proofs = cx.proofs();
    let mut accepted: Option<HashSet<String>> = None;
    for (i, block) in cx.blocks().iter().enumerate() {
        for f in proofs[i].iter().filter(|f| f.kind == Kind::Spelling) {
            let word = &block.plain[f.range.clone()];
            if !is_checked(word) || cx.config.is_team_word(word) {
                continue;
            }
            let accepted = accepted.get_or_insert_with(|| accepted_names(cx));
            if accepted.contains(&word.to_lowercase()) {
                continue;
            }
            let choices: Vec<String> = proofread::corrections(word, cx.dialect()).to_vec();
            let message = match choices.first() {
                Some(first) => format!(
                    "{} is not in the dictionary. Did you mean {}?",
                    super::q(word),
                    super::q(first)
                ),
                None => format!(
                    "{} is not in the dictionary. Check it, or add it to the team dictionary.",
                    super::q(word)
                ),
            };
            let at = block.src(f.range.clone());
            if block.is_exact(f.range.clone()) && !choices.is_empty() {
                sink.report_choices(at.clone(), message, at, choices);
            } else {
                sink.report(at, message);
            }
        }
    }
}

/// Words worth looking up: not a single letter, not a number or a code
/// ("KX-9"), not an acronym ("BVLOS") and not a brand spelling with a
/// capital inside ("SolarAPP", "iPhone").
fn is_checked(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !word.chars().any(|c| c.is_ascii_digit()) && !word.chars().skip(1).any(char::is_uppercase)
}

/// The names the draft uses, lowercased: every word of the product,
/// company and customer names, and the words it capitalises in
/// mid-sentence in running prose.
fn accepted_names(cx: &Context<'_, '_>) -> HashSet<String> {
    let mut out = HashSet::new();
    for name in cx.products.iter().chain(&cx.companies).chain(&cx.customers) {
        out.extend(
            name.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    for block in cx.blocks().iter().filter(|b| b.is_prose()) {
        mid_sentence_capitals(block, &mut out);
    }
    out
}

fn mid_sentence_capitals(block: &Block<'_>, out: &mut HashSet<String>) {
    let starts: HashSet<usize> = block.sentences.iter().map(|s| s.words.start).collect();
    for (n, w) in block.words.iter().enumerate() {
        let word = &block.plain[w.clone()];
        if !word.starts_with(char::is_uppercase) || starts.contains(&n) {
            continue;
        }
        // After a colon or an opening quote a new sentence may start.
        let before = block.plain[..w.start].trim_end();
        if before.is_empty() || before.ends_with([':', '"', '“', '‘', '(', '—', '–', '-', '.', '!', '?'])
        {
            continue;
        }
        out.insert(word.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;
    use crate::{lint, Config};

    #[test]
    fn finds_misspellings_with_corrections_as_the_fix() {
        let text = CLEAN.replace("Kettle Clock reads the alarm", "Kettle Clock recieves the alarm");
        let f = findings(&text, "spelling");
        assert_eq!(f.len(), 1, "{f:?}");
        let fix = f[0].fix.as_ref().expect("a fix");
        assert_eq!(&text[fix.start..fix.end], "recieves");
        assert_eq!(fix.replacement, "receives");
        assert!(f[0].message.contains("“recieves”"));
    }

    #[test]
    fn names_acronyms_and_team_words_are_accepted() {
        let text = CLEAN.replace(
            "If you sleep in, it waits for you.",
            "Ask Oyelaran Adebayo about the Zorvex app and the QRTZ plan for zindle owners.",
        );
        let words: Vec<String> = findings(&text, "spelling")
            .iter()
            .map(|d| text[d.start..d.end].to_string())
            .collect();
        assert_eq!(words, ["zindle"]);
        let (mut config, _) = Config::from_toml("");
        config.add_team_words("zindle\n");
        let report = lint(&text, &config);
        assert!(report.diagnostics.iter().all(|d| d.rule != "spelling"));
    }

    #[test]
    fn silent_on_the_clean_draft() {
        assert!(
            lines(CLEAN, "spelling").is_empty(),
            "{:?}",
            findings(CLEAN, "spelling")
        );
    }
}
