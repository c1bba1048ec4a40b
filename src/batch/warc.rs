//! WARC and WARC.gz input (the `warc` crate's streaming reader): the HTML
//! pages of `response` records, with the URL and crawl date from the record
//! headers. Bodies are read one record at a time; other records are skipped
//! unread, so a multi-GB archive is never held in memory.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use ::warc::{Error as WarcError, RecordType, WarcHeader, WarcReader};

use super::http::{self, MAX_PAGE_BYTES};
use super::{Content, Record};
use crate::calendar::Date;

/// Whether `start` (a file's first bytes) begins a WARC, compressed or not.
pub fn looks_like_warc(start: &[u8]) -> bool {
    start.starts_with(b"WARC/") || start.starts_with(&[0x1f, 0x8b])
}

/// Pushes the HTML responses of the WARC at `path`; `name` is used in
/// errors. Returns false when `emit` asked to stop.
pub fn read(
    path: &Path,
    name: &str,
    wanted: &dyn Fn(&str) -> bool,
    emit: &mut dyn FnMut(Record) -> bool,
) -> bool {
    let opened = File::open(path).and_then(|f| {
        let mut file = BufReader::with_capacity(1 << 16, f);
        let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(if gzip {
            // Multi-member: Common Crawl compresses each record on its own.
            let unzipped = flate2::bufread::MultiGzDecoder::new(file);
            Box::new(BufReader::with_capacity(1 << 16, unzipped)) as Box<dyn BufRead>
        } else {
            Box::new(file)
        })
    });
    let reader = match opened {
        Ok(r) => r,
        Err(e) => {
            return emit(Record::unreadable(
                name,
                "",
                format!("cannot read {name}: {e}"),
            ))
        }
    };
    let mut warc = WarcReader::new(reader);
    let mut records = warc.stream_records();
    let mut index = 0usize;
    while let Some(item) = records.next_item() {
        index += 1;
        let place = || format!("{name}#{index}");
        let record = match item {
            Ok(r) => r,
            // The headers were read: the reader can skip this record's body.
            Err(e @ (WarcError::MissingHeader(_) | WarcError::MalformedHeader(..))) => {
                if !emit(Record::unreadable(
                    place(),
                    "",
                    format!("bad WARC record: {e}"),
                )) {
                    return false;
                }
                continue;
            }
            Err(e) => {
                let why = format!("{name}: WARC reading stopped at record {index}: {e}");
                return emit(Record::unreadable(place(), "", why));
            }
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let id = record.warc_id().to_string();
        if !wanted(&id) {
            continue;
        }
        let url = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim().to_string())
            .unwrap_or_default();
        let crawl_date = record
            .header(WarcHeader::Date)
            .and_then(|d| Date::parse_iso(&d));
        if record.content_length() > MAX_PAGE_BYTES {
            let why = format!("the record is larger than {MAX_PAGE_BYTES} bytes");
            if !emit(Record::unreadable(id, url, why)) {
                return false;
            }
            continue;
        }
        let body = match record.into_buffered() {
            Ok(r) => r.body().to_vec(),
            Err(e) => {
                let why = format!("{name}: WARC reading stopped at record {index}: {e}");
                return emit(Record::unreadable(id, url, why));
            }
        };
        let content = match http::parse(&body) {
            Ok(response) if !(200..300).contains(&response.status) || !response.is_html() => {
                continue
            }
            Ok(response) => Content::Html(response.body),
            Err(why) => Content::Unreadable(why),
        };
        let record = Record {
            id,
            url,
            content,
            published: None,
            crawl_date,
        };
        if !emit(record) {
            return false;
        }
    }
    true
}
