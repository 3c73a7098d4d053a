// Assembles the npm package (`make package`) in dist/: the bundled modules (tools/build-embed.mjs:
// the one-file embed, the analysis-only core, the Node entry as ESM and CommonJS), the wasm next to
// them, the types, the licences, the package's own README (npm/README.md, for users of the package),
// and a package.json whose name, version, description, licence and repository come from Cargo.toml,
// so the two never drift. Usage: node tools/package.mjs [--out DIR] (default dist/). Needs `make pkg`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEmbed } from './build-embed.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join(ROOT, 'dist'));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}
const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

// The [package] table of Cargo.toml: simple `key = "value"` lines are all we need.
const table = read('Cargo.toml').split(/^\[/m).find((t) => t.startsWith('package]')) ?? '';
const field = (name) => table.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm'))?.[1] ?? fail(`Cargo.toml has no package.${name}`);
const keywords = JSON.parse(table.match(/^keywords\s*=\s*(\[[^\]]*\])/m)?.[1] ?? '[]');

const version = field('version');
const embedVersion = read('www/embed/version.js').match(/^export const version = '([^']+)';/m)?.[1];
if (embedVersion !== version) fail(`www/embed/version.js says ${embedVersion}, Cargo.toml says ${version}`);
for (const f of ['www/pkg/quote_highlighter_bg.wasm', 'www/pkg/glue.js']) {
  if (!fs.existsSync(path.join(ROOT, f))) fail(`${f} is missing (run \`make pkg\` first)`);
}

// The result types are written once, in the binding (src/wasm.rs, typescript_custom_section).
const resultTypes = read('src/wasm.rs').match(/const TS_TYPES: &'static str = r#"\n([\s\S]*?)"#;/)?.[1]
  ?? fail('src/wasm.rs has no TS_TYPES section');
const embedTypes = read('www/quote-highlighter.d.ts').replaceAll("'./pkg/quote_highlighter.js'", "'./analysis.js'");
if (embedTypes.includes('./pkg/')) fail('www/quote-highlighter.d.ts refers to pkg/ in an unexpected way');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
await buildEmbed(out);
const write = (name, text) => fs.writeFileSync(path.join(out, name), text);
fs.copyFileSync(path.join(ROOT, 'www/pkg/quote_highlighter_bg.wasm'), path.join(out, 'quote_highlighter_bg.wasm'));
write('analysis.d.ts', `// The analysis result types (from src/wasm.rs). Offsets are UTF-16 code units.\n${resultTypes}`);
write('quote-highlighter.d.ts', embedTypes);
write('core.d.ts', `// quote-highlighter/core: analysis only (no DOM code, no side effects).
export type { Analysis, Quote, QuoteKind, Speaker, SpeakerEntry, Cue, Diagnostic, Method } from './analysis.js';
export { analyze, configure, version } from './quote-highlighter.js';
export type { AnalyzeOptions } from './quote-highlighter.js';
`);
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) fs.copyFileSync(path.join(ROOT, f), path.join(out, f));
fs.copyFileSync(path.join(ROOT, 'npm', 'README.md'), path.join(out, 'README.md'));

const node = { import: './node.js', require: './node.cjs' };
const manifest = {
  name: field('name'),
  version,
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: `git+${field('repository')}.git` },
  homepage: `${field('repository')}#readme`,
  keywords: [...keywords, 'highlight', 'news', 'embed', 'custom-element'],
  type: 'module',
  // Condition order matters (first match wins): a bundler for the browser gets the embed, Node and
  // SSR builds get the Node entry (no DOM globals needed), anything else the browser ES module.
  exports: {
    '.': { types: './quote-highlighter.d.ts', browser: './quote-highlighter.js', node, default: './quote-highlighter.js' },
    './core': { types: './core.d.ts', browser: './core.js', node, default: './core.js' },
    './quote_highlighter_bg.wasm': './quote_highlighter_bg.wasm',
    './package.json': './package.json',
  },
  main: './node.cjs',
  module: './quote-highlighter.js',
  types: './quote-highlighter.d.ts',
  files: ['quote-highlighter.js', 'quote-highlighter.js.map', 'core.js', 'node.js', 'node.cjs', 'quote_highlighter_bg.wasm',
    'quote-highlighter.d.ts', 'core.d.ts', 'analysis.d.ts', 'LICENSE-MIT', 'LICENSE-APACHE'],
  // Only the browser entry has side effects: it registers <quote-highlighter> and highlights
  // [data-quote-highlighter] elements.
  sideEffects: ['./quote-highlighter.js'],
  engines: { node: '>=18' },
};
for (const f of manifest.files) if (!fs.existsSync(path.join(out, f))) fail(`${f} was not built`);
write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
const size = fs.readdirSync(out).reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
console.log(`package: ${manifest.name}@${version} in ${path.relative(process.cwd(), out) || '.'} (${fs.readdirSync(out).length} files, ${Math.round(size / 1024)} KiB)`);
