// Builds the plain result objects of `analyze` from the packed numbers and string table that the
// wasm binding (src/wasm.rs, `pack`) hands over in one call. Creating objects with literals here
// is several times cheaper than setting their properties one by one across the wasm boundary.
// Layout: see `pack` in src/wasm.rs. NONE (0xFFFFFFFF) stands for null.
const NONE = 0xffffffff;
const KINDS = ['direct', 'partial', 'term'];
const METHODS = ['afterQuote', 'insideQuote', 'beforeQuote', 'signature', 'source', 'clauseSubject', 'continuation'];

export function unpackAnalysis(nums, joined, lengths) {
  const strings = new Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; i++) {
    strings[i] = joined.slice(at, at + lengths[i]);
    at += lengths[i];
  }
  const str = (i) => (i === NONE ? null : strings[i]);
  const opt = (n) => (n === NONE ? null : n);
  let p = 0;
  const nQuotes = nums[p++];
  const quotes = new Array(nQuotes);
  for (let i = 0; i < nQuotes; i++, p += 19) {
    quotes[i] = {
      start: nums[p], end: nums[p + 1], contentStart: nums[p + 2], contentEnd: nums[p + 3],
      open: strings[nums[p + 4]], close: strings[nums[p + 5]], kind: KINDS[nums[p + 6]],
      closed: nums[p + 7] === 1, parent: opt(nums[p + 8]),
      speaker: nums[p + 9] === NONE ? null
        : { start: nums[p + 9], end: nums[p + 10], text: strings[nums[p + 11]], name: str(nums[p + 12]), id: opt(nums[p + 13]) },
      cue: nums[p + 14] === NONE ? null
        : { start: nums[p + 14], end: nums[p + 15], text: strings[nums[p + 16]], lemma: strings[nums[p + 17]] },
      method: nums[p + 18] === NONE ? null : METHODS[nums[p + 18]],
    };
  }
  const nSpeakers = nums[p++];
  const speakers = new Array(nSpeakers);
  for (let i = 0; i < nSpeakers; i++) {
    const id = nums[p++];
    const name = strings[nums[p++]];
    const q = new Array(nums[p++]);
    for (let k = 0; k < q.length; k++) q[k] = nums[p++];
    const mentions = new Array(nums[p++]);
    for (let k = 0; k < mentions.length; k++, p += 2) mentions[k] = { start: nums[p], end: nums[p + 1] };
    speakers[i] = { id, name, quotes: q, mentions };
  }
  const nDiagnostics = nums[p++];
  const diagnostics = new Array(nDiagnostics);
  for (let i = 0; i < nDiagnostics; i++, p += 4) {
    diagnostics[i] = { start: nums[p], end: nums[p + 1], code: strings[nums[p + 2]], message: strings[nums[p + 3]] };
  }
  return { quotes, speakers, diagnostics };
}
