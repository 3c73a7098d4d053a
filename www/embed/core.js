// The analysis-only entry of the package (`quote-highlighter/core` in browsers and bundlers): the
// engine and `analyze`, without the embed's DOM code and without side effects.
export { analyze, configure } from './load.js';
export { version } from './version.js';
