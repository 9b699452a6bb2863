use super::internal_faq_topic::missing_topics;
use crate::context::{Context, Sink};
use crate::wordlists::TOPIC_LISTS;

pub(crate) use crate::catalog::ENGINEERING_CONSIDERATION as INFO;

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
