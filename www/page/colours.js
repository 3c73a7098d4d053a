// Speaker styles: 16 background tints (custom properties --qh-0 … --qh-15 in style.css, WCAG AA
// under the text in both themes), then the same tints with an overline for speakers 17 to 24, so
// that no two of the first 24 speakers look alike; beyond, styles repeat. A style is a highlight
// name (`qh-s<i>`, painted by paint.js) and a class for swatches (`s<i>` in the panel and legend).
export const TINTS = 16;
export const STYLES = 24;

/** The style index of speaker `rank` (0 = the speaker with the most quotes). */
export const styleOf = (rank) => rank % STYLES;

/** Every highlight name of a speaker style. */
export const STYLE_NAMES = [...Array(STYLES).keys()].map((i) => `qh-s${i}`);

/**
 * The light theme's tints (the values of --qh-0 … --qh-15 in style.css; a test checks they agree),
 * for HTML copied to the clipboard, which ends up on white paper whatever the page's theme.
 */
export const LIGHT_TINTS = ['#fde68a', '#bfdbfe', '#bbf7d0', '#fbcfe8', '#ddd6fe', '#fed7aa', '#a5f3fc', '#d9f99d', '#fca5a5', '#5eead4', '#a5b4fc', '#f0abfc', '#fde047', '#7dd3fc', '#34d399', '#e0c3a0'];
