//! The dateline: the place and date a release opens with, in full
//! ("SEATTLE, Wash. — June 10, 2025 —") or in part (a city, a date, a month
//! or a quarter; "2025 年 6 月、東京 —"; "*2026-07-25* —").

use super::vocab::CUE_WORDS;

/// The plain offset where a dateline ends, if the text opens with one.
/// Placeholders (`[CITY] — [DATE] —`) count: the author has kept the slot.
pub(crate) fn dateline_end(plain: &str) -> Option<usize> {
    let lead = plain.len() - plain.trim_start_matches([' ', '*', '_', '`']).len();
    let rest = &plain[lead..];
    if !rest.starts_with(|c: char| c.is_alphanumeric() || c == '[' || c == '(') {
        return None;
    }
    let window = &plain[..floor_boundary(plain, (lead + 120).min(plain.len()))];
    let (sep, sep_len) = first_dash(window, lead)?;
    let head = plain[lead..sep]
        .trim()
        .trim_end_matches(['*', '_', '`', ',', ' ']);
    if head.is_empty() || head.len() > 80 || !(is_place(head) || has_date(head)) {
        return None;
    }
    let mut end = sep + sep_len;
    // `CITY — Date —`: take the date's closing dash too.
    let rest_window = &plain[end..floor_boundary(plain, (end + 45).min(plain.len()))];
    if let Some((second, len)) = first_dash(rest_window, 0) {
        let between = &rest_window[..second];
        if has_date(between) || (!between.contains(['.', '!', '?']) && between.trim().len() < 30) {
            end += second + len;
        }
    }
    Some(end)
}

/// A whole short line that is only a date ("November 27, 2021"), as some
/// releases put it under the headline.
pub(crate) fn is_date_line(plain: &str) -> bool {
    let text = plain.trim().trim_matches(['*', '_', '`', ' ']);
    !text.is_empty() && text.split_whitespace().count() <= 6 && has_date(text) && !text.contains(['[', ']'])
}

/// True when the dateline is a placeholder, not a real place or date.
pub(crate) fn is_placeholder(dateline: &str) -> bool {
    dateline.contains('[') || dateline.contains("XX") || dateline.contains("xx")
}

/// A city ("SEATTLE", "London, England", "SAINT-DENIS, ILE-DE-FRANCE",
/// "[CITY], [STATE]"): capital letters only, or capitalised words before
/// a comma.
fn is_place(head: &str) -> bool {
    let city = head.split([',', '、', '，']).next().unwrap_or("").trim();
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || city.split_whitespace().count() > 4 {
        return false;
    }
    let capitals =
        city.chars().all(|c| !c.is_lowercase()) && city.starts_with(|c: char| c.is_uppercase() || c == '[');
    let named = head.contains(',')
        && head.split_whitespace().count() <= 6
        && head
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '[' || c == '(' || c.is_ascii_digit()));
    capitals || named
}

/// A date or a part of one: a month name, a quarter, a year with 年, or a
/// numeric date ("2026-07-25", "28-Nov-2021", "1.6.2025").
pub(crate) fn has_date(text: &str) -> bool {
    if text.contains('年') || text.contains("월") && text.contains("년") {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| w.len() == 4 && w.starts_with(['1', '2']) && w.chars().all(|c| c.is_ascii_digit());
    let month = CUE_WORDS.months.is_match(text);
    let quarter = words.iter().any(|w| {
        let w = w.to_ascii_lowercase();
        w.len() == 2 && w.starts_with('q') && w[1..].chars().all(|c| ('1'..='4').contains(&c))
    });
    let numeric = words.iter().any(|w| numeric_date(w));
    numeric
        || ((month || quarter)
            && words
                .iter()
                .any(|w| year(w) || w.chars().all(|c| c.is_ascii_digit())))
}

/// "2026-07-25", "28-Nov-2021", "11/27/2021", "1.6.2025".
fn numeric_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .any(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()))
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 4)
}

pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first dateline separator (em or en dash, `--`, or ` - `) at or after `from`.
pub(crate) fn first_dash(s: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    for i in memchr::memchr2_iter(0xE2, b'-', &bytes[from..]).map(|i| from + i) {
        if bytes[i] == 0xE2 {
            // "—" is E2 80 94, "–" is E2 80 93.
            if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])) {
                return Some((i, 3));
            }
        } else if i > from && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            return Some((i - 1, 3));
        } else if bytes.get(i + 1) == Some(&b'-') {
            return Some((i, 2));
        }
    }
    None
}

/// The company named between the dateline and "today".
pub(crate) fn company_after_dateline(plain: &str, end: usize) -> Option<String> {
    let rest = &plain[end..];
    let today = rest.find(" today")?;
    let name = rest[..today]
        .split(',')
        .next()?
        .trim()
        .trim_matches(['*', '_'])
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'));
    let pronoun = matches!(words.first(), Some(&("It" | "We" | "This" | "The" | "Our")));
    (!words.is_empty() && words.len() <= 5 && capitalised && !pronoun).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_several_styles() {
        for t in [
            "SEATTLE — June 10, 2025 — Acme today",
            "PORTLAND, Ore. – March 4, 2025 – Lumen",
            "NEW YORK -- (May 1) -- Acme",
            "[CITY], [STATE] — [DATE] — Acme",
            "PITTSBURGH, June 2, 2025 - Metro",
            "London, England - 28-Nov-2021 – Until now",
            "2026-07-25 — noda ships",
            "July 2026 - The community gains",
            "SOCORRO, NM — Q4 2026 — LangCraft",
            "Beilstein, März 2026 – Der Verein",
            "2025 年 6 月、東京 — 新しい",
            "SAINT-DENIS, ILE-DE-FRANCE — La ville",
            "LISBON – (Mar 2026) – A talk",
        ] {
            assert!(dateline_end(t).is_some(), "{t}");
        }
        for t in [
            "Seattle is rainy — and cold",
            "The Problem — people wait",
            "Until now - nothing",
        ] {
            assert!(dateline_end(t).is_none(), "{t}");
        }
        assert!(is_date_line("November 27, 2021"));
        assert!(!is_date_line(
            "We shipped it in November 2021 to everyone who asked."
        ));
    }
}
