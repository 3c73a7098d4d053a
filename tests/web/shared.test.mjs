// www/shared.js in Node: the text-run → DOM point mapping (the embed's fallback and the page use it),
// and the page's packed form (worker.js packs, app.js reads through Q) against the objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../www/engine.js';
import { KINDS, METHODS, Q, packForPage, partitionPoint, pointAt } from '../../www/shared.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('partitionPoint finds the first index where the predicate holds', () => {
  const xs = [1, 3, 3, 7];
  assert.equal(partitionPoint(xs.length, (i) => xs[i] >= 3), 1);
  assert.equal(partitionPoint(xs.length, (i) => xs[i] > 7), 4);
  assert.equal(partitionPoint(0, () => true), 0);
});

test('pointAt maps composite offsets to (node, offset), start and end boundaries, across a gap', () => {
  // "ab" from node A (offset 2), a paragraph break the walk inserted at 2, "cd" from node B.
  const A = { name: 'A' };
  const B = { name: 'B' };
  const runs = [{ node: A, offset: 2, start: 0, length: 2 }, { node: B, offset: 0, start: 3, length: 2 }];
  assert.deepEqual(pointAt(runs, 0), { node: A, offset: 2, at: 0 });
  assert.deepEqual(pointAt(runs, 1), { node: A, offset: 3, at: 1 });
  assert.deepEqual(pointAt(runs, 2), { node: B, offset: 0, at: 3 }, 'a start in the gap moves to the next run');
  assert.deepEqual(pointAt(runs, 2, true), { node: A, offset: 4, at: 2 }, 'an end in the gap stays at the end of the previous run');
  assert.deepEqual(pointAt(runs, 3, true), { node: A, offset: 4, at: 2 });
  assert.deepEqual(pointAt(runs, 5, true), { node: B, offset: 2, at: 5 });
  assert.equal(pointAt(runs, 5), null);
  assert.equal(pointAt(runs, 0, true), null);
});

test('packForPage holds every field the page reads, in the Q layout', async () => {
  const engine = createEngine(fs.readFileSync(path.join(ROOT, 'www/pkg/quote_highlighter_bg.wasm')));
  const text = '«Le pays est prêt», a déclaré Jean Martin. Un «terme». «Sans fin';
  const a = await engine.analyze(text);
  const p = packForPage(a);
  assert.ok(a.quotes.length >= 2 && a.quotes.some((q) => q.speaker) && a.quotes.some((q) => !q.speaker), 'quotes with and without speaker');
  assert.equal(p.quotes.length, a.quotes.length * Q.STRIDE);
  a.quotes.forEach((q, i) => {
    const o = i * Q.STRIDE;
    const str = (k) => (p.quotes[o + k] < 0 ? null : p.strings[p.quotes[o + k]]);
    assert.deepEqual([p.quotes[o + Q.START], p.quotes[o + Q.END], p.quotes[o + Q.CSTART], p.quotes[o + Q.CEND]],
      [q.start, q.end, q.contentStart, q.contentEnd]);
    assert.equal(KINDS[p.quotes[o + Q.KIND]], q.kind);
    assert.equal(p.quotes[o + Q.CLOSED] === 1, q.closed);
    assert.equal(p.quotes[o + Q.PARENT], q.parent ?? -1);
    assert.equal(p.quotes[o + Q.SPEAKER], q.speaker?.id ?? -1);
    assert.deepEqual([p.quotes[o + Q.MSTART], p.quotes[o + Q.MEND]], q.speaker ? [q.speaker.start, q.speaker.end] : [-1, -1]);
    assert.deepEqual([p.quotes[o + Q.VSTART], p.quotes[o + Q.VEND]], q.cue ? [q.cue.start, q.cue.end] : [-1, -1]);
    assert.equal(str(Q.LEMMA), q.cue?.lemma ?? null);
    assert.equal(str(Q.METHOD), q.method);
    if (q.method) assert.ok(METHODS.includes(q.method));
    assert.deepEqual([p.quotes[o + Q.ISTART], p.quotes[o + Q.IEND]], q.cue?.incise ? [q.cue.incise.start, q.cue.incise.end] : [-1, -1]);
    assert.equal(str(Q.REASON), q.reason ?? null);
  });
  assert.equal(p.diagnostics.length, a.diagnostics.length * 4);
  const gender = (id) => a.quotes.find((q) => q.speaker?.id === id && q.speaker.gender)?.speaker.gender ?? null;
  assert.deepEqual(p.speakers, a.speakers.map((s) => ({ id: s.id, name: s.name, mentions: s.mentions.length, gender: gender(s.id) })));
});
