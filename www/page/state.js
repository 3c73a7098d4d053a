// The page's state in one place: the elements it works with, the analysed text on screen (`doc`),
// the text being edited, and the small helpers every module uses (status line, counts, slicing
// long loops). The other modules of www/page/ import from here and never keep state of their own
// beyond private timers.

export const $ = (id) => document.getElementById(id);

/** The page's elements, looked up once. */
export const els = {
  input: $('input'),
  view: $('view'),
  status: $('status'),
  timing: $('timing'),
  announce: $('announce'),
  speakers: $('speakers'),
  diagnostics: $('diagnostics'),
  diagnosticsBox: $('diagnostics-box'),
  details: $('details'),
  search: $('search'),
  speakerFilter: $('speaker-filter'),
  kindBoxes: [...document.querySelectorAll('input[name="kind"]')],
  large: $('large'),
};

/**
 * The mutable state of the page.
 * - `doc`: the analysed text on screen, its packed analysis and the DOM that shows it (render.js);
 * - `renderGen`: bumped by each new result; long loops stop when it moves on;
 * - `largeText`: a text too long for the textarea, shown read-only; null when the textarea holds it;
 * - `engineReady`: the worker has loaded the engine;
 * - `version`: the engine's version, for exports;
 * - `wantSpeaker`: a speaker's name to select in the filter once the analysis lists it (permalink.js).
 */
export const state = {
  doc: null,
  renderGen: 0,
  largeText: null,
  engineReady: false,
  version: '',
  wantSpeaker: null, // a speaker name to select once it appears (a permalink's filter)
};

export const currentText = () => state.largeText ?? els.input.value;

// ---------------------------------------------------------------- helpers
const BUDGET_MS = 8; // work per slice before yielding to the page

export const yieldToPage = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0)));
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
export const plural = (n, one, many) => `${n.toLocaleString('fr-FR')} ${n === 1 ? one : many}`;
export const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
export const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Runs fn(i) for i in [0, n), yielding every BUDGET_MS; false when `stale()` turned true. */
export async function sliced(n, fn, stale) {
  let i = 0;
  while (i < n) {
    const t = performance.now();
    do {
      const stop = Math.min(n, i + 64);
      for (; i < stop; i++) fn(i);
    } while (i < n && performance.now() - t < BUDGET_MS);
    if (i < n) {
      await yieldToPage();
      if (stale()) return false;
    }
  }
  return true;
}

export function sizeLabel(n) {
  if (n < 10_000) return plural(n, 'caractère', 'caractères');
  return `${(n / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: n < 1e6 ? 2 : 1 })} M caractères`;
}

export function setStatus(s) {
  if (els.status.textContent !== s) els.status.textContent = s;
}

export function setBusy(on, text = '') {
  document.body.toggleAttribute('data-busy', on);
  els.view.setAttribute('aria-busy', String(on));
  if (on) setStatus(text);
}

export function announce(s) {
  els.announce.textContent = s;
}

export function fail(message) {
  setBusy(false);
  els.view.dataset.state = 'error';
  setStatus(`Analyse impossible : ${message?.message ?? message}`);
}
