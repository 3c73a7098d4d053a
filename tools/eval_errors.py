#!/usr/bin/env python3
"""List, per document, where the engine's answers differ from a gold set (`make eval ERRORS=1`).

usage: eval_errors.py GOLD.jsonl PRED.jsonl

Matching follows the scorer's lenient rule: a predicted quote (kind other than "term") matches the gold
quote of which it covers the largest share, when that share is at least 30 % of the gold quote's
characters. For every document it prints
  MISSED   a gold quote no prediction matches (and the kind the engine gave it, if it called it a term);
  EXTRA    a predicted quote that matches no gold quote and does not lie inside a matched one;
  SPEAKER  a matched quote whose predicted speaker neither overlaps the gold mention nor names it,
           with the gold and the predicted mention;
each with the quote's first words and the text around it. Offsets are code points.
"""
import json
import sys
import unicodedata

GUILLEMETS = set("«»‹›")
COURTESY = {"m", "mme", "mlle", "me", "dr", "monsieur", "madame", "le", "la", "les", "l"}


def spans(obj):
    if not obj:
        return []
    if obj.get("spans"):
        return [(s["start"], s["end"]) if isinstance(s, dict) else tuple(s) for s in obj["spans"]]
    if "start" in obj and "end" in obj:
        return [(obj["start"], obj["end"])]
    return []


def covered(sp):
    return {i for s, e in sp for i in range(s, e)}


def words(name):
    if not name:
        return set()
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    out, cur = set(), []
    for c in folded + " ":
        if c.isalnum():
            cur.append(c)
        elif cur:
            w = "".join(cur)
            cur = []
            if w not in COURTESY:
                out.add(w)
    return out


def speaker_ok(gold_spk, pred_spk):
    if not pred_spk:
        return False
    if covered(spans(gold_spk)) & covered(spans(pred_spk)):
        return True
    g = [words(gold_spk.get("text")), words(gold_spk.get("name"))]
    for p in (words(pred_spk.get("name")), words(pred_spk.get("text"))):
        for gw in g:
            if p and gw and (p <= gw or gw <= p):
                return True
    return False


def snippet(text, sp, width=60):
    s, e = sp[0][0], sp[-1][1]
    body = text[s:e]
    if len(body) > 90:
        body = body[:60] + " … " + body[-25:]
    before = text[max(0, s - width):s].replace("\n", "⏎")
    after = text[e:e + width].replace("\n", "⏎")
    return f"…{before}[{body}]{after}…".replace("\n", "⏎")


def mention(spk):
    if not spk:
        return "—"
    return f"{spk.get('text')!r} → {spk.get('name')!r}"


def main(gold_path, pred_path):
    pred = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred[str(r.get("id"))] = r
    totals = {"missed": 0, "extra": 0, "speaker": 0}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            all_pred = pred.get(str(doc["id"]), {}).get("quotes", [])
            terms = [q for q in all_pred if q.get("kind") == "term"]
            quotes = [q for q in all_pred if q.get("kind") != "term"
                      and any(c in GUILLEMETS for s, e in spans(q) for c in text[s:e])]
            gold_cov = [covered(spans(g)) for g in doc["quotes"]]
            pred_cov = [covered(spans(q)) for q in quotes]
            cands = sorted(((len(gc & pc) / len(gc), gi, pi)
                            for gi, gc in enumerate(gold_cov) if gc
                            for pi, pc in enumerate(pred_cov)
                            if len(gc & pc) >= 0.3 * len(gc)), reverse=True)
            pairs, used_g, used_p = [], set(), set()
            for _, gi, pi in cands:
                if gi not in used_g and pi not in used_p:
                    used_g.add(gi)
                    used_p.add(pi)
                    pairs.append((gi, pi))
            lines = []
            for gi, g in enumerate(doc["quotes"]):
                if gi in used_g:
                    continue
                as_term = any(gold_cov[gi] & covered(spans(t)) for t in terms)
                why = " (engine: term)" if as_term else ""
                lines.append(f"  MISSED{why}  {snippet(text, spans(g))}\n      gold speaker {mention(g.get('speaker'))}")
                totals["missed"] += 1
            for pi, q in enumerate(quotes):
                if pi in used_p or any(len(pred_cov[pi] & gold_cov[gi]) >= 0.9 * len(pred_cov[pi]) for gi in used_g):
                    continue
                extra = f" kind={q.get('kind')} method={q.get('method')}"
                lines.append(f"  EXTRA{extra}  {snippet(text, spans(q))}\n      speaker {mention(q.get('speaker'))}")
                totals["extra"] += 1
            for gi, pi in sorted(pairs):
                g, q = doc["quotes"][gi], quotes[pi]
                if g.get("speaker") and not speaker_ok(g["speaker"], q.get("speaker")):
                    lines.append(f"  SPEAKER  {snippet(text, spans(q))}\n      gold {mention(g['speaker'])}"
                                 f"   predicted {mention(q.get('speaker'))} method={q.get('method')}")
                    totals["speaker"] += 1
            if lines:
                print(f"{doc['id']}")
                print("\n".join(lines))
    print(f"== {totals['missed']} missed, {totals['extra']} extra, {totals['speaker']} wrong speakers")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
