//! Regression tests for what a reader saw on real pages in the second round
//! of issue 17 (the lead's reading notes): each is named after the bug.

use super::*;
use crate::pipeline::rendered_from_plain_text;
use crate::segment;

fn run(text: &str) -> Attribution {
    let rendered = rendered_from_plain_text(text);
    let paragraphs: Vec<ByteSpan> = rendered.blocks.iter().map(|b| b.span).collect();
    let layer = segment::analyse(text, &paragraphs, None);
    attribute(text, &layer)
}

fn sourcing_of<'a>(a: &'a Attribution, text: &str, prefix: &str) -> &'a Sourcing {
    a.sourcing
        .iter()
        .find(|s| s.sentence.of(text).starts_with(prefix))
        .unwrap_or_else(|| panic!("no sentence {prefix:?}"))
}

/// The bug (wcxb-articles 0123, an agency directory): the repeated labels
/// "Investment: …" and "Client Wins: …" were shown as "Attributed to
/// Investment, on the record". A category label is never a speaker.
#[test]
fn a_directorys_category_label_is_not_a_speaker() {
    let text = "Retention Agency runs email and SMS programmes for supplement brands.\n\nInvestment: Full-service email packages start at $4,000/month, SMS packages at $500/month\n\nClient Wins: Bossman, Cup & Leaf, Kettle & Fire\n\nClient Wins: Various science-based supplement companies.";
    let a = run(text);
    for prefix in ["Investment", "Client Wins: Bossman", "Client Wins: Various"] {
        let s = sourcing_of(&a, text, prefix);
        assert_eq!(s.kind, SourcingKind::Unattributed, "{prefix}: {s:?}");
        assert_eq!(s.speaker, None, "{prefix}: {s:?}");
    }
}
