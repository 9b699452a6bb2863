//! PDF export: the text read back from the PDF is in the right order, the
//! metadata and page furniture are there, and user text is never code.

mod common;

use common::{fixture, page_sizes, pdf_info, pdf_text, position, squash};
use dateline_export::{
    export_pdf, export_review_packet, LintFinding, LintSummary, Paper, PdfOptions, ReviewComment,
    ReviewPacket, ReviewVerdict,
};

fn pdf(text: &str) -> dateline_export::PdfExport {
    export_pdf(text, &PdfOptions::default()).expect("export")
}

#[test]
fn press_release_comes_first_then_the_faq() {
    let export = pdf(&fixture("01-lumen-pocket-battery.md"));
    let text = squash(&pdf_text(&export.bytes));
    let headline = position(&text, "Lumen Launches PocketCell");
    let subheading = position(&text, "A credit-card-thin power bank");
    let summary = position(&text, "PORTLAND, Ore. — March 4, 2025 —");
    let cta = position(&text, "available for pre-order today");
    let faq = position(&text, "Frequently Asked Questions");
    let question = position(&text, "Can I take it on a plane?");
    assert!(headline < subheading && subheading < summary && summary < cta && cta < faq && faq < question);
    // Straight quotes in the draft are typeset as curly ones.
    assert!(text.contains("“We kept hearing the same story"), "{text}");
}

#[test]
fn faq_starts_on_its_own_page_and_pages_are_numbered() {
    let export = pdf(&fixture("01-lumen-pocket-battery.md"));
    assert_eq!(export.page_count, 2);
    assert_eq!(export.faq_pages, 1);
    assert!(
        export.release_pages > 0.3 && export.release_pages <= 1.0,
        "{}",
        export.release_pages
    );
    assert!(export.warnings.is_empty(), "{:?}", export.warnings);
    let pages: Vec<String> = pdf_text(&export.bytes).split('\u{c}').map(squash).collect();
    assert!(pages[0].contains("Page 1 of 2") && pages[1].contains("Page 2 of 2"));
    assert!(pages[1].starts_with("Frequently Asked Questions"), "{}", pages[1]);
    // The running footer carries the title and the dateline's date.
    assert!(pages[1]
        .contains("Lumen Launches PocketCell, a Phone Battery That Charges in Ten Minutes · March 4, 2025"));
}

#[test]
fn metadata_has_title_and_author() {
    let text = format!(
        "---\nowner: Dana Whitfield\n---\n{}",
        fixture("01-lumen-pocket-battery.md")
    );
    let export = pdf(&text);
    assert_eq!(
        pdf_info(&export.bytes, "Title").as_deref(),
        Some("Lumen Launches PocketCell, a Phone Battery That Charges in Ten Minutes")
    );
    assert_eq!(
        pdf_info(&export.bytes, "Author").as_deref(),
        Some("Dana Whitfield")
    );
    let opts = PdfOptions {
        author: Some("Ana Silva".into()),
        ..Default::default()
    };
    let export = export_pdf(&text, &opts).unwrap();
    assert_eq!(pdf_info(&export.bytes, "Author").as_deref(), Some("Ana Silva"));
}

#[test]
fn paper_sizes() {
    let text = fixture("01-lumen-pocket-battery.md");
    let a4 = page_sizes(&pdf(&text).bytes)[0];
    assert!((a4.0 - 595.3).abs() < 1.0 && (a4.1 - 841.9).abs() < 1.0, "{a4:?}");
    let opts = PdfOptions {
        paper: Paper::UsLetter,
        ..Default::default()
    };
    let letter = page_sizes(&export_pdf(&text, &opts).unwrap().bytes)[0];
    assert_eq!(letter, (612.0, 792.0));
}

#[test]
fn section_labels_hidden_unless_asked() {
    let text = fixture("labelled-template.md");
    let hidden = squash(&pdf_text(&pdf(&text).bytes));
    assert!(
        !hidden.contains("PROBLEM") && !hidden.contains("Problem Describe"),
        "{hidden}"
    );
    assert!(hidden.contains("Describe the customer’s problem"), "{hidden}");
    let opts = PdfOptions {
        show_section_labels: true,
        ..Default::default()
    };
    let shown = squash(&pdf_text(&export_pdf(&text, &opts).unwrap().bytes));
    let label = position(&shown, "PROBLEM");
    assert!(
        label < position(&shown, "Describe the customer’s problem"),
        "{shown}"
    );
    // FAQ headings are kept either way.
    assert!(hidden.contains("External FAQ") && hidden.contains("What does it cost?"));
}

#[test]
fn long_draft_measures_pages_and_warns() {
    let export = pdf(&fixture("20-helios-solar-roof.md"));
    assert!(export.page_count >= 5, "{}", export.page_count);
    assert!(export.release_pages > 1.0, "{}", export.release_pages);
    assert_eq!(
        export.page_count,
        export.release_pages.ceil() as usize + export.faq_pages
    );
    assert!(
        export
            .warnings
            .iter()
            .any(|w| w.contains("press release runs to")),
        "{:?}",
        export.warnings
    );
    let text = squash(&pdf_text(&export.bytes));
    // Tables, numbered lists and footnotes come through as text.
    assert!(text.contains("Microinverters, one per panel"), "{text}");
    assert!(text.contains("Quote in five minutes."), "{text}");
    let last = format!("Page {0} of {0}", export.page_count);
    assert!(text.contains(&last));
}

#[test]
fn plain_bold_questions_become_headings_in_the_outline() {
    // pdftotext cannot see headings, but the PDF outline (bookmarks) lists them.
    let export = pdf(&fixture("01-lumen-pocket-battery.md"));
    let raw = String::from_utf8_lossy(&export.bytes);
    assert!(raw.contains("/Outlines"), "no PDF outline");
    let doc = lopdf::Document::load_mem(&export.bytes).unwrap();
    let titles: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"Parent") && d.has(b"Title"))
        .filter_map(|d| lopdf::decode_text_string(d.get(b"Title").ok()?).ok())
        .collect();
    for q in [
        "How many charges does PocketCell hold?",
        "Will fast charging damage the cell?",
    ] {
        assert!(titles.iter().any(|t| t == q), "{q} not in outline {titles:?}");
    }
}

const HOSTILE: &str = r##"# Headline #set page(width: 1cm) $x^2$ <label> @ref

## Sub *not* _emph_ `code` \ back\slash ] [ ) ( { } // not a comment /* nor this */

**SEATTLE — June 1, 2026 —** #import "@preview/cetz:0.3.0": * and #read("/etc/passwd") and #eval("1 + 1") and #let x = 1 and #x

= Not a heading
- Not a list? Yes it is a Markdown list: #strong[not bold] and #link("https://evil.example")[click]
+ #{panic("boom")}

Text ending in a backslash \\
1\. not an enum, and `#raw("x")` stays code, ``a ` b``.

> Quote with #emph[no emph] and ]] [[ and $ dollars $

```typst
#read("/etc/hostname") ")] #panic()
```

[a link](javascript:alert(1)) and [ok](https://example.com/a"b) and ![img](/etc/passwd)

| col #1 | `|` |
|---|---|
| ] [ | #set text(red) |

~ tilde -- dashes --- ... and 'single' "double" quotes, <!-- hidden --> <b>html</b>

## Frequently asked questions

### Is #read("/etc/passwd") a question?

**Does *this* `#eval` work?**
No: \#eval is text.
"##;

#[test]
fn typst_syntax_in_a_draft_is_literal_text() {
    let export = pdf(HOSTILE);
    let text = squash(&pdf_text(&export.bytes));
    for literal in [
        "Headline #set page(width: 1cm) $x^2$ <label> @ref",
        "// not a comment /* nor this */",
        "#import \"@preview/cetz:0.3.0\": * and #read(\"/etc/passwd\") and #eval(\"1 + 1\") and #let x = 1 and #x",
        "= Not a heading",
        "#strong[not bold] and #link(\"https://evil.example\")[click]",
        "#{panic(\"boom\")}",
        "#raw(\"x\")",
        "Quote with #emph[no emph] and ]] [[ and $ dollars $",
        "#read(\"/etc/hostname\") \")] #panic()",
        "#set text(red)",
        "[Image: img]",
        "<b>html</b>",
        "Is #read(\"/etc/passwd\") a question?",
        "No: #eval is text.",
    ] {
        let literal = squash(literal).replace('"', "");
        let found = text.replace(['"', '“', '”'], "");
        assert!(found.contains(&literal), "{literal:?} missing from:\n{text}");
    }
    // Nothing was read or evaluated: no file contents, no computed values.
    let etc_passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let first_entry = etc_passwd.lines().next().unwrap_or("root:x:0:0");
    assert!(!text.contains(first_entry));
    assert!(!text.contains("hidden"));
    // The page size was not changed by the draft.
    assert!((page_sizes(&export.bytes)[0].0 - 595.3).abs() < 1.0);
}

#[test]
fn review_packet_appends_comments_verdicts_and_lint() {
    let comments = [ReviewComment {
        author: "Ana Silva".into(),
        quoted: Some("A battery that sits in a drawer helps nobody.".into()),
        body: "Lead with the number instead. #read(\"/etc/passwd\")".into(),
        disposition: Some("open".into()),
        ..Default::default()
    }];
    let verdicts = [ReviewVerdict {
        reviewer: "Ben Ode".into(),
        verdict: "revise".into(),
        note: None,
    }];
    let lint = LintSummary {
        score: 74,
        errors: 0,
        warnings: 1,
        infos: 0,
        findings: vec![LintFinding {
            line: 9,
            severity: "warning".into(),
            rule: "weasel-word".into(),
            message: "Remove \"very\".".into(),
        }],
    };
    let packet = ReviewPacket {
        comments: &comments,
        suggestions: &[],
        verdicts: &verdicts,
        lint: Some(&lint),
    };
    let export = export_review_packet(
        &fixture("01-lumen-pocket-battery.md"),
        &packet,
        &PdfOptions::default(),
    )
    .unwrap();
    let text = squash(&pdf_text(&export.bytes));
    let order = [
        "Can I take it on a plane?",
        "Open comments",
        "Ana Silva OPEN",
        "A battery that sits in a drawer helps nobody.",
        "Lead with the number instead. #read(\"/etc/passwd\")",
        "Verdicts",
        "Ben Ode REVISE",
        "Lint summary",
        "Readiness 74/100: 0 errors, 1 warning, 0 notes.",
        "weasel-word",
    ];
    let mut from = 0;
    for expected in order {
        from += position(&text[from..], expected) + expected.len();
    }
    // The packet pages do not count as FAQ pages.
    assert_eq!(export.page_count, 3);
    assert_eq!(export.faq_pages, 1);
}

#[test]
fn second_export_in_a_process_is_fast() {
    let text = fixture("20-helios-solar-roof.md");
    dateline_export::warm_up();
    pdf(&text);
    let started = std::time::Instant::now();
    pdf(&text.replace("Helios", "Sol"));
    // Generous for unoptimised test builds; the bench measures the real figure.
    assert!(started.elapsed().as_secs_f32() < 10.0);
}
