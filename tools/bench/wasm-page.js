// Loaded by tools/bench/wasm.html (served from the repository root): runs the engine benchmark
// in Chromium on target/bench/corpus.txt and leaves the figures in window.benchResult.
import init, { analyze } from '../../www/pkg/quote_highlighter.js';
import { benchEngine } from './engine.js';

window.benchResult = (async () => {
  await init();
  const bytes = new Uint8Array(await (await fetch('../../target/bench/corpus.txt')).arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  return benchEngine(analyze, text, bytes.length);
})().catch((e) => ({ error: String(e) }));
