//! Quotes: paragraphs that quote someone, who is speaking, and for which
//! side (the company's leader or a customer).

use super::vocab::CUE_WORDS;
use crate::document::Block;
use crate::text;
use std::ops::Range;

/// Who is quoted and in what role, from the text outside the quotation.
pub(crate) struct Attribution {
    pub role: String,
}

/// Which side a speaker is on, from their role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Leader,
    Customer,
    Unknown,
}

/// A paragraph that quotes someone.
pub(crate) struct QuoteCue {
    pub attributed: bool,
    pub side: Side,
    /// Attributed only to "he" or "she": the speaker of the quote before.
    pub same_speaker: bool,
}

/// Finds "said NAME, ROLE", "said Mayor NAME", "NAME, ROLE, said" and the like.
pub(crate) fn attribution(block: &Block) -> Option<Attribution> {
    let plain = &block.plain;
    let outside = |r: &(usize, usize)| !text::inside(block.quotations, r.0);
    let mut verbs = CUE_WORDS.speech_verbs.find_all(plain);
    verbs.sort_unstable();
    for (start, end) in verbs.into_iter().filter(outside) {
        if let Some(a) = speaker_after(plain, end).or_else(|| speaker_before(block, start)) {
            return Some(a);
        }
    }
    dash_attribution(block)
}

/// `"…" — Name, Role`, `"…" -Name`, `「…」— role`: a dash right after the
/// quotation, then the speaker.
fn dash_attribution(block: &Block) -> Option<Attribution> {
    let last = block.quotations.last()?;
    let after = block.plain[last.end..].trim_start_matches([' ', ',', '.', '\n']);
    let speaker = ["—", "–", "―", "--", "-", "~"]
        .iter()
        .find_map(|d| after.strip_prefix(d))?;
    let speaker = speaker.trim();
    (speaker.chars().filter(|c| c.is_alphabetic()).count() >= 2).then(|| Attribution {
        role: speaker.to_string(),
    })
}

fn speaker_after(plain: &str, from: usize) -> Option<Attribution> {
    let mut rest = plain[from..].trim_start();
    if let Some(r) = rest.strip_prefix("by ") {
        rest = r.trim_start();
    }
    // "said the author", "dijo el Dr. …": a role standing for the name.
    for article in ["the ", "el ", "la ", "le ", "der ", "die ", "o ", "a "] {
        if let Some(r) = rest.strip_prefix(article) {
            let role = r.split(['.', ',', '"', '“', ':']).next().unwrap_or("").trim();
            if !role.is_empty() && role.split_whitespace().count() <= 6 {
                return Some(Attribution {
                    role: role.to_string(),
                });
            }
        }
    }
    let name_len = name_length(rest)?;
    let name = &rest[..name_len];
    let after = &rest[name_len..];
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    let title = first.trim_end_matches('.');
    if CUE_WORDS.titles.iter().any(|t| t.trim_end_matches('.') == title) {
        let role = after
            .trim_start_matches([',', ' '])
            .split(['.', '"', '“'])
            .next()
            .unwrap_or("");
        return Some(Attribution {
            role: format!("{first} {role}"),
        });
    }
    let role = after.strip_prefix(',')?.trim();
    let role = role.split(['.', '"', '“']).next().unwrap_or("").trim();
    (!role.is_empty()).then(|| Attribution {
        role: role.to_string(),
    })
}

fn speaker_before(block: &Block, verb: usize) -> Option<Attribution> {
    let start = block
        .quotations
        .iter()
        .filter(|q| q.end <= verb)
        .map(|q| q.end)
        .max()
        .unwrap_or(0);
    let before = block.plain[start..verb].trim().trim_end_matches(',').trim();
    // "Moore says …", "We the founders (…) expressed …": the sentence's subject.
    let subject = before
        .rsplit(['.', '!', '?', '"', '”'])
        .next()
        .unwrap_or("")
        .trim();
    if subject.is_empty() || is_pronoun(subject) {
        return None;
    }
    if let Some((name, role)) = subject.split_once(',') {
        if name_length(name.trim()).is_some() && !role.trim().is_empty() {
            return Some(Attribution {
                role: role.trim().to_string(),
            });
        }
    }
    (name_length(subject).is_some() && subject.split_whitespace().count() <= 12).then(|| Attribution {
        role: subject.to_string(),
    })
}

fn is_pronoun(subject: &str) -> bool {
    let last = subject.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "he" | "she" | "they" | "er" | "sie" | "il" | "elle" | "él" | "ella" | "ele"
    )
}

/// Length of a leading personal name: capitalised or bracketed words.
fn name_length(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut count = 0;
    for word in s.split_inclusive(' ') {
        let w = word.trim().trim_end_matches([',', '.']);
        let is_name = w.starts_with(|c: char| c.is_uppercase() || c == '[') || (count > 0 && w == "&");
        if !is_name || count >= 5 {
            break;
        }
        count += 1;
        let core = word.trim_end();
        let cut = core.find(',').unwrap_or(core.len());
        len += cut;
        if cut < core.len() {
            break;
        }
        len += word.len() - core.len();
    }
    (count > 0).then_some(len.min(s.len()))
}

/// True when a quotation holds at least `n` words.
fn quotation_words_at_least(block: &Block, r: &Range<usize>, n: usize) -> bool {
    // No word crosses a quotation mark, so the block's words inside a
    // quotation are the quotation's words.
    let first = block.words.partition_point(|w| w.start < r.start);
    let words = block.words[first..].iter().take_while(|w| w.end <= r.end).count();
    // CJK quotations have no spaces: count characters instead.
    words >= n
        || block.plain[r.clone()]
            .chars()
            .filter(|c| super::vocab::is_cjk(*c))
            .count()
            >= n * 2
}

/// A paragraph is a quote when it opens with a quotation of some length,
/// quotes someone with an attribution, or holds a long quotation.
pub(crate) fn quote_paragraph(block: &Block) -> Option<QuoteCue> {
    if !block.is_prose() || block.quotations.is_empty() {
        return None;
    }
    let attribution = attribution(block);
    let opens = block
        .plain
        .trim_start()
        .starts_with(['"', '“', '„', '«', '「', '『'])
        && block
            .quotations
            .first()
            .is_some_and(|q| quotation_words_at_least(block, q, 5));
    let long = block
        .quotations
        .iter()
        .any(|q| quotation_words_at_least(block, q, 15));
    let attributed = attribution.is_some();
    let short_but_said = attributed
        && block
            .quotations
            .iter()
            .any(|q| quotation_words_at_least(block, q, 5));
    let dashed = attributed && dash_attribution(block).is_some();
    if !(opens || long || short_but_said || dashed) {
        return None;
    }
    let outside = outside_quotations(block);
    let side = attribution.as_ref().map_or(Side::Unknown, |a| side_of(&a.role));
    let side = if side == Side::Unknown {
        side_of(&outside)
    } else {
        side
    };
    Some(QuoteCue {
        attributed,
        side,
        same_speaker: !attributed && pronoun_speaks(&outside),
    })
}

/// Testimony in the speaker's own voice, unquoted: "I", "my", "we", "our".
pub(crate) fn first_person(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| {
            matches!(
                w,
                "I" | "I'm" | "I've" | "my" | "My" | "we" | "We" | "our" | "Our" | "me" | "us"
            )
        })
}

/// "he replied", "she added": a speech verb whose subject is a pronoun.
fn pronoun_speaks(outside: &str) -> bool {
    CUE_WORDS
        .speech_verbs
        .find_all(outside)
        .iter()
        .any(|&(start, _)| is_pronoun(outside[..start].trim_end_matches([',', ' '])))
}

/// The paragraph's text with its quotations left out.
fn outside_quotations(block: &Block) -> String {
    let mut out = String::new();
    let mut at = 0;
    for q in block.quotations {
        out.push_str(&block.plain[at..q.start.max(at)]);
        out.push(' ');
        at = q.end;
    }
    out.push_str(&block.plain[at.min(block.plain.len())..]);
    out
}

/// "a farmer in Iowa", "an engineer at a bakery": a person described by
/// what they do and where, as customers are, not by a title.
fn someone_somewhere(role: &str) -> bool {
    let lower = role.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .windows(3)
        .any(|w| matches!(w[0], "a" | "an") && matches!(w[2], "in" | "at" | "from"))
}

/// Which side a role or attribution speaks for. A customer word wins
/// ("a product manager at Initech, a customer").
pub(crate) fn side_of(role: &str) -> Side {
    let customer = CUE_WORDS.customer_roles.is_match(role)
        || role.contains(" from ") && !role.contains(" from our")
        || someone_somewhere(role);
    if customer {
        Side::Customer
    } else if CUE_WORDS.leader_roles.is_match(role) {
        Side::Leader
    } else {
        Side::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Tables};

    fn quote(t: &str) -> Option<QuoteCue> {
        quote_paragraph(&Document::parse(t, &mut Tables::default()).blocks[0])
    }

    #[test]
    fn attributions_need_a_speaker() {
        let attributed =
            |t: &str| attribution(&Document::parse(t, &mut Tables::default()).blocks[0]).is_some();
        assert!(attributed("\"Yes,\" said Ann Lee, CEO of Acme."));
        assert!(attributed("\"Yes,\" said Mayor Ann Lee."));
        assert!(attributed("\"Yes,\" Ann Lee, a nurse, said."));
        assert!(attributed("\"It works for us every day.\" - Tom Ward, Dsposal"));
        assert!(attributed("\"I wanted my notes to last,\" said the author."));
        assert!(!attributed("\"Yes,\" he said."));
    }

    #[test]
    fn sides_come_from_roles() {
        let side = |t: &str| quote(t).map(|q| q.side);
        assert_eq!(
            side("\"We built it for you all,\" said Ann Lee, CEO of Acme."),
            Some(Side::Leader)
        );
        assert_eq!(
            side("\"It took me ten minutes to set up,\" said Bo Chan, a teacher in Ohio."),
            Some(Side::Customer)
        );
        assert_eq!(
            side("\"It flew on the first try,\" said Jo Park, a farmer in Iowa."),
            Some(Side::Customer)
        );
        assert_eq!(side("\"Wow\" -Jo Grant (customer)"), Some(Side::Customer));
        assert_eq!(
            side("\"It saved my whole weekend at last,\" — Sam, beta user"),
            Some(Side::Customer)
        );
        assert_eq!(
            side("\"We understand what job seekers face every single day,\" said Dr. Ray."),
            Some(Side::Unknown)
        );
        assert_eq!(
            side("„Endlich geht es ohne Papier und ohne Wartezeit“, sagt Jana Roth, Vorsitzende."),
            Some(Side::Leader)
        );
        assert!(quote("He said one word: \"Remittances\".").is_none());
        assert!(quote("When asked, he replied, \"with ten million people working abroad you have a lot of payments every single year, and fees add up.\"")
            .is_some_and(|q| q.same_speaker));
    }
}
