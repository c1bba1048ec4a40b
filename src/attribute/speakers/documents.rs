//! Sources that are not people: a document or survey (speaking for its
//! author or owner) and a share of a group ("72 percent of Democrats").

use super::names::{core_text, is_name_word, name_in};
use super::Speaker;

use crate::attribute::context::{is_capitalised, Context};
use crate::attribute::lexicon;
use crate::attribute::SourcingKind;
use crate::segment::numbers::unit_number;
use crate::segment::{Token, TokenKind};
use crate::spans::ByteSpan;

/// The named author after "by" or "from" in a document's source phrase ("a
/// report by the Congressional Budget Office", "the tweet from Vulture
/// magazine"), as a span of the phrase.
fn author_of_document(cx: &Context, src: ByteSpan) -> Option<ByteSpan> {
    let toks = cx.tokens_in(src);
    let by = toks
        .iter()
        .position(|t| matches!(cx.word(t), "by" | "from"))?;
    let rest = ByteSpan::new(toks.get(by + 1)?.span.start, src.end);
    name_in(cx, rest).map(|_| rest)
}

/// At most this many words describe a document before its noun ("a new
/// national survey").
const DOCUMENT_MODIFIERS: usize = 3;

/// Who a document speaks for: its author ("a June report by the University
/// of Chicago Education Lab"), its owner written before it ("FEC records",
/// "the Gallup poll"), else the document itself, without what it is of ("A
/// systemic review of 27 trials" → "A systemic review").
pub(super) fn document_speaker(
    cx: &Context,
    src: ByteSpan,
    toks: &[Token],
    head: &str,
) -> Option<Speaker> {
    let mut s = Speaker::of_kind(SourcingKind::Named);
    if let Some(author) = author_of_document(cx, src) {
        s.name = Some(core_text(cx.text, author).to_string());
        return Some(s);
    }
    let h = toks
        .iter()
        .position(|t| cx.word(t).eq_ignore_ascii_case(head))?;
    let mut from = h;
    while from > 0 && is_name_word(cx, &toks[from - 1]) {
        from -= 1;
    }
    // A capitalised first word of the sentence ("New filings") is no owner;
    // an acronym there ("FEC records") is.
    let opens_sentence = |k: usize| {
        let at = toks[k].span.start;
        cx.sentence_at(at)
            .is_some_and(|i| cx.sentences[i].start == at)
    };
    let acronym = |k: usize| cx.word(&toks[k]).chars().all(|c| c.is_ascii_uppercase());
    if from < h && opens_sentence(from) && !acronym(from) {
        from += 1;
    }
    if from < h {
        s.name = Some(
            ByteSpan::new(toks[from].span.start, toks[h - 1].span.end)
                .of(cx.text)
                .to_string(),
        );
        return Some(s);
    }
    // The document itself: its noun phrase, from its determiner ("the
    // data", not "extracting greater amounts whenever the data"); a
    // sentence's capitalised first word ("New filings") is no name.
    let mut from = h;
    while from > 0
        && h - from < DOCUMENT_MODIFIERS
        && toks[from - 1].kind == TokenKind::Word
        && !is_capitalised(cx.text, &toks[from - 1])
        && !lexicon::contains(lexicon::SPEAKER_EDGE_WORDS, cx.word(&toks[from - 1]))
    {
        from -= 1;
    }
    if from > 0 && lexicon::contains(lexicon::DETERMINERS, cx.word(&toks[from - 1])) {
        from -= 1;
    }
    if from == 0 && h > 0 && opens_sentence(0) && is_name_word(cx, &toks[0]) {
        from = 1;
    }
    s.name = Some(
        ByteSpan::new(toks[from].span.start, toks[h].span.end)
            .of(cx.text)
            .to_string(),
    );
    Some(s)
}

/// "About half of voters", "72 percent of Democrats", "most voters": a
/// share of a group, a vague source (not a speaker called "About").
pub(super) fn is_share_of_people(cx: &Context, toks: &[Token]) -> bool {
    let mut words = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .skip_while(|t| lexicon::contains(lexicon::APPROXIMATORS, cx.word(t)));
    let (first, second) = (words.next(), words.next());
    let count = first.is_some_and(|t| {
        t.kind == TokenKind::Number || lexicon::contains(lexicon::SHARE_WORDS, cx.word(t))
    });
    // "Six in 10 Americans", "one out of five voters": a count spelled out.
    let spelled_ratio = first
        .is_some_and(|t| unit_number(&cx.word(t).to_ascii_lowercase()).is_some())
        && second.is_some_and(|t| matches!(cx.word(t), "in" | "out"));
    (count || spelled_ratio) && toks.len() <= 8
}
