//! Markdown to Typst: walks the pulldown-cmark events and writes Typst
//! markup. Structure is emitted as calls to functions of the template
//! (`#headline[...]`, `#list(...)`, `#quote(...)`); every piece of user text
//! goes through [`escape`], so a draft can only ever produce literal text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use crate::draft::Outline;
use crate::escape;

/// Parser options shared by both exports.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// Translates a draft's body to Typst markup for the template.
pub(crate) fn to_typst(text: &str, outline: &Outline, show_labels: bool) -> String {
    let events: Vec<Spanned> = Parser::new_ext(text, parser_options() | Options::ENABLE_SMART_PUNCTUATION)
        .into_offset_iter()
        .collect();
    let mut translator = Translator::new(&events, outline, show_labels);
    translator.run();
    translator.out
}

struct Translator<'e, 'a> {
    events: &'e [Spanned<'a>],
    outline: &'e Outline,
    show_labels: bool,
    out: String,
    /// Closing text for each open tag, innermost last.
    closers: Vec<&'static str>,
    footnotes: HashMap<String, Range<usize>>,
    /// Footnotes being expanded, to stop a footnote that cites itself.
    expanding: HashSet<String>,
    release_ended: bool,
    depth: usize,
}

impl<'e, 'a> Translator<'e, 'a> {
    fn new(events: &'e [Spanned<'a>], outline: &'e Outline, show_labels: bool) -> Self {
        Translator {
            events,
            outline,
            show_labels,
            out: String::with_capacity(events.len() * 16),
            closers: Vec::new(),
            footnotes: footnote_definitions(events),
            expanding: HashSet::new(),
            release_ended: false,
            depth: 0,
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.events.len() {
            let (event, range) = &self.events[i];
            if self.depth == 0 && !self.release_ended && self.outline.in_faq(range.start) {
                self.end_release();
            }
            i = self.block_or_inline(i, event, range.clone());
        }
        if !self.release_ended {
            self.end_release();
        }
    }

    fn end_release(&mut self) {
        self.release_ended = true;
        self.out.push_str("#release-end()\n\n");
    }

    /// Handles the event at `i`, returns the index of the next one.
    fn block_or_inline(&mut self, i: usize, event: &Event, range: Range<usize>) -> usize {
        match event {
            Event::Start(Tag::Heading { level, .. }) => return self.heading(i, *level, range),
            Event::Start(Tag::Paragraph) => return self.paragraph(i, range),
            Event::Start(Tag::CodeBlock(kind)) => return self.code_block(i, kind),
            Event::Start(Tag::Image { .. }) => return self.image(i),
            Event::Start(Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_)) => {
                return skip_to_end(self.events, i)
            }
            Event::Start(tag) => self.open(tag),
            Event::End(_) => self.close(),
            Event::Text(text) => escape::push_markup(&mut self.out, text),
            Event::Code(code) => {
                self.out.push_str("#raw(");
                self.out.push_str(&escape::string(code));
                self.out.push(')');
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak()"),
            Event::Rule => self.out.push_str("#rule()\n\n"),
            Event::Html(html) | Event::InlineHtml(html) => self.html(html),
            Event::FootnoteReference(name) => self.footnote(name),
            Event::TaskListMarker(done) => self.out.push_str(if *done { "\\[x\\] " } else { "\\[ \\] " }),
            Event::InlineMath(math) | Event::DisplayMath(math) => escape::push_markup(&mut self.out, math),
        }
        i + 1
    }

    fn open(&mut self, tag: &Tag) {
        let (open, close): (String, &'static str) = match tag {
            Tag::BlockQuote(_) => ("#quote(block: true)[".into(), "]\n\n"),
            Tag::List(None) => ("#list(".into(), ")\n\n"),
            Tag::List(Some(start)) => (format!("#enum(start: {start}, "), ")\n\n"),
            Tag::Item => ("[".into(), "], "),
            Tag::Emphasis => ("#emph[".into(), "]"),
            Tag::Strong => ("#strong[".into(), "]"),
            Tag::Strikethrough => ("#strike[".into(), "]"),
            Tag::Link { dest_url, .. } if is_safe_url(dest_url) => {
                (format!("#link({})[", escape::string(dest_url)), "]")
            }
            Tag::Table(alignments) => (table_open(alignments), ")\n\n"),
            Tag::TableHead => ("table.header(".into(), "), "),
            Tag::TableCell => ("[".into(), "], "),
            Tag::HtmlBlock => (String::new(), "\n\n"),
            _ => (String::new(), ""),
        };
        self.out.push_str(&open);
        self.closers.push(close);
        self.depth += 1;
    }

    fn close(&mut self) {
        let close = self.closers.pop().unwrap_or("");
        self.depth = self.depth.saturating_sub(1);
        if close.starts_with(']') {
            self.trim_trailing_breaks();
        }
        self.out.push_str(close);
    }

    fn trim_trailing_breaks(&mut self) {
        let trimmed = self.out.trim_end_matches(['\n', ' ']).len();
        self.out.truncate(trimmed);
    }

    /// Emits the events strictly between `from` and `to`.
    fn inline(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let (event, range) = &self.events[i];
            i = self.block_or_inline(i, event, range.clone());
        }
    }

    fn heading(&mut self, i: usize, level: HeadingLevel, range: Range<usize>) -> usize {
        let end = skip_to_end(self.events, i);
        let role = self.heading_role(level, range, i + 1..end - 1);
        if role.is_empty() {
            return end;
        }
        self.out.push_str(&format!("#{role}["));
        self.inline(i + 1, end - 1);
        self.trim_trailing_breaks();
        self.out.push_str("]\n\n");
        end
    }

    /// The template function a heading becomes; empty to hide it.
    fn heading_role(&self, level: HeadingLevel, range: Range<usize>, inner: Range<usize>) -> &'static str {
        let at = |offset: Option<usize>| offset.is_some_and(|o| range.contains(&o));
        if at(self.outline.headline) {
            "headline"
        } else if at(self.outline.subheading) {
            "subheading"
        } else if self.outline.labels.iter().any(|&o| range.contains(&o)) {
            if self.show_labels {
                "section-label"
            } else {
                ""
            }
        } else if at(self.outline.faq_start) {
            "faq-title"
        } else if self.outline.in_faq(range.start) {
            if plain_text(&self.events[inner]).trim_end().ends_with('?') {
                "question"
            } else {
                "faq-group"
            }
        } else if level == HeadingLevel::H1 {
            "part-title"
        } else {
            "release-subhead"
        }
    }

    fn paragraph(&mut self, i: usize, range: Range<usize>) -> usize {
        let end = skip_to_end(self.events, i);
        let body = i + 1..end - 1;
        if self.depth == 0 && self.outline.in_faq(range.start) {
            if let Some((question, answer_start)) = self.question_line(body.clone()) {
                self.out.push_str("#question[");
                self.inline(question.start, question.end);
                self.trim_trailing_breaks();
                self.out.push_str("]\n\n");
                self.paragraph_body("", answer_start..body.end);
                return end;
            }
        }
        let role = if self.depth > 0 {
            ""
        } else if self.outline.subheading.is_some_and(|o| range.contains(&o)) {
            "subheading"
        } else if self.outline.in_quote_section(range.start) && opens_with_quote(&self.events[body.clone()]) {
            "pr-quote"
        } else {
            ""
        };
        self.paragraph_body(role, body);
        end
    }

    fn paragraph_body(&mut self, role: &str, body: Range<usize>) {
        if body.is_empty() {
            return;
        }
        if !role.is_empty() {
            self.out.push_str(&format!("#{role}["));
        }
        self.inline(body.start, body.end);
        self.trim_trailing_breaks();
        self.out.push_str(if role.is_empty() { "\n\n" } else { "]\n\n" });
    }

    /// A FAQ question written as the first line of a paragraph: a bold line
    /// ending in `?` or a line starting with `Q:`. Returns the events of the
    /// question (without the bold) and where the answer starts.
    fn question_line(&self, body: Range<usize>) -> Option<(Range<usize>, usize)> {
        let events = &self.events[body.clone()];
        let line_end = events
            .iter()
            .position(|(e, _)| matches!(e, Event::SoftBreak | Event::HardBreak))
            .unwrap_or(events.len());
        let line = &events[..line_end];
        let text = plain_text(line);
        let text = text.trim();
        let bold = matches!(line.first(), Some((Event::Start(Tag::Strong), _)))
            && skip_to_end(events, 0) == line_end;
        let is_question = text.ends_with('?') && (bold || text.starts_with("Q:"));
        if !is_question {
            return None;
        }
        let question = if bold {
            body.start + 1..body.start + line_end - 1
        } else {
            body.start..body.start + line_end
        };
        Some((question, (body.start + line_end + 1).min(body.end)))
    }

    fn code_block(&mut self, i: usize, kind: &CodeBlockKind) -> usize {
        let end = skip_to_end(self.events, i);
        let code: String = self.events[i + 1..end - 1]
            .iter()
            .filter_map(|(e, _)| {
                if let Event::Text(t) = e {
                    Some(t.as_ref())
                } else {
                    None
                }
            })
            .collect();
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        self.out.push_str("#raw(block: true, lang: ");
        self.out.push_str(&escape::string(lang));
        self.out.push_str(", ");
        self.out.push_str(&escape::string(code.trim_end_matches('\n')));
        self.out.push_str(")\n\n");
        end
    }

    /// Images are never loaded (the sandbox refuses files): the alt text
    /// stands in for them.
    fn image(&mut self, i: usize) -> usize {
        let end = skip_to_end(self.events, i);
        let alt = plain_text(&self.events[i + 1..end - 1]);
        self.out.push_str("#emph[");
        escape::push_markup(&mut self.out, &format!("[Image: {}]", alt.trim()));
        self.out.push(']');
        end
    }

    fn html(&mut self, html: &str) {
        // Comments carry lint directives, not content.
        if !html.trim_start().starts_with("<!--") {
            escape::push_markup(&mut self.out, html);
        }
    }

    fn footnote(&mut self, name: &str) {
        let Some(range) = self.footnotes.get(name).cloned() else {
            escape::push_markup(&mut self.out, &format!("[^{name}]"));
            return;
        };
        if !self.expanding.insert(name.to_string()) {
            return;
        }
        self.out.push_str("#footnote[");
        let saved = std::mem::take(&mut self.closers);
        self.depth += 1;
        self.inline(range.start, range.end);
        self.depth -= 1;
        self.closers = saved;
        self.trim_trailing_breaks();
        self.out.push(']');
        self.expanding.remove(name);
    }
}

fn table_open(alignments: &[pulldown_cmark::Alignment]) -> String {
    use pulldown_cmark::Alignment;
    let aligns: Vec<&str> = alignments
        .iter()
        .map(|a| match a {
            Alignment::Center => "center",
            Alignment::Right => "right",
            Alignment::None | Alignment::Left => "left",
        })
        .collect();
    format!(
        "#table(columns: {}, align: ({},), ",
        alignments.len().max(1),
        aligns.join(", ")
    )
}

/// Only links a reader can follow from paper, a PDF viewer or Word become
/// links.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// The index after the `End` matching the `Start` at `i` (or `i + 1` when
/// `i` is not a start).
pub(crate) fn skip_to_end(events: &[Spanned], i: usize) -> usize {
    let mut depth = 0usize;
    for (j, (event, _)) in events.iter().enumerate().skip(i) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            return j + 1;
        }
    }
    events.len()
}

/// Footnote definitions: name to the range of events inside them.
fn footnote_definitions(events: &[Spanned]) -> HashMap<String, Range<usize>> {
    let mut found = HashMap::new();
    for (i, (event, _)) in events.iter().enumerate() {
        if let Event::Start(Tag::FootnoteDefinition(name)) = event {
            let end = skip_to_end(events, i);
            found.entry(name.to_string()).or_insert(i + 1..end - 1);
        }
    }
    found
}

pub(crate) fn plain_text(events: &[Spanned]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

fn opens_with_quote(events: &[Spanned]) -> bool {
    plain_text(events).trim_start().starts_with(['"', '“', '‘', '\''])
}

/// The inline events of the first heading at `start`, as plain text.
pub(crate) fn heading_text_at(text: &str, start: usize) -> Option<String> {
    let events: Vec<Spanned> = Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .collect();
    let i = events
        .iter()
        .position(|(e, r)| matches!(e, Event::Start(Tag::Heading { .. })) && r.contains(&start))?;
    let end = skip_to_end(&events, i);
    Some(plain_text(&events[i + 1..end - 1]).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate(text: &str, show_labels: bool) -> String {
        to_typst(text, &Outline::of(text), show_labels)
    }

    const LABELLED: &str = "# Acme Ships Rockets to Every Town\n\n## Towns get rockets\n\n### Problem\n\nTowns wait.\n\n## FAQ\n\n**What does it cost?**\nNothing.\n";

    #[test]
    fn roles_of_headings_and_paragraphs() {
        let typst = translate(LABELLED, false);
        assert!(
            typst
                .starts_with("#headline[Acme Ships Rockets to Every Town]\n\n#subheading[Towns get rockets]"),
            "{typst}"
        );
        assert!(!typst.contains("Problem"), "{typst}");
        let release_end = typst.find("#release-end()").unwrap();
        let faq = typst.find("#faq-title[FAQ]").unwrap();
        assert!(
            typst.find("Towns wait\\.").unwrap() < release_end && release_end < faq,
            "{typst}"
        );
        assert!(
            typst.contains("#question[What does it cost\\?]\n\nNothing\\."),
            "{typst}"
        );
    }

    #[test]
    fn labels_shown_on_request() {
        assert!(translate(LABELLED, true).contains("#section-label[Problem]"));
    }

    #[test]
    fn structure_is_function_calls() {
        let typst = translate("- a\n- b\n\n3. c\n\n> q\n\n`x\"y`\n", false);
        assert!(typst.contains("#list([a], [b], )"), "{typst}");
        assert!(typst.contains("#enum(start: 3, [c], )"), "{typst}");
        assert!(typst.contains("#quote(block: true)[q]"), "{typst}");
        assert!(typst.contains("#raw(\"x\\\"y\")"), "{typst}");
    }

    #[test]
    fn unsafe_links_are_plain_text() {
        let typst = translate("[a](javascript:x) [b](https://e.example)", false);
        assert!(typst.contains("a #link(\"https://e.example\")[b]"), "{typst}");
    }

    #[test]
    fn self_citing_footnote_terminates() {
        let typst = translate("x[^a]\n\n[^a]: y[^a]\n", false);
        assert!(typst.contains("x#footnote[y]"), "{typst}");
    }
}
