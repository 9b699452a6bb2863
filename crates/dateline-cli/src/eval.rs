//! `dateline eval MANIFEST`: how well the outline finds the parts of drafts
//! whose parts were labelled by hand. Reads a manifest in the shape of
//! `shared/realworld/manifest.json` (file name → `sections` booleans), lints
//! every file it names from the `docs/` folder beside it (or beside the
//! manifest), and prints per-part precision, recall and F1, the macro F1 and
//! every miss.

use dateline_lint::{lint, Config, Report, SectionKind, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The manifest's parts, in its order, with the outline kind each is.
/// `None`: the dateline, which is not an outline section.
pub(crate) const PARTS: [(&str, Option<SectionKind>); 12] = [
    ("headline", Some(SectionKind::Headline)),
    ("subheading", Some(SectionKind::Subheading)),
    ("summary", Some(SectionKind::Summary)),
    ("dateline", None),
    ("problem", Some(SectionKind::Problem)),
    ("solution", Some(SectionKind::Solution)),
    ("leader_quote", Some(SectionKind::LeaderQuote)),
    ("getting_started", Some(SectionKind::GettingStarted)),
    ("customer_quote", Some(SectionKind::CustomerQuote)),
    ("call_to_action", Some(SectionKind::CallToAction)),
    ("external_faq", Some(SectionKind::ExternalFaq)),
    ("internal_faq", Some(SectionKind::InternalFaq)),
];

#[derive(Deserialize)]
struct Entry {
    sections: BTreeMap<String, bool>,
}

/// True, false and missed counts of one part.
#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A part with nothing to find and nothing found is perfect, not undefined.
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// Whether the report found a part.
pub(crate) fn found(report: &Report, kind: Option<SectionKind>) -> bool {
    match kind {
        None => report.dateline.is_some(),
        Some(k) => report.outline.iter().any(|s| s.kind == k),
    }
}

/// What the outline called the blocks a missed part would be in: a hint
/// for the reader of the miss list.
fn kinds_found(report: &Report) -> String {
    let mut kinds: Vec<&str> = report.outline.iter().map(|s| s.kind.id()).collect();
    kinds.dedup();
    kinds.join(" ")
}

pub(crate) fn run(manifest: &Path, docs: Option<&Path>) -> ExitCode {
    let text = match std::fs::read_to_string(manifest) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dateline: {}: cannot read the manifest: {e}", manifest.display());
            return ExitCode::from(2);
        }
    };
    let entries: BTreeMap<String, Entry> = match serde_json::from_str(&text) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("dateline: {}: not a manifest ({e})", manifest.display());
            return ExitCode::from(2);
        }
    };
    let folder = docs
        .map(Path::to_path_buf)
        .unwrap_or_else(|| docs_folder(manifest));
    let mut tallies = [Tally::default(); PARTS.len()];
    let mut misses = String::new();
    let mut false_errors = 0;
    for (name, entry) in &entries {
        let path = folder.join(name);
        let draft = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("dateline: {}: cannot read: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let report = lint(&draft, &Config::default());
        for (i, (part, kind)) in PARTS.iter().enumerate() {
            let truth = entry.sections.get(*part).copied().unwrap_or(false);
            let got = found(&report, *kind);
            match (truth, got) {
                (true, true) => tallies[i].tp += 1,
                (false, true) => {
                    tallies[i].fp += 1;
                    let _ = writeln!(misses, "{name}: {part}: found, but the label says absent");
                }
                (true, false) => {
                    tallies[i].fn_ += 1;
                    let _ = writeln!(
                        misses,
                        "{name}: {part}: missed (outline: {})",
                        kinds_found(&report)
                    );
                }
                (false, false) => {}
            }
        }
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            if let Some(part) = part_of_missing(d.rule, &d.message, entry) {
                false_errors += 1;
                let _ = writeln!(misses, "{name}: {part}: an error says it is missing ({})", d.rule);
            }
        }
    }
    print!("{}", table(&tallies, entries.len(), false_errors));
    if !misses.is_empty() {
        println!("\nMisses:\n{misses}");
    }
    ExitCode::SUCCESS
}

/// The labelled-present part a "missing" error names, if any.
fn part_of_missing(rule: &str, message: &str, entry: &Entry) -> Option<&'static str> {
    let present = |p: &str| entry.sections.get(p).copied().unwrap_or(false);
    let part = match rule {
        "missing-headline" => "headline",
        "missing-subheading" => "subheading",
        "missing-dateline" => "dateline",
        "missing-external-faq" => "external_faq",
        "missing-internal-faq" => "internal_faq",
        "missing-section" => {
            PARTS
                .iter()
                .filter_map(|(p, k)| k.map(|k| (*p, k)))
                .find(|(_, k)| first_sentence(message).contains(&k.label().to_lowercase()))?
                .0
        }
        _ => return None,
    };
    present(part).then_some(part)
}

fn first_sentence(message: &str) -> String {
    message.split('.').next().unwrap_or("").to_lowercase()
}

/// `docs/` beside the manifest when it exists, else the manifest's folder.
fn docs_folder(manifest: &Path) -> PathBuf {
    let parent = manifest.parent().unwrap_or(Path::new("."));
    let docs = parent.join("docs");
    if docs.is_dir() {
        docs
    } else {
        parent.to_path_buf()
    }
}

fn table(tallies: &[Tally], files: usize, false_errors: usize) -> String {
    let mut out = format!(
        "{files} documents\n\n{:<16} {:>9} {:>6} {:>6}\n",
        "part", "precision", "recall", "F1"
    );
    let mut sum = 0.0;
    for ((part, _), t) in PARTS.iter().zip(tallies) {
        sum += t.f1();
        let _ = writeln!(
            out,
            "{part:<16} {:>9.2} {:>6.2} {:>6.2}",
            t.precision(),
            t.recall(),
            t.f1()
        );
    }
    let _ = writeln!(out, "\nmacro F1 {:.3}", sum / tallies.len() as f64);
    let _ = writeln!(out, "errors for parts that are there: {false_errors}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_is_the_harmonic_mean_of_precision_and_recall() {
        let t = Tally { tp: 3, fp: 1, fn_: 2 };
        assert!((t.precision() - 0.75).abs() < 1e-9);
        assert!((t.recall() - 0.6).abs() < 1e-9);
        assert!((t.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
        assert_eq!(Tally::default().f1(), 1.0);
        assert_eq!(Tally { tp: 0, fp: 2, fn_: 0 }.f1(), 0.0);
    }
}
