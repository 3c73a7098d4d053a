// Loading the engine for the embed: where the wasm is (option, `configure()`, the <script> tag's
// `data-wasm-url`, or next to the module), one engine for the page, and `analyze()`.
import { createEngine } from '../engine.js';
import { report } from './errors.js';
import { defaultWasmUrl } from './wasm-url.js';

const config = { wasmUrl: null };
/** The URL of the module a <script> tag loads (the entry module says; see scriptTagWasmUrl). */
let entryUrl = import.meta.url;
export function setEntryUrl(url) {
  entryUrl = url;
}
let engineReady = null; // Promise<engine>, made on first use

/** Sets defaults for every later call: `{ wasmUrl }` (for CDN hosting). */
export function configure(options = {}) {
  if (options.wasmUrl !== undefined) config.wasmUrl = options.wasmUrl;
}

function scriptTagWasmUrl() {
  if (typeof document === 'undefined') return null;
  for (const s of document.querySelectorAll('script[type="module"][data-wasm-url]')) {
    if (s.src === entryUrl) return s.getAttribute('data-wasm-url');
  }
  return null;
}

export function wasmUrl(explicit) {
  const url = explicit || config.wasmUrl || scriptTagWasmUrl();
  if (!url) return defaultWasmUrl();
  if (url instanceof ArrayBuffer || ArrayBuffer.isView(url) || url instanceof WebAssembly.Module) return url; // the bytes
  return typeof document === 'undefined' ? url : new URL(url, document.baseURI);
}

function explain(e) {
  const text = String(e?.message ?? e);
  if (/wasm-eval|wasm-unsafe-eval|Content Security Policy/i.test(text)) {
    const err = new Error("this page's Content-Security-Policy does not allow WebAssembly: add 'wasm-unsafe-eval' "
      + "to script-src (script-src 'self' 'wasm-unsafe-eval'). Quotes are not highlighted.");
    err.cause = e;
    return err;
  }
  return e instanceof Error ? e : new Error(text);
}

/**
 * The engine (engine.js: compiled once, instantiated on first use, a trapped instance dropped and
 * replaced). A failed load is one cached, explained error: remembered, not retried.
 */
export function loadEngine(url) {
  if (!engineReady) {
    const engine = createEngine(url, {
      onTrap: (e) => report(typeof document === 'undefined' ? null : document, e, 'the wasm engine failed; it restarts for the next analysis'),
    });
    engineReady = engine.ready().then(() => engine, (e) => { throw explain(e); });
  }
  return engineReady;
}

/**
 * Analyses a plain text: `{ quotes, speakers, diagnostics }` with UTF-16 offsets into `text`.
 * Loads the wasm on first use. Rejects on bad input (over `maxBytes`) or when the wasm cannot load.
 */
export async function analyze(text, options = {}) {
  const engine = await loadEngine(wasmUrl(options.wasmUrl));
  return engine.analyze(String(text ?? ''), options.maxBytes);
}
