//! The credit line under a set-apart quotation: a block that is the whole
//! quotation, then a line that only names who said it ("Doug McMillon, CEO
//! of Walmart (during Walmart’s Q2 2025 earnings call …)", "— Jane Doe").
//! The line is furniture, not a claim ([`mark_quote_credits`]), and the
//! attribution stage reads the speaker from it ([`quote_credit`]).

use std::ops::Range;

use super::render::{BlockKind, Rendered};

/// A credit line is short: a name, a role and a parenthetical at most.
const MAX_CREDIT_WORDS: usize = 30;
/// A name of two to four words ("Doug McMillon", "Mary Jo White").
const NAME_WORDS: Range<usize> = 2..5;
/// A role after the name's comma, at most this many words.
const MAX_ROLE_WORDS: usize = 16;

/// Where the parts of a credit line are, as byte ranges of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCredit {
    pub name: Range<usize>,
    /// The role after the name's comma ("CEO of Walmart"), without a
    /// parenthetical that follows it.
    pub role: Option<Range<usize>>,
}

/// Reads `line` as a credit: an optional dash, a capitalised name, then
/// nothing, a role after a comma, or a parenthetical. `None` for anything
/// that could be a sentence (a quotation mark, a question, a colon, a
/// closing full stop after a lower-case word).
pub fn quote_credit(line: &str) -> Option<QuoteCredit> {
    if line.len() > MAX_CREDIT_WORDS * 14
        || line.split_whitespace().count() > MAX_CREDIT_WORDS
        || line.contains(['“', '”', '"', '?', '!', ':', ';'])
    {
        return None;
    }
    let body =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-' | '―'));
    let offset = line.len() - body.len();
    let body = body.trim_end();
    if body.ends_with('.') && !ends_in_abbreviation(body) {
        return None;
    }
    // The name: capitalised words up to a comma, a parenthesis or the end.
    let name_end = body.find([',', '(']).unwrap_or(body.len());
    let name = body[..name_end].trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !NAME_WORDS.contains(&words.len()) || !words.iter().all(|w| is_name_word(w)) {
        return None;
    }
    if matches!(
        words[0],
        "The" | "A" | "An" | "In" | "On" | "At" | "This" | "For"
    ) {
        return None;
    }
    let name_range = offset..offset + name.len();
    let rest = &body[name_end..];
    let role = match rest.strip_prefix(',') {
        Some(after) => {
            let role_text = after.split('(').next().unwrap_or("");
            let trimmed = role_text.trim();
            let count = trimmed.split_whitespace().count();
            if count == 0 || count > MAX_ROLE_WORDS {
                return None;
            }
            let start = offset + name_end + 1 + (role_text.len() - role_text.trim_start().len());
            Some(start..start + trimmed.trim_end_matches([',', '.']).len())
        }
        None if rest.is_empty() || rest.starts_with('(') => None,
        None => return None,
    };
    Some(QuoteCredit {
        name: name_range,
        role,
    })
}

/// A word of a person's name: capitalised ("McMillon", "O’Neill",
/// "Smith-Jones"), an initial ("J."), or a particle ("de", "van").
fn is_name_word(w: &str) -> bool {
    if matches!(w, "de" | "van" | "von" | "der" | "da" | "di" | "le" | "bin") {
        return true;
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '’' | '\'' | '-'))
}

/// "Acme Inc.", "Jane Doe Jr.": a closing full stop that ends an
/// abbreviation, not a sentence.
fn ends_in_abbreviation(body: &str) -> bool {
    let last = body.rsplit(' ').next().unwrap_or(body);
    last.len() <= 4 && last.starts_with(char::is_uppercase)
}

/// True when `text` is one quotation and nothing else (the closing
/// punctuation aside).
pub fn is_whole_quotation(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix(['“', '"']) else {
        return false;
    };
    let inner = inner.trim_end_matches(['.', ',', '…']);
    inner
        .strip_suffix(['”', '"'])
        .is_some_and(|body| !body.contains(['“', '”', '"']))
}

/// Marks, as a credit, each prose block that only names the speaker of the
/// quotation block right before it: a credit line is not a claim.
pub fn mark_quote_credits(article: &mut Rendered) {
    for i in 1..article.blocks.len() {
        let (before, after) = article.blocks.split_at_mut(i);
        let (prev, block) = (&before[i - 1], &mut after[0]);
        if block.kind == BlockKind::Prose
            && is_whole_quotation(prev.span.of(&article.text))
            && quote_credit(block.span.of(&article.text)).is_some()
        {
            block.kind = BlockKind::Credit;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(String, Option<String>)> {
        quote_credit(line).map(|c| {
            (
                line[c.name].to_string(),
                c.role.map(|r| line[r].to_string()),
            )
        })
    }

    #[test]
    fn credit_lines_give_the_name_and_role() {
        assert_eq!(
            parts("Doug McMillon, CEO of Walmart (during Walmart’s Q2 2025 earnings call on August 15, 2024)"),
            Some(("Doug McMillon".into(), Some("CEO of Walmart".into())))
        );
        assert_eq!(parts("— Jane Doe"), Some(("Jane Doe".into(), None)));
        assert_eq!(
            parts("–Mary Jo White, chair of the SEC"),
            Some(("Mary Jo White".into(), Some("chair of the SEC".into())))
        );
    }

    #[test]
    fn sentences_are_not_credit_lines() {
        for line in [
            "The company grew fast, analysts said.",
            "Doug McMillon said it was working.",
            "“Yes,” said Jane Doe.",
            "Investment: $4,000 a month",
            "Prices rose",
            "The Walmart Way, a new policy",
        ] {
            assert_eq!(parts(line), None, "{line}");
        }
    }

    #[test]
    fn a_whole_quotation_block() {
        assert!(is_whole_quotation(
            "“We’re finding tangible ways. We’re building our own.”"
        ));
        assert!(!is_whole_quotation("“Yes,” she said."));
        assert!(!is_whole_quotation("He said “yes”."));
    }
}
