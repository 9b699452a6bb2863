use super::*;
use crate::log::{encode_record, parse_log};
use proptest::prelude::*;

const TEXT: &str = "Lumen today launched PocketCell, a battery that charges in ten minutes. \
    PocketCell costs $49 and ships in May. Lumen said PocketCell is the thinnest battery it has made.";

fn who(name: &str) -> Author {
    Author {
        name: name.into(),
        email: format!("{}@example.com", name.to_lowercase()),
    }
}

fn suggest(id: &str, text: &str, quote: &str, after: &str, by: &str, at: i64) -> Record {
    let start = if quote.is_empty() {
        text.find(after).unwrap_or(0)
    } else {
        text.find(quote).unwrap()
    };
    Record {
        event: Event::Suggest {
            id: id.into(),
            draft_version: "v1".into(),
            anchor: Anchor::new(text, start..start + quote.len()),
            kind: SuggestKind::of(quote, after).unwrap(),
            after: after.into(),
            note: None,
        },
        at,
        author: who(by),
    }
}

fn answer(id: &str, accepted: bool, conflicts: &[&str], at: i64) -> Record {
    let reply = Some("thanks".to_string());
    let event = if accepted {
        Event::Accept {
            id: id.into(),
            reply,
            conflicts: conflicts.iter().map(|c| c.to_string()).collect(),
        }
    } else {
        Event::Reject { id: id.into(), reply }
    };
    Record {
        event,
        at,
        author: who("Ava"),
    }
}

/// Logs written as files would be, and read back.
fn logs(files: &[(&str, Vec<Record>)]) -> Vec<ParsedLog> {
    files
        .iter()
        .map(|(name, records)| {
            let bytes: String = records.iter().map(encode_record).collect();
            parse_log(bytes.as_bytes(), name)
        })
        .collect()
}

fn statuses(state: &SuggestionLog, text: &str) -> Vec<(String, SuggestionStatus)> {
    place(&state.suggestions, text)
        .into_iter()
        .map(|p| (p.suggestion.id.clone(), p.status))
        .collect()
}

#[test]
fn records_round_trip_and_bad_ones_are_skipped_with_a_message() {
    let good = suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1);
    let line = encode_record(&good);
    assert!(
        line.contains(r#""type":"suggest""#) && line.contains(r#""kind":"replace""#),
        "{line}"
    );
    let wrong_kind = line.replace(r#""kind":"replace""#, r#""kind":"insert""#);
    let long_note = encode_record(&Record {
        event: Event::Reject {
            id: "s1".into(),
            reply: Some("x".repeat(crate::log::MAX_BODY_CHARS + 1)),
        },
        ..good.clone()
    });
    let bytes = format!("{line}{wrong_kind}{long_note}{{\"v\":1,\"type\":\"accept\"}}\n");
    let parsed = parse_log(bytes.as_bytes(), "bo.jsonl");
    assert_eq!(parsed.records, vec![good]);
    assert_eq!(parsed.problems.len(), 3, "{:?}", parsed.problems);
    assert!(parsed.problems[0].contains("line 2") && parsed.problems[0].contains("insertion"));
    assert!(parsed.problems[1].contains("reply is longer"));
}

#[test]
fn answers_from_the_authors_log_apply_across_logs() {
    let state = merge_suggestions(&logs(&[
        (
            "bo.jsonl",
            vec![
                suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1),
                suggest("s2", TEXT, "ten minutes", "", "Bo", 2),
            ],
        ),
        ("cy.jsonl", vec![suggest("s3", TEXT, "", "Lumen", "Cy", 3)]),
        (
            "ava.jsonl",
            vec![answer("s2", false, &[], 5), answer("s1", true, &[], 6)],
        ),
    ]));
    assert_eq!(state.problems, Vec::<String>::new());
    let after = TEXT.replace("costs $49", "costs $39");
    assert_eq!(
        statuses(&state, &after),
        vec![
            ("s1".into(), SuggestionStatus::Accepted),
            ("s2".into(), SuggestionStatus::Rejected),
            ("s3".into(), SuggestionStatus::Open),
        ]
    );
    let s2 = &state.suggestions[1];
    assert_eq!(s2.decision.as_ref().unwrap().reply.as_deref(), Some("thanks"));
    assert_eq!(s2.decision.as_ref().unwrap().source, "ava.jsonl");
}

#[test]
fn an_accept_is_final_and_unknown_ids_are_reported() {
    let state = merge_suggestions(&logs(&[
        (
            "bo.jsonl",
            vec![suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1)],
        ),
        (
            "ava.jsonl",
            vec![
                answer("s1", false, &[], 2),
                answer("s1", true, &[], 3),
                answer("s1", false, &[], 4),
                answer("zz", true, &[], 5),
            ],
        ),
    ]));
    assert!(state.suggestions[0].decision.as_ref().unwrap().accepted);
    assert_eq!(state.problems.len(), 2, "{:?}", state.problems);
    assert!(state.problems[0].contains("already accepted"));
    assert!(state.problems[1].contains("unknown suggestion zz"));
}

#[test]
fn a_reused_id_keeps_the_first_suggestion() {
    let state = merge_suggestions(&logs(&[
        (
            "bo.jsonl",
            vec![suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1)],
        ),
        ("cy.jsonl", vec![suggest("s1", TEXT, "May", "June", "Cy", 2)]),
        (
            "bo2.jsonl",
            vec![suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1)],
        ),
    ]));
    assert_eq!(state.suggestions.len(), 1);
    assert_eq!(state.suggestions[0].after, "costs $39");
    assert_eq!(state.problems.len(), 1, "{:?}", state.problems);
}

#[test]
fn overlapping_suggestions_conflict_once_one_is_accepted() {
    let records = vec![
        suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1),
        suggest("s2", TEXT, "$49 and ships", "$49, ships", "Cy", 2),
        suggest("s3", TEXT, "May", "June", "Cy", 3),
    ];
    let before = merge_suggestions(&logs(&[("bo.jsonl", records.clone())]));
    let placed = place(&before.suggestions, TEXT);
    assert_eq!(placed[0].overlaps, vec!["s2".to_string()]);
    assert_eq!(placed[1].overlaps, vec!["s1".to_string()]);
    assert!(placed[2].overlaps.is_empty());
    // Accepted on the same draft version: the overlap is seen from the hints.
    let after = TEXT.replace("costs $49", "costs $39");
    let state = merge_suggestions(&logs(&[
        ("bo.jsonl", records.clone()),
        ("ava.jsonl", vec![answer("s1", true, &[], 4)]),
    ]));
    let got = statuses(&state, &after);
    assert_eq!(got[1].1, SuggestionStatus::Conflicting);
    assert_eq!(state.suggestions[1].conflicted_by.as_deref(), Some("s1"));
    assert_eq!(got[2].1, SuggestionStatus::Open);
    let refused = plan_accept(&state.suggestions[1], &after).unwrap_err();
    assert!(refused.contains("overlaps suggestion s1"), "{refused}");
    // Named in the accept record: conflicting even across versions, and
    // shown where its text still is.
    let mut other = records.clone();
    if let Event::Suggest { draft_version, .. } = &mut other[2].event {
        *draft_version = "v2".into();
    }
    let state = merge_suggestions(&logs(&[
        ("bo.jsonl", other),
        ("ava.jsonl", vec![answer("s1", true, &["s3"], 4)]),
    ]));
    let placed = place(&state.suggestions, &after);
    assert_eq!(placed[2].status, SuggestionStatus::Conflicting);
    assert!(placed[2].span.is_some());
}

#[test]
fn overlap_rules() {
    let s = |a, b| Span::new(a, b);
    assert!(overlaps(s(0, 5), s(4, 9)));
    assert!(!overlaps(s(0, 5), s(5, 9)), "touching ranges do not overlap");
    assert!(overlaps(s(3, 3), s(0, 5)) && overlaps(s(0, 5), s(3, 3)));
    assert!(!overlaps(s(5, 5), s(0, 5)), "an insertion at an end does not");
    assert!(overlaps(s(5, 5), s(5, 5)), "two insertions at one point do");
}

#[test]
fn accept_finds_moved_text_and_refuses_changed_text() {
    let state = merge_suggestions(&logs(&[(
        "bo.jsonl",
        vec![
            suggest("s1", TEXT, "costs $49", "costs $39", "Bo", 1),
            suggest("s2", TEXT, "", "today ", "Bo", 2),
        ],
    )]));
    let s1 = &state.suggestions[0];
    let moved = format!("New intro paragraph.\n\n{TEXT}");
    let edit = plan_accept(s1, &moved).unwrap();
    assert_eq!(&moved[edit.span.range()], "costs $49");
    assert_eq!(
        apply_edits(&moved, &[&edit]),
        format!("New intro paragraph.\n\n{}", TEXT.replace("$49", "$39"))
    );
    let changed = TEXT.replace("costs $49", "costs $59");
    assert!(plan_accept(s1, &changed)
        .unwrap_err()
        .contains("no longer in the draft"));
    let around = TEXT.replace("PocketCell costs $49 and ships", "It costs $49 and now ships");
    assert!(plan_accept(s1, &around)
        .unwrap_err()
        .contains("around it changed"));
    // An insertion: found where its prefix and suffix meet.
    let s2 = &state.suggestions[1];
    let edit = plan_accept(s2, &moved).unwrap();
    assert_eq!(edit.span.len(), 0);
    assert!(plan_accept(s2, "something else entirely").is_err());
}

#[test]
fn accept_all_takes_one_reviewers_suggestions_and_refuses_overlaps() {
    let state = merge_suggestions(&logs(&[
        (
            "bo.jsonl",
            vec![
                suggest("s1", TEXT, "May", "June", "Bo", 1),
                suggest("s2", TEXT, "costs $49", "costs $39", "Bo", 2),
                suggest("s3", TEXT, "$49 and", "$49, and", "Bo", 3),
                suggest("s4", TEXT, "thinnest", "slimmest", "Bo", 4),
            ],
        ),
        (
            "cy.jsonl",
            vec![suggest("s5", TEXT, "battery that", "cell that", "Cy", 5)],
        ),
        ("ava.jsonl", vec![answer("s4", false, &[], 6)]),
    ]));
    let plan = plan_accept_all(&state.suggestions, |s| s.author.name == "Bo", TEXT);
    let ids: Vec<&str> = plan.edits.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, vec!["s2", "s1"], "by position, rejected s4 and Cy's s5 left");
    assert_eq!(plan.refused.len(), 1);
    assert!(plan.refused[0].0 == "s3" && plan.refused[0].1.contains("s2"));
    let edits: Vec<&Edit> = plan.edits.iter().map(|(_, e)| e).collect();
    let done = apply_edits(TEXT, &edits);
    assert_eq!(
        done,
        TEXT.replace("costs $49", "costs $39").replace("May", "June")
    );
    let span = plan.edits[0].1.span;
    assert_eq!(
        conflicts_with(&state.suggestions, &["s2"], span, TEXT),
        vec!["s3".to_string()]
    );
}

/// A suggestion on a random text, and an edit elsewhere.
fn case() -> impl Strategy<Value = (String, (usize, usize), (usize, usize, String))> {
    ("[a-zé ]{20,120}", any::<(u16, u16, u16, u16)>(), "[a-zé ]{0,10}").prop_map(
        |(text, (a, b, c, d), ins)| {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let n = bounds.len() - 1;
            let s = a as usize % n;
            let e = s + 1 + b as usize % (n - s).min(8);
            // An edit wholly before or after the quote.
            let (lo, hi) = if c % 2 == 0 { (0, s) } else { (e, n) };
            let x = lo + d as usize % (hi - lo + 1);
            let y = x + (c as usize / 2) % (hi - x + 1);
            (text.clone(), (bounds[s], bounds[e]), (bounds[x], bounds[y], ins))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Accepting after an unrelated edit changes exactly the quoted text,
    /// or refuses; it never changes anything else.
    #[test]
    fn accept_after_an_edit_changes_only_the_quote((text, (s, e), (x, y, ins)) in case()) {
        let quote = &text[s..e];
        let anchor = Anchor::new(&text, s..e);
        let edited = format!("{}{}{}", &text[..x], ins, &text[y..]);
        let record = Record {
            event: Event::Suggest { id: "s".into(), draft_version: String::new(), anchor, kind: SuggestKind::Replace, after: "<X>".into(), note: None },
            at: 1,
            author: who("Bo"),
        };
        let state = merge_suggestions(&logs(&[("bo.jsonl", vec![record])]));
        if let Ok(edit) = plan_accept(&state.suggestions[0], &edited) {
            prop_assert_eq!(&edited[edit.span.range()], quote);
            let done = apply_edits(&edited, &[&edit]);
            prop_assert_eq!(done.replacen("<X>", quote, 1), edited.clone());
        }
        // With no edit at all it is always found.
        prop_assert!(plan_accept(&state.suggestions[0], &text).is_ok());
    }
}

#[test]
fn merge_is_independent_of_log_order() {
    let a = (
        "bo.jsonl",
        vec![
            suggest("s1", TEXT, "May", "June", "Bo", 1),
            suggest("s2", TEXT, "$49", "$39", "Bo", 2),
        ],
    );
    let b = (
        "ava.jsonl",
        vec![answer("s1", true, &["s2"], 3), answer("s2", false, &[], 3)],
    );
    let one = merge_suggestions(&logs(&[a.clone(), b.clone()]));
    let two = merge_suggestions(&logs(&[b, a]));
    assert_eq!(one, two);
    assert_eq!(
        one.suggestions[1].decision.as_ref().map(|d| d.accepted),
        Some(false)
    );
}

#[test]
fn an_edit_is_described_as_a_replacement_a_removal_or_an_insertion() {
    let shown = |s: &str| s.replace('\n', "⏎");
    assert_eq!(
        describe_edit("fast", "in ten minutes", shown),
        "“fast” → “in ten minutes”"
    );
    assert_eq!(describe_edit("very ", "", shown), "remove “very ”");
    assert_eq!(describe_edit("", "\nToday.", shown), "insert “⏎Today.”");
}
