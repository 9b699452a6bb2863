//! Word's built-in styles, by the names Word knows them by ("heading 1",
//! "Title", "Quote", "List Paragraph"), so its navigation pane, outline and
//! style gallery work; and the list numbering the body refers to.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

use crate::pdf::Paper;

pub(crate) const TITLE: &str = "Title";
pub(crate) const QUOTE: &str = "Quote";
pub(crate) const LIST: &str = "ListParagraph";
pub(crate) const CODE: &str = "SourceCode";
pub(crate) const CODE_CHAR: &str = "VerbatimChar";
pub(crate) const LINK_CHAR: &str = "Hyperlink";
/// A linked (not embedded) image: a link styled so the import knows it.
pub(crate) const IMAGE_LINK_CHAR: &str = "DatelineImageLink";
pub(crate) const RULE: &str = "DatelineRule";

/// The abstract numbering of bullets; ordered lists get their own numbering
/// instance each (so each starts where the draft says) on [`ORDERED`].
const BULLETS: usize = 1;
const ORDERED: usize = 2;
/// The numbering instance every bullet list shares.
pub(crate) const BULLET_NUM: usize = 1;

pub(crate) fn heading(level: usize) -> String {
    format!("Heading{}", level.clamp(1, 6))
}

/// An empty document with the styles, the numbering and the paper size.
pub(crate) fn document(paper: Paper) -> Docx {
    // Twentieths of a point.
    let (width, height) = match paper {
        Paper::A4 => (11906, 16838),
        Paper::UsLetter => (12240, 15840),
    };
    let mut docx = Docx::new()
        .page_size(width, height)
        // Space after each paragraph, as Word's own Normal has.
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .line_spacing(LineSpacing::new().after(140)),
        )
        .add_style(
            Style::new(TITLE, StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(52)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new(QUOTE, StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .indent(Some(720), None, Some(720), None),
        )
        .add_style(
            Style::new(LIST, StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .indent(Some(720), None, None, None),
        )
        .add_style(
            Style::new(CODE, StyleType::Paragraph)
                .name("Source Code")
                .based_on("Normal")
                .fonts(mono()),
        )
        .add_style(
            Style::new(RULE, StyleType::Paragraph)
                .name("Dateline Rule")
                .based_on("Normal"),
        )
        .add_style(
            Style::new(CODE_CHAR, StyleType::Character)
                .name("Verbatim Char")
                .fonts(mono()),
        )
        .add_style(
            Style::new(LINK_CHAR, StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_style(
            Style::new(IMAGE_LINK_CHAR, StyleType::Character)
                .name("Dateline Image Link")
                .based_on(LINK_CHAR)
                .italic(),
        )
        .add_abstract_numbering(levels(AbstractNumbering::new(BULLETS), false))
        .add_abstract_numbering(levels(AbstractNumbering::new(ORDERED), true))
        .add_numbering(Numbering::new(BULLET_NUM, BULLETS));
    for level in 1..=6 {
        let size = [36, 30, 26, 24, 22, 22][level - 1];
        docx = docx.add_style(
            Style::new(heading(level), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .size(size)
                .bold()
                .outline_lvl(level - 1),
        );
    }
    docx
}

/// The width between docx-rs's default margins (1701 twips each side),
/// shared equally by `columns` (readers size columns by the grid).
pub(crate) fn column_widths(paper: Paper, columns: usize) -> Vec<usize> {
    let width = match paper {
        Paper::A4 => 11906 - 2 * 1701,
        Paper::UsLetter => 12240 - 2 * 1701,
    };
    let columns = columns.max(1);
    vec![width / columns; columns]
}

/// A numbering instance for an ordered list starting at `start`.
pub(crate) fn ordered_list(docx: Docx, id: usize, start: u64) -> Docx {
    let start = usize::try_from(start).unwrap_or(1);
    docx.add_numbering(Numbering::new(id, ORDERED).add_override(docx_rs::LevelOverride::new(0).start(start)))
}

pub(crate) fn list_numbering(id: usize, depth: usize) -> (NumberingId, IndentLevel) {
    (NumberingId::new(id), IndentLevel::new(depth.min(8)))
}

fn levels(mut numbering: AbstractNumbering, ordered: bool) -> AbstractNumbering {
    for level in 0..9 {
        let (format, text) = if ordered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_string())
        };
        numbering = numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(720 * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    numbering
}

fn mono() -> RunFonts {
    RunFonts::new()
        .ascii("Courier New")
        .hi_ansi("Courier New")
        .cs("Courier New")
}
