// The page's pure modules in Node, on synthetic analyses: what the engine's new fields
// (`cue.incise`, `speaker.gender`, `reason`) become in the page's packed form (shared.js
// packForPage), the painted spans without the incise, words, the sentence around a quote, the
// export row and the voices figures (www/page/model.js, www/page/voices.js). These run whatever
// the engine reports, so the page's side of the contract is checked even before the engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packForPage, Q } from '../../www/shared.js';
import { cut, paintedSpans, spokenText, countWords, sentenceAround, row, countOf } from '../../www/page/model.js';
import { voices } from '../../www/page/voices.js';

const TEXT = 'Le maire a parlé. «\u202fNous tiendrons, a-t-elle ajouté, quoi qu’il arrive\u202f», selon Anne Roy. '
  + '«\u202fC’est faux\u202f», a répondu Marc Petit. Le journal «\u202fLa Gazette\u202f» en parle.';
const at = (s) => TEXT.indexOf(s);
const span = (s) => ({ start: at(s), end: at(s) + s.length });

/** An Analysis as the engine gives it (plain objects), with the new fields. */
function analysis() {
  const q1 = span('«\u202fNous tiendrons, a-t-elle ajouté, quoi qu’il arrive\u202f»');
  const q2 = span('«\u202fC’est faux\u202f»');
  const q3 = span('«\u202fLa Gazette\u202f»');
  const inc = span(', a-t-elle ajouté,');
  return {
    quotes: [
      { ...q1, contentStart: q1.start + 2, contentEnd: q1.end - 2, open: '«', close: '»', kind: 'direct', closed: true, parent: null,
        speaker: { ...span('Anne Roy'), text: 'Anne Roy', name: 'Anne Roy', id: 0, gender: 'f' },
        cue: { ...span('a-t-elle ajouté'), text: 'a-t-elle ajouté', lemma: 'ajouter', incise: inc }, method: 'insideQuote', reason: null },
      { ...q2, contentStart: q2.start + 2, contentEnd: q2.end - 2, open: '«', close: '»', kind: 'direct', closed: true, parent: null,
        speaker: { ...span('Marc Petit'), text: 'Marc Petit', name: 'Marc Petit', id: 1, gender: 'm' },
        cue: { ...span('a répondu'), text: 'a répondu', lemma: 'répondre', incise: null }, method: 'afterQuote', reason: null },
      { ...q3, contentStart: q3.start + 2, contentEnd: q3.end - 2, open: '«', close: '»', kind: 'term', closed: true, parent: null,
        speaker: null, cue: null, method: null, reason: 'named' },
    ],
    speakers: [{ id: 0, name: 'Anne Roy', quotes: [0], mentions: [span('Anne Roy')] },
      { id: 1, name: 'Marc Petit', quotes: [1], mentions: [span('Marc Petit')] }],
    diagnostics: [],
  };
}

/** The page's `doc` (render.js) for a packed result, without the DOM parts. */
function docOf(text, packed) {
  return { text, q: packed.quotes, nq: packed.quotes.length / Q.STRIDE, strings: packed.strings,
    speakers: packed.speakers, speakerById: new Map(packed.speakers.map((s) => [s.id, s])) };
}

test('packForPage carries incise, gender and term reason', () => {
  const p = packForPage(analysis());
  const inc = span(', a-t-elle ajouté,');
  assert.deepEqual([p.quotes[Q.ISTART], p.quotes[Q.IEND]], [inc.start, inc.end]);
  assert.deepEqual([p.quotes[Q.STRIDE + Q.ISTART], p.quotes[Q.STRIDE + Q.IEND]], [-1, -1]);
  assert.equal(p.strings[p.quotes[2 * Q.STRIDE + Q.REASON]], 'named');
  assert.equal(p.quotes[Q.REASON], -1);
  assert.deepEqual(p.speakers.map((s) => s.gender), ['f', 'm']);
});

test('the incise is cut out of what is painted and of what was said', () => {
  assert.deepEqual(cut(0, 10, null), [[0, 10]]);
  assert.deepEqual(cut(0, 10, [3, 5]), [[0, 3], [5, 10]]);
  assert.deepEqual(cut(0, 10, [0, 5]), [[5, 10]]);
  assert.deepEqual(cut(0, 10, [12, 15]), [[0, 10]]);
  const d = docOf(TEXT, packForPage(analysis()));
  assert.deepEqual(paintedSpans(d, 0).map(([s, e]) => TEXT.slice(s, e)),
    ['«\u202fNous tiendrons', ' quoi qu’il arrive\u202f»']);
  assert.equal(spokenText(d, 0), 'Nous tiendrons  quoi qu’il arrive');
  assert.equal(countWords(spokenText(d, 0)), 5); // « qu’il » is one word
  assert.deepEqual(paintedSpans(d, 1).map(([s, e]) => TEXT.slice(s, e)), ['«\u202fC’est faux\u202f»']);
});

test('context is the sentence around the quote', () => {
  assert.equal(sentenceAround(TEXT, at('«\u202fC’est'), at(', a répondu')),
    '«\u202fC’est faux\u202f», a répondu Marc Petit.');
  assert.equal(sentenceAround('Avant.\nLigne «\u202fa\u202f» ici\nAprès.', 12, 17), 'Ligne «\u202fa\u202f» ici');
});

test('export row and counts', () => {
  const d = docOf(TEXT, packForPage(analysis()));
  const r = row(d, 0);
  assert.equal(r.speaker, 'Anne Roy');
  assert.equal(r.gender, 'f');
  assert.equal(TEXT.slice(r.inciseStart, r.inciseEnd), ', a-t-elle ajouté,');
  assert.equal(r.words, 5);
  assert.equal(row(d, 2).reason, 'named');
  assert.deepEqual(countOf(d, [0, 1, 2]), { statements: 2, terms: 1 });
});

test('voices: quotes and words by gender, kind and speaker, terms left out', () => {
  const d = docOf(TEXT, packForPage(analysis()));
  const v = voices(d, [0, 1, 2]);
  assert.deepEqual([v.quotes, v.words], [2, 7]);
  assert.deepEqual(v.byGender, { f: { quotes: 1, words: 5 }, m: { quotes: 1, words: 2 }, unknown: { quotes: 0, words: 0 } });
  assert.deepEqual(v.byKind, { direct: { quotes: 2, words: 7 }, partial: { quotes: 0, words: 0 } });
  assert.deepEqual(v.bySpeaker, [
    { id: 0, name: 'Anne Roy', gender: 'f', quotes: 1, words: 5 },
    { id: 1, name: 'Marc Petit', gender: 'm', quotes: 1, words: 2 },
  ]);
  // Without the engine's gender, everything is "unknown".
  const a = analysis();
  for (const q of a.quotes) if (q.speaker) delete q.speaker.gender;
  const u = voices(docOf(TEXT, packForPage(a)), [0, 1]);
  assert.deepEqual(u.byGender.unknown, { quotes: 2, words: 7 });
});
