#!/usr/bin/env python3
"""Resolved names against the gold names (`make eval` prints this line under each file's score).

usage: eval_names.py GOLD.jsonl PRED.jsonl

The shared scorer reads speaker *mentions* (a pronoun `il` is right when its span is); the page,
the speakers list and the share of quotes by women and men read the resolved *name*. For every
gold quote with a name that a predicted quote overlaps, the predicted speaker's name is *right*
when one of the two (lowercased) contains the other; else *a role* when it is the mention's own
lowercase words (`ancien Premier ministre` for Manuel Valls: not tied to the name), *another name*
when it is capitalised (someone else, or a medium), *none* when there is no name. Prints nothing
when the gold set names no speaker.
"""
import json
import sys


def main():
    gold_path, pred_path = sys.argv[1:3]
    right = role = other = none = 0
    with open(gold_path, encoding="utf-8") as g, open(pred_path, encoding="utf-8") as p:
        for gl, pl in zip(g, p):
            if not gl.strip() or not pl.strip():
                continue
            gold, pred = json.loads(gl), json.loads(pl)
            for gq in gold.get("quotes", []):
                gname = ((gq.get("speaker") or {}).get("name") or "").lower()
                spans = gq.get("spans") or []
                if not gname or not spans:
                    continue
                s, e = spans[0]
                hits = [q for q in pred.get("quotes", []) if q["start"] < e and q["end"] > s]
                if not hits:
                    continue
                written = (hits[0].get("speaker") or {}).get("name") or ""
                pname = written.lower()
                if not pname:
                    none += 1
                elif pname in gname or gname in pname:
                    right += 1
                elif written[:1].islower():
                    role += 1
                else:
                    other += 1
    total = right + role + other + none
    if total:
        print(
            f"  names of the {total} gold-named quotes found: right {right}, "
            f"a role {role}, another name {other}, none {none}"
        )

if __name__ == "__main__":
    main()
