use crate::context::{Context, Sink};

pub(crate) use crate::catalog::OTHER_LANGUAGE as INFO;

/// The rules that read English words and grammar.
pub(crate) const ENGLISH_ONLY: &[&str] = &[
    "jargon",
    "weasel-word",
    "adjective-without-data",
    "passive-voice",
    "future-tense",
    "readability",
    "undefined-acronym",
    "inside-out",
    "vague-outcome",
    "spelling",
    "grammar",
];

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    if cx.language == "en" {
        return;
    }
    sink.report(
        cx.headline_anchor(),
        format!(
            "This draft is in another language (“{}”): its structure is checked, but the English-only style rules ({}) are off.",
            cx.language,
            ENGLISH_ONLY.join(", ")
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::{lint, Config};

    #[test]
    fn a_german_draft_gets_one_note_and_no_english_style_findings() {
        let de = "# Mitgliederportal startet\n\nBEILSTEIN, März 2026 – Der Verein ersetzt die Papierformulare durch ein Portal. Mitglieder füllen Anträge am Handy aus und laden sie herunter, ohne Wartezeit.\n\nBisher dauerte ein Antrag oft zwei Wochen, weil Formulare verloren gingen und niemand sie fand.\n";
        let report = lint(de, &Config::default());
        let notes: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "other-language")
            .collect();
        assert_eq!(notes.len(), 1);
        assert!(notes[0].message.contains("de"));
        for rule in super::ENGLISH_ONLY {
            assert!(
                !report.diagnostics.iter().any(|d| d.rule == *rule),
                "{rule} ran on German"
            );
        }
        let en = lint(
            "# Acme Ships Rockets Today\n\nAcme will leverage synergies.\n",
            &Config::default(),
        );
        assert!(!en.diagnostics.iter().any(|d| d.rule == "other-language"));
        assert!(en.diagnostics.iter().any(|d| d.rule == "jargon"));
    }
}
