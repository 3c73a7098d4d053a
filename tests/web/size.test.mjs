// The size budget of issue 11 (110 KB; issue 7 set 150): the gzipped release wasm of `make pkg`
// must stay within WASM_GZIP_BUDGET_KB, measured as `make bench` measures it (tools/bench/sizes.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageSizes, WASM_GZIP_BUDGET_KB } from '../../tools/bench/sizes.mjs';

test(`gzipped release wasm is at most ${WASM_GZIP_BUDGET_KB} KB`, () => {
  const { wasm_gzip_kb: kb, wasm_raw_kb: raw } = packageSizes();
  console.log(`release wasm: ${raw.toFixed(1)} KB raw, ${kb.toFixed(1)} KB gzipped`);
  assert.ok(kb <= WASM_GZIP_BUDGET_KB, `gzipped wasm is ${kb.toFixed(1)} KB, over the ${WASM_GZIP_BUDGET_KB} KB budget`);
});
