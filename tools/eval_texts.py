#!/usr/bin/env python3
"""Score a gold set text by text (`make eval` prints these lines under the whole-file one).

usage: eval_texts.py SCORER GOLD.jsonl PRED.jsonl

A document's text is its "text_id" field when it has one, else its id up to a "#" (so
"Germinal#3" and "Germinal#4" are parts of one text). Each text's gold and predicted lines are
written to a temporary folder and scored with the shared scorer, so the figures per text are the
scorer's own. Prints nothing when the file holds a single text.
"""
import json
import os
import subprocess
import sys
import tempfile


def text_of(doc):
    return doc.get("text_id") or str(doc.get("id", "")).split("#")[0]


def main():
    scorer, gold_path, pred_path = sys.argv[1:4]
    groups = {}
    ids = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                key = text_of(doc)
                groups.setdefault(key, ([], []))[0].append(line)
                ids[doc["id"]] = key
    if len(groups) < 2:
        return
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                key = ids.get(json.loads(line).get("id"))
                if key is not None:
                    groups[key][1].append(line)
    width = max(len(k) for k in groups)
    with tempfile.TemporaryDirectory() as tmp:
        for key, (gold, pred) in groups.items():
            g, p = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "pred.jsonl")
            with open(g, "w", encoding="utf-8") as out:
                out.writelines(gold)
            with open(p, "w", encoding="utf-8") as out:
                out.writelines(pred)
            result = subprocess.run([sys.executable, scorer, g, p], capture_output=True, text=True, check=True)
            m = json.loads(result.stdout)
            prf = m["quote_prf_0.3"]
            print(
                f"  {key:<{width}}  quotes {m['gold_quotes']:>3}  P/R/F1@0.3 {prf[0]:5.1f} {prf[1]:5.1f} {prf[2]:5.1f}"
                f"  speaker {m['speaker_acc_on_matched_0.3']:5.1f}  e2e {m['speaker_e2e_recall']:5.1f}"
            )


if __name__ == "__main__":
    main()
