// The analysis worker: loads the wasm engine off the main thread and answers `analyze` requests
// with a packed, transferable result, so that even a 5 MB text never blocks the page.
//
// Protocol (messages are plain objects):
//   page → worker  { type: 'analyze', id, text }
//   worker → page  { type: 'ready', version }              once the engine is loaded
//                  { type: 'started', id }                 when it starts on a request (the page's time budget runs from here)
//                  { type: 'result', id, ms, packed }      packForPage() in shared.js
//                  { type: 'error', id, message }
// Requests that are overtaken by a newer one before they start are dropped: only the latest text
// matters to the page, and analysing a stale 5 MB text would only delay the fresh one.
import { createEngine } from './engine.js';
import { packForPage } from './shared.js';

// A call that traps drops its wasm instance; the next request runs on a fresh one.
const engine = createEngine(new URL('./pkg/quote_highlighter_bg.wasm', import.meta.url), {
  onTrap: (e) => console.warn(`quote-highlighter: the wasm engine failed (${e.message}); it restarts for the next analysis`),
});

let pending = null;
let scheduled = false;

async function run() {
  scheduled = false;
  const msg = pending;
  pending = null;
  if (!msg) return;
  const started = performance.now();
  self.postMessage({ type: 'started', id: msg.id });
  try {
    const packed = packForPage(await engine.analyze(msg.text));
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
