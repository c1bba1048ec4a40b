//! The last check on every source before a reader sees it: a wrong speaker
//! is worse than none, so a source the relation does not support is
//! withdrawn (unattributed) or, for a common noun ("research shows"), made
//! vague. Each rule is about how the source was found, never about one
//! sentence:
//! - a colon label ("Breakfast: Porridge …", "Personal Plan: Starting at
//!   …") is a speaker only in a transcript (two or more labels in capitals)
//!   or when the article also names it in running text;
//! - "you" is the reader, not a source;
//! - a first word that is a function word or an adverb ("Nearly", "Among",
//!   "Accordingly Turkey") or a common word the article writes in lower
//!   case and never capitalises inside a sentence ("Babies", "Recovering")
//!   is not part of a name;
//! - a lower-case source with no article ("research", "studies") is vague;
//! - "add" and "write" take an object as often as a clause: "JavaScript
//!   added 427,000 contributors" and "has written for the blog" report no
//!   words;
//! - a role that is part of what was said, or a lone common word, is no
//!   role; a title or first word cut from the name goes back to it;
//! - a place after the source ("Roper Corporation in La Fayette, Georgia,
//!   claims") is not the source;
//! - a title-case word before its own noun or particle ("Notable feature",
//!   "Check out") is not a name, nor is a phrase opening with a personal
//!   pronoun ("we chain another LLM"); "I" after a two-word name is a
//!   numeral ("King Charles I"), not the writer.
//!
//! What the check asks of the whole page (words capitalised inside a
//! sentence, transcript labels, persons by name) is built once per page.

use super::context::Context;
use super::lexicon;
use super::reported::Relation;
use super::speakers::Speaker;
use super::SourcingKind;
use crate::segment::TokenKind;
use crate::spans::ByteSpan;

/// Checks `s`, the resolved source of `r`, in place (see the module comment).
pub fn check(cx: &Context, people: &Persons, r: &Relation, s: &mut Speaker) {
    if s.kind != SourcingKind::Named {
        return;
    }
    if let Some(verdict) = verdict(cx, people, r, s) {
        *s = Speaker {
            kind: verdict,
            name: None,
            role: None,
            candidates: Vec::new(),
            note: None,
        };
        return;
    }
    if let (Some(name), Some(role)) = (s.name.clone(), s.role.clone()) {
        let (name, role) = mend_name_and_role(cx, r, name, role);
        s.name = Some(name);
        s.role = role;
    }
    if s.role.as_deref().is_some_and(|role| !is_role(cx, r, role)) {
        s.role = None;
    }
}

/// A name and its role cut in the wrong place: "spine surgeon Dr." for Dr.
/// Ehsan Jazini (the title is the name's), "Insurance company State" for
/// State Farm (the name's first word), "American" for the American College
/// of Sports Medicine (an organisation's first word).
fn mend_name_and_role(
    cx: &Context,
    r: &Relation,
    name: String,
    role: String,
) -> (String, Option<String>) {
    let mut words: Vec<&str> = role.split_whitespace().collect();
    let first_of_name = name.split_whitespace().next().unwrap_or("");
    if words.last().is_some_and(|w| {
        crate::segment::sentences::abbreviations::TITLES.contains(&w.trim_end_matches('.'))
            || *w == first_of_name
    }) {
        words.pop();
    }
    let source = r.source.map_or("", |src| src.of(cx.text));
    let organisation = name.contains(" of ") || name.contains(" for ");
    if let [word] = words[..] {
        let lower = word.to_lowercase();
        if organisation
            && word.starts_with(char::is_uppercase)
            && !lexicon::has(
                lexicon::bits::ROLE_HEADS | lexicon::bits::PERSON_NOUNS,
                &lower,
            )
            && source.contains(&format!("{word} {name}"))
        {
            return (format!("{word} {name}"), None);
        }
    }
    let role = (!words.is_empty()).then(|| words.join(" "));
    (name, role)
}

/// The kind a source becomes when it cannot be shown, or `None` to keep it
/// (its name possibly trimmed).
fn verdict(cx: &Context, people: &Persons, r: &Relation, s: &mut Speaker) -> Option<SourcingKind> {
    let src = r.source?;
    let source_text = src.of(cx.text).trim();
    if source_text.eq_ignore_ascii_case("you") {
        return Some(SourcingKind::Unattributed);
    }
    if is_colon_label(cx, r, src)
        && (!label_is_speaker(cx, people, src)
            || is_field_value(cx, r)
            || describes_the_label(cx, r, src))
    {
        return Some(SourcingKind::Unattributed);
    }
    if object_not_speech(cx, r) {
        return Some(SourcingKind::Unattributed);
    }
    let name = s.name.clone()?;
    if let Some(list) = whole_list(cx, r, src) {
        s.name = Some(list);
        return None;
    }
    // "Roper Corporation in La Fayette, Georgia, claims": the place is
    // where the subject is, not who speaks.
    if ends_a_place(cx, r, src) {
        return Some(SourcingKind::Unattributed);
    }
    // "we chain another LLM call": a clause cut before its verb, never a
    // name, opens with a personal pronoun.
    // In any case ("We chain"), but "WHO said" is the organisation.
    let first = name.split_whitespace().next().unwrap_or("");
    let acronym = first.len() > 1 && !first.contains(char::is_lowercase);
    if !acronym && lexicon::has(lexicon::bits::PRONOUNS, first) {
        return Some(SourcingKind::Unattributed);
    }
    if names_the_writer(cx, src, &name) {
        return Some(SourcingKind::Unattributed);
    }
    if !name.chars().any(char::is_uppercase) && !opens_with_determiner(&name) {
        return Some(SourcingKind::Vague);
    }
    if coordinates_possessives(&name) {
        // The one owner this relation's own source names ("ClassPass
        // said", resolved to "Both Strava's and ClassPass"); both, or
        // neither, is no one source.
        let named: Vec<&str> = owners(&name)
            .into_iter()
            .filter(|o| has_word(source_text, o))
            .collect();
        return match named[..] {
            [owner] => {
                s.name = Some(owner.to_string());
                None
            }
            _ => Some(SourcingKind::Unattributed),
        };
    }
    if !name.contains(char::is_whitespace) {
        // "Research shows": a document with no owner is no name.
        if lexicon::has(lexicon::bits::DOCUMENTS, &name.to_lowercase()) {
            return Some(SourcingKind::Vague);
        }
        if modifies_the_source(cx, src, &name)
            || opens_with_participle(cx, r, src, &name)
            || qualifies_the_next_word(cx, r, src, &name)
        {
            return Some(SourcingKind::Unattributed);
        }
    }
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while let Some(&first) = words.first() {
        if !is_not_a_name_word(cx, first) {
            break;
        }
        words.remove(0);
    }
    match words.first() {
        Some(w) if words.len() < name.split_whitespace().count() => {
            // What is left must still read as a name: "Turkey" is written
            // "said Turkey" elsewhere; "Speed" of "Loading Speed" is not.
            if !w.starts_with(char::is_uppercase) || !cx.capitalised_inside_a_sentence(w) {
                return Some(SourcingKind::Unattributed);
            }
            s.name = Some(words.join(" "));
            None
        }
        Some(_) => None,
        None => {
            let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
            Some(if lexicon::has(lexicon::bits::DOCUMENTS, &last) {
                SourcingKind::Vague
            } else {
                SourcingKind::Unattributed
            })
        }
    }
}

/// "players like Elevance Health, Centene, and Cigna have announced",
/// "Apple, Google and Microsoft said": a source cut from the end of a list
/// of names is the whole list, not its last one or two. The list opens the
/// clause or follows "like", "including" or "as"; "Trump won New York, and
/// Clinton said" is two clauses.
fn whole_list(cx: &Context, r: &Relation, src: ByteSpan) -> Option<String> {
    let sentence = cx.sentences.get(r.sentence)?;
    let before = cx.text.get(sentence.start..src.start)?;
    let source = src.of(cx.text).trim();
    let mut joined = source.contains(" and ") || source.contains(" or ");
    let mut rest = before.trim_end();
    let mut items = 0;
    loop {
        let mut r2 = rest;
        if let Some(x) = r2.strip_suffix(" and").or_else(|| r2.strip_suffix(" or")) {
            joined = true;
            r2 = x.trim_end();
        }
        let Some(r3) = r2.strip_suffix(',') else {
            break;
        };
        let r3 = r3.trim_end();
        let item_start = r3
            .rsplit(' ')
            .take_while(|w| w.starts_with(char::is_uppercase))
            .map(|w| w.len() + 1)
            .sum::<usize>();
        if item_start == 0 {
            break;
        }
        // The item's words were split at spaces: `cut` is where it starts.
        let cut = (r3.len() + 1).saturating_sub(item_start);
        let (Some(head), Some(item)) = (r3.get(..cut), r3.get(cut..)) else {
            break;
        };
        // "Meanwhile, Google and Microsoft said": an opening adverb is no
        // item of the list.
        // "On Monday, …", "Unlike Apple, …": a phrase opened by a
        // preposition, or holding a word no name has, is no item either.
        let item = item.trim();
        let first = item.split(' ').next().unwrap_or("").to_lowercase();
        let opens_phrase = lexicon::contains(lexicon::ADJUNCT_STARTS, &first)
            || matches!(first.as_str(), "unlike" | "besides" | "except");
        let not_a_name = opens_phrase
            || item.split(' ').any(|w| is_not_a_name_word(cx, w))
            || (!item.contains(' ') && super::reported::is_adverb(&item.to_lowercase()));
        if not_a_name {
            break;
        }
        items += 1;
        rest = head.trim_end();
    }
    let last = rest.rsplit(' ').next().unwrap_or("");
    let opens = rest.is_empty()
        || rest.ends_with(',')
        || matches!(last.to_lowercase().as_str(), "like" | "including" | "as");
    if items == 0 || !joined || !opens {
        return None;
    }
    let from = sentence.start + rest.len();
    let list = cx.text.get(from..src.end)?.trim();
    Some(list.to_string())
}

/// "Both Strava's and ClassPass": two owners cut from "… reports", no one
/// source.
fn coordinates_possessives(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .windows(2)
        .any(|pair| (pair[0].ends_with("'s") || pair[0].ends_with("’s")) && pair[1] == "and")
}

/// "Large crowds of protesters have called for", "Recent projections by
/// Gartner suggest": a capitalised word opening the sentence and the source
/// phrase, before the phrase's lower-case head, that the article never
/// capitalises inside a sentence, as it would a name. It describes the
/// source; it does not name it.
fn modifies_the_source(cx: &Context, src: ByteSpan, word: &str) -> bool {
    let phrase = src.of(cx.text).trim_start();
    let Some(rest) = phrase.strip_prefix(word) else {
        return false;
    };
    let opens = cx.tokens_in(src).first().is_some_and(|t| {
        cx.word(t) == word && (cx.opens_sentence(t) || after_label(cx, t.span.start))
    });
    // Title case only: "FEC records" and "ClassPass data" name their owner.
    let title_case =
        word.starts_with(char::is_uppercase) && word.chars().skip(1).all(|c| c.is_lowercase());
    // "Trump himself said": a reflexive after a name only stresses it.
    let reflexive = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| lexicon::contains(lexicon::REFLEXIVES, w));
    opens
        && title_case
        && rest.starts_with(' ')
        && rest.trim_start().starts_with(char::is_lowercase)
        && !reflexive
        && !cx.capitalised_inside_a_sentence(word)
}

/// "Notable feature: Uses …", "Check out the list", "Honorable mentions
/// go to": a title-case word opening its sentence (or a line after a
/// label), which the article never capitalises inside a sentence, followed
/// by a lower-case word that is not the cue (or a cue as often a noun,
/// "mentions"): an adjective or verb before its noun or particle, not a
/// name. An adverb or auxiliary after it ("Nippers once observed", "Smith
/// has said") leaves it a name.
fn qualifies_the_next_word(cx: &Context, r: &Relation, src: ByteSpan, word: &str) -> bool {
    let title_case =
        word.starts_with(char::is_uppercase) && word.chars().skip(1).all(|c| c.is_lowercase());
    if !title_case || src.of(cx.text).trim() != word {
        return false;
    }
    let at = cx.tokens.partition_point(|t| t.span.start < src.start);
    let (Some(t), Some(next)) = (cx.tokens.get(at), cx.tokens.get(at + 1)) else {
        return false;
    };
    if cx.word(t) != word || !(cx.opens_sentence(t) || after_label(cx, t.span.start)) {
        return false;
    }
    let n = cx.word(next);
    let cue_next = next.span.start == r.cue.start;
    let lower_word = n.chars().all(|c| c.is_ascii_lowercase());
    // "Nippers once observed", "Biden on Tuesday said", "Trump himself
    // said", "Smith has said": an adverb, adjunct, reflexive or auxiliary
    // between a name and its verb.
    let adverb_or_auxiliary = super::reported::is_adverb(n)
        || lexicon::contains(lexicon::NOT_NAME_OPENERS, n)
        || lexicon::contains(lexicon::REFLEXIVES, n)
        || cx.has(
            next,
            lexicon::bits::VERB_WORDS
                | lexicon::bits::BE_FORMS
                | lexicon::bits::CUE_TIME_SUFFIXES
                | lexicon::bits::CUE_PREFIXES
                | lexicon::bits::LEADING_CONNECTIVES
                | lexicon::bits::ADJUNCT_STARTS,
        );
    // "mentions" is the plural of the nounish "mention"; "Ecobee reports
    // that …" is the verb, whatever the word.
    let nounish = lexicon::has(lexicon::bits::NOUNISH, n)
        || n.strip_suffix('s')
            .is_some_and(|one| lexicon::has(lexicon::bits::NOUNISH, one));
    let clause_next = cx
        .tokens
        .get(at + 2)
        .is_none_or(|t| t.kind != TokenKind::Word || cx.word(t) == "that");
    let nounish_cue = cue_next && nounish && !clause_next;
    next.span.start == t.span.end + 1
        && lower_word
        && !adverb_or_auxiliary
        && (!cue_next || nounish_cue)
        && !cx.capitalised_inside_a_sentence(word)
}

/// The owners of a coordination of possessives, "Both Strava's and
/// ClassPass" → Strava, ClassPass.
fn owners(name: &str) -> Vec<&str> {
    name.split(" and ")
        .map(|part| {
            let part = part.trim();
            let part = part.strip_prefix("Both ").unwrap_or(part);
            part.trim_end_matches("'s").trim_end_matches("’s")
        })
        .filter(|o| !o.is_empty())
        .collect()
}

/// Whether `text` holds `word` as whole words.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let end = at + word.len();
        !text[..at].ends_with(char::is_alphanumeric)
            && !text[end..].starts_with(char::is_alphanumeric)
    })
}

/// Whether `src` closes "X in Town, Region," before the cue: the region of
/// the subject's place.
fn ends_a_place(cx: &Context, r: &Relation, src: ByteSpan) -> bool {
    let Some(sentence) = cx.sentences.get(r.sentence) else {
        return false;
    };
    // A pronoun ("After … in June, he admitted") is not a place; nor is a
    // name the cue follows directly ("Speaking in Kyiv, Zelensky said"): the
    // region sits between commas ("in La Fayette, Georgia, claims").
    let comma_after = src.of(cx.text).trim_end().ends_with(',')
        || cx
            .text
            .get(src.end..)
            .is_some_and(|rest| rest.trim_start().starts_with(','));
    if !comma_after || !src.of(cx.text).trim_start().starts_with(char::is_uppercase) {
        return false;
    }
    let before = cx
        .text
        .get(sentence.start..src.start)
        .unwrap_or("")
        .trim_end();
    let Some(head) = before.strip_suffix(',') else {
        return false;
    };
    let last = head.rsplit(',').next().unwrap_or("");
    last.split_whitespace()
        .rev()
        .find(|w| !w.starts_with(char::is_uppercase))
        .is_some_and(|w| w == "in")
}

/// "Pralana: This was perhaps the most requested review", "HubSpot Inbound
/// Marketing: This free certification course …": a title-case label (not
/// a transcript's capitals) whose text opens by pointing back at it is a
/// list item's heading and its description, written by the article. One
/// such paragraph is no list: "Graham: This is the worst deal in history"
/// after "Senator Lindsey Graham spoke" is Graham speaking.
fn describes_the_label(cx: &Context, r: &Relation, src: ByteSpan) -> bool {
    let label = src.of(cx.text).trim();
    let first = r
        .content
        .first()
        .and_then(|c| c.of(cx.text).split_whitespace().next())
        .unwrap_or("");
    !super::context::is_shouted(label)
        && matches!(first, "This" | "These")
        && labels_described_in_a_list(cx.text) >= 2
}

/// Paragraphs that open "Label: This …" or "Label: These …" (counted up to
/// two): a list of items each described under its heading.
fn labels_described_in_a_list(text: &str) -> usize {
    text.split('\n')
        .filter(|line| {
            line.trim_start()
                .split_once(": ")
                .is_some_and(|(label, rest)| {
                    !label.is_empty()
                        && !label.contains(['.', '!', '?'])
                        && matches!(rest.split_whitespace().next(), Some("This" | "These"))
                })
        })
        .take(2)
        .count()
}

/// A field's value after its label ("CEO: Arvind Krishna"): fewer than four
/// words, where a speaker's turn is a sentence.
fn is_field_value(cx: &Context, r: &Relation) -> bool {
    let words: usize = r
        .content
        .iter()
        .map(|c| c.of(cx.text).split_whitespace().count())
        .sum();
    words < 4
}

/// "Recovering myself, I advanced", "Mortified as I was": a participle
/// opening the sentence, which the article never capitalises inside one.
/// The ending alone is no evidence: "Fielding said", "Breed said" are
/// surnames a verb cue follows directly, which a participle never is, so
/// the word must be written in lower case elsewhere or stand apart from the
/// cue.
fn opens_with_participle(cx: &Context, r: &Relation, src: ByteSpan, word: &str) -> bool {
    let participle = word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed"));
    // A cue that is as often a noun ("Related reports include") may be
    // the participle's head noun instead.
    let cue = r.cue.of(cx.text).trim().to_lowercase();
    let cue_follows = src.of(cx.text).trim() == word
        && !lexicon::has(lexicon::bits::NOUNISH, &cue)
        && src.end <= r.cue.start
        && cx
            .text
            .get(src.end..r.cue.start)
            .is_some_and(|gap| gap.trim().is_empty());
    participle
        && (cx.written_in_lower_case(word) || !cue_follows)
        && cx
            .tokens_in(src)
            .first()
            .is_some_and(|t| cx.word(t) == word && cx.opens_sentence(t))
        && !cx.capitalised_inside_a_sentence(word)
}

/// A name holding "I" as the writer ("Mortified as I was"), not as a
/// king's numeral ("King Charles I said").
fn names_the_writer(cx: &Context, src: ByteSpan, name: &str) -> bool {
    if !name.split_whitespace().any(is_first_person) {
        return false;
    }
    // The source's own tokens, found in the page's tokens so that
    // `is_regnal_numeral` can look at the two before each "I" ("King
    // Charles I") without rescanning a long sentence per source.
    let from = cx.tokens.partition_point(|t| t.span.start < src.start);
    let to = from + cx.tokens_in(src).len();
    !(from..to).any(|k| {
        cx.tokens.get(k).is_some_and(|t| cx.word(t) == "I")
            && super::phrases::is_regnal_numeral(cx, cx.tokens, k)
    })
}

/// "I", "I’d", "I’ve": the writer, never a named source.
fn is_first_person(word: &str) -> bool {
    let w = word.replace('’', "'");
    matches!(w.as_str(), "I" | "I'd" | "I've" | "I'm" | "I'll")
}

fn opens_with_determiner(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    lexicon::contains(lexicon::DETERMINERS, &first)
}

/// A word that does not start a name: a function word or adverb in any
/// case, or a common word the article writes in lower case and capitalises
/// only where a sentence opens.
fn is_not_a_name_word(cx: &Context, word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    if matches!(lower.as_str(), "a" | "an" | "the") || w.is_empty() {
        return false;
    }
    if lexicon::contains(lexicon::NOT_NAME_OPENERS, &lower) {
        return true;
    }
    w.starts_with(char::is_uppercase)
        && w.chars().skip(1).all(|c| !c.is_uppercase())
        && cx.written_in_lower_case(w)
        && !cx.capitalised_inside_a_sentence(w)
}

fn after_label(cx: &Context, at: usize) -> bool {
    super::context::after_label(cx.text, at)
}

/// A relation whose cue is the colon right after its source, with no
/// quotation after it (a quotation in marks is speech: "Carl Bialik: “…”").
fn is_colon_label(cx: &Context, r: &Relation, src: ByteSpan) -> bool {
    r.cue.of(cx.text) == ":"
        && src.end <= r.cue.start
        && cx
            .text
            .get(src.end..r.cue.start)
            .is_some_and(|gap| gap.trim().is_empty())
        && !r.direct
}

/// A label speaks when the article is a transcript (two or more labels in
/// capitals, "TAPPER:" and "FALLIN:") or names that person elsewhere too
/// ("Graham: …" and "Senator Lindsey Graham").
fn label_is_speaker(cx: &Context, people: &Persons, src: ByteSpan) -> bool {
    let label = src.of(cx.text).trim();
    if super::context::is_shouted(label) && cx.is_transcript() {
        return true;
    }
    people.named_elsewhere(cx, label, src)
}

/// "JavaScript added 427,000 contributors", "has written for the blog since
/// 2018": a verb that takes an object as often as a clause, here with an
/// object and no words reported.
fn object_not_speech(cx: &Context, r: &Relation) -> bool {
    let cue = r.cue.of(cx.text).trim();
    let verb = cue.split_whitespace().last().unwrap_or("").to_lowercase();
    // "Bun launched in 2022": launching a product says nothing either.
    let add = matches!(
        verb.as_str(),
        "add" | "adds" | "added" | "adding" | "launch" | "launches" | "launched"
    );
    let write = matches!(verb.as_str(), "write" | "writes" | "wrote" | "written");
    if !add && !write {
        return false;
    }
    let Some(first) = r.content.first() else {
        return false;
    };
    // Content before the cue (", he added.") was spoken.
    if first.end <= r.cue.start {
        return false;
    }
    let between = cx.text.get(r.cue.end..first.start).unwrap_or("");
    let content = first.of(cx.text).trim_start();
    let opens_clause = |s: &str| {
        s.contains([':', '“', '"', ',', '‘'])
            || s.split_whitespace().any(|w| w.eq_ignore_ascii_case("that"))
    };
    if opens_clause(between)
        || content.starts_with(['“', '"', '‘'])
        || content
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("that"))
    {
        return false;
    }
    if add {
        return true;
    }
    let next = format!("{between} {content}");
    let next = next.split_whitespace().next().unwrap_or("");
    next.eq_ignore_ascii_case("for")
        || next.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£'))
        || matches!(next, "thousands" | "hundreds" | "dozens" | "millions")
}

/// A role names what the source is: not a piece of what was said, not a
/// lone common word ("update"), not a phrase opened by a preposition
/// ("between humans and AI").
fn is_role(cx: &Context, r: &Relation, role: &str) -> bool {
    let in_content = r.content.iter().any(|c| c.of(cx.text).contains(role));
    let words: Vec<&str> = role.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let lone_common = words.len() == 1
        && !role.starts_with(char::is_uppercase)
        && !lexicon::has(
            lexicon::bits::ROLE_HEADS | lexicon::bits::PERSON_NOUNS,
            &first,
        );
    let opens_phrase = lexicon::contains(lexicon::ADJUNCT_STARTS, &first)
        || lexicon::contains(lexicon::NOT_NAME_OPENERS, &first);
    !in_content && !lone_common && !opens_phrase
}

mod persons;
pub use persons::Persons;

#[cfg(test)]
mod tests;
