use crate::context::{Context, Sink};
use crate::report::SectionKind;
use crate::wordlists::{TopicList, TOPIC_LISTS};

pub(crate) use crate::catalog::INTERNAL_FAQ_TOPIC as INFO;

/// Reports each topic that no internal-FAQ block mentions.
pub(crate) fn missing_topics(cx: &Context<'_, '_>, sink: &mut Sink, list: &TopicList, what: &str) {
    let blocks: Vec<usize> = cx.outline.blocks_of(SectionKind::InternalFaq).collect();
    let Some(&first) = blocks.first() else { return };
    let mut covered = vec![false; list.topics.len()];
    for &i in &blocks {
        for (phrase, _) in cx.matches(i, list.scanned) {
            for &topic in &list.owner[phrase] {
                covered[topic] = true;
            }
        }
    }
    for (topic, _) in list.topics.iter().zip(&covered).filter(|(_, c)| !**c) {
        sink.report(
            cx.first_line(&cx.blocks()[first]),
            format!(
                "The internal FAQ never addresses {what}{}. {}",
                topic.name, topic.ask
            ),
        );
    }
}

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    missing_topics(cx, sink, &TOPIC_LISTS.internal, "");
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_once_per_missing_topic() {
        let text = CLEAN.replace("**What are the risks?**\nThe main risk is that phones change how apps read alarms. We keep the dial on the base so the kettle still works if that happens.\n", "");
        let f = findings(&text, "internal-faq-topic");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("risks"));
        assert_eq!(f[0].line, 37);
    }

    #[test]
    fn a_phrase_can_cover_two_topics() {
        // "batch" is both a pre-computed result and a way to collect data.
        let start = CLEAN.find("**How does the kettle get").unwrap();
        let text = format!("{}**How fresh is it?**\nWe batch the alarms.\n", &CLEAN[..start]);
        let f = findings(&text, "engineering-consideration");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("re-trained"));
    }

    #[test]
    fn silent_when_all_topics_are_covered() {
        assert!(lines(CLEAN, "internal-faq-topic").is_empty());
    }
}
