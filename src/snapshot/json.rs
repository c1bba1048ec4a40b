//! Snapshots as JSON text, the way the WASM takes them in: the browser's
//! `JSON.stringify` plus serde_json is about 4x faster than walking the JS
//! object with serde-wasm-bindgen (measured over the 130 test pages: median
//! 0.8 vs 3.2 ms per page, more than the analysis itself).

use std::borrow::Cow;

use super::Snapshot;

/// Parses a snapshot written by `JSON.stringify`.
///
/// A page's text nodes may hold lone UTF-16 surrogates, which
/// `JSON.stringify` writes as `\udXXX` escapes and serde_json refuses. They
/// become U+FFFD here, exactly as every other JS-to-Rust string conversion
/// does it, so such a page is still analysed and keeps its UTF-16 offsets
/// (one code unit for one code unit).
pub fn snapshot_from_json(json: &str) -> Result<Snapshot, serde_json::Error> {
    serde_json::from_str(&replace_lone_surrogates(json))
}

/// `\uD800`–`\uDFFF` escapes that are not half of a pair, replaced by `\ufffd`.
/// Borrowed unchanged when there are none.
pub fn replace_lone_surrogates(json: &str) -> Cow<'_, str> {
    if !json.contains("\\ud") && !json.contains("\\uD") {
        return Cow::Borrowed(json);
    }
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // Inside JSON, a backslash always starts a two-byte escape or `\uXXXX`.
        let Some(unit) = escaped_unit(bytes, i) else {
            i += 2;
            continue;
        };
        match unit {
            0xD800..=0xDBFF if escaped_unit(bytes, i + 6).is_some_and(is_low_surrogate) => {
                i += 12;
            }
            0xD800..=0xDFFF => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            _ => i += 6,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(json);
    }
    out.push_str(&json[copied..]);
    Cow::Owned(out)
}

/// The code unit of a `\uXXXX` escape starting at `at`, if there is one.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u16> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u16::from_str_radix(hex, 16).ok()
}

fn is_low_surrogate(unit: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters_and_pairs_stay() {
        let cases: &[(&str, &str)] = &[
            (r#""plain""#, r#""plain""#),
            (r#""\ud83d\ude00""#, r#""\ud83d\ude00""#),
            (r#""\uD83D\uDE00""#, r#""\uD83D\uDE00""#),
            (r#""a\ud800b""#, r#""a\ufffdb""#),
            (r#""a\udc00b""#, r#""a\ufffdb""#),
            (r#""\ud800""#, r#""\ufffd""#),
            (r#""\ud800\u0041""#, r#""\ufffd\u0041""#),
            // A low then a high surrogate is not a pair: both go.
            (r#""\ude00\ud83d""#, r#""\ufffd\ufffd""#),
            // Two highs then a low: the first is lone, the second pairs.
            (r#""\ud83d\ud83d\ude00""#, r#""\ufffd\ud83d\ude00""#),
            // An escaped backslash followed by `ud800` is text, not an escape.
            (r#""\\ud800""#, r#""\\ud800""#),
            (r#""\\\ud800""#, r#""\\\ufffd""#),
            (r#""é\ud800€""#, r#""é\ufffd€""#),
        ];
        for (input, want) in cases {
            assert_eq!(replace_lone_surrogates(input), *want, "input {input}");
        }
    }

    #[test]
    fn nothing_to_replace_borrows() {
        assert!(matches!(
            replace_lone_surrogates(r#"{"nodes":[{"text":"\u00e9 \ud83d\ude00"}]}"#),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            replace_lone_surrogates(r#"{"nodes":[{"text":"\u00e9"}]}"#),
            Cow::Borrowed(_)
        ));
    }

    /// Regression: a page whose text holds a lone surrogate must still parse,
    /// with the same UTF-16 length (the offsets into the DOM depend on it).
    #[test]
    fn snapshot_with_a_lone_surrogate_parses_with_its_utf16_length() {
        let json = r#"{"url":"","title":"","lang":null,"canonical":null,"meta":[],"jsonld":[],
            "nodes":[{"tag":"body"},{"p":0,"tag":"p"},{"p":1,"text":"x\ud800y \ud83d\ude00"}]}"#;
        let snapshot = snapshot_from_json(json).unwrap();
        let text = snapshot.nodes[2].text.as_deref().unwrap();
        assert_eq!(text, "x\u{fffd}y 😀");
        assert_eq!(text.encode_utf16().count(), 6);
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        for bad in [
            "",
            "{",
            r#"{"nodes":[{"p":-1}]}"#,
            r#""\ud8"#,
            r#"{"nodes":"\ud800"}"#,
        ] {
            assert!(snapshot_from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn round_trips_what_serde_json_writes() {
        let snapshot = Snapshot {
            url: "https://example.com/".into(),
            nodes: vec![
                super::super::Node::element(None, "body"),
                super::super::Node::text_node(0, "a \"quoted\" \\ line\n"),
            ],
            ..Snapshot::default()
        };
        let json = serde_json::to_string(&snapshot).unwrap();
        assert_eq!(snapshot_from_json(&json).unwrap(), snapshot);
    }
}
