//! The lint of a draft holding CriticMarkup: the rules read the text with
//! the marks pending ([`crate::critic::strip_for_lint`]); this places the
//! report back in the marked text. Every offset maps to kept text, so no
//! finding starts or ends inside a delimiter; a fix is kept only when the
//! bytes it replaces are the same in the marked text (a fix across a mark
//! would rewrite the markup).

use crate::critic::PositionMap;
use crate::position::{line_column, reposition};
use crate::report::Report;

/// `report` (of `clean`) with its offsets in `text`.
pub(crate) fn place_back(mut report: Report, text: &str, clean: &str, map: &PositionMap) -> Report {
    for d in &mut report.diagnostics {
        let r = map.range_to_original(d.start..d.end);
        (d.start, d.end) = (r.start, r.end);
        d.fix = d.fix.take().filter(|fix| {
            let r = map.range_to_original(fix.start..fix.end);
            text.get(r.clone()) == clean.get(fix.start..fix.end)
        });
        if let Some(fix) = &mut d.fix {
            let r = map.range_to_original(fix.start..fix.end);
            (fix.start, fix.end) = (r.start, r.end);
        }
    }
    reposition(text, &mut report.diagnostics);
    for s in &mut report.outline {
        let r = map.range_to_original(s.start..s.end);
        (s.start, s.end) = (r.start, r.end);
    }
    report.dateline = report.dateline.map(|r| map.range_to_original(r));
    for p in &mut report.comment_problems {
        p.range = map.range_to_original(p.range.clone());
        (p.line, p.column) = line_column(text, p.range.start);
    }
    report
}

#[cfg(test)]
mod tests {
    use crate::{lint, Config};

    const PLAIN: &str = "# Acme Ships a Rocket Today\n\nAcme today launched a rocket that is very fast.\n";

    #[test]
    fn the_markup_is_never_flagged_and_findings_land_on_the_same_words() {
        let marked =
            "# Acme Ships a Rocket Today\n\n{>>Is this {leverage}?<<}Acme today {++really ++}launched \
            a {~~rocket~>synergy platform~~} that is {==very==} fast.{--\n--}\n";
        let plain = lint(PLAIN, &Config::default());
        let report = lint(marked, &Config::default());
        let rules = |r: &crate::Report| r.diagnostics.iter().map(|d| d.rule).collect::<Vec<_>>();
        // The added "synergy" and the comment's "leverage" are pending, not prose.
        assert_eq!(rules(&report), rules(&plain));
        for (d, p) in report.diagnostics.iter().zip(&plain.diagnostics) {
            let got = &marked[d.start..d.end];
            let want = &PLAIN[p.start..p.end];
            let stripped = crate::critic::strip_for_lint(got).0;
            assert_eq!(stripped, want, "{}", d.rule);
            for m in crate::critic::parse(marked) {
                assert!(
                    !(m.span.start < d.start && d.start < m.span.end && d.start < m.content.start),
                    "{} starts in a delimiter",
                    d.rule
                );
            }
        }
        let very = report
            .diagnostics
            .iter()
            .find(|d| &marked[d.start..d.end] == "very");
        if let Some(d) = very {
            assert_eq!(d.line, 3);
            assert_eq!(d.column, marked.lines().nth(2).unwrap().find("very").unwrap() + 1);
        }
    }

    #[test]
    fn text_without_markup_is_linted_as_before() {
        let text = "# Acme {Ships} a Rocket\n\nAcme {+ today +} launched.\n";
        let report = lint(text, &Config::default());
        assert!(report.diagnostics.iter().all(|d| d.end <= text.len()));
    }
}
