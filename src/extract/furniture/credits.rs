//! Credits and the lines around an article's text that name people, not
//! claims: photo credits, caption openers, contributor lines, author bios.

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
