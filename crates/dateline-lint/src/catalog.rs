//! What each rule is, for people and for the config: its id, default
//! severity, explanation and examples, in the spec's order. It sits below
//! the config, which checks rule ids and default severities here, and
//! below the checks in `rules/`, which report under these ids.

use crate::report::Severity;
use serde::Serialize;

/// What a rule is, for people: shown in the app's hover cards and printed by
/// `dateline rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The stable public id (`long-sentence`).
    pub id: &'static str,
    pub default_severity: Severity,
    /// What it catches, in one line.
    pub summary: &'static str,
    /// One paragraph: why it matters and what to do.
    pub explanation: &'static str,
    pub good: &'static str,
    pub bad: &'static str,
}

pub(crate) const MISSING_HEADLINE: RuleInfo = RuleInfo {
    id: "missing-headline",
    default_severity: Severity::Error,
    summary: "no H1 headline",
    explanation: "A press release starts with a headline a journalist could print: one H1 line that says who gets what. Without it readers do not know what launched, and the outline cannot anchor the rest of the draft. If the draft starts with a smaller heading, make it the H1.",
    good: "# Lumen Launches PocketCell, a Phone Battery That Charges in Ten Minutes",
    bad: "## Lumen launches PocketCell (a second-level heading, or no heading at all)",
};

pub(crate) const HEADLINE_LENGTH: RuleInfo = RuleInfo {
    id: "headline-length",
    default_severity: Severity::Warning,
    summary: "headline over 15 words or under 3",
    explanation: "A headline is read at a glance. Over 15 words it turns into a summary paragraph; under 3 it cannot say who gets what. Keep the headline between 3 and 15 words (both limits can be set in the config) and move the detail to the subheading.",
    good: "# Harborline Opens Its Freight Portal to Small Shippers",
    bad: "# Harborline Logistics Today Announced the Launch of Harborline Direct, a Self-Service Portal for Booking, Tracking and Paying for Ocean Freight",
};

pub(crate) const MISSING_SUBHEADING: RuleInfo = RuleInfo {
    id: "missing-subheading",
    default_severity: Severity::Warning,
    summary: "nothing between headline and summary",
    explanation: "The subheading, right under the headline, names the customer and the benefit in one sentence. It is the second thing every reader sees and often the only other line they read. Add a heading or an emphasised line between the headline and the summary paragraph.",
    good: "# Atlas Maps Works Without a Signal\n\n## Hikers and drivers can now search and get directions with no connection at all",
    bad: "# Atlas Maps Works Without a Signal\n\nDENVER — May 13, 2025 — Atlas today released ...",
};

pub(crate) const MISSING_DATELINE: RuleInfo = RuleInfo {
    id: "missing-dateline",
    default_severity: Severity::Warning,
    summary: "summary does not open with a dateline",
    explanation: "A real press release opens its first paragraph with a dateline: the city, optionally the region, and the launch date, set off by dashes. It tells the reader this is news and when it happens, and it forces the team to pick a launch date. Start the summary with `CITY, Region — Month Day, Year —`.",
    good: "**SEATTLE — June 10, 2025 —** Harborline Logistics today opened Harborline Direct, ...",
    bad: "Harborline Logistics is opening Harborline Direct, a self-service portal, ...",
};

pub(crate) const MISSING_SECTION: RuleInfo = RuleInfo {
    id: "missing-section",
    default_severity: Severity::Error,
    summary: "summary, problem, solution, leader quote, getting started, customer quote or call to action not found",
    explanation: "A working-backwards press release has the same parts in every draft: the summary, the customer's problem, the solution, a quote from a leader, how to get started, a quote from a customer, and a call to action. Each missing part is a question the team has not answered yet. Use labelled headings (`## Problem`) or write them as plain paragraphs in that order; quotes need a speaker and a role. When the outline guesses wrong, write `<!-- dateline: problem -->` (or any part's id: `leader-quote`, `getting-started`, `other`...) on the line before the block. When a paragraph may be the part but the outline is not sure, the finding is a warning that names its line.",
    good: "\"We built it for you,\" said Ann Lee, CEO of Acme.  (a leader quote the outline finds)",
    bad: "A press release that goes from the solution straight to the call to action, with no quotes.",
};

pub(crate) const SECTION_ORDER: RuleInfo = RuleInfo {
    id: "section-order",
    default_severity: Severity::Warning,
    summary: "sections out of the order above",
    explanation: "Readers expect a press release in a fixed order: summary, problem, solution, leader quote, how to get started, customer quote, call to action. The problem comes before the solution so the solution has something to solve; the call to action closes. How to get started and the customer quote may swap places, as many real releases do. Move the section to its place.",
    good: "Summary, problem, solution, leader quote, getting started, customer quote, call to action.",
    bad: "Summary, solution, problem, ... (the solution before the problem it solves)",
};

pub(crate) const PROBLEM_NAMES_SOLUTION: RuleInfo = RuleInfo {
    id: "problem-names-solution",
    default_severity: Severity::Warning,
    summary: "the product's name appears in the problem paragraph",
    explanation: "The problem paragraph describes the customer's world before the product exists. Naming the product there turns the problem into a pitch and hides whether the problem is real. Set the product name in front matter (`product: Name`) or in dateline.toml, and keep it out of the problem; bring it in with the solution.",
    good: "People carry power banks because their phones die at the worst moment, but most take hours to recharge.",
    bad: "Without PocketCell, people carry heavy power banks that take hours to recharge.",
};

pub(crate) const UNATTRIBUTED_QUOTE: RuleInfo = RuleInfo {
    id: "unattributed-quote",
    default_severity: Severity::Warning,
    summary: "a quotation with no named speaker and role",
    explanation: "A quote is only credible when the reader knows who said it and why they matter: a named person and their role. An anonymous quotation reads as marketing copy. Attribute every quote in the press release: \"...,\" said NAME, ROLE.",
    good: "\"Now I top it up at the gate,\" said Marcus Oyelaran, a field engineer in Denver.",
    bad: "\"Now I top it up at the gate and forget about it.\"",
};

pub(crate) const TOO_MANY_STEPS: RuleInfo = RuleInfo {
    id: "too-many-steps",
    default_severity: Severity::Warning,
    summary: "getting started has more than 3 steps",
    explanation: "If getting started takes more than three steps in the press release, it will take more in real life, and customers drop off at every step. Cut the steps (the limit can be set in the config), or make the product do them for the customer.",
    good: "1. Download the app\n2. Scan the code on the bike\n3. Ride",
    bad: "1. Create an account\n2. Verify your email\n3. Add a card\n4. Download the app\n5. Pair the bike",
};

pub(crate) const NO_CALL_TO_ACTION_LINK: RuleInfo = RuleInfo {
    id: "no-call-to-action-link",
    default_severity: Severity::Info,
    summary: "call to action has no link or concrete next step",
    explanation: "The call to action is the last thing the reader sees: it should tell them exactly what to do next and where. A closing that only restates the mission leaves an interested reader with nowhere to go. Give a link, an address or a phone number, or a concrete step (\"Download the app\").",
    good: "Sign up at greenleaf.example/pickup. The first month is free.",
    bad: "We look forward to changing how cities think about compost.",
};

pub(crate) const RELEASE_TOO_LONG: RuleInfo = RuleInfo {
    id: "release-too-long",
    default_severity: Severity::Warning,
    summary: "press release part over 600 words (about one page)",
    explanation: "The press release is one page: about 600 words (settable in the config). Past that, it stops being something a journalist would print and becomes a spec. Keep the summary, problem, solution, quotes and call to action; move tables, feature lists and detail into the FAQ.",
    good: "A press release of 450 words, with pricing detail in the FAQ.",
    bad: "A press release of 1,400 words with three tables and a feature list.",
};

pub(crate) const LONG_PARAGRAPH: RuleInfo = RuleInfo {
    id: "long-paragraph",
    default_severity: Severity::Info,
    summary: "a press-release paragraph over 4 sentences",
    explanation: "Press-release paragraphs are short: each makes one point in four sentences or fewer (settable in the config). A long paragraph usually holds two points, and the second one gets lost. Split it, or cut the sentences that do not serve the point.",
    good: "A summary of three sentences: what launched, for whom, and what it costs.",
    bad: "A summary of seven sentences that also explains the history of the company.",
};

pub(crate) const MISSING_EXTERNAL_FAQ: RuleInfo = RuleInfo {
    id: "missing-external-faq",
    default_severity: Severity::Error,
    summary: "no customer FAQ",
    explanation: "The external FAQ answers what a customer would ask after reading the press release: price, limits, what happens when something goes wrong. Writing it is how the team finds the gaps in the product. Add a \"Frequently asked questions\" heading, then the customer's questions, each with its answer.",
    good: "## Frequently asked questions\n\n**How much does it cost?**\nIt costs $49.",
    bad: "A press release that ends after the call to action.",
};

pub(crate) const MISSING_INTERNAL_FAQ: RuleInfo = RuleInfo {
    id: "missing-internal-faq",
    default_severity: Severity::Error,
    summary: "no internal FAQ",
    explanation: "The internal FAQ is where the team answers the hard questions its own leaders will ask: how big the market is, what each unit costs, what the launch depends on, why it could fail, and what it will not do. Without it the PR/FAQ is a pitch, not a plan. Add an \"Internal FAQ\" (or \"Stakeholder FAQ\") heading under the FAQ.",
    good: "### Internal FAQ\n\n**What are the biggest risks?**\nStorage is the main one ...",
    bad: "A FAQ with only customer questions.",
};

pub(crate) const FEW_QUESTIONS: RuleInfo = RuleInfo {
    id: "few-questions",
    default_severity: Severity::Warning,
    summary: "a FAQ with fewer than 3 questions",
    explanation: "A FAQ with one or two questions has not yet met its readers. Customers and stakeholders always ask more: price, limits, failure cases, cost, risks. Aim for at least three questions in each of the customer and internal FAQs (the minimum can be set in the config).",
    good: "An internal FAQ with questions on market size, cost per unit and risks.",
    bad: "### Internal FAQ\n\n**When do we launch?**\nIn May.",
};

pub(crate) const UNANSWERED_QUESTION: RuleInfo = RuleInfo {
    id: "unanswered-question",
    default_severity: Severity::Error,
    summary: "a question with an empty answer",
    explanation: "A FAQ question with no answer, or only a placeholder like TBD, marks a decision the team has not made. That is useful while drafting, but the PR/FAQ is not ready for review until every question has a real answer. Answer it, or remove the question.",
    good: "**Is there a free trial?**\nYes: 14 days, no card needed.",
    bad: "**Is there a free trial?**\nTBD.",
};

pub(crate) const FAQ_TOO_LONG: RuleInfo = RuleInfo {
    id: "faq-too-long",
    default_severity: Severity::Warning,
    summary: "FAQ over 2,500 words (about five pages)",
    explanation: "The FAQ should fit in about five pages, 2,500 words (settable in the config). Longer, and reviewers stop reading before the hard questions. Merge questions that overlap, shorten answers to the decision and its reason, and move reference material to an appendix.",
    good: "A FAQ of 1,800 words across 15 questions.",
    bad: "A FAQ of 4,000 words that reproduces the product spec.",
};

pub(crate) const INTERNAL_FAQ_TOPIC: RuleInfo = RuleInfo {
    id: "internal-faq-topic",
    default_severity: Severity::Warning,
    summary: "the internal FAQ never addresses market size, unit economics / cost, dependencies, risks or non-goals",
    explanation: "Leaders reviewing a PR/FAQ always ask five things: how big the market is, what each unit costs and earns, what the launch depends on, why it could fail, and what the team is deliberately not doing. An internal FAQ that skips one leaves the review to ask it. Add a question for each missing topic.",
    good: "**What are the biggest risks?** ... **What are we not doing?** ...",
    bad: "An internal FAQ that covers pricing and launch dates but never risks.",
};

pub(crate) const ENGINEERING_CONSIDERATION: RuleInfo = RuleInfo {
    id: "engineering-consideration",
    default_severity: Severity::Info,
    summary: "the internal FAQ never addresses real-time vs pre-computed results, data and model dependencies, or data collection",
    explanation: "Three engineering choices shape cost and schedule more than any feature: whether results are computed in real time or ahead of time (and the response time promised), which data and models must be re-run or re-trained when inputs change and how fast, and how data is collected (batch or stream, push or pull). Say in the internal FAQ what the team decided for each.",
    good: "**How fresh are the results?** Scores are pre-computed nightly in a batch job; the app answers from the cache within 200 ms.",
    bad: "An internal FAQ that never says how or when the data arrives.",
};

pub(crate) const VAGUE_OUTCOME: RuleInfo = RuleInfo {
    id: "vague-outcome",
    default_severity: Severity::Warning,
    summary: "the summary states no measurable customer outcome",
    explanation: "The summary is where the customer's benefit is stated, and a benefit without a measure is a promise nobody can check. Give a number: time saved, money saved, a price, a before-and-after. \"Charges in ten minutes\" is an outcome; \"charges fast\" is not.",
    good: "PocketCell refills from empty in ten minutes and costs $49.",
    bad: "PocketCell is a next-generation power bank that makes charging easier than ever.",
};

pub(crate) const ADJECTIVE_WITHOUT_DATA: RuleInfo = RuleInfo {
    id: "adjective-without-data",
    default_severity: Severity::Warning,
    summary: "an evaluative claim (faster, easier, better, significant, improved...) in a sentence that carries no number",
    explanation: "Working backwards replaces adjectives with data. \"Faster\" invites the question \"than what, by how much?\"; the answer is the sentence you should have written. Keep the claim only when the same sentence carries the number behind it. The word list is a data file the config can extend or replace.",
    good: "Average first reply time fell from 19 hours to under 3.",
    bad: "Replies are now significantly faster and easier.",
};

pub(crate) const INSIDE_OUT: RuleInfo = RuleInfo {
    id: "inside-out",
    default_severity: Severity::Warning,
    summary: "the press release speaks about the company more than about the customer",
    explanation: "A working-backwards press release is written from the customer's side: what they can now do. When \"we\", \"our\" and the company's name outnumber \"you\", \"customers\" and the named customer, the release is describing the company's effort instead of the customer's benefit. Quotes are not counted. Name your customer with `customer = [\"patients\"]` in the config or front matter.",
    good: "You plug it in while you pack your bag, and it is full by the time you leave.",
    bad: "We are proud that our team built our most advanced battery, and Lumen is committed to our mission.",
};

pub(crate) const FUTURE_TENSE: RuleInfo = RuleInfo {
    id: "future-tense",
    default_severity: Severity::Info,
    summary: "\"will\"/\"is going to\" in the press release outside quotes",
    explanation: "The press release is written as if the product launched today: that is what makes the team decide what \"done\" looks like. \"Will\" and \"is going to\" push the launch into an uncertain future. Write in the present tense (\"ships\", \"lets you\"); quotes may speak of the future.",
    good: "PocketCell ships on April 1 and costs $49.",
    bad: "PocketCell will ship in the spring and will cost about $49.",
};

pub(crate) const JARGON: RuleInfo = RuleInfo {
    id: "jargon",
    default_severity: Severity::Warning,
    summary: "buzzwords and hype (leverage, synergy, best-in-class, seamless, excited...), each with a plainer suggestion",
    explanation: "Buzzwords sound like every other press release and say nothing a customer can check. \"Leverage\" means \"use\"; \"best-in-class\" needs the comparison that earns it; \"excited\" is about the company, not the customer. Replace each with the plain word or the fact behind it. The list (with suggestions) is a data file the config can extend or replace.",
    good: "InvoiceIQ uses your payment history to tell you which invoices will be paid late.",
    bad: "InvoiceIQ leverages best-in-class AI to unlock actionable insights.",
};

pub(crate) const WEASEL_WORD: RuleInfo = RuleInfo {
    id: "weasel-word",
    default_severity: Severity::Warning,
    summary: "very, significantly, many, some, various, might, arguably, quite...",
    explanation: "Weasel words blur a claim so it cannot be wrong, and so it says nothing. \"Many customers\" invites \"how many?\"; \"significantly cheaper\" invites \"by how much?\". Replace the word with the number, or delete it: intensifiers like \"very\" and \"really\" can simply go, and the lint offers that fix. The list is a data file the config can extend or replace.",
    good: "Four in ten shippers pay $300 more per container than large retailers.",
    bad: "Many small shippers pay significantly more than various large retailers.",
};

pub(crate) const PASSIVE_VOICE: RuleInfo = RuleInfo {
    id: "passive-voice",
    default_severity: Severity::Info,
    summary: "a passive construction (\"is used by\", \"was designed to\")",
    explanation: "Passive sentences hide who does what: \"backups are restored\" leaves the reader asking by whom. In a press release the actor is usually the customer or the product, and naming it makes the sentence shorter and the claim clearer. Rewrite with the actor first.",
    good: "Employees restore their own files without help from IT.",
    bad: "Files can be restored by employees without help from IT.",
};

pub(crate) const LONG_SENTENCE: RuleInfo = RuleInfo {
    id: "long-sentence",
    default_severity: Severity::Warning,
    summary: "a sentence over 30 words",
    explanation: "Sentences over 30 words (settable in the config) lose readers halfway: by the end they have forgotten the subject. Long sentences usually join two ideas with \"and\" or \"which\"; split them there. One idea per sentence.",
    good: "FieldNote Grid shows how much water is in the soil at three depths. It updates every hour.",
    bad: "FieldNote Grid is a network of low-cost probes and an app that shows farmers how much water is available at three depths in every part of every field, updated every hour, so that they can decide when to irrigate.",
};

pub(crate) const UNDEFINED_ACRONYM: RuleInfo = RuleInfo {
    id: "undefined-acronym",
    default_severity: Severity::Info,
    summary: "an acronym in the press release never spelled out",
    explanation: "A press release is written for someone outside the team. Every acronym they do not know is a word they cannot read. Spell each one out in the press release on first use: \"beyond visual line of sight (BVLOS)\". Acronyms everyone knows (CEO, US, GPS...) are in a data file the config can extend.",
    good: "The KX-9 flies beyond visual line of sight (BVLOS) along the power line.",
    bad: "The KX-9 flies BVLOS ROW patrols for IOUs.",
};

pub(crate) const READABILITY: RuleInfo = RuleInfo {
    id: "readability",
    default_severity: Severity::Info,
    summary: "a press-release section above grade 10 (Flesch-Kincaid)",
    explanation: "A press release should read easily for anyone: grade 10 or below on the Flesch-Kincaid scale (settable in the config). A higher grade means long sentences and long words, which slow every reader, experts included. Shorten sentences and prefer short words. Sections under 40 words are not scored, as the grade is unreliable on so little text.",
    good: "You plug it in while you pack your bag. It is full by the time you leave.",
    bad: "The solution facilitates comprehensive optimization of organizational receivables utilization.",
};

pub(crate) const SPELLING: RuleInfo = RuleInfo {
    id: "spelling",
    default_severity: Severity::Warning,
    summary: "a word the English dictionary does not know, with its likely corrections",
    explanation: "A press release goes to the most senior readers in the company, and one typo in the headline costs it their trust. Words are checked against Harper's English dictionary in the draft's dialect (`dialect = \"british\"` in dateline.toml or `dialect: british` in the front matter; American by default), and the likely corrections are offered, the first as the fix. Names are not flagged: the product, company and customer names of the config and front matter, names the draft writes with a capital in mid-sentence, acronyms in capitals (undefined-acronym looks after those), brand spellings such as \"iPhone\", and the words of the team dictionary, the file dateline-words.txt beside dateline.toml (one word per line). Code, URLs, e-mail addresses, link targets and front matter are never checked.",
    good: "The customer receives a special offer.",
    bad: "Teh custmer recieves a sepcial offer.",
};

pub(crate) const GRAMMAR: RuleInfo = RuleInfo {
    id: "grammar",
    default_severity: Severity::Info,
    summary: "a grammar slip a careful editor would flag (repeated word, a/an, agreement, its/it's, their/there...)",
    explanation: "Small slips, a repeated word, \"a\" before a vowel sound, a verb that does not agree with its subject, \"its\" for \"it's\" or \"their\" for \"there\", make a careful release look hurried. They are found by Harper, an offline English grammar checker, and offered with the correction as the fix where there is one. Harper's checks that our style rules already cover (long sentences, redundant or weak words) or that the house style decides (Oxford commas, dashes) are left out.",
    good: "It's an easy way to see their bill.",
    bad: "Its a easy way to to see there bill.",
};

pub(crate) const OTHER_LANGUAGE: RuleInfo = RuleInfo {
    id: "other-language",
    default_severity: Severity::Info,
    summary: "the draft is not in English, so the English-only style rules are off",
    explanation: "The structure of a PR/FAQ is checked in English, German, French, Spanish, Portuguese, Japanese, Chinese and Korean. The style rules written for English prose (jargon, weasel words, adjectives without data, passive voice, future tense, readability, undefined acronyms, inside-out, vague outcomes, spelling and grammar) would only give false findings in another language, so they do not run. The language is detected; set `language = \"de\"` in `dateline.toml` or `language: de` in the front matter to say it yourself.",
    good: "---\nlanguage: de\n---\n# Mitgliederportal: Anträge in zwei Minuten statt zwei Wochen",
    bad: "(none: this is a note, not a problem)",
};

/// Every rule's description, in the spec's order (`rules/mod.rs` lists the
/// checks in the same order).
static INFOS: &[RuleInfo] = &[
    MISSING_HEADLINE,
    HEADLINE_LENGTH,
    MISSING_SUBHEADING,
    MISSING_DATELINE,
    MISSING_SECTION,
    SECTION_ORDER,
    PROBLEM_NAMES_SOLUTION,
    UNATTRIBUTED_QUOTE,
    TOO_MANY_STEPS,
    NO_CALL_TO_ACTION_LINK,
    RELEASE_TOO_LONG,
    LONG_PARAGRAPH,
    MISSING_EXTERNAL_FAQ,
    MISSING_INTERNAL_FAQ,
    FEW_QUESTIONS,
    UNANSWERED_QUESTION,
    FAQ_TOO_LONG,
    INTERNAL_FAQ_TOPIC,
    ENGINEERING_CONSIDERATION,
    VAGUE_OUTCOME,
    ADJECTIVE_WITHOUT_DATA,
    INSIDE_OUT,
    FUTURE_TENSE,
    JARGON,
    WEASEL_WORD,
    PASSIVE_VOICE,
    LONG_SENTENCE,
    UNDEFINED_ACRONYM,
    READABILITY,
    SPELLING,
    GRAMMAR,
    OTHER_LANGUAGE,
];

/// Every rule, in the spec's order.
pub fn rules() -> &'static [RuleInfo] {
    INFOS
}

/// A rule by id.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    INFOS.iter().find(|r| r.id == id)
}
