//! Next steps: links, addresses and the words that tell the reader how to
//! get the product or what to do now.

use super::vocab::CUE_WORDS;
use crate::document::Block;

/// True when a block says how to get the product (where, what it costs).
pub(crate) fn says_how_to_get(block: &Block) -> bool {
    CUE_WORDS.getting_started.is_match(block.plain)
}

/// True when a block links somewhere or names a web address, email or phone.
pub(crate) fn has_link(block: &Block) -> bool {
    block.links > 0 || has_address(block.plain)
}

/// A bare web address ("brand.example/path"), email address or phone number.
fn has_address(plain: &str) -> bool {
    if plain.contains("://") || plain.contains("www.") {
        return true;
    }
    let bytes = plain.as_bytes();
    let is_tld_at = |i: usize| {
        let tld: Vec<u8> = bytes[i + 1..]
            .iter()
            .copied()
            .take_while(u8::is_ascii_lowercase)
            .collect();
        tld.len() >= 2
            && bytes
                .get(i + 1 + tld.len())
                .is_none_or(|&c| !c.is_ascii_alphanumeric())
            && i >= 2
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes[i - 2].is_ascii_alphanumeric()
            && bytes[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
                .all(|c| !c.is_ascii_uppercase())
    };
    let phone = plain
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|t| t.matches('-').count() >= 2 && t.chars().filter(char::is_ascii_digit).count() >= 10);
    phone || (0..bytes.len()).any(|i| bytes[i] == b'.' && is_tld_at(i))
}

/// True when a closing paragraph gives a concrete next step.
pub(crate) fn has_next_step(block: &Block) -> bool {
    has_link(block) || CUE_WORDS.next_step.is_match(block.plain)
}
