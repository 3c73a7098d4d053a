// Types for the quote-highlighter module: the embed (quote-highlighter.js) and the Node entry share them.
// The result types (Analysis, Quote, …) come from the wasm binding's generated declarations.
import type { Analysis, Quote, QuoteKind, SpeakerEntry, Diagnostic } from './pkg/quote_highlighter.js';

export type { Analysis, Quote, QuoteKind, Speaker, SpeakerEntry, Cue, Diagnostic, Method } from './pkg/quote_highlighter.js';

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  /** Refuse texts longer than this many UTF-8 bytes (default 64 MiB): `analyze` rejects. */
  maxBytes?: number;
  /**
   * Where `quote_highlighter_bg.wasm` is (default: next to this module). In Node also a file path
   * or the wasm's bytes.
   */
  wasmUrl?: string | URL | BufferSource;
}

/** Strings shown to readers (tooltip and legend); French by default. */
export interface Labels {
  unattributed: string;
  partial: string;
  term: string;
  unclosed: string;
  legendTitle: string;
  legendNone: string;
  legendEmpty: string;
  /** The legend's list of quotes (a disclosure of buttons, one per quote). */
  quotesList: string;
  /** The live summary announced after each run: "3 citations, 2 locuteurs" (singular for 0 and 1). */
  quoteOne: string;
  quoteMany: string;
  speakerOne: string;
  speakerMany: string;
  /** Announced when a quote is reached from the list; `{n}`, `{total}`, `{who}`, `{quote}` are filled in. */
  reached: string;
}

/** Options of `highlight()`. Declarative equivalents: `data-*` attributes, or plain attributes on `<quote-highlighter>`. */
export interface HighlightOptions extends AnalyzeOptions {
  /** Kinds painted (default `["direct", "partial"]`); attribute form `kinds="direct partial term"`. */
  kinds?: QuoteKind[] | string;
  /** Selectors whose subtrees are not read (in addition to script, style, noscript, textarea, [contenteditable], …). */
  exclude?: string | string[];
  /** Re-run (debounced) when the content changes; the highlighter's own DOM work is ignored. Default false. */
  observe?: boolean;
  /** Debounce of `observe`, in milliseconds (default 250). */
  debounce?: number;
  /** Underline the speaker's mention (`::highlight(qh-mention)`). Default true. */
  mentions?: boolean;
  /** Show the speaker and verb on hover and focus. Default true. */
  tooltip?: boolean;
  /** Render a legend of the speakers into this element (or the first element matching this selector), in its shadow root. */
  legend?: Element | string | null;
  /** Force the `<qh-quote>` wrapping mode even where the CSS Custom Highlight API exists. Default false. */
  fallback?: boolean;
  /** Reader-facing strings. */
  labels?: Partial<Labels>;
}

/** A quote as highlighted: the analysis quote (offsets into `Handle.text`) plus its DOM range. */
export interface HighlightedQuote extends Quote {
  /** The quote's text as analysed (white space collapsed as CSS renders it). */
  text: string;
  /** The DOM range the quote covers; null when it could not be mapped (and, in the fallback, for quotes not painted). */
  range: Range | null;
}

/** What `highlight()` resolves to. A later call on the same root replaces it. */
export interface Handle {
  root: Element | Document;
  /** The composite text that was analysed: the root's text, block elements as line breaks. */
  text: string;
  /** Every quote found (also kinds not painted); `speaker.id` indexes `speakers`. */
  quotes: HighlightedQuote[];
  speakers: SpeakerEntry[];
  diagnostics: Diagnostic[];
  /** The quotes painted (kinds selected, range mapped). */
  shown: HighlightedQuote[];
  /** True when painted with `<qh-quote>` elements instead of the CSS Custom Highlight API. */
  fallback?: boolean;
  /** Set when highlighting failed (the failure was also reported); the handle is then empty. */
  error: unknown;
  /** Removes this handle's highlights (and wrappers, legend, listeners, observer). */
  clear(): void;
}

/** Analyses a plain text; offsets are UTF-16 code units. Loads the wasm on first use. Rejects on failure. */
export function analyze(text: string, options?: AnalyzeOptions): Promise<Analysis>;

/**
 * Highlights the quotes under `root`. Never rejects: failures are reported and give an empty handle
 * (in Node, an empty handle whose `error` says a browser is needed).
 */
export function highlight(root: Element | Document, options?: HighlightOptions): Promise<Handle>;

/** The live handle of `root`, or null. */
export function getHandle(root: Element | Document): Handle | null;

/** Defaults for later calls: where the wasm lives (CDN hosting). */
export function configure(options: { wasmUrl?: string | URL | BufferSource | null }): void;

/** The composite text under `root` and its runs (text node, offset in node, offset in text, length). */
export function collectText(root: Node, exclude?: string): {
  text: string;
  runs: { node: Text; offset: number; start: number; length: number }[];
};

export const version: string;

/** `<quote-highlighter kinds legend exclude observe debounce mentions tooltip wasm-url manual>` */
export interface QuoteHighlighterElement extends HTMLElement {
  highlight(options?: HighlightOptions): Promise<Handle>;
  clear(): void;
  readonly handle: Handle | null;
}
/** The element's class; `undefined` where there is no DOM (Node, SSR), where nothing is registered. */
export const QuoteHighlighterElement: { new (): QuoteHighlighterElement; prototype: QuoteHighlighterElement } | undefined;

declare global {
  interface HTMLElementTagNameMap {
    'quote-highlighter': QuoteHighlighterElement;
  }
  interface HTMLElementEventMap {
    'quote-highlighter:highlight': CustomEvent<Handle>;
    'quote-highlighter:error': CustomEvent<{ error: unknown; message: string }>;
  }
}
