//! Comment-section integrity: flags reader comments that look templated or
//! coordinated — near-copies, the same stock phrases and sentence frames
//! reshuffled across many names, bursts of identical timestamps.
//!
//! The stage runs on every comment section extraction finds, whether or not
//! the page has an article (a page can be all comments), and whatever the
//! page's language — but the stock-phrase and frame passes know only English
//! function words, so on a page not marked English only near-copies and
//! timestamps are judged. Its result goes only to `comments` in the
//! analysis: comments never produce claims.
//!
//! # Passes
//! - [`input`]: each comment's text, the parts that are not the commenter's
//!   own words (author line, `<blockquote>`/`<q>`, `<time>`), its timestamp
//!   and author. Comments under one name count as one commenter throughout:
//!   phrases and frames need several *commenters*, and a name's own
//!   near-copies (a double post) are not linked.
//! - [`tokens`]: words, with quoted passages (“…”, `>` lines) left out too,
//!   so replies quoting each other are not copies.
//! - [`near_duplicates`]: word 3-shingles, one-permutation MinHash with
//!   banded LSH for candidates, exact Jaccard ≥ 0.5 to confirm.
//! - [`phrases`]: closed word n-grams (2–6 words, joined when longer) used by
//!   several comments, minus function-word-only phrases, names and the
//!   article's own wording; mined level by level ([`sequences`]).
//! - [`skeleton`]: frames of pronouns, modals and connectives
//!   ("his … could …, but he'll …") shared by at least three comments.
//! - [`timestamps`]: identical minute-precise timestamps on three or more comments.
//! - [`clusters`]: a comment is *templated* when it is a near-copy, or when
//!   shared phrases and frames give it a score of at least 5 from two or more
//!   distinct features **and** cover at least a quarter of its words (a
//!   template makes up much of a comment; a long ordinary comment shares a
//!   few topical phrases by chance). Templated comments sharing a feature
//!   form one cluster.
//!
//! # When the section is flagged
//! An honest finding needs repetition that chance and conversation do not
//! explain, so one of these is required ([`verdict`] holds the numbers):
//! - **templated phrasing**: at least 4 comments in the section, at least 3
//!   of them — and a quarter of the section — in clusters, sharing at least
//!   4 distinct stock phrases or frames. Two or three comments are never
//!   flagged this way, nor is one idiom everyone uses;
//! - **near-copies**: one group of at least 3 near-copies (and 2% of the
//!   section), each at least 8 words long ("Agreed." ×5 is not a campaign);
//! - **timing**: at least 4 comments, and a quarter of those showing a
//!   precise time, stamped with the identical minute.
//!
//! Phrases must be used by at least 2 comments, and by 1 in 50 in large
//! sections; frames by at least 3. Only the first [`MAX_COMMENTS`] comments,
//! and the first [`MAX_COMMENT_BYTES`] of each, are analysed.
//!
//! Calibration (`claimlens eval comments`): on 806 ordinary sections built
//! from real text (web posts and reviews, debate turns, debate sentences; 12
//! to 500 comments each) one is flagged, and it holds seven passages the
//! dataset itself duplicates verbatim. The finding never says who wrote the
//! comments: shared wording is what the text shows, not who is behind it.

pub mod clusters;
pub mod hashing;
pub mod input;
pub mod lexicon;
pub mod names;
pub mod near_duplicates;
pub mod order;
pub mod phrases;
pub mod sequences;
pub mod skeleton;
pub mod timestamps;
pub mod tokens;
pub mod topical;
pub mod union_find;
pub mod verdict;

pub use clusters::{Cluster, ClusterKind, Member};
pub use input::CommentInput;
pub use phrases::StockPhrase;
pub use skeleton::Frame;
pub use timestamps::Burst;
pub use verdict::Level;

use tokens::Word;
use union_find::UnionFind;

pub const MAX_COMMENTS: usize = 2_000;
pub const MAX_COMMENT_BYTES: usize = 10_000;
/// The article is read (for its wording) up to this many bytes.
const MAX_ARTICLE_BYTES: usize = 200_000;
/// At most this many phrases and frames are reported.
pub const MAX_PHRASES: usize = 25;
pub const MAX_FRAMES: usize = 10;

/// What the stage knows about the page besides its comments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The article's text: phrases it uses are the topic, not stock phrasing.
    pub article: Option<&'a str>,
    /// Whether the English phrase and frame passes apply.
    pub english: bool,
}

/// The stage's result. Spans are byte offsets into each comment's own text.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionReport {
    pub analysed: usize,
    pub level: Level,
    pub finding: Option<verdict::Finding>,
    pub clusters: Vec<Cluster>,
    pub phrases: Vec<StockPhrase>,
    pub frames: Vec<Frame>,
    pub bursts: Vec<Burst>,
}

impl SectionReport {
    pub fn flagged(&self) -> bool {
        self.level == Level::High
    }
}

pub fn analyse(comments: &[CommentInput<'_>], context: &Context<'_>) -> SectionReport {
    let comments = &comments[..comments.len().min(MAX_COMMENTS)];
    let n = comments.len();
    let texts: Vec<&str> = comments
        .iter()
        .map(|c| prefix(c.text, MAX_COMMENT_BYTES))
        .collect();
    let words: Vec<Vec<Word>> = comments
        .iter()
        .zip(&texts)
        .map(|(c, t)| tokens::words(t, &c.excluded))
        .collect();
    let stamps: Vec<timestamps::Stamp> = comments
        .iter()
        .map(|c| timestamps::Stamp {
            key: c.posted.as_deref(),
            shown: c.posted_shown.as_deref(),
        })
        .collect();
    let bursts = timestamps::bursts(&stamps);
    let dated = stamps
        .iter()
        .filter(|s| s.key.is_some_and(timestamps::is_precise))
        .count();

    let owners = owners(comments);
    let mut shingles: Vec<Vec<u64>> = words.iter().map(|w| near_duplicates::shingles(w)).collect();
    let mut near = UnionFind::new(n);
    let near_links = near_duplicates::link_near_copies(&mut shingles, &owners, &mut near);

    let (phrases, frames) = if context.english && n >= 2 {
        let article = tokens::words(
            prefix(context.article.unwrap_or(""), MAX_ARTICLE_BYTES),
            &[],
        );
        let names =
            names::proper_names(words.iter().map(Vec::as_slice).chain([article.as_slice()]));
        let min_docs = (n.div_ceil(50) as u32).max(2);
        let phrases = phrases::stock_phrases(&phrases::Inputs {
            texts: &texts,
            words: &words,
            names: &names,
            article: &article,
            owners: &owners,
            min_docs,
        });
        let frames = skeleton::frames(&texts, &words, &owners, min_docs.max(3));
        (phrases, frames)
    } else {
        (Vec::new(), Vec::new())
    };
    let evidence = clusters::evidence(&words, &phrases, &frames);
    let clusters = clusters::cluster(&words, &shingles, &near, &near_links, &evidence);

    let mut in_cluster = vec![false; n];
    for c in &clusters {
        for m in &c.members {
            in_cluster[m.index as usize] = true;
        }
    }
    let feature_users = |docs: &mut dyn Iterator<Item = u32>| {
        let mut users: Vec<u32> = docs.filter(|&d| in_cluster[d as usize]).collect();
        users.dedup();
        users.len()
    };
    let shared_features = phrases
        .iter()
        .filter(|p| feature_users(&mut p.occurrences.iter().map(|o| o.doc)) >= 2)
        .count()
        + frames
            .iter()
            .filter(|f| feature_users(&mut f.occurrences.iter().map(|o| o.doc)) >= 2)
            .count();
    let largest_near_copy_group = near
        .clone()
        .groups()
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let verdict = verdict::judge(&verdict::Facts {
        comments: n,
        dated,
        clusters: &clusters,
        largest_near_copy_group,
        shared_features,
        phrases: &phrases,
        frames: &frames,
        bursts: &bursts,
    });
    SectionReport {
        analysed: n,
        level: verdict.level,
        finding: verdict.finding,
        clusters,
        phrases: phrases.into_iter().take(MAX_PHRASES).collect(),
        frames: frames.into_iter().take(MAX_FRAMES).collect(),
        bursts,
    }
}

/// An owner number per comment: one per distinct author name (compared
/// case-insensitively, spaces collapsed), and one of its own for each comment
/// without a name.
fn owners(comments: &[CommentInput<'_>]) -> Vec<u32> {
    let mut ids: hashing::FastMap<u32> = hashing::FastMap::default();
    let n = comments.len() as u32;
    comments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = c
                .author
                .as_deref()
                .map(|a| {
                    a.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
                .filter(|a| !a.is_empty());
            match name {
                Some(a) => {
                    let next = n + ids.len() as u32;
                    *ids.entry(hashing::hash_bytes(a.as_bytes())).or_insert(next)
                }
                None => i as u32,
            }
        })
        .collect()
}

/// The longest prefix of `text` of at most `max` bytes, on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(texts: &[&str], article: Option<&str>) -> SectionReport {
        let inputs: Vec<CommentInput> = texts
            .iter()
            .map(|t| CommentInput {
                text: t,
                ..CommentInput::default()
            })
            .collect();
        analyse(
            &inputs,
            &Context {
                article,
                english: true,
            },
        )
    }

    /// Regression: long debate turns that each share a few topical phrases
    /// ("insurance companies", "crime bill") were clustered as templated.
    #[test]
    fn long_comments_sharing_a_few_topical_phrases_are_not_templated() {
        let texts = [
            "Look, the insurance companies take care of the politicians, and the crime bill was a mistake that nobody in this room wants to defend anymore, so let me talk about what we would do on day one for working families in this state.",
            "I voted for the crime bill and I said so at the time. The insurance companies are making a fortune while premiums double, and my opponent has no plan for the families who cannot afford their medicine this winter or next.",
            "We should talk about the insurance companies honestly. They wrote half of that law. The crime bill had good parts too, the Violence Against Women Act among them, and I am proud of the work my office did with police chiefs.",
            "My uncle was a cop. The crime bill put officers on the street in his city, and the insurance companies had nothing to do with that, whatever my friend says about donations he took from them in the last campaign.",
            "The price of insulin went from forty dollars to three hundred in ten years, and the insurance companies blame the drug makers while the drug makers blame them, and families in the middle pay for the whole thing.",
        ];
        let r = report(&texts, None);
        assert!(!r.flagged(), "{:?}", r.finding);
        assert!(r.clusters.is_empty(), "{:#?}", r.clusters);
    }

    #[test]
    fn no_comments_and_one_comment() {
        let r = report(&[], None);
        assert_eq!(
            (r.analysed, r.level, r.finding.clone()),
            (0, Level::None, None)
        );
        let r = report(
            &["Time will tell if he can do it, but he'll have to prove it."],
            None,
        );
        assert_eq!(r.level, Level::None);
    }

    #[test]
    fn the_articles_wording_is_not_stock_phrasing() {
        let texts = [
            "The peace talks in Miami went nowhere, again.",
            "Peace talks in Miami? With who exactly?",
            "If the peace talks in Miami fail, what then?",
        ];
        let with_article = report(
            &texts,
            Some("Envoys held peace talks in Miami on Saturday."),
        );
        assert!(
            with_article.phrases.is_empty(),
            "{:?}",
            with_article.phrases
        );
        let without = report(&texts, None);
        assert!(without
            .phrases
            .iter()
            .any(|p| p.text.eq_ignore_ascii_case("peace talks in Miami")));
    }

    #[test]
    fn oversized_input_is_capped_not_refused() {
        let long = "word ".repeat(3_000) + "é";
        let inputs: Vec<CommentInput> = (0..3)
            .map(|_| CommentInput {
                text: &long,
                ..CommentInput::default()
            })
            .collect();
        let r = analyse(&inputs, &Context::default());
        assert!(r.flagged(), "identical long comments are near-copies");
        assert_eq!(prefix("aé", 2), "a");
        let short: Vec<CommentInput> = (0..MAX_COMMENTS + 5)
            .map(|_| CommentInput {
                text: "ok",
                ..CommentInput::default()
            })
            .collect();
        assert_eq!(analyse(&short, &Context::default()).analysed, MAX_COMMENTS);
    }

    /// A commenter repeating their own talking points across replies is one
    /// voice, not a campaign; the same words under four names are.
    #[test]
    fn one_author_repeating_themselves_is_one_commenter() {
        let text = "As a lifelong resident I fully support the plan. It will bring good-paying jobs and much-needed revenue. The critics are a loud minority.";
        let variants = [
            text,
            "I fully support the plan, as a lifelong resident. The critics are a loud minority. It will bring good-paying jobs and much-needed revenue.",
            "The critics are a loud minority. As a lifelong resident I fully support the plan because it will bring good-paying jobs and much-needed revenue.",
            "It will bring good-paying jobs and much-needed revenue, and as a lifelong resident I fully support the plan. The critics are a loud minority.",
            "Who pays for the substation? Nobody has answered that at any hearing so far.",
        ];
        let run = |authors: [&str; 5]| {
            let inputs: Vec<CommentInput> = variants
                .iter()
                .zip(authors)
                .map(|(t, a)| CommentInput {
                    text: t,
                    author: Some(a.to_string()),
                    ..CommentInput::default()
                })
                .collect();
            analyse(
                &inputs,
                &Context {
                    article: None,
                    english: true,
                },
            )
        };
        let many = run(["Jenna", "Bobby R.", "Kathy", "Dev", "Hal"]);
        assert!(many.flagged(), "{:#?}", many.clusters);
        let one = run(["Jenna", "jenna", "JENNA ", "Jenna", "Hal"]);
        assert!(!one.flagged(), "{:?}", one.finding);
        assert!(one.clusters.is_empty() && one.phrases.is_empty());
    }

    proptest::proptest! {
        /// Any comments, any excluded spans (even unsorted, out of range or
        /// inside a character): no panic, and every span is on char boundaries.
        #[test]
        fn hostile_sections_never_panic(
            texts in proptest::collection::vec("[a-c \\.,’“”\"\n>😀é-]{0,60}", 0..12),
            cuts in proptest::collection::vec((0usize..80, 0usize..80), 0..4),
        ) {
            let inputs: Vec<CommentInput> = texts
                .iter()
                .map(|t| CommentInput {
                    text: t,
                    excluded: cuts.iter().map(|&(a, b)| crate::spans::ByteSpan::new(a, a + b)).collect(),
                    posted: Some("10:14".into()),
                    posted_shown: None,
                    author: None,
                })
                .collect();
            let r = analyse(&inputs, &Context { article: Some("a b c. a b"), english: true });
            for p in &r.phrases {
                for o in &p.occurrences {
                    let t = texts[o.doc as usize].as_str();
                    proptest::prop_assert!(t.is_char_boundary(o.span.start) && t.is_char_boundary(o.span.end));
                }
            }
            for c in &r.clusters {
                for m in &c.members {
                    let t = texts[m.index as usize].as_str();
                    for s in &m.spans {
                        proptest::prop_assert!(s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
                    }
                }
            }
        }
    }
}
