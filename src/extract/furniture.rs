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
//! The word lists live here and nowhere else.

use super::dom::{Dom, Id, NIL};
use super::measure::Measures;
use super::render::is_block_tag;
use super::template_lines::{self, RELATED_HEADINGS};
use crate::calendar::{month_of_abbreviation, month_of_name};

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

/// Words that make a short line with a date a timestamp line ("CNNMoney
/// (New York) First published February 1, 2016: 1:28 AM ET").
const PUBLICATION_WORDS: &[&str] = &["published", "updated", "posted", "modified"];

/// At most this many other words (a dateline's place, a source) may stand
/// in a timestamp line.
const MAX_TIMESTAMP_OTHER_WORDS: usize = 4;
const MAX_TIMESTAMP_WORDS: usize = 16;

/// Words that, with dates and times, make up widgets and timestamp lines
/// ("Share Tweet Email", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "Posted
/// by"), lower-case. A block of these words only is furniture.
const WIDGET_WORDS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "tweet",
    "email",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "messenger",
    "flipboard",
    "url",
    "short",
    "get",
    "save",
    "saved",
    "gift",
    "comments",
    "comment",
    "reprints",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "on",
    "at",
    "by",
    "in",
    "ago",
    "just",
    "now",
    "today",
    "yesterday",
    "a.m",
    "p.m",
    "second",
    "seconds",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "bst",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "msk",
    "advertisement",
    "advertising",
    "sponsored",
    "ad",
    "loading",
    "related",
    "read",
    "more",
    "listen",
    "follow",
    "close",
    "caption",
    "photo",
    "toggle",
    "expand",
    "enlarge",
    "st",
    "nd",
    "rd",
    "th",
    "and",
    "of",
    "subscribe",
    "sign",
    "up",
    "log",
    "register",
];

/// A short block holding one of these phrases and one of [`CALL_WORDS`] is
/// a call to subscribe or a copyright notice, not the article.
const CALL_PHRASES: &[&str] = &["newsletter", "all rights reserved"];
const CALL_WORDS: &[&str] = &["sign up", "signup", "subscribe", "inbox", "copyright", "©"];

/// Longer blocks are not calls to subscribe.
const MAX_CALL_WORDS: usize = 50;

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

/// Agencies and libraries that credit photos, lower-case.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "shutterstock",
    "reuters",
    "afp",
    "ap",
    "epa",
    "alamy",
    "istock",
    "istockphoto",
    "pa",
    "pa media",
    "pa wire",
    "bloomberg",
    "ap images",
    "ap photo",
    "xinhua",
    "tass",
    "ria novosti",
    "sputnik",
    "zuma press",
    "rex",
    "rex features",
    "corbis",
    "newscom",
    "imago",
    "dpa",
    "anadolu",
    "anadolu agency",
    "nurphoto",
    "sipa",
    "wireimage",
    "unsplash",
    "pexels",
    "wikimedia commons",
];

/// How a credit line starts, lower-case ("Photo: …", "Credit: …").
const CREDIT_OPENERS: &[&str] = &[
    "credit:",
    "credits:",
    "photo:",
    "photos:",
    "photo credit",
    "photograph:",
    "photography:",
    "picture:",
    "pictures:",
    "image:",
    "images:",
    "image credit",
    "image via",
    "image courtesy",
    "photo courtesy",
    "courtesy of",
    "photo by",
    "photos by",
    "image by",
    "images by",
    "image from",
    "photograph by",
    "photo illustration",
    "illustration:",
    "source:",
    "©",
    "(c)",
    "copyright ",
];

/// Words of a stock-quote table's header: a change column is required.
const QUOTE_CHANGE_WORDS: &[&str] = &["change", "chg", "chg.", "change%", "%chg", "+/-"];

/// How a photo caption opens ("In this photo …", "Clockwise from top: …"),
/// lower-case.
const CAPTION_OPENERS: &[&str] = &[
    "in this photo",
    "in this file photo",
    "in this undated photo",
    "in this handout photo",
    "in this image",
    "in this undated image",
    "in this handout image",
    "in this still image",
    "in this frame grab",
    "this photo shows",
    "this image shows",
    "pictured:",
    "pictured above",
    "pictured left",
    "pictured right",
    "pictured from left",
    "clockwise from",
    "from left:",
    "from left,",
    "left to right:",
    "(l-r)",
    "l-r:",
    "above:",
    "above, ",
    "top:",
    "main image:",
    "file photo:",
];

/// Longer blocks are not captions by their opening words.
const MAX_CAPTION_WORDS: usize = 80;

/// How a line crediting the reporters ends, lower-case.
const CONTRIBUTOR_ENDINGS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "contributed additional reporting",
];

/// How a line crediting the editors or reporters opens, lower-case.
const CONTRIBUTOR_OPENERS: &[&str] = &[
    "this article was edited by",
    "this story was edited by",
    "this article was reported by",
    "edited by",
    "additional reporting by",
    "reporting by",
];

/// Longer blocks are not contributor lines.
const MAX_CONTRIBUTOR_WORDS: usize = 40;

/// A block opening like a photo caption: "In this photo dated …",
/// "Clockwise from top: …", "Pictured: …".
pub fn opens_caption(text: &str) -> bool {
    let head: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
    CAPTION_OPENERS.iter().any(|o| head.starts_with(o))
        && text.split_whitespace().count() <= MAX_CAPTION_WORDS
}

/// "Aerospace Writer Marcia Dunn … contributed to this report.", "This
/// article was edited by …".
pub fn is_contributor_line(text: &str) -> bool {
    // Cheap bound first: this runs on every block of the article.
    if text.len() > MAX_CONTRIBUTOR_WORDS * 12 {
        return false;
    }
    let t = text
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '(' | ')' | '*'))
        .to_lowercase();
    (CONTRIBUTOR_ENDINGS.iter().any(|e| t.ends_with(e))
        || CONTRIBUTOR_OPENERS.iter().any(|o| t.starts_with(o)))
        && text.split_whitespace().count() <= MAX_CONTRIBUTOR_WORDS
}

/// What follows an author's name in a bio ("Corey Kilgannon is a Metro
/// reporter", "Steven Mufson covers the White House"), lower-case.
const BIO_VERBS: &[&str] = &[
    "is",
    "was",
    "covers",
    "has covered",
    "writes",
    "has written",
    "joined",
    "reports",
];

/// Longer blocks are not an author's bio.
const MAX_BIO_CHARS: usize = 600;

/// The author's bio ("Corey Kilgannon is a Metro reporter …"): a short
/// text that opens with the name of one of `authors` (from the byline)
/// and a verb of a bio. Ground truths keep bios with the article, so they
/// are marked, not removed.
pub fn is_author_bio(text: &str, authors: &[String]) -> bool {
    if text.len() > MAX_BIO_CHARS {
        return false;
    }
    let text = text.to_lowercase();
    authors.iter().any(|a| {
        let name = a.trim().to_lowercase();
        name.split_whitespace().count() >= 2
            && text.strip_prefix(name.as_str()).is_some_and(|rest| {
                BIO_VERBS.iter().any(|v| {
                    rest.strip_prefix(' ')
                        .and_then(|r| r.strip_prefix(v))
                        .is_some_and(|r| r.starts_with(' '))
                })
            })
    })
}

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
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty() && s.chars().count() <= max_chars).then(|| s.to_lowercase())
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
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
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
    if CALL_PHRASES.iter().any(|p| text.contains(p))
        && CALL_WORDS.iter().any(|w| text.contains(w))
        && text.split_whitespace().count() <= MAX_CALL_WORDS
    {
        return true;
    }
    let teaser_heading = TEASER_HEADINGS.iter().any(|h| text.starts_with(h))
        && text.split_whitespace().count() <= MAX_TEASER_HEADING_WORDS;
    if is_slide_counter(text) || (!sentence && (teaser_heading || is_timestamp_line(text))) {
        return true;
    }
    let mut rest = text.to_string();
    for phrase in LABEL_PHRASES.iter().chain(RELATED_HEADINGS) {
        rest = rest.replace(phrase, " ");
    }
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

/// A short line giving when the story was published or updated, with a
/// few other words (a source, a dateline's place); the caller makes sure
/// it does not end as a sentence:
/// "cnnmoney (new york) first published february 1, 2016: 1:28 am et".
fn is_timestamp_line(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')' | '•' | '·'))
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '.' | ';')))
        .filter(|w| !w.is_empty())
        .collect();
    let published = words.iter().any(|w| PUBLICATION_WORDS.contains(w));
    let dated = words.iter().any(|w| {
        month_of_name(w).is_some()
            || month_of_abbreviation(w).is_some()
            || (is_numeric_date_or_time(w) && !w.chars().all(|c| c.is_ascii_digit()))
    });
    let others = words.iter().filter(|w| !is_widget_or_time_word(w)).count();
    published && dated && words.len() <= MAX_TIMESTAMP_WORDS && others <= MAX_TIMESTAMP_OTHER_WORDS
}

fn is_widget_or_time_word(w: &str) -> bool {
    WIDGET_WORDS.contains(&w)
        || month_of_name(w).is_some()
        || month_of_abbreviation(w).is_some()
        || is_weekday(w)
        || is_numeric_date_or_time(w)
}

fn is_weekday(w: &str) -> bool {
    crate::calendar::WEEKDAY_NAMES
        .iter()
        .any(|d| *d == w || (w.len() >= 3 && d.starts_with(w) && w.len() <= 4))
}

/// "2019", "10:48", "18.11.2019", "2019-11-19", "19th", "5h"; not "225.86".
fn is_numeric_date_or_time(w: &str) -> bool {
    let w = w
        .strip_suffix("th")
        .or_else(|| w.strip_suffix("st"))
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix('h'))
        .or_else(|| w.strip_suffix('m'))
        .or_else(|| w.strip_suffix('d'))
        .unwrap_or(w);
    // A time has a colon and a date two separators; "225.86" is a figure.
    let separators = w.chars().filter(|c| matches!(c, '.' | '-')).count();
    !w.is_empty()
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-'))
        && (w.contains(':') || separators == 0 || separators == 2)
}

/// A photo credit line: "Getty Images", "FatCamera/Getty Images",
/// "Credit: Serious Eats", "(AP Photo/Evan Vucci)", "Photo by Jane Doe".
pub fn is_credit(text: &str) -> bool {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    let words = inner.split_whitespace().count();
    if words == 0 || words > 10 {
        return false;
    }
    if CREDIT_OPENERS.iter().any(|o| inner.starts_with(o)) {
        return true;
    }
    // "AP Photo/…", "Reuters/…": an agency, a slash, a photographer.
    if let Some((head, _)) = inner.split_once('/') {
        if PHOTO_AGENCIES.contains(&head.trim()) {
            return true;
        }
    }
    // "…/Getty Images", "… | Reuters", "Getty Images", "… photo via AP".
    let tail = inner.rsplit(['/', '|']).next().unwrap_or(inner).trim();
    let tail = match tail.rsplit_once(" via ") {
        Some((_, agency)) => agency,
        None => tail.strip_prefix("via ").unwrap_or(tail),
    };
    PHOTO_AGENCIES.contains(&tail) && (tail != inner || words <= 3)
}

/// Longest item of a list set as lines ("1. Finland", "2. Norway").
const MAX_LINE_ITEM_WORDS: usize = 6;

/// A list set as lines: after an optional lead-in ending in a colon, three
/// or more short lines, none a sentence ("The rankings were as
/// follows:\n1. Finland\n2. Norway\n3. Australia").
pub fn is_line_list(text: &str) -> bool {
    if text.matches('\n').count() < 2 {
        return false;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let items = match lines.split_first() {
        Some((lead, rest)) if lead.ends_with(':') => rest,
        _ => &lines[..],
    };
    items.len() >= 3
        && items.iter().all(|l| {
            l.split_whitespace().count() <= MAX_LINE_ITEM_WORDS && !l.ends_with(['.', '!', '?'])
        })
}

/// Longest price tag of a product box ("from $610.00", "$99 at Amazon").
const MAX_PRICE_TAG_WORDS: usize = 4;

/// A product box's price tag: a few words, one a price, no sentence.
pub fn is_price_tag(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .take(MAX_PRICE_TAG_WORDS + 1)
        .collect();
    words.len() <= MAX_PRICE_TAG_WORDS
        && !text.trim_end().ends_with(['.', '!', '?'])
        && words.iter().any(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(is_currency)
                && chars.next().is_some_and(|c| c.is_ascii_digit())
        })
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₩' | '₹' | '₽' | '원' | '円' | '元'
    )
}

/// Every line of `text` is a price-list item, "VIP : 60,000₩": a short
/// label, a colon, a price with its currency.
pub fn is_price_list(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    lines.peek().is_some() && lines.all(is_price_item)
}

fn is_price_item(line: &str) -> bool {
    let Some((label, price)) = line.split_once([':', '：']) else {
        return false;
    };
    let price = price.trim();
    let has_currency = price.chars().any(is_currency)
        || ["won", "usd", "eur", "gbp", "krw", "jpy", "rub"]
            .iter()
            .any(|w| price.to_lowercase().contains(w));
    let figure = price
        .chars()
        .filter(|c| !is_currency(*c) && !c.is_alphabetic() && !c.is_whitespace())
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '~' | '/'));
    label.chars().count() <= 40
        && price.chars().count() <= 30
        && has_currency
        && figure
        && price.chars().any(|c| c.is_ascii_digit())
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
mod tests {
    use super::*;

    #[test]
    fn labels_widgets_and_timestamps_are_furniture() {
        for t in [
            "media playback is unsupported on your device",
            "image caption",
            "toggle caption",
            "published: 10:48, tue, nov 19, 2019 | updated: 10:50, tue, nov 19, 2019",
            "21:17 18.11.2019 get short url",
            "21:17 18.11.2019",
            "share tweet email",
            "posted by",
            "jan 13, 2025",
            "published 6 hours ago",
            "loading paragraph...",
            "advertisement",
            "sign up to our free newsletter for the day's top stories.",
            "copyright © 2023 npr. all rights reserved.",
            "already have an account? log in",
            "photo",
        ] {
            assert!(is_furniture_text(t, true), "{t:?}");
        }
    }

    #[test]
    fn prose_and_inline_words_are_not_furniture() {
        for t in [
            "share prices fell on tuesday.",
            "the vote is on november 19, 2019, in london.",
            "yes",
            "225.86",
            "apple",
            "the newsletter, which has 40,000 readers, was sold to a rival on monday.",
        ] {
            assert!(!is_furniture_text(t, true), "{t:?}");
        }
        // Inside a sentence's inline element, widget words are words.
        assert!(!is_furniture_text("share", false));
        assert!(is_furniture_text("image caption", false));
    }

    #[test]
    fn price_tags_of_product_boxes() {
        assert!(is_price_tag("from $610.00"));
        assert!(is_price_tag("$99.99 at Amazon"));
        assert!(!is_price_tag("It costs $500."));
        assert!(!is_price_tag("The console costs $500 in the US"));
    }

    #[test]
    fn price_lists() {
        assert!(is_price_list("VIP : 60,000₩\nR : 50,000₩"));
        assert!(is_price_list("Adults: $25"));
        assert!(!is_price_list(
            "Tickets cost $25: the organisers said prices would rise."
        ));
        assert!(!is_price_list("Time: 10:30"));
    }

    #[test]
    fn credits() {
        for t in [
            "getty images",
            "fatcamera/getty images",
            "credit: serious eats",
            "(ap photo/evan vucci)",
            "photo by jane doe",
            "reuters/kevin lamarque",
            "© 2019 bbc",
            // wcxb 4589 and 0098: image credits between the paragraphs.
            "image by studio brown via one fab day",
            "image from mary's april 2024 review.",
        ] {
            assert!(is_credit(t), "{t:?}");
        }
        for t in [
            "the ap reported on tuesday that the deal was off",
            "(see below)",
            "reuters",
        ] {
            assert_eq!(is_credit(t), t == "reuters", "{t:?}");
        }
    }

    /// The bug: the cnn page's "Related: Chicago is America's most
    /// segregated city" teaser became a highlighted claim.
    #[test]
    fn regression_cnn_related_teasers_are_furniture() {
        for t in [
            "related: chicago is america's most segregated city",
            "[read: tunisia sends most foreign fighters to islamic state in syria]",
            "read more: 3 real ways to make money from your podcast",
            "see also: a brief history of photography",
            "watch | the minister's speech",
        ] {
            assert!(is_teaser_line(t, 1.0), "{t:?}");
        }
        // Not mostly a link, or no label and separator: prose.
        assert!(!is_teaser_line(
            "related: chicago is america's most segregated city",
            0.1
        ));
        assert!(!is_teaser_line(
            "related costs rose by 3 percent in 2019, the report said.",
            1.0
        ));
        assert!(!is_teaser_line("more than 500 people died: officials", 1.0));
    }

    #[test]
    fn datelines_counters_notices_and_headings_of_link_boxes() {
        for t in [
            "cnnmoney (new york) first published february 1, 2016: 1:28 am et",
            "posted on november 5th, 2012 - by bossip staff",
            "1 / 5",
            "3 of 12",
            "more about the federal debt and the economy",
        ] {
            assert!(is_furniture_text(t, true), "{t:?}");
        }
        for t in [
            "the report was published on february 1, 2016.",
            "5/5",
            "more than 500 people died on monday.",
        ] {
            assert!(!is_furniture_text(t, true), "{t:?}");
        }
        assert!(is_notice(
            "a version of this article appears in print on page a22"
        ));
        assert!(is_notice("about the author: craig hull is a photographer"));
        assert!(!is_notice("about the author"));
    }

    #[test]
    fn captions_contributors_rankings_and_bios_by_their_words() {
        assert!(opens_caption(
            "In this photo dated Tuesday, Nov. 29, 2016 the rocket is installed."
        ));
        assert!(opens_caption("Clockwise from top: small whale bones"));
        assert!(!opens_caption("Above all, the council wants lower taxes."));
        assert!(is_contributor_line(
            "Aerospace Writer Marcia Dunn in Cape Canaveral contributed to this report."
        ));
        assert!(!is_contributor_line(
            "She contributed to this report's findings, officials said."
        ));
        assert!(is_line_list(
            "The rankings were as follows:\n1. Finland\n2. Norway\n3. Australia"
        ));
        assert!(!is_line_list(
            "Roses are red.\nViolets are blue.\nSugar is sweet."
        ));
        let authors = ["Corey Kilgannon".to_string()];
        assert!(is_author_bio(
            "Corey Kilgannon is a Metro reporter covering news.",
            &authors
        ));
        assert!(!is_author_bio("Corey said the fire was out.", &authors));
        assert!(is_credit(
            "oleg urusov/ roscosmos space agency press service photo via ap"
        ));
    }
}
