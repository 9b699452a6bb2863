use crate::context::{Context, Sink};
use crate::report::SectionKind;
use crate::text;

pub(crate) use crate::catalog::READABILITY as INFO;

/// Fewest words for a grade worth reporting.
const MIN_WORDS: usize = 40;

/// Flesch-Kincaid grade level.
pub(crate) fn grade(words: usize, sentences: usize, syllables: usize) -> f64 {
    let (w, s, y) = (words as f64, sentences.max(1) as f64, syllables as f64);
    0.39 * (w / s) + 11.8 * (y / w.max(1.0)) - 15.59
}

fn section_name(kind: SectionKind) -> String {
    match kind {
        SectionKind::Other => "This section".to_string(),
        k => format!("The {}", k.label().to_lowercase()),
    }
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let max = cx.config.thresholds.max_grade;
    let mut by_section: Vec<(SectionKind, usize, usize, usize, usize)> = Vec::new();
    for (i, block) in cx.release().filter(|(_, b)| b.is_prose()) {
        let kind = cx.kind(i);
        if matches!(kind, SectionKind::Headline | SectionKind::Subheading) {
            continue;
        }
        let syllables = text::syllables_in(block.plain, block.words);
        match by_section.iter_mut().find(|s| s.0 == kind) {
            Some(s) => {
                s.2 += block.words.len();
                s.3 += block.sentences.len();
                s.4 += syllables;
            }
            None => by_section.push((kind, i, block.words.len(), block.sentences.len(), syllables)),
        }
    }
    for (kind, first, words, sentences, syllables) in by_section {
        let g = grade(words, sentences, syllables);
        if words >= MIN_WORDS && g > max {
            sink.report(
                cx.first_line(&cx.blocks()[first]),
                // One decimal: "grade 10.4" above a maximum of 10, not "grade 10".
                format!("{} reads at grade {g:.1} (Flesch-Kincaid). Aim for grade {max} or below: shorter sentences and shorter words.", section_name(kind)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn grade_of_simple_and_dense_text() {
        assert!(super::grade(10, 2, 12) < 3.0);
        assert!(super::grade(40, 1, 100) > 20.0);
    }

    #[test]
    fn fires_on_dense_prose() {
        let dense = "Kettle Clock facilitates comprehensive optimization of organizational morning beverage preparation utilizing sophisticated anticipatory thermal management, personalized notification integration, and configurable temperature administration capabilities, delivering unprecedented operational efficiency for individual consumers, institutional customers, and hospitality organizations everywhere. Comprehensive personalization facilitates extraordinary organizational productivity.";
        let text = CLEAN.replace(
            "Kettle Clock reads the alarm on your phone and starts to heat ten minutes before it rings. You fill it once a day, and it keeps the water hot for one hour. If you sleep in, it waits for you.",
            dense,
        );
        assert_eq!(lines(&text, "readability"), [14]);
        let message = &findings(&text, "readability")[0].message;
        assert!(
            message.starts_with("The solution reads at grade ")
                && message.contains(". Aim for grade 10 or below"),
            "{message}"
        );
        let grade: f64 = message["The solution reads at grade ".len()..]
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            grade > 10.0 && message.contains(&format!("grade {grade:.1} ")),
            "{message}"
        );
    }

    #[test]
    fn silent_on_plain_prose() {
        assert!(lines(CLEAN, "readability").is_empty());
    }
}
