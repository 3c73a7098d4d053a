// The analysis worker: loads the wasm engine off the main thread and answers `analyze` requests
// with a packed, transferable result, so that even a 5 MB text never blocks the page.
//
// Protocol (messages are plain objects):
//   page → worker  { type: 'analyze', id, text }
//   worker → page  { type: 'ready', version }              once the engine is loaded
//                  { type: 'result', id, ms, packed }      see pack() below
//                  { type: 'error', id, message }
// Requests that are overtaken by a newer one before they start are dropped: only the latest text
// matters to the page, and analysing a stale 5 MB text would only delay the fresh one.
import { createEngine } from './engine.js';

// A call that traps drops its wasm instance; the next request runs on a fresh one.
const engine = createEngine(new URL('./pkg/quote_highlighter_bg.wasm', import.meta.url), {
  onTrap: (e) => console.warn(`quote-highlighter: the wasm engine failed (${e.message}); it restarts for the next analysis`),
});

const KINDS = ['direct', 'partial', 'term'];
/** Ints per quote in `packed.quotes`; the field order is documented in app.js (Q_* constants). */
const Q_STRIDE = 14;

let pending = null;
let scheduled = false;

/**
 * Turns an Analysis (plain objects, UTF-16 offsets) into typed arrays plus a small string table.
 * Structured-cloning tens of thousands of small objects would cost the page a long task on
 * arrival; typed arrays are transferred without copying. Texts (quote, mention, verb) are not
 * sent: the page slices them from its own copy of the text.
 */
function pack(a) {
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
  const quotes = new Int32Array(a.quotes.length * Q_STRIDE);
  a.quotes.forEach((q, i) => {
    const o = i * Q_STRIDE;
    quotes[o] = q.start;
    quotes[o + 1] = q.end;
    quotes[o + 2] = q.contentStart;
    quotes[o + 3] = q.contentEnd;
    quotes[o + 4] = KINDS.indexOf(q.kind);
    quotes[o + 5] = q.closed ? 1 : 0;
    quotes[o + 6] = q.parent ?? -1;
    quotes[o + 7] = q.speaker?.id ?? -1;
    quotes[o + 8] = q.speaker ? q.speaker.start : -1;
    quotes[o + 9] = q.speaker ? q.speaker.end : -1;
    quotes[o + 10] = q.cue ? q.cue.start : -1;
    quotes[o + 11] = q.cue ? q.cue.end : -1;
    quotes[o + 12] = str(q.cue?.lemma);
    quotes[o + 13] = str(q.method);
  });
  const diagnostics = new Int32Array(a.diagnostics.length * 4);
  a.diagnostics.forEach((d, i) => {
    diagnostics.set([d.start, d.end, str(d.code), str(d.message)], i * 4);
  });
  const speakers = a.speakers.map((s) => ({ id: s.id, name: s.name, mentions: s.mentions.length }));
  return { quotes, diagnostics, speakers, strings };
}

async function run() {
  scheduled = false;
  const msg = pending;
  pending = null;
  if (!msg) return;
  const started = performance.now();
  try {
    const packed = pack(await engine.analyze(msg.text));
    const ms = performance.now() - started;
    self.postMessage({ type: 'result', id: msg.id, ms, packed }, [packed.quotes.buffer, packed.diagnostics.buffer]);
  } catch (e) {
    self.postMessage({ type: 'error', id: msg.id, message: String(e?.message ?? e) });
  }
}

const ready = engine.version().then(
  (version) => self.postMessage({ type: 'ready', version }),
  (e) => {
    self.postMessage({ type: 'error', id: -1, message: `Le moteur n’a pas pu se charger : ${e?.message ?? e}` });
    throw e;
  },
);

self.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg?.type !== 'analyze') return;
  pending = msg; // a newer request replaces one that has not started
  if (!scheduled) {
    scheduled = true;
    // Let queued messages arrive first, so a burst of requests analyses only the last text.
    ready.then(() => setTimeout(run, 0), () => {});
  }
});
