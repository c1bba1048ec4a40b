"""ClaimLens over WARC files on Spark, in the cc-pyspark pattern.

The input is a text file listing WARC paths, one a line. Spark spreads the
lines over partitions; each partition opens its WARCs one by one, streams the
HTML `response` records with warcio, and analyses them with the claimlens
Python package (parallel inside, GIL released). The output is either JSONL,
one `{"id","url","analysis"|"error"}` line per page exactly as
`claimlens batch` writes it, or Parquet with one row per page.

    spark-submit --master local[2] claimlens_job.py warc_paths.txt OUT \
        [--format jsonl|parquet] [--pack assets/factchecks/politifact.clpack] \
        [--fields claims,quotes] [--partitions N]

Paths may be local or file:// (Common Crawl's s3:// paths need a download
step first, as cc-pyspark does with boto3; not included here).
"""

import argparse
import json
import os

from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

PARQUET_SCHEMA = StructType(
    [
        StructField("id", StringType(), False),
        StructField("url", StringType(), True),
        StructField("status", StringType(), True),
        StructField("published", StringType(), True),
        StructField("published_from", StringType(), True),
        StructField("claims", IntegerType(), True),
        StructField("error", StringType(), True),
        StructField("analysis", StringType(), True),
    ]
)

# One analyzer per executor process: packs and the model load once, not per page.
_ANALYZER = None


def analyzer(packs, threads):
    global _ANALYZER
    if _ANALYZER is None:
        import claimlens

        _ANALYZER = claimlens.Analyzer(packs=packs, threads=threads)
    return _ANALYZER


def html_records(warc_path):
    """The HTML pages of one WARC as claimlens batch records (like the CLI's reader)."""
    from warcio.archiveiterator import ArchiveIterator

    path = warc_path[len("file://"):] if warc_path.startswith("file://") else warc_path
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or not ("text/html" in content_type or "application/xhtml" in content_type):
                continue
            yield {
                "id": record.rec_headers.get_header("WARC-Record-ID"),
                "url": record.rec_headers.get_header("WARC-Target-URI") or "",
                "html": record.content_stream().read(),
                # Only a fallback: the page's own date wins, and the output marks its use.
                "crawl_date": record.rec_headers.get_header("WARC-Date"),
            }


def analyse_partition(warc_paths, packs, threads, fields):
    """Output records for every page of the partition's WARCs."""
    for warc_path in warc_paths:
        warc_path = warc_path.strip()
        if not warc_path:
            continue
        try:
            yield from analyzer(packs, threads).analyze_batch(html_records(warc_path), fields=fields)
        except OSError as e:
            yield {"id": warc_path, "url": "", "error": f"cannot read {warc_path}: {e}"}


def parquet_row(record):
    analysis = record.get("analysis")
    return (
        record["id"],
        record.get("url"),
        analysis["status"] if analysis else None,
        analysis["article"]["published"] if analysis else None,
        record.get("published_from"),
        len(analysis["claims"]) if analysis and "claims" in analysis else None,
        record.get("error"),
        json.dumps(analysis) if analysis else None,
    )


def run(spark, input_listing, output, fmt="jsonl", packs=(), fields=None, partitions=None):
    sc = spark.sparkContext
    packs = [os.path.abspath(p) for p in packs]
    # Each task gets one core; the analyzer's threads use it.
    threads = int(sc.getConf().get("spark.task.cpus", "1"))
    paths = sc.textFile(input_listing, minPartitions=partitions or sc.defaultParallelism)
    records = paths.mapPartitions(lambda part: analyse_partition(part, packs, threads, fields))
    if fmt == "jsonl":
        records.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(output)
    elif fmt == "parquet":
        spark.createDataFrame(records.map(parquet_row), PARQUET_SCHEMA).write.parquet(output)
    else:
        raise ValueError(f"unknown format {fmt!r} (jsonl or parquet)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="a text file of WARC paths, one a line")
    parser.add_argument("output", help="the output folder (must not exist)")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--pack", action="append", default=[], help="a fact-check pack (.clpack)")
    parser.add_argument("--fields", help="analysis members to keep, e.g. claims,quotes")
    parser.add_argument("--partitions", type=int, help="input partitions (default: Spark's parallelism)")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("claimlens").getOrCreate()
    try:
        fields = args.fields.split(",") if args.fields else None
        run(spark, args.input, args.output, args.format, args.pack, fields, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
