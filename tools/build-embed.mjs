// Bundles the embed's ES modules (www/quote-highlighter.js, www/embed/*.js, www/shared.js,
// www/engine.js and the generated glue www/pkg/glue.js) with esbuild into the files the npm package
// ships, all at the package root next to quote_highlighter_bg.wasm:
//   quote-highlighter.js  the one-file embed sites load with one tag, and the browser/bundler entry
//                         (minified ES module; quote-highlighter.js.map beside it)
//   core.js               analysis only, no DOM code, no side effects (`quote-highlighter/core`)
//   node.js, node.cjs     the Node entry (ESM and CommonJS): reads the wasm from disk
// The wasm URL stays `new URL('./quote_highlighter_bg.wasm', import.meta.url)` in every output,
// which Vite, webpack 5 and Rollup recognise and copy (www/embed/wasm-url.js is swapped for the
// package layout). Usage: node tools/build-embed.mjs [--out DIR] (default dist/). Needs `make pkg`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');

/** www/embed/wasm-url.js for the package: the wasm next to the bundled module. */
const packageWasmUrl = {
  name: 'package-wasm-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]www[\\/]embed[\\/]wasm-url\.js$/ }, () => ({
      contents: "export const defaultWasmUrl = () => new URL('./quote_highlighter_bg.wasm', import.meta.url);\n",
      loader: 'js',
    }));
  },
};

export async function buildEmbed(out) {
  if (!fs.existsSync(path.join(WWW, 'pkg', 'glue.js'))) throw new Error('www/pkg/glue.js is missing (run `make pkg` first)');
  fs.mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    logLevel: 'warning',
    plugins: [packageWasmUrl],
    legalComments: 'none',
    absWorkingDir: ROOT,
  };
  const browser = { ...common, platform: 'browser', target: ['es2022'] };
  const results = await Promise.all([
    esbuild.build({
      ...browser,
      entryPoints: [path.join(WWW, 'quote-highlighter.js')],
      outfile: path.join(out, 'quote-highlighter.js'),
      minify: true,
      sourcemap: 'linked',
      metafile: true,
    }),
    esbuild.build({ ...browser, entryPoints: [path.join(WWW, 'embed', 'core.js')], outfile: path.join(out, 'core.js') }),
    esbuild.build({
      ...common,
      platform: 'node',
      target: ['node18'],
      entryPoints: [path.join(WWW, 'embed', 'node.js')],
      outfile: path.join(out, 'node.js'),
    }),
    esbuild.build({
      ...common,
      platform: 'node',
      target: ['node18'],
      format: 'cjs',
      entryPoints: [path.join(WWW, 'embed', 'node.js')],
      outfile: path.join(out, 'node.cjs'),
      // import.meta.url does not exist in CommonJS: the file's own URL instead.
      define: { 'import.meta.url': '__qh_module_url' },
      banner: { js: "const __qh_module_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
  return results[0].metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const out = path.resolve(i >= 0 ? args[i + 1] : path.join(ROOT, 'dist'));
  buildEmbed(out).catch((e) => {
    console.error(`build-embed: ${e.message}`);
    process.exit(1);
  });
}
