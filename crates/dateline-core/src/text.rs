//! Turning a file's bytes into editor text and back without changing what
//! the editor did not change: the byte-order mark and the line endings are
//! remembered on read and restored on save. The editor always works in `\n`.

use serde::Serialize;

const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    Lf,
    Crlf,
}

/// How a file was written, so that a save writes it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TextFormat {
    pub bom: bool,
    pub line_ending: LineEnding,
}

impl Default for TextFormat {
    fn default() -> Self {
        TextFormat {
            bom: false,
            line_ending: LineEnding::Lf,
        }
    }
}

/// Where the first invalid UTF-8 byte sits, for the read-only message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8 {
    pub line: usize,
    pub byte_offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text with `\n` line endings and no BOM.
    pub text: String,
    pub format: TextFormat,
    /// Set when the bytes are not UTF-8: `text` is then a lossy view that
    /// must never be written back.
    pub invalid: Option<InvalidUtf8>,
}

/// Decodes a draft file. Never fails: invalid UTF-8 gives a lossy view and
/// says where the first bad byte is.
pub fn decode(bytes: &[u8]) -> Decoded {
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let line_ending = detect_line_ending(body);
    let (raw, invalid) = match std::str::from_utf8(body) {
        Ok(text) => (text.to_owned(), None),
        Err(err) => {
            let at = err.valid_up_to();
            let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count();
            let offset = at + if bom { BOM.len() } else { 0 };
            (
                String::from_utf8_lossy(body).into_owned(),
                Some(InvalidUtf8 {
                    line,
                    byte_offset: offset,
                }),
            )
        }
    };
    let text = match line_ending {
        LineEnding::Crlf => raw.replace("\r\n", "\n"),
        LineEnding::Lf => raw,
    };
    Decoded {
        text,
        format: TextFormat { bom, line_ending },
        invalid,
    }
}

/// Encodes editor text (any line endings) in the file's own format.
pub fn encode(text: &str, format: TextFormat) -> Vec<u8> {
    let normalized = text.replace("\r\n", "\n");
    let body = match format.line_ending {
        LineEnding::Lf => normalized,
        LineEnding::Crlf => normalized.replace('\n', "\r\n"),
    };
    let mut out = Vec::with_capacity(body.len() + BOM.len());
    if format.bom {
        out.extend_from_slice(BOM);
    }
    out.extend_from_slice(body.as_bytes());
    out
}

/// The file's dominant line ending: CRLF when most line breaks are CRLF.
fn detect_line_ending(bytes: &[u8]) -> LineEnding {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    if crlf > 0 && crlf * 2 >= newlines {
        LineEnding::Crlf
    } else {
        LineEnding::Lf
    }
}

/// True when the bytes look like a binary file rather than text: a NUL byte
/// in the first 8 KiB, the same test git uses.
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8 * 1024).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn roundtrip(bytes: &[u8]) -> Vec<u8> {
        let decoded = decode(bytes);
        encode(&decoded.text, decoded.format)
    }

    #[test]
    fn keeps_bom_crlf_and_final_newline() {
        for sample in [
            &b"# Title\n\nBody\n"[..],
            b"# Title\r\n\r\nBody\r\n",
            b"\xEF\xBB\xBF# Title\r\nBody",
            b"\xEF\xBB\xBF# Title\nBody\n\n",
            b"",
            b"no newline at all",
        ] {
            assert_eq!(roundtrip(sample), sample, "{:?}", String::from_utf8_lossy(sample));
        }
    }

    #[test]
    fn editor_text_has_lf_only() {
        let decoded = decode(b"\xEF\xBB\xBFa\r\nb\r\n");
        assert_eq!(decoded.text, "a\nb\n");
        assert_eq!(
            decoded.format,
            TextFormat {
                bom: true,
                line_ending: LineEnding::Crlf
            }
        );
    }

    #[test]
    fn typed_lines_take_the_files_line_ending() {
        let decoded = decode(b"a\r\nb\r\n");
        let edited = format!("{}c\n", decoded.text);
        assert_eq!(encode(&edited, decoded.format), b"a\r\nb\r\nc\r\n");
    }

    #[test]
    fn invalid_utf8_is_reported_with_its_line() {
        let decoded = decode(b"ok\nstill ok\nbad \xFF byte\n");
        let invalid = decoded.invalid.expect("invalid utf-8 must be reported");
        assert_eq!(invalid.line, 3);
        assert_eq!(invalid.byte_offset, 16);
        assert!(decoded.text.contains('\u{FFFD}'));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("# Überschrift — “quoted”\n".as_bytes()));
    }

    proptest! {
        #[test]
        fn consistent_files_roundtrip_byte_exactly(
            lines in proptest::collection::vec("[^\r\n]*", 0..20),
            crlf: bool, bom: bool, final_newline: bool,
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut text = lines.join(eol);
            if final_newline { text.push_str(eol); }
            let mut bytes = if bom { BOM.to_vec() } else { Vec::new() };
            bytes.extend_from_slice(text.as_bytes());
            prop_assert_eq!(roundtrip(&bytes), bytes);
        }
    }
}
