from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, Optional, Union

__version__: str

class ClaimLensError(Exception):
    """Bad input (an empty page, a bad date, an unreadable pack), with the core's message."""

Analysis = dict[str, Any]
"""A ``claimlens/analysis@1`` object (see src/analysis.rs)."""

OutputRecord = dict[str, Any]
"""``{"id", "url", "analysis"}`` or ``{"id", "url", "error"}``; ``published_from``
is ``"crawl-date"`` when the page had no date and the record's crawl date was used."""

class Analyzer:
    """Loads the fact-check packs and the model once; safe to share between threads."""

    def __init__(
        self,
        packs: Sequence[Union[str, PathLike[str]]] = (),
        *,
        threads: Optional[int] = None,
        threshold: Optional[float] = None,
    ) -> None: ...
    @property
    def threads(self) -> int: ...
    def analyze_html(
        self,
        html: Union[str, bytes],
        url: Optional[str] = None,
        published: Optional[str] = None,
    ) -> Analysis: ...
    def analyze_text(self, text: str, published: Optional[str] = None) -> Analysis: ...
    def analyze_batch(
        self,
        records: Iterable[Mapping[str, Any]],
        fields: Optional[Sequence[str]] = None,
    ) -> Iterator[OutputRecord]:
        """Records shaped like the CLI's JSONL: ``id``, ``url``, ``html`` (str or
        bytes) or ``text``, optional ``published`` and ``crawl_date``. Yields one
        output record per input record, in order; a bad record yields an error
        record. Analysed in parallel with the GIL released."""
        ...
