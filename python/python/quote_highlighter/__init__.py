"""Find guillemet quotes (« … ») in French text and who said each one.

``analyze(text)`` returns the command line's JSON shape as a dict, with offsets in code points
(Python string indices): ``text[q["start"]:q["end"]]`` is the quote, guillemets included.
``analyze_many(texts)`` does the same for an iterable of texts on every core, in input order.
The spaCy component (``nlp.add_pipe("quote_highlighter")``) lives in
``quote_highlighter.spacy_component``.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import Any, Dict, Iterable, Iterator, List, Optional

from . import _native

__all__ = ["analyze", "analyze_many", "MAX_INPUT_BYTES"]
__version__ = "0.1.0"

#: A text longer than this many UTF-8 bytes is refused with ``ValueError`` (64 MiB).
MAX_INPUT_BYTES: int = _native.DEFAULT_MAX_INPUT


def analyze(text: str) -> Dict[str, Any]:
    """The analysis of ``text``: ``{"quotes": [...], "speakers": [...], "diagnostics": [...]}``.

    Offsets are code points. The GIL is released while the engine runs. Raises ``TypeError`` for
    a non-``str`` and ``ValueError`` above ``MAX_INPUT_BYTES``.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes a str, not {type(text).__name__}")
    return json.loads(_native.analyze_json(text))


def analyze_many(
    texts: Iterable[str],
    threads: Optional[int] = None,
    batch_size: Optional[int] = None,
    as_json: bool = False,
) -> Iterator[Any]:
    """Analyses every text of ``texts``; yields the results in input order.

    The texts are taken ``batch_size`` at a time (default ``512 × threads``, so memory stays
    bounded for any length of input). Each batch is analysed and serialised on ``threads``
    native threads (default: every core) with the GIL released, while the previous batch is
    turned into dicts by ``json.loads`` — the one step that needs the GIL (building the dicts
    directly from Rust measured slower). With ``as_json=True`` the results are yielded as JSON
    strings (the command line's records without ``id``): to write out as they are, or to parse
    elsewhere.
    """
    n = threads if threads is not None else (os.cpu_count() or 1)
    if n < 1:
        raise ValueError("threads must be at least 1")
    size = batch_size if batch_size is not None else 512 * n
    if size < 1:
        raise ValueError("batch_size must be at least 1")
    it = iter(texts)
    decode = (lambda results: results) if as_json else (lambda results: map(json.loads, results))

    def batches() -> Iterator[List[str]]:
        while True:
            chunk = list(islice(it, size))
            if not chunk:
                return
            for t in chunk:
                if not isinstance(t, str):
                    raise TypeError(f"analyze_many() takes str items, not {type(t).__name__}")
            yield chunk

    # One helper thread runs the next native batch while this one decodes the previous.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        for chunk in batches():
            future = pool.submit(_native.analyze_batch, chunk, n)
            if pending is not None:
                yield from decode(pending.result()[0])
            pending = future
        if pending is not None:
            yield from decode(pending.result()[0])
