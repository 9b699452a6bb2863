//! The word lists (data files in `data/`), compiled once into Aho-Corasick
//! automata. A config that edits a list gets its own compiled copy.
//!
//! The lists the rules look for in running text (jargon, weasel words,
//! adjectives, future tense, company and customer words, internal-FAQ and
//! engineering topics) share one automaton, the [`Scanner`]: each block is
//! scanned once for all of them, then each list's matches are picked as if it
//! had been searched on its own.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind, StartKind};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

const JARGON: &str = include_str!("../data/jargon.toml");
const WEASEL: &str = include_str!("../data/weasel.txt");
const ADJECTIVES: &str = include_str!("../data/adjectives.txt");
const ACRONYMS: &str = include_str!("../data/acronyms.txt");
const CUSTOMERS: &str = include_str!("../data/customers.txt");
const TOPICS: &str = include_str!("../data/topics.toml");
const FUTURE: &str = include_str!("../data/future.txt");
const COMPANY: &str = include_str!("../data/company.txt");

/// Additions and removals a config makes to one list.
#[derive(Clone, Debug, Default)]
pub(crate) struct ListEdit {
    /// Words to add, with a suggestion (used by jargon only).
    pub add: Vec<(String, Option<String>)>,
    pub remove: Vec<String>,
    /// Drop the built-in list first.
    pub replace: bool,
}

impl ListEdit {
    pub fn is_empty(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty() && !self.replace
    }
}

/// A jargon term and what to say instead.
#[derive(Clone, Debug)]
pub(crate) struct Term {
    pub word: String,
    pub suggestion: Option<String>,
    /// The suggestion can replace the word as is.
    pub fixable: bool,
}

/// Finds whole-word, case-insensitive occurrences of a set of phrases.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// Lowercased phrases searched directly: a draft's few names are
    /// cheaper to scan for than to compile.
    plain: Vec<Vec<u8>>,
}

impl Matcher {
    /// A matcher built once and shared. A contiguous NFA, not a full DFA:
    /// these lists are searched in short texts (headings, a summary), where
    /// a DFA's faster scan never repays its build, which every process
    /// (each `dateline lint`) pays before its first finding.
    pub fn new<I, S>(phrases: I) -> Matcher
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self::build(phrases, AhoCorasickKind::ContiguousNFA)
    }

    /// A matcher built for one draft (its product names): nothing to compile.
    pub fn for_draft<I, S>(phrases: I) -> Matcher
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let plain = phrases
            .into_iter()
            .map(|p| p.as_ref().to_ascii_lowercase().into_bytes())
            .filter(|p| !p.is_empty())
            .collect();
        Matcher { ac: None, plain }
    }

    fn build<I, S>(phrases: I, kind: AhoCorasickKind) -> Matcher
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let phrases: Vec<String> = phrases.into_iter().map(|p| p.as_ref().to_string()).collect();
        if phrases.is_empty() {
            return Matcher {
                ac: None,
                plain: Vec::new(),
            };
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(&phrases)
            .ok();
        Matcher {
            ac,
            plain: Vec::new(),
        }
    }

    /// `(phrase index, byte range)` of each whole-word match in `hay`.
    pub fn find<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, Range<usize>)> + 'h {
        let automaton = self
            .ac
            .iter()
            .flat_map(move |ac| ac.find_iter(hay))
            .map(|m| (m.pattern().as_usize(), m.start()..m.end()));
        let direct = self
            .plain
            .iter()
            .enumerate()
            .flat_map(move |(i, p)| find_plain(hay, p).map(move |r| (i, r)));
        automaton
            .chain(direct)
            .filter(move |(_, r)| is_whole_word(hay, r.start, r.end))
    }

    pub fn is_match(&self, hay: &str) -> bool {
        self.find(hay).next().is_some()
    }
}

/// Case-insensitive occurrences of a lowercased phrase, on char boundaries.
fn find_plain<'h>(hay: &'h str, phrase: &'h [u8]) -> impl Iterator<Item = Range<usize>> + 'h {
    let bytes = hay.as_bytes();
    let last = bytes.len().saturating_sub(phrase.len() - 1);
    // Candidates start with the phrase's first byte in either case.
    let first = phrase[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &bytes[..last])
        .filter(move |&i| hay.is_char_boundary(i) && bytes[i..i + phrase.len()].eq_ignore_ascii_case(phrase))
        .filter(move |&i| hay.is_char_boundary(i + phrase.len()))
        .map(move |i| i..i + phrase.len())
}

/// True when `start..end` is not glued to letters or digits on either side.
pub(crate) fn is_whole_word(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// All lists, compiled.
#[derive(Debug)]
pub(crate) struct WordLists {
    /// Jargon terms, in the order of [`List::Jargon`]'s phrases.
    pub terms: Vec<Term>,
    /// Per weasel phrase: whether deleting it is a safe fix.
    pub weasel_droppable: Vec<bool>,
    /// Acronyms that need no definition.
    pub acronyms: HashSet<String>,
    /// Every list the rules search running text for (these three and the
    /// fixed ones), in one automaton.
    pub scanner: Scanner,
}

/// Edits to the built-in word lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct ListEdits {
    pub jargon: ListEdit,
    pub weasel: ListEdit,
    pub adjectives: ListEdit,
    pub acronyms: ListEdit,
}

impl ListEdits {
    pub(crate) fn is_default(&self) -> bool {
        [&self.jargon, &self.weasel, &self.adjectives, &self.acronyms]
            .iter()
            .all(|e| e.is_empty())
    }
}

static BUILTIN: LazyLock<Arc<WordLists>> =
    LazyLock::new(|| Arc::new(WordLists::with_edits(&Default::default())));

impl WordLists {
    pub fn builtin() -> Arc<WordLists> {
        BUILTIN.clone()
    }

    pub fn with_edits(edits: &ListEdits) -> WordLists {
        let terms = edited(
            builtin_terms(),
            &edits.jargon,
            |word, suggestion| Term {
                word,
                suggestion,
                fixable: false,
            },
            |t| &t.word,
        );
        let weasel = edited(parse_lines(WEASEL), &edits.weasel, |w, _| w, |w| w);
        let adjectives = edited(parse_lines(ADJECTIVES), &edits.adjectives, |w, _| w, |w| w);
        let acronyms = edited(parse_lines(ACRONYMS), &edits.acronyms, |w, _| w, |w| w);
        let weasel_droppable = weasel.iter().map(|w| w.ends_with(DROP)).collect();
        let weasel: Vec<String> = weasel
            .into_iter()
            .map(|w| w.trim_end_matches(DROP).trim().to_string())
            .collect();
        let scanner = Scanner::new([
            (List::Jargon, terms.iter().map(|t| t.word.as_str()).collect()),
            (List::Weasel, weasel.iter().map(String::as_str).collect()),
            (List::Adjectives, adjectives.iter().map(String::as_str).collect()),
            (List::Future, FUTURE_PHRASES.iter().map(String::as_str).collect()),
            (List::Sides, side_phrases().collect()),
            (
                List::InternalTopics,
                TOPIC_LISTS.internal.phrases.iter().map(String::as_str).collect(),
            ),
            (
                List::EngineeringTopics,
                TOPIC_LISTS
                    .engineering
                    .phrases
                    .iter()
                    .map(String::as_str)
                    .collect(),
            ),
        ]);
        WordLists {
            terms,
            weasel_droppable,
            acronyms: acronyms.into_iter().collect(),
            scanner,
        }
    }

    #[cfg(test)]
    pub fn jargon_entry(&self, word: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.word.eq_ignore_ascii_case(word))
    }
}

const DROP: &str = "(drop)";

/// Applies an edit to a built-in list: replace, remove, then add.
fn edited<T>(
    builtin: Vec<T>,
    edit: &ListEdit,
    make: impl Fn(String, Option<String>) -> T,
    word: impl Fn(&T) -> &String,
) -> Vec<T> {
    let mut list = if edit.replace { Vec::new() } else { builtin };
    list.retain(|item| {
        let w = word(item).trim_end_matches(DROP).trim();
        !edit.remove.iter().any(|r| r.eq_ignore_ascii_case(w))
    });
    list.extend(
        edit.add
            .iter()
            .filter(|(w, _)| !w.trim().is_empty())
            .map(|(w, s)| make(w.trim().to_string(), s.clone())),
    );
    list
}

/// Lines of a `.txt` list, without comments and blanks.
pub(crate) fn parse_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn builtin_terms() -> Vec<Term> {
    let table: toml::Table = toml::from_str(JARGON).expect("data/jargon.toml is valid TOML");
    table
        .into_iter()
        .map(|(word, v)| Term {
            word,
            suggestion: v.get("suggest").and_then(|s| s.as_str()).map(str::to_string),
            fixable: v.get("fix").and_then(|f| f.as_bool()).unwrap_or(false),
        })
        .collect()
}

/// Words that name the customer, for `inside-out`.
pub(crate) fn customer_words() -> Vec<String> {
    parse_lines(CUSTOMERS)
}

/// "will", "is going to", …: what `future-tense` looks for.
static FUTURE_PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| parse_lines(FUTURE));

/// "we", "our", …: the company's side for `inside-out`.
static COMPANY_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| parse_lines(COMPANY));
static CUSTOMER_WORDS: LazyLock<Vec<String>> = LazyLock::new(customer_words);

/// Irregular past participles ("built"), for `passive-voice`.
pub(crate) static IRREGULAR_PARTICIPLES: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_lines(include_str!("../data/participles.txt")));

/// Participles read as adjectives after "be" ("excited"), for `passive-voice`.
pub(crate) static ADJECTIVAL_PARTICIPLES: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_lines(include_str!("../data/adjectival.txt")));

/// Capitals that are placeholders ("TODO"), for `undefined-acronym`.
pub(crate) static PLACEHOLDERS: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_lines(include_str!("../data/placeholders.txt")));

/// Words before a keyword to send ("text STOP"), for `undefined-acronym`.
pub(crate) static KEYWORD_VERBS: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_lines(include_str!("../data/keyword-verbs.txt")));

/// How many of [`List::Sides`]' phrases are the company's (they come first).
pub(crate) fn company_word_count() -> usize {
    COMPANY_WORDS.len()
}

/// Company words first, then customer words: one list counts both sides.
fn side_phrases() -> impl Iterator<Item = &'static str> {
    COMPANY_WORDS
        .iter()
        .chain(CUSTOMER_WORDS.iter())
        .map(String::as_str)
}

/// The lists the [`Scanner`] searches for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    Jargon,
    Weasel,
    Adjectives,
    /// "will", "is going to" (`future-tense`).
    Future,
    /// Company words, then customer words (`inside-out`).
    Sides,
    InternalTopics,
    EngineeringTopics,
}

/// One occurrence of a scanned phrase in a text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    /// The pattern in the scanner's automaton.
    pattern: u32,
}

/// Several phrase lists in one automaton. [`Scanner::scan`] reports every
/// occurrence of every phrase (overlapping ones too) in one pass;
/// [`Scanner::select`] then picks one list's matches exactly as a
/// leftmost-longest search for that list alone would, whole words only.
#[derive(Debug)]
pub(crate) struct Scanner {
    /// The automaton's transitions, copied into a flat table walked byte by
    /// byte in [`Scanner::scan`].
    table: Option<Table>,
    /// Per pattern: its list and its index in that list.
    owner: Vec<(List, usize)>,
}

impl Scanner {
    pub fn new<const N: usize>(lists: [(List, Vec<&str>); N]) -> Scanner {
        let mut patterns: Vec<&str> = Vec::new();
        let mut owner = Vec::new();
        for (list, phrases) in lists {
            for (index, phrase) in phrases.into_iter().enumerate() {
                // An empty phrase would match everywhere (and between the
                // bytes of a character): never a word.
                if !phrase.is_empty() {
                    patterns.push(phrase);
                    owner.push((list, index));
                }
            }
        }
        let dfa = (!patterns.is_empty())
            .then(|| {
                DFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Unanchored)
                    // Only its transitions are used: no prefilter to build.
                    .prefilter(false)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        let table = dfa.and_then(|dfa| Table::from_dfa(&dfa, &patterns));
        Scanner { table, owner }
    }

    /// Appends every occurrence of every phrase in `hay` to `out`, sorted by
    /// start, then longest first, then by pattern (the order in which a
    /// leftmost-longest search prefers them).
    pub fn scan(&self, hay: &str, out: &mut Vec<Hit>) {
        let Some(t) = &self.table else { return };
        let from = out.len();
        let bytes = hay.as_bytes();
        match t.split_point(bytes) {
            Some(mid) => t.walk_two(bytes, mid, out),
            None => t.walk(bytes, 0, t.start, out),
        }
        out[from..].sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.pattern));
    }

    /// The whole-word matches of `list` in `hay[within]`, as a
    /// leftmost-longest search of `hay[within]` for that list alone finds
    /// them: `(index in the list, byte range in hay)`. `hits` are the
    /// [`Scanner::scan`] hits of `hay`.
    pub fn select<'a>(
        &'a self,
        hits: &'a [Hit],
        list: List,
        hay: &'a str,
        within: Range<usize>,
    ) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
        let first = hits.partition_point(|h| h.start < within.start);
        let mut next = within.start;
        let slice = &hay[within.clone()];
        let (start, end) = (within.start, within.end);
        hits[first..]
            .iter()
            .take_while(move |h| h.start < end)
            .filter_map(move |h| {
                let (owner, index) = self.owner[h.pattern as usize];
                // A list's search resumes after its last match, and sees
                // nothing past the end of the text it searches.
                if owner != list || h.start < next || h.end > end {
                    return None;
                }
                next = h.end;
                Some((index, h.start..h.end))
            })
            .filter(move |(_, r)| is_whole_word(slice, r.start - start, r.end - start))
    }
}

/// An unanchored Aho-Corasick DFA as one flat table: the next state is
/// `trans[state + classes[byte]]`, where a state is its row's offset, and
/// the states with matches are the last rows. A walk is then a load, an add
/// and a compare per byte, and two walks can share one loop
/// ([`Table::walk_two`]), which the crate's `Automaton` interface leaves
/// no room for.
#[derive(Debug)]
struct Table {
    classes: [u8; 256],
    /// Columns per row: one per class.
    stride: u32,
    trans: Vec<u32>,
    start: u32,
    first_match: u32,
    /// Every state goes back to the start on a byte of class 0.
    resets: bool,
    /// Match row `m` reports `matches[match_starts[m]..match_starts[m + 1]]`.
    match_starts: Vec<u32>,
    matches: Vec<u32>,
    pattern_lens: Vec<u32>,
}

impl Table {
    /// Texts shorter than this are walked in one piece.
    const TWO_WALKS_FROM: usize = 128;

    /// Where `bytes` can be cut into two walks that find the same hits as
    /// one: just after a byte no phrase holds (the walk is back at the start
    /// there, and no hit spans it), near the middle.
    fn split_point(&self, bytes: &[u8]) -> Option<usize> {
        if !self.resets || bytes.len() < Self::TWO_WALKS_FROM {
            return None;
        }
        let half = bytes.len() / 2;
        let at = bytes[half..]
            .iter()
            .position(|&b| self.classes[usize::from(b)] == 0)?;
        Some(half + at + 1)
    }

    /// Every hit in `bytes`, whose first byte is at `offset` in the text,
    /// walking on from `state`.
    fn walk(&self, bytes: &[u8], offset: usize, mut state: u32, out: &mut Vec<Hit>) {
        // Locals, so that the loop keeps them in registers across pushes.
        let (trans, classes, first_match) = (&self.trans[..], &self.classes, self.first_match);
        for i in 0..bytes.len() {
            state = trans[(state + u32::from(classes[usize::from(bytes[i])])) as usize];
            if state >= first_match {
                self.push_matches(state, offset + i + 1, out);
            }
        }
    }

    /// [`Table::walk`] of `bytes[..mid]` and `bytes[mid..]`, a byte of each
    /// in turn: each step waits for the previous state's load (the table
    /// outgrows the first-level cache), so two independent walks overlap
    /// their waits. Draft 20's scan took 42 µs in one walk, 25 µs in two.
    fn walk_two(&self, bytes: &[u8], mid: usize, out: &mut Vec<Hit>) {
        let (left, right) = bytes.split_at(mid);
        let (trans, classes, first_match) = (&self.trans[..], &self.classes, self.first_match);
        let (mut a, mut b) = (self.start, self.start);
        let n = left.len().min(right.len());
        for i in 0..n {
            a = trans[(a + u32::from(classes[usize::from(left[i])])) as usize];
            b = trans[(b + u32::from(classes[usize::from(right[i])])) as usize];
            if a >= first_match {
                self.push_matches(a, i + 1, out);
            }
            if b >= first_match {
                self.push_matches(b, mid + i + 1, out);
            }
        }
        // The longer part's rest, from where its walk stopped.
        let (rest, offset, state) = if left.len() > n {
            (&left[n..], n, a)
        } else {
            (&right[n..], mid + n, b)
        };
        self.walk(rest, offset, state, out);
    }

    /// The hits of the match state `state`, whose patterns end at `end`.
    #[inline(never)]
    fn push_matches(&self, state: u32, end: usize, out: &mut Vec<Hit>) {
        let m = ((state - self.first_match) / self.stride) as usize;
        let patterns = &self.matches[self.match_starts[m] as usize..self.match_starts[m + 1] as usize];
        out.extend(patterns.iter().map(|&pattern| Hit {
            start: end - self.pattern_lens[pattern as usize] as usize,
            end,
            pattern,
        }));
    }

    /// Copies every state reachable from the start (all of them) out of `dfa`.
    fn from_dfa(dfa: &DFA, patterns: &[&str]) -> Option<Table> {
        let (classes, reps) = byte_classes(patterns);
        let start = dfa.start_state(Anchored::No).ok()?;
        // Breadth first from the start; then the rows with matches go last.
        let mut order = vec![start];
        let mut seen = HashSet::from([start]);
        let mut next = 0;
        while next < order.len() {
            let sid = order[next];
            next += 1;
            for &byte in &reps {
                let to = dfa.next_state(Anchored::No, sid, byte);
                if seen.insert(to) {
                    order.push(to);
                }
            }
        }
        order.sort_by_key(|&sid| dfa.is_match(sid));
        let stride = u32::try_from(reps.len()).ok()?;
        let row: std::collections::HashMap<_, u32> = order
            .iter()
            .enumerate()
            .map(|(i, &sid)| Some((sid, u32::try_from(i).ok()?.checked_mul(stride)?)))
            .collect::<Option<_>>()?;
        let first_match = order
            .iter()
            .position(|&sid| dfa.is_match(sid))
            .unwrap_or(order.len());
        let mut table = Table {
            classes,
            stride,
            trans: Vec::with_capacity(order.len() * reps.len()),
            start: row[&start],
            resets: false,
            first_match: u32::try_from(first_match).ok()?.checked_mul(stride)?,
            match_starts: vec![0],
            matches: Vec::new(),
            pattern_lens: patterns.iter().map(|p| p.len() as u32).collect(),
        };
        for &sid in &order {
            table
                .trans
                .extend(reps.iter().map(|&b| row[&dfa.next_state(Anchored::No, sid, b)]));
            if dfa.is_match(sid) {
                table
                    .matches
                    .extend((0..dfa.match_len(sid)).map(|k| dfa.match_pattern(sid, k).as_u32()));
                table.match_starts.push(table.matches.len() as u32);
            }
        }
        table.resets = table
            .trans
            .iter()
            .step_by(reps.len())
            .all(|&to| to == table.start);
        Some(table)
    }
}

/// Byte classes for case-insensitive phrases: each byte the phrases hold
/// (ASCII letters folded) is its own class, and every other byte, which
/// only ever leads back towards the start, shares class 0. Returns the
/// class of each byte and a representative byte of each class.
fn byte_classes(patterns: &[&str]) -> ([u8; 256], Vec<u8>) {
    let mut used = [false; 256];
    for b in patterns.iter().flat_map(|p| p.bytes()) {
        used[usize::from(b.to_ascii_lowercase())] = true;
    }
    let mut classes = [0u8; 256];
    // A byte no phrase holds stands for class 0 (there is one: 0xFF never
    // occurs in UTF-8).
    let mut reps = vec![0xFF];
    for b in 0..=255u8 {
        let folded = b.to_ascii_lowercase();
        if !used[usize::from(folded)] {
            continue;
        }
        if folded == b {
            // Under 256 classes: UTF-8 never holds C0, C1 or F5 to FF, and A-Z fold.
            classes[usize::from(b)] = reps.len() as u8;
            reps.push(b);
        }
    }
    for b in b'A'..=b'Z' {
        classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
    }
    (classes, reps)
}

/// A topic the internal FAQ should cover.
#[derive(Debug)]
pub(crate) struct Topic {
    pub name: String,
    pub ask: String,
}

pub(crate) struct Topics {
    pub internal: TopicList,
    pub engineering: TopicList,
}

/// Topics with all their phrases (searched by the [`Scanner`]).
pub(crate) struct TopicList {
    pub topics: Vec<Topic>,
    pub phrases: Vec<String>,
    /// The topics of each phrase ("batch" belongs to two).
    pub owner: Vec<Vec<usize>>,
    /// The list the phrases are scanned as.
    pub scanned: List,
}

pub(crate) static TOPIC_LISTS: LazyLock<Topics> = LazyLock::new(|| {
    let table: toml::Table = toml::from_str(TOPICS).expect("data/topics.toml is valid TOML");
    let read = |key: &str, scanned: List| -> TopicList {
        let items = table
            .get(key)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default();
        let (mut all, mut owner): (Vec<String>, Vec<Vec<usize>>) = (Vec::new(), Vec::new());
        let topics = items
            .iter()
            .enumerate()
            .map(|(index, t)| {
                let text = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
                let phrases = t.get("phrases").and_then(|v| v.as_array()).into_iter().flatten();
                for p in phrases.filter_map(|p| p.as_str()) {
                    match all.iter().position(|a| a.eq_ignore_ascii_case(p)) {
                        Some(i) => owner[i].push(index),
                        None => {
                            all.push(p.to_string());
                            owner.push(vec![index]);
                        }
                    }
                }
                Topic {
                    name: text("name"),
                    ask: text("ask"),
                }
            })
            .collect();
        TopicList {
            topics,
            phrases: all,
            owner,
            scanned,
        }
    };
    Topics {
        internal: read("internal", List::InternalTopics),
        engineering: read("engineering", List::EngineeringTopics),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lists = WordLists::builtin();
        assert!(lists.jargon_entry("leverage").is_some_and(|t| t.fixable));
        assert!(lists.acronyms.contains("CEO"));
        assert_eq!(TOPIC_LISTS.internal.topics.len(), 5);
        assert_eq!(TOPIC_LISTS.engineering.topics.len(), 3);
    }

    #[test]
    fn matches_whole_words_only() {
        let m = Matcher::new(["some", "very"]);
        let found: Vec<_> = m.find("Awesome, some very everyday").map(|(_, r)| r).collect();
        assert_eq!(found, [9..13, 14..18]);
    }

    /// Every occurrence, as the crate's own overlapping search reports it.
    fn overlapping(patterns: &[&str], hay: &str) -> Vec<(usize, usize, u32)> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(patterns)
            .unwrap();
        let mut hits: Vec<_> = ac
            .find_overlapping_iter(hay)
            .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
            .collect();
        hits.sort_unstable_by_key(|h| (h.0, std::cmp::Reverse(h.1), h.2));
        hits
    }

    #[test]
    fn flat_table_finds_what_the_automaton_finds() {
        let patterns = [
            "state of the art",
            "art",
            "e-bike",
            "don\u{2019}t",
            "Q&A",
            "ta b",
            "caf\u{e9}",
            "a",
        ];
        let scanner = Scanner::new([(List::Jargon, patterns.to_vec())]);
        assert!(scanner.table.as_ref().is_some_and(|t| t.resets));
        // Phrases across words, cases and chars of several bytes; its
        // prefixes and suffixes of 128 bytes or more are walked in two
        // pieces, cut at every place in turn.
        let hay = "State of the ART e-bikes: don\u{2019}t ask. Q&A at the caf\u{e9}, data base, \
                   a start-of-the-art STATE OF THE ART kit, art; e-Bike, Don\u{2019}t! Zzz."
            .repeat(2);
        let bounds = (0..=hay.len()).filter(|&i| hay.is_char_boundary(i));
        for part in bounds.flat_map(|i| [&hay[..i], &hay[i..]]) {
            let mut hits = Vec::new();
            scanner.scan(part, &mut hits);
            let found: Vec<_> = hits.iter().map(|h| (h.start, h.end, h.pattern)).collect();
            assert_eq!(found, overlapping(&patterns, part), "in {part:?}");
        }
    }
}
