// Assembles the npm-ready package of the embed (`make package`): the embed module and its types, the
// wasm-pack output it loads (pkg/), the README and a package.json whose name, version, description,
// license and repository come from Cargo.toml, so the two never drift.
// Usage: node tools/package.mjs [--out DIR] (default dist/). Needs `make pkg` first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join(ROOT, 'dist'));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

// The [package] table of Cargo.toml: simple `key = "value"` lines are all we need.
const cargo = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
const table = cargo.split(/^\[/m).find((t) => t.startsWith('package]')) ?? '';
const field = (name) => table.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1] ?? fail(`Cargo.toml has no package.${name}`);
const keywords = JSON.parse(table.match(/^keywords\s*=\s*(\[[^\]]*\])/m)?.[1] ?? '[]');

const version = field('version');
const embed = fs.readFileSync(path.join(ROOT, 'www', 'quote-highlighter.js'), 'utf8');
const embedVersion = embed.match(/^const VERSION = '([^']+)';/m)?.[1];
if (embedVersion !== version) fail(`www/quote-highlighter.js says VERSION ${embedVersion}, Cargo.toml says ${version}`);

const files = [
  ['www/quote-highlighter.js', 'quote-highlighter.js'],
  ['www/engine.js', 'engine.js'],
  ['www/shared.js', 'shared.js'],
  ['www/pkg/glue.js', 'pkg/glue.js'],
  ['www/quote-highlighter.d.ts', 'quote-highlighter.d.ts'],
  ['www/pkg/quote_highlighter.js', 'pkg/quote_highlighter.js'],
  ['www/pkg/quote_highlighter.d.ts', 'pkg/quote_highlighter.d.ts'],
  ['www/pkg/quote_highlighter_bg.wasm', 'pkg/quote_highlighter_bg.wasm'],
  ['www/pkg/quote_highlighter_bg.wasm.d.ts', 'pkg/quote_highlighter_bg.wasm.d.ts'],
  ['README.md', 'README.md'],
];
// The wasm-bindgen glue imports its JavaScript snippets (www/shared.js) from pkg/snippets/.
const snippets = (dir) => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? snippets(path.join(dir, e.name)) : [path.join(dir, e.name)]);
if (fs.existsSync(path.join(ROOT, 'www/pkg/snippets'))) {
  for (const f of snippets('www/pkg/snippets')) files.splice(files.length - 1, 0, [f, f.replace(/^www\//, '')]);
}
for (const [from] of files) if (!fs.existsSync(path.join(ROOT, from))) fail(`${from} is missing (run \`make pkg\` first)`);

const manifest = {
  name: field('name'),
  version,
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: `git+${field('repository')}.git` },
  homepage: `${field('repository')}#readme`,
  keywords: [...keywords, 'highlight', 'news', 'embed'],
  type: 'module',
  main: './quote-highlighter.js',
  module: './quote-highlighter.js',
  types: './quote-highlighter.d.ts',
  exports: {
    '.': { types: './quote-highlighter.d.ts', default: './quote-highlighter.js' },
    './core': { types: './pkg/quote_highlighter.d.ts', default: './pkg/quote_highlighter.js' },
    './quote_highlighter_bg.wasm': './pkg/quote_highlighter_bg.wasm',
    './package.json': './package.json',
  },
  files: files.map(([, to]) => to).filter((f) => f !== 'README.md'),
  // Loading the module registers <quote-highlighter> and auto-highlights [data-quote-highlighter].
  sideEffects: ['./quote-highlighter.js'],
  browser: './quote-highlighter.js',
};

fs.rmSync(out, { recursive: true, force: true });
for (const [from, to] of files) {
  fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, from), path.join(out, to));
}
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const size = files.reduce((n, [, to]) => n + fs.statSync(path.join(out, to)).size, 0);
console.log(`package: ${manifest.name}@${version} in ${path.relative(process.cwd(), out) || '.'} (${files.length + 1} files, ${Math.round(size / 1024)} KiB)`);
