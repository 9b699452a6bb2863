use crate::context::{Context, Sink};
use crate::report::SectionKind;
use std::collections::{BTreeMap, BTreeSet};

pub(crate) use crate::catalog::TOO_MANY_STEPS as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let blocks: Vec<usize> = cx.outline.blocks_of(SectionKind::GettingStarted).collect();
    // Top-level items of each list in the section.
    let mut lists: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &i in &blocks {
        if let Some(item) = cx.blocks()[i].item {
            let it = &cx.doc.items[item];
            lists.entry(it.list).or_default().insert(item);
        }
    }
    let min_depth = |items: &BTreeSet<usize>| items.iter().map(|&i| cx.doc.items[i].depth).min().unwrap_or(0);
    let steps = lists
        .values()
        .map(|items| {
            let top = min_depth(items);
            items.iter().filter(|&&i| cx.doc.items[i].depth == top).count()
        })
        .max()
        .unwrap_or(0);
    let max = cx.config.thresholds.max_steps;
    if steps > max {
        let anchor = cx.first_line(&cx.blocks()[blocks[0]]);
        sink.report(anchor, format!("Getting started takes {steps} steps. Cut it to {max} or fewer, or have the product do the rest."));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_on_five_steps() {
        let text = CLEAN.replace(
            "To get started, plug in the kettle, open the Kettle Clock app, and link your phone alarm. It takes two minutes.",
            "## How to get started\n\n1. Plug it in\n2. Open the app\n3. Make an account\n4. Link the alarm\n5. Fill it",
        );
        assert_eq!(lines(&text, "too-many-steps"), [18]);
    }

    #[test]
    fn silent_on_three_steps() {
        let text = CLEAN.replace(
            "To get started, plug in the kettle, open the Kettle Clock app, and link your phone alarm. It takes two minutes.",
            "## How to get started\n\n1. Plug it in\n2. Open the app\n   - any phone works\n   - or a tablet\n3. Link the alarm",
        );
        assert!(lines(&text, "too-many-steps").is_empty());
        assert!(lines(CLEAN, "too-many-steps").is_empty());
    }
}
