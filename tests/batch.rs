//! `claimlens batch` end to end on small inputs built here: a folder of HTML
//! files, JSONL records, and WARC files written with the `warc` crate's
//! writer (one gzip member per record, as Common Crawl writes them).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use serde_json::Value;
use warc::{RecordBuilder, RecordType, WarcHeader, WarcWriter};

const STORY: &str = "The city council said on Monday that it spent $2 billion on roads last year, \
    twice what it spent in 2019. Unemployment in the region fell to 4.1 percent in March, \
    according to the state labour office. The mayor told reporters that 300 new buses \
    would be on the streets by the end of 2025. Critics said the figures left out the cost \
    of maintenance, which the auditor put at $450 million over five years.";

/// An article page; `date` goes into its metadata when given.
fn article(title: &str, date: Option<&str>) -> String {
    let meta = date.map_or(String::new(), |d| {
        format!(r#"<meta property="article:published_time" content="{d}T08:00:00Z">"#)
    });
    let paragraphs = format!("<p>{STORY}</p>").repeat(4);
    format!(
        "<!doctype html><html lang=en><head><title>{title}</title>{meta}</head>\
         <body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> String {
    let mut out = Vec::new();
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    claimlens::cli::run(args, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn lines(output: &str) -> Vec<Value> {
    output
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(records: &[Value]) -> Vec<&str> {
    records.iter().map(|r| r["id"].as_str().unwrap()).collect()
}

fn http_response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
}

/// A WARC record as the writer serialises it.
fn warc_record(kind: RecordType, id: &str, url: &str, body: Vec<u8>) -> Vec<u8> {
    let record = RecordBuilder::default()
        .warc_type(kind)
        .warc_id(id)
        .header(WarcHeader::TargetURI, url)
        .header(WarcHeader::Date, "2024-05-02T10:00:00Z")
        .header(
            WarcHeader::ContentType,
            "application/http; msgtype=response",
        )
        .body(body)
        .build()
        .unwrap();
    let mut writer = WarcWriter::new(std::io::BufWriter::new(Vec::new()));
    writer.write(&record).unwrap();
    writer.into_inner().unwrap()
}

/// A small crawl: two pages, and records the batch must pass over.
fn crawl_records() -> Vec<Vec<u8>> {
    vec![
        warc_record(
            RecordType::WarcInfo,
            "<urn:uuid:info>",
            "",
            b"software: test".to_vec(),
        ),
        warc_record(
            RecordType::Request,
            "<urn:uuid:req>",
            "https://news.example/dated",
            b"GET /dated HTTP/1.1\r\n\r\n".to_vec(),
        ),
        warc_record(
            RecordType::Response,
            "<urn:uuid:dated>",
            "https://news.example/dated",
            http_response(
                "200 OK",
                "text/html; charset=utf-8",
                &article("Dated", Some("2023-11-20")),
            ),
        ),
        warc_record(
            RecordType::Response,
            "<urn:uuid:image>",
            "https://news.example/logo.png",
            http_response("200 OK", "image/png", "PNG"),
        ),
        warc_record(
            RecordType::Response,
            "<urn:uuid:moved>",
            "https://news.example/old",
            http_response(
                "301 Moved Permanently",
                "text/html",
                "<a href=/new>moved</a>",
            ),
        ),
        warc_record(
            RecordType::Response,
            "<urn:uuid:undated>",
            "https://news.example/undated",
            http_response("200 OK", "text/html", &article("Undated", None)),
        ),
        warc_record(
            RecordType::Response,
            "<urn:uuid:broken>",
            "https://news.example/broken",
            b"not an http response at all".to_vec(),
        ),
    ]
}

fn write_warc_gz(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    for record in crawl_records() {
        let mut member = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        member.write_all(&record).unwrap();
        file.write_all(&member.finish().unwrap()).unwrap();
    }
}

#[test]
fn warc_gz_html_responses_with_header_urls_and_crawl_date_only_as_a_marked_fallback() {
    let dir = scratch("warc-gz");
    let warc = dir.join("crawl.warc.gz");
    write_warc_gz(&warc);
    let records = lines(&run(&["batch", warc.to_str().unwrap()]));
    assert_eq!(
        ids(&records),
        [
            "<urn:uuid:dated>",
            "<urn:uuid:undated>",
            "<urn:uuid:broken>"
        ]
    );

    let dated = &records[0];
    assert_eq!(dated["url"], "https://news.example/dated");
    assert_eq!(dated["analysis"]["article"]["published"], "2023-11-20");
    assert!(dated.get("published_from").is_none(), "{dated}");
    assert!(!dated["analysis"]["claims"].as_array().unwrap().is_empty());

    let undated = &records[1];
    assert_eq!(undated["analysis"]["article"]["published"], "2024-05-02");
    assert_eq!(undated["published_from"], "crawl-date");
    let notices = undated["analysis"]["notices"].as_array().unwrap();
    assert!(notices
        .iter()
        .any(|n| n == claimlens::PUBLISHED_FALLBACK_NOTICE));

    assert_eq!(records[2]["url"], "https://news.example/broken");
    assert!(records[2]["error"].as_str().unwrap().contains("HTTP"));
}

#[test]
fn uncompressed_warc_reads_the_same_pages() {
    let dir = scratch("warc-plain");
    let warc = dir.join("crawl.warc");
    std::fs::write(&warc, crawl_records().concat()).unwrap();
    let records = lines(&run(&["batch", warc.to_str().unwrap()]));
    assert_eq!(
        ids(&records),
        [
            "<urn:uuid:dated>",
            "<urn:uuid:undated>",
            "<urn:uuid:broken>"
        ]
    );
}

/// A folder of pages and a JSONL file with good and bad records.
fn folder_and_jsonl(dir: &Path) -> (PathBuf, PathBuf) {
    let pages = dir.join("pages");
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    std::fs::write(pages.join("b.html"), article("B", Some("2022-01-05"))).unwrap();
    std::fs::write(pages.join("sub/a.htm"), article("A", None)).unwrap();
    std::fs::write(pages.join("notes.txt"), "not a page").unwrap();
    std::fs::write(pages.join("empty.html"), "  \n").unwrap();
    let jsonl = dir.join("records.jsonl");
    let html = serde_json::to_string(&article("J", None)).unwrap();
    std::fs::write(
        &jsonl,
        format!(
            "{{\"id\":\"j1\",\"url\":\"https://x.example/j1\",\"html\":{html}}}\n\
             {{\"id\":\"t1\",\"text\":\"{STORY}\",\"published\":\"2021-06-30\"}}\n\
             this line is not json\n\
             \n\
             {{\"id\":\"t2\",\"text\":\"   \"}}\n"
        ),
    )
    .unwrap();
    (pages, jsonl)
}

#[test]
fn folders_and_jsonl_in_input_order_with_bad_records_reported() {
    let dir = scratch("mixed");
    let (pages, jsonl) = folder_and_jsonl(&dir);
    let records = lines(&run(&[
        "batch",
        pages.to_str().unwrap(),
        jsonl.to_str().unwrap(),
    ]));
    let jsonl_name = jsonl.to_str().unwrap();
    let bad_line = format!("{jsonl_name}:3");
    assert_eq!(
        ids(&records),
        [
            "b.html",
            "empty.html",
            "sub/a.htm",
            "j1",
            "t1",
            bad_line.as_str(),
            "t2"
        ]
    );
    let by_id = |id: &str| records.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(by_id("empty.html")["error"], "the page is empty");
    assert_eq!(by_id("t2")["error"], "the text is empty");
    assert!(by_id(&bad_line)["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON record"));
    assert_eq!(by_id("j1")["url"], "https://x.example/j1");
    assert_eq!(
        by_id("t1")["analysis"]["article"]["published"],
        "2021-06-30"
    );
    assert_eq!(
        by_id("b.html")["analysis"]["article"]["published"],
        "2022-01-05"
    );
    assert_eq!(
        by_id("b.html")["analysis"]["schema"],
        "claimlens/analysis@1"
    );
}

#[test]
fn output_is_the_same_on_one_thread_and_on_three() {
    let dir = scratch("threads");
    let (pages, jsonl) = folder_and_jsonl(&dir);
    let warc = dir.join("crawl.warc.gz");
    write_warc_gz(&warc);
    let inputs = [
        pages.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        warc.to_str().unwrap(),
    ];
    let one = run(&[&["batch", "--jobs", "1"], &inputs[..]].concat());
    let three = run(&[&["batch", "--jobs", "3"], &inputs[..]].concat());
    assert_eq!(lines(&one).len(), 10);
    assert_eq!(one, three);
}

#[test]
fn fields_keep_only_the_named_members_and_the_article_identity() {
    let dir = scratch("fields");
    let (_, jsonl) = folder_and_jsonl(&dir);
    let records = lines(&run(&[
        "batch",
        "--fields",
        "claims,quotes",
        jsonl.to_str().unwrap(),
    ]));
    let analysis = records[0]["analysis"].as_object().unwrap();
    let mut keys: Vec<&str> = analysis.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["article", "claims", "quotes", "schema", "status"]);
    let mut article: Vec<&str> = analysis["article"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    article.sort_unstable();
    assert_eq!(article, ["published", "title", "url"]);
}

#[test]
fn resume_skips_finished_ids_and_errors_and_retry_errors_reruns_the_errors() {
    let dir = scratch("resume");
    let (_, jsonl) = folder_and_jsonl(&dir);
    let out = dir.join("out.jsonl");
    let (input, output) = (jsonl.to_str().unwrap(), out.to_str().unwrap());
    run(&["batch", input, "-o", output]);
    let full = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines(&full).len(), 4);

    // An interrupted run: two whole lines and half of the third (an error).
    let kept: Vec<&str> = full.lines().take(3).collect();
    let torn = format!(
        "{}\n{}\n{}",
        kept[0],
        kept[1],
        &kept[2][..kept[2].len() / 2]
    );
    std::fs::write(&out, torn).unwrap();
    run(&["batch", input, "-o", output, "--resume"]);
    let resumed = lines(&std::fs::read_to_string(&out).unwrap());
    let mut resumed_ids = ids(&resumed);
    assert_eq!(resumed_ids.len(), 4, "{resumed_ids:?}");
    resumed_ids.sort_unstable();
    let first_run = lines(&full);
    let mut all_ids = ids(&first_run);
    all_ids.sort_unstable();
    assert_eq!(resumed_ids, all_ids);

    // Resuming a finished run does nothing, errors included.
    let before = std::fs::read_to_string(&out).unwrap();
    run(&["batch", input, "-o", output, "--resume"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);

    // --retry-errors runs the two error records again, once each.
    run(&["batch", input, "-o", output, "--retry-errors"]);
    let retried = lines(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(retried.len(), 4);
    let errors: Vec<&str> = retried
        .iter()
        .filter(|r| r.get("error").is_some())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    // They were taken out and written again, so they come last.
    assert!(retried[2].get("error").is_some() && retried[3].get("error").is_some());
}

#[test]
fn a_missing_input_is_refused_before_any_work() {
    let mut out = Vec::new();
    let err = claimlens::cli::run(
        vec!["batch".into(), "/nonexistent/claimlens-input".into()],
        &mut out,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("/nonexistent/claimlens-input"),
        "{err}"
    );
    assert!(out.is_empty());
}

#[test]
fn jsonl_from_stdin_and_no_progress_when_stderr_is_not_a_terminal() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(["batch", "-", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!("{{\"id\":\"s1\",\"text\":\"{STORY}\"}}\n{{\"id\":\"s2\"}}\n");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success());
    assert!(
        done.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let records = lines(&String::from_utf8(done.stdout).unwrap());
    assert_eq!(ids(&records), ["s1", "s2"]);
    assert!(records[0]["analysis"]["claims"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
    assert_eq!(records[1]["error"], "the record has neither html nor text");
}
