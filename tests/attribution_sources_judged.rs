//! Source precision on real pages, as a regression test: the judged sources
//! of `tests/fixtures/attribution-sources/` (see
//! `claimlens::eval::judged_sources` for the sample and the labels). It needs
//! ../shared/data (or CLAIMLENS_SHARED), as the other `data_` tests do.
//!
//! - A source judged wrong must not be shown, unless it is one of the
//!   wrong sources still shown today (`still-wrong.tsv`, page, item,
//!   excerpt and speaker); that list may only shrink, and the test fails
//!   when a listed source is gone so the list stays honest.
//! - A source judged correct must stay: the same claim or quotation still
//!   shows a speaker that names the same person or body (a fuller or
//!   shorter form of the name is fine, and so is another role).
//! - A source judged acceptable may be withdrawn, but when its claim or
//!   quotation shows a speaker it must still name the same one.

use claimlens::dev_data::data_dir;
use claimlens::eval::judged_attribution::names;
use claimlens::eval::judged_sources::{score, Judgement, Label, Shown};

const STILL_WRONG: &str = include_str!("fixtures/attribution-sources/still-wrong.tsv");

fn key(page: &str, item: &str, excerpt: &str, speaker: &str) -> String {
    format!("{page}\t{item}\t{excerpt}\t{speaker}")
}

/// The same source, written more or less fully ("Lee" for "Lee Jae-myung").
fn same_source(shown: &str, judged: &str) -> bool {
    names(shown, judged) || names(judged, shown)
}

#[test]
fn data_judged_wrong_sources_stay_withdrawn_and_right_ones_stay() {
    let s = score(&data_dir()).expect("the sample analyses: this test needs ../shared/data");
    let still: Vec<&str> = STILL_WRONG
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    let mut failures = Vec::new();
    let mut wrong_now = Vec::new();
    for half in [&s.tune, &s.heldout] {
        for (l, _) in half
            .shown
            .iter()
            .filter(|(l, _)| l.judgement == Judgement::Wrong)
        {
            let k = key(&l.page, &l.item, &l.excerpt, &l.speaker);
            if !still.contains(&k.as_str()) {
                failures.push(format!("a wrong source is back: {k} ({})", l.reason));
            }
            wrong_now.push(k);
        }
        let all: Vec<&Shown> = half
            .shown
            .iter()
            .map(|(_, s)| s)
            .chain(&half.unjudged)
            .collect();
        let on_item = |l: &Label| -> Vec<&Shown> {
            all.iter()
                .copied()
                .filter(|s| s.page == l.page && s.item == l.item && s.excerpt == l.excerpt)
                .collect()
        };
        for (l, _) in &half.withdrawn {
            let now = on_item(l);
            let kept = now.iter().any(|s| same_source(&s.speaker, &l.speaker));
            let lost = match l.judgement {
                Judgement::Correct => !kept,
                Judgement::Acceptable => !now.is_empty() && !kept,
                Judgement::Wrong => false,
            };
            if lost {
                failures.push(format!(
                    "a {:?} source is lost: {} {:?} {:?}, now {:?}",
                    l.judgement,
                    l.page,
                    l.excerpt,
                    l.speaker,
                    now.iter().map(|s| &s.speaker).collect::<Vec<_>>()
                ));
            }
        }
    }
    for k in &still {
        if !wrong_now.iter().any(|w| w == k) {
            failures.push(format!("no longer shown, take it off still-wrong.tsv: {k}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
