//! The document properties. docx-rs writes `docProps/core.xml` without a
//! way to set the title or author, so the package is copied entry by entry
//! (compressed bytes as they are) with that one part rewritten by quick-xml.

use std::io::{Cursor, Write};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::text::clean;
use crate::draft::Outline;

const CORE: &str = "docProps/core.xml";

pub(crate) struct Properties<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub now: Option<&'a str>,
}

/// The title the PDF uses too: the front matter's, else the headline.
pub(crate) fn title(text: &str, outline: &Outline, front_matter: Option<&str>) -> String {
    let headline = outline
        .headline
        .and_then(|start| crate::translate::heading_text_at(text, start));
    [front_matter.map(str::to_string), headline]
        .into_iter()
        .flatten()
        .map(|t| t.trim().to_string())
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| "Untitled draft".into())
}

/// `package` with its core properties replaced.
pub(crate) fn set_properties(package: &[u8], props: &Properties) -> Result<Vec<u8>, String> {
    let mut archive = ZipArchive::new(Cursor::new(package)).map_err(|e| e.to_string())?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(package.len() + 1024)));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| e.to_string())?;
        if entry.name() == CORE {
            continue;
        }
        out.raw_copy_file(entry).map_err(|e| e.to_string())?;
    }
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    out.start_file(CORE, options).map_err(|e| e.to_string())?;
    out.write_all(&core_xml(props).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let bytes = out.finish().map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

fn core_xml(props: &Properties) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
    w.create_element("cp:coreProperties")
        .with_attributes([
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        .write_inner_content(|w| {
            w.create_element("dc:title")
                .write_text_content(BytesText::new(&clean(props.title)))?;
            if let Some(author) = props.author {
                w.create_element("dc:creator")
                    .write_text_content(BytesText::new(&clean(author)))?;
            }
            w.create_element("cp:lastModifiedBy")
                .write_text_content(BytesText::new("Dateline"))?;
            if let Some(now) = props.now {
                for name in ["dcterms:created", "dcterms:modified"] {
                    w.create_element(name)
                        .with_attribute(("xsi:type", "dcterms:W3CDTF"))
                        .write_text_content(BytesText::new(&clean(now)))?;
                }
            }
            Ok(())
        })?;
    Ok(w.into_inner())
}
