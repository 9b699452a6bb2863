//! Configuration: rule severities, thresholds, names and word-list edits.
//!
//! `Config::default()` is the spec's behaviour. `Config::from_toml` reads a
//! `dateline.toml` text (the caller reads the file: this crate does no I/O)
//! and reports every problem it finds with its line and column; entries that
//! are wrong are skipped and the defaults stay in force for them, and a file
//! that is not valid TOML at all leaves every default in place.

use crate::catalog;
use crate::report::Severity;
use crate::wordlists::{ListEdits, WordLists};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Numbers the rules compare against.
#[derive(Clone, Debug, PartialEq)]
pub struct Thresholds {
    /// `long-sentence`: a sentence with more words than this.
    pub long_sentence_words: usize,
    /// `release-too-long`: a press release with more words than this.
    pub release_max_words: usize,
    /// `faq-too-long`: a FAQ with more words than this.
    pub faq_max_words: usize,
    /// `headline-length`: bounds on the headline's words.
    pub headline_max_words: usize,
    pub headline_min_words: usize,
    /// `too-many-steps`: most steps getting started may take.
    pub max_steps: usize,
    /// `long-paragraph`: most sentences in a press-release paragraph.
    pub paragraph_max_sentences: usize,
    /// `few-questions`: fewest questions a FAQ should have.
    pub min_questions: usize,
    /// `readability`: highest Flesch-Kincaid grade for a section.
    pub max_grade: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            long_sentence_words: 30,
            release_max_words: 600,
            faq_max_words: 2500,
            headline_max_words: 15,
            headline_min_words: 3,
            max_steps: 3,
            paragraph_max_sentences: 4,
            min_questions: 3,
            max_grade: 10.0,
        }
    }
}

/// The English spelling the `spelling` and `grammar` rules expect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    #[default]
    American,
    British,
    Canadian,
    Australian,
}

impl Dialect {
    pub const ALL: [Dialect; 4] = [
        Dialect::American,
        Dialect::British,
        Dialect::Canadian,
        Dialect::Australian,
    ];

    /// `american`, `british`, `canadian` or `australian` (any case).
    pub fn parse(name: &str) -> Option<Dialect> {
        Dialect::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(name.trim()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::American => "american",
            Dialect::British => "british",
            Dialect::Canadian => "canadian",
            Dialect::Australian => "australian",
        }
    }
}

/// The team dictionary's file name, beside `dateline.toml` in the drafts
/// folder: one word per line, `#` starts a comment.
pub const WORDS_FILE: &str = "dateline-words.txt";

/// A problem found in a config text, with its 1-based position.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ConfigProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Everything a lint run can be told. `Default` is the spec's behaviour.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Severity overrides by rule id; `None` turns the rule off.
    severities: BTreeMap<&'static str, Option<Severity>>,
    pub thresholds: Thresholds,
    /// The product's name(s), for `problem-names-solution`. A draft's front
    /// matter `product:` replaces these.
    pub products: Vec<String>,
    /// The company's name(s), for `inside-out`. Front matter `company:`
    /// replaces these; without either, the name before "today" in the
    /// dateline paragraph is used.
    pub companies: Vec<String>,
    /// Extra words that name the customer ("patients"), for `inside-out`.
    /// Front matter `customer:` adds to these.
    pub customers: Vec<String>,
    /// The drafts' language (ISO 639-1, "de"), instead of detecting it.
    /// Front matter `language:` overrides it.
    pub language: Option<String>,
    /// The spelling to expect; front matter `dialect:` overrides it.
    pub dialect: Dialect,
    /// Words the team accepts (its words file), lowercased.
    team_words: BTreeSet<String>,
    lists: ListEdits,
    compiled: OnceLock<Arc<WordLists>>,
}

/// The word lists a config can edit, for [`Config::edit_list`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordList {
    Jargon,
    Weasel,
    Adjectives,
    /// Acronyms readers know without a definition.
    Acronyms,
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        match self.severities.get(rule) {
            Some(s) => *s,
            None => catalog::info(rule).map(|r| r.default_severity),
        }
    }

    /// Sets a rule's severity (`None` = off). Returns false for an unknown id.
    pub fn set_severity(&mut self, rule: &str, severity: Option<Severity>) -> bool {
        match catalog::info(rule) {
            Some(info) => {
                self.severities.insert(info.id, severity);
                true
            }
            None => false,
        }
    }

    /// Adds words to a list (`(word, suggestion)`; the suggestion is used by
    /// jargon only), removes words, or replaces the built-in list outright.
    pub fn edit_list(
        &mut self,
        list: WordList,
        add: Vec<(String, Option<String>)>,
        remove: Vec<String>,
        replace: bool,
    ) {
        let edit = match list {
            WordList::Jargon => &mut self.lists.jargon,
            WordList::Weasel => &mut self.lists.weasel,
            WordList::Adjectives => &mut self.lists.adjectives,
            WordList::Acronyms => &mut self.lists.acronyms,
        };
        edit.add.extend(add);
        edit.remove.extend(remove);
        edit.replace |= replace;
        self.compiled = OnceLock::new();
    }

    /// The compiled word lists: the shared built-in ones unless edited.
    pub(crate) fn word_lists(&self) -> Arc<WordLists> {
        if self.lists.is_default() {
            return WordLists::builtin();
        }
        self.compiled
            .get_or_init(|| Arc::new(WordLists::with_edits(&self.lists)))
            .clone()
    }

    /// Adds the words of a team words file ([`WORDS_FILE`]): one word per
    /// line, `#` comments and blank lines skipped. Spelling accepts them in
    /// any case.
    pub fn add_team_words(&mut self, text: &str) {
        let words = text
            .lines()
            .map(|line| line.split('#').next().unwrap_or("").trim())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase);
        self.team_words.extend(words);
    }

    /// True when the team words file accepts `word`.
    pub fn is_team_word(&self, word: &str) -> bool {
        !self.team_words.is_empty() && self.team_words.contains(&word.to_lowercase())
    }

    /// Reads a `dateline.toml` text. Never fails: problems are returned and
    /// the defaults stay in force wherever the text is wrong.
    pub fn from_toml(text: &str) -> (Config, Vec<ConfigProblem>) {
        let mut reader = Reader {
            text,
            config: Config::default(),
            problems: Vec::new(),
        };
        match DeTable::parse(text) {
            Ok(table) => reader.read_root(table.get_ref()),
            Err(err) => {
                let at = err.span().map(|s| s.start).unwrap_or(0);
                let message = format!("this is not valid TOML: {}", err.message().trim());
                reader.problem(at, message);
            }
        }
        (reader.config, reader.problems)
    }
}

type Entry<'a> = (&'a Spanned<std::borrow::Cow<'a, str>>, &'a Spanned<DeValue<'a>>);

struct Reader<'t> {
    text: &'t str,
    config: Config,
    problems: Vec<ConfigProblem>,
}

impl Reader<'_> {
    fn problem(&mut self, offset: usize, message: String) {
        let (line, column) = line_column(self.text, offset);
        self.problems.push(ConfigProblem {
            line,
            column,
            message,
        });
    }

    fn read_root(&mut self, root: &DeTable<'_>) {
        for (key, value) in root.iter() {
            match key.get_ref().as_ref() {
                "product" | "products" => {
                    self.config.products = self.strings(value, "product");
                }
                "company" | "companies" => {
                    self.config.companies = self.strings(value, "company");
                }
                "customer" | "customers" => {
                    self.config.customers = self.strings(value, "customer");
                }
                "language" | "lang" => match value.get_ref() {
                    DeValue::String(code) => self.config.language = Some(code.to_lowercase()),
                    _ => self.problem(
                        value.span().start,
                        "`language` must be a language code, like \"de\"".to_string(),
                    ),
                },
                "dialect" => match value.get_ref() {
                    DeValue::String(name) if Dialect::parse(name).is_some() => {
                        self.config.dialect = Dialect::parse(name).unwrap_or_default();
                    }
                    _ => self.problem(
                        value.span().start,
                        "`dialect` must be \"american\", \"british\", \"canadian\" or \"australian\"".into(),
                    ),
                },
                "rules" => self.each_entry(value, "rules", Self::read_rule),
                "thresholds" => self.each_entry(value, "thresholds", Self::read_threshold),
                "jargon" => self.read_list(value, WordList::Jargon),
                "weasel" => self.read_list(value, WordList::Weasel),
                "adjectives" => self.read_list(value, WordList::Adjectives),
                "acronyms" => self.read_list(value, WordList::Acronyms),
                other => self.problem(
                    key.span().start,
                    format!(
                        "unknown setting `{other}`; expected product, company, customer, \
                         language, dialect, [rules], [thresholds], [jargon], [weasel], [adjectives] or [acronyms]"
                    ),
                ),
            }
        }
    }

    fn each_entry(&mut self, value: &Spanned<DeValue<'_>>, name: &str, f: fn(&mut Self, Entry<'_>)) {
        match value.get_ref() {
            DeValue::Table(table) => {
                for entry in table.iter() {
                    f(self, entry);
                }
            }
            _ => self.problem(
                value.span().start,
                format!("`{name}` must be a table, like [{name}]"),
            ),
        }
    }

    fn read_rule(&mut self, (key, value): Entry<'_>) {
        let id = key.get_ref().as_ref();
        let Some(info) = catalog::info(id) else {
            self.problem(
                key.span().start,
                format!("unknown rule `{id}`; `dateline rules` lists every rule id"),
            );
            return;
        };
        let level = match value.get_ref() {
            DeValue::String(s) if s.eq_ignore_ascii_case("off") => Some(None),
            DeValue::String(s) => Severity::parse(s).map(Some),
            DeValue::Boolean(false) => Some(None),
            DeValue::Boolean(true) => Some(Some(info.default_severity)),
            _ => None,
        };
        match level {
            Some(level) => {
                self.config.severities.insert(info.id, level);
            }
            None => self.problem(
                value.span().start,
                format!("rule `{id}` must be \"error\", \"warning\", \"info\" or \"off\""),
            ),
        }
    }

    fn read_threshold(&mut self, (key, value): Entry<'_>) {
        let name = key.get_ref().as_ref();
        let t = &mut self.config.thresholds;
        let slot: &mut usize = match name {
            "long-sentence-words" => &mut t.long_sentence_words,
            "release-max-words" | "release-too-long-words" => &mut t.release_max_words,
            "faq-max-words" | "faq-too-long-words" => &mut t.faq_max_words,
            "headline-max-words" => &mut t.headline_max_words,
            "headline-min-words" => &mut t.headline_min_words,
            "max-steps" => &mut t.max_steps,
            "paragraph-max-sentences" => &mut t.paragraph_max_sentences,
            "min-questions" => &mut t.min_questions,
            "max-grade" => {
                match number(value.get_ref()) {
                    Some(n) if n >= 0.0 => t.max_grade = n,
                    _ => self.problem(value.span().start, "`max-grade` must be a number, like 10".into()),
                }
                return;
            }
            _ => {
                self.problem(
                    key.span().start,
                    format!(
                        "unknown threshold `{name}`; known: long-sentence-words, release-max-words, \
                         faq-max-words, headline-max-words, headline-min-words, max-steps, \
                         paragraph-max-sentences, min-questions, max-grade"
                    ),
                );
                return;
            }
        };
        match number(value.get_ref()) {
            Some(n) if n >= 0.0 && n.fract() == 0.0 => *slot = n as usize,
            _ => self.problem(
                value.span().start,
                format!("`{name}` must be a whole number, like 30"),
            ),
        }
    }

    fn read_list(&mut self, value: &Spanned<DeValue<'_>>, list: WordList) {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span().start,
                "a word list must be a table with add, remove or replace".into(),
            );
            return;
        };
        let (mut add, mut remove, mut replace) = (Vec::new(), Vec::new(), false);
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "add" => add = self.list_additions(value, list),
                "remove" => remove = self.strings(value, "remove"),
                "replace" => match value.get_ref() {
                    DeValue::Boolean(b) => replace = *b,
                    _ => self.problem(value.span().start, "`replace` must be true or false".into()),
                },
                other => self.problem(
                    key.span().start,
                    format!("unknown key `{other}` in a word list; use add, remove or replace"),
                ),
            }
        }
        self.config.edit_list(list, add, remove, replace);
    }

    /// `add` is a list of words, or for jargon a table of word = suggestion.
    fn list_additions(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        list: WordList,
    ) -> Vec<(String, Option<String>)> {
        if let (WordList::Jargon, DeValue::Table(table)) = (list, value.get_ref()) {
            let mut out = Vec::new();
            for (word, suggestion) in table.iter() {
                match suggestion.get_ref() {
                    DeValue::String(s) => {
                        let s = (!s.trim().is_empty()).then(|| s.to_string());
                        out.push((word.get_ref().to_string(), s));
                    }
                    _ => self.problem(
                        suggestion.span().start,
                        "a jargon suggestion must be a string".into(),
                    ),
                }
            }
            return out;
        }
        self.strings(value, "add")
            .into_iter()
            .map(|w| (w, None))
            .collect()
    }

    /// A string or an array of strings.
    fn strings(&mut self, value: &Spanned<DeValue<'_>>, name: &str) -> Vec<String> {
        match value.get_ref() {
            DeValue::String(s) => vec![s.to_string()],
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(s.to_string()),
                        _ => self.problem(item.span().start, format!("`{name}` must list strings")),
                    }
                }
                out
            }
            _ => {
                self.problem(
                    value.span().start,
                    format!("`{name}` must be a string or a list of strings"),
                );
                Vec::new()
            }
        }
    }
}

fn number(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// 1-based line and column (in chars) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_spec() {
        let c = Config::default();
        assert_eq!(c.severity("missing-headline"), Some(Severity::Error));
        assert_eq!(c.severity("passive-voice"), Some(Severity::Info));
        assert_eq!(c.severity("no-such-rule"), None);
        assert_eq!(c.thresholds.long_sentence_words, 30);
    }

    #[test]
    fn reads_severities_thresholds_and_names() {
        let (c, problems) = Config::from_toml(
            "product = [\"PocketCell\", \"Pocket Cell\"]\n\
             [rules]\njargon = \"error\"\npassive-voice = \"off\"\n\
             [thresholds]\nlong-sentence-words = 25\nmax-grade = 12.5\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.severity("jargon"), Some(Severity::Error));
        assert_eq!(c.severity("passive-voice"), None);
        assert_eq!(c.thresholds.long_sentence_words, 25);
        assert_eq!(c.thresholds.max_grade, 12.5);
        assert_eq!(c.products, ["PocketCell", "Pocket Cell"]);
    }

    #[test]
    fn reports_bad_entries_with_their_line_and_keeps_the_rest() {
        let (c, problems) =
            Config::from_toml("[rules]\njargon = \"loud\"\nno-such-rule = \"off\"\nweasel-word = \"info\"\n");
        assert_eq!(c.severity("jargon"), Some(Severity::Warning));
        assert_eq!(c.severity("weasel-word"), Some(Severity::Info));
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(problems[1].message.contains("no-such-rule"));
    }

    #[test]
    fn invalid_toml_gives_one_problem_and_all_defaults() {
        let (c, problems) = Config::from_toml("[rules]\njargon = \n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
        assert_eq!(c.severity("jargon"), Some(Severity::Warning));
    }

    #[test]
    fn reads_the_dialect_and_team_words() {
        let (mut c, problems) = Config::from_toml("dialect = \"British\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.dialect, Dialect::British);
        c.add_team_words("# our words\nHelioTile\n\n  kWh  # energy\n");
        assert!(c.is_team_word("heliotile") && c.is_team_word("KWH"));
        assert!(!c.is_team_word("our"));
        let (c, problems) = Config::from_toml("dialect = \"klingon\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(c.dialect, Dialect::American);
    }

    #[test]
    fn word_list_edits_are_applied() {
        let (c, problems) =
            Config::from_toml("[jargon]\nadd = { \"circle back\" = \"reply\" }\nremove = [\"leverage\"]\n");
        assert!(problems.is_empty(), "{problems:?}");
        let lists = c.word_lists();
        assert!(lists.jargon_entry("circle back").is_some());
        assert!(lists.jargon_entry("leverage").is_none());
    }
}
