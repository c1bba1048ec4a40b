//! JSONL input: one record a line, `{"id","url","html"}` or
//! `{"id","text","published"}`. `published` (a date given with the record)
//! overrides the page's; `crawl_date` is only a fallback, like WARC-Date.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use super::Record;

#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    #[serde(default)]
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    published: Option<String>,
    crawl_date: Option<String>,
}

/// One JSONL line as a record; `place` ("file:line") names a record without
/// an id, and a line that is not a record becomes an unreadable record.
pub fn parse_record(line: &str, place: &str) -> Record {
    let parsed: Line = match serde_json::from_str(line) {
        Ok(l) => l,
        Err(e) => return Record::unreadable(place, "", format!("not a JSON record: {e}")),
    };
    let id = match parsed.id {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => place.to_string(),
    };
    Record::from_parts(
        id,
        parsed.url.unwrap_or_default(),
        parsed.html.map(String::into_bytes),
        parsed.text,
        parsed.published.as_deref(),
        parsed.crawl_date.as_deref(),
    )
}

/// Pushes the records of a JSONL stream; `name` is used in ids and errors.
/// Blank lines are skipped. Returns false when `emit` asked to stop.
pub fn read(
    input: impl BufRead,
    name: &str,
    wanted: &dyn Fn(&str) -> bool,
    emit: &mut dyn FnMut(Record) -> bool,
) -> bool {
    for (n, line) in input.split(b'\n').enumerate() {
        let place = format!("{name}:{}", n + 1);
        let record = match line {
            Err(e) => {
                // A read error ends this input; it is reported once.
                return emit(Record::unreadable(
                    place,
                    "",
                    format!("cannot read {name}: {e}"),
                ));
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(_) => Record::unreadable(place, "", "the line is not valid UTF-8".into()),
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => parse_record(&text, &place),
            },
        };
        if wanted(&record.id) && !emit(record) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Content;
    use crate::calendar::Date;

    #[test]
    fn html_and_text_records() {
        let r = parse_record(
            r#"{"id":"a","url":"https://x.example/","html":"<p>x</p>"}"#,
            "f:1",
        );
        assert_eq!((r.id.as_str(), r.url.as_str()), ("a", "https://x.example/"));
        assert_eq!(r.content, Content::Html(b"<p>x</p>".to_vec()));
        let r = parse_record(
            r#"{"id":7,"text":"Words.","published":"2024-03-01"}"#,
            "f:2",
        );
        assert_eq!(r.id, "7");
        assert_eq!(r.published, Date::new(2024, 3, 1));
        assert_eq!(r.content, Content::Text("Words.".into()));
    }

    #[test]
    fn bad_lines_become_unreadable_records_named_by_place() {
        let r = parse_record("{not json", "in.jsonl:3");
        assert_eq!(r.id, "in.jsonl:3");
        assert!(matches!(r.content, Content::Unreadable(m) if m.contains("not a JSON")));
        let r = parse_record(r#"{"id":"b","text":"x","published":"yesterday"}"#, "f:4");
        assert_eq!(r.id, "b");
        assert!(matches!(r.content, Content::Unreadable(m) if m.contains("yesterday")));
        let r = parse_record(r#"{"id":"c"}"#, "f:5");
        assert!(matches!(r.content, Content::Unreadable(m) if m.contains("neither")));
    }
}
