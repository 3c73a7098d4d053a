"""The Python package against the command line, on the project's fixtures; analyze_many's order
and threads; the spaCy component's spans. Run by `make python-test` (QH_CLI names the binary)."""

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

import quote_highlighter as qh
from quote_highlighter import _native

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("QH_CLI", str(ROOT / "target" / "release" / "quote-highlighter"))


def unescape(s):
    s = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace("\\n", "\n")


def fixture_texts():
    """Every case text of tests/fixtures (format in its README)."""
    texts = []
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        lines, inside = [], False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("=== "):
                lines, inside = [], True
            elif line == "---" and inside:
                texts.append(unescape("\n".join(lines)))
                inside = False
            elif inside and not line.startswith("#"):
                lines.append(line)
    return texts


TEXTS = fixture_texts()


def cli_records(texts):
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    out = subprocess.run(
        [CLI, "--jsonl", "--offsets", "chars"],
        input=lines.encode(),
        capture_output=True,
        check=True,
    )
    recs = [json.loads(l) for l in out.stdout.decode().splitlines()]
    for r in recs:
        r.pop("id")
    return recs


def test_fixtures_are_found():
    assert len(TEXTS) > 50


def test_analyze_equals_the_command_line_on_every_fixture():
    expected = cli_records(TEXTS)
    assert [qh.analyze(t) for t in TEXTS] == expected


def test_offsets_are_python_string_indices():
    text = "🙂 é «Oui, c’est prêt\u202f», a déclaré Jean Martin."
    q = qh.analyze(text)["quotes"][0]
    assert text[q["start"] : q["end"]] == "«Oui, c’est prêt\u202f»"
    assert text[q["speaker"]["start"] : q["speaker"]["end"]] == "Jean Martin"
    assert q["speaker"]["name"] == "Jean Martin"


def test_bad_input_is_a_python_error():
    with pytest.raises(TypeError):
        qh.analyze(b"bytes")
    with pytest.raises(TypeError):
        list(qh.analyze_many(["ok", 3]))
    with pytest.raises(ValueError):
        list(qh.analyze_many(["ok"], threads=0))
    assert qh.analyze("") == {"quotes": [], "speakers": [], "diagnostics": []}


def corpus(n):
    # The marker quote comes first: a fixture's unclosed openers cannot swallow it.
    base = TEXTS
    return [f"«Document {i}», a dit Ana Pérez.\n{base[i % len(base)]}" for i in range(n)]


def test_analyze_many_keeps_order_on_10000_documents():
    texts = corpus(10_000)
    wall, cpu = time.perf_counter(), time.process_time()
    got = list(qh.analyze_many(texts))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"analyze_many: 10,000 documents in {wall:.2f} s wall, {cpu:.2f} s CPU")
    assert len(got) == len(texts)
    for i, r in enumerate(got):
        found = [texts[i][q["start"] : q["end"]] for q in r["quotes"]]
        assert f"«Document {i}»" in found, (i, found)
    # Equal to one-at-a-time analysis, whatever the batch and thread counts.
    assert list(qh.analyze_many(texts[:500], threads=3, batch_size=7)) == [
        qh.analyze(t) for t in texts[:500]
    ]
    assert list(qh.analyze_many(iter([]))) == []
    raw = list(qh.analyze_many(texts[:50], as_json=True))
    assert [json.loads(r) for r in raw] == got[:50]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores")
def test_analyze_many_runs_on_several_threads():
    # Which worker threads analysed something: counted by the native code, not timed.
    texts = corpus(10_000)
    results, used = _native.analyze_batch(texts, os.cpu_count())
    assert len(results) == len(texts)
    assert used >= 2


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    nlp.add_pipe("quote_highlighter")
    return nlp


def test_spacy_component_sets_spans(nlp):
    doc = nlp("«Le pays est prêt», a déclaré Jean Martin. Le quotidien «Ouest-France» en parle.")
    assert len(doc._.quotes) == 1  # the title is a term, left out by default
    q = doc._.quotes[0]
    assert q.span.text == "«Le pays est prêt»"
    assert q.speaker.text == "Jean Martin"
    assert q.speaker_name == "Jean Martin"
    assert q.cue.text == "a déclaré"
    assert q.kind == "direct"


def test_spacy_spans_cover_the_analysis_on_every_fixture(nlp):
    for text in TEXTS:
        doc = nlp(text)
        quotes = [q for q in qh.analyze(text)["quotes"] if q["kind"] != "term"]
        assert len(doc._.quotes) == len(quotes)
        for got, want in zip(doc._.quotes, quotes):
            # alignment_mode="expand": the span covers the characters, and ends on token edges.
            assert got.span.start_char <= want["start"] and got.span.end_char >= want["end"]
            assert got.span == doc.char_span(want["start"], want["end"], alignment_mode="expand")
            if want["speaker"]:
                assert got.speaker.start_char <= want["speaker"]["start"]
                assert got.speaker.end_char >= want["speaker"]["end"]
            else:
                assert got.speaker is None
