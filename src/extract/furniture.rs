//! Page furniture inside the article that only its words give away, run on
//! the cleaned article ([`super::clean`]): caption labels ("Image caption",
//! "toggle caption"), photo credits ("Getty Images", "Credit: …", a
//! caption's trailing "(AP Photo/…)"), media-player notices, share and
//! "Get short URL" widgets, timestamp and "Posted by" lines, ad and
//! "loading" labels, and stock-quote tables.
//!
//! Elements are removed whole, and a credit ending a caption's text node is
//! cut off its end, so the text still maps back to the page exactly.
//! Only short elements are judged: prose never consists of these words.
//! Calls to subscribe and copyright notices (a short block naming a
//! newsletter and "sign up", or "all rights reserved" and ©) go too.
//! The word lists live in this module and its submodules, and nowhere else.

mod credits;
mod prices;
mod timestamps;

pub use credits::{is_author_bio, is_contributor_line, is_credit, opens_caption};
pub use prices::{is_line_list, is_price_list, is_price_tag};
use timestamps::{is_timestamp_line, is_widget_or_time_word};

use super::dom::{Dom, Id, NIL};
use super::measure::Measures;
use super::phrases::PhraseLists;
use super::render::is_block_tag;
use super::template_lines::{self, RELATED_HEADINGS};

/// Longer elements are not furniture by their words.
const MAX_CHARS: usize = 400;
const MAX_WORDS: usize = 24;

/// Phrases that are furniture wherever they are the whole of an element,
/// even an inline one, lower-case.
const LABEL_PHRASES: &[&str] = &[
    "media playback is unsupported on your device",
    "your browser does not support the video tag",
    "your browser does not support the audio element",
    "image caption",
    "media caption",
    "video caption",
    "toggle caption",
    "show caption",
    "hide caption",
    "image copyright",
    "image source",
    "enlarge this image",
    "get short url",
    "loading paragraph",
    "skip advertisement",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "listen to this article",
    "copy link",
    "link copied",
    "already have an account",
    "related topics",
    "more news",
    "further reading",
    "share this article",
    "share this story",
    "share this post",
    "view author page",
    "press enter or click to view image in full size",
    "add as a preferred source on google",
];

/// Labels that open a teaser line pointing at another article ("Related:
/// …", "READ MORE: …", "[See also: …]"), lower-case.
const TEASER_LABELS: &[&str] = &[
    "related",
    "related article",
    "related story",
    "related content",
    "related coverage",
    "read more",
    "read also",
    "also read",
    "read",
    "see also",
    "also see",
    "more",
    "more on this",
    "more on this story",
    "watch",
    "watch more",
    "listen",
    "recommended",
    "don't miss",
    "must read",
    "read next",
    "up next",
    "further reading",
];

/// How the heading of a box of links to other articles opens ("More about
/// the federal debt and the economy"), lower-case.
const TEASER_HEADINGS: &[&str] = &["more about ", "more on ", "more from "];

/// Longer lines are not headings of a box of links.
const MAX_TEASER_HEADING_WORDS: usize = 8;

/// Above this many words after its label, a line is not a teaser.
const MAX_TEASER_WORDS: usize = 30;

/// How a box about the author or an edition notice opens; such a block of
/// at most [`MAX_NAMED_CHARS`] is furniture, lower-case.
const NOTICE_OPENERS: &[&str] = &[
    "about the author",
    "about the contributor",
    "about the writer",
    "a version of this article appears in print",
    "a version of this story appears in print",
    "a version of this article appeared in print",
    "a version of this story appeared in print",
    "this article was originally published",
    "this story was originally published",
    "this article originally appeared",
    "this story originally appeared",
];

/// A short block holding one of these phrases and one of [`CALL_WORDS`] is
/// a call to subscribe or a copyright notice, not the article.
const CALL_PHRASES: &[&str] = &["newsletter", "all rights reserved"];
const CALL_WORDS: &[&str] = &["sign up", "signup", "subscribe", "inbox", "copyright", "©"];

/// Longer blocks are not calls to subscribe.
const MAX_CALL_WORDS: usize = 50;

/// [`CALL_PHRASES`] (bit 0) and [`CALL_WORDS`] (bit 1), found in one pass.
static CALL_LISTS: PhraseLists = PhraseLists::new(&[CALL_PHRASES, CALL_WORDS]);

/// The phrases cut out of a block before its words are judged as a widget
/// line, found in one pass: most blocks hold none, and then nothing is cut.
static CUT_PHRASES: PhraseLists = PhraseLists::new(&[LABEL_PHRASES, RELATED_HEADINGS]);

/// Class and id words of boxes about the author or the publisher that sit
/// inside article markup: author bios, bylines, affiliate disclosures.
const FURNITURE_NAMES: &[&str] = &[
    "author-bio",
    "authorbio",
    "author_bio",
    "author-box",
    "authorbox",
    "author_box",
    "about-author",
    "about-the-author",
    "author-info",
    "author-card",
    "saboxplugin",
    "vcard",
    "byline",
    "disclosure",
];

/// Longer elements are not furniture by their names.
const MAX_NAMED_CHARS: usize = 1000;

/// Words of a stock-quote table's header: a change column is required.
const QUOTE_CHANGE_WORDS: &[&str] = &["change", "chg", "chg.", "change%", "%chg", "+/-"];

/// A `<time>` whose neighbours are elements or white space stands apart
/// from running text: a date stamp ("22 Dec, 2016" twice in breitbart's
/// header became a claim), judged as a block is. A `<time>` inside a
/// sentence is never judged alone.
fn is_standalone_time(dom: &Dom<'_>, node: Id) -> bool {
    dom.tag(node) == "time"
        && [dom.prev_sibling(node), dom.next_sibling(node)]
            .into_iter()
            .all(|s| s == NIL || !dom.is_text(s) || dom.text(s).trim().is_empty())
}

/// Removes the furniture in the article below `article`. `measures` must
/// be up to date for the article: longer elements are not read at all.
pub fn remove_furniture(dom: &mut Dom<'_>, article: Id, measures: &Measures) {
    let mut node = dom.next_element(article, false);
    let end = dom.next_element(article, true);
    while node != NIL && node != end {
        let tag = dom.tag(node);
        if matches!(tag, "table" | "pre" | "code") && !(tag == "table" && is_quote_table(dom, node))
        {
            // Data and code are judged as a whole, never cell by cell.
            node = dom.next_element(node, true);
            continue;
        }
        let len = measures.len(node) as usize;
        let block = is_block_tag(tag) || is_standalone_time(dom, node);
        let furniture = tag == "table"
            || super::comments::is_comment_element(dom, node)
            || (len <= MAX_NAMED_CHARS && is_named_furniture(dom, node))
            || (len <= MAX_CHARS && {
                short_text(dom, node, MAX_CHARS).is_some_and(|t| {
                    let links = measures.link_density(node);
                    is_furniture_text(&t, block)
                        || (block && is_teaser_line(&t, links))
                        || (block && is_notice(&t))
                        || (block
                            && template_lines::is_template_line(&t, links)
                            && !has_block_descendant(dom, node))
                })
            })
            || (block
                && len > MAX_CHARS
                && len <= MAX_NAMED_CHARS
                && is_notice(&text_start(dom, node)));
        if furniture {
            let tail = related_tail(dom, node, article, measures);
            let next = dom.next_element(tail.last().copied().unwrap_or(node), true);
            for id in tail {
                dom.remove(id);
            }
            dom.remove(node);
            node = next;
        } else {
            node = dom.next_element(node, false);
        }
    }
    cut_trailing_credits(dom, article);
}

/// At most this share of the article, and this many characters, follow a
/// heading of a box of links and go with it.
const MAX_TAIL_SHARE: f32 = 0.34;
const MAX_TAIL_CHARS: u32 = 4000;

/// What goes with a heading of a box of links ("Other posts you may enjoy",
/// "Up next") at the article's end: the elements after it, when they are
/// a small part of the article. The heading is climbed out of wrappers it
/// fills alone first. Empty for any other element.
fn related_tail(dom: &Dom<'_>, heading: Id, article: Id, measures: &Measures) -> Vec<Id> {
    let is_heading = short_text(dom, heading, 60).is_some_and(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        RELATED_HEADINGS.contains(&t)
    });
    if !is_heading {
        return Vec::new();
    }
    let mut anchor = heading;
    loop {
        let parent = dom.parent(anchor);
        let alone =
            dom.element_child_count(parent) == 1 && measures.len(parent) == measures.len(anchor);
        if parent == NIL || parent == article || !alone {
            break;
        }
        anchor = parent;
    }
    let mut tail = Vec::new();
    let mut chars = 0;
    let mut next = dom.next_element_sibling(anchor);
    while next != NIL {
        chars += measures.len(next);
        tail.push(next);
        next = dom.next_element_sibling(next);
    }
    let limit = (measures.len(article) as f32 * MAX_TAIL_SHARE) as u32;
    if chars > limit.min(MAX_TAIL_CHARS) {
        return Vec::new();
    }
    tail
}

/// Some element below `id` is a block: `id` holds more than one line.
fn has_block_descendant(dom: &Dom<'_>, id: Id) -> bool {
    dom.descendants_or_self(id)
        .skip(1)
        .any(|d| dom.is_element(d) && is_block_tag(dom.tag(d)))
}

/// An author box, byline or disclosure by its class or id.
fn is_named_furniture(dom: &Dom<'_>, id: Id) -> bool {
    let (class, id_attr) = (dom.class(id), dom.id_attr(id));
    if class.is_empty() && id_attr.is_empty() {
        return false;
    }
    let names = super::hints::match_string(class, id_attr);
    let named = FURNITURE_NAMES.iter().any(|w| names.contains(w))
        || names.split([' ', '-', '_']).any(|w| w == "bio");
    named
}

/// The element's text, whitespace collapsed and lower-cased, when it is
/// short enough to judge.
fn short_text(dom: &Dom<'_>, id: Id, max_chars: usize) -> Option<String> {
    let mut s = String::new();
    for d in dom.descendants_or_self(id) {
        if dom.is_text(d) {
            s.push_str(dom.text(d));
            if s.len() > 4 * max_chars {
                return None;
            }
        }
    }
    let s = collapsed(&s);
    (!s.is_empty() && s.chars().count() <= max_chars).then(|| lowercase(s))
}

/// `s` with each run of white space one space, and none at the ends.
fn collapsed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `s` lower-cased, in place when it is ASCII (nearly every element's text).
fn lowercase(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        s
    } else {
        s.to_lowercase()
    }
}

/// Enough of an element's opening, collapsed and lower-cased, to match
/// [`NOTICE_OPENERS`] (read this way, long paragraphs cost little).
fn text_start(dom: &Dom<'_>, id: Id) -> String {
    const OPENING_BYTES: usize = 64;
    let mut s = String::new();
    for d in dom.descendants_or_self(id) {
        if dom.is_text(d) {
            s.push_str(dom.text(d));
            if s.len() >= OPENING_BYTES {
                break;
            }
        }
    }
    lowercase(collapsed(&s))
}

/// A box about the author or an edition notice, by how it opens
/// ("About the author: …", "A version of this article appears in print …").
/// A heading alone ("About the author") is left: it makes no claim.
pub fn is_notice(text: &str) -> bool {
    NOTICE_OPENERS.iter().any(|o| {
        text.strip_prefix(o)
            .is_some_and(|rest| rest.split_whitespace().count() >= 2)
    })
}

/// A teaser line: a label ("related:", "read more:", "[see also: …]") and
/// a short text that is mostly a link (`link_density` of the element).
pub fn is_teaser_line(text: &str, link_density: f32) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(rest) = TEASER_LABELS.iter().find_map(|label| {
        let rest = t.strip_prefix(label)?;
        let after = rest.trim_start();
        // The label ends at a separator: "Related: …", "Watch | …".
        let sep = after.strip_prefix([':', '|', '»', '>', '–', '—', '-'])?;
        Some(sep)
    }) else {
        return false;
    };
    let words = rest.split_whitespace().count();
    words > 0 && words <= MAX_TEASER_WORDS && link_density >= 0.5
}

/// `text` (collapsed, lower-case) is furniture as the whole of an element;
/// `block`: the element is a block, where widget and timestamp lines count.
pub fn is_furniture_text(text: &str, block: bool) -> bool {
    let sentence = text.trim_end().ends_with(['.', '!', '?']) && !text.trim_end().ends_with(".m.");
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | ':' | '|'));
    if text.is_empty() {
        return false;
    }
    if LABEL_PHRASES.contains(&text) || RELATED_HEADINGS.contains(&text) || is_credit(text) {
        return true;
    }
    if !block {
        return false;
    }
    if CALL_LISTS.found_in(text) == 0b11 && text.split_whitespace().count() <= MAX_CALL_WORDS {
        return true;
    }
    let teaser_heading = TEASER_HEADINGS.iter().any(|h| text.starts_with(h))
        && text.split_whitespace().count() <= MAX_TEASER_HEADING_WORDS;
    if is_slide_counter(text) || (!sentence && (teaser_heading || is_timestamp_line(text))) {
        return true;
    }
    let cut;
    let rest = if CUT_PHRASES.any_in(text) {
        // Phrase by phrase, as a cut can join the text around it into
        // another phrase.
        let mut rest = text.to_string();
        for phrase in LABEL_PHRASES.iter().chain(RELATED_HEADINGS) {
            rest = rest.replace(phrase, " ");
        }
        cut = rest;
        cut.as_str()
    } else {
        text
    };
    let words: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | '|' | '/' | '•' | '·' | '-' | '–' | '—' | '(' | ')')
        })
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '.' | ';' | '!' | '?')))
        .filter(|w| !w.is_empty())
        .collect();
    // Plain counts ("1", "24") are list numbers and table figures, not
    // furniture by themselves.
    let plain_count = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    words.len() <= MAX_WORDS
        && words.iter().all(|w| is_widget_or_time_word(w))
        && (words.is_empty() || !words.iter().all(plain_count))
}

/// A gallery's "1 / 5" or "3 of 12" (not a rating, "5/5").
fn is_slide_counter(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty() && *w != "of")
        .collect();
    let numbers = parts.len() == 2
        && parts
            .iter()
            .all(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()));
    numbers && (text.contains(" / ") || text.contains(" of "))
}

/// Cuts a credit in parentheses off the end of text nodes:
/// "Caption text. (AP Photo/Evan Vucci)" keeps "Caption text.".
fn cut_trailing_credits(dom: &mut Dom<'_>, article: Id) {
    let texts: Vec<Id> = dom
        .descendants_or_self(article)
        .filter(|&d| dom.is_text(d))
        .collect();
    for t in texts {
        let data = dom.text(t);
        let trimmed = data.trim_end();
        if !trimmed.ends_with(')') {
            continue;
        }
        let Some(open) = trimmed.rfind('(') else {
            continue;
        };
        let credit = trimmed[open..].to_lowercase();
        if open > 0 && is_credit(&credit) {
            dom.cut_text(t, data[..open].trim_end().len());
        }
    }
}

/// A table of stock quotes: a header word of the trade and mostly
/// figures in its cells.
fn is_quote_table(dom: &Dom<'_>, table: Id) -> bool {
    let mut cells = 0usize;
    let mut figures = 0usize;
    let mut change_column = false;
    let mut signed = 0usize;
    for c in dom.elements_by_tag(table, &["td", "th"]) {
        let text = dom.text_content(c);
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            continue;
        }
        cells += 1;
        if t.split_whitespace()
            .any(|w| QUOTE_CHANGE_WORDS.contains(&w))
        {
            change_column = true;
        }
        if t.starts_with(['+', '-', '−']) {
            signed += 1;
        }
        let figure = t.trim_start_matches(['+', '-', '−', '$', '€', '£']);
        if figure
            .trim_end_matches('%')
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ','))
            && figure.chars().any(|ch| ch.is_ascii_digit())
        {
            figures += 1;
        }
    }
    // Prices move both ways: signed figures, in a table that is mostly figures.
    change_column && signed >= 1 && cells >= 4 && figures * 2 >= cells
}

#[cfg(test)]
mod tests;
