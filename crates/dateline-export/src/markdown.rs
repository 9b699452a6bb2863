//! The Markdown export: the draft re-emitted by pulldown-cmark-to-cmark in
//! one consistent style (ATX headings, `-` bullets, `>` quotes, fenced
//! code), paragraphs reflowed to a width or unwrapped, and optionally an
//! appendix with the review comments and lint summary.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use crate::draft::front_matter;
use crate::review::{LintSummary, ReviewComment, ReviewSuggestion};
use crate::translate::parser_options;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FrontMatterMode {
    #[default]
    Keep,
    Strip,
}

/// What to append after the draft.
#[derive(Clone, Copy, Debug, Default)]
pub struct Appendix<'a> {
    pub comments: &'a [ReviewComment],
    pub suggestions: &'a [ReviewSuggestion],
    pub lint: Option<&'a LintSummary>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct MarkdownOptions<'a> {
    /// Wrap paragraphs at this many columns; `None` puts each paragraph on
    /// one line.
    pub wrap: Option<usize>,
    pub front_matter: FrontMatterMode,
    pub appendix: Option<Appendix<'a>>,
}

/// Normalises a draft. Never fails: any text gives Markdown back.
pub fn export_markdown(text: &str, opts: &MarkdownOptions) -> String {
    let block = front_matter(text);
    let body_start = block.as_ref().map_or(0, |b| b.range.end);
    let events: Vec<Event> = Parser::new_ext(&text[body_start..], parser_options()).collect();
    let events = reflow(events, opts.wrap);
    let mut out = String::new();
    if let (Some(block), FrontMatterMode::Keep) = (&block, opts.front_matter) {
        out.push_str(text[block.range.clone()].trim_start_matches('\u{feff}'));
        out.push('\n');
    }
    let mut body = String::new();
    if pulldown_cmark_to_cmark::cmark_with_options(events.into_iter(), &mut body, cmark_options()).is_err() {
        // The writer only fails on malformed event streams; fall back to the
        // text as written rather than lose it.
        body = text[body_start..].to_string();
    }
    out.push_str(body.trim_end());
    out.push('\n');
    if let Some(appendix) = &opts.appendix {
        out.push_str(&appendix_markdown(appendix));
    }
    out
}

pub(crate) fn cmark_options() -> pulldown_cmark_to_cmark::Options<'static> {
    pulldown_cmark_to_cmark::Options {
        list_token: '-',
        increment_ordered_list_bullets: true,
        code_block_token_count: 3,
        ..Default::default()
    }
}

/// A piece of a paragraph: an event and how wide it prints.
struct Atom<'a> {
    event: Event<'a>,
    width: usize,
    /// A space separates it from the previous atom: a place to break.
    space_before: bool,
}

/// Rewrites soft line breaks: in paragraphs (and the bare text of tight
/// list items), breaks go where the width says (or nowhere); in headings
/// they become spaces.
fn reflow(events: Vec<Event>, wrap: Option<usize>) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len());
    let mut indent = Indent::default();
    // Inline events being gathered, and whether they are a tight list
    // item's text (ended by the next block) rather than a paragraph.
    let mut gathering: Option<(Vec<Event>, bool)> = None;
    let mut in_heading = false;
    for event in events {
        if let Some((inline, tight)) = gathering.as_mut() {
            let tight = *tight;
            let ends = if tight {
                is_block_boundary(&event)
            } else {
                matches!(event, Event::End(TagEnd::Paragraph))
            };
            if !ends {
                inline.push(event);
                continue;
            }
            let limit = wrap.map_or(usize::MAX, |w| w.max(indent.width + 8));
            out.extend(fill(std::mem::take(inline), indent.width, limit));
            gathering = None;
            if !tight {
                out.push(event);
                continue;
            }
        }
        match &event {
            Event::Start(Tag::Paragraph) => gathering = Some((Vec::new(), false)),
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::SoftBreak if in_heading => {
                out.push(Event::Text(" ".into()));
                continue;
            }
            // Lists that differ only by marker (`*` then `+`) become one.
            Event::Start(Tag::List(start)) if continues_list(out.last(), start.is_some()) => {
                out.pop();
                indent.track(&event);
                continue;
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced("".into()))));
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {}
            Event::Start(Tag::Item) => {
                indent.track(&event);
                out.push(event);
                gathering = Some((Vec::new(), true));
                continue;
            }
            _ => indent.track(&event),
        }
        out.push(event);
    }
    if let Some((inline, _)) = gathering {
        out.extend(inline);
    }
    out
}

/// Where a tight list item's own text ends: at the next block.
fn is_block_boundary(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::HtmlBlock
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
        ) | Event::End(TagEnd::Item)
            | Event::Rule
            | Event::Html(_)
    )
}

fn continues_list(last: Option<&Event>, ordered: bool) -> bool {
    matches!(last, Some(Event::End(TagEnd::List(was_ordered))) if *was_ordered == ordered)
}

/// The width of the prefix (quote markers, list indentation) lines get.
#[derive(Default)]
struct Indent {
    width: usize,
    stack: Vec<usize>,
    lists: Vec<Option<u64>>,
}

impl Indent {
    fn track(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => self.push(2),
            Event::Start(Tag::FootnoteDefinition(_)) => self.push(4),
            Event::Start(Tag::List(start)) => self.lists.push(*start),
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        n.to_string().len() + 2
                    }
                    _ => 2,
                };
                self.push(marker);
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition | TagEnd::Item) => {
                self.width -= self.stack.pop().unwrap_or(0);
            }
            _ => {}
        }
    }

    fn push(&mut self, width: usize) {
        self.stack.push(width);
        self.width += width;
    }
}

/// Greedy line filling of one paragraph's inline events.
fn fill(inline: Vec<Event>, indent: usize, limit: usize) -> Vec<Event> {
    let atoms = atoms(inline);
    let mut out: Vec<Event> = Vec::with_capacity(atoms.len());
    let mut col = indent;
    let mut i = 0;
    while i < atoms.len() {
        let chunk_end = (i + 1..atoms.len())
            .find(|&j| atoms[j].space_before)
            .unwrap_or(atoms.len());
        let chunk_width: usize = atoms[i..chunk_end].iter().map(|a| a.width).sum();
        let atom = &atoms[i];
        if atom.space_before {
            if col > indent && col + 1 + chunk_width > limit && safe_line_start(&atom.event) {
                out.push(Event::SoftBreak);
                col = indent;
            } else {
                push_text(&mut out, " ");
                col += 1;
            }
        }
        for atom in &atoms[i..chunk_end] {
            match &atom.event {
                Event::Text(t) => push_text(&mut out, t),
                Event::HardBreak => {
                    out.push(Event::HardBreak);
                    col = indent;
                    continue;
                }
                other => out.push(other.clone()),
            }
            col += atom.width;
        }
        i = chunk_end;
    }
    out
}

/// Appends text as its own event: pulldown-cmark-to-cmark escapes only the
/// first character of each text event, and the parser split the text so
/// that every special character starts one.
fn push_text<'a>(out: &mut Vec<Event<'a>>, text: &str) {
    out.push(Event::Text(CowStr::from(text.to_string())));
}

/// Splits text at spaces (soft breaks count as spaces) into atoms.
fn atoms(inline: Vec<Event>) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut space = false;
    let mut after_hard_break = false;
    for event in inline {
        match event {
            Event::Text(text) => {
                let mut words = text.split(' ').peekable();
                while let Some(word) = words.next() {
                    if !word.is_empty() {
                        let space_before = space && !atoms.is_empty() && !after_hard_break;
                        atoms.push(Atom {
                            width: word.chars().count(),
                            event: Event::Text(word.to_string().into()),
                            space_before,
                        });
                        space = false;
                        after_hard_break = false;
                    }
                    if words.peek().is_some() {
                        space = true;
                    }
                }
            }
            Event::SoftBreak => space = true,
            event => {
                let hard = matches!(event, Event::HardBreak);
                let space_before = space && !atoms.is_empty() && !after_hard_break && !hard;
                atoms.push(Atom {
                    width: printed_width(&event),
                    event,
                    space_before,
                });
                space = false;
                after_hard_break = hard;
            }
        }
    }
    atoms
}

/// Roughly how many columns pulldown-cmark-to-cmark prints for an event.
fn printed_width(event: &Event) -> usize {
    match event {
        Event::Start(Tag::Strong) | Event::End(TagEnd::Strong | TagEnd::Strikethrough) => 2,
        Event::Start(Tag::Strikethrough) => 2,
        Event::Start(Tag::Emphasis | Tag::Link { .. }) | Event::End(TagEnd::Emphasis) => 1,
        Event::Start(Tag::Image { .. }) => 2,
        Event::End(TagEnd::Link | TagEnd::Image) => 3,
        Event::Code(code) => code.chars().count() + 2,
        Event::InlineHtml(html) => html.chars().count(),
        Event::FootnoteReference(name) => name.chars().count() + 3,
        _ => 0,
    }
}

/// A line may start with this without turning into a list item, heading,
/// quote, table row or HTML block.
fn safe_line_start(event: &Event) -> bool {
    let Event::Text(text) = event else { return true };
    let Some(first) = text.chars().next() else {
        return false;
    };
    if "-+*#>=|~<`_[:!".contains(first) {
        return false;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    !(digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')') | None))
}

/// The appendix as Markdown text. Review text is plain text: every ASCII
/// punctuation character is backslash-escaped, which CommonMark always
/// reads as the literal character.
fn appendix_markdown(appendix: &Appendix) -> String {
    let mut out = String::new();
    if !appendix.comments.is_empty() {
        out.push_str("\n## Appendix: review comments\n");
        for comment in appendix.comments {
            out.push_str(&comment_item(comment));
        }
    }
    if !appendix.suggestions.is_empty() {
        out.push_str("\n## Appendix: suggested edits\n\n");
        for suggestion in appendix.suggestions {
            out.push_str(&suggestion_item(suggestion));
        }
    }
    if let Some(lint) = appendix.lint {
        out.push_str("\n## Appendix: lint summary\n\n");
        out.push_str(&literal(&lint.headline()));
        out.push('\n');
        if !lint.findings.is_empty() {
            out.push('\n');
        }
        for f in &lint.findings {
            let head = literal(&format!("Line {}, {}, {}:", f.line, f.severity, f.rule));
            out.push_str(&format!("- {head} {}\n", literal(&f.message)));
        }
    }
    out
}

/// `- **Ana Ruiz** (open): “plenty” → “little”. Note. Mia Chen: reply.`
fn suggestion_item(s: &ReviewSuggestion) -> String {
    let mut item = format!(
        "- **{}** ({}): {}",
        literal(&s.author),
        literal(&s.status_text()),
        literal(&s.before_after())
    );
    if let Some(note) = &s.note {
        item.push_str(&format!(" {}", literal(&format!("Note: {note}"))));
    }
    if let Some(reply) = &s.reply {
        let by = s.decided_by.as_deref().unwrap_or("The author");
        item.push_str(&format!(" {}", literal(&format!("{by}: {reply}"))));
    }
    item.push('\n');
    item
}

fn comment_item(comment: &ReviewComment) -> String {
    let mut item = format!("\n- **{}**", literal(&comment.author));
    if let Some(disposition) = &comment.disposition {
        item.push_str(&format!(" ({})", literal(disposition)));
    }
    item.push('\n');
    if let Some(quoted) = &comment.quoted {
        item.push_str(&format!("\n  > {}\n", literal(quoted)));
    }
    for body in comment
        .thread_text()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        item.push_str(&format!("\n  {}\n", literal(body)));
    }
    item
}

/// Plain text as literal Markdown on one line.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}
