//! What every rule sees (`Context`) and where it reports (`Sink`).

use crate::config::{Config, Dialect};
use crate::document::{Block, Document};
use crate::outline::{Outline, Part};
use crate::proofread::{self, Finding};
use crate::report::{SectionKind, Severity, WordCounts};
use crate::wordlists::{Hit, List, Matcher, WordLists};
use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::Arc;

pub(crate) struct Context<'a, 't> {
    pub doc: &'a Document<'t>,
    pub outline: &'a Outline,
    pub config: &'a Config,
    pub lists: &'a WordLists,
    /// Product names: front matter, else the config.
    pub products: Vec<String>,
    /// Company names: front matter, else the config, else the dateline.
    pub companies: Vec<String>,
    /// Extra customer words: config plus front matter.
    pub customers: Vec<String>,
    /// The draft's language, ISO 639-1 ("en").
    pub language: String,
    /// The word-list phrases in each block, found on first use.
    hits: OnceCell<BlockHits>,
    /// Harper's findings in each block, found on first use.
    proofs: OnceCell<Vec<Arc<[Finding]>>>,
    /// Answer without waiting for Harper on much new text
    /// ([`proofread::check_blocks_quickly`]).
    quick: bool,
    /// Harper's findings of some blocks were left for later.
    proofs_pending: Cell<bool>,
}

/// Every occurrence of a scanned phrase, block by block.
struct BlockHits {
    hits: Vec<Hit>,
    /// Where each block's hits start in `hits` (one more entry than blocks).
    starts: Vec<usize>,
}

impl<'a, 't> Context<'a, 't> {
    pub fn new(
        doc: &'a Document<'t>,
        outline: &'a Outline,
        config: &'a Config,
        lists: &'a WordLists,
        language: String,
    ) -> Self {
        let pick = |front: &Vec<String>, conf: &Vec<String>| {
            if front.is_empty() {
                conf.clone()
            } else {
                front.clone()
            }
        };
        let mut companies = pick(&doc.front.company, &config.companies);
        if companies.is_empty() {
            companies.extend(outline.company.clone());
        }
        let mut customers = config.customers.clone();
        customers.extend(doc.front.customer.iter().cloned());
        Context {
            doc,
            outline,
            config,
            lists,
            products: pick(&doc.front.product, &config.products),
            companies,
            customers,
            language,
            hits: OnceCell::new(),
            proofs: OnceCell::new(),
            quick: false,
            proofs_pending: Cell::new(false),
        }
    }

    /// A context whose spelling and grammar do not wait for Harper.
    pub fn quick(self) -> Self {
        Context { quick: true, ..self }
    }

    /// Whether spelling and grammar were left out of some blocks.
    pub fn proofs_pending(&self) -> bool {
        self.proofs_pending.get()
    }

    /// The spelling dialect: front matter `dialect:`, else the config's.
    pub fn dialect(&self) -> Dialect {
        self.doc
            .front
            .dialect
            .as_deref()
            .and_then(Dialect::parse)
            .unwrap_or(self.config.dialect)
    }

    /// Harper's spelling and grammar findings, block by block (shared by
    /// the `spelling` and `grammar` rules).
    pub fn proofs(&self) -> &[Arc<[Finding]>] {
        self.proofs.get_or_init(|| {
            let dialect = self.dialect();
            if self.quick {
                let plains: Vec<&str> = self.blocks().iter().map(|b| b.plain).collect();
                let (found, pending) = proofread::check_blocks_quickly(&plains, dialect);
                self.proofs_pending.set(pending);
                return found;
            }
            self.blocks()
                .iter()
                .map(|b| proofread::check_block(b.plain, dialect))
                .collect()
        })
    }

    /// Scans the blocks of the press release and FAQ once for every word list.
    fn hits(&self) -> &BlockHits {
        self.hits.get_or_init(|| {
            let mut hits = Vec::new();
            let mut starts = Vec::with_capacity(self.blocks().len() + 1);
            for (i, block) in self.blocks().iter().enumerate() {
                starts.push(hits.len());
                if self.outline.parts[i] != Part::After {
                    self.lists.scanner.scan(block.plain, &mut hits);
                }
            }
            starts.push(hits.len());
            BlockHits { hits, starts }
        })
    }

    /// Whole-word matches of a word list in a block's plain text, as a
    /// leftmost-longest search of the block for that list finds them:
    /// `(index in the list, plain range)`. Blocks of the press release and
    /// FAQ only.
    pub fn matches(&self, block: usize, list: List) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.matches_in(block, list, 0..self.blocks()[block].plain.len())
    }

    /// Like [`Context::matches`], searching only the plain range `within`
    /// (a sentence) as if it were the whole text.
    pub fn matches_in(
        &self,
        block: usize,
        list: List,
        within: Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        let h = self.hits();
        let hits = &h.hits[h.starts[block]..h.starts[block + 1]];
        self.lists
            .scanner
            .select(hits, list, self.blocks()[block].plain, within)
    }

    pub fn blocks(&self) -> &'a [Block<'t>] {
        &self.doc.blocks
    }

    pub fn kind(&self, block: usize) -> SectionKind {
        self.outline.kinds[block]
    }

    /// Blocks of the press release and FAQ (not an appendix after the FAQ).
    pub fn body(&self) -> impl Iterator<Item = (usize, &'a Block<'t>)> + '_ {
        self.blocks()
            .iter()
            .enumerate()
            .filter(|(i, _)| self.outline.parts[*i] != Part::After)
    }

    /// Blocks of the press release part.
    pub fn release(&self) -> impl Iterator<Item = (usize, &'a Block<'t>)> + '_ {
        self.blocks()
            .iter()
            .enumerate()
            .filter(|(i, _)| self.outline.in_release(*i))
    }

    pub fn faq(&self) -> impl Iterator<Item = (usize, &'a Block<'t>)> + '_ {
        self.blocks()
            .iter()
            .enumerate()
            .filter(|(i, _)| self.outline.parts[*i] == Part::Faq)
    }

    /// The byte range of a block's first line (for whole-block findings).
    pub fn first_line(&self, block: &Block) -> Range<usize> {
        let text = &self.doc.text.as_bytes()[block.range.clone()];
        let len = memchr::memchr2(b'\n', b'\r', text).unwrap_or(text.len());
        block.range.start..block.range.start + len
    }

    /// Where to point a finding about something missing: the FAQ heading,
    /// else the last block, else the start.
    pub fn end_anchor(&self) -> Range<usize> {
        self.blocks().last().map_or(0..0, |b| self.first_line(b))
    }

    pub fn headline_anchor(&self) -> Range<usize> {
        match self.outline.headline.or(self.outline.summary) {
            Some(i) => self.first_line(&self.blocks()[i]),
            None => self.blocks().first().map_or(0..0, |b| self.first_line(b)),
        }
    }

    /// Words in a set of blocks.
    pub fn words_in<'b, 'p: 'b>(blocks: impl Iterator<Item = (usize, &'b Block<'p>)>) -> usize {
        blocks.map(|(_, b)| b.words.len()).sum()
    }

    pub fn word_counts(&self) -> WordCounts {
        WordCounts {
            press_release: Self::words_in(self.release()),
            faq: Self::words_in(self.faq()),
        }
    }

    pub fn missing_sections(&self) -> Vec<SectionKind> {
        let mut missing: Vec<SectionKind> = SectionKind::REQUIRED
            .into_iter()
            .filter(|k| !self.outline.has(*k))
            .collect();
        if self.outline.headline.is_none() {
            missing.insert(0, SectionKind::Headline);
        }
        for faq in [SectionKind::ExternalFaq, SectionKind::InternalFaq] {
            if !self.outline.has(faq) {
                missing.push(faq);
            }
        }
        missing
    }

    /// A matcher for names (products, companies), if there are any.
    pub fn names(names: &[String]) -> Option<Matcher> {
        let names: Vec<&str> = names.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        (!names.is_empty()).then(|| Matcher::for_draft(names))
    }
}

/// A finding before positions are computed.
pub(crate) struct Found {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    /// Overrides the section found from the range.
    pub section: Option<Option<SectionKind>>,
    pub fix: Option<RawFix>,
}

pub(crate) struct RawFix {
    pub range: Range<usize>,
    pub replacement: String,
    /// Other replacements of the same range, likeliest first.
    pub alternatives: Vec<String>,
}

pub(crate) struct Sink {
    rule: &'static str,
    severity: Severity,
    pub found: Vec<Found>,
}

impl Sink {
    pub fn new(rule: &'static str, severity: Severity) -> Sink {
        Sink {
            rule,
            severity,
            found: Vec::new(),
        }
    }

    pub fn report(&mut self, range: Range<usize>, message: impl Into<String>) {
        self.push(range, message.into(), None, None);
    }

    pub fn report_in(
        &mut self,
        range: Range<usize>,
        section: Option<SectionKind>,
        message: impl Into<String>,
    ) {
        self.push(range, message.into(), Some(section), None);
    }

    /// A finding the lint is not sure of (a candidate exists but is
    /// weak): one severity lower than the rule's.
    pub fn report_unsure(
        &mut self,
        range: Range<usize>,
        section: Option<SectionKind>,
        message: impl Into<String>,
    ) {
        self.unsure(|sink| sink.push(range, message.into(), Some(section), None));
    }

    /// [`Sink::report_fix`], one severity lower.
    pub fn report_fix_unsure(
        &mut self,
        range: Range<usize>,
        message: impl Into<String>,
        fix: Option<(Range<usize>, String)>,
    ) {
        self.unsure(|sink| sink.report_fix(range, message, fix));
    }

    fn unsure(&mut self, report: impl FnOnce(&mut Sink)) {
        let severity = self.severity;
        self.severity = match severity {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        };
        report(self);
        self.severity = severity;
    }

    pub fn report_fix(
        &mut self,
        range: Range<usize>,
        message: impl Into<String>,
        fix: Option<(Range<usize>, String)>,
    ) {
        let fix = fix.map(|(range, replacement)| RawFix {
            range,
            replacement,
            alternatives: Vec::new(),
        });
        self.push(range, message.into(), None, fix);
    }

    /// A finding with several likely replacements of one range: the first
    /// is the fix, the rest its alternatives.
    pub fn report_choices(
        &mut self,
        range: Range<usize>,
        message: String,
        fix: Range<usize>,
        choices: Vec<String>,
    ) {
        let mut choices = choices.into_iter();
        let fix = choices.next().map(|replacement| RawFix {
            range: fix,
            replacement,
            alternatives: choices.collect(),
        });
        self.push(range, message, None, fix);
    }

    fn push(
        &mut self,
        range: Range<usize>,
        message: String,
        section: Option<Option<SectionKind>>,
        fix: Option<RawFix>,
    ) {
        self.found.push(Found {
            rule: self.rule,
            severity: self.severity,
            message,
            range,
            section,
            fix,
        });
    }
}
