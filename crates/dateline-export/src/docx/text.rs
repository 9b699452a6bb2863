//! Draft text on its way into XML. docx-rs and quick-xml escape markup
//! characters; what they cannot escape are characters XML 1.0 forbids
//! outright (most C0 controls), which would make Word refuse the file.

use std::borrow::Cow;

/// `text` without the characters XML cannot carry; line breaks become spaces.
pub(crate) fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_change) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if forbidden(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn needs_change(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t') || forbidden(c)
}

/// Outside XML 1.0's `Char` production.
pub(crate) fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Unix milliseconds as the W3C date-time Word writes (`2026-12-03T12:00:00Z`).
pub(crate) fn iso_time(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_the_rest_stays() {
        assert_eq!(clean("a\u{1}b\u{c}<c>&\nd"), "ab<c>& d");
        assert!(matches!(clean("plain — café"), Cow::Borrowed(_)));
    }

    #[test]
    fn times_are_utc_w3c() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(1_796_299_200_000), "2026-12-03T12:00:00Z");
        assert_eq!(iso_time(951_782_400_000), "2000-02-29T00:00:00Z");
    }
}
