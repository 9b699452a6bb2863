use super::*;
use proptest::prelude::*;

fn kinds(text: &str) -> Vec<(MarkKind, &str)> {
    parse(text)
        .into_iter()
        .map(|m| (m.kind, &text[m.span.clone()]))
        .collect()
}

#[test]
fn finds_the_five_kinds_with_their_content() {
    let text = "A {++new ++}{--old --}{~~big~>small~~} rocket{>>why?<<} {==here==}.";
    let marks = parse(text);
    let got: Vec<(MarkKind, &str)> = marks.iter().map(|m| (m.kind, &text[m.content.clone()])).collect();
    assert_eq!(
        got,
        vec![
            (MarkKind::Addition, "new "),
            (MarkKind::Deletion, "old "),
            (MarkKind::Substitution, "big"),
            (MarkKind::Comment, "why?"),
            (MarkKind::Highlight, "here"),
        ]
    );
    assert_eq!(&text[marks[2].new_content.clone().unwrap()], "small");
    assert_eq!(&text[marks[0].span.clone()], "{++new ++}");
}

#[test]
fn utf16_spans_count_code_units() {
    let text = "é😀 {++x++}";
    let mark = &parse(text)[0];
    assert_eq!(mark.span, 7..14);
    // é is one unit, 😀 two, then a space.
    assert_eq!(mark.span_utf16, 4..11);
}

#[test]
fn markup_inside_code_is_left_alone() {
    let text =
        "Use `{++x++}` here.\n\n```\n{--gone--}\n```\n\n    {==indented==}\n\nBut {++this++} counts.\n";
    assert_eq!(kinds(text), vec![(MarkKind::Addition, "{++this++}")]);
    // A closing delimiter inside code does not close a mark.
    let text = "{++ see `++}` then ++} done";
    assert_eq!(kinds(text), vec![(MarkKind::Addition, "{++ see `++}` then ++}")]);
}

#[test]
fn broken_markup_is_plain_text() {
    for text in [
        "{++ never closed",
        "{~~ no arrow ~~}",
        "{-- spans\n\na paragraph --}",
        "{>> wrong close ++}",
        "{+ one plus +}",
        "",
        "{",
        "{++",
    ] {
        assert_eq!(parse(text), vec![], "{text:?}");
        let (clean, _) = strip_for_lint(text);
        assert_eq!(clean, text);
    }
    // An addition of a paragraph break is allowed.
    assert_eq!(kinds("a{++\n\n++}b"), vec![(MarkKind::Addition, "{++\n\n++}")]);
    // A line break (not a blank line) is fine.
    assert_eq!(kinds("{--a\nb--}").len(), 1);
}

#[test]
fn the_outer_mark_wins() {
    let text = "{++ a {-- b --} c ++} d";
    assert_eq!(kinds(text), vec![(MarkKind::Addition, "{++ a {-- b --} c ++}")]);
    let text = "{++ a {++ b ++} c ++}";
    assert_eq!(kinds(text), vec![(MarkKind::Addition, "{++ a {++ b ++}")]);
    let (clean, _) = strip_for_lint(text);
    assert_eq!(clean, " c ++}");
    let text = "{== x {>> y <<} ==}";
    assert_eq!(kinds(text), vec![(MarkKind::Highlight, text)]);
}

#[test]
fn strip_reads_with_the_marks_pending() {
    let text = "Acme {++today ++}launched {--a --}{~~big~>small~~} rocket{>>why?<<} {==here==}.";
    let (clean, map) = strip_for_lint(text);
    assert_eq!(clean, "Acme launched a big rocket here.");
    let at = clean.find("big").unwrap();
    let back = map.range_to_original(at..at + 3);
    assert_eq!(&text[back], "big");
    let at = clean.find("here").unwrap();
    assert_eq!(&text[map.range_to_original(at..at + 4)], "here");
    // A range across a dropped mark covers it in the marked text.
    let from = clean.find("rocket").unwrap();
    let to = clean.find("here").unwrap() + 4;
    assert_eq!(&text[map.range_to_original(from..to)], "rocket{>>why?<<} {==here");
    assert_eq!(
        map.to_clean(text.find("today").unwrap()),
        clean.find("launched").unwrap()
    );
    assert_eq!(map.to_clean(text.len()), clean.len());
}

#[test]
fn mark_delimiters_and_display() {
    assert_eq!(Mark::opening(MarkKind::Substitution), "{~~");
    assert_eq!(Mark::closing(MarkKind::Comment), "<<}");
    assert!(may_have_markup("x {==y==}"));
    assert!(!may_have_markup("x {y} {+ z"));
}

/// Random text over an alphabet rich in delimiter pieces.
fn marked_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("{++"),
            Just("++}"),
            Just("{--"),
            Just("--}"),
            Just("{~~"),
            Just("~>"),
            Just("~~}"),
            Just("{>>"),
            Just("<<}"),
            Just("{=="),
            Just("==}"),
            Just("`"),
            Just("\n"),
            Just("\n\n"),
            Just("a"),
            Just("é"),
            Just(" "),
            Just("{"),
            Just("}"),
            Just("😀"),
            Just("```\n"),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Marks are in order, apart, on char boundaries; stripping maps every
    /// piece of kept text back to the same text.
    #[test]
    fn parse_and_strip_hold_on_any_text(text in marked_text()) {
        let marks = parse(&text);
        let mut last = 0;
        for m in &marks {
            prop_assert!(m.span.start >= last && m.span.start < m.span.end);
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start <= m.content.start && m.content.end <= m.span.end);
            prop_assert!(text[m.span.clone()].starts_with(Mark::opening(m.kind)));
            prop_assert!(text[m.span.clone()].ends_with(Mark::closing(m.kind)));
            last = m.span.end;
        }
        let (clean, map) = strip_for_lint(&text);
        prop_assert!(clean.len() <= text.len());
        for (i, _) in clean.char_indices() {
            let end = i + clean[i..].chars().next().unwrap().len_utf8();
            let back = map.range_to_original(i..end);
            prop_assert_eq!(&text[back], &clean[i..end]);
            prop_assert_eq!(map.to_clean(map.start_to_original(i)), i);
        }
        if marks.is_empty() {
            prop_assert_eq!(&clean, &text);
        }
    }
}
