//! The article title from the document's `<title>`: site names and section
//! trails split off ("Headline | Site", "Site: Headline"), falling back to
//! the page's only `<h1>` when the title is missing or absurdly long.

use super::measure::is_js_space;

/// Characters that separate a headline from a site name in `<title>`.
fn is_separator(c: char) -> bool {
    matches!(c, '|' | '-' | '\\' | '/' | '>' | '»' | '–' | '—')
}

/// Separators that mark a hierarchy ("Site » Section » Headline").
fn is_hierarchical(c: char) -> bool {
    matches!(c, '\\' | '/' | '>' | '»')
}

/// Byte offsets of " X " where X is a separator, left to right, not overlapping.
fn spaced_separators(s: &str, accept: fn(char) -> bool) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut found = Vec::new();
    let mut k = 0;
    while k + 2 < chars.len() {
        if chars[k].1 == ' ' && accept(chars[k + 1].1) && chars[k + 2].1 == ' ' {
            found.push(chars[k].0);
            k += 3;
        } else {
            k += 1;
        }
    }
    found
}

/// `s.split(/\s+/).length` in JavaScript.
fn word_count(s: &str) -> usize {
    let mut runs = 0;
    let mut in_space = false;
    for c in s.chars() {
        let space = is_js_space(c);
        if space && !in_space {
            runs += 1;
        }
        in_space = space;
    }
    runs + 1
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// Replaces each run of two or more whitespace characters by one space.
pub fn collapse_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars() {
        if is_js_space(c) {
            run.push(c);
            continue;
        }
        flush_run(&mut out, &mut run);
        out.push(c);
    }
    flush_run(&mut out, &mut run);
    out
}

fn flush_run(out: &mut String, run: &mut String) {
    if run.chars().nth(1).is_some() {
        out.push(' ');
    } else {
        out.push_str(run);
    }
    run.clear();
}

/// The headline within the document title. `headings` are the texts of the
/// page's `<h1>` and `<h2>` elements, `h1s` those of its `<h1>`s.
pub fn article_title(doc_title: &str, headings: &[String], h1s: &[String]) -> String {
    let original = js_trim(doc_title);
    let mut current = original.to_string();
    let mut hierarchical = false;

    let separators = spaced_separators(original, is_separator);
    if let Some(&last) = separators.last() {
        hierarchical = !spaced_separators(original, is_hierarchical).is_empty();
        current = original[..last].to_string();
        if word_count(&current) < 3 {
            // Too short: the site name came first, drop it instead.
            current = match original.find(is_separator) {
                Some(at) => original[at..].chars().skip(1).collect(),
                None => original.to_string(),
            };
        }
    } else if current.contains(": ") {
        let heading_matches = headings.iter().any(|h| js_trim(h) == js_trim(&current));
        if !heading_matches {
            let after_last = original.rfind(':').map_or(original, |i| &original[i + 1..]);
            current = after_last.to_string();
            if word_count(&current) < 3 {
                current = original
                    .find(':')
                    .map_or(original, |i| &original[i + 1..])
                    .to_string();
            } else if word_count(original.find(':').map_or("", |i| &original[..i])) > 5 {
                current = original.to_string();
            }
        }
    } else {
        let len = utf16_len(&current);
        if !(15..=150).contains(&len) {
            if let [only] = h1s {
                current = collapse_runs(js_trim(only));
            }
        }
    }

    let current = collapse_runs(js_trim(&current));
    let words = word_count(&current);
    let stripped: String = original.chars().filter(|&c| !is_separator(c)).collect();
    if words <= 4 && (!hierarchical || words != word_count(&stripped).saturating_sub(1)) {
        return original.to_string();
    }
    current
}

/// How much of `b`'s text also occurs in `a`, by words: 1 when every word
/// of `b` is in `a`, 0 when none is (or either has no words).
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let joined_len = |ws: &[&String]| -> usize {
        ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1)
    };
    let all: Vec<&String> = wb.iter().collect();
    let unique: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    1.0 - joined_len(&unique) as f64 / joined_len(&all) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_site_names_and_trails() {
        let none: &[String] = &[];
        let cases = [
            (
                "Kushner steps back into the fold | The Daily Ledger",
                "Kushner steps back into the fold",
            ),
            (
                "The Ledger | Kushner steps back into the fold",
                "Kushner steps back into the fold",
            ),
            ("Short | Site", "Short | Site"),
            (
                "News » World » Kushner steps back into the fold today",
                "News » World » Kushner steps back into the fold today",
            ),
            (
                "Ledger: Kushner steps back into the foreign policy fold",
                "Kushner steps back into the foreign policy fold",
            ),
            ("Kushner:  a profile", "Kushner:  a profile"),
            (
                "  A   title with   spaces and words ",
                "A title with spaces and words",
            ),
            // En and em dashes separate site names too.
            (
                "Lorem ipsum dolor sit amet – My website",
                "Lorem ipsum dolor sit amet",
            ),
            (
                "Evolve: Shared Mutable History — evolve extension for Mercurial",
                "Evolve: Shared Mutable History — evolve extension for Mercurial",
            ),
        ];
        for (title, expected) in cases {
            assert_eq!(article_title(title, none, none), expected, "{title:?}");
        }
    }

    #[test]
    fn a_colon_title_matching_a_heading_is_kept_whole() {
        let title = "Review: the phone that folds in three";
        let headings = vec![title.to_string()];
        assert_eq!(article_title(title, &headings, &[]), title);
    }

    #[test]
    fn a_missing_title_falls_back_to_the_only_h1() {
        let h1s = vec!["  The only\n headline on the page ".to_string()];
        assert_eq!(
            article_title("", &h1s, &h1s),
            "The only headline on the page"
        );
        let two = vec!["One".to_string(), "Two".to_string()];
        assert_eq!(article_title("Home", &two, &two), "Home");
    }

    #[test]
    fn similarity_counts_the_words_of_b_found_in_a() {
        assert_eq!(similarity("Kushner steps back", "kushner STEPS back"), 1.0);
        assert_eq!(similarity("abc", "xyz"), 0.0);
        assert_eq!(similarity("", "xyz"), 0.0);
        let s = similarity("Kushner steps back", "Kushner steps forward");
        assert!((s - (1.0 - 7.0 / 21.0)).abs() < 1e-9, "{s}");
        assert_eq!(similarity("Čeština ščř", "čeština"), 1.0);
    }
}
