"""`make spark-demo`: quote-highlighter inside a PySpark job, in local mode.

Generates ARTICLES French news-style articles from sentences written for this demo (no shared
corpus), caches them, then runs `mapInPandas` with `quote_highlighter.analyze_many` to build a
table of quotes (article, quote, kind, speaker, cue) and counts quotes per speaker. Prints the
quote throughput of that job. The same script runs on a cluster with `spark-submit` (README).
"""

import argparse
import os
import time

import pandas as pd
from pyspark.sql import SparkSession

NAMES = ["Jean Martin", "Claire Dubois", "Paul Durand", "Ana Pérez", "Karim Benali",
         "Sophie Lefèvre", "Lucie Moreau", "Thomas Girard", "Nadia Haddad", "Marc Rousseau"]
TITLES = ["le ministre", "la maire", "le directeur", "la présidente de la région",
          "le porte-parole", "la syndicaliste"]
VERBS = ["a déclaré", "a assuré", "a expliqué", "a affirmé", "a estimé", "a regretté",
         "a souligné", "a prévenu"]
SAYINGS = ["Nous tiendrons nos engagements", "La situation reste très tendue",
           "Rien n'est encore décidé", "C'est une victoire collective",
           "Il faut rétablir le dialogue sans délai", "Les chiffres parlent d'eux-mêmes",
           "Nous ne lâcherons rien", "Le budget sera voté avant l'été"]
FILLER = ["Le conseil municipal s'est réuni mardi soir.",
          "La séance a duré près de trois heures.",
          "Plusieurs habitants avaient fait le déplacement.",
          "Le projet de rocade divise la commune depuis des années.",
          "Les travaux doivent commencer au printemps.",
          "Le quotidien «L'Écho du Val» consacre sa une au dossier."]


def article(i):
    """A deterministic article for id i: filler, quotes before and after their cues."""
    r = (i * 2654435761) % 4294967296
    parts = []
    for k in range(3 + r % 5):
        r = (r * 1103515245 + 12345) % 2147483648
        name, title = NAMES[r % len(NAMES)], TITLES[(r >> 4) % len(TITLES)]
        verb, saying = VERBS[(r >> 8) % len(VERBS)], SAYINGS[(r >> 12) % len(SAYINGS)]
        parts.append(FILLER[(r >> 16) % len(FILLER)])
        if k % 2:
            parts.append(f"«\u202f{saying}\u202f», {verb} {title}, {name}.")
        else:
            parts.append(f"Selon {name}, «{saying.lower()}».")
    return " ".join(parts)


def generate(batches):
    for pdf in batches:
        yield pd.DataFrame({"id": pdf["id"], "text": [article(int(i)) for i in pdf["id"]]})


def find_quotes(batches):
    import quote_highlighter as qh

    for pdf in batches:
        rows = {"id": [], "quote": [], "kind": [], "speaker": [], "cue": []}
        texts = pdf["text"].tolist()
        # Spark already runs one task per core: one thread per task.
        for aid, text, result in zip(pdf["id"], texts, qh.analyze_many(texts, threads=1)):
            for q in result["quotes"]:
                if q["kind"] == "term":
                    continue
                sp, cue = q["speaker"], q["cue"]
                rows["id"].append(int(aid))
                rows["quote"].append(text[q["start"]:q["end"]])
                rows["kind"].append(q["kind"])
                rows["speaker"].append(sp["name"] if sp else None)
                rows["cue"].append(cue["lemma"] if cue else None)
        yield pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    args = ap.parse_args()

    spark = (SparkSession.builder.master(args.master).appName("quote-highlighter-demo")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    parts = max(2, spark.sparkContext.defaultParallelism * 2)
    articles = (spark.range(args.articles, numPartitions=parts)
                .mapInPandas(generate, schema="id long, text string").cache())
    mb = articles.selectExpr("sum(length(text))").first()[0] / 1e6
    print(f"{args.articles:,} articles generated ({mb:.0f} M characters), {parts} partitions")

    start = time.perf_counter()
    quotes = articles.mapInPandas(
        find_quotes, schema="id long, quote string, kind string, speaker string, cue string"
    ).cache()
    total = quotes.count()
    seconds = time.perf_counter() - start
    top = quotes.groupBy("speaker").count().orderBy("count", ascending=False).limit(5).collect()

    print(f"{total:,} quotes in {seconds:.1f} s: {total / seconds:,.0f} quotes/s "
          f"({args.articles / seconds:,.0f} articles/s, {mb / seconds:.1f} M characters/s) "
          f"on {args.master}")
    print("most quoted:", ", ".join(f"{r['speaker']} ({r['count']:,})" for r in top))
    quotes.unpersist()
    spark.stop()


if __name__ == "__main__":
    main()
