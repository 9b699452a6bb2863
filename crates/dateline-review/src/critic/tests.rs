use super::*;
use crate::log::{encode_record, parse_log, ParsedLog};
use crate::suggest::merge_suggestions;

fn ana() -> Author {
    Author {
        name: "Ana Ruiz".into(),
        email: "ana@example.com".into(),
    }
}

fn suggestions_of(import: &CriticImport) -> Vec<Suggestion> {
    let bytes: String = import.records.iter().map(encode_record).collect();
    let log: ParsedLog = parse_log(bytes.as_bytes(), "ana.jsonl");
    assert!(log.problems.is_empty(), "{:?}", log.problems);
    merge_suggestions(&[log]).suggestions
}

#[test]
fn markup_becomes_suggestions_and_comments_on_the_pending_text() {
    let text = "Acme {++today ++}launched {--a --}{>>no article<<}a {~~big~>small~~} rocket \
        {==in May==}{>>Which year?<<}.{>>Nice.<<} `{++code++}`";
    let import = to_suggestions(text, &ana(), 7);
    assert_eq!(import.text, "Acme launched a a big rocket in May. `{++code++}`");
    assert!(import.problems.is_empty());
    let got: Vec<(SuggestKind, &str, &str, Option<&str>)> = import
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::Suggest {
                kind,
                anchor,
                after,
                note,
                ..
            } => Some((*kind, anchor.quote.as_str(), after.as_str(), note.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (SuggestKind::Insert, "", "today ", None),
            (SuggestKind::Delete, "a ", "", Some("no article")),
            (SuggestKind::Replace, "big", "small", None),
        ]
    );
    let comments: Vec<(&str, &str)> = import
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::Comment { anchor, body, .. } => {
                Some((anchor.as_ref().unwrap().quote.as_str(), body.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(comments, vec![("in May", "Which year?"), ("", "Nice.")]);
    assert!(import.records.iter().all(|r| r.author == ana() && r.at == 7));
    // Every suggestion is open and accepting it gives the marked intent.
    let all = suggestions_of(&import);
    let plan = crate::suggest::plan_accept_all(&all, |_| true, &import.text);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    let edits: Vec<&crate::suggest::Edit> = plan.edits.iter().map(|(_, e)| e).collect();
    assert_eq!(
        crate::suggest::apply_edits(&import.text, &edits),
        "Acme today launched a small rocket in May. `{++code++}`"
    );
}

#[test]
fn text_without_markup_gives_nothing() {
    let import = to_suggestions("Plain {+ text +} and {++ broken", &ana(), 1);
    assert_eq!(import.text, "Plain {+ text +} and {++ broken");
    assert!(import.records.is_empty());
}

#[test]
fn render_writes_open_suggestions_that_read_back() {
    let marked = "Acme {++today ++}launched {--a --}a {~~big~>small~~} rocket.";
    let import = to_suggestions(marked, &ana(), 7);
    let all = suggestions_of(&import);
    let (rendered, left_out) = render_critic(&import.text, &all);
    assert_eq!(left_out, 0);
    assert_eq!(
        rendered,
        "Acme {++today ++}{>>Ana Ruiz<<}launched {--a --}{>>Ana Ruiz<<}a {~~big~>small~~}{>>Ana Ruiz<<} rocket."
    );
    // Read back, the same suggestions.
    let again = suggestions_of(&to_suggestions(&rendered, &ana(), 7));
    let key = |s: &Suggestion| (s.kind, s.before().to_owned(), s.after.clone());
    assert_eq!(
        again.iter().map(key).collect::<Vec<_>>(),
        all.iter().map(key).collect::<Vec<_>>()
    );
}

#[test]
fn render_leaves_out_what_markup_cannot_carry() {
    let text = "Use `x` here and there.";
    let mk = |quote: &str, after: &str| {
        let at = text.find(quote).unwrap();
        Record {
            event: Event::Suggest {
                id: log::new_id(),
                draft_version: String::new(),
                anchor: Anchor::new(text, at..at + quote.len()),
                kind: SuggestKind::of(quote, after).unwrap(),
                after: after.into(),
                note: Some("why <<} not".into()),
            },
            at: 1,
            author: ana(),
        }
    };
    let import = CriticImport {
        text: text.into(),
        records: vec![
            mk("`x`", "`y`"),
            mk("here", "h~~}re"),
            mk("and there", "and where"),
            mk("there", "then"),
        ],
        problems: vec![],
    };
    let all = suggestions_of(&import);
    let (rendered, left_out) = render_critic(text, &all);
    assert_eq!(left_out, 3, "{rendered}");
    assert_eq!(
        rendered,
        "Use `x` here {~~and there~>and where~~}{>>Ana Ruiz: why << } not<<}."
    );
}
