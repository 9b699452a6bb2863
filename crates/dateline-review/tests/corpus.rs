//! The review diff on every draft of the corpus (`tests/corpus`) against a
//! reviewer's round of edits: ranges valid, the word changes rebuild every
//! paired section, a moved FAQ question reads as moved, and comments
//! anchored in the old version find their text in the new one.

use dateline_review::{diff, Anchor, ChangeKind, Resolution, SectionStatus};
use std::path::Path;

fn drafts() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    assert!(dir.is_dir(), "the test reads the corpus at {}", dir.display());
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("draft"),
            )
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 20);
    out
}

/// Words changed in every fifth block, the first FAQ question moved three down,
/// one block removed, one added (the same edits as the benchmark).
fn edited(text: &str) -> (String, bool) {
    let mut blocks: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let n = blocks.len();
    for (i, b) in blocks.iter_mut().enumerate() {
        if i % 5 == 3 {
            *b = b
                .replacen(" the ", " this ", 1)
                .replacen(" and ", " and also ", 1);
        }
    }
    let mut moved = false;
    if let Some(q) = blocks
        .iter()
        .position(|b| b.starts_with("**") && b.lines().next().is_some_and(|l| l.ends_with("?**")))
    {
        if q + 4 < blocks.len() && blocks[q + 1..q + 4].iter().all(|b| b.starts_with("**")) {
            let block = blocks.remove(q);
            blocks.insert(q + 3, block);
            moved = true;
        }
    }
    blocks.remove(n / 3);
    blocks.insert(
        n / 2,
        "A new paragraph the reviewer asked for: 42 percent of customers said so.".into(),
    );
    (blocks.join("\n\n"), moved)
}

#[test]
fn corpus_round_of_edits() {
    let mut moved_seen = 0;
    for (name, old) in drafts() {
        assert!(diff(&old, &old).is_unchanged(), "{name}");
        let (new, moved) = edited(&old);
        let d = diff(&old, &new);
        for c in &d.changes {
            assert!(old.get(c.old.range()).is_some(), "{name}: {c:?}");
            assert!(new.get(c.new.range()).is_some(), "{name}: {c:?}");
        }
        // The changes of each paired section turn its old text into the new.
        for sec in &d.sections {
            let (Some(o), Some(n)) = (sec.old, sec.new) else {
                continue;
            };
            let (os, ns) = (d.old_sections[o].span, d.new_sections[n].span);
            let mut rebuilt = String::new();
            let mut at = os.start;
            for c in &d.changes[sec.first_change..sec.first_change + sec.change_count] {
                if c.kind != ChangeKind::SectionMoved {
                    rebuilt.push_str(&old[at..c.old.start]);
                    rebuilt.push_str(&new[c.new.range()]);
                    at = c.old.end;
                }
            }
            rebuilt.push_str(&old[at..os.end]);
            assert_eq!(rebuilt, &new[ns.range()], "{name}: {}", sec.label);
        }
        assert!(d.stats.words_inserted > 0 && d.stats.words_deleted > 0, "{name}");
        if moved {
            moved_seen += 1;
            let m: Vec<_> = d
                .sections
                .iter()
                .filter(|s| s.status == SectionStatus::Moved)
                .collect();
            assert_eq!(m.len(), 1, "{name}: {:#?}", d.sections);
            assert!(m[0].label.contains("FAQ: "), "{name}: {}", m[0].label);
        }
        // A comment on each sentence-ish piece of an untouched block
        // resolves to the same text.
        for (start, piece) in old.match_indices("said") {
            let anchor = Anchor::new(&old, start..start + piece.len() + 8);
            if new.contains(&anchor.quote) {
                let got = anchor.resolve(&new);
                let span = got.span().expect("found");
                assert_eq!(&new[span.range()], anchor.quote, "{name}");
                assert_ne!(got, Resolution::Orphaned);
            }
        }
    }
    assert!(
        moved_seen >= 5,
        "the corpus exercises moved questions ({moved_seen})"
    );
}
