// The text area and the highlighted view scroll together: scrolling one moves the other to the
// same proportion of its height (the two lay out the same text at different widths, so a
// proportion is the honest common measure). A guard ignores the scroll event the sync itself causes.
import { els } from './state.js';

export function initScrollSync() {
  const { input, view } = els;
  let leader = null;
  let release = 0;
  const follow = (from, to) => () => {
    if (leader && leader !== from) return;
    leader = from;
    cancelAnimationFrame(release);
    release = requestAnimationFrame(() => requestAnimationFrame(() => { leader = null; }));
    const range = from.scrollHeight - from.clientHeight;
    if (range <= 0) return;
    to.scrollTop = (from.scrollTop / range) * (to.scrollHeight - to.clientHeight);
  };
  input.addEventListener('scroll', follow(input, view), { passive: true });
  view.addEventListener('scroll', follow(view, input), { passive: true });
}
