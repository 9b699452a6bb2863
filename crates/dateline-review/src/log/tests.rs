use super::*;
use proptest::prelude::*;

fn ada() -> Author {
    Author {
        name: "Ada Reviewer".into(),
        email: "ada@example.com".into(),
    }
}

fn bo() -> Author {
    Author {
        name: "Bo Writer".into(),
        email: "bo@example.com".into(),
    }
}

fn comment(id: &str, at: i64, author: Author, parent: Option<&str>, body: &str) -> Record {
    Record {
        event: Event::Comment {
            id: id.into(),
            draft_version: "blake3:abc".into(),
            anchor: parent.is_none().then(|| Anchor::new("The price is low.", 4..9)),
            body: body.into(),
            parent: parent.map(Into::into),
        },
        at,
        author,
    }
}

fn record(event: Event, at: i64, author: Author) -> Record {
    Record { event, at, author }
}

fn log_of(records: &[Record], source: &str) -> ParsedLog {
    let bytes: String = records.iter().map(encode_record).collect();
    parse_log(bytes.as_bytes(), source)
}

#[test]
fn encode_is_one_line_and_round_trips() {
    let records = vec![
        comment(
            "c1",
            1_700_000_000_000,
            ada(),
            None,
            "Line one\nline two <script>alert(1)</script> \u{2028}",
        ),
        comment("c2", 2, bo(), Some("c1"), "A reply"),
        record(
            Event::Edit {
                id: "c1".into(),
                body: "Fixed".into(),
            },
            3,
            ada(),
        ),
        record(
            Event::Resolve {
                id: "c1".into(),
                resolved: true,
            },
            4,
            bo(),
        ),
        record(
            Event::Disposition {
                id: "c1".into(),
                disposition: Disposition::Revise,
            },
            5,
            bo(),
        ),
        record(
            Event::Verdict {
                verdict: Verdict::ChangesRequested,
                summary: "Close".into(),
            },
            6,
            ada(),
        ),
    ];
    for r in &records {
        let line = encode_record(r);
        assert!(line.ends_with('\n'));
        assert_eq!(line.matches('\n').count(), 1, "{line}");
        assert!(line.starts_with("{\"v\":1,\"type\":"), "{line}");
    }
    let parsed = log_of(&records, "ada.jsonl");
    assert_eq!(parsed.problems, Vec::<String>::new());
    assert_eq!(parsed.records, records);
}

#[test]
fn the_format_on_disk() {
    let line = encode_record(&comment("c1", 7, ada(), None, "Too vague"));
    let json: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(json["v"], 1);
    assert_eq!(json["type"], "comment");
    assert_eq!(json["draftVersion"], "blake3:abc");
    assert_eq!(json["anchor"]["quote"], "price");
    assert_eq!(json["anchor"]["startHint"], 4);
    assert_eq!(json["author"]["email"], "ada@example.com");
    assert_eq!(json["at"], 7);
    assert!(json.get("parent").is_none(), "absent, not null");
    let line = encode_record(&record(
        Event::Verdict {
            verdict: Verdict::ChangesRequested,
            summary: String::new(),
        },
        1,
        ada(),
    ));
    assert!(line.contains("\"verdict\":\"changesRequested\""), "{line}");
    // A record from a newer minor version with an extra field still reads.
    let newer =
        r#"{"v":1,"type":"resolve","id":"c1","resolved":true,"at":1,"author":{"name":"A"},"mood":"ok"}"#;
    let parsed = parse_log(newer.as_bytes(), "a");
    assert_eq!(parsed.records.len(), 1, "{:?}", parsed.problems);
    assert_eq!(parsed.records[0].author.email, "");
}

#[test]
fn bad_lines_are_skipped_with_a_message_each() {
    let good = encode_record(&comment("c1", 1, ada(), None, "ok"));
    let good2 = encode_record(&comment("c2", 2, ada(), None, "ok too"));
    let mut bytes = Vec::new();
    bytes.extend_from_slice(good.as_bytes());
    bytes.extend_from_slice(b"{not json\n");
    bytes.extend_from_slice(b"\xff\xfe garbage\n");
    bytes.extend_from_slice(b"\n   \n");
    bytes.extend_from_slice(br#"{"v":1,"type":"reaction","id":"c1","emoji":"+1"}"#);
    bytes.push(b'\n');
    bytes.extend_from_slice(br#"{"v":2,"type":"comment"}"#);
    bytes.push(b'\n');
    bytes.extend_from_slice(br#"{"type":"resolve","id":"c1","resolved":true,"at":1,"author":{"name":"A"}}"#);
    bytes.push(b'\n');
    bytes.extend_from_slice(br#"{"v":1,"type":"resolve","id":"c1","at":1,"author":{"name":"A"}}"#);
    bytes.push(b'\n');
    bytes.extend_from_slice(br#"[1,2]"#);
    bytes.push(b'\n');
    let long = encode_record(&comment("c3", 3, ada(), None, &"x".repeat(MAX_BODY_CHARS + 1)));
    bytes.extend_from_slice(long.as_bytes());
    let bad_id = encode_record(&comment("c 4/..", 3, ada(), None, "x"));
    bytes.extend_from_slice(bad_id.as_bytes());
    bytes.extend_from_slice(good2.as_bytes());
    bytes.extend_from_slice(&good.as_bytes()[..good.len() / 2]); // a crash mid-append
    let parsed = parse_log(&bytes, "reviews/d/ada.jsonl");
    let ids: Vec<_> = parsed
        .records
        .iter()
        .map(|r| match &r.event {
            Event::Comment { id, .. } => id.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(ids, ["c1", "c2"]);
    let p = &parsed.problems;
    assert_eq!(p.len(), 10, "{p:#?}");
    assert!(
        p[0].starts_with("reviews/d/ada.jsonl: line 2: not valid JSON"),
        "{}",
        p[0]
    );
    assert!(p[1].contains("line 3: not UTF-8 text"), "{}", p[1]);
    assert!(
        p[2].contains("line 6: unknown record type \"reaction\""),
        "{}",
        p[2]
    );
    assert!(p[3].contains("line 7: format version 2 is newer"), "{}", p[3]);
    assert!(p[4].contains("line 8: no format version"), "{}", p[4]);
    assert!(
        p[5].contains("line 9: bad resolve record") && p[5].contains("resolved"),
        "{}",
        p[5]
    );
    assert!(p[6].contains("line 10: not a JSON object"), "{}", p[6]);
    assert!(
        p[7].contains("line 11: body is longer than 20000 characters"),
        "{}",
        p[7]
    );
    assert!(p[8].contains("line 12: id may hold only"), "{}", p[8]);
    assert!(p[9].contains("line 14: incomplete last line"), "{}", p[9]);
    assert!(p.iter().all(|m| m.ends_with("skipped")), "{p:#?}");
}

#[test]
fn last_line_without_newline_is_kept_when_complete() {
    let line = encode_record(&comment("c1", 1, ada(), None, "ok"));
    let parsed = parse_log(line.trim_end().as_bytes(), "a");
    assert_eq!(parsed.records.len(), 1);
    assert!(parsed.problems.is_empty());
    // CRLF line ends (a file touched on Windows) and a BOM read fine.
    let crlf = format!("\u{feff}{}\r\n", line.trim_end());
    assert_eq!(parse_log(crlf.as_bytes(), "a").records.len(), 1);
}

#[test]
fn only_the_first_5_mb_are_read() {
    let line = encode_record(&comment("c1", 1, ada(), None, &"y".repeat(10_000)));
    let mut bytes = Vec::new();
    while bytes.len() <= MAX_LOG_BYTES {
        bytes.extend_from_slice(line.as_bytes());
    }
    let parsed = parse_log(&bytes, "big.jsonl");
    assert_eq!(parsed.records.len(), MAX_LOG_BYTES / line.len());
    assert!(
        parsed.problems[0].contains("larger than 5 MB"),
        "{:?}",
        parsed.problems
    );
    assert!(
        parsed.problems.len() <= 2,
        "at most the cut line besides: {:?}",
        parsed.problems
    );
}

#[test]
fn merge_builds_threads() {
    let a = log_of(
        &[
            comment("c1", 10, ada(), None, "Root"),
            comment("c3", 30, ada(), Some("c2"), "Reply to a reply"),
            record(
                Event::Resolve {
                    id: "c1".into(),
                    resolved: true,
                },
                40,
                ada(),
            ),
            record(
                Event::Edit {
                    id: "c1".into(),
                    body: "Root, edited".into(),
                },
                50,
                ada(),
            ),
        ],
        "ada.jsonl",
    );
    let b = log_of(
        &[
            comment("c2", 20, bo(), Some("c1"), "Reply"),
            record(
                Event::Resolve {
                    id: "c2".into(),
                    resolved: false,
                },
                45,
                bo(),
            ),
            record(
                Event::Disposition {
                    id: "c1".into(),
                    disposition: Disposition::Defer,
                },
                46,
                bo(),
            ),
            record(
                Event::Edit {
                    id: "c1".into(),
                    body: "Hijack".into(),
                },
                60,
                bo(),
            ),
            comment("c9", 5, bo(), Some("gone"), "Parent never synced"),
        ],
        "bo.jsonl",
    );
    let state = merge(&[a.clone(), b.clone()]);
    assert_eq!(state.threads.len(), 2);
    let orphan = &state.threads[0];
    assert_eq!(orphan.root.id, "c9");
    assert!(orphan.orphan_parent);
    let t = &state.threads[1];
    assert_eq!(t.root.id, "c1");
    assert!(!t.orphan_parent);
    assert_eq!(t.root.body, "Root, edited");
    assert_eq!(t.root.edited_at, Some(50));
    assert_eq!(
        t.replies.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["c2", "c3"]
    );
    // Bo reopened it (via a reply id) after Ada resolved it.
    assert!(!t.resolved);
    assert_eq!(t.resolved_by.as_ref(), Some(&bo()));
    assert_eq!(t.disposition, Some(Disposition::Defer));
    assert_eq!(
        state.problems,
        ["bo.jsonl: edit of another reviewer's comment c1; ignored"]
    );
    // The order of the logs does not matter.
    assert_eq!(merge(&[b, a]), state);
}

#[test]
fn merge_ties_and_duplicates_are_deterministic() {
    let a = log_of(
        &[
            comment("c1", 10, ada(), None, "Root"),
            record(
                Event::Resolve {
                    id: "c1".into(),
                    resolved: true,
                },
                20,
                ada(),
            ),
        ],
        "a.jsonl",
    );
    let b = log_of(
        &[
            comment("c1", 10, ada(), None, "Root"), // an identical copy: silent
            record(
                Event::Resolve {
                    id: "c1".into(),
                    resolved: false,
                },
                20,
                bo(),
            ),
            comment("c1", 11, bo(), None, "Same id, other comment"),
        ],
        "b.jsonl",
    );
    for logs in [[a.clone(), b.clone()], [b.clone(), a.clone()]] {
        let state = merge(&logs);
        assert_eq!(state.threads.len(), 1);
        assert_eq!(state.threads[0].root.body, "Root");
        // Same time: the later log name wins, whatever the input order.
        assert!(!state.threads[0].resolved);
        assert_eq!(
            state.problems,
            ["b.jsonl: comment c1 reuses an existing id; ignored"]
        );
    }
}

#[test]
fn merge_verdicts_latest_per_reviewer() {
    let v = |verdict, at, author| {
        record(
            Event::Verdict {
                verdict,
                summary: format!("at {at}"),
            },
            at,
            author,
        )
    };
    let mut ada_other_case = ada();
    ada_other_case.email = "ADA@example.com".into();
    let a = log_of(
        &[
            v(Verdict::ChangesRequested, 1, ada()),
            v(Verdict::Approve, 5, ada_other_case),
        ],
        "a",
    );
    let b = log_of(&[v(Verdict::Approve, 3, bo())], "b");
    let state = merge(&[a, b]);
    let got: Vec<_> = state
        .verdicts
        .iter()
        .map(|v| (v.author.name.as_str(), v.verdict, v.at))
        .collect();
    assert_eq!(
        got,
        [
            ("Bo Writer", Verdict::Approve, 3),
            ("Ada Reviewer", Verdict::Approve, 5)
        ]
    );
}

#[test]
fn reply_loops_become_one_orphan_thread() {
    let a = log_of(
        &[
            comment("x", 1, ada(), Some("y"), "x"),
            comment("y", 2, ada(), Some("x"), "y"),
            comment("z", 3, ada(), Some("y"), "z"),
        ],
        "a",
    );
    let state = merge(&[a]);
    assert_eq!(state.threads.len(), 1);
    assert_eq!(state.threads[0].root.id, "x");
    assert!(state.threads[0].orphan_parent);
    assert_eq!(state.threads[0].replies.len(), 2);
}

#[test]
fn unknown_targets_are_reported() {
    let a = log_of(
        &[record(
            Event::Resolve {
                id: "nope".into(),
                resolved: true,
            },
            1,
            ada(),
        )],
        "a",
    );
    assert_eq!(
        merge(&[a]).problems,
        ["a: resolve for unknown comment nope; ignored"]
    );
}

#[test]
fn ids_are_fresh_and_valid() {
    let ids: HashSet<String> = (0..1000).map(|_| new_id()).collect();
    assert_eq!(ids.len(), 1000);
    assert!(ids.iter().all(|id| check_id(id).is_ok() && id.len() == 33));
}

/// What a writer does next in the concurrency test.
#[derive(Clone, Debug)]
enum Op {
    /// A new root comment.
    Comment,
    /// A reply to the n-th comment written so far by anyone.
    Reply(usize),
    /// Resolve (or reopen) the n-th comment.
    Resolve(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Comment),
        any::<usize>().prop_map(Op::Reply),
        (any::<usize>(), any::<bool>()).prop_map(|(n, r)| Op::Resolve(n, r)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Two reviewers append to their own logs in any interleaving (each
    /// sees the other's comments once synced, and replies to them), and
    /// one of them crashes mid-append of a last line. Every complete
    /// comment survives the merge exactly once, in a thread with its
    /// parent, the cut line is one reported problem, and the merge does
    /// not depend on the order of the logs.
    #[test]
    fn concurrent_reviewers_lose_nothing(
        ops in prop::collection::vec((any::<bool>(), op(), 0i64..50), 1..60),
        cut in 1usize..200,
    ) {
        let mut logs: [Vec<u8>; 2] = [Vec::new(), Vec::new()];
        let mut ids: Vec<String> = Vec::new();
        let mut clock = 1_700_000_000_000i64;
        for (n, (writer, op, dt)) in ops.iter().enumerate() {
            clock += dt; // equal times happen (dt = 0)
            let w = usize::from(*writer);
            let author = if w == 0 { ada() } else { bo() };
            let id = format!("w{w}-{n}");
            let rec = match op {
                Op::Comment => comment(&id, clock, author, None, &format!("comment {n}")),
                Op::Reply(_) | Op::Resolve(..) if ids.is_empty() => comment(&id, clock, author, None, "first"),
                Op::Reply(p) => comment(&id, clock, author, Some(&ids[p % ids.len()]), &format!("reply {n}")),
                Op::Resolve(p, r) => record(Event::Resolve { id: ids[p % ids.len()].clone(), resolved: *r }, clock, author),
            };
            if matches!(rec.event, Event::Comment { .. }) {
                ids.push(id);
            }
            logs[w].extend_from_slice(encode_record(&rec).as_bytes());
        }
        // Writer 1 crashes while appending one more comment.
        let lost = encode_record(&comment("lost", clock + 1, bo(), None, "never finished"));
        logs[1].extend_from_slice(&lost.as_bytes()[..cut.min(lost.len() - 2)]);

        let a = parse_log(&logs[0], "ada.jsonl");
        let b = parse_log(&logs[1], "bo.jsonl");
        prop_assert!(a.problems.is_empty());
        prop_assert_eq!(b.problems.len(), 1);
        prop_assert!(b.problems[0].contains("incomplete last line"));
        let state = merge(&[a.clone(), b.clone()]);
        prop_assert_eq!(&merge(&[b, a]), &state);
        let mut seen: Vec<&str> = state
            .threads
            .iter()
            .flat_map(|t| std::iter::once(&t.root).chain(&t.replies))
            .map(|c| c.id.as_str())
            .collect();
        seen.sort_unstable();
        let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
        expected.sort_unstable();
        prop_assert_eq!(seen, expected);
        prop_assert!(state.threads.iter().all(|t| !t.orphan_parent), "every parent was written");
        prop_assert!(state.problems.len() == 1, "{:?}", state.problems);
        for t in &state.threads {
            prop_assert!(t.replies.windows(2).all(|w| w[0].at <= w[1].at), "replies by time");
        }
    }

    /// Arbitrary bytes, and valid logs with bytes flipped, never panic and
    /// every line is either a record or a problem.
    #[test]
    fn parse_never_panics(
        noise in prop::collection::vec(any::<u8>(), 0..400),
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
    ) {
        let _ = parse_log(&noise, "noise");
        let mut bytes: Vec<u8> = [
            encode_record(&comment("c1", 1, ada(), None, "héllo ✓")),
            encode_record(&comment("c2", 2, bo(), Some("c1"), "reply")),
            encode_record(&record(Event::Verdict { verdict: Verdict::Approve, summary: "ok".into() }, 3, bo())),
        ]
        .concat()
        .into_bytes();
        for (at, byte) in flips {
            let i = at % bytes.len();
            bytes[i] = byte;
        }
        let parsed = parse_log(&bytes, "flipped");
        let lines = bytes.split(|&b| b == b'\n').filter(|l| !l.trim_ascii().is_empty()).count();
        prop_assert_eq!(parsed.records.len() + parsed.problems.len(), lines);
        let _ = merge(&[parsed]);
    }
}
