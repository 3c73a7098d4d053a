// www/engine.js, the JavaScript layer over the wasm instance (in Node): a real trap inside the
// instance is reported and the next call runs on a fresh instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../www/engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasm = () => fs.readFileSync(path.join(ROOT, 'www/pkg/quote_highlighter_bg.wasm'));
const SAID = '«Le pays est prêt», a déclaré Jean Martin.';

/** Grows the instance's memory to the engine's limit, so the next allocation inside wasm fails. */
async function exhaustMemory(engine) {
  const { memory } = await engine.exports();
  for (let step = 16384; step >= 1;) {
    try { memory.grow(step); } catch { step >>= 1; }
  }
}

test('a trapped instance is reported, dropped, and replaced for the next call', async () => {
  const traps = [];
  const engine = createEngine(wasm(), { onTrap: (e) => traps.push(e) });
  assert.equal((await engine.analyze(SAID)).quotes[0].speaker.name, 'Jean Martin');
  assert.equal(engine.instances, 1);

  await exhaustMemory(engine);
  // Copying this text into wasm memory needs an allocation the instance can no longer make:
  // Rust aborts, which reaches JavaScript as a RuntimeError (a real trap, not a simulated one).
  await assert.rejects(engine.analyze('«x» '.repeat(1 << 18)), WebAssembly.RuntimeError);
  assert.equal(traps.length, 1);
  assert.ok(traps[0] instanceof WebAssembly.RuntimeError);

  const after = await engine.analyze(SAID);
  assert.equal(after.quotes.length, 1);
  assert.equal(after.quotes[0].speaker.name, 'Jean Martin');
  assert.equal(engine.instances, 2, 'a fresh instance');
});

test('bad input is an ordinary error: the instance is kept', async () => {
  const traps = [];
  const engine = createEngine(wasm(), { onTrap: (e) => traps.push(e) });
  await assert.rejects(engine.analyze('«trop long»', 4), (e) => !(e instanceof WebAssembly.RuntimeError) && /above the limit/.test(e.message));
  assert.equal((await engine.analyze(SAID)).quotes.length, 1);
  assert.equal(engine.instances, 1);
  assert.equal(traps.length, 0);
});

test('a wasm that cannot be compiled gives the same error on every call', async () => {
  const engine = createEngine(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]));
  const first = await engine.analyze('x').catch((e) => e);
  const second = await engine.analyze('x').catch((e) => e);
  assert.ok(first instanceof Error);
  assert.equal(first, second);
});
