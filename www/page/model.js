// Reading one quote of the analysis on screen (`state.doc`, built by render.js from the worker's
// packed result, layout `Q` in shared.js): its text, speaker, the spans that are painted (the
// quote minus the reporter's incise), words, the sentence around it, and the export row. Export,
// copy, voices and the details all read quotes through here.
import { Q, KINDS } from '../shared.js';

export const TERM = KINDS.indexOf('term');
export const PARTIAL = KINDS.indexOf('partial');

export const field = (d, k, f) => d.q[k * Q.STRIDE + f];
export const isTerm = (d, k) => field(d, k, Q.KIND) === TERM;
export const speakerOf = (d, k) => d.speakerById.get(field(d, k, Q.SPEAKER)) ?? null;
export const quoteText = (d, k) => d.text.slice(field(d, k, Q.START), field(d, k, Q.END));

/** The incise inside quote k's marks as [start, end), or null. */
export function inciseOf(d, k) {
  const s = field(d, k, Q.ISTART);
  return s >= 0 ? [s, field(d, k, Q.IEND)] : null;
}

/** The spans of [s, e) left when [is, ie) is cut out of it (empty pieces dropped). */
export function cut(s, e, incise) {
  if (!incise) return [[s, e]];
  const [is, ie] = incise;
  if (ie <= s || is >= e) return [[s, e]];
  return [[s, Math.max(s, is)], [Math.min(e, ie), e]].filter(([a, b]) => b > a);
}

/** The spans painted for quote k: the whole quote, marks included, minus its incise. */
export const paintedSpans = (d, k) => cut(field(d, k, Q.START), field(d, k, Q.END), inciseOf(d, k));

/** What the quoted person said: the content between the marks, minus the incise. */
export function spokenText(d, k) {
  return cut(field(d, k, Q.CSTART), field(d, k, Q.CEND), inciseOf(d, k)).map(([s, e]) => d.text.slice(s, e)).join(' ');
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Words in a text: runs of letters and digits, with inner apostrophes and hyphens (« aujourd’hui » is one). */
export const countWords = (s) => s.match(WORD)?.length ?? 0;

/** The sentence(s) around [s, e): back to the previous sentence end or line break, on to the next (each side at most 400 characters). */
export function sentenceAround(text, s, e) {
  const before = text.slice(Math.max(0, s - 400), s);
  let a = s - before.length;
  let last = null;
  for (const m of before.matchAll(/[.!?…]\s+|\n/gu)) last = m;
  if (last) a += last.index + last[0].length;
  const after = text.slice(e, e + 400);
  let b = e + after.length;
  const n = after.match(/[.!?…](?=\s|$)|\n/u);
  if (n) b = e + n.index + (n[0] === '\n' ? 0 : 1);
  return text.slice(a, b).replace(/[ \t\r\n]+/g, ' ').trim(); // no-break spaces kept
}

/** A quote as an export row (JSON, CSV, TSV): UTF-16 offsets in the text on screen. */
export function row(d, k) {
  const { q, text, strings } = d;
  const o = k * Q.STRIDE;
  const spk = speakerOf(d, k);
  const incise = inciseOf(d, k);
  return {
    quote: text.slice(q[o + Q.CSTART], q[o + Q.CEND]),
    speaker: spk ? spk.name : null,
    gender: spk?.gender ?? null,
    mention: q[o + Q.MSTART] >= 0 ? text.slice(q[o + Q.MSTART], q[o + Q.MEND]) : null,
    verb: q[o + Q.VSTART] >= 0 ? text.slice(q[o + Q.VSTART], q[o + Q.VEND]) : null,
    lemma: strings[q[o + Q.LEMMA]] ?? null,
    kind: KINDS[q[o + Q.KIND]],
    reason: strings[q[o + Q.REASON]] ?? null,
    closed: q[o + Q.CLOSED] === 1,
    method: strings[q[o + Q.METHOD]] ?? null,
    start: q[o + Q.START],
    end: q[o + Q.END],
    contentStart: q[o + Q.CSTART],
    contentEnd: q[o + Q.CEND],
    inciseStart: incise ? incise[0] : null,
    inciseEnd: incise ? incise[1] : null,
    words: countWords(spokenText(d, k)),
    context: sentenceAround(text, q[o + Q.START], q[o + Q.END]),
  };
}

/** Statements (direct and partial quotes) and terms among the quote indices `list`: the one count the page shows. */
export function countOf(d, list) {
  let terms = 0;
  for (const k of list) if (isTerm(d, k)) terms += 1;
  return { statements: list.length - terms, terms };
}
