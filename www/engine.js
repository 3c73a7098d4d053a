// The one place JavaScript compiles and instantiates the wasm engine, shared by the page's worker
// and the embed. The module is compiled once and instantiated on first use. A call that traps
// (a WebAssembly.RuntimeError: a panic or an allocation failure inside wasm) leaves the instance
// in an undefined state, so that instance is dropped and reported, and the next call runs on a
// fresh instance made from the same compiled module (a fresh copy of the glue, so nothing of the
// broken instance is reused).
const GLUE = new URL('./pkg/quote_highlighter.js', import.meta.url).href;

/** Compiles the wasm from a URL (string or URL), bytes, or returns an already compiled module. */
export async function compileWasm(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const url = String(source);
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`could not fetch the wasm from ${url}: ${e?.message ?? e}`);
  }
  if (!response.ok) throw new Error(`could not fetch the wasm (${response.status}) from ${url}`);
  if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * An engine over the wasm at `source`. `onTrap(error)` is called when an instance traps and is
 * dropped. A failure to compile or instantiate is remembered (the same error on every call).
 */
export function createEngine(source, { onTrap } = {}) {
  let compiled = null;
  let current = null;
  let instances = 0;
  function load() {
    if (!compiled) compiled = compileWasm(source);
    if (!current) {
      current = compiled.then(async (module) => {
        instances += 1;
        const glue = await import(instances === 1 ? GLUE : `${GLUE}?instance=${instances}`);
        const exports = await glue.default({ module_or_path: module });
        return { glue, exports };
      });
    }
    return current;
  }
  function guard(call) {
    return async (...args) => {
      const { glue } = await load();
      try {
        return call(glue, ...args);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          current = null;
          try { onTrap?.(e); } catch { /* a reporting callback never breaks the caller */ }
        }
        throw e;
      }
    };
  }
  return {
    /** Resolves once an instance is ready. */
    ready: () => load().then(() => undefined),
    /** `analyze(text, maxBytes?)` → Analysis (UTF-16 offsets); rejects on bad input or a trap. */
    analyze: guard((glue, text, maxBytes) => glue.analyze(text, maxBytes)),
    version: guard((glue) => glue.version()),
    /** `spansToRanges(nodes, runs, spans)` → one DOM Range (or null) per span (src/dom.rs). */
    spansToRanges: guard((glue, nodes, runs, spans) => glue.spansToRanges(nodes, runs, spans)),
    /** How many instances were made so far (1 unless one trapped). */
    get instances() { return instances; },
    /** The live instance's raw exports, for diagnostics and tests. */
    exports: () => load().then((i) => i.exports),
  };
}
