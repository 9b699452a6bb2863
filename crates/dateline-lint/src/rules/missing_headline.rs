use crate::context::{Context, Sink};

pub(crate) use crate::catalog::MISSING_HEADLINE as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    // A smaller heading standing as the headline is there, but not as an
    // H1. Under a document title ("# Acme — PR/FAQ", then "## Press
    // Release") that is the author's structure: nothing to say.
    let titled = |h: usize| cx.blocks()[..h].iter().any(|b| b.level() == Some(1));
    let smaller = cx
        .outline
        .headline
        .filter(|&h| !titled(h))
        .map(|h| &cx.blocks()[h])
        .filter(|b| b.level().is_some_and(|l| l > 1));
    if cx.outline.headline.is_some() && smaller.is_none() {
        return;
    }
    let first_heading = smaller.or_else(|| cx.release().map(|(_, b)| b).find(|b| b.is_heading()));
    let Some(heading) = first_heading else {
        sink.report(
            cx.headline_anchor(),
            "The draft has no headline. Start it with one H1 line (`# ...`) that says who gets what.",
        );
        return;
    };
    let line = &cx.doc.text[cx.first_line(heading)];
    let hashes = line.len() - line.trim_start_matches('#').len();
    let fix = (hashes > 1 && line[hashes..].starts_with(' '))
        .then(|| (heading.range.start..heading.range.start + hashes, "#".to_string()));
    let report = if smaller.is_some() {
        Sink::report_fix_unsure
    } else {
        Sink::report_fix
    };
    report(
        sink,
        cx.first_line(heading),
        format!(
            "The draft has no H1 headline. Make {} the headline: start it with a single `#`.",
            super::q(heading.plain)
        ),
        fix,
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_without_h1_and_offers_to_promote_the_first_heading() {
        let f = findings("## Acme ships rockets\n\nText here.\n", "missing-headline");
        assert_eq!(f.len(), 1);
        // The H2 is the headline, only not an H1: a warning.
        assert_eq!(f[0].severity, crate::Severity::Warning);
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!((fix.start, fix.end, fix.replacement.as_str()), (0, 2, "#"));
    }

    #[test]
    fn fires_on_a_draft_without_headings() {
        assert_eq!(lines("Just text.\n", "missing-headline"), [1]);
    }

    #[test]
    fn silent_with_h1() {
        assert!(lines(CLEAN, "missing-headline").is_empty());
    }
}
