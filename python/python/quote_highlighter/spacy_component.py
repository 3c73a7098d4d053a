"""The spaCy component: ``nlp.add_pipe("quote_highlighter")``.

Sets ``doc._.quotes``: one :class:`QuoteSpans` per quote, in text order, with spaCy ``Span``s
for the quote (guillemets included), its speaker mention and its speech cue. Character offsets
are mapped to tokens with ``alignment_mode="expand"``, so a span covers every token the
characters touch. Works on any pipeline, ``spacy.blank("fr")`` included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import analyze

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


@dataclass
class QuoteSpans:
    """One quote of a ``Doc``."""

    span: Span
    kind: str
    speaker: Optional[Span]
    speaker_name: Optional[str]
    cue: Optional[Span]
    #: The quote as ``analyze`` gives it (character offsets, method, closed, …).
    data: Dict[str, Any] = field(repr=False)


def _span(doc: Doc, part: Optional[Dict[str, Any]]) -> Optional[Span]:
    if not part:
        return None
    return doc.char_span(part["start"], part["end"], alignment_mode="expand")


class QuoteHighlighter:
    """Finds the quotes of each ``Doc`` and sets ``doc._.quotes``."""

    def __init__(self, kinds: List[str]):
        self.kinds = set(kinds)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for q in analyze(doc.text)["quotes"]:
            if q["kind"] not in self.kinds:
                continue
            span = _span(doc, q)
            if span is None:
                continue
            speaker = q.get("speaker")
            found.append(
                QuoteSpans(
                    span=span,
                    kind=q["kind"],
                    speaker=_span(doc, speaker),
                    speaker_name=speaker.get("name") if speaker else None,
                    cue=_span(doc, q.get("cue")),
                    data=q,
                )
            )
        doc._.quotes = found
        return doc


@Language.factory(
    "quote_highlighter",
    default_config={"kinds": ["direct", "partial"]},
)
def make_quote_highlighter(nlp: Language, name: str, kinds: List[str]) -> QuoteHighlighter:
    """The factory behind ``nlp.add_pipe("quote_highlighter", config={"kinds": [...]})``;
    ``kinds`` may add ``"term"`` (titles and terms in guillemets)."""
    return QuoteHighlighter(kinds)
