use crate::context::{Context, Sink};
use crate::document::Block;
use crate::wordlists::{ADJECTIVAL_PARTICIPLES, IRREGULAR_PARTICIPLES};

pub(crate) use crate::catalog::PASSIVE_VOICE as INFO;

/// The forms of "to be": grammar, not vocabulary, so they stay in code.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];

fn is_participle(word: &str) -> bool {
    let is = |list: &[String]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    if is(&ADJECTIVAL_PARTICIPLES) {
        return false;
    }
    let ends_ed = word.len() > 4 && word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ed");
    ends_ed || is(&IRREGULAR_PARTICIPLES)
}

/// A form of "to be" ("is", "Were").
fn is_be(word: &[u8]) -> bool {
    // Cheap tests first: the forms have 2 to 5 letters and start with a, b, i or w.
    (2..=5).contains(&word.len())
        && matches!(word[0] | 0x20, b'a' | b'b' | b'i' | b'w')
        && BE.iter().any(|b| b.as_bytes().eq_ignore_ascii_case(word))
}

/// Word-index pairs (be, participle) of passive constructions in a block.
fn passives(block: &Block) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let adjacent = |a: usize, b: usize| {
        block.plain[block.words[a].end..block.words[b].start]
            .trim()
            .is_empty()
    };
    let bytes = block.plain.as_bytes();
    for (i, w) in block.words.iter().enumerate() {
        if !is_be(&bytes[w.clone()]) {
            continue;
        }
        let mut j = i + 1;
        // One adverb may sit between: "is automatically backed up".
        if j < block.words.len() && bytes[block.words[j].clone()].ends_with(b"ly") && adjacent(i, j) {
            j += 1;
        }
        if j < block.words.len() && adjacent(j - 1, j) && is_participle(block.word(j)) {
            out.push((i, j));
        }
    }
    out
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    for (_, block) in cx.body().filter(|(_, b)| b.is_prose()) {
        for (be, part) in passives(block) {
            let range = block.words[be].start..block.words[part].end;
            sink.report(
                block.src(range.clone()),
                format!(
                    "{} is passive. Say who does it: put the actor first.",
                    super::q(&block.plain[range])
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_passive_constructions() {
        let text = CLEAN.replace("You fill it once a day", "It is filled once a day");
        let f = findings(&text, "passive-voice");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("is filled"));
        let f = findings("# T\n\nIt was automatically designed to last.\n", "passive-voice");
        assert!(f[0].message.contains("was automatically designed"));
    }

    #[test]
    fn silent_on_active_sentences_and_adjectives() {
        assert!(lines("# T\n\nShe was tired and based in Ohio.\n", "passive-voice").is_empty());
        assert!(lines(CLEAN, "passive-voice").is_empty());
    }
}
