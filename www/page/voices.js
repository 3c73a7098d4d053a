// Who gets a voice: the share of quotes and of quoted words by speaker gender (women, men,
// unknown — the engine's `speaker.gender`; quotes without a speaker count as unknown), by speaker
// and by kind, over the statements shown (terms are not anyone's words). Words are counted in what
// the person said: the content between the marks, minus the reporter's incise. The same figures
// go into the JSON export (`voices`). No DOM here (voices-panel.js shows them), so Node tests it.
import { Q, KINDS } from '../shared.js';
import { TERM, speakerOf, spokenText, countWords } from './model.js';

/** An empty tally, for `addVoices`. */
export function voicesTally() {
  const tally = () => ({ quotes: 0, words: 0 });
  return { total: tally(), byGender: { f: tally(), m: tally(), unknown: tally() }, byKind: { direct: tally(), partial: tally() }, bySpeaker: new Map() };
}

/** Adds the quotes `list[from..to)` of analysis `d` to tally `t` (a long list goes in slices). */
export function addVoices(t, d, list, from = 0, to = list.length) {
  for (let i = from; i < to; i++) {
    const k = list[i];
    const kind = d.q[k * Q.STRIDE + Q.KIND];
    if (kind === TERM) continue;
    const words = countWords(spokenText(d, k));
    const spk = speakerOf(d, k);
    const gender = spk?.gender === 'f' || spk?.gender === 'm' ? spk.gender : 'unknown';
    for (const x of [t.total, t.byGender[gender], t.byKind[KINDS[kind]]]) { x.quotes += 1; x.words += words; }
    const key = spk ? spk.id : -1;
    let s = t.bySpeaker.get(key);
    if (!s) t.bySpeaker.set(key, (s = { name: spk?.name ?? null, gender: spk?.gender ?? null, quotes: 0, words: 0 }));
    s.quotes += 1;
    s.words += words;
  }
  return t;
}

/** The figures of a tally: totals, then by gender, kind and speaker (most quotes first; `id` null for quotes without a speaker). */
export function voicesOf(t) {
  const speakers = [...t.bySpeaker.entries()]
    .sort((a, b) => b[1].quotes - a[1].quotes || b[1].words - a[1].words || a[0] - b[0])
    .map(([id, s]) => ({ id: id >= 0 ? id : null, ...s }));
  return { ...t.total, byGender: t.byGender, byKind: t.byKind, bySpeaker: speakers };
}

/** The figures for the quote indices `list` of analysis `d`. */
export const voices = (d, list) => voicesOf(addVoices(voicesTally(), d, list));
