// One benchmark body for every JavaScript engine (Node and Chromium): our wasm analyze() on the
// corpus, string transfer and UTF-16 offset conversion included, against a plain JavaScript
// /«[^«»]*»/g scan of the same text in the same engine. Sizes are UTF-8 megabytes (10^6 bytes).
export async function benchEngine(analyze, text, utf8Bytes) {
  const warm = text.slice(0, 1 << 20);
  analyze(warm);
  const t0 = performance.now();
  const result = analyze(text);
  const ours = (performance.now() - t0) / 1000;
  const re = /«[^«»]*»/g;
  let matches = 0;
  for (const _ of warm.matchAll(re)) matches++;
  const t1 = performance.now();
  matches = 0;
  for (const _ of text.matchAll(re)) matches++;
  const base = (performance.now() - t1) / 1000;
  const mb = utf8Bytes / 1e6;
  return {
    mb,
    quotes: result.quotes.length,
    baselineMatches: matches,
    oursSeconds: ours,
    oursMBs: mb / ours,
    baselineSeconds: base,
    baselineMBs: mb / base,
    ratio: ours / base,
  };
}
