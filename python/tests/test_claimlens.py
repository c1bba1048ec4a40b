"""The Python package against the same core as the CLI: shapes, errors, batch order."""

import re
from pathlib import Path

import pytest

import claimlens

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "fixtures" / "verify" / "checked-claim.html"
PACK = ROOT / "assets" / "factchecks" / "politifact.clpack"
STORY = (
    "The city council said on Monday that it spent $2 billion on roads last year, "
    "twice what it spent in 2019. Unemployment in the region fell to 4.1 percent in March, "
    "according to the state labour office."
)


def undated_page(title):
    paragraphs = f"<p>{STORY}</p>" * 4
    return f"<html lang=en><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


@pytest.fixture(scope="module")
def analyzer():
    return claimlens.Analyzer(threads=2)


def test_analyze_text_finds_the_claim_and_its_quantity(analyzer):
    analysis = analyzer.analyze_text(STORY, published="2024-03-01")
    assert analysis["schema"] == "claimlens/analysis@1"
    assert analysis["article"]["published"] == "2024-03-01"
    quantities = [q["text"] for c in analysis["claims"] for q in c["quantities"]]
    assert "$2 billion" in quantities


def test_analyze_html_reads_the_page_date_and_takes_str_or_bytes(analyzer):
    html = PAGE.read_text(encoding="utf-8")
    from_str = analyzer.analyze_html(html, url="https://news.example/crime")
    from_bytes = analyzer.analyze_html(html.encode("utf-8"), url="https://news.example/crime")
    assert from_str == from_bytes
    assert from_str["article"]["published"] == "2019-10-30"
    assert from_str["article"]["url"] == "https://news.example/crime"
    assert from_str["claims"]
    # An explicit date overrides the page's.
    assert analyzer.analyze_html(html, published="2020-01-02")["article"]["published"] == "2020-01-02"


def test_bad_input_raises_claimlens_error_with_the_core_message(analyzer):
    with pytest.raises(claimlens.ClaimLensError, match="the page is empty"):
        analyzer.analyze_html("   ")
    with pytest.raises(claimlens.ClaimLensError, match="bad date `last week`"):
        analyzer.analyze_text(STORY, published="last week")
    with pytest.raises(claimlens.ClaimLensError, match="the text is empty"):
        analyzer.analyze_text("")
    with pytest.raises(TypeError):
        analyzer.analyze_html(42)


def test_packs_load_once_and_a_missing_pack_is_a_claimlens_error(tmp_path):
    with pytest.raises(claimlens.ClaimLensError, match="cannot read"):
        claimlens.Analyzer(packs=[tmp_path / "missing.clpack"])
    (tmp_path / "bad.clpack").write_bytes(b"not a pack")
    with pytest.raises(claimlens.ClaimLensError, match="bad.clpack"):
        claimlens.Analyzer(packs=[str(tmp_path / "bad.clpack")])
    with_pack = claimlens.Analyzer(packs=[PACK], threads=1)
    assert with_pack.threads == 1
    assert with_pack.analyze_html(PAGE.read_bytes())["claims"]


def test_analyze_batch_yields_one_record_per_input_in_order(analyzer):
    records = [
        {"id": "page", "url": "https://news.example/crime", "html": PAGE.read_bytes()},
        {"id": 7, "text": STORY, "published": "2021-06-30"},
        {"id": "undated", "url": "https://news.example/u", "html": undated_page("U"), "crawl_date": "2024-05-02T10:00:00Z"},
        "not a dict",
        {"id": "nothing"},
        {"id": "bad-date", "text": STORY, "published": "soon"},
    ]
    out = list(analyzer.analyze_batch(iter(records)))
    assert [r["id"] for r in out] == ["page", "7", "undated", "record 4", "nothing", "bad-date"]
    assert out[0]["url"] == "https://news.example/crime"
    assert out[0]["analysis"]["article"]["published"] == "2019-10-30"
    assert "published_from" not in out[0]
    assert out[1]["analysis"]["article"]["published"] == "2021-06-30"
    assert out[2]["published_from"] == "crawl-date"
    assert out[2]["analysis"]["article"]["published"] == "2024-05-02"
    assert out[3]["error"] == "a record must be a dict"
    assert out[4]["error"] == "the record has neither html nor text"
    assert "soon" in out[5]["error"]


def test_analyze_batch_over_many_rounds_keeps_order(analyzer):
    # 2 threads take 64 records a round: 150 records make three rounds.
    records = ({"id": f"r{i}", "text": f"The council spent ${i} million on roads in 2023."} for i in range(150))
    out = list(analyzer.analyze_batch(records))
    assert [r["id"] for r in out] == [f"r{i}" for i in range(150)]
    amounts = [out[i]["analysis"]["claims"][0]["quantities"][0]["text"] for i in (0, 99, 149)]
    assert amounts == ["$0 million", "$99 million", "$149 million"]


def test_analyze_batch_fields(analyzer):
    (record,) = analyzer.analyze_batch([{"id": "t", "text": STORY}], fields=["claims"])
    assert sorted(record["analysis"]) == ["article", "claims", "schema", "status"]
    assert sorted(record["analysis"]["article"]) == ["published", "title", "url"]
    with pytest.raises(claimlens.ClaimLensError, match="unknown analysis field `claimz`"):
        analyzer.analyze_batch([], fields=["claimz"])


def test_the_version_is_the_crate_version():
    cargo = (ROOT / "python" / "Cargo.toml").read_text()
    assert re.search(r'^version = "([^"]+)"', cargo, re.M).group(1) == claimlens.__version__
