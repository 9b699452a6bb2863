//! Finds the PR/FAQ's sections, in labelled drafts (headings with synonyms)
//! and plain-prose ones (dateline, quotations with attributions, the closing
//! paragraph), and the FAQ's questions and answers.

use crate::document::{Block, Document};
use crate::report::{Section, SectionKind};
use crate::text;
use crate::wordlists::{Matcher, HEADING_SYNONYMS};
use std::ops::Range;
use std::sync::LazyLock;

use SectionKind as K;

/// Where a block sits in the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Release,
    Faq,
    /// After the FAQ (appendix, glossary).
    After,
}

/// One FAQ question and what answers it.
#[derive(Clone, Debug)]
pub(crate) struct Question {
    pub kind: SectionKind,
    pub block: usize,
    /// Plain range of the question text in `block`.
    pub plain: Range<usize>,
    pub answer_words: usize,
}

/// A paragraph holding a quotation.
#[derive(Clone, Debug)]
pub(crate) struct QuoteInfo {
    pub block: usize,
    pub attributed: bool,
}

pub(crate) struct Outline {
    pub kinds: Vec<SectionKind>,
    /// A second role a block plays (the closing paragraph that both says how
    /// to get started and calls to action).
    pub also: Vec<Option<SectionKind>>,
    pub parts: Vec<Part>,
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub quotes: Vec<QuoteInfo>,
    pub headline: Option<usize>,
    pub summary: Option<usize>,
    /// The summary opens with a dateline.
    pub has_dateline: bool,
    /// The company named after the dateline ("Lumen Devices today ...").
    pub company: Option<String>,
}

impl Outline {
    pub fn has(&self, kind: SectionKind) -> bool {
        self.kinds.contains(&kind) || self.also.contains(&Some(kind))
    }

    /// Indexes of the blocks in a section kind (primary or second role).
    pub fn blocks_of(&self, kind: SectionKind) -> impl Iterator<Item = usize> + '_ {
        (0..self.kinds.len()).filter(move |&i| self.kinds[i] == kind || self.also[i] == Some(kind))
    }

    pub fn in_release(&self, block: usize) -> bool {
        self.parts[block] == Part::Release
    }
}

/// Normalises heading text for synonym lookups (done once per heading:
/// the functions below take its result).
fn normalize(heading: &str) -> String {
    heading
        .trim()
        .trim_end_matches([':', '.', '!', ' '])
        .trim()
        // "1. ", "2) ": numbering is no part of the label.
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim()
        .to_lowercase()
}

/// The section a normalised heading names, if it is a known label.
fn label_of(norm: &str) -> Option<SectionKind> {
    HEADING_SYNONYMS.by_kind.iter().find_map(|(kind, synonyms)| {
        synonyms
            .iter()
            .any(|s| norm == *s || norm.strip_prefix(s.as_str()).is_some_and(|r| r.starts_with(':')))
            .then_some(*kind)
    })
}

/// A heading's text, normalised, and the section label it names (looked up
/// once per heading: the functions below take it).
struct Heading {
    norm: String,
    label: Option<SectionKind>,
}

impl Heading {
    fn of(block: &Block) -> Heading {
        if !block.is_heading() {
            return Heading {
                norm: String::new(),
                label: None,
            };
        }
        let norm = normalize(block.plain);
        let label = label_of(&norm);
        Heading { norm, label }
    }
}

/// The FAQ kind a heading opens, if any ("Frequently Asked Questions",
/// "Internal FAQ", "Customer FAQ").
fn faq_heading(h: &Heading) -> Option<SectionKind> {
    if let Some(kind @ (K::Faq | K::ExternalFaq | K::InternalFaq)) = h.label {
        return Some(kind);
    }
    let norm = h.norm.as_str();
    if !(norm.contains("faq") || norm.contains("frequently asked")) {
        return None;
    }
    Some(faq_audience(norm).unwrap_or(K::Faq))
}

/// Internal or external, from the words of a FAQ heading.
fn faq_audience(norm: &str) -> Option<SectionKind> {
    if HEADING_SYNONYMS.internal_markers.is_match(norm) {
        Some(K::InternalFaq)
    } else if norm.starts_with("for ")
        || ["customer", "external", "user", "client"]
            .iter()
            .any(|w| norm.contains(w))
    {
        Some(K::ExternalFaq)
    } else {
        None
    }
}

/// A sub-heading inside the FAQ: a new FAQ part, or `None` for another
/// kind of section (a glossary).
fn faq_subheading(h: &Heading) -> Option<SectionKind> {
    match h.label {
        Some(k @ (K::Faq | K::ExternalFaq | K::InternalFaq)) => Some(k),
        Some(_) => None,
        None => faq_heading(h).or_else(|| faq_audience(&h.norm)),
    }
}

fn matcher(words: &[&str]) -> Matcher {
    Matcher::new(words.iter().copied())
}

static SPEECH_VERBS: LazyLock<Matcher> = LazyLock::new(|| {
    matcher(&[
        "said",
        "says",
        "added",
        "adds",
        "explained",
        "explains",
        "noted",
        "notes",
        "according to",
        "recalled",
        "recalls",
        "commented",
    ])
});
static LEADER_ROLES: LazyLock<Matcher> = LazyLock::new(|| {
    matcher(&[
        "ceo",
        "founder",
        "co-founder",
        "cofounder",
        "president",
        "chief",
        "officer",
        "vice president",
        "vp",
        "head of",
        "director",
        "general manager",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "mayor",
        "executive",
        "managing partner",
        "leader",
        "[title]",
        "title",
    ])
});
static TITLES: &[&str] = &[
    "mayor",
    "dr",
    "dr.",
    "colonel",
    "senator",
    "governor",
    "professor",
    "judge",
    "chef",
    "coach",
    "captain",
];
static GETTING_STARTED_CUES: LazyLock<Matcher> = LazyLock::new(|| {
    matcher(&[
        "available",
        "availability",
        "sign up",
        "signup",
        "download",
        "install",
        "order",
        "pre-order",
        "buy",
        "purchase",
        "price",
        "priced",
        "pricing",
        "costs",
        "free",
        "trial",
        "subscribe",
        "register",
        "get started",
        "app store",
        "google play",
        "ships",
        "to start",
        "start",
    ])
});
static NEXT_STEP_CUES: LazyLock<Matcher> = LazyLock::new(|| {
    matcher(&[
        "visit",
        "sign up",
        "download",
        "order",
        "pre-order",
        "call",
        "text",
        "contact",
        "go to",
        "request",
        "apply",
        "book",
        "register",
        "join",
        "try",
        "learn more",
        "start",
        "get a quote",
        "is available today",
        "are available today",
        "available now",
        "available for pre-order",
        "subscribe",
        "buy",
        "email",
    ])
});

/// True when a block links somewhere or names a web address, email or phone.
pub(crate) fn has_link(block: &Block) -> bool {
    block.links > 0 || has_address(block.plain)
}

/// A bare web address ("brand.example/path"), email address or phone number.
fn has_address(plain: &str) -> bool {
    if plain.contains("://") || plain.contains("www.") {
        return true;
    }
    let bytes = plain.as_bytes();
    let is_tld_at = |i: usize| {
        let tld: Vec<u8> = bytes[i + 1..]
            .iter()
            .copied()
            .take_while(u8::is_ascii_lowercase)
            .collect();
        tld.len() >= 2
            && bytes
                .get(i + 1 + tld.len())
                .is_none_or(|&c| !c.is_ascii_alphanumeric())
            && i >= 2
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes[i - 2].is_ascii_alphanumeric()
            && bytes[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
                .all(|c| !c.is_ascii_uppercase())
    };
    let phone = plain
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|t| t.matches('-').count() >= 2 && t.chars().filter(char::is_ascii_digit).count() >= 10);
    phone || (0..bytes.len()).any(|i| bytes[i] == b'.' && is_tld_at(i))
}

/// True when a closing paragraph gives a concrete next step.
pub(crate) fn has_next_step(block: &Block) -> bool {
    has_link(block) || NEXT_STEP_CUES.is_match(block.plain)
}

/// The plain offset where a dateline ends ("SEATTLE — June 10, 2025 —"),
/// if the text opens with one.
pub(crate) fn dateline_end(plain: &str) -> Option<usize> {
    let lead = plain.len() - plain.trim_start().len();
    // The city opens the text, in capitals (or a `[CITY]` placeholder).
    if !plain[lead..].starts_with(|c: char| c.is_uppercase() || c == '[') {
        return None;
    }
    let head_end = lead + plain[lead..].len().min(120);
    let window = &plain[..floor_boundary(plain, head_end)];
    let (sep, sep_len) = first_dash(window, lead)?;
    let head = &plain[lead..sep];
    let city = head.split(',').next().unwrap_or("").trim();
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let caps_city = letters >= 2
        && city.chars().all(|c| !c.is_lowercase())
        && city.starts_with(|c: char| c.is_uppercase() || c == '[');
    if !caps_city || head.len() > 80 {
        return None;
    }
    let mut end = sep + sep_len;
    // `CITY — Date —`: take the date's closing dash too.
    let rest_window = &plain[end..floor_boundary(plain, (end + 45).min(plain.len()))];
    if let Some((second, len)) = first_dash(rest_window, 0) {
        if !rest_window[..second].contains(['.', '!', '?']) || rest_window[..second].trim().len() < 30 {
            end += second + len;
        }
    }
    Some(end)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first dateline separator (em or en dash, `--`, or ` - `) at or after `from`.
fn first_dash(s: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    for i in memchr::memchr2_iter(0xE2, b'-', &bytes[from..]).map(|i| from + i) {
        if bytes[i] == 0xE2 {
            // "—" is E2 80 94, "–" is E2 80 93.
            if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])) {
                return Some((i, 3));
            }
        } else if i > from && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            return Some((i - 1, 3));
        } else if bytes.get(i + 1) == Some(&b'-') {
            return Some((i, 2));
        }
    }
    None
}

/// The company named between the dateline and "today".
fn company_after_dateline(plain: &str, end: usize) -> Option<String> {
    let rest = &plain[end..];
    let today = rest.find(" today")?;
    let name = rest[..today]
        .split(',')
        .next()?
        .trim()
        .trim_matches(['*', '_'])
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'));
    let pronoun = matches!(words.first(), Some(&("It" | "We" | "This" | "The" | "Our")));
    (!words.is_empty() && words.len() <= 5 && capitalised && !pronoun).then(|| name.to_string())
}

/// Who is quoted and in what role, from the text outside the quotation.
pub(crate) struct Attribution {
    pub role: String,
}

/// Finds "said NAME, ROLE", "said Mayor NAME", "NAME, ROLE, said" and the like.
pub(crate) fn attribution(block: &Block) -> Option<Attribution> {
    let plain = &block.plain;
    let outside = |r: &Range<usize>| !text::inside(block.quotations, r.start);
    for (_, verb) in SPEECH_VERBS.find(plain).filter(|(_, r)| outside(r)) {
        if let Some(a) = speaker_after(plain, verb.end).or_else(|| speaker_before(block, verb.start)) {
            return Some(a);
        }
    }
    None
}

fn speaker_after(plain: &str, from: usize) -> Option<Attribution> {
    let mut rest = plain[from..].trim_start();
    if let Some(r) = rest.strip_prefix("by ") {
        rest = r.trim_start();
    }
    let name_len = name_length(rest)?;
    let name = &rest[..name_len];
    let after = &rest[name_len..];
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    if TITLES.contains(&first.trim_end_matches('.')) || TITLES.contains(&first.as_str()) {
        return Some(Attribution { role: first });
    }
    let role = after.strip_prefix(',')?.trim();
    let role = role.split(['.', '"', '“']).next().unwrap_or("").trim();
    (!role.is_empty()).then(|| Attribution {
        role: role.to_string(),
    })
}

fn speaker_before(block: &Block, verb: usize) -> Option<Attribution> {
    let start = block
        .quotations
        .iter()
        .filter(|q| q.end <= verb)
        .map(|q| q.end)
        .max()
        .unwrap_or(0);
    let before = block.plain[start..verb].trim().trim_end_matches(',').trim();
    let (name, role) = before.split_once(',')?;
    let name = name.trim();
    (name_length(name).is_some() && !role.trim().is_empty()).then(|| Attribution {
        role: role.trim().to_string(),
    })
}

/// Length of a leading personal name: capitalised or bracketed words.
fn name_length(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut count = 0;
    for word in s.split_inclusive(' ') {
        let w = word.trim().trim_end_matches([',', '.']);
        let is_name = w.starts_with(|c: char| c.is_uppercase() || c == '[') || (count > 0 && w == "&");
        if !is_name || count >= 5 {
            break;
        }
        count += 1;
        let core = word.trim_end();
        let cut = core.find(',').unwrap_or(core.len());
        len += cut;
        if cut < core.len() {
            break;
        }
        len += word.len() - core.len();
    }
    (count > 0).then_some(len.min(s.len()))
}

/// A paragraph is a quote when it opens with a quotation of some length or
/// quotes someone with an attribution: then `Some` of its attribution.
fn quote_paragraph(block: &Block) -> Option<Option<Attribution>> {
    if !block.is_prose() || block.quotations.is_empty() {
        return None;
    }
    // No word crosses a quotation mark, so the block's words inside a
    // quotation are the quotation's words.
    let long = |r: &Range<usize>| {
        let first = block.words.partition_point(|w| w.start < r.start);
        block.words[first..]
            .iter()
            .take_while(|w| w.end <= r.end)
            .nth(4)
            .is_some()
    };
    let attribution = attribution(block);
    let opens =
        block.plain.trim_start().starts_with(['"', '“']) && block.quotations.first().is_some_and(long);
    let attributed = attribution.is_some();
    (opens || (attributed && block.quotations.iter().any(long))).then_some(attribution)
}

struct Builder<'a, 'd> {
    doc: &'a Document<'d>,
    out: Outline,
    labelled: Vec<bool>,
    /// Each heading's text, normalised, and its label (empty for other
    /// blocks).
    headings: Vec<Heading>,
}

pub(crate) fn outline(doc: &Document<'_>) -> Outline {
    let n = doc.blocks.len();
    let mut b = Builder {
        doc,
        out: Outline {
            kinds: vec![K::Other; n],
            also: vec![None; n],
            parts: vec![Part::Release; n],
            sections: Vec::new(),
            questions: Vec::new(),
            quotes: Vec::new(),
            headline: None,
            summary: None,
            has_dateline: false,
            company: None,
        },
        labelled: vec![false; n],
        headings: doc.blocks.iter().map(Heading::of).collect(),
    };
    let faq_start = b.mark_faq();
    b.release(faq_start);
    b.find_questions();
    b.build_sections();
    b.out
}

/// Blocks of the release that no heading claimed yet.
const UNSET: Option<SectionKind> = None;

impl Builder<'_, '_> {
    fn blocks(&self) -> &[Block<'_>] {
        &self.doc.blocks
    }

    /// Marks the FAQ part and its sub-sections; returns where it starts.
    fn mark_faq(&mut self) -> usize {
        let blocks = &self.doc.blocks;
        let first_h1 = blocks.iter().position(|b| b.level() == Some(1));
        let headings = &self.headings;
        let Some(start) = (0..blocks.len()).find(|&i| {
            Some(i) != first_h1 && blocks[i].level().is_some() && faq_heading(&headings[i]).is_some()
        }) else {
            return blocks.len();
        };
        let faq_level = blocks[start].level().unwrap_or(1);
        let mut current = faq_heading(&headings[start]).unwrap_or(K::Faq);
        let mut in_faq = true;
        for (i, b) in blocks.iter().enumerate().skip(start) {
            if let (Some(level), false) = (b.level(), i == start) {
                let question = b.plain.trim_end().ends_with('?');
                if level <= faq_level && !question {
                    match faq_heading(&headings[i]) {
                        Some(k) => {
                            in_faq = true;
                            current = k;
                        }
                        None => in_faq = false,
                    }
                } else if in_faq && !question {
                    match faq_subheading(&headings[i]) {
                        Some(k) => current = k,
                        None => current = K::Other,
                    }
                }
                self.labelled[i] = !question;
            }
            if i == start {
                self.labelled[i] = true;
            }
            self.out.parts[i] = if in_faq { Part::Faq } else { Part::After };
            self.out.kinds[i] = if in_faq { current } else { K::Other };
        }
        // Questions right under a generic FAQ heading are the customer FAQ.
        for (i, b) in blocks.iter().enumerate().skip(start) {
            if self.out.kinds[i] == K::Faq && !b.is_heading() {
                self.out.kinds[i] = K::ExternalFaq;
            }
        }
        for i in start..blocks.len().saturating_sub(1) {
            if self.out.kinds[i] == K::Faq
                && self.out.kinds[i + 1] == K::ExternalFaq
                && !blocks[i + 1].is_heading()
            {
                self.out.kinds[i] = K::ExternalFaq;
            }
        }
        start
    }

    /// Assigns the press-release blocks (before `end`) to sections.
    fn release(&mut self, end: usize) {
        let mut assigned: Vec<Option<SectionKind>> = vec![UNSET; end];
        self.out.headline = (0..end).find(|&i| self.blocks()[i].level() == Some(1));
        if let Some(h) = self.out.headline {
            assigned[h] = Some(K::Headline);
        }
        self.claim_by_headings(&mut assigned);
        self.find_summary(&mut assigned);
        self.find_quotes(&mut assigned);
        self.fill_plain_prose(&mut assigned);
        self.find_call_to_action(&mut assigned);
        for (i, kind) in assigned.into_iter().enumerate() {
            self.out.kinds[i] = kind.unwrap_or(K::Other);
        }
    }

    /// Labelled headings claim the blocks under them. A heading the outline
    /// does not know claims its blocks as "other" once the summary is behind.
    fn claim_by_headings(&mut self, assigned: &mut [Option<SectionKind>]) {
        let mut ctx: Option<(SectionKind, u8)> = None;
        let headline = self.out.headline;
        let mut seen_body = false;
        for (i, b) in self.doc.blocks.iter().enumerate().take(assigned.len()) {
            if Some(i) == headline {
                continue;
            }
            if let Some(level) = b.level() {
                let label = self.headings[i]
                    .label
                    .filter(|k| !k.is_faq() && *k != K::Headline);
                match (label, ctx) {
                    (Some(kind), _) => {
                        ctx = Some((kind, level));
                        self.labelled[i] = true;
                        assigned[i] = Some(kind);
                    }
                    (None, Some((kind, l))) if level > l => assigned[i] = Some(kind),
                    (None, _) if !seen_body => ctx = None,
                    (None, _) => {
                        ctx = Some((K::Other, level));
                        self.labelled[i] = true;
                        assigned[i] = Some(K::Other);
                    }
                }
                continue;
            }
            if dateline_end(b.plain).is_some() {
                seen_body = true;
            }
            if let Some((kind, _)) = ctx {
                assigned[i] = Some(kind);
                seen_body = true;
            }
        }
    }

    fn find_summary(&mut self, assigned: &mut [Option<SectionKind>]) {
        let start = self.out.headline.map_or(0, |h| h + 1);
        let blocks = &self.doc.blocks;
        let labelled =
            (0..assigned.len()).find(|&i| assigned[i] == Some(K::Summary) && !blocks[i].is_heading());
        let dateline = (start..assigned.len()).find(|&i| {
            matches!(assigned[i], None | Some(K::Summary | K::Other))
                && blocks[i].is_prose()
                && dateline_end(blocks[i].plain).is_some()
        });
        let first_plain = || {
            let mut i = start;
            // A heading or emphasised line right under the headline is the subheading.
            if self.out.headline.is_some()
                && i < assigned.len()
                && assigned[i].is_none()
                && (blocks[i].is_heading() || blocks[i].is_emphasised())
            {
                i += 1;
            }
            (i..assigned.len()).find(|&j| {
                assigned[j].is_none() && blocks[j].is_prose() && quote_paragraph(&blocks[j]).is_none()
            })
        };
        let summary = labelled.or(dateline).or_else(first_plain);
        let Some(s) = summary else {
            self.mark_subheading(assigned, assigned.len());
            return;
        };
        assigned[s] = Some(K::Summary);
        self.out.summary = Some(s);
        if let Some(end) = dateline_end(blocks[s].plain) {
            self.out.has_dateline = true;
            self.out.company = company_after_dateline(blocks[s].plain, end);
        }
        let first_of_summary = (0..=s).find(|&i| assigned[i] == Some(K::Summary)).unwrap_or(s);
        self.mark_subheading(assigned, first_of_summary);
    }

    /// Everything unclaimed between the headline and `until` is the subheading.
    fn mark_subheading(&mut self, assigned: &mut [Option<SectionKind>], until: usize) {
        let Some(h) = self.out.headline else { return };
        let blocks = &self.doc.blocks;
        let limit = if until == assigned.len() {
            // No summary: only a heading or emphasised line right under the headline.
            (h + 1..assigned.len())
                .take(1)
                .filter(|&i| blocks[i].is_heading() || blocks[i].is_emphasised())
                .map(|i| i + 1)
                .next()
                .unwrap_or(h + 1)
        } else {
            until
        };
        // A labelled summary may come before the headline: then nothing is
        // between them.
        let limit = limit.clamp(h + 1, assigned.len());
        for slot in &mut assigned[h + 1..limit] {
            if slot.is_none() || *slot == Some(K::Other) {
                *slot = Some(K::Subheading);
            }
        }
    }

    /// Quote paragraphs become the leader quote (the first one by a leader,
    /// or the first of several) and customer quotes.
    fn find_quotes(&mut self, assigned: &mut [Option<SectionKind>]) {
        let blocks = &self.doc.blocks;
        let mut found: Vec<(usize, bool, bool)> = Vec::new();
        for i in 0..assigned.len() {
            let ctx = assigned[i];
            if matches!(ctx, Some(K::Headline | K::Subheading | K::Summary)) {
                continue;
            }
            if let Some(attribution) = quote_paragraph(&blocks[i]) {
                let attributed = attribution.is_some();
                self.out.quotes.push(QuoteInfo { block: i, attributed });
                if matches!(ctx, Some(K::LeaderQuote | K::CustomerQuote)) {
                    continue;
                }
                let leader = attribution.is_some_and(|a| LEADER_ROLES.is_match(&a.role));
                found.push((i, leader, attributed));
            }
        }
        let labelled_leader = assigned.contains(&Some(K::LeaderQuote));
        let leader = if labelled_leader {
            None
        } else {
            found
                .iter()
                .find(|q| q.1)
                .or_else(|| found.first().filter(|_| found.len() >= 2))
                .map(|q| q.0)
        };
        for (i, _, _) in found {
            assigned[i] = Some(if Some(i) == leader {
                K::LeaderQuote
            } else {
                K::CustomerQuote
            });
        }
    }

    /// Plain-prose paragraphs: problem, then solution, before the quotes;
    /// getting started after them when they say how to get the product.
    fn fill_plain_prose(&mut self, assigned: &mut [Option<SectionKind>]) {
        let Some(summary) = self.out.summary else { return };
        let labelled = |k| assigned.contains(&Some(k));
        let (has_problem, has_solution) = (labelled(K::Problem), labelled(K::Solution));
        let mut previous = K::Summary;
        let mut seen_quote = false;
        let mut problem_done = has_problem;
        for i in summary + 1..assigned.len() {
            match assigned[i] {
                Some(K::LeaderQuote | K::CustomerQuote) => {
                    seen_quote = true;
                    continue;
                }
                Some(k) => {
                    previous = k;
                    continue;
                }
                None => {}
            }
            let kind = if !seen_quote {
                if !problem_done && !matches!(previous, K::Problem) {
                    problem_done = true;
                    K::Problem
                } else if !has_solution || previous == K::Problem || previous == K::Solution {
                    K::Solution
                } else {
                    previous
                }
            } else if !assigned.contains(&Some(K::GettingStarted))
                && GETTING_STARTED_CUES.is_match(self.doc.blocks[i].plain)
            {
                K::GettingStarted
            } else if previous == K::Summary {
                K::Solution
            } else {
                previous
            };
            assigned[i] = Some(kind);
            previous = kind;
        }
    }

    /// The last paragraph before the FAQ calls to action when it gives a
    /// next step; it may also be the only word on how to get started.
    fn find_call_to_action(&mut self, assigned: &mut [Option<SectionKind>]) {
        if assigned.contains(&Some(K::CallToAction)) || self.out.summary.is_none() {
            return;
        }
        let blocks = &self.doc.blocks;
        let Some(last) = (0..assigned.len())
            .rev()
            .find(|&i| blocks[i].is_prose() && !blocks[i].in_footnote)
        else {
            return;
        };
        if matches!(
            assigned[last],
            Some(K::Headline | K::Subheading | K::Summary | K::LeaderQuote | K::CustomerQuote)
        ) {
            return;
        }
        let block = &blocks[last];
        if !has_next_step(block) {
            return;
        }
        if assigned[last] == Some(K::GettingStarted) {
            self.out.also[last] = Some(K::CallToAction);
            return;
        }
        let needs_start = !assigned.contains(&Some(K::GettingStarted));
        assigned[last] = Some(K::CallToAction);
        if needs_start && GETTING_STARTED_CUES.is_match(block.plain) {
            self.out.also[last] = Some(K::GettingStarted);
        }
    }

    /// Questions: headings ending in "?", bold lines ending in "?", and
    /// lines opening with "Q:". The answer runs to the next question.
    fn find_questions(&mut self) {
        let blocks = &self.doc.blocks;
        let mut open: Option<usize> = None;
        for (i, b) in blocks.iter().enumerate() {
            let kind = self.out.kinds[i];
            if self.out.parts[i] != Part::Faq || !matches!(kind, K::ExternalFaq | K::InternalFaq | K::Faq) {
                open = None;
                continue;
            }
            if b.is_heading() {
                if b.plain.trim_end().ends_with('?') {
                    self.out.questions.push(Question {
                        kind,
                        block: i,
                        plain: 0..b.plain.len(),
                        answer_words: 0,
                    });
                    open = Some(self.out.questions.len() - 1);
                } else {
                    open = None;
                }
                continue;
            }
            let starts = question_starts(b);
            let first = starts.first().map_or(b.plain.len(), |q| q.start);
            if let Some(q) = open {
                self.out.questions[q].answer_words += answer_words(b, 0..first);
            }
            for (n, q) in starts.iter().enumerate() {
                let next = starts.get(n + 1).map_or(b.plain.len(), |r| r.start);
                let answer = answer_words(b, q.end..next);
                self.out.questions.push(Question {
                    kind,
                    block: i,
                    plain: q.clone(),
                    answer_words: answer,
                });
                open = Some(self.out.questions.len() - 1);
            }
        }
        for q in &mut self.out.questions {
            if q.kind == K::Faq {
                q.kind = K::ExternalFaq;
            }
        }
    }

    /// Merges consecutive blocks of one kind into outline sections.
    fn build_sections(&mut self) {
        let blocks = &self.doc.blocks;
        let mut sections: Vec<Section> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            let kind = self.out.kinds[i];
            let continues = i > 0
                && self.out.kinds[i - 1] == kind
                && !(self.labelled[i] && b.is_heading())
                // Two quote paragraphs in a row are two quotes.
                && (!matches!(kind, K::LeaderQuote | K::CustomerQuote) || blocks[i - 1].is_heading());
            match sections.last_mut() {
                Some(s) if continues => s.end = b.range.end,
                _ => sections.push(Section {
                    kind,
                    label: kind.label(),
                    title: b.is_heading().then(|| b.plain.trim().to_string()),
                    start: b.range.start,
                    end: b.range.end,
                    heading: self.labelled[i] && b.is_heading(),
                }),
            }
            if let Some(also) = self.out.also[i] {
                sections.push(Section {
                    kind: also,
                    label: also.label(),
                    title: None,
                    start: b.range.start,
                    end: b.range.end,
                    heading: false,
                });
            }
        }
        // A headline is its own section even when the heading is labelled.
        for s in &mut sections {
            if s.kind == K::Headline {
                s.heading = true;
            }
        }
        self.out.sections = sections;
    }
}

/// Plain ranges of the questions that open lines of a paragraph.
fn question_starts(b: &Block) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = b
        .styled
        .iter()
        .filter(|s| s.strong && s.line_start)
        .filter(|s| {
            let t = b.plain[s.range.clone()].trim();
            t.ends_with('?') || t.starts_with("Q:")
        })
        .map(|s| s.range.clone())
        .collect();
    for ls in b.line_starts() {
        let line = &b.plain[ls..];
        if line.trim_start().starts_with("Q:") && !out.iter().any(|r| r.start <= ls + 2 && r.end > ls) {
            let end = line.find('?').map_or(line.len(), |q| q + 1);
            out.push(ls..ls + end);
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Words in an answer, not counting placeholders ("TBD", "TODO").
fn answer_words(b: &Block, range: Range<usize>) -> usize {
    const PLACEHOLDERS: [&[u8]; 7] = [b"TBD", b"TODO", b"TK", b"TBC", b"XXX", b"A", b"N/A"];
    let first = b.words.partition_point(|w| w.start < range.start);
    let last = b.words.partition_point(|w| w.start < range.end);
    // Overlapping questions ("Q:" over a bold question) give an inverted,
    // empty range.
    let words = &b.words[first..last.max(first)];
    let bytes = b.plain.as_bytes();
    // No placeholder is longer than four bytes.
    let placeholders = words
        .iter()
        .filter(|w| w.len() <= 4)
        .filter(|w| {
            PLACEHOLDERS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&bytes[(*w).clone()]))
        })
        .count();
    words.len() - placeholders
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Tables;

    fn kinds(text: &str) -> Vec<SectionKind> {
        let mut tables = Tables::default();
        let doc = Document::parse(text, &mut tables);
        outline(&doc).sections.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn datelines_in_several_styles() {
        for t in [
            "SEATTLE — June 10, 2025 — Acme today",
            "PORTLAND, Ore. – March 4, 2025 – Lumen",
            "NEW YORK -- (May 1) -- Acme",
            "[CITY], [STATE] — [DATE] — Acme",
            "PITTSBURGH, June 2, 2025 - Metro",
        ] {
            assert!(dateline_end(t).is_some(), "{t}");
        }
        assert!(dateline_end("Seattle is rainy — and cold").is_none());
    }

    #[test]
    fn plain_prose_release_is_recognised() {
        let text = "# Acme Ships Rockets to Every Home\n\n## Launch from your backyard in ten minutes\n\n\
            SEATTLE — June 10, 2025 — Acme today launched Rocket.\n\n\
            People wait years for a launch.\n\nRocket fits in a garage.\n\n\
            \"We built it for you,\" said Ann Lee, CEO of Acme.\n\n\
            \"It took me ten minutes,\" said Bo Chan, a teacher in Ohio.\n\n\
            Order Rocket today at acme.example/rocket.\n\n## FAQ\n\n**Is it safe?**\nYes.\n";
        assert_eq!(
            kinds(text),
            [
                K::Headline,
                K::Subheading,
                K::Summary,
                K::Problem,
                K::Solution,
                K::LeaderQuote,
                K::CustomerQuote,
                K::GettingStarted,
                K::CallToAction,
                K::ExternalFaq
            ]
        );
    }

    #[test]
    fn a_labelled_summary_above_the_headline_is_no_subheading() {
        // Used to panic: the subheading range ran backwards.
        let k = kinds("## Summary\n\nSEATTLE — June 1, 2026 — Acme today shipped it.\n\n# Acme Ships Rockets Today\n\nMore text.\n");
        assert_eq!(k[0], SectionKind::Summary);
        assert!(k.contains(&SectionKind::Headline));
        assert!(!k.contains(&SectionKind::Subheading));
    }

    #[test]
    fn overlapping_questions_do_not_panic() {
        // Used to panic: "Q:" runs over the bold question on the next line,
        // so the first question's answer range ran backwards.
        let mut tables = Tables::default();
        let doc = Document::parse("# Title of it\n\n## FAQ\n\nQ:\n**Why?**\nBecause.\n", &mut tables);
        let o = outline(&doc);
        assert_eq!(o.questions.len(), 2);
        assert_eq!(o.questions[1].answer_words, 1);
    }

    #[test]
    fn labelled_release_is_recognised() {
        assert_eq!(
            kinds(crate::TEMPLATE)
                .into_iter()
                .filter(|k| *k != K::Other)
                .collect::<Vec<_>>(),
            [
                K::Headline,
                K::Subheading,
                K::Summary,
                K::Problem,
                K::Solution,
                K::LeaderQuote,
                K::GettingStarted,
                K::CustomerQuote,
                K::CallToAction,
                K::Faq,
                K::ExternalFaq,
                K::InternalFaq
            ]
        );
    }

    #[test]
    fn questions_in_bold_lines_and_q_prefixes() {
        let mut tables = Tables::default();
        let doc = Document::parse("# Title of it\n\n## FAQ\n\n**Why?** Because.\n**How?**\n\nQ: When? Now.\n\n### Internal\n\n### Is it cheap?\n\nYes it is.\n", &mut tables);
        let o = outline(&doc);
        let answers: Vec<(SectionKind, usize)> =
            o.questions.iter().map(|q| (q.kind, q.answer_words)).collect();
        assert_eq!(
            answers,
            [
                (K::ExternalFaq, 1),
                (K::ExternalFaq, 0),
                (K::ExternalFaq, 1),
                (K::InternalFaq, 3)
            ]
        );
    }

    #[test]
    fn attributions_need_a_name_and_a_role() {
        let attributed =
            |t: &str| attribution(&Document::parse(t, &mut Tables::default()).blocks[0]).is_some();
        assert!(attributed("\"Yes,\" said Ann Lee, CEO of Acme."));
        assert!(attributed("\"Yes,\" said Mayor Ann Lee."));
        assert!(attributed("\"Yes,\" Ann Lee, a nurse, said."));
        assert!(!attributed("\"Yes,\" said Ann."));
        assert!(!attributed("\"Yes, it works for everyone.\""));
    }
}
