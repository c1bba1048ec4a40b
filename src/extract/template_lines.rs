//! Lines that blog and shop templates put inside the article's markup, which
//! only their words give away: comment-form and comment-feed notices ("The
//! comments to this entry are closed.", "Your email address will not be
//! published."), tag and category lines ("Tags: Android, Galaxy"), post
//! navigation ("« Older post | Main | Newer post »"), calls to sign up
//! or follow ("Get free updates right to your inbox!") and a broadcast
//! transcript's notices ("This is a rush transcript.", "Copyright 2023
//! NPR.").
//!
//! [`super::furniture`] removes the block that is one of these lines. The
//! word lists live here and nowhere else; the texts are collapsed and
//! lower-cased by the caller.

use super::phrases::PhraseLists;

/// Headings of boxes of links to other articles, lower-case: as the whole
/// of a block they are furniture, and at the article's end what follows
/// them goes too ([`super::furniture`]).
pub const RELATED_HEADINGS: &[&str] = &[
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "related reading",
    "related coverage",
    "related links",
    "related guides",
    "more stories",
    "more articles",
    "more posts",
    "more like this",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may also enjoy",
    "you might also enjoy",
    "you may be interested in",
    "you may also be interested in",
    "you may be interested in the following topics as well",
    "other posts you may enjoy",
    "other articles you may like",
    "posts you may enjoy",
    "recommended for you",
    "recommended reading",
    "recommended articles",
    "recommended posts",
    "what others are reading",
    "what to read next",
    "read next",
    "up next",
    "keep reading",
    "similar posts",
    "similar articles",
    "popular posts",
    "recent posts",
    "latest posts",
    "good articles to read together",
    "previous article",
    "next article",
    "previous post",
    "next post",
];

/// Phrases that only comment forms and comment feeds use, lower-case. A
/// short block holding one is the form or the feed's notice.
const COMMENT_NOTICES: &[&str] = &[
    "comments to this entry are closed",
    "comments for this entry are closed",
    "you can follow any responses to this entry",
    "you can leave a response, or trackback",
    "your email address will not be published",
    "email address will not be published",
    "will not be published) (required",
    "required fields are marked",
    "you may use these html tags",
    "allowed html:",
    "subscribe to comments",
    "rss feed for comments",
    "trackback url",
    "trackback uri",
    "remember personal info",
    "notify me of follow-up comments",
    "notify me of new comments",
    "notify me of new posts",
    "this entry was posted on",
    "this entry was posted in",
    "this entry was filed under",
    "is filed under",
    "go get a gravatar",
];

/// Labels of comment forms that prose uses too ("please leave a comment
/// below!"): furniture only as a block of at most [`MAX_LABEL_WORDS`].
const COMMENT_LABELS: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "post a comment",
    "no comments yet",
    "comments are closed",
    "be the first to comment",
    "comment feed",
    "remember me?",
];

const MAX_LABEL_WORDS: usize = 8;

/// Longer blocks are not comment notices.
const MAX_NOTICE_WORDS: usize = 60;

/// [`COMMENT_NOTICES`] (bit 0) and [`COMMENT_LABELS`] (bit 1), found in one pass.
static COMMENT_LISTS: PhraseLists = PhraseLists::new(&[COMMENT_NOTICES, COMMENT_LABELS]);

/// How a tag or category line opens, lower-case ("Tags: Facebook, Twitter",
/// "Posted in C++, Microsoft | Leave a comment").
const TAXONOMY_OPENERS: &[&str] = &[
    "tags:",
    "tags ",
    "tag:",
    "tagged:",
    "tagged as:",
    "tagged with:",
    "tagged in:",
    "filed under:",
    "filed under ",
    "filed in:",
    "posted in:",
    "posted in ",
    "posted under:",
    "categories:",
    "category:",
    "categorized in:",
    "topics:",
    "cataloged in",
    "more on:",
    "keywords:",
];

/// Longer lines are not tag lines.
const MAX_TAXONOMY_WORDS: usize = 30;

/// Arrows that point to the previous or next post.
const NAV_ARROWS: &[char] = &['«', '»', '‹', '›', '←', '→'];

/// How a link to the neighbouring post opens, lower-case.
const NAV_OPENERS: &[&str] = &[
    "previous post",
    "next post",
    "older post",
    "newer post",
    "previous article",
    "next article",
    "previous story",
    "next story",
    "previous entry",
    "next entry",
];

/// Longer blocks are not post navigation.
const MAX_NAV_WORDS: usize = 40;

/// How a call to sign up, follow or advertise opens, lower-case. Whole
/// phrases of a line; the single verbs that make "today" a call to action
/// are `segment::times::lexicon::CALL_TO_ACTION_VERBS`.
const CALL_OPENERS: &[&str] = &[
    "sign up",
    "sign-up",
    "signup",
    "subscribe",
    "join us",
    "join our",
    "get free",
    "get instant",
    "get our",
    "get the latest",
    "get updates",
    "get new posts",
    "follow us",
    "like us",
    "advertise",
    "never miss",
    "enter your email",
];

/// What such a call offers or asks for, one word of them required,
/// lower-case.
const CALL_OBJECTS: &[&str] = &[
    "inbox",
    "email",
    "e-mail",
    "newsletter",
    "newsletters",
    "updates",
    "feed",
    "rss",
    "facebook",
    "twitter",
    "instagram",
    "advertise",
];

/// Buttons and prompts of calls to act, lower-case: a block that is one of
/// them, or opens with one in at most [`MAX_BUTTON_WORDS`] words ("Get a
/// quote (212) 555-0100"), is furniture.
const BUTTON_LABELS: &[&str] = &[
    "book a demo",
    "request a demo",
    "request a quote",
    "get a quote",
    "get a free quote",
    "get in touch",
    "talk to our experts",
    "talk to an expert",
    "contact us today",
    "apply now",
    "shop now",
    "buy now",
    "order now",
    "sign in",
    "log in",
    "pin this for later",
    "pin for later",
    "pin it for later",
    "save this pin",
    "article continues below",
    "story continues below",
    "jump to recipe",
    "jump to the list",
    "print recipe",
];

const MAX_BUTTON_WORDS: usize = 6;

/// Longer blocks are not calls to sign up.
const MAX_CALL_WORDS: usize = 20;

/// Phrases only a broadcaster's notice about a transcript uses,
/// lower-case: "This is a rush transcript. Copy may not be in its final
/// form.", "Accuracy and availability of NPR transcripts may vary."
const TRANSCRIPT_NOTICES: &[&str] = &[
    "rush transcript",
    "transcripts may vary",
    "transcript text may be revised",
    "transcripts are created on a rush deadline",
    "transcript provided by",
    "copy may not be in its final form",
    "text may not be in its final form",
    "authoritative record of npr",
];

/// Longer blocks are not a transcript's notice.
const MAX_TRANSCRIPT_NOTICE_WORDS: usize = 60;

static TRANSCRIPT_LISTS: PhraseLists = PhraseLists::new(&[TRANSCRIPT_NOTICES]);

/// Longer blocks opening with a copyright sign are not a notice.
const MAX_COPYRIGHT_WORDS: usize = 30;

/// A broadcast transcript's notice ("This is a rush transcript. Copy may
/// not be in its final form.") or a short line opening with a copyright
/// sign or "Copyright" and a year ("Copyright 2023 NPR. To see more, visit
/// https://www.npr.org."); "Copyright law …" is prose.
pub fn is_transcript_or_copyright_notice(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let t = text.trim_start();
    let copyright = ["©", "(c) ", "copyright ©", "copyright (c)"]
        .iter()
        .any(|o| t.starts_with(o))
        || t.strip_prefix("copyright ").is_some_and(|rest| {
            rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        });
    (words <= MAX_TRANSCRIPT_NOTICE_WORDS && TRANSCRIPT_LISTS.any_in(text))
        || (copyright && words <= MAX_COPYRIGHT_WORDS)
}

/// What a site builder's form shows when it is sent or fails, lower-case:
/// in the raw page they sit in the article's markup, hidden only by the
/// site's styles. (Placeholder "Lorem ipsum" is not among them: it is the
/// article of several Readability.js test pages.)
const FORM_MESSAGES: &[&str] = &[
    "thank you! your submission has been received",
    "oops! something went wrong while submitting the form",
];

/// Longer blocks are not a form's message.
const MAX_FORM_MESSAGE_WORDS: usize = 20;

/// A form's message ("Thank you! Your submission has been received!").
pub fn is_form_message(text: &str) -> bool {
    let t = text.trim_start();
    FORM_MESSAGES.iter().any(|p| t.starts_with(p))
        && t.split_whitespace().nth(MAX_FORM_MESSAGE_WORDS).is_none()
}

/// Phrases of an affiliate disclosure, lower-case ("Purchases made through
/// our links may earn us a commission."). WCXB's truth keeps some and drops
/// others, so such a block is marked as a credit, not removed.
const AFFILIATE_PHRASES: &[&str] = &[
    "contains affiliate links",
    "includes affiliate links",
    "uses affiliate links",
    "using the affiliate links",
    "earn us a commission",
    "we may earn a commission",
    "we may earn a small commission",
    "may earn commission",
    "we earn commissions",
    "we earn a commission",
    "through our links",
    "purchases made through links",
    "buying through links on our site",
];

/// Longer blocks are not a disclosure.
const MAX_DISCLOSURE_WORDS: usize = 60;

static AFFILIATE_LISTS: PhraseLists = PhraseLists::new(&[AFFILIATE_PHRASES]);

/// An affiliate disclosure: "This article contains affiliate links that may
/// earn us a commission at no extra cost to you." (`text` as rendered; it
/// is lower-cased here).
pub fn is_affiliate_disclosure(text: &str) -> bool {
    if text.split_whitespace().nth(MAX_DISCLOSURE_WORDS).is_some() {
        return false;
    }
    AFFILIATE_LISTS.any_in(&text.to_lowercase())
}

/// A comment form's or comment feed's notice: "The comments to this entry
/// are closed.", "Your email address will not be published. Required
/// fields are marked *", "This entry was posted on … and is filed under …".
pub fn is_comment_notice(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > MAX_NOTICE_WORDS {
        return false;
    }
    let found = COMMENT_LISTS.found_in(text);
    found & 0b01 != 0 || (words <= MAX_LABEL_WORDS && found & 0b10 != 0)
}

/// A line of tags or categories: an opener and a short list, mostly links
/// or not a sentence ("Tags: Android, Galaxy, Google").
pub fn is_taxonomy_line(text: &str, link_density: f32) -> bool {
    let sentence = text.trim_end().ends_with(['.', '!', '?']);
    TAXONOMY_OPENERS.iter().any(|o| text.starts_with(o))
        && text.split_whitespace().nth(MAX_TAXONOMY_WORDS).is_none()
        && (link_density >= 0.3 || !sentence)
}

/// Links to the neighbouring posts: "« The puzzle joint | Blog Home | Two
/// deadlines »", "Previous post: …". Mostly link text.
pub fn is_post_navigation(text: &str, link_density: f32) -> bool {
    let t = text.trim();
    let arrows = t.matches(NAV_ARROWS).count();
    let at_edge = t.starts_with(NAV_ARROWS) || t.ends_with(NAV_ARROWS);
    // Between posts: "« one | Main | other »"; one arrow alone ends a
    // "read more" link, which ground truths keep.
    let pointed = (at_edge && (arrows >= 2 || t.contains('|')))
        || NAV_OPENERS.iter().any(|o| t.starts_with(o));
    pointed && link_density >= 0.6 && text.split_whitespace().nth(MAX_NAV_WORDS).is_none()
}

/// A call to sign up, follow or advertise: "Sign up for free email updates
/// and be entered to win", "Get free updates right to your inbox!".
pub fn is_call_to_action(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let opens = CALL_OPENERS.iter().any(|o| {
        t.strip_prefix(o)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    });
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    opens && words.len() <= MAX_CALL_WORDS && words.iter().skip(1).any(|w| CALL_OBJECTS.contains(w))
}

/// A button or prompt of a call to act: "Book a demo", "Pin this for
/// later!", "Get a quote (212) 555-0100".
pub fn is_button_label(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    BUTTON_LABELS.iter().any(|b| {
        t.strip_prefix(b).is_some_and(|rest| {
            !rest.starts_with(char::is_alphanumeric)
                && t.split_whitespace().count() <= MAX_BUTTON_WORDS
        })
    })
}

/// Any of the template lines above.
pub fn is_template_line(text: &str, link_density: f32) -> bool {
    is_button_label(text)
        || is_comment_notice(text)
        || is_taxonomy_line(text, link_density)
        || is_post_navigation(text, link_density)
        || is_call_to_action(text)
        || is_transcript_or_copyright_notice(text)
        || is_form_message(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bug: wcxb 0228 opened with a Webflow form's hidden messages
    /// ("Thank you! Your submission has been received!").
    #[test]
    fn regression_webflow_form_messages_are_template_lines() {
        for t in [
            "thank you! your submission has been received!",
            "oops! something went wrong while submitting the form.",
        ] {
            assert!(is_template_line(t, 0.0), "{t}");
        }
        assert!(!is_template_line(
            "the agency said the submission had been received on monday.",
            0.0
        ));
    }

    /// The bug: top-of-article affiliate disclosures (wcxb 0009, 0010,
    /// 0039) were prose and could become claims.
    #[test]
    fn regression_affiliate_disclosures_are_recognised() {
        for t in [
            "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
            "This article contains affiliate links that may earn us a commission at no extra cost to you.",
        ] {
            assert!(is_affiliate_disclosure(t), "{t}");
        }
        // Prose about affiliate programmes is not a disclosure (wcxb pages
        // on creators' income).
        for t in [
            "The commission voted on Tuesday to fine the company $2 million.",
            "Secondary models include freemium access, sponsorships, and affiliate marketing, where creators earn a commission on each sale.",
            "Twitch: With at least 50 followers you can join the affiliate programme and earn a commission.",
        ] {
            assert!(!is_affiliate_disclosure(t), "{t}");
        }
    }

    /// The bug: NPR's transcript page (wcxb 0161) ended with "Accuracy and
    /// availability of NPR transcripts may vary. …", and a Democracy
    /// Now-style page opens "This is a rush transcript."; both read as the
    /// article.
    #[test]
    fn regression_npr_transcript_notices_are_template_lines() {
        for t in [
            "accuracy and availability of npr transcripts may vary. transcript text may be revised to correct errors or match updates to audio.",
            "this is a rush transcript. copy may not be in its final form.",
            "copyright 2023 npr. to see more, visit https://www.npr.org.",
            "© 2024 npr",
        ] {
            assert!(is_template_line(t, 0.0), "{t}");
        }
        for t in [
            "copyright law in the united states protects original works for the life of the author plus 70 years.",
            "the senator asked for a transcript of the call, which the white house released on wednesday.",
        ] {
            assert!(!is_template_line(t, 0.0), "{t}");
        }
    }

    #[test]
    fn regression_comment_form_and_feed_notices_are_template_lines() {
        for t in [
            "the comments to this entry are closed.",
            "your email address will not be published. required fields are marked *",
            "you may use these html tags and attributes: <a href=\"\" title=\"\">",
            "no comments yet. leave a comment",
            "subscribe to comments on this entry",
            "this entry was posted on 3 may 2012 at 8:14 pm and is filed under news.",
        ] {
            assert!(is_comment_notice(t), "{t:?}");
        }
        // A sentence about comments is prose.
        assert!(!is_comment_notice(
            "the minister's comments were published on tuesday."
        ));
        // A form's label is furniture alone, not inside a paragraph.
        assert!(is_comment_notice("leave a reply"));
        assert!(!is_comment_notice(
            "do you have a favourite hotel that didn't make my list? leave a comment."
        ));
    }

    #[test]
    fn regression_tag_and_category_lines_are_template_lines() {
        assert!(is_taxonomy_line("tags: android, galaxy, google, htc", 1.0));
        assert!(is_taxonomy_line(
            "posted in c++, software | leave a comment",
            0.9
        ));
        assert!(is_taxonomy_line("filed under: recipes, baking", 0.0));
        // Prose that opens with the same word.
        assert!(!is_taxonomy_line(
            "tags like these help the shelter find owners.",
            0.0
        ));
        assert!(!is_taxonomy_line(
            "posted in a hurry, the letter reached the mayor on friday and was read aloud to the council, which voted to delay the plan by a year.",
            0.0
        ));
    }

    #[test]
    fn regression_post_navigation_is_a_template_line() {
        assert!(is_post_navigation(
            "« the puzzle joint | blog home | two deadlines »",
            0.9
        ));
        assert!(is_post_navigation("previous post: a day at the lake", 1.0));
        assert!(!is_post_navigation("« the puzzle joint »", 0.0));
        // One arrow ends a "read more" link.
        assert!(!is_post_navigation("see what other funds hold it »", 1.0));
        assert!(!is_post_navigation("hiragana ←→ english", 1.0));
        assert!(!is_post_navigation(
            "next post readers will see is the budget.",
            0.0
        ));
    }

    #[test]
    fn regression_buttons_of_calls_to_act_are_template_lines() {
        for t in [
            "book a demo",
            "pin this for later!",
            "get a quote (212) 555-0100",
            "article continues below",
        ] {
            assert!(is_button_label(t), "{t:?}");
        }
        for t in [
            "book a demo of the new system before you buy it, the vendor advised.",
            "sign into law",
            "log in to the account, the hackers needed one code.",
        ] {
            assert!(!is_button_label(t), "{t:?}");
        }
    }

    #[test]
    fn regression_calls_to_sign_up_are_template_lines() {
        for t in [
            "sign up for free email updates and be entered to win",
            "get free updates and win prizes",
            "join us for free printables right to your inbox!",
            "get instant leads and recognition - advertise on this blog",
        ] {
            assert!(is_call_to_action(t), "{t:?}");
        }
        assert!(!is_call_to_action(
            "subscribers rose by 3 percent, the company said."
        ));
        assert!(!is_call_to_action("join the queue early, officials said."));
        assert!(!is_call_to_action(
            "advertisers left the show after the interview aired on facebook."
        ));
    }
}
