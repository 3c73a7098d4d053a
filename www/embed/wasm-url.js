// Where the wasm is by default: this file's one job, so that the package build (tools/build-embed.mjs)
// can swap it for the package layout (the wasm next to the bundled module). Written as
// `new URL('…', import.meta.url)` so that bundlers (Vite, webpack 5, Rollup) copy the file.
export const defaultWasmUrl = () => new URL('../pkg/quote_highlighter_bg.wasm', import.meta.url);
