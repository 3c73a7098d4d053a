// The analysis worker (../worker.js), seen from the page: one request at a time matters, the
// latest. A new text supersedes the running analysis at once: when the worker has been busy for
// more than CANCEL_AFTER_MS it is terminated and a standby worker, started in advance with its
// engine loaded, takes the request at once (starting a worker and its engine from scratch costs
// ~0.5 s or more on a busy machine); a new standby is started a moment later. A
// time budget that grows with the length, counted from the moment the worker starts on the text
// (not while its engine loads or while it finishes an older text), turns a text that would take
// too long into a clear message instead of a long wait.
import { els, state, currentText, setBusy, setStatus, fail, sizeLabel, $ } from './state.js';
import { scriptURL } from './trusted.js';
import { show } from './render.js';

const CANCEL_AFTER_MS = 300;
/**
 * Milliseconds an analysis of `n` characters may take: 3 s, plus 1 s per million characters
 * (the engine does several MB/s on ordinary copy), or the page's `?budget=<ms>` (a slow machine;
 * the tests, which need a text that overruns it without minutes of work).
 */
const BUDGET_PARAM = Number(new URLSearchParams(location.search).get('budget')) || 0;
export const budgetMs = (n) => BUDGET_PARAM || 3000 + n / 1000;

let worker = null;
let standby = null; // a second worker, engine loaded, idle: it takes over when `worker` is cancelled
let standbyTimer = 0;
let reqId = 0;
let lastReq = null; // { id, text, t0 }: the text whose result the page waits for
let busySince = 0; // when the worker started on work whose answer has not come back; 0 when idle
let budgetTimer = 0;
let typingTimer = 0;

function spawn() {
  worker = makeWorker();
  busySince = 0;
}

/** Starts a standby worker in `ms` milliseconds (when there is none). */
function prepareStandby(ms) {
  clearTimeout(standbyTimer);
  standbyTimer = setTimeout(() => { standby ??= makeWorker(); }, ms);
}

function makeWorker() {
  const w = new Worker(scriptURL('./worker.js'), { type: 'module', name: 'quote-highlighter' });
  w.addEventListener('message', (event) => {
    if (w !== worker) return;
    const msg = event.data;
    if (msg.type === 'ready') {
      if (!state.engineReady) {
        prepareStandby(500);
        state.engineReady = true;
        state.version = msg.version;
        document.body.dataset.engine = 'ready';
        $('version').textContent = `moteur ${msg.version}`;
        if (!('highlights' in CSS)) setStatus('Ce navigateur ne gère pas le surlignage (CSS Custom Highlight API).');
      }
    } else if (msg.type === 'started') {
      // The budget runs from here: neither loading the engine nor an older text counts.
      if (msg.id === lastReq?.id) startBudget(lastReq);
    } else if (msg.type === 'result') {
      busySince = msg.id === lastReq?.id ? 0 : performance.now(); // an older one: the worker moves on to the latest
      if (!lastReq || msg.id !== lastReq.id) return; // overtaken by a newer text
      clearTimeout(budgetTimer);
      show(lastReq, msg.packed, msg.ms).catch(fail);
    } else if (msg.type === 'error') {
      if (msg.id === -1) document.body.dataset.engine = 'error';
      if (msg.id === lastReq?.id) { busySince = 0; clearTimeout(budgetTimer); }
      if (msg.id === -1 || msg.id === lastReq?.id) fail(msg.message);
    }
  });
  w.addEventListener('error', (e) => {
    if (w !== worker) return;
    document.body.dataset.engine = 'error';
    fail(`Le moteur n’a pas pu démarrer : ${e.message || 'erreur du worker'}`);
  });
  return w;
}

/** Stops the running analysis: the standby worker (or a fresh one) takes over. */
function restart() {
  worker?.terminate();
  worker = standby ?? makeWorker();
  standby = null;
  busySince = 0;
  prepareStandby(1000);
}

/** Sends the current text to the worker now. */
export function requestAnalysis() {
  clearTimeout(typingTimer);
  clearTimeout(budgetTimer);
  const text = currentText();
  lastReq = { id: ++reqId, text, t0: performance.now() };
  els.view.dataset.state = 'pending';
  setBusy(true, text.length > 200_000 ? `Analyse de ${sizeLabel(text.length)}…` : 'Analyse…');
  if (busySince && performance.now() - busySince > CANCEL_AFTER_MS) restart();
  if (!busySince) busySince = performance.now();
  worker.postMessage({ type: 'analyze', id: lastReq.id, text });
}

/** Starts the time budget of `req`, which the worker has just started on. */
function startBudget(req) {
  clearTimeout(budgetTimer);
  const budget = budgetMs(req.text.length);
  budgetTimer = setTimeout(() => {
    if (req !== lastReq) return;
    restart();
    lastReq = null;
    fail(`le texte (${sizeLabel(req.text.length)}) demande plus de ${Math.round(budget / 1000)} s au moteur, `
      + 'sans doute à cause de guillemets en très grand nombre. Coupez-le en plusieurs parties.');
    els.view.dataset.state = 'timeout';
  }, budget);
}

/** Typing: analyse once the keys pause (longer pauses for longer texts). */
export function scheduleAnalysis() {
  clearTimeout(typingTimer);
  els.view.dataset.state = 'pending';
  const delay = Math.min(1000, 150 + currentText().length / 10_000);
  typingTimer = setTimeout(requestAnalysis, delay);
}

export function initAnalysis() {
  spawn();
}
