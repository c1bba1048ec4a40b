"""examples/spark in Spark local mode on a small WARC built here with warcio.

Skipped when pyspark, warcio or Java are missing, unless
CLAIMLENS_REQUIRE_SPARK=1 (scripts/test-python.sh sets it), which turns the
skip into a failure. With CLAIMLENS_BIN (a claimlens binary) the job's JSONL
must equal `claimlens batch` on the same WARC, line for line.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "spark"
DATA = Path(os.environ.get("CLAIMLENS_DATA", ROOT.parent / "shared" / "data"))
# A few of the 130 test pages, when the data is there.
TEST_PAGES = 12


def require(condition, why):
    if not condition:
        if os.environ.get("CLAIMLENS_REQUIRE_SPARK") == "1":
            pytest.fail(why)
        pytest.skip(why)


try:
    import pyspark  # noqa: F401
    import warcio  # noqa: F401

    HAVE_PACKAGES = True
except ImportError:
    HAVE_PACKAGES = False


def sample_pages():
    fixtures = ROOT / "tests" / "fixtures"
    pages = sorted(fixtures.glob("*.html")) + sorted((fixtures / "verify").glob("*.html"))
    readability = DATA / "extraction" / "readability-test-pages"
    pages += sorted(readability.glob("*/source.html"))[:TEST_PAGES]
    return pages


@pytest.fixture(scope="module")
def spark():
    require(HAVE_PACKAGES, "pyspark and warcio are not installed")
    require(shutil.which("java") is not None, "java is not installed")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimlens-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def job():
    sys.path.insert(0, str(EXAMPLE))
    import claimlens_job
    import make_sample_warc

    return claimlens_job, make_sample_warc


def test_spark_job_analyses_every_html_page_of_the_warcs(spark, job, tmp_path):
    claimlens_job, make_sample_warc = job
    # Executors import the job's functions by module, as spark-submit --py-files would ship it.
    spark.sparkContext.addPyFile(str(EXAMPLE / "claimlens_job.py"))
    pages = sample_pages()
    warcs = [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"]
    half = len(pages) // 2
    make_sample_warc.write(str(warcs[0]), pages[:half])
    make_sample_warc.write(str(warcs[1]), pages[half:])
    listing = tmp_path / "warc_paths.txt"
    listing.write_text("".join(f"file://{w}\n" for w in warcs))

    out = tmp_path / "jsonl"
    claimlens_job.run(spark, str(listing), str(out), "jsonl", packs=[ROOT / "assets/factchecks/politifact.clpack"])
    lines = [line for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    records = [json.loads(line) for line in lines]
    # Only the pages: the request, image, redirect and warcinfo records are passed over.
    assert len(records) == len(pages)
    assert len({r["id"] for r in records}) == len(pages)
    assert all(r["id"].startswith("<urn:uuid:") for r in records)
    checked = next(r for r in records if r["url"].endswith("verify/checked-claim.html"))
    assert checked["analysis"]["article"]["published"] == "2019-10-30"
    assert checked["analysis"]["claims"]
    undated = [r for r in records if r.get("published_from") == "crawl-date"]
    assert all(r["analysis"]["article"]["published"] == "2024-05-02" for r in undated)

    binary = os.environ.get("CLAIMLENS_BIN")
    if binary:
        cli = subprocess.run(
            [binary, "batch", "--pack", str(ROOT / "assets/factchecks/politifact.clpack"), *map(str, warcs)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
        assert [json.loads(line) for line in cli] == records

    parquet = tmp_path / "parquet"
    claimlens_job.run(spark, str(listing), str(parquet), "parquet", fields=["claims"])
    rows = spark.read.parquet(str(parquet)).collect()
    assert len(rows) == len(pages)
    row = next(r for r in rows if r.url.endswith("verify/checked-claim.html"))
    assert row.status == "ok" and row.claims == len(checked["analysis"]["claims"])
    assert sorted(json.loads(row.analysis)) == ["article", "claims", "schema", "status"]
