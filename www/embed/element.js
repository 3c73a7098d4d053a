// Declarative use: `<quote-highlighter>` (highlights its light DOM whenever it is connected) and
// elements marked `data-quote-highlighter` (found once, at start), each highlighted when it comes
// within ROOT_MARGIN of the viewport, so the wasm is fetched only when needed. Nothing here runs at
// import: `start()` is called by the entry module, and only where there is a document; the element
// class exists only where HTMLElement does (importing stays safe in Node and SSR).
import { guard } from './errors.js';
import { handles, highlight } from './highlight.js';
import { clearLegend } from './legend.js';
import { attributeOptions } from './options.js';

/** How near the viewport a container must come for the wasm to load and the container to be highlighted. */
const ROOT_MARGIN = '400px';

let intersection = null;
const waiting = new WeakMap(); // element -> run()

function whenNear(el, run) {
  if (typeof IntersectionObserver !== 'function') {
    run();
    return;
  }
  if (!intersection) {
    intersection = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        intersection.unobserve(entry.target);
        const go = waiting.get(entry.target);
        waiting.delete(entry.target);
        go?.();
      }
    }, { rootMargin: ROOT_MARGIN });
  }
  waiting.set(el, run);
  intersection.observe(el);
}

function stopWaiting(el) {
  waiting.delete(el);
  intersection?.unobserve(el);
}

function autoHighlight(el) {
  guard(el, 'auto-highlight', () => {
    if (el.hasAttribute('data-manual') || handles.has(el) || waiting.has(el)) return;
    whenNear(el, () => {
      const options = attributeOptions(el, 'data-');
      const legend = el.getAttribute('data-legend');
      if (legend) options.legend = legend;
      highlight(el, options);
    });
  });
}

/** `<quote-highlighter>`: wraps article content (light DOM) and highlights it when near the viewport. */
const elementClass = () => class QuoteHighlighterElement extends HTMLElement {
  static get observedAttributes() {
    return ['kinds', 'exclude', 'legend', 'mentions', 'tooltip', 'observe', 'debounce'];
  }

  connectedCallback() {
    guard(this, 'quote-highlighter element', () => {
      if (this.hasAttribute('manual')) return;
      whenNear(this, () => this.highlight());
    });
  }

  disconnectedCallback() {
    guard(this, 'quote-highlighter element', () => {
      stopWaiting(this);
      handles.get(this)?.clear();
    });
  }

  attributeChangedCallback() {
    if (handles.has(this)) this.highlight();
  }

  /** Runs (or re-runs) the highlighter on this element's content; resolves to the handle. */
  highlight(extra = {}) {
    const options = { ...attributeOptions(this, ''), ...extra };
    if (this.hasAttribute('legend') && this.getAttribute('legend') !== 'false') options.legend = this;
    else clearLegend(this);
    return highlight(this, options);
  }

  clear() {
    handles.get(this)?.clear();
  }

  get handle() {
    return handles.get(this) ?? null;
  }
};

/** The `<quote-highlighter>` class; undefined where there is no DOM (Node, SSR). */
export const QuoteHighlighterElement = typeof HTMLElement === 'function' ? elementClass() : undefined;

/** Registers the element (where custom elements exist) and highlights `[data-quote-highlighter]`. */
export function start() {
  guard(document, 'start', () => {
    if (QuoteHighlighterElement && typeof customElements === 'object' && !customElements.get('quote-highlighter')) {
      customElements.define('quote-highlighter', QuoteHighlighterElement);
    }
    for (const el of document.querySelectorAll('[data-quote-highlighter]')) autoHighlight(el);
  });
}
