//! Comment-section integrity through the real pipeline: HTML → snapshot →
//! analyze. Fixtures: tests/fixtures/ (ours) and the shared seed page
//! (`../shared/fixtures`, or `$CLAIMLENS_SHARED/fixtures`; tests needing it
//! are prefixed `data_`).

use std::path::PathBuf;

use claimlens::analysis::{Analysis, ClusterKind, CommentsLevel};
use claimlens::snapshot::html::snapshot_from_html;
use claimlens::{analyze, Options};

fn analyse_html(html: &str) -> Analysis {
    let snapshot = snapshot_from_html(html.as_bytes(), "https://example.test/a").expect("snapshot");
    analyze(&snapshot, &Options::default()).expect("analysis")
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> String {
    let path = claimlens::dev_data::seed_article();
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the seed page is missing at {} ({e}): run from a checkout with ../shared beside it, \
             or set CLAIMLENS_SHARED to the shared folder",
            path.display()
        )
    })
}

/// `items[index].text[start..end]` in UTF-16 code units, as the browser slices it.
fn comment_slice(a: &Analysis, index: u32, start: u32, end: u32) -> String {
    let units: Vec<u16> = a.comments.items[index as usize]
        .text
        .encode_utf16()
        .collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on a char boundary")
}

/// Every span in the findings is inside its comment and names the text it claims.
fn assert_spans_consistent(a: &Analysis) {
    let c = &a.comments;
    for p in &c.phrases {
        assert!(p.comments >= 2, "{p:?}");
        for o in &p.occurrences {
            // Occurrences match word for word; punctuation between may differ.
            let words = |t: &str| {
                t.to_lowercase()
                    .replace('’', "'")
                    .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                words(&comment_slice(a, o.index, o.start, o.end)),
                words(&p.text)
            );
        }
    }
    for cluster in &c.clusters {
        assert!(cluster.members.len() >= 2);
        assert!((0.0..=1.0).contains(&cluster.similarity));
        for m in &cluster.members {
            assert!(!m.spans.is_empty(), "member {} has no spans", m.index);
            for s in &m.spans {
                assert!(!comment_slice(a, m.index, s.start, s.end).is_empty());
            }
        }
    }
    for f in &c.frames {
        for o in &f.occurrences {
            assert!(!comment_slice(a, o.index, o.start, o.end).is_empty());
        }
    }
    assert_eq!(c.flagged, c.finding.is_some());
    assert_eq!(c.flagged, c.level == CommentsLevel::High);
}

fn members(a: &Analysis) -> Vec<u32> {
    let mut m: Vec<u32> = a
        .comments
        .clusters
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.index))
        .collect();
    m.sort_unstable();
    m
}

#[test]
fn data_seed_comment_section_is_flagged_as_templated() {
    let a = analyse_html(&seed());
    let c = &a.comments;
    assert_eq!(c.count, 12);
    assert!(c.flagged, "{c:#?}");
    let finding = c.finding.as_deref().unwrap_or("");
    assert!(
        finding.starts_with("9 of 12 comments share templated phrasing."),
        "{finding}"
    );
    assert_eq!(members(&a), [0, 1, 2, 3, 6, 7, 8, 10, 11]);
    let phrase = |t: &str| c.phrases.iter().find(|p| p.text.eq_ignore_ascii_case(t));
    let time_will_tell = phrase("Time will tell").expect("“Time will tell” is a stock phrase");
    assert_eq!(
        time_will_tell
            .occurrences
            .iter()
            .map(|o| o.index)
            .collect::<Vec<_>>(),
        [1, 4]
    );
    assert!(phrase("could be an asset").is_some());
    assert!(phrase("geopolitical dynamics").is_some());
    assert!(c
        .frames
        .iter()
        .any(|f| f.pattern == "His … could …, but he’ll" && f.comments == 5));
    // The article's own wording is topic, not stock phrasing.
    assert!(phrase("foreign policy").is_none());
    assert_spans_consistent(&a);
}

#[test]
fn ordinary_thread_with_quoting_replies_is_not_flagged() {
    let a = analyse_html(&fixture("ordinary-thread.html"));
    let c = &a.comments;
    assert_eq!(c.count, 17);
    assert!(!c.flagged, "{:?}", c.finding);
    assert_eq!(c.finding, None);
    assert!(c.clusters.is_empty(), "{:#?}", c.clusters);
    // A reply that quotes in a <blockquote> shares nothing with what it quotes.
    assert!(!c
        .phrases
        .iter()
        .any(|p| p.text.contains("canvas") || p.text.contains("lower sales")));
    // Two people saying "time will tell" is conversation, and it is still listed.
    assert!(c.phrases.iter().any(|p| p.text == "Time will tell"));
    assert_spans_consistent(&a);
}

#[test]
fn templated_thread_flags_exactly_the_campaign_and_its_timestamp_burst() {
    let a = analyse_html(&fixture("templated-thread.html"));
    let c = &a.comments;
    assert!(c.flagged);
    let finding = c.finding.as_deref().unwrap_or("");
    assert!(
        finding.starts_with("7 of 16 comments share templated phrasing."),
        "{finding}"
    );
    assert!(
        finding.contains("4 comments were posted at the identical time, Mar 3, 2025 9:41 PM."),
        "{finding}"
    );
    assert_eq!(c.clusters.len(), 1);
    assert_eq!(c.clusters[0].kind, ClusterKind::Template);
    // Not members: the reply quoting a campaign comment (4), the reader who
    // mocks the "lifelong residents" (13), and every ordinary comment.
    assert_eq!(members(&a), [0, 2, 3, 5, 7, 10, 12]);
    assert_eq!(c.bursts.len(), 1);
    assert_eq!(c.bursts[0].members, [0, 2, 3, 7]);
    assert_spans_consistent(&a);
}

/// A comment section of `texts`, each in the markup the seed uses, after a
/// short article.
fn page(lang: &str, texts: &[&str], with_article: bool) -> String {
    let article = if with_article {
        "<article><h1>Council approves budget</h1><p>The council approved a budget of $40 million on \
         Tuesday after a long debate about road repairs and library hours. The mayor said the vote was \
         close and that the city would revisit the library hours in the spring.</p><p>Residents spoke \
         for two hours before the vote, most of them about the libraries, and several asked for \
         longer weekend hours at the branch on Elm Street.</p></article>"
    } else {
        ""
    };
    let comments: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!("<div class=\"comment\"><div class=\"who\">reader{i}</div><p>{t}</p></div>")
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><title>T</title></head><body>{article}\
         <section class=\"comments\"><h2>Comments</h2>{comments}</section></body></html>"
    )
}

const CAMPAIGN: [&str; 6] = [
    "As a proud taxpayer I fully support the new budget. It protects the services families rely on, and the critics are just playing politics. Time to move forward.",
    "As a proud parent I fully support this budget. The critics are just playing politics, and it protects the services families rely on. It is time to move forward.",
    "I fully support the new budget as a proud taxpayer. It protects the services families rely on. The critics are just playing politics, so let us move forward.",
    "As a proud homeowner, I fully support the budget. It protects the services our families rely on, and the critics are just playing politics.",
    "Proud to fully support this budget. It protects the services families rely on and the critics are just playing politics. Time to move forward together.",
    "As a proud taxpayer I fully support the new budget, which protects the services families rely on. The critics are just playing politics.",
];

#[test]
fn small_sections_are_not_flagged_for_shared_phrasing() {
    for n in 2..=3 {
        let a = analyse_html(&page("en", &CAMPAIGN[..n], true));
        assert_eq!(a.comments.count as usize, n);
        assert!(
            !a.comments.flagged,
            "{n} comments: {:?}",
            a.comments.finding
        );
    }
    let a = analyse_html(&page("en", &CAMPAIGN, true));
    assert!(a.comments.flagged, "the same six comments are a campaign");
    assert!(a
        .comments
        .finding
        .as_deref()
        .unwrap_or("")
        .starts_with("6 of 6 comments"));
}

#[test]
fn short_identical_replies_are_not_near_copies() {
    let texts = [
        "Agreed.",
        "Agreed.",
        "Agreed.",
        "Agreed.",
        "This.",
        "This.",
        "Thank you for covering this.",
    ];
    let a = analyse_html(&page("en", &texts, true));
    assert!(!a.comments.flagged, "{:?}", a.comments.finding);
    assert!(a.comments.clusters.is_empty());
}

#[test]
fn near_copies_are_flagged_in_any_language_and_phrases_only_in_english() {
    let copy = "Dieser Haushalt schützt die Leistungen, auf die Familien angewiesen sind, und die Kritiker spielen nur Politik.";
    let texts = [
        copy,
        "Die Bibliothek am Elm Street braucht längere Öffnungszeiten am Wochenende, das wäre wichtiger gewesen.",
        copy,
        "Dieser Haushalt schützt die Leistungen, auf die Familien angewiesen sind, und die Kritiker spielen nur Politik!!",
        "Wer bezahlt am Ende die Straßen? Darüber hat niemand gesprochen.",
    ];
    let a = analyse_html(&page("de", &texts, true));
    let c = &a.comments;
    assert!(c.flagged, "{c:#?}");
    assert_eq!(c.clusters.len(), 1);
    assert_eq!(c.clusters[0].kind, ClusterKind::NearDuplicate);
    assert_eq!(members(&a), [0, 2, 3]);
    assert!(
        c.phrases.is_empty() && c.frames.is_empty(),
        "English passes are off for German"
    );
    assert!(c
        .finding
        .as_deref()
        .unwrap_or("")
        .starts_with("3 of 5 comments are near-copies of one another."));
    assert_spans_consistent(&a);
}

#[test]
fn comments_are_judged_on_a_page_without_an_article() {
    let a = analyse_html(&page("en", &CAMPAIGN, false));
    assert_eq!(a.status, claimlens::analysis::Status::NoArticle);
    assert!(a.comments.flagged);
    assert!(a.claims.is_empty());
}

#[test]
fn spans_are_utf16_offsets_into_each_comment() {
    let texts: Vec<String> = CAMPAIGN
        .iter()
        .map(|t| format!("😀 Ünïcödé — {t}"))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let a = analyse_html(&page("en", &texts, true));
    assert!(a.comments.flagged);
    let p = a
        .comments
        .phrases
        .iter()
        .find(|p| p.text == "critics are just playing politics")
        .expect("phrase found");
    assert_eq!(p.comments, 6);
    assert_spans_consistent(&a);
}

/// The article's claims are the same with and without the comment section,
/// and nothing from the comments or the finding appears among them.
fn assert_comments_add_no_claims(html: &str) {
    let with = analyse_html(html);
    let start = html
        .find("<section class=\"comments\"")
        .expect("comment section");
    let end = html[start..].find("</section>").expect("section end") + start + "</section>".len();
    let without = analyse_html(&format!("{}{}", &html[..start], &html[end..]));
    assert_eq!(without.comments.count, 0);
    assert_eq!(with.claims, without.claims);
    assert_eq!(with.quotes, without.quotes);
    let finding = with.comments.finding.clone().unwrap_or_default();
    for claim in &with.claims {
        assert!(finding.is_empty() || !claim.text.contains(&finding));
        for item in &with.comments.items {
            let body = item.text.lines().last().unwrap_or("");
            assert!(
                !claim.text.contains(body),
                "comment text in claim {}",
                claim.id
            );
        }
        for p in &with.comments.phrases {
            assert!(!claim.signals.iter().any(|s| s.contains(&p.text)));
        }
    }
    assert!(with.notices.iter().all(|n| !n.contains("comment")));
}

#[test]
fn templated_comments_never_produce_claims() {
    assert_comments_add_no_claims(&fixture("templated-thread.html"));
    assert_comments_add_no_claims(&fixture("ordinary-thread.html"));
}

#[test]
fn data_seed_comments_never_produce_claims() {
    assert_comments_add_no_claims(&seed());
}
