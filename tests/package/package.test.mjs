// The npm package as its users meet it (`make package-test`, part of `make test`): `npm pack` of
// dist/, installed from the tarball into a temporary app (offline: the package has no
// dependencies; vite, esbuild and typescript come from this repository's devDependencies), then
//   - plain Node: ESM import and require(), analyze() with no set-up, and the same result as the
//     browser gives; an SSR-style import (no DOM globals, even of the browser build) does not throw;
//   - tsc --noEmit against the package's types (moduleResolution bundler and nodenext);
//   - production builds with Vite, esbuild and webpack 5, each served under the strict CSP and opened in
//     Chromium: quotes highlighted, no console error; and the one-tag embed from the package;
//   - the one-file embed stays within 15 KB gzipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launch, newPage, ROOT } from '../e2e/harness.mjs';

const EMBED_GZIP_BUDGET_KB = 15;
const TEXT = '«\u202fLe dialogue doit être rétabli sans délai\u202f», a souligné Jean Martin. '
  + 'Le maire a ajouté : «\u00a0Nous serons prêts\u00a0». 🙂 «Nous, é ’ 🙂 résistons», a déclaré Claire Dubois.';
const ARTICLE = `<article data-quote-highlighter>
  <p>«&#8239;Le dialogue doit être rétabli sans délai&#8239;», a souligné <em>Jean Martin</em>.</p>
  <p>«&nbsp;Nous resterons vigilants&nbsp;», a déclaré Claire Dubois.</p>
</article>`;

let work;
let app;
let browser;
const servers = [];
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const timings = {};
const timed = async (name, fn) => {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round(performance.now() - t);
  }
};

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'qh-npm-'));
  const dist = path.join(ROOT, 'dist');
  assert.ok(fs.existsSync(path.join(dist, 'package.json')), 'dist/ is built (make package)');
  const tarball = run('npm', ['pack', dist, '--pack-destination', work, '--silent']).trim().split('\n').pop();
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({
    name: 'qh-test-app', private: true, type: 'module', dependencies: { 'quote-highlighter': `file:../${tarball}` },
  }));
  await timed('npm install', () => run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) s.stop();
  if (work && !process.env.KEEP) fs.rmSync(work, { recursive: true, force: true });
  console.log(`package test timings (ms): ${JSON.stringify(timings)}`);
});

/** Runs a script in Node inside the app (so `quote-highlighter` resolves to the installed package). */
function node(file, source) {
  fs.writeFileSync(path.join(app, file), source);
  return JSON.parse(run(process.execPath, [path.join(app, file)], { cwd: app }));
}

const nodeResult = {};

test('the tarball holds the built files, the licences and the README', () => {
  const pkg = path.join(app, 'node_modules', 'quote-highlighter');
  const files = fs.readdirSync(pkg).sort();
  for (const f of ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'analysis.d.ts', 'core.d.ts', 'core.js', 'node.cjs', 'node.js',
    'package.json', 'quote-highlighter.d.ts', 'quote-highlighter.js', 'quote_highlighter_bg.wasm']) assert.ok(files.includes(f), f);
  assert.ok(!files.includes('pkg') && !files.includes('snippets'), 'no side directory of glue snippets');
  const readme = fs.readFileSync(path.join(pkg, 'README.md'), 'utf8');
  assert.ok(!/\bmake\b|cargo /.test(readme), 'the package README is for users of the package');
});

test(`the one-file embed is at most ${EMBED_GZIP_BUDGET_KB} KB gzipped`, () => {
  const file = fs.readFileSync(path.join(app, 'node_modules', 'quote-highlighter', 'quote-highlighter.js'));
  const kb = zlib.gzipSync(file, { level: 9 }).length / 1024;
  const wasm = fs.readFileSync(path.join(app, 'node_modules', 'quote-highlighter', 'quote_highlighter_bg.wasm'));
  console.log(`embed: ${(file.length / 1024).toFixed(1)} KB, ${kb.toFixed(1)} KB gzipped; wasm ${(wasm.length / 1024).toFixed(1)} KB, ${(zlib.gzipSync(wasm, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`);
  assert.ok(kb <= EMBED_GZIP_BUDGET_KB, `the embed is ${kb.toFixed(1)} KB gzipped`);
});

test('Node: import and require analyze with no set-up; the same result both ways', async () => {
  const esm = await timed('node esm', () => node('esm.mjs', `
    import { analyze, version } from 'quote-highlighter';
    import { analyze as coreAnalyze } from 'quote-highlighter/core';
    const a = await analyze(${JSON.stringify(TEXT)});
    const b = await coreAnalyze(${JSON.stringify(TEXT)});
    console.log(JSON.stringify({ a, same: JSON.stringify(a) === JSON.stringify(b), version }));
  `));
  const cjs = node('cjs.cjs', `
    const { analyze } = require('quote-highlighter');
    analyze(${JSON.stringify(TEXT)}).then((a) => console.log(JSON.stringify({ a })));
  `);
  assert.equal(esm.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'package.json'), 'utf8')).version);
  assert.ok(esm.same, 'quote-highlighter/core gives the same result');
  assert.deepEqual(cjs.a, esm.a);
  assert.equal(esm.a.quotes.length, 3);
  assert.equal(esm.a.quotes[0].speaker.name, 'Jean Martin');
  const q = esm.a.quotes[2];
  assert.equal(TEXT.slice(q.start, q.end), '«Nous, é ’ 🙂 résistons»', 'UTF-16 offsets');
  nodeResult.analysis = esm.a;
});

test('SSR: importing without DOM globals does not throw, also for the browser build', async () => {
  const ssr = node('ssr.mjs', `
    const m = await import('quote-highlighter');
    const h = await m.highlight(undefined);
    console.log(JSON.stringify({ dom: typeof document, element: typeof m.QuoteHighlighterElement, error: String(h.error?.message), quotes: h.quotes.length }));
  `);
  assert.deepEqual(ssr, { dom: 'undefined', element: 'undefined', error: 'highlight() needs a browser (no DOM here); use analyze(text) on the server', quotes: 0 });
  // A server bundle that resolves the browser build (no `node` condition) must load in Node too.
  const { build } = await import('esbuild');
  fs.writeFileSync(path.join(app, 'server-entry.js'), "import * as qh from 'quote-highlighter';\nconsole.log(JSON.stringify({ names: Object.keys(qh).sort(), element: typeof qh.QuoteHighlighterElement }));\n");
  await build({ entryPoints: [path.join(app, 'server-entry.js')], bundle: true, platform: 'neutral', format: 'esm',
    mainFields: ['module', 'main'], outfile: path.join(app, 'server-bundle.mjs'), logLevel: 'error', absWorkingDir: app });
  assert.match(fs.readFileSync(path.join(app, 'server-bundle.mjs'), 'utf8'), /customElements/, 'the browser build was bundled');
  const out = JSON.parse(run(process.execPath, [path.join(app, 'server-bundle.mjs')], { cwd: app }));
  assert.deepEqual(out, {
    names: ['QuoteHighlighterElement', 'analyze', 'collectText', 'configure', 'getHandle', 'highlight', 'version'],
    element: 'undefined',
  });
});

test('tsc --noEmit against the package types (bundler and nodenext resolution)', async () => {
  fs.writeFileSync(path.join(app, 'use.ts'), `
import { analyze, highlight, configure, getHandle, QuoteHighlighterElement, version } from 'quote-highlighter';
import type { Analysis, Handle, HighlightOptions, Quote } from 'quote-highlighter';
import { analyze as analyzeCore } from 'quote-highlighter/core';

configure({ wasmUrl: '/static/quote_highlighter_bg.wasm' });
const options: HighlightOptions = { kinds: ['direct', 'partial'], exclude: '.comments', observe: true, legend: '#who', labels: { legendTitle: 'Who speaks?' } };
export async function main(root: HTMLElement): Promise<string> {
  const a: Analysis = await analyze('«Oui», a déclaré Jean Martin.', { maxBytes: 1 << 20 });
  const first: Quote | undefined = a.quotes[0];
  const h: Handle = await highlight(root, options);
  const again = getHandle(root);
  const el = document.querySelector('quote-highlighter');
  if (el && QuoteHighlighterElement && el instanceof QuoteHighlighterElement) await el.highlight();
  const b = await analyzeCore('x');
  h.clear();
  return [first?.speaker?.name ?? '', again?.quotes.length ?? 0, b.quotes.length, version].join(' ');
}
`);
  const base = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false, types: [] };
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler' }, files: ['use.ts'] }));
  fs.writeFileSync(path.join(app, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['use.ts'] }));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const config of ['tsconfig.json', 'tsconfig.node.json']) {
    await timed(`tsc ${config}`, () => {
      try {
        run(process.execPath, [tsc, '-p', config], { cwd: app });
      } catch (e) {
        assert.fail(`tsc -p ${config}:\n${e.stdout}${e.stderr}`);
      }
    });
  }
});

/** Opens `url`, waits for painted quotes, returns what the page saw. */
async function check(url) {
  const { page, context, errors } = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__analysis && [...CSS.highlights.keys()].some((k) => /^qh-s\d$/.test(k)), null, { timeout: 15000 });
  const seen = await page.evaluate(() => ({
    painted: [...CSS.highlights].filter(([k]) => /^qh-(s\d|none)$/.test(k)).flatMap(([, h]) => [...h].map((r) => r.toString())).sort(),
    mentions: [...(CSS.highlights.get('qh-mention') ?? [])].map((r) => r.toString()),
    analysis: window.__analysis,
  }));
  await context.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(seen.painted, ['«\u00a0Nous resterons vigilants\u00a0»', '«\u202fLe dialogue doit être rétabli sans délai\u202f»']);
  assert.ok(seen.mentions.includes('Jean Martin') && seen.mentions.includes('Claire Dubois'), seen.mentions.join(' | '));
  assert.deepEqual(seen.analysis, nodeResult.analysis, 'the browser and Node give the same analysis');
  return seen;
}

const MAIN = `import { analyze } from 'quote-highlighter';
analyze(${JSON.stringify(TEXT)}).then((a) => { window.__analysis = a; });
`;
const page = (script) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,">
<script type="module" src="${script}"></script></head><body>${ARTICLE}</body></html>\n`;

async function serve(dir) {
  const s = await startServer(dir);
  servers.push(s);
  return s.url;
}

test('Vite production build: quotes highlighted, no console error', async () => {
  const dir = path.join(app, 'vite');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'index.html'), page('./main.js'));
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN);
  const { build } = await import('vite');
  await timed('vite build', () => build({ root: dir, logLevel: 'error', configFile: false, build: { outDir: path.join(dir, 'dist') } }));
  const assets = fs.readdirSync(path.join(dir, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm (${assets.join(' ')})`);
  await timed('vite check', async () => check(await serve(path.join(dir, 'dist'))));
});

test('esbuild production build: quotes highlighted, no console error', async () => {
  const dir = path.join(app, 'esbuild');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN);
  fs.writeFileSync(path.join(dir, 'dist', 'index.html'), page('./main.js'));
  const { build } = await import('esbuild');
  await timed('esbuild build', () => build({ entryPoints: [path.join(dir, 'main.js')], bundle: true, format: 'esm', minify: true,
    outdir: path.join(dir, 'dist'), logLevel: 'error', absWorkingDir: app }));
  // esbuild keeps `new URL('./quote_highlighter_bg.wasm', import.meta.url)` as is: the wasm goes next
  // to the bundle (the README says so).
  fs.copyFileSync(path.join(app, 'node_modules', 'quote-highlighter', 'quote_highlighter_bg.wasm'), path.join(dir, 'dist', 'quote_highlighter_bg.wasm'));
  await timed('esbuild check', async () => check(await serve(path.join(dir, 'dist'))));
});

test('webpack 5 production build: quotes highlighted, no console error', async () => {
  const dir = path.join(app, 'webpack');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN);
  fs.writeFileSync(path.join(dir, 'dist', 'index.html'), page('./main.js'));
  const { default: webpack } = await import('webpack');
  const stats = await timed('webpack build', () => new Promise((resolve, reject) => {
    webpack({
      mode: 'production', context: dir, entry: './main.js', target: 'web',
      output: { path: path.join(dir, 'dist'), filename: 'main.js', module: true, publicPath: 'auto', clean: false },
      experiments: { outputModule: true }, performance: { hints: false },
      resolve: { modules: [path.join(app, 'node_modules'), 'node_modules'] },
    }, (err, result) => (err ? reject(err) : resolve(result)));
  }));
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  assert.ok(fs.readdirSync(path.join(dir, 'dist')).some((f) => f.endsWith('.wasm')), 'webpack emitted the wasm');
  await timed('webpack check', async () => check(await serve(path.join(dir, 'dist'))));
});

test('the one-tag embed straight from the package: quotes highlighted, no console error', async () => {
  const dir = path.join(app, 'one-tag');
  fs.mkdirSync(dir);
  fs.cpSync(path.join(app, 'node_modules', 'quote-highlighter'), path.join(dir, 'qh'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN.replace("'quote-highlighter'", "'./qh/quote-highlighter.js'"));
  fs.writeFileSync(path.join(dir, 'index.html'), page('./qh/quote-highlighter.js').replace('</head>', '<script type="module" src="./main.js"></script></head>'));
  await check(await serve(dir));
});
