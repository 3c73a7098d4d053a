// Collecting the text: the text nodes under a root (across inline elements; block elements count
// as paragraph breaks; white space collapsed as CSS renders it) joined into one composite string,
// with a table of runs (text node, offset in the node, offset in the string) that maps offsets
// back to DOM points (pointAt in ../shared.js, spansToRanges in src/dom.rs). An iterative walk: no
// recursion depth limit on hostile markup. Needs only the DOM tree interface (works with any DOM
// implementation handed to it).

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose text is never read. */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'textarea', 'template', 'iframe', 'object', 'embed',
  'select', 'option', 'input', 'button', 'svg', 'math', 'canvas', 'video', 'audio', 'qh-tooltip']);
/** Elements that start and end a paragraph in the composite text. */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'menu', 'quote-highlighter']);

const isCollapsible = (c) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

function excludedBy(el, selector) {
  if (SKIP.has(el.localName) || el.hidden === true) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return selector !== '' && el.matches(selector);
}

/**
 * The composite text under `root` and its runs `{ node, offset, start, length }` (sorted by start):
 * text `[start, start + length)` of the composite is `node.data` from `offset`.
 */
export function collectText(root, exclude = '') {
  const parts = [];
  const runs = [];
  let len = 0;
  let atBreak = true; // at the start of the text or right after a paragraph break
  let afterSpace = false;

  const push = (node, offset, piece) => {
    const last = runs[runs.length - 1];
    if (last && last.node === node && last.offset + last.length === offset && last.start + last.length === len) {
      last.length += piece.length;
    } else {
      runs.push({ node, offset, start: len, length: piece.length });
    }
    parts.push(piece);
    len += piece.length;
  };
  const paragraphBreak = () => {
    if (!atBreak) {
      parts.push('\n');
      len += 1;
    }
    atBreak = true;
    afterSpace = false;
  };
  const text = (node) => {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      let j = i;
      while (j < data.length && !isCollapsible(data.charCodeAt(j))) j++;
      if (j > i) {
        push(node, i, data.slice(i, j));
        atBreak = false;
        afterSpace = false;
      }
      if (j < data.length) {
        if (!atBreak && !afterSpace) {
          push(node, j, ' ');
          afterSpace = true;
        }
        while (j < data.length && isCollapsible(data.charCodeAt(j))) j++;
      }
      i = j;
    }
  };

  let node = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      text(node);
    } else if (node.nodeType === ELEMENT_NODE && !excludedBy(node, exclude)) {
      const tag = node.localName;
      if (tag === 'br') {
        paragraphBreak();
      } else {
        if (BLOCK.has(tag)) paragraphBreak();
        descend = node.firstChild !== null;
        if (!descend && BLOCK.has(tag)) paragraphBreak();
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE && BLOCK.has(node.localName)) paragraphBreak();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return { text: parts.join(''), runs };
}
