//! The draft's language: front matter `language:`, else the config's
//! `language`, else detected from the text with whatlang. Rules written
//! for English prose run only on English drafts.

use crate::config::Config;
use crate::document::Document;

/// How much text detection reads: enough to be sure, little enough to be quick.
const SAMPLE_BYTES: usize = 2000;

/// The draft's language as an ISO 639-1 code ("en", "de", "ja").
pub(crate) fn language(doc: &Document<'_>, config: &Config) -> String {
    if let Some(code) = doc.front.language.as_ref().or(config.language.as_ref()) {
        return primary(code);
    }
    let mut sample = String::with_capacity(SAMPLE_BYTES);
    for block in doc.blocks.iter().filter(|b| b.is_prose()) {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(block.plain);
        sample.push('\n');
    }
    if plainly_english(&sample) {
        return "en".to_string();
    }
    detect(&sample).unwrap_or_else(|| "en".to_string())
}

/// English prose at a glance: ASCII letters, and "the", "and", "of", "to"
/// at the rate English has them (about one word in six). Saves the
/// detector's time on every keystroke of an English draft; anything less
/// clear goes to whatlang.
fn plainly_english(sample: &str) -> bool {
    let ascii = sample.bytes().filter(u8::is_ascii).count();
    if ascii * 50 < sample.len() * 49 {
        return false;
    }
    let words: Vec<&str> = sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let common = words
        .iter()
        .filter(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "and" | "of" | "to" | "a" | "in" | "is" | "for"
            )
        })
        .count();
    words.len() >= 20 && common * 100 >= words.len() * 12
}

/// "de-AT" and "de_AT" are German.
fn primary(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or(code)
        .trim()
        .to_lowercase()
}

/// The language whatlang is sure of, if any. Drafts mix in English product
/// names and code, so a reliable answer is asked for, and an unsure one
/// stays English.
fn detect(text: &str) -> Option<String> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso_639_1(info.lang()).to_string())
}

/// whatlang names languages by ISO 639-3; reports use the two-letter codes
/// of the languages the outline reads, the three-letter ones otherwise.
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as L;
    match lang {
        L::Eng => "en",
        L::Deu => "de",
        L::Fra => "fr",
        L::Spa => "es",
        L::Por => "pt",
        L::Ita => "it",
        L::Nld => "nl",
        L::Jpn => "ja",
        L::Cmn => "zh",
        L::Kor => "ko",
        L::Rus => "ru",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Tables;

    fn lang(text: &str, config: &Config) -> String {
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        language(&doc, config)
    }

    #[test]
    fn detects_and_can_be_told() {
        let de = "Der Verein ersetzt die Papierformulare durch ein Portal. Mitglieder füllen Anträge am Handy aus und laden sie als PDF herunter, ohne Wartezeit in der Geschäftsstelle.";
        let fr = "La ville lance un nouveau système de réservation des salles. Les habitants réservent en ligne, sans se déplacer, et reçoivent une confirmation immédiate.";
        let ja = "不動産業界では、申請書類の確認作業に膨大な時間がかかっています。新しいサービスは数分でチェックを完了させます。";
        let en = "Acme today launched Rocket, which lets families launch a satellite from the backyard in ten minutes.";
        assert_eq!(lang(de, &Config::default()), "de");
        assert_eq!(lang(fr, &Config::default()), "fr");
        assert_eq!(lang(ja, &Config::default()), "ja");
        assert_eq!(lang(en, &Config::default()), "en");
        assert_eq!(
            lang(&format!("---\nlanguage: en-GB\n---\n{de}"), &Config::default()),
            "en"
        );
        let (config, _) = Config::from_toml("language = \"de\"");
        assert_eq!(lang(en, &config), "de");
        assert_eq!(lang("", &Config::default()), "en");
    }
}
