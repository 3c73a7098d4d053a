// The Node entry of the package (export condition `node`: Node, SSR, tests). Same names as the
// browser module; importing it touches no DOM global. `analyze(text)` reads the wasm from disk next
// to this module on first use (no set-up; `configure({ wasmUrl })` or the `wasmUrl` option take a
// path, a file: URL, an http(s) URL, or the bytes). `highlight()` needs a browser: it resolves to an
// empty handle whose `error` says so, without a warning (server renders call it harmlessly).
import { readFile } from 'node:fs/promises';
import { createEngine } from '../engine.js';
import { defaultWasmUrl } from './wasm-url.js';

export { collectText } from './text.js';
export { version } from './version.js';
/** No custom elements in Node. */
export const QuoteHighlighterElement = undefined;

const config = { wasmUrl: null };
const engines = new Map(); // source -> Promise<engine>

/** Sets defaults for later calls: `{ wasmUrl }` (a path, URL or bytes). */
export function configure(options = {}) {
  if (options.wasmUrl !== undefined) config.wasmUrl = options.wasmUrl;
}

async function bytesOf(source) {
  if (source instanceof WebAssembly.Module || source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return source;
  const url = source instanceof URL ? source : /^[a-z][a-z0-9+.-]+:/i.test(String(source)) ? new URL(String(source)) : null;
  if (url && url.protocol !== 'file:') return url; // http(s): fetched by the engine
  return readFile(url ?? String(source));
}

function load(source) {
  if (source instanceof URL) source = source.href;
  let ready = engines.get(source);
  if (!ready) {
    ready = bytesOf(source).then(async (bytes) => {
      const engine = createEngine(bytes);
      await engine.ready();
      return engine;
    });
    ready.catch(() => engines.delete(source)); // a missing file may appear later: not cached
    engines.set(source, ready);
  }
  return ready;
}

/**
 * Analyses a plain text: `{ quotes, speakers, diagnostics }` with UTF-16 offsets into `text`.
 * Rejects on bad input (over `maxBytes`) or when the wasm cannot be read.
 */
export async function analyze(text, options = {}) {
  const engine = await load(options.wasmUrl ?? config.wasmUrl ?? defaultWasmUrl().href);
  return engine.analyze(String(text ?? ''), options.maxBytes);
}

/** Highlighting needs a browser DOM: an empty handle with `error` set. */
export async function highlight(root) {
  const error = new Error('highlight() needs a browser (no DOM here); use analyze(text) on the server');
  return { root, text: '', quotes: [], speakers: [], diagnostics: [], shown: [], error, clear() {} };
}

/** No page, no handles. */
export function getHandle() {
  return null;
}
