//! `claimlens sentences FILE|-`: plain text in (paragraphs separated by
//! blank lines), a JSON array of `{start, end, text}` out, one object per
//! sentence, offsets in UTF-16 code units into the input.

use std::io::Write;

use lexopt::prelude::*;
use serde::Serialize;

use super::input::read_text;
use super::CliError;
use crate::pipeline::rendered_from_plain_text;
use crate::segment::sentences;
use crate::spans::Utf16Index;

#[derive(Serialize)]
struct Sentence<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

pub fn run(parser: &mut lexopt::Parser, out: &mut dyn Write) -> Result<(), CliError> {
    let mut path = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) if path.is_none() => path = Some(v.string()?),
            other => return Err(other.unexpected().into()),
        }
    }
    let path = path.ok_or_else(|| CliError::Usage("sentences needs a FILE or -".into()))?;
    let text = read_text(&path)?;
    write_sentences(&text, out)
}

fn write_sentences(text: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let index = Utf16Index::new(text);
    let mut spans = Vec::new();
    let mut info = Vec::new();
    for (i, block) in rendered_from_plain_text(text).blocks.iter().enumerate() {
        sentences::split_into(text, block.span, i, &mut spans, &mut info);
    }
    let list: Vec<Sentence<'_>> = spans
        .iter()
        .map(|s| {
            let u = index.span(*s);
            Sentence {
                start: u.start,
                end: u.end,
                text: s.of(text),
            }
        })
        .collect();
    serde_json::to_writer(&mut *out, &list).map_err(|e| CliError::Write(e.into()))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_and_paragraphs_split() {
        let text = "“Café” opened. Mr. Smith 😀 left.\n\nNew paragraph";
        let mut out = Vec::new();
        write_sentences(text, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let got: Vec<(u64, u64, &str)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["start"].as_u64().unwrap(),
                    s["end"].as_u64().unwrap(),
                    s["text"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 14, "“Café” opened."),
                (15, 33, "Mr. Smith 😀 left."),
                (35, 48, "New paragraph")
            ]
        );
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[15..33]).unwrap(),
            "Mr. Smith 😀 left."
        );
    }
}
