// Reporting: the embed never breaks its host. Every entry point catches, warns once on the console
// and fires a bubbling `quote-highlighter:error` event, then carries on.

export function report(target, error, context) {
  const message = `${context}: ${error?.message ?? error}`;
  try {
    console.warn(`quote-highlighter: ${message}`);
    // On the element when it is in the document (the event bubbles up to it), else on the document.
    const t = target && typeof target.dispatchEvent === 'function' && target.isConnected ? target : document;
    t.dispatchEvent(new CustomEvent('quote-highlighter:error', { bubbles: true, composed: true, detail: { error, message } }));
  } catch {
    // Reporting must never throw either.
  }
}

/** Runs `fn`; a throw is reported against `target` and gives undefined. */
export function guard(target, context, fn) {
  try {
    return fn();
  } catch (e) {
    report(target, e, context);
    return undefined;
  }
}

// Live observers (option `observe`), so that our own DOM work (fallback wrapping, tooltip) never
// re-triggers them: records made while `quietly(fn)` runs are dropped.
export const observers = new Set();

export function quietly(fn) {
  const pending = [];
  for (const o of observers) pending.push([o, o.observer.takeRecords()]);
  try {
    return fn();
  } finally {
    for (const o of observers) o.observer.takeRecords();
    for (const [o, records] of pending) if (records.length) o.schedule();
  }
}
