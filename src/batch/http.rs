//! The HTTP response inside a WARC `response` record: status, content type
//! and the body, with chunked transfer and gzip/deflate content decoded.

use std::io::Read;

/// The most HTML bytes one page may decode to; past it the record is an error.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Response {
    /// An HTML page: declared so, or undeclared and starting with a tag.
    pub fn is_html(&self) -> bool {
        match &self.content_type {
            Some(t) => {
                let t = t.to_ascii_lowercase();
                t.contains("text/html") || t.contains("application/xhtml")
            }
            None => self
                .body
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|&b| b == b'<'),
        }
    }
}

/// Splits and decodes a raw HTTP response.
pub fn parse(raw: &[u8]) -> Result<Response, String> {
    let (head, body) = split_head(raw).ok_or("the HTTP response has no end of headers")?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|_| status_line.starts_with("HTTP/"))
        .ok_or_else(|| format!("bad HTTP status line `{}`", truncate(status_line, 60)))?;
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = value.to_ascii_lowercase(),
            _ => {}
        }
    }
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    let body = decode(body, &encoding)?;
    Ok(Response {
        status,
        content_type,
        body,
    })
}

fn split_head(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(c), Some(l)) => {
            if c.0 <= l.0 {
                c
            } else {
                l
            }
        }
        (c, l) => c.or(l)?,
    };
    Some((&raw[..at], &raw[at + len..]))
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("a chunk size line has no end")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size `{}`", truncate(size_text, 20)))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        // A cut record keeps what was there (archives truncate long pages).
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = &body[take..];
        if body.len() < 2 {
            return Ok(out);
        }
        body = &body[2..];
    }
}

fn decode(body: Vec<u8>, encoding: &str) -> Result<Vec<u8>, String> {
    let reader: Box<dyn Read + '_> = match encoding {
        "" | "identity" | "none" => return Ok(body),
        "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(&body[..])),
        "deflate" => Box::new(flate2::read::ZlibDecoder::new(&body[..])),
        other => {
            return Err(format!(
                "unsupported HTTP content encoding `{}`",
                truncate(other, 20)
            ))
        }
    };
    let mut out = Vec::new();
    reader
        .take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decode the {encoding} body: {e}"))?;
    if out.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!(
            "the page decodes to more than {MAX_PAGE_BYTES} bytes"
        ));
    }
    Ok(out)
}

fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn plain_response() {
        let r =
            parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>")
                .unwrap();
        assert_eq!(r.status, 200);
        assert!(r.is_html());
        assert_eq!(r.body, b"<p>hi</p>");
    }

    #[test]
    fn chunked_and_gzipped_body_is_decoded() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<html><p>decoded</p></html>").unwrap();
        let zipped = gz.finish().unwrap();
        let (a, b) = zipped.split_at(7);
        let mut raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n".to_vec();
        for part in [a, b] {
            raw.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            raw.extend_from_slice(part);
            raw.extend_from_slice(b"\r\n");
        }
        raw.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(parse(&raw).unwrap().body, b"<html><p>decoded</p></html>");
    }

    #[test]
    fn images_and_unknown_encodings_are_told_apart() {
        let image = parse(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG").unwrap();
        assert!(!image.is_html());
        let err = parse(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx").unwrap_err();
        assert!(err.contains("br"), "{err}");
        assert!(parse(b"garbage without headers").is_err());
    }
}
