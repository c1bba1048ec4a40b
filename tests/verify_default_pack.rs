//! The shipped fact-check pack: it loads, and a page whose claim PolitiFact
//! checked gets a note with the verdict and the link, while the page's other
//! claims get none.

use std::path::Path;
use std::sync::Arc;

use claimlens::analysis::FactCheckStatus;
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::verify::matcher::{Analysed, SearchSettings, Searcher};
use claimlens::verify::{Pack, Registry};
use claimlens::Options;

fn default_pack() -> Pack {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/factchecks/politifact.clpack");
    let bytes = std::fs::read(&path).expect("the default pack is committed under assets/");
    Pack::from_bytes(&bytes).expect("the default pack loads with this build's analyser")
}

#[test]
fn default_pack_loads_with_its_source_and_licence() {
    let pack = default_pack();
    assert_eq!(pack.len(), 19_250);
    assert_eq!(pack.meta.name, "politifact");
    assert!(pack.meta.source.contains("CheckThat!"));
    assert!(!pack.meta.licence.is_empty());
    let first = pack.record(0).unwrap();
    assert_eq!(first.id, "vclaim-pol-00000");
    assert_eq!(first.author.unwrap().name, "PolitiFact");
}

#[test]
fn unrelated_sentences_match_nothing() {
    let mut registry = Registry::new();
    registry.add(Arc::new(default_pack()));
    let mut searcher = Searcher::default();
    for sentence in [
        "I really enjoyed the concert last night, the band was great.",
        "Residents at a community meeting asked for more street lighting and longer library hours.",
        "Great article, thanks for sharing!",
        "The recipe calls for two cups of flour and a pinch of salt.",
        "",
    ] {
        let found = registry.search(
            &mut searcher,
            &Analysed::new(sentence, None),
            &SearchSettings::default(),
        );
        assert!(found.is_empty(), "{sentence}: {found:?}");
    }
}

#[test]
fn page_with_a_checked_claim_gets_verdict_and_link_in_its_note() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/verify/checked-claim.html");
    let html = std::fs::read(&path).unwrap();
    let snapshot = snapshot_from_html(&html, "https://news.example/crime-figures").unwrap();
    let mut registry = Registry::new();
    registry.add(Arc::new(default_pack()));
    let options = Options {
        factchecks: Some(Arc::new(registry)),
        // Every sentence is looked up, so the test does not depend on the
        // check-worthiness model; unrelated ones must still match nothing.
        threshold: Some(0.0),
        ..Options::default()
    };
    let analysis = claimlens::analyze(&snapshot, &options).unwrap();
    let claim = analysis
        .claims
        .iter()
        .find(|c| c.text.contains("number of murders"))
        .expect("the murders sentence is a claim");
    let m = claim.matches.first().expect("the PolitiFact check matches");
    assert_eq!(m.id, "vclaim-pol-00001");
    assert_eq!(m.verdict.as_deref(), Some("Pants on Fire"));
    assert_eq!(m.publisher.as_deref(), Some("PolitiFact"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://www.politifact.com/factchecks/2019/oct/29/donald-trump/trump-dead-wrong-about-change-murders-chicago/")
    );
    assert_eq!(m.claimant.as_deref(), Some("Donald Trump"));
    assert!(m.similarity >= claimlens::verify::DEFAULT_THRESHOLD);
    assert!(!m.why.is_empty());

    let note = &claim.note;
    assert_eq!(note.fact_check_status, FactCheckStatus::Matched);
    assert!(
        note.summary
            .contains("PolitiFact rated this claim “Pants on Fire”"),
        "{}",
        note.summary
    );
    let fc = &note.fact_checks[0];
    assert_eq!(fc.verdict.as_deref(), Some("Pants on Fire"));
    assert_eq!(fc.url, m.url);
    assert_eq!(note.links[0].label, "Read the fact-check by PolitiFact");
    assert_eq!(note.links[0].url, m.url.clone().unwrap());
    assert!(note.links.iter().any(|l| l
        .url
        .starts_with("https://toolbox.google.com/factcheck/explorer/search/")));
    assert!(note
        .links
        .iter()
        .any(|l| l.url.starts_with("https://news.google.com/search?q=")));

    // No other sentence of the page claims a match.
    for other in analysis.claims.iter().filter(|c| c.id != claim.id) {
        assert!(
            other.matches.is_empty(),
            "{}: {:?}",
            other.text,
            other.matches
        );
        assert_ne!(other.note.fact_check_status, FactCheckStatus::Matched);
        assert!(
            !other.note.summary.contains("rated"),
            "{}",
            other.note.summary
        );
    }
}

#[test]
fn without_packs_the_note_says_so() {
    let analysis = claimlens::analyze_text(
        "Over the last two years, the number of murders in America has dropped by more than 10%.",
        &Options {
            threshold: Some(0.0),
            ..Options::default()
        },
    );
    let note = &analysis.claims[0].note;
    assert_eq!(note.fact_check_status, FactCheckStatus::NoPacks);
    assert!(
        note.summary.contains("No fact-check pack is loaded"),
        "{}",
        note.summary
    );
    assert!(analysis.claims[0].matches.is_empty());
}

/// Matching prunes weak BM25F candidates before it selects the best ones
/// (issue 22, a speed-up): it must re-rank exactly the candidates that
/// selecting first and pruning after gave, on real claims against the real pack.
#[test]
fn pruning_before_selection_keeps_the_same_candidates() {
    use claimlens::verify::matcher::{Query, PRUNE_BELOW};
    let pack = default_pack();
    let mut searcher = Searcher::default();
    let settings = SearchSettings::default();
    for claim in [
        "Says Joe Biden wants to ban fracking across the United States.",
        "The unemployment rate fell to 3.5 percent, the lowest in 50 years.",
        "Nearly a year into Trump 2.0, Jared Kushner has been drawn back into the foreign policy fold.",
        "It was a day of the year in which the people of the state said it would be so.",
        "Vaccines cause autism in 1 in 36 children.",
        "a",
    ] {
        let query = Query::for_pack(&Analysed::new(claim, None), &pack);
        let mut ranked: Vec<u32> = searcher
            .rank(&pack, &query, settings.candidates)
            .iter()
            .map(|h| h.doc)
            .collect();
        let top = searcher.bm25_top(&pack, &query, settings.candidates);
        let best = top.first().map_or(1.0, |t| t.0).max(f32::EPSILON);
        let mut expected: Vec<u32> = top
            .iter()
            .filter(|&&(bm25, _)| bm25 >= PRUNE_BELOW * best)
            .map(|&(_, doc)| doc)
            .collect();
        ranked.sort_unstable();
        expected.sort_unstable();
        assert_eq!(ranked, expected, "{claim}");
        assert!(claim.len() < 2 || !ranked.is_empty(), "{claim}: no candidates");
    }
}
