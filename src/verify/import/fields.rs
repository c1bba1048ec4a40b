//! Reading typed fields out of untrusted JSON, with a reason when a field
//! has the wrong type or an unusable value.

use serde_json::{Map, Value};

use crate::calendar::Date;
use crate::verify::factcheck::parse_date_loose;

pub const MAX_CLAIM_CHARS: usize = 1_000;
pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_ID_CHARS: usize = 300;
pub const MAX_URL_BYTES: usize = 2_048;

/// A field that is present but unusable: why.
pub type FieldResult<T> = Result<Option<T>, String>;

/// "a number", "an object", ... for error messages.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A text field: absent, null or blank is `Ok(None)`; a non-string is an error.
pub fn text(obj: &Map<String, Value>, key: &str, max_chars: usize) -> FieldResult<String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(clean_text(s, max_chars)),
        Some(other) => Err(format!("`{key}` is {}, not text", type_name(other))),
    }
}

/// An identifier: text, or an integer (CheckThat! 2B numbers its vclaims).
pub fn id(obj: &Map<String, Value>, key: &str) -> FieldResult<String> {
    match obj.get(key) {
        // Integers only, printed as integers (a Number's own Display would
        // link the float formatter into the WASM).
        Some(Value::Number(n)) if n.is_u64() || n.is_i64() => Ok(n
            .as_u64()
            .map(|v| v.to_string())
            .or_else(|| n.as_i64().map(|v| v.to_string()))),
        _ => text(obj, key, MAX_ID_CHARS),
    }
}

/// A number, or text holding one ("4", "4.5").
pub fn number(obj: &Map<String, Value>, key: &str) -> FieldResult<f32> {
    let parsed = match obj.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
        Some(other) => return Err(format!("`{key}` is {}, not a number", type_name(other))),
    };
    match parsed {
        Some(v) if v.is_finite() && v.abs() < 1e9 => Ok(Some(v as f32)),
        _ => Err(format!("`{key}` is not a usable number")),
    }
}

/// A date in any of the forms [`parse_date_loose`] reads.
pub fn date(obj: &Map<String, Value>, key: &str) -> FieldResult<Date> {
    match text(obj, key, 100)? {
        None => Ok(None),
        Some(s) => parse_date_loose(&s)
            .map(Some)
            .ok_or_else(|| format!("`{key}` is not a date: “{s}”")),
    }
}

/// A link field; only `http(s)` addresses are kept.
pub fn url(obj: &Map<String, Value>, key: &str) -> FieldResult<String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => checked_url(s)
            .map(Some)
            .ok_or_else(|| format!("`{key}` is not an http(s) address")),
        Some(other) => Err(format!("`{key}` is {}, not a link", type_name(other))),
    }
}

/// `s` if it is a plausible absolute http(s) URL that is safe to show as a link.
pub fn checked_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return None;
    };
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|h| !h.is_empty());
    let chars_ok = s
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '`'));
    (host_ok && chars_ok && s.len() <= MAX_URL_BYTES).then(|| s.to_string())
}

/// The name of a person or organisation given as text, as an object with a
/// `name`, or as a list of those (the first usable one).
pub fn name_of(value: &Value, key: &str) -> FieldResult<String> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(clean_text(s, MAX_NAME_CHARS)),
        Value::Object(o) => text(o, "name", MAX_NAME_CHARS).map_err(|e| format!("`{key}`: {e}")),
        Value::Array(items) => {
            for item in items {
                if let Ok(Some(name)) = name_of(item, key) {
                    return Ok(Some(name));
                }
            }
            Ok(None)
        }
        other => Err(format!("`{key}` is {}, not a name", type_name(other))),
    }
}

/// Cleans untrusted text for display as plain text: decodes the common HTML
/// entities, removes tags, control and bidirectional-override characters,
/// collapses whitespace, and caps the length (marking the cut with "…").
/// Blank text is `None`.
pub fn clean_text(s: &str, max_chars: usize) -> Option<String> {
    let decoded = decode_entities(s);
    let mut out = String::with_capacity(decoded.len().min(max_chars * 4));
    let mut chars = decoded.chars().peekable();
    let mut count = 0;
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            // A tag: skip to its end (or to the end of the text).
            for t in chars.by_ref() {
                if t == '>' {
                    break;
                }
            }
            pending_space = true;
            continue;
        }
        let unwanted = c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{feff}');
        if c.is_whitespace() || unwanted {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        pending_space = false;
        if count >= max_chars {
            out.push('…');
            break;
        }
        out.push(c);
        count += 1;
    }
    (!out.is_empty()).then_some(out)
}

fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_untrusted_text() {
        let cases = [
            ("  plain  text ", Some("plain text")),
            (
                "a&amp;b &quot;c&quot; &#8217; &#x41; &bogus; &",
                Some("a&b \"c\" \u{2019} A &bogus; &"),
            ),
            ("<b>bold</b> claim<script>x</script>", Some("bold claim x")),
            ("1 < 2 and 3 > 2", Some("1 < 2 and 3 > 2")),
            ("line\nbreak\u{0}\u{202e}evil", Some("line break evil")),
            ("   ", None),
            ("", None),
            ("<unclosed", None),
        ];
        for (input, want) in cases {
            assert_eq!(clean_text(input, 100).as_deref(), want, "{input:?}");
        }
        assert_eq!(clean_text("abcdef", 3).as_deref(), Some("abc…"));
    }

    #[test]
    fn only_http_urls_are_links() {
        for ok in [
            "https://www.politifact.com/x/",
            "HTTP://a.b",
            "https://a.b?q=1",
        ] {
            assert!(checked_url(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/factchecks/2019/",
            "https://",
            "https://a b",
            "https://a.b/\"onmouseover",
            "ftp://a.b",
            "",
        ] {
            assert!(checked_url(bad).is_none(), "{bad}");
        }
    }
}
