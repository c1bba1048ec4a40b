"""ClaimLens: the factual claims in news articles, how each is sourced and checked.

The analysis runs in the Rust core (the same one the browser extension runs as
WebAssembly). See ``Analyzer`` and the ``claimlens/analysis@1`` schema.
"""

from ._claimlens import Analyzer, ClaimLensError, __version__

__all__ = ["Analyzer", "ClaimLensError", "__version__"]
