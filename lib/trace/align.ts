/**
 * Maps each Han character of a pasted copy to its number in the original post (or -1): the copy
 * may start anywhere, skip paragraphs, reorder them, lose or gain a few characters. Anchors are
 * runs of Q Han characters found once in the original; from an anchor the mapping follows the
 * text forwards and backwards while the characters agree.
 */
const Q = 4;

export function alignHan(copy: string[], original: string[], index = gramIndex(original)): Int32Array {
  const map = new Int32Array(copy.length).fill(-1);
  for (let i = 0; i < copy.length; i++) {
    const prev = i > 0 ? map[i - 1] : -1;
    if (prev >= 0 && original[prev + 1] === copy[i]) {
      map[i] = prev + 1;
      continue;
    }
    const hits = index.get(copy.slice(i, i + Q).join(""));
    if (!hits) continue;
    if (hits.length === 1) map[i] = hits[0];
    else if (prev >= 0) {
      // A phrase that occurs more than once: the occurrence nearest to where the copy was.
      map[i] = hits.reduce((best, h) => (Math.abs(h - prev) < Math.abs(best - prev) ? h : best));
    }
  }
  for (let i = copy.length - 2; i >= 0; i--) {
    const next = map[i + 1];
    if (map[i] < 0 && next > 0 && original[next - 1] === copy[i]) map[i] = next - 1;
  }
  return map;
}

export function gramIndex(original: string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let k = 0; k + Q <= original.length; k++) {
    const g = original.slice(k, k + Q).join("");
    const list = index.get(g);
    if (list) list.push(k);
    else index.set(g, [k]);
  }
  return index;
}
