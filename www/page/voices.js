// Who gets a voice: the share of quotes and of quoted words by speaker gender (women, men,
// unknown — the engine's `speaker.gender`; quotes without a speaker count as unknown), by speaker
// and by kind, over the statements shown (terms are not anyone's words). Words are counted in what
// the person said: the content between the marks, minus the reporter's incise. The same figures
// go into the JSON export (`voices`). No DOM here (voices-panel.js shows them), so Node tests it.
import { Q, KINDS } from '../shared.js';
import { TERM, speakerOf, spokenText, countWords } from './model.js';

/** The figures for the quote indices `list` of analysis `d`. */
export function voices(d, list) {
  const tally = () => ({ quotes: 0, words: 0 });
  const byGender = { f: tally(), m: tally(), unknown: tally() };
  const byKind = { direct: tally(), partial: tally() };
  const bySpeaker = new Map();
  const total = tally();
  for (const k of list) {
    const kind = d.q[k * Q.STRIDE + Q.KIND];
    if (kind === TERM) continue;
    const words = countWords(spokenText(d, k));
    const spk = speakerOf(d, k);
    const gender = spk?.gender === 'f' || spk?.gender === 'm' ? spk.gender : 'unknown';
    for (const t of [total, byGender[gender], byKind[KINDS[kind]]]) { t.quotes += 1; t.words += words; }
    const key = spk ? spk.id : -1;
    let s = bySpeaker.get(key);
    if (!s) bySpeaker.set(key, (s = { name: spk?.name ?? null, gender: spk?.gender ?? null, quotes: 0, words: 0 }));
    s.quotes += 1;
    s.words += words;
  }
  const speakers = [...bySpeaker.entries()]
    .sort((a, b) => b[1].quotes - a[1].quotes || b[1].words - a[1].words || a[0] - b[0])
    .map(([id, s]) => ({ id: id >= 0 ? id : null, ...s }));
  return { ...total, byGender, byKind, bySpeaker: speakers };
}
