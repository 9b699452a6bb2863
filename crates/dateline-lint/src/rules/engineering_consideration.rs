use super::internal_faq_topic::missing_topics;
use super::RuleInfo;
use crate::context::{Context, Sink};
use crate::report::Severity;
use crate::wordlists::TOPIC_LISTS;

pub const INFO: RuleInfo = RuleInfo {
    id: "engineering-consideration",
    default_severity: Severity::Info,
    summary: "the internal FAQ never addresses real-time vs pre-computed results, data and model dependencies, or data collection",
    explanation: "Three engineering choices shape cost and schedule more than any feature: whether results are computed in real time or ahead of time (and the response time promised), which data and models must be re-run or re-trained when inputs change and how fast, and how data is collected (batch or stream, push or pull). Say in the internal FAQ what the team decided for each.",
    good: "**How fresh are the results?** Scores are pre-computed nightly in a batch job; the app answers from the cache within 200 ms.",
    bad: "An internal FAQ that never says how or when the data arrives.",
};

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    missing_topics(cx, sink, &TOPIC_LISTS.engineering, "the engineering question of ");
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_once_per_missing_consideration() {
        let start = CLEAN.find("**How does the kettle get").unwrap();
        let f = findings(&CLEAN[..start], "engineering-consideration");
        assert_eq!(f.len(), 3, "{f:?}");
    }

    #[test]
    fn silent_when_covered() {
        assert!(lines(CLEAN, "engineering-consideration").is_empty());
    }
}
