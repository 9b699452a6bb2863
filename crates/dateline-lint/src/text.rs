//! Plain-text helpers: words, sentences, quotations, syllables, numbers.

use std::ops::Range;

/// A sentence: its plain-text range and the indexes of its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub range: Range<usize>,
    pub words: Range<usize>,
}

fn is_connector(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '&')
}

/// Byte ranges of the words in `text`: runs of letters and digits, joined by
/// apostrophes, hyphens and ampersands ("don't", "e-bike", "Q&A"), and by
/// commas and points between digits ("4,500", "2.97").
pub(crate) fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    words_into(text, &mut out);
    out
}

/// Appends the [`words`] of `text` to `out`.
pub(crate) fn words_into(text: &str, out: &mut Vec<Range<usize>>) {
    if text.is_ascii() {
        ascii_words_into(text.as_bytes(), out);
    } else {
        unicode_words_into(text, out);
    }
}

/// [`words_into`] for ASCII text (nine bytes in ten of the corpus): runs of
/// letters and digits, with no char to decode at either end.
fn ascii_words_into(bytes: &[u8], out: &mut Vec<Range<usize>>) {
    let alnum = |i: usize| bytes.get(i).is_some_and(|&b| ALNUM[usize::from(b)]);
    let mut i = 0;
    while i < bytes.len() {
        if !ALNUM[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            i = alnum_run_end(bytes, i);
            if alnum(i + 1) && joins_ascii_word(bytes, i) {
                i += 1;
            } else {
                break;
            }
        }
        out.push(start..i);
    }
}

/// The end of the run of ASCII letters and digits from `i`, eight bytes at
/// a time: a word's end is found in one step, not one branch per byte.
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let stops = !ascii_alnum_bits(word) & HIGH_BITS;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..].iter().take_while(|&&b| ALNUM[usize::from(b)]).count()
}

const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

const HIGH_BITS: u64 = splat(0x80);

/// The high bit of each byte of `word` (eight ASCII bytes) that is a letter
/// or digit. Adding `0x80 - lo` to a byte below 0x80 sets its high bit when
/// it is at least `lo`, and carries into no other byte.
fn ascii_alnum_bits(word: u64) -> u64 {
    let within = |v: u64, lo: u8, hi: u8| (v + splat(0x80 - lo)) & !(v + splat(0x7F - hi));
    let folded = word | splat(0x20);
    (within(word, b'0', b'9') | within(folded, b'a', b'z')) & HIGH_BITS
}

/// Whether the byte at `i`, between two letters or digits, sits inside the
/// word ("don't", "e-bike", "Q&A", "4,500", "2.97").
fn joins_ascii_word(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\'' | b'-' | b'&' => true,
        b',' | b'.' => bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit(),
        _ => false,
    }
}

/// [`words_into`] for any text.
fn unicode_words_into(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Between words, ASCII spaces and punctuation are skipped byte by
        // byte; only a non-ASCII char is decoded.
        let b = bytes[i];
        if ALNUM[usize::from(b)] || (b >= 0x80 && char_at(text, i).is_alphanumeric()) {
            let start = i;
            i = word_end(text, i);
            out.push(start..i);
        } else if b < 0x80 {
            i += 1;
        } else {
            i += char_at(text, i).len_utf8();
        }
    }
}

/// ASCII letters and digits, by byte value: one load per byte in the
/// tokeniser's hot loop.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// The end of the word that starts at `i`: ASCII letters and digits in one
/// loop; any other char only after a decode.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        let run = bytes[i..].iter().position(|&b| !ALNUM[usize::from(b)]);
        i += run.unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else { return i };
        let (c, len) = if b < 0x80 {
            // Only connectors and digit separators can sit inside a word.
            if !matches!(b, b'\'' | b'-' | b'&' | b',' | b'.') {
                return i;
            }
            (b as char, 1)
        } else {
            let c = char_at(text, i);
            (c, c.len_utf8())
        };
        if (b >= 0x80 && c.is_alphanumeric()) || joins_word(text, i, c, len) {
            i += len;
        } else {
            return i;
        }
    }
}

/// Whether the non-word char `c` at `i` sits inside a word ("don't", "4,500").
fn joins_word(text: &str, i: usize, c: char, len: usize) -> bool {
    let next = text[i + len..].chars().next();
    next.is_some_and(char::is_alphanumeric)
        && (is_connector(c)
            || (matches!(c, ',' | '.')
                && next.is_some_and(|n| n.is_ascii_digit())
                && text.as_bytes()[i - 1].is_ascii_digit()))
}

/// Words before a full stop that do not end a sentence, sorted (for a
/// binary search).
const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "ariz", "aug", "ave", "blvd", "calif", "co", "col", "colo", "conn", "corp", "dec",
    "dept", "dr", "eg", "est", "feb", "fig", "fla", "ft", "ga", "gen", "gov", "ie", "ill", "inc", "ind",
    "jan", "jr", "jul", "jun", "kan", "ky", "la", "ltd", "mar", "mass", "md", "mich", "minn", "miss", "mo",
    "mont", "mr", "mrs", "ms", "mt", "neb", "nev", "no", "nov", "oct", "okla", "ore", "prof", "rep", "ret",
    "sen", "sep", "sept", "sr", "st", "tenn", "tex", "va", "vol", "vs", "wash", "wis", "wyo",
];

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '*', '_'];

/// Splits `text` into sentences, given its words (from [`words`]).
#[cfg(test)]
pub(crate) fn sentences(text: &str, words: &[Range<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    sentences_into(text, words, &mut out);
    out
}

/// Appends the [`sentences`] of `text` to `out`.
pub(crate) fn sentences_into(text: &str, words: &[Range<usize>], out: &mut Vec<Sentence>) {
    let mut start = 0;
    // The first word not in a sentence yet: sentences come in order.
    let mut next_word = 0;
    // Closers after a terminator are never terminators themselves, so every
    // terminator is looked at in turn.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        if i < start {
            continue;
        }
        let mut end = i + 1;
        while let Some(c) = text[end..].chars().next().filter(|c| CLOSERS.contains(c)) {
            end += c.len_utf8();
        }
        if ends_sentence(text, i, end) {
            push_sentence(out, text, start..end, words, &mut next_word);
            start = end;
        }
    }
    push_sentence(out, text, start..text.len(), words, &mut next_word);
}

/// Whether the terminator at `at` (closers up to `end`) ends a sentence.
fn ends_sentence(text: &str, at: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start().chars().next();
    let starts_new = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([*_$".contains(c));
    if !starts_new {
        return false;
    }
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    let word_start = text[..at]
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
    let word = &text[word_start..at];
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return false; // initials and "U.S.", "a.m."
    }
    if word.eq_ignore_ascii_case("no") {
        return !next.is_some_and(|c| c.is_ascii_digit());
    }
    !is_abbreviation(word)
}

/// Case-insensitive, without allocating: this runs at every full stop.
fn is_abbreviation(word: &str) -> bool {
    let lower = word.bytes().map(|b| b.to_ascii_lowercase());
    ABBREVIATIONS
        .binary_search_by(|a| a.bytes().cmp(lower.clone()))
        .is_ok()
}

/// Pushes the sentence in `range` (trimmed) with its words, the words
/// from `next_word` on that start inside it.
fn push_sentence(
    out: &mut Vec<Sentence>,
    text: &str,
    range: Range<usize>,
    words: &[Range<usize>],
    next_word: &mut usize,
) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.trim_end().len();
    if trail <= lead {
        return;
    }
    let range = range.start + lead..range.start + trail;
    // A sentence has a few dozen words: a forward scan beats a binary search.
    let starting_before =
        |from: usize, at: usize| from + words[from..].iter().take_while(|w| w.start < at).count();
    let first = starting_before(*next_word, range.start);
    let last = starting_before(first, range.end);
    *next_word = last;
    if first < last {
        out.push(Sentence {
            range,
            words: first..last,
        });
    }
}

/// Ranges of quotations (with their marks): straight quotes pair up, curly
/// ones open and close, and so do German „…“, French «…» and CJK 「…」 『…』.
/// An unclosed quotation runs to the end.
#[cfg(test)]
pub(crate) fn quotations(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    quotations_into(text, &mut out);
    out
}

/// What a quotation mark at a byte does: (opens, closes, length).
fn quote_mark(bytes: &[u8], i: usize, open_german: bool) -> Option<(bool, bool, usize)> {
    match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
        (b'"', _, _) => Some((true, true, 1)),
        // “ closes a German „ quotation and opens an English one.
        (0xE2, Some(0x80), Some(0x9C)) => Some((!open_german, open_german, 3)),
        (0xE2, Some(0x80), Some(0x9D)) => Some((false, true, 3)),
        (0xE2, Some(0x80), Some(0x9E)) => Some((true, false, 3)),
        (0xC2, Some(0xAB), _) => Some((true, false, 2)),
        (0xC2, Some(0xBB), _) => Some((false, true, 2)),
        (0xE3, Some(0x80), Some(0x8C | 0x8E)) => Some((true, false, 3)),
        (0xE3, Some(0x80), Some(0x8D | 0x8F)) => Some((false, true, 3)),
        _ => None,
    }
}

/// Appends the [`quotations`] of `text` to `out`.
pub(crate) fn quotations_into(text: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    // « and » start with C2, like many other Latin-1 letters: only a text
    // that has one pays for the slower scan.
    if memchr::memchr(0xC2, bytes).is_none() {
        pair_marks(bytes, memchr::memchr3_iter(b'"', 0xE2, 0xE3, bytes), out);
    } else {
        let marks = (0..bytes.len()).filter(|&i| matches!(bytes[i], b'"' | 0xE2 | 0xE3 | 0xC2));
        pair_marks(bytes, marks, out);
    }
}

fn pair_marks(bytes: &[u8], marks: impl Iterator<Item = usize>, out: &mut Vec<Range<usize>>) {
    let mut open: Option<usize> = None;
    for i in marks {
        let german = open.is_some_and(|s| bytes.get(s..s + 3) == Some(&[0xE2, 0x80, 0x9E]));
        let Some((opens, closes, len)) = quote_mark(bytes, i, german) else {
            continue;
        };
        match open {
            None if opens => open = Some(i),
            Some(s) if closes => {
                out.push(s..i + len);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..bytes.len());
    }
}

/// True when `pos` lies inside one of `spans` (sorted and disjoint, as
/// [`quotations`] gives them).
pub(crate) fn inside(spans: &[Range<usize>], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= pos);
    spans.get(i).is_some_and(|s| s.contains(&pos))
}

/// Estimated syllables in an English word (vowel groups, silent final e).
#[cfg(test)]
pub(crate) fn syllables(word: &str) -> usize {
    syllables_in(word, std::slice::from_ref(&(0..word.len())))
}

/// The [`syllables`] of all `words` (ranges in `text`) together.
pub(crate) fn syllables_in(text: &str, words: &[Range<usize>]) -> usize {
    let bytes = text.as_bytes();
    let mut total = 0;
    for w in words {
        total += ascii_syllables(&bytes[w.clone()]).unwrap_or_else(|| non_ascii_syllables(&text[w.clone()]));
    }
    total
}

/// The common case, byte by byte: one table load each, no UTF-8 decoding.
/// None for a word with a non-ASCII byte.
fn ascii_syllables(word: &[u8]) -> Option<usize> {
    let mut count = Syllables::default();
    for &b in word {
        match LETTER_CLASS[usize::from(b)] {
            NOT_LETTER => {}
            NON_ASCII => return None,
            class => count.letter(b | 0x20, class == VOWEL),
        }
    }
    Some(count.total())
}

fn non_ascii_syllables(word: &str) -> usize {
    let mut count = Syllables::default();
    // Letters outside ASCII count as consonants.
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        let lower = if c.is_ascii() { c as u8 | 0x20 } else { 0xFF };
        count.letter(lower, is_vowel(lower));
    }
    count.total()
}

const NOT_LETTER: u8 = 0;
const CONSONANT: u8 = 1;
const VOWEL: u8 = 2;
const NON_ASCII: u8 = 3;

/// What each byte is to the syllable count ("y" is a vowel).
static LETTER_CLASS: [u8; 256] = {
    let mut table = [NOT_LETTER; 256];
    let mut b = 0;
    while b < 256 {
        let lower = (b as u8) | 0x20;
        table[b] = if b >= 0x80 {
            NON_ASCII
        } else if !(b as u8).is_ascii_alphabetic() {
            NOT_LETTER
        } else if is_vowel(lower) {
            VOWEL
        } else {
            CONSONANT
        };
        b += 1;
    }
    table
};

/// Bit `c - b'a'` is set for the vowels ("y" included).
const VOWELS: u32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24;

const fn is_vowel(lower: u8) -> bool {
    lower.is_ascii_lowercase() && VOWELS >> (lower - b'a') & 1 == 1
}

/// Syllables counted letter by letter (ASCII ones lowercased).
#[derive(Default)]
struct Syllables {
    count: usize,
    letters: usize,
    prev_vowel: bool,
    /// The last two letters, for the silent final "e".
    last: u8,
    before_last: u8,
}

impl Syllables {
    fn letter(&mut self, c: u8, vowel: bool) {
        self.count += usize::from(vowel & !self.prev_vowel);
        self.prev_vowel = vowel;
        self.letters += 1;
        self.before_last = self.last;
        self.last = c;
    }

    fn total(&self) -> usize {
        if self.letters == 0 {
            return 1; // numbers read as one unit
        }
        let (last, before) = (self.last, self.before_last);
        let silent_e = self.letters > 2 && last == b'e' && !is_vowel(before) && before != b'l';
        if silent_e && self.count > 1 {
            self.count - 1
        } else {
            self.count.max(1)
        }
    }
}

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "half",
    "twice",
    "double",
    "triple",
    "dozen",
    "percent",
    "third",
    "quarter",
    "fifth",
    "tenth",
];

/// True when the word is a number ("49", "4,500", "ten", "half").
pub(crate) fn is_number_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || NUMBER_WORDS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// True when the text carries a figure: a number, an amount or a percentage.
pub(crate) fn has_figure(text: &str, words: &[Range<usize>]) -> bool {
    text.contains(['$', '€', '£', '%']) || words.iter().any(|w| is_number_word(&text[w.clone()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_texts(t: &str) -> Vec<&str> {
        words(t).into_iter().map(|r| &t[r]).collect()
    }

    fn sentence_texts(t: &str) -> Vec<&str> {
        sentences(t, &words(t)).into_iter().map(|s| &t[s.range]).collect()
    }

    proptest::proptest! {
        /// The ASCII tokeniser (eight bytes at a time) splits ASCII text
        /// exactly as the one for any text does.
        #[test]
        fn ascii_words_match_unicode_words(text in "[a-zA-Z0-9 ,.'&!?\"()-]{0,80}") {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            ascii_words_into(text.as_bytes(), &mut fast);
            unicode_words_into(&text, &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn words_keep_contractions_numbers_and_acronyms_whole() {
        assert_eq!(
            word_texts("Don't pay $4,500 for Q&A e-bikes, ok?"),
            ["Don't", "pay", "4,500", "for", "Q&A", "e-bikes", "ok"]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        assert_eq!(
            sentence_texts("PORTLAND, Ore. — It ships at 9 a.m. on Monday. Dr. Lee said so! Really?"),
            [
                "PORTLAND, Ore. — It ships at 9 a.m. on Monday.",
                "Dr. Lee said so!",
                "Really?"
            ]
        );
    }

    #[test]
    fn sentences_end_inside_quotes_and_bold() {
        assert_eq!(
            sentence_texts("\"It works,\" said Ann. \"Now I rest.\" **Why?** Because."),
            [
                "\"It works,\" said Ann.",
                "\"Now I rest.\"",
                "**Why?**",
                "Because."
            ]
        );
    }

    #[test]
    fn abbreviations_are_sorted_and_found_in_any_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_abbreviation("Calif") && is_abbreviation("BLVD") && is_abbreviation("mr"));
        assert!(!is_abbreviation("Monday") && !is_abbreviation(""));
    }

    #[test]
    fn quotations_pair_straight_and_curly_marks() {
        let t = "He said “yes” and \"no\" and \"maybe";
        let q: Vec<&str> = quotations(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, ["“yes”", "\"no\"", "\"maybe"]);
        let t = "Er sagte „ja“, elle dit « oui » et 「はい」と";
        let q: Vec<&str> = quotations(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, ["„ja“", "« oui »", "「はい」"]);
    }

    #[test]
    fn syllable_estimates_are_close() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("beautiful"), 3);
    }

    #[test]
    fn figures_need_a_real_number() {
        let has = |t: &str| has_figure(t, &words(t));
        assert!(has("It costs $49."));
        assert!(has("in ten minutes"));
        assert!(!has("a B2B platform for teams"));
    }
}
