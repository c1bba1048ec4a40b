//! Claim kinds, multi-label, on the Full Fact typology (Konstantinovskiy et
//! al., 2018) extended for news. Rules over the sentence's words and cues:
//! the kinds must be explainable on their own, whatever the model scores.

use super::features::{is_number_word, Cue, CueSet, Word};
use super::lexicon::{is_calling_verb, is_clause_word, is_scale_word};
use super::ClaimKind;
use crate::lexicon::{self, Reader};

fn is_superlative(w: &str) -> bool {
    lexicon::is_superlative(w, Reader::Kind)
}

fn is_causal(w: &str, next: &str) -> bool {
    matches!(
        (w, next),
        ("because", _)
            | ("caused" | "causes" | "causing", _)
            | ("due" | "thanks" | "led" | "leading", "to")
            | ("result" | "resulted" | "results", "in" | "of" | "from")
            | ("blame" | "blamed", _)
            | ("responsible", "for")
            | ("therefore" | "consequently", _)
            | ("contributed" | "contributes", "to")
    )
}

fn is_reporting(w: &str) -> bool {
    lexicon::is_reporting_verb(w, Reader::Kind)
}

fn is_prediction(w: &str, next: &str) -> bool {
    matches!(
        (w, next),
        ("will" | "'ll" | "won't" | "shall", _)
            | ("going" | "expected" | "set" | "projected" | "likely", "to")
            | ("gonna", _)
            | (
                "forecast" | "forecasts" | "predict" | "predicts" | "predicted",
                _
            )
            | ("next", "year" | "week" | "month" | "decade")
    )
}

fn is_rule(w: &str, next: &str) -> bool {
    matches!(
        (w, next),
        (
            "law"
                | "laws"
                | "legislation"
                | "legal"
                | "illegal"
                | "illegally"
                | "unlawful"
                | "constitution"
                | "unconstitutional"
                | "regulation"
                | "regulations"
                | "banned"
                | "mandate"
                | "mandatory"
                | "treaty"
                | "amendment"
                | "statute"
                | "ruled"
                | "vetoed"
                | "voted"
                | "outlawed",
            _
        ) | (
            "bill" | "act",
            "would" | "that" | "to" | "passed" | "requires"
        ) | (
            "required" | "allowed" | "prohibited" | "forbidden",
            "to" | "by" | "from"
        )
    )
}

/// A scale or number word inside a title or a price, not a statistic:
/// "Senate majority leader", "the minority whip", "at market rate".
fn is_scale_in_a_name(prev: &str, w: &str, next: &str) -> bool {
    match w {
        "majority" | "minority" => matches!(
            next,
            "leader"
                | "leaders"
                | "leadership"
                | "whip"
                | "whips"
                | "party"
                | "parties"
                | "government"
                | "governments"
                | "shareholder"
                | "shareholders"
                | "owner"
                | "owners"
                | "report"
                | "opinion"
        ),
        "rate" => matches!(prev, "market" | "going"),
        _ => false,
    }
}

/// Before a year of the distant past ("in 1781"); years from 1900 on are
/// read as years wherever they stand, as the cues read them.
fn is_year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "by" | "since" | "until" | "till" | "from" | "before" | "after" | "around" | "circa"
    )
}

/// Whether word `k` states a figure: a number that is neither a list item's
/// marker ("4. Hotel rooms are priced …") nor a year ("In 1781, when …"),
/// or a number word ("two", "hundreds") outside a title.
fn states_figure(sentence: &str, words: &[Word], k: usize) -> bool {
    let form = |i: usize| words.get(i).map_or("", |w| w.form.as_str());
    let prev = k.checked_sub(1).map_or("", form);
    let next = form(k + 1);
    let Some(w) = words.get(k) else {
        return false;
    };
    if !w.number {
        return is_number_word(&w.form) && !is_scale_in_a_name(prev, &w.form, next);
    }
    let rest = sentence.get(w.span.end..).unwrap_or("");
    let list_marker = k == 0 && (rest.starts_with(". ") || rest.starts_with(") "));
    !list_marker && !is_year(sentence, words, k)
}

/// Whether word `k` is a year: four digits from 1900 to 2099, or an earlier
/// one after a preposition of time ("in 1781"), and no amount ("$1999",
/// "2000 percent").
fn is_year(sentence: &str, words: &[Word], k: usize) -> bool {
    let form = |i: usize| words.get(i).map_or("", |w| w.form.as_str());
    let prev = k.checked_sub(1).map_or("", form);
    let next = form(k + 1);
    let Some(w) = words.get(k).filter(|w| w.number) else {
        return false;
    };
    let text = sentence.get(w.span.start..w.span.end).unwrap_or("");
    text.len() == 4
        && text.parse::<u32>().is_ok_and(|y| {
            (1900..=2099).contains(&y) || ((1000..1900).contains(&y) && is_year_preposition(prev))
        })
        && !matches!(next, "%" | "percent")
        && !is_scale_word(next)
        && !matches!(prev, "$" | "€" | "£")
}

/// A "than" that compares nothing: "rather than", "other than", an
/// intensifier ("more than just"), "only" ("nothing more than") and the
/// idiom "easier said than done".
fn is_idle_than(prev2: &str, prev: &str, next: &str) -> bool {
    matches!(prev, "rather" | "other")
        || matches!(next, "just" | "merely" | "simply")
        || (matches!(prev2, "nothing" | "little") && matches!(prev, "more" | "less"))
        || (prev == "said" && next == "done")
}

/// A reporting word that reports no one: "easier said than done",
/// "priced according to how much they cost".
fn is_idle_report(w: &str, next: &str, after_next: &str) -> bool {
    next == "than"
        || (w == "according"
            && next == "to"
            && matches!(
                after_next,
                "how" | "what" | "whether" | "which" | "when" | "where" | "why"
            ))
}

/// Stage directions are a few words: "(APPLAUSE)", "[Laughter]", "(BEGIN
/// VIDEO CLIP)". A longer bracketed sentence is the author's aside, prose.
const MAX_STAGE_DIRECTION_WORDS: usize = 4;

/// A republication or licence credit ("This article is republished from
/// The Conversation under a Creative Commons license") runs longer than the
/// other formulas, but is no more a claim.
const MAX_CREDIT_WORDS: usize = 25;

fn is_boilerplate(sentence: &str, words: &[Word]) -> bool {
    let t = sentence.trim();
    let lexical = words
        .iter()
        .filter(|w| !matches!(w.form.as_str(), "?" | "!"));
    let count = lexical.clone().count();
    let bracketed = ((t.starts_with('(') && t.ends_with(')'))
        || (t.starts_with('[') && t.ends_with(']')))
        && count <= MAX_STAGE_DIRECTION_WORDS;
    // The credit speaks of the piece itself ("This article …", "A version
    // of this story …", "Originally published …"); "The study, originally
    // published in The Lancet, claimed …" is a claim about the study.
    let form = |i: usize| words.get(i).map_or("", |w| w.form.as_str());
    let about_the_piece = matches!(form(0), "this" | "originally" | "republished" | "reprinted")
        || (form(0), form(1)) == ("a", "version");
    let credit = about_the_piece
        && words.iter().zip(words.iter().skip(1)).any(|(a, b)| {
            matches!(
                (a.form.as_str(), b.form.as_str()),
                (
                    "republished" | "reprinted",
                    "from" | "with" | "by" | "under"
                ) | ("creative", "commons")
                    | ("originally", "published" | "appeared")
            )
        })
        && count <= MAX_CREDIT_WORDS;
    let formula = words.iter().zip(words.iter().skip(1)).any(|(a, b)| {
        matches!(
            (a.form.as_str(), b.form.as_str()),
            ("thank", "you")
                | ("good", "evening" | "morning" | "night" | "afternoon")
                | ("all", "rights")
                | ("click", "here")
                | ("sign", "up")
                | ("read", "more")
                | ("listen", "to")
                | ("share", "this")
        )
    }) || words.iter().any(|w| {
        matches!(
            w.form.as_str(),
            "subscribe" | "newsletter" | "cookies" | "copyright" | "advertisement" | "welcome"
        )
    });
    bracketed || credit || count == 0 || (formula && count <= 12)
}

/// What the quoted stretches of a sentence hold, the most speech-like first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum QuotedSpeech {
    /// Only short phrases or titles: scare quotes, names ("the “AI factory”").
    Phrase,
    /// A clause or a long stretch, read as speech when someone is named.
    Clause,
    /// Words a speaker is said to have called something: 'what he called
    /// “a hoax”', 'Trump dubbed it “fake news”'.
    Attributed,
}

/// Whether quoted words read as a clause someone said: long and not a
/// title in capitals, or with a subject pronoun or a common verb.
fn is_clause(inside: &[Word]) -> bool {
    let lexical = inside.len();
    let title_case = inside
        .iter()
        .all(|w| w.capitalised || w.number || w.form.len() <= 3);
    (lexical >= 5 && !title_case)
        || (lexical >= 2 && inside.iter().any(|w| is_clause_word(&w.form)))
}

/// The most speech-like of the sentence's quoted stretches (between pairs of
/// quotation marks; an unclosed one runs to the sentence's end, and an odd
/// mark after the first word closes a quote opened in an earlier sentence:
/// 'while they were young.”').
fn quoted_speech(words: &[Word]) -> QuotedSpeech {
    let mut marks: Vec<Option<usize>> = (0..words.len())
        .filter(|&k| words[k].form == "\"")
        .map(Some)
        .collect();
    if marks.len() % 2 == 1 && marks.first().copied().flatten().is_some_and(|k| k > 0) {
        marks.insert(0, None);
    }
    let mut best = QuotedSpeech::Phrase;
    for (pair, &open) in marks.iter().enumerate().step_by(2) {
        let close = marks
            .get(pair + 1)
            .copied()
            .flatten()
            .unwrap_or(words.len());
        let from = open.map_or(0, |k| k + 1);
        let inside = words.get(from..close).unwrap_or(&[]);
        let Some(open) = open else {
            // Closing a quote from before: speech, if it reads as a clause.
            if is_clause(inside) {
                best = best.max(QuotedSpeech::Clause);
            }
            continue;
        };
        // "who he called", "what Trump dubbed", "described as": a speaker's
        // word for it, unless the author's "so-called".
        let before = |n: usize| {
            open.checked_sub(n)
                .and_then(|j| words.get(j))
                .map_or("", |w| w.form.as_str())
        };
        let calling = is_calling_verb(before(1))
            || (before(1) == "as" && before(2) == "described")
            || (is_calling_verb(before(2))
                && matches!(before(1), "it" | "them" | "him" | "her" | "this"));
        let spoken_by_someone = (1..=4).any(|n| {
            let w = open.checked_sub(n).and_then(|j| words.get(j));
            w.is_some_and(|w| {
                (w.capitalised && n > 1)
                    || matches!(w.form.as_str(), "he" | "she" | "they" | "i" | "we")
            })
        });
        // '“squatters,” as Espinosa put it': the speaker's word, named after it.
        let after = |n: usize| words.get(close + n).map_or("", |w| w.form.as_str());
        let put_it = after(1) == "as" && (after(3) == "put" || after(4) == "put");
        let found = if (calling && spoken_by_someone) || put_it {
            QuotedSpeech::Attributed
        } else if is_clause(inside) {
            QuotedSpeech::Clause
        } else {
            QuotedSpeech::Phrase
        };
        best = best.max(found);
    }
    best
}

/// The kinds of one sentence. Factual kinds first, in enum order; a sentence
/// with none gets exactly one non-claim kind, or `Other` when it still reads
/// as a statement of fact.
pub(super) fn classify(sentence: &str, words: &[Word], cues: CueSet) -> Vec<ClaimKind> {
    let mut kinds = Vec::new();
    if is_boilerplate(sentence, words) {
        return vec![ClaimKind::Boilerplate];
    }
    if cues.has(Cue::Question) {
        return vec![ClaimKind::Question];
    }
    let form = |k: usize| words.get(k).map_or("", |w| w.form.as_str());
    let before = |k: usize, n: usize| k.checked_sub(n).map_or("", form);
    let any = |f: &dyn Fn(&str, &str) -> bool| (0..words.len()).any(|k| f(form(k), form(k + 1)));

    // Digits alone make no statistic: the text layer has read them, and a
    // version ("Python 3.14"), a name ("JDK 25") or a date's day is no figure;
    // nor is a list item's number or a year the layer read as a number.
    let figure = (cues.has(Cue::LayerQuantity)
        && (0..words.len()).any(|k| states_figure(sentence, words, k)))
        || (0..words.len()).any(|k| {
            is_scale_word(form(k)) && !is_scale_in_a_name(before(k, 1), form(k), form(k + 1))
        });
    if figure {
        kinds.push(ClaimKind::Quantity);
    }
    let comparison = (0..words.len()).any(|k| {
        let (w, next) = (form(k), form(k + 1));
        (w == "than" && !is_idle_than(before(k, 2), before(k, 1), next))
            || matches!(w, "compared" | "versus" | "vs")
            || is_superlative(w)
            || (matches!(w, "most" | "least") && !matches!(next, "of" | "" | "."))
            || (w.len() > 5 && w.ends_with("est") && matches!(next, "ever" | "since" | "in"))
    });
    if comparison {
        kinds.push(ClaimKind::Comparison);
    }
    let time = cues.has(Cue::Year)
        || cues.has(Cue::DateWord)
        || cues.has(Cue::LayerTime)
        || (0..words.len()).any(|k| is_year(sentence, words, k));
    let future = any(&is_prediction);
    if time && cues.has(Cue::PastTense) {
        kinds.push(ClaimKind::Event);
    }
    if any(&is_causal) {
        kinds.push(ClaimKind::Causal);
    }
    // Quotation marks make a quote only around speech: a clause someone
    // said ("“We are close,” Witkoff said"), or words attributed to a
    // speaker ('what he called “a hoax”'). Scare quotes around a short
    // phrase in the author's own sentence ('the so-called “AI factory”')
    // do not.
    let quoted = cues.has(Cue::QuoteMark)
        && match quoted_speech(words) {
            QuotedSpeech::Attributed => true,
            QuotedSpeech::Clause => {
                cues.has(Cue::Reporting) || cues.has(Cue::LayerPerson) || cues.has(Cue::ProperNoun)
            }
            QuotedSpeech::Phrase => false,
        };
    let reported = (0..words.len())
        .any(|k| is_reporting(form(k)) && !is_idle_report(form(k), form(k + 1), form(k + 2)));
    if quoted || reported {
        kinds.push(ClaimKind::Quote);
    }
    if future {
        kinds.push(ClaimKind::Prediction);
    }
    if any(&is_rule) {
        kinds.push(ClaimKind::Rule);
    }
    let first_person = cues.has(Cue::FirstSingular);
    if first_person && cues.has(Cue::PastTense) && !cues.has(Cue::Reporting) {
        kinds.push(ClaimKind::Experience);
    }
    if !kinds.is_empty() {
        return kinds;
    }
    let opinion = cues.has(Cue::OpinionMarker) || cues.has(Cue::Evaluative);
    let rhetoric = cues.has(Cue::Exclamation) || cues.has(Cue::Rhetoric);
    if rhetoric {
        vec![ClaimKind::Rhetoric]
    } else if opinion {
        vec![ClaimKind::Opinion]
    } else if cues.has(Cue::Short) {
        vec![ClaimKind::Rhetoric]
    } else {
        vec![ClaimKind::Other]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::features::{extract_words, words};
    use ClaimKind::*;

    fn kinds(sentence: &str) -> Vec<ClaimKind> {
        let w = words(sentence);
        let layer = crate::detect::standalone_layer_cues(sentence);
        let f = extract_words(sentence, &w, layer, 8);
        classify(sentence, &w, f.cues)
    }

    #[test]
    fn kinds_on_the_extended_full_fact_typology() {
        let table: &[(&str, &[ClaimKind])] = &[
            ("Unemployment is 4.2 percent.", &[Quantity]),
            ("Millions of people lost their insurance.", &[Quantity]),
            ("Crime is higher than it was under Obama.", &[Comparison]),
            ("It is the largest tax cut in our history.", &[Comparison]),
            ("The talks collapsed on Saturday.", &[Event]),
            ("In 2019 the plant closed.", &[Event]),
            ("Prices rose because of the tariffs.", &[Causal]),
            ("The deficit was caused by the war.", &[Causal]),
            ("“We are close,” Witkoff said.", &[Quote]),
            ("According to officials, the deal is done.", &[Quote]),
            ("The economy will shrink next year.", &[Prediction]),
            ("It is illegal to carry a gun there.", &[Rule]),
            ("The Senate voted to repeal the act.", &[Rule]),
            ("I grew up in Scranton and worked in a mill.", &[Experience]),
            // Multi-label: a figure, a date, a comparison, a source.
            (
                "Exports rose 12% in 2019, more than in any year since 1990, the ministry said.",
                &[Quantity, Comparison, Event, Quote],
            ),
            // Non-claims get exactly one non-claim kind.
            ("Do you think taxes are too high?", &[Question]),
            ("How many jobs were lost in 2009?", &[Question]),
            ("I think he is a terrible leader.", &[Opinion]),
            ("We should do better.", &[Opinion]),
            ("Believe me, folks!", &[Rhetoric]),
            ("Absolutely not.", &[Rhetoric]),
            ("Thank you very much.", &[Boilerplate]),
            ("(APPLAUSE)", &[Boilerplate]),
            ("Good evening and welcome to the debate.", &[Boilerplate]),
            ("Subscribe to our newsletter", &[Boilerplate]),
            ("", &[Boilerplate]),
            // A plain statement with no other cue is still a statement.
            (
                "The senator opposes the pipeline across the reservation.",
                &[Other],
            ),
            // Hard cases: "most of" is not a superlative; "interest" is not one either.
            (
                "Most of the money went to interest payments on loans.",
                &[Other],
            ),
            // Regression: scare quotes made a sentence a quote; only quoted
            // speech does (a clause, or words attributed to a speaker).
            (
                "Nvidia is building what it markets as the so-called “AI factory” for Europe.",
                &[Other],
            ),
            ("The company opened a “Digital Hub” near Berlin.", &[Other]),
            (
                "Trump dismissed what he called “a hoax” by Democrats.",
                &[Quote],
            ),
            (
                "“We are not going anywhere,” Macron told the crowd.",
                &[Quote],
            ),
            (
                "“We are not going anywhere” was the message from Macron.",
                &[Quote],
            ),
            (
                "They hired a mixture of “squatters,” as Espinosa put it, and students.",
                &[Quote],
            ),
            // The last sentence of a quote opened in an earlier one.
            (
                "Prime Minister Netanyahu has released Palestinian prisoners.”",
                &[Quote],
            ),
            // A year alone is an event's time, not a figure.
            ("The war began in 2022.", &[Event]),
            // Regression: a version after a product name was taken for a
            // statistic ("JDK 25", "Python 3.14"), and so was a date's day.
            ("The release requires JDK 25 and Python 3.14.", &[Other]),
            ("Python 3.14 shipped on October 7, 2025.", &[Event]),
            // Regression (real pages, issue 16): a bracketed aside of many
            // words is prose, not a stage direction.
            ("(BEGIN VIDEO CLIP)", &[Boilerplate]),
            (
                "(Talk therapy, another effective treatment for anxiety, was not addressed in this study.)",
                &[Other],
            ),
            // Regression (real pages, issue 16): a republication credit.
            (
                "This article is republished from The Conversation under a Creative Commons license.",
                &[Boilerplate],
            ),
            (
                "This story originally appeared in the Texas Tribune.",
                &[Boilerplate],
            ),
            // Review of the credit rule: a claim about a study or report that
            // was published elsewhere is still a claim.
            (
                "The study, originally published in The Lancet in 1998, claimed the MMR vaccine causes autism.",
                &[Event, Causal, Quote],
            ),
        ];
        for (sentence, expected) in table {
            assert_eq!(&kinds(sentence), expected, "{sentence:?}");
        }
    }

    fn headline(sentence: &str) -> ClaimKind {
        kinds(sentence)[0]
    }

    #[test]
    fn a_title_with_majority_in_it_is_no_statistic() {
        // nytimes-4: headed "A statistical claim." with no figure shown.
        assert_eq!(
            headline("By 2017, as Senate majority leader, he quickly shepherded the tax cut through Congress."),
            Event
        );
        assert_eq!(
            headline("The majority of voters backed the measure."),
            Quantity
        );
    }

    #[test]
    fn a_price_at_market_rate_is_no_statistic() {
        assert_eq!(
            headline("In both industries annual increases probably won’t keep you at market rate over time."),
            Prediction
        );
        assert_eq!(headline("The unemployment rate fell in March."), Quantity);
    }

    #[test]
    fn a_list_items_number_is_no_figure() {
        assert_eq!(
            kinds("4. Hotel rooms are priced according to how expensive they were to build"),
            [Other]
        );
        assert_eq!(headline("4 hotels were sold."), Quantity);
    }

    #[test]
    fn a_year_of_the_distant_past_is_no_figure() {
        assert_eq!(
            headline(
                "In 1781, Antoine Court de Gébelin published a book called Le Monde Primitif."
            ),
            Event
        );
        assert_eq!(headline("In 1781 soldiers, 1200 died."), Quantity);
    }

    #[test]
    fn according_to_how_names_no_source() {
        assert_eq!(
            kinds("Seats are allocated according to how many votes a party wins."),
            [Other]
        );
        assert_eq!(
            kinds("According to the ministry, the deal is done."),
            [Quote]
        );
    }

    #[test]
    fn a_than_that_compares_nothing_makes_no_comparative_claim() {
        assert_eq!(
            kinds("Basically, for Node.js, CPU profiling is nothing more than collecting data about functions which are CPU consuming."),
            [Other]
        );
        assert!(
            !kinds("2025 is all about foods that do more than just fill you up.")
                .contains(&Comparison)
        );
        assert_eq!(kinds("We chose trains rather than planes."), [Other]);
        // Neither speech nor a comparison; not yet read as the idiom it is.
        assert_eq!(kinds("That’s easier said than done."), [Other]);
        assert_eq!(headline("Trains are faster than planes here."), Comparison);
    }
}
