"""Writes a small WARC.gz for the Spark example and its test, with warcio's
writer: every HTML file given (fixtures, test pages) as a 200 text/html
response with its request, plus records the job must pass over (an image, a
redirect, a warcinfo).

    python make_sample_warc.py OUT.warc.gz PAGE.html...
"""

import sys
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CRAWL_DATE = "2024-05-02T10:00:00Z"


def response(writer, url, status, content_type, body):
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": CRAWL_DATE},
    )
    writer.write_record(record)


def write(out_path, pages):
    with open(out_path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(Path(out_path).name, {"software": "claimlens example"}))
        for n, page in enumerate(pages):
            url = f"https://news.example/{n:03d}/{Path(page).parent.name}/{Path(page).name}"
            request = StatusAndHeaders(f"GET /{n:03d} HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            response(writer, url, "200 OK", "text/html; charset=utf-8", Path(page).read_bytes())
        response(writer, "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response(writer, "https://news.example/old", "301 Moved Permanently", "text/html", b"<a href=/new>moved</a>")
    return len(pages)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    print(f"{write(sys.argv[1], sys.argv[2:])} pages written to {sys.argv[1]}")
