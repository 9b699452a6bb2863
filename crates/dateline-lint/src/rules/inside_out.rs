use crate::context::{Context, Sink};
use crate::report::SectionKind;
use crate::text;
use crate::wordlists::{company_word_count, List};

pub(crate) use crate::catalog::INSIDE_OUT as INFO;

pub(crate) fn check(cx: &Context<'_, '_>, sink: &mut Sink) {
    let names = Context::names(&cx.companies);
    let extra = Context::names(&cx.customers);
    let (mut company, mut customer) = (0, 0);
    for (i, block) in cx.release() {
        if matches!(cx.kind(i), SectionKind::LeaderQuote | SectionKind::CustomerQuote) {
            continue;
        }
        let outside = |r: &std::ops::Range<usize>| !text::inside(block.quotations, r.start);
        for (phrase, r) in cx.matches(i, List::Sides).filter(|(_, r)| outside(r)) {
            if &block.plain[r] == "US" {
                continue; // the United States, not "us"
            }
            if phrase < company_word_count() {
                company += 1;
            } else {
                customer += 1;
            }
        }
        company += names
            .iter()
            .flat_map(|m| m.find(block.plain))
            .filter(|(_, r)| outside(r))
            .count();
        customer += extra
            .iter()
            .flat_map(|m| m.find(block.plain))
            .filter(|(_, r)| outside(r))
            .count();
    }
    if company > customer && company >= 3 {
        sink.report_in(
            cx.headline_anchor(),
            None,
            format!("The press release talks about the company ({company} mentions of \"we\", \"our\" or its name) more than about the customer ({customer}). Rewrite it from the customer's side: what can they do now?"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::*;

    #[test]
    fn fires_when_the_company_dominates() {
        let text = CLEAN.replace(
            "Kettle Clock reads the alarm on your phone and starts to heat ten minutes before it rings. You fill it once a day, and it keeps the water hot for one hour. If you sleep in, it waits for you.",
            "We built Kettle Clock in our lab. Our engineers and our designers worked for us. We are proud of Brightwork and our work.",
        );
        assert_eq!(lines(&text, "inside-out"), [6]);
    }

    #[test]
    fn the_united_states_is_not_us() {
        // Counted as "us", the four "US" would outnumber the families.
        let text = "# Acme Ships Rocket Today\n\n## For families\n\nSEATTLE — June 1, 2026 — Acme today launched Rocket for $900 in the US.\n\nUS families wait. Rocket ships to US homes and US towns.\n";
        assert!(lines(text, "inside-out").is_empty());
    }

    #[test]
    fn silent_when_the_customer_leads() {
        assert!(lines(CLEAN, "inside-out").is_empty());
    }
}
