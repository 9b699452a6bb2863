//! The readiness score: 100 minus a penalty per rule that fired, weighted by
//! severity, with a little more for repeats (capped so one noisy style rule
//! cannot sink a sound draft).

use crate::report::{Counts, Diagnostic, Severity};
use std::collections::BTreeMap;

fn weight(s: Severity) -> f64 {
    match s {
        Severity::Error => 12.0,
        Severity::Warning => 3.0,
        Severity::Info => 1.0,
    }
}

pub(crate) fn readiness(diagnostics: &[Diagnostic]) -> u8 {
    let mut per_rule: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for d in diagnostics {
        *per_rule.entry((d.rule, d.severity)).or_default() += 1;
    }
    let penalty: f64 = per_rule
        .iter()
        .map(|(&(_, s), &n)| weight(s) * (1.0 + 0.25 * (n.saturating_sub(1).min(4)) as f64))
        .sum();
    (100.0 - penalty).clamp(0.0, 100.0).round() as u8
}

pub(crate) fn counts(diagnostics: &[Diagnostic]) -> Counts {
    let mut c = Counts::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => c.error += 1,
            Severity::Warning => c.warning += 1,
            Severity::Info => c.info += 1,
        }
    }
    c
}
