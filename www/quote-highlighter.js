// quote-highlighter — the embed for news sites. One tag:
//
//   <script type="module" src="https://cdn.example/quote-highlighter/quote-highlighter.js"></script>
//
// highlights the quotes in every element marked `data-quote-highlighter` and in every
// `<quote-highlighter>` element, once it nears the viewport. The module API is `analyze(text, options)`
// and `highlight(root, options)`; see README.md ("Embed on a news site") and quote-highlighter.d.ts.
//
// This is the entry module of the embed's sources (embed/*.js, one concern each); `make embed`
// (tools/build-embed.mjs, esbuild) bundles it with the engine and the wasm glue into the one-file
// module that sites load and the npm package ships. Importing it never touches the DOM where there
// is none (Node, SSR): the element is registered and the page scanned only where a document exists.
//
// How it works: the text nodes under the root are joined into one composite string with a table of
// runs (embed/text.js); the wasm core analyses the string and returns UTF-16 offsets, which the
// binding (src/dom.rs) turns back into DOM Ranges over the runs; the Ranges are painted with the CSS
// Custom Highlight API (embed/paint.js), so the host's DOM is not modified; without that API each
// quote is wrapped in <qh-quote> elements built with DOM calls (embed/fallback.js). The tooltip
// (embed/tooltip.js) exists only while shown; the legend (embed/legend.js) lives in a shadow root
// and lists the quotes as buttons for keyboard and screen-reader users. Styles are constructed
// stylesheets (embed/styles.js), so a strict CSP (style-src 'self', Trusted Types) is fine.
//
// Never breaks the host: every entry point catches, reports with console.warn and a
// `quote-highlighter:error` event (embed/errors.js), and carries on. Only `analyze()` rejects.
import { QuoteHighlighterElement, start } from './embed/element.js';
import { setEntryUrl } from './embed/load.js';

export { analyze, configure } from './embed/load.js';
export { getHandle, highlight } from './embed/highlight.js';
export { collectText } from './embed/text.js';
export { version } from './embed/version.js';
export { QuoteHighlighterElement };

setEntryUrl(import.meta.url); // a <script type="module" data-wasm-url> loads this module
if (typeof document !== 'undefined' && typeof document.addEventListener === 'function') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
