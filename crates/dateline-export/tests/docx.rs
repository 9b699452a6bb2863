//! The Word export, read back by parsing the package and by pandoc.

mod common;

use std::io::{Cursor, Read};

use dateline_export::{
    export_docx, export_markdown, import_docx, ChangeKind, DocxOptions, DocxReview, FrontMatterMode,
    LintFinding, LintSummary, MarkdownOptions, Paper, ReviewComment, ReviewMaterial, ReviewReply,
    ReviewSuggestion, ReviewVerdict, TrackedChange,
};

fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut file = archive.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    Some(text)
}

/// Every XML part parses, start to end.
fn assert_well_formed(docx: &[u8]) {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        file.read_to_string(&mut xml).unwrap();
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}\n{xml}"),
            }
        }
    }
}

fn docx(text: &str, opts: &DocxOptions) -> Vec<u8> {
    export_docx(text, DocxReview::default(), opts).unwrap()
}

const STRUCTURED: &str = "# Acme Ships Rockets to Every Town\n\n## Towns get rockets\n\n### Problem\n\nTowns **wait** for *weeks* and ~~months~~. See [the site](https://acme.example/r).\n\n- one\n  - nested\n- two\n\n3. third\n4. fourth\n\n> A quote.\n\n| Plan | Price |\n| --- | ---: |\n| Basic | $5 |\n\n```\nlet x = 1;\n```\n";

#[test]
fn structure_uses_word_built_in_styles_and_numbering() {
    let bytes = docx(STRUCTURED, &DocxOptions::default());
    assert_well_formed(&bytes);
    let doc = part(&bytes, "word/document.xml").unwrap();
    for style in ["Title", "Heading2", "ListParagraph", "Quote", "SourceCode"] {
        assert!(
            doc.contains(&format!("<w:pStyle w:val=\"{style}\" />")),
            "{style} missing:\n{doc}"
        );
    }
    assert!(doc.contains("<w:ilvl w:val=\"1\" />"), "nested list level");
    assert!(doc.contains("<w:tbl>"), "table");
    assert!(!doc.contains(">Problem<"), "section labels are hidden by default");
    let styles = part(&bytes, "word/styles.xml").unwrap();
    assert!(styles.contains("w:val=\"heading 1\""), "Word's own heading name");
    assert!(
        styles.contains("<w:outlineLvl w:val=\"0\" />"),
        "headings are in the outline"
    );
    let numbering = part(&bytes, "word/numbering.xml").unwrap();
    assert!(numbering.contains("w:val=\"decimal\"") && numbering.contains("w:val=\"bullet\""));
    assert!(
        numbering.contains("<w:startOverride w:val=\"3\" />"),
        "{numbering}"
    );
    let rels = part(&bytes, "word/_rels/document.xml.rels").unwrap();
    assert!(rels.contains("https://acme.example/r"), "{rels}");
}

#[test]
fn labels_paper_and_properties_follow_the_options() {
    let text = format!("---\ntitle: \"Rockets & <Towns>\"\nowner: Dana Ode\n---\n{STRUCTURED}");
    let letter = DocxOptions {
        paper: Paper::UsLetter,
        show_section_labels: true,
        ..Default::default()
    };
    let bytes = docx(&text, &letter);
    let doc = part(&bytes, "word/document.xml").unwrap();
    assert!(
        doc.contains("w:w=\"12240\"") && doc.contains("w:h=\"15840\""),
        "Letter"
    );
    assert!(doc.contains(">Problem<"), "labels on request");
    let a4 = part(&docx(&text, &DocxOptions::default()), "word/document.xml").unwrap();
    assert!(a4.contains("w:w=\"11906\"") && a4.contains("w:h=\"16838\""), "A4");
    let core = part(&bytes, "docProps/core.xml").unwrap();
    assert!(
        core.contains("<dc:title>Rockets &amp; &lt;Towns&gt;</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:creator>Dana Ode</dc:creator>"), "{core}");
    assert!(!doc.contains("owner:"), "front matter is not body text");
}

#[test]
fn hostile_text_is_escaped_and_xml_forbidden_characters_dropped() {
    let text = "# A <w:t>x</w:t> & \"q\" ]]> headline\n\nBody with \u{1}control\u{b} and <b>tags</b> &amp; `<code>`.\n";
    let bytes = docx(text, &DocxOptions::default());
    assert_well_formed(&bytes);
    let doc = part(&bytes, "word/document.xml").unwrap();
    assert!(
        doc.contains("w:t&gt;x") && doc.contains("&amp; &quot;q&quot;"),
        "{doc}"
    );
    assert!(!doc.contains("<w:t>x"), "{doc}");
    assert!(!doc.contains('\u{1}'));
    let Some(plain) = common::pandoc(&bytes, &["-s", "-t", "plain"]) else {
        return;
    };
    assert!(plain.contains("A <w:t>x</w:t> & \"q\" ]]> headline"), "{plain}");
    assert!(plain.contains("control and <b>tags</b>"), "{plain}");
}

#[test]
fn images_are_embedded_when_given_and_linked_when_not() {
    let mut png = Vec::new();
    image::RgbImage::from_pixel(40, 20, image::Rgb([200, 30, 30]))
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let text = "# H\n\n![A red box](box.png) and ![remote](https://e.example/x.jpg) and ![broken](bad.png)\n";
    let mut opts = DocxOptions::default();
    opts.images.insert("box.png".into(), png);
    opts.images.insert("bad.png".into(), b"not an image".to_vec());
    let bytes = docx(text, &opts);
    assert_well_formed(&bytes);
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let media: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(String::from)
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    assert!(archive.by_name(&media[0]).unwrap().size() > 50);
    let doc = part(&bytes, "word/document.xml").unwrap();
    assert!(doc.contains("<pic:pic"), "an inline picture");
    let rels = part(&bytes, "word/_rels/document.xml.rels").unwrap();
    assert!(
        rels.contains("https://e.example/x.jpg"),
        "a remote image is a link"
    );
    assert!(doc.contains("[Image: broken]"), "{doc}");
}

fn review() -> ReviewMaterial {
    ReviewMaterial {
        comments: vec![
            ReviewComment {
                author: "Ana <Silva>".into(),
                quoted: Some("helps nobody".into()),
                body: "Lead with the number.\n\nSecond thought & more.".into(),
                disposition: Some("revise".into()),
                at: Some(1_796_299_200_000),
                offset: None,
                replies: vec![ReviewReply {
                    author: "Ben Ode".into(),
                    body: "Agreed, changing it.".into(),
                    at: Some(1_796_302_800_000),
                }],
            },
            ReviewComment {
                author: "Cy".into(),
                quoted: Some("text that was cut".into()),
                body: "Orphaned comment.".into(),
                ..Default::default()
            },
        ],
        suggestions: vec![
            ReviewSuggestion {
                author: "Ana Silva".into(),
                before: "today".into(),
                after: "this week".into(),
                status: "open".into(),
                // The second "today" of a text that says it twice: the offset picks it.
                offset: Some(RELEASE.rfind("today").unwrap()),
                at: Some(1_796_299_200_000),
                ..Default::default()
            },
            ReviewSuggestion {
                author: "Cy".into(),
                before: "sits".into(),
                after: "idles".into(),
                status: "rejected".into(),
                decided_by: Some("Mia Chen".into()),
                reply: Some("Sits is plainer.".into()),
                ..Default::default()
            },
        ],
        verdicts: vec![ReviewVerdict {
            reviewer: "Ben Ode".into(),
            verdict: "changes requested".into(),
            note: Some("Fix the quote.".into()),
        }],
        lint: LintSummary {
            score: 74,
            errors: 0,
            warnings: 1,
            infos: 0,
            findings: vec![LintFinding {
                line: 3,
                severity: "warning".into(),
                rule: "weasel-words".into(),
                message: "“many” is vague".into(),
            }],
        },
    }
}

const RELEASE: &str =
    "# Lumen Ships PocketCell\n\nA battery that sits in a drawer helps nobody. It costs $49 today.\n";

#[test]
fn open_suggestions_are_tracked_changes_at_their_place_and_all_are_listed_with_their_status() {
    let text =
        "# Lumen Ships PocketCell\n\nIt ships today. A battery that sits in a drawer helps nobody today.\n";
    let mut material = review();
    material.suggestions[0].offset = Some(text.rfind("today").unwrap());
    let changes = material.tracked_changes();
    assert_eq!(changes.len(), 1, "only the open one is a tracked change");
    let bytes = export_docx(
        text,
        DocxReview {
            material: Some(&material),
            changes: &changes,
        },
        &DocxOptions::default(),
    )
    .unwrap();
    assert_well_formed(&bytes);
    let doc = part(&bytes, "word/document.xml").unwrap();
    let deleted = doc
        .find("<w:delText xml:space=\"preserve\">today</w:delText>")
        .expect("today is a deletion");
    assert!(
        doc[..deleted].contains("helps nobody"),
        "the second today is marked, not the first: {doc}"
    );
    assert!(doc.contains("Ana Silva (open): “today” → “this week”"), "{doc}");
    assert!(
        doc.contains("Cy (rejected by Mia Chen): “sits” → “idles” Mia Chen: Sits is plainer."),
        "{doc}"
    );
}

#[test]
fn open_comments_become_anchored_word_comments_with_replies() {
    let material = review();
    let review = DocxReview {
        material: Some(&material),
        changes: &[],
    };
    let bytes = export_docx(RELEASE, review, &DocxOptions::default()).unwrap();
    assert_well_formed(&bytes);
    let comments = part(&bytes, "word/comments.xml").unwrap();
    assert!(comments.contains("w:author=\"Ana &lt;Silva&gt;\""), "{comments}");
    assert!(comments.contains("w:date=\"2026-12-03T12:00:00Z\""), "{comments}");
    assert!(comments.contains("Second thought &amp; more."), "{comments}");
    assert!(comments.contains("Agreed, changing it."), "{comments}");
    let extended = part(&bytes, "word/commentsExtended.xml").unwrap();
    assert!(
        extended.contains("w15:paraIdParent"),
        "the reply is threaded: {extended}"
    );
    // Read back independently of the writer: the import's reader finds the
    // range and the text it covers.
    let imported = import_docx(&bytes).unwrap();
    let ana = imported
        .comments
        .iter()
        .find(|c| c.author == "Ana <Silva>")
        .unwrap();
    assert_eq!(ana.quoted, "helps nobody");
    let reply = imported.comments.iter().find(|c| c.author == "Ben Ode").unwrap();
    assert_eq!(reply.reply_to.as_deref(), Some(ana.id.as_str()));
    let doc = part(&bytes, "word/document.xml").unwrap();
    for text in [
        "Review",
        "Comments on text no longer in the draft",
        "Orphaned comment.",
        "Verdicts",
        "Fix the quote.",
        "Lint summary",
        "Readiness 74/100",
        "weasel-words",
    ] {
        assert!(doc.contains(text), "closing section lacks {text}");
    }
    let Some(native) = common::pandoc(&bytes, &["--track-changes=all", "-t", "native"]) else {
        return;
    };
    assert!(native.contains("\"Ana <Silva>\""), "{native}");
    assert!(native.contains("\"comment-start\""), "{native}");
    let Some(plain) = common::pandoc(&bytes, &["--track-changes=all", "-t", "plain"]) else {
        return;
    };
    assert!(plain.contains("Lead with the number."), "{plain}");
}

#[test]
fn a_suggested_insertion_is_a_tracked_insertion_at_its_point() {
    let at = RELEASE.find(" It costs").unwrap();
    let insertion = |offset| TrackedChange {
        replacement: " Ever.".into(),
        author: "Ana Silva".into(),
        offset,
        ..Default::default()
    };
    let changes = [insertion(Some(at)), insertion(None)];
    let review = DocxReview {
        material: None,
        changes: &changes,
    };
    let bytes = export_docx(RELEASE, review, &DocxOptions::default()).unwrap();
    assert_well_formed(&bytes);
    let imported = import_docx(&bytes).unwrap();
    let kinds: Vec<(ChangeKind, &str)> = imported
        .changes
        .iter()
        .map(|c| (c.kind, c.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [(ChangeKind::Insertion, " Ever.")],
        "the one without a place is not guessed"
    );
    let Some(accepted) = common::pandoc(&bytes, &["--track-changes=accept", "-t", "plain"]) else {
        return;
    };
    assert!(
        accepted.contains("helps nobody. Ever. It costs $49"),
        "{accepted}"
    );
}

#[test]
fn suggested_edits_become_tracked_changes() {
    let changes = [
        TrackedChange {
            anchor: "helps nobody".into(),
            replacement: "is dead weight".into(),
            author: "Ana Silva".into(),
            at: Some(1_796_299_200_000),
            offset: None,
        },
        TrackedChange {
            anchor: " today".into(),
            replacement: String::new(),
            author: "Ben Ode".into(),
            at: None,
            offset: None,
        },
        TrackedChange {
            anchor: "not in the draft".into(),
            replacement: "x".into(),
            author: "Cy".into(),
            at: None,
            offset: None,
        },
    ];
    let material = review();
    let review = DocxReview {
        material: Some(&material),
        changes: &changes,
    };
    let bytes = export_docx(RELEASE, review, &DocxOptions::default()).unwrap();
    assert_well_formed(&bytes);
    let doc = part(&bytes, "word/document.xml").unwrap();
    assert!(
        doc.contains("<w:delText xml:space=\"preserve\">helps nobody</w:delText>"),
        "{doc}"
    );
    assert!(
        doc.contains("w:author=\"Ana Silva\" w:date=\"2026-12-03T12:00:00Z\""),
        "{doc}"
    );
    assert!(doc.contains("Suggested edits not found in the draft"));
    let imported = import_docx(&bytes).unwrap();
    let kinds: Vec<(ChangeKind, &str, &str)> = imported
        .changes
        .iter()
        .map(|c| (c.kind, c.author.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::Deletion, "Ana Silva", "helps nobody"),
            (ChangeKind::Insertion, "Ana Silva", "is dead weight"),
            (ChangeKind::Deletion, "Ben Ode", " today"),
        ]
    );
    assert!(
        imported.markdown.contains("helps nobody"),
        "the draft keeps the text before the edits"
    );
    let Some(all) = common::pandoc(&bytes, &["--track-changes=all", "-t", "native"]) else {
        return;
    };
    assert!(
        all.contains("\"insertion\"") && all.contains("\"deletion\""),
        "{all}"
    );
    let Some(accepted) = common::pandoc(&bytes, &["--track-changes=accept", "-t", "plain"]) else {
        return;
    };
    assert!(
        accepted.contains("A battery that sits in a drawer is dead weight. It costs $49."),
        "{accepted}"
    );
}

/// The words of a text, lower-cased, in order.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The draft's own words (Markdown syntax and front matter left out).
fn draft_words(text: &str) -> Vec<String> {
    let body = export_markdown(
        text,
        &MarkdownOptions {
            front_matter: FrontMatterMode::Strip,
            ..Default::default()
        },
    );
    let mut plain = String::new();
    for event in pulldown_cmark::Parser::new_ext(&body, pulldown_cmark::Options::all()) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => plain.push_str(&t),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) => {
                plain.push(' ');
                plain.push_str(&dest_url);
            }
            _ => {}
        }
        plain.push(' ');
    }
    words(&plain)
}

#[test]
fn pandoc_reads_every_word_of_every_corpus_draft_in_order() {
    let opts = DocxOptions {
        show_section_labels: true,
        ..Default::default()
    };
    for (name, text) in common::corpus() {
        let bytes = docx(&text, &opts);
        let Some(plain) = common::pandoc(&bytes, &["-s", "-t", "plain", "--wrap=none"]) else {
            return;
        };
        let got = words(&plain);
        let mut at = 0;
        for word in draft_words(&text) {
            match got[at..].iter().position(|w| *w == word) {
                Some(i) => at += i + 1,
                None => panic!("{name}: “{word}” missing or out of order in pandoc's reading"),
            }
        }
    }
}

#[test]
fn export_then_import_gives_the_same_markdown_on_the_corpus() {
    let opts = DocxOptions {
        show_section_labels: true,
        ..Default::default()
    };
    let strip = MarkdownOptions {
        front_matter: FrontMatterMode::Strip,
        ..Default::default()
    };
    for (name, text) in common::corpus() {
        let bytes = docx(&text, &opts);
        let imported = import_docx(&bytes).unwrap();
        let expected = export_markdown(&without_html_comments(&text), &strip);
        let got = export_markdown(&imported.markdown, &strip);
        if got != expected {
            let at = expected
                .bytes()
                .zip(got.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let around = |s: &str| {
                s.get(at.saturating_sub(80)..(at + 120).min(s.len()))
                    .unwrap_or("")
                    .to_string()
            };
            panic!(
                "{name}: difference at byte {at}:\nexpected: {:?}\n     got: {:?}",
                around(&expected),
                around(&got)
            );
        }
    }
}

/// HTML comments carry lint directives and notes to the author, not
/// content: the Word export leaves them out, as the PDF does.
fn without_html_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

#[test]
fn front_matter_comes_back_from_the_properties() {
    let text = "---\ntitle: \"Working title\"\nauthor: Dana\n---\n# Lumen Ships PocketCell\n\nBody.\n";
    let imported = import_docx(&docx(text, &DocxOptions::default())).unwrap();
    assert!(
        imported
            .markdown
            .starts_with("---\ntitle: \"Working title\"\nauthor: \"Dana\"\n---\n"),
        "{}",
        imported.markdown
    );
}

#[test]
fn a_footnote_is_one_paragraph_and_reads_back_as_a_footnote() {
    let text = "# H\n\nCheap[^1].\n\n[^1]: Before incentives.\n";
    let bytes = docx(text, &DocxOptions::default());
    let doc = part(&bytes, "word/document.xml").unwrap();
    let label = doc.find("[^1]: ").unwrap();
    let note = doc.find("Before incentives.").unwrap();
    assert!(label < note && !doc[label..note].contains("</w:p>"), "{doc}");
    let md = import_docx(&bytes).unwrap().markdown;
    assert!(
        md.contains("Cheap[^1].") && md.contains("[^1]: Before incentives."),
        "{md}"
    );
}
