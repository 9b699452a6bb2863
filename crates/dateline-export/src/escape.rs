//! Escaping user text for Typst. User text only ever reaches Typst through
//! these two functions: as markup where every ASCII punctuation character is
//! backslash-escaped (so nothing can start code, math, a label, a comment, a
//! heading or a list, or close the content block it sits in), or as a string
//! literal.

/// Text for a Typst markup content block. Newlines become spaces so user
/// text can never make a paragraph break or line-start syntax.
pub(crate) fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_markup(&mut out, text);
    out
}

pub(crate) fn push_markup(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
}

/// Paragraphs of plain text (comments, messages): blank lines separate
/// paragraphs, everything else is escaped markup.
pub(crate) fn markup_paragraphs(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(markup)
        .collect();
    paragraphs.join("\n\n")
}

/// A Typst string literal, quotes included.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_ascii_punctuation() {
        assert_eq!(markup("#eval(\"1\")"), "\\#eval\\(\\\"1\\\"\\)");
        assert_eq!(markup("a]b[c"), "a\\]b\\[c");
        assert_eq!(markup("1. = x\ny"), "1\\. \\= x y");
        assert_eq!(markup("café — ok"), "café — ok");
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(markup_paragraphs("a\nb\n\n\nc*"), "a b\n\nc\\*");
    }
}
