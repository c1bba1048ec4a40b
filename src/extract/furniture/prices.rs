//! Short lines that are lists or prices rather than prose: a list set as
//! lines, a product box's price tag, a price list.

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
