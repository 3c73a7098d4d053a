// What the page (app.js, worker.js), the embed (embed/*.js) and the wasm glue share: the packed
// result layouts, the names of kinds and methods and their French labels, the caret under the
// pointer, and the mapping of composite-text offsets to DOM points over text runs.
//
// Self-contained on purpose (no imports, no DOM access at load): the wasm binding imports this file
// for `unpackAnalysis` (src/wasm.rs, `#[wasm_bindgen(module = "/www/shared.js")]`), and
// wasm-bindgen copies it alone next to the glue; it must also load in Node and in a worker.

// ------------------------------------------------------------------------------------------ names

/** Quote kinds, in the order of the Rust enum `QuoteKind` (their packed codes are the indices). */
export const KINDS = ['direct', 'partial', 'term'];
/** Attribution methods, in the order of the Rust enum `Method`. */
export const METHODS = ['afterQuote', 'insideQuote', 'beforeQuote', 'signature', 'source', 'clauseSubject', 'continuation'];
/** Speaker genders, in the order of the Rust enum `Gender` (serialised "f", "m"). */
export const GENDERS = ['f', 'm'];
/** Why a quote is a term, in the order of the Rust enum `TermReason`. */
export const REASONS = ['named', 'title', 'recurring', 'navigation', 'gloss', 'unattributed', 'document'];

export const KIND_LABEL = { direct: 'citation directe', partial: 'citation partielle', term: 'terme ou titre' };
export const METHOD_LABEL = {
  afterQuote: 'verbe et locuteur après la citation',
  insideQuote: 'incise dans la citation',
  beforeQuote: 'locuteur et verbe avant la citation',
  signature: 'signature après un tiret',
  source: 'source (« selon », « d’après »)',
  clauseSubject: 'sujet de la phrase',
  continuation: 'suite de la citation précédente',
};

// ------------------------------------------------------------------------------------------ wasm → JS

/** `null` in the packed numbers (u32::MAX). */
export const NONE = 0xffffffff;
/**
 * Numbers per quote in the wasm's packed result, and their order. The whole layout (written by
 * `Packed::of` in src/wasm.rs): `[nQuotes, QUOTE_STRIDE numbers per quote, nSpeakers, (id, name,
 * gender, nQuotes, quote…, nMentions, (start, end)…) per speaker, nDiagnostics, (start, end, code,
 * message) per diagnostic]`; strings are indices into a table that arrives as one joined string
 * plus the UTF-16 length of each entry; enums are indices into KINDS, METHODS, GENDERS, REASONS;
 * NONE stands for null (and for an absent `reason`, which only terms have).
 */
export const QUOTE_STRIDE = 23;
export const QUOTE_FIELDS = ['start', 'end', 'contentStart', 'contentEnd', 'open', 'close', 'kind', 'closed', 'parent',
  'speaker.start', 'speaker.end', 'speaker.text', 'speaker.name', 'speaker.id', 'speaker.gender',
  'cue.start', 'cue.end', 'cue.text', 'cue.lemma', 'cue.incise.start', 'cue.incise.end', 'method', 'reason'];

/**
 * Builds the plain result objects of `analyze` from the packed numbers and string table the wasm
 * binding hands over in one call (creating objects with literals here is several times cheaper
 * than setting their properties one by one across the wasm boundary).
 */
export function unpackAnalysis(nums, joined, lengths) {
  const strings = new Array(lengths.length);
  for (let i = 0, at = 0; i < lengths.length; i++) {
    strings[i] = joined.slice(at, at + lengths[i]);
    at += lengths[i];
  }
  const str = (i) => (i === NONE ? null : strings[i]);
  const opt = (n) => (n === NONE ? null : n);
  const gender = (n) => (n === NONE ? null : GENDERS[n]);
  let p = 0;
  const nQuotes = nums[p++];
  const quotes = new Array(nQuotes);
  for (let i = 0; i < nQuotes; i++, p += QUOTE_STRIDE) {
    quotes[i] = {
      start: nums[p], end: nums[p + 1], contentStart: nums[p + 2], contentEnd: nums[p + 3],
      open: strings[nums[p + 4]], close: strings[nums[p + 5]], kind: KINDS[nums[p + 6]],
      closed: nums[p + 7] === 1, parent: opt(nums[p + 8]),
      speaker: nums[p + 9] === NONE ? null
        : { start: nums[p + 9], end: nums[p + 10], text: strings[nums[p + 11]], name: str(nums[p + 12]), id: opt(nums[p + 13]), gender: gender(nums[p + 14]) },
      cue: nums[p + 15] === NONE ? null
        : { start: nums[p + 15], end: nums[p + 16], text: strings[nums[p + 17]], lemma: strings[nums[p + 18]],
          incise: nums[p + 19] === NONE ? null : { start: nums[p + 19], end: nums[p + 20] } },
      method: nums[p + 21] === NONE ? null : METHODS[nums[p + 21]],
    };
    if (nums[p + 22] !== NONE) quotes[i].reason = REASONS[nums[p + 22]]; // absent on statements, as serialised
  }
  const nSpeakers = nums[p++];
  const speakers = new Array(nSpeakers);
  for (let i = 0; i < nSpeakers; i++) {
    const id = nums[p++];
    const name = strings[nums[p++]];
    const g = gender(nums[p++]);
    const q = new Array(nums[p++]);
    for (let k = 0; k < q.length; k++) q[k] = nums[p++];
    const mentions = new Array(nums[p++]);
    for (let k = 0; k < mentions.length; k++, p += 2) mentions[k] = { start: nums[p], end: nums[p + 1] };
    speakers[i] = { id, name, quotes: q, mentions, gender: g };
  }
  const nDiagnostics = nums[p++];
  const diagnostics = new Array(nDiagnostics);
  for (let i = 0; i < nDiagnostics; i++, p += 4) {
    diagnostics[i] = { start: nums[p], end: nums[p + 1], code: strings[nums[p + 2]], message: strings[nums[p + 3]] };
  }
  return { quotes, speakers, diagnostics };
}

// ------------------------------------------------------------------------------------------ worker → page

/**
 * The page's form of a result (worker.js packs it, app.js reads it): quotes as an Int32Array of
 * Q.STRIDE ints each, -1 for none; diagnostics as (start, end, code, message) ints; strings (lemma,
 * method, code, message) as indices into a small table. Texts (quote, mention, verb) are not sent:
 * the page slices them from its own copy of the text. Typed arrays are transferred without a copy,
 * where structured-cloning tens of thousands of small objects would cost the page a long task.
 */
export const Q = Object.freeze({
  STRIDE: 17,
  START: 0,
  END: 1,
  CSTART: 2,
  CEND: 3,
  KIND: 4, // index into KINDS
  CLOSED: 5,
  PARENT: 6, // -1 when none
  SPEAKER: 7, // speaker id, -1 when none
  MSTART: 8, // the mention, -1 when none
  MEND: 9,
  VSTART: 10, // the speech verb (cue), -1 when none
  VEND: 11,
  LEMMA: 12, // index into strings, -1 when none
  METHOD: 13, // index into strings, -1 when none
  ISTART: 14, // the reporter's incise inside the marks (cue.incise), -1 when none
  IEND: 15,
  REASON: 16, // why a term is a term (quote.reason), index into strings, -1 when none
});

/**
 * An Analysis (plain objects) in the page's packed form: `{ quotes, diagnostics, speakers, strings }`;
 * each speaker `{ id, name, mentions, gender }`, gender 'f' | 'm' | null (from its quotes' `speaker.gender`).
 */
export function packForPage(a) {
  const strings = [];
  const index = new Map();
  const str = (s) => {
    if (s === null || s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const quotes = new Int32Array(a.quotes.length * Q.STRIDE);
  const gender = new Map(); // speaker id → 'f' | 'm', from the quotes' speakers
  a.quotes.forEach((q, i) => {
    const o = i * Q.STRIDE;
    quotes[o + Q.START] = q.start;
    quotes[o + Q.END] = q.end;
    quotes[o + Q.CSTART] = q.contentStart;
    quotes[o + Q.CEND] = q.contentEnd;
    quotes[o + Q.KIND] = KINDS.indexOf(q.kind);
    quotes[o + Q.CLOSED] = q.closed ? 1 : 0;
    quotes[o + Q.PARENT] = q.parent ?? -1;
    quotes[o + Q.SPEAKER] = q.speaker?.id ?? -1;
    quotes[o + Q.MSTART] = q.speaker ? q.speaker.start : -1;
    quotes[o + Q.MEND] = q.speaker ? q.speaker.end : -1;
    quotes[o + Q.VSTART] = q.cue ? q.cue.start : -1;
    quotes[o + Q.VEND] = q.cue ? q.cue.end : -1;
    quotes[o + Q.LEMMA] = str(q.cue?.lemma);
    quotes[o + Q.METHOD] = str(q.method);
    quotes[o + Q.ISTART] = q.cue?.incise ? q.cue.incise.start : -1;
    quotes[o + Q.IEND] = q.cue?.incise ? q.cue.incise.end : -1;
    quotes[o + Q.REASON] = str(q.reason);
    if (q.speaker?.gender && q.speaker.id !== null && q.speaker.id !== undefined) gender.set(q.speaker.id, q.speaker.gender);
  });
  const diagnostics = new Int32Array(a.diagnostics.length * 4);
  a.diagnostics.forEach((d, i) => {
    diagnostics.set([d.start, d.end, str(d.code), str(d.message)], i * 4);
  });
  const speakers = a.speakers.map((s) => ({ id: s.id, name: s.name, mentions: s.mentions.length, gender: s.gender ?? gender.get(s.id) ?? null }));
  return { quotes, diagnostics, speakers, strings };
}

// ------------------------------------------------------------------------------------------ DOM points

/** The first index in `[0, n)` where `pred` holds, `pred` being false…false true…true (like Rust's `partition_point`). */
export function partitionPoint(n, pred) {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * The DOM point of composite offset `pos` over text runs `{ node, offset, start, length }` (sorted,
 * not overlapping: composite `[start, start + length)` is `node.data` from `offset`), as a start
 * boundary (the first run ending after `pos`) or, with `end`, an end boundary (the last run starting
 * before it); `at` is the composite offset the point really stands at. Null when no run qualifies.
 * The binding does the same for whole spans (src/dom.rs).
 */
export function pointAt(runs, pos, end = false) {
  if (!end) {
    const r = runs[partitionPoint(runs.length, (i) => runs[i].start + runs[i].length > pos)];
    return r ? { node: r.node, offset: r.offset + Math.max(0, pos - r.start), at: Math.max(pos, r.start) } : null;
  }
  const r = runs[partitionPoint(runs.length, (i) => runs[i].start >= pos) - 1];
  return r ? { node: r.node, offset: r.offset + Math.min(pos - r.start, r.length), at: Math.min(pos, r.start + r.length) } : null;
}

/** The caret position under viewport point (x, y) as `{ node, offset }`, or null. */
export function caretAt(x, y, doc = document) {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}
