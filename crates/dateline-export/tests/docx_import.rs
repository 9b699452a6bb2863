//! Importing Word documents: what maps back, and bad input refused with a
//! message that says what the file is. Every bad input is built here.

use std::io::{Cursor, Write};

use dateline_export::{export_docx, import_docx, DocxOptions, DocxReview, ImportError, MAX_DOCX_BYTES};
use dateline_review::log::Event;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn package(entries: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(false);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#).into_bytes()
}

fn message(err: ImportError) -> String {
    err.to_string()
}

#[test]
fn a_word_made_document_maps_back_to_markdown() {
    // Written the way Word writes it: runs split mid-word, localised style
    // ids, a hyperlink by relationship, bold that is switched off again.
    let styles = br#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Zitat"><w:name w:val="Quote"/></w:style></w:styles>"#;
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://e.example/a" TargetMode="External"/></Relationships>"#;
    let numbering = br#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let body = document(concat!(
        r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Acme Ships</w:t></w:r><w:r><w:t xml:space="preserve"> Rock</w:t></w:r><w:r><w:t>ets</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r><w:r><w:rPr><w:b w:val="0"/><w:i/></w:rPr><w:t>italic</w:t></w:r><w:r><w:t xml:space="preserve"> 5 * 3 = 15 &amp; a_b, see </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the site</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>inner</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>second</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:pStyle w:val="Zitat"/></w:pPr><w:r><w:t>Quoted.</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Plan</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Price</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Basic</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>$5 | cheap</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    ));
    let bytes = package(
        &[
            ("[Content_Types].xml", TYPES),
            ("word/document.xml", &body),
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering),
            ("word/_rels/document.xml.rels", rels),
        ],
        CompressionMethod::Deflated,
    );
    let md = import_docx(&bytes).unwrap().markdown;
    assert_eq!(
        md,
        "# Acme Ships Rockets\n\n**Bold** *italic* 5 \\* 3 = 15 & a\\_b, see [the site](https://e.example/a).\n\n1. first\n   - inner\n2. second\n\n > \n > Quoted.\n\n|Plan|Price|\n|----|-----|\n|Basic|$5 \\| cheap|\n"
    );
}

#[test]
fn the_original_is_only_read() {
    let bytes = export_docx("# H\n\nText.\n", DocxReview::default(), &DocxOptions::default()).unwrap();
    let copy = bytes.clone();
    import_docx(&bytes).unwrap();
    assert_eq!(bytes, copy);
}

#[test]
fn a_corrupt_archive_is_refused() {
    let good = export_docx("# H\n\nText.\n", DocxReview::default(), &DocxOptions::default()).unwrap();
    let truncated = &good[..good.len() / 2];
    let err = message(import_docx(truncated).unwrap_err());
    assert!(err.contains("damaged"), "{err}");
    let mut garbled = good.clone();
    let mid = garbled.len() / 3;
    garbled[mid..mid + 200].fill(0x55);
    let err = import_docx(&garbled).map(|_| ()).unwrap_err();
    assert!(matches!(err, ImportError::Corrupt(_)), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 100 MB of one character deflates to about 100 KB.
    let huge = vec![b'a'; 100 * 1024 * 1024];
    let bytes = package(
        &[("[Content_Types].xml", TYPES), ("word/document.xml", &huge)],
        CompressionMethod::Deflated,
    );
    assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
    let err = import_docx(&bytes).unwrap_err();
    assert!(matches!(err, ImportError::TooBigInflated { .. }), "{err}");
    assert!(message(err).contains("not read"));
}

#[test]
fn a_macro_enabled_document_is_refused() {
    let body = document("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>");
    let types = String::from_utf8_lossy(TYPES).replace(
        "document.main+xml",
        "document.main+xml\"/><Override PartName=\"/word/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject",
    );
    let docm = package(
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("word/document.xml", &body),
            ("word/vbaProject.bin", b"\xD0\xCF\x11\xE0 macros"),
        ],
        CompressionMethod::Deflated,
    );
    let err = import_docx(&docm).unwrap_err();
    assert_eq!(err, ImportError::Macros);
    assert!(message(err).contains(".docm"));
    let typed_only =
        String::from_utf8_lossy(TYPES).replace("document.main+xml", "document.macroEnabled.main+xml");
    let docm = package(
        &[
            ("[Content_Types].xml", typed_only.as_bytes()),
            ("word/document.xml", &body),
        ],
        CompressionMethod::Deflated,
    );
    assert_eq!(import_docx(&docm).unwrap_err(), ImportError::Macros);
}

#[test]
fn an_encrypted_document_is_refused() {
    // Word wraps an encrypted .docx in an OLE compound file.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let err = import_docx(&ole).unwrap_err();
    assert_eq!(err, ImportError::Encrypted);
    assert!(message(err).contains("password"));
}

#[test]
fn files_that_are_not_word_are_refused_and_say_what_they_are() {
    let pdf = message(import_docx(b"%PDF-1.7\n...").unwrap_err());
    assert!(
        pdf.contains("not a Word document") && pdf.contains("PDF"),
        "{pdf}"
    );
    let text = message(import_docx(b"# A Markdown draft\n").unwrap_err());
    assert!(text.contains("plain text"), "{text}");
    let xlsx = package(
        &[
            ("[Content_Types].xml", TYPES),
            ("xl/workbook.xml", b"<workbook/>"),
        ],
        CompressionMethod::Deflated,
    );
    let xlsx = message(import_docx(&xlsx).unwrap_err());
    assert!(xlsx.contains("Excel"), "{xlsx}");
    let bare_zip = package(&[("notes.txt", b"hello")], CompressionMethod::Stored);
    assert!(matches!(
        import_docx(&bare_zip).unwrap_err(),
        ImportError::NotWord(_)
    ));
    assert!(matches!(import_docx(b"").unwrap_err(), ImportError::NotWord(_)));
}

#[test]
fn a_50_mb_document_is_refused() {
    let picture = vec![7u8; 50 * 1024 * 1024];
    let body = document("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>");
    let bytes = package(
        &[
            ("[Content_Types].xml", TYPES),
            ("word/document.xml", &body),
            ("word/media/image1.png", &picture),
        ],
        CompressionMethod::Stored,
    );
    assert!(bytes.len() > MAX_DOCX_BYTES);
    let err = import_docx(&bytes).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    assert!(message(err).contains("pictures"));
}

#[test]
fn word_comments_and_tracked_changes_become_the_drafts_review() {
    // As Word writes them: a comment range around a bold run, a reply
    // threaded and marked done in commentsExtended, a replacement as a
    // deletion beside an insertion, a whole inserted paragraph, a deletion.
    let ana = r#"w:author="Ana Silva" w:date="2024-05-01T10:00:00Z""#;
    let ben = r#"w:author="Ben Ode" w:date="2024-05-02T09:00:00Z""#;
    let body = document(&format!(
        concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Acme ships </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:rPr><w:b/></w:rPr><w:t>PocketCell</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve"> in </w:t></w:r><w:del w:id="1" {ana}><w:r><w:delText>March</w:delText></w:r></w:del><w:ins w:id="2" {ana}><w:r><w:t>April</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:rPr><w:ins w:id="3" {ben}/></w:rPr></w:pPr><w:ins w:id="4" {ben}><w:r><w:t>It costs $49.</w:t></w:r></w:ins></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Order it </w:t></w:r><w:del w:id="5" {ben}><w:r><w:delText xml:space="preserve">very </w:delText></w:r></w:del><w:r><w:t>soon.</w:t></w:r></w:p>"#,
        ),
        ana = ana,
        ben = ben
    ));
    let comments = br#"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:comment w:id="0" w:author="Ana Silva" w:date="2024-05-01T10:00:00Z"><w:p w14:paraId="11111111"><w:r><w:t>Name it in full?</w:t></w:r></w:p></w:comment><w:comment w:id="7" w:author="Ben Ode" w:date="2024-05-01T11:00:00Z"><w:p w14:paraId="22222222"><w:r><w:t>Fine as is.</w:t></w:r></w:p></w:comment></w:comments>"#;
    let extended = br#"<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="11111111" w15:done="1"/><w15:commentEx w15:paraId="22222222" w15:paraIdParent="11111111" w15:done="1"/></w15:commentsEx>"#;
    let bytes = package(
        &[
            ("[Content_Types].xml", TYPES),
            ("word/document.xml", &body),
            ("word/comments.xml", comments),
            ("word/commentsExtended.xml", extended),
        ],
        CompressionMethod::Deflated,
    );
    let imported = import_docx(&bytes).unwrap();
    let md = &imported.markdown;
    assert_eq!(md, "Acme ships **PocketCell** in March.\n\nOrder it very soon.\n");
    let review = imported.review(0);
    assert!(review.problems.is_empty(), "{:?}", review.problems);
    assert_eq!((review.comments, review.suggestions), (2, 3));

    let comments: Vec<_> = review
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::Comment {
                id,
                anchor,
                body,
                parent,
                ..
            } => Some((id, anchor, body.as_str(), parent, r.author.name.as_str())),
            _ => None,
        })
        .collect();
    let (root, anchor, body, parent, author) = comments[0];
    let anchor = anchor.as_ref().unwrap();
    assert_eq!(
        (anchor.quote.as_str(), body, parent, author),
        ("**PocketCell**", "Name it in full?", &None, "Ana Silva")
    );
    assert_eq!(
        &md[anchor.start_hint..anchor.start_hint + anchor.quote.len()],
        "**PocketCell**"
    );
    assert_eq!(
        (comments[1].2, comments[1].3.as_ref()),
        ("Fine as is.", Some(root))
    );
    assert!(
        review
            .records
            .iter()
            .any(|r| matches!(&r.event, Event::Resolve { id, resolved: true } if id == root)),
        "done in Word is resolved here"
    );

    let suggestions: Vec<(&str, &str, &str, i64)> = review
        .records
        .iter()
        .filter_map(|r| match &r.event {
            Event::Suggest { anchor, after, .. } => Some((
                anchor.quote.as_str(),
                after.as_str(),
                r.author.name.as_str(),
                r.at,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        suggestions,
        [
            ("March", "April", "Ana Silva", 1_714_557_600_000),
            ("", "\n\nIt costs $49.", "Ben Ode", 1_714_640_400_000),
            ("very ", "", "Ben Ode", 1_714_640_400_000),
        ]
    );
    let inserted_at = review
        .records
        .iter()
        .find_map(|r| match &r.event {
            Event::Suggest { anchor, .. } if anchor.quote.is_empty() => Some(anchor.start_hint),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        &md[..inserted_at],
        "Acme ships **PocketCell** in March.",
        "the new paragraph follows the one before it"
    );
}
