/**
 * npm run profile:summary -- FILE.cpuprofile [--top N]
 * Prints where a V8 CPU profile (node --cpu-prof) spent its time: self time per
 * function and per package (node_modules/<name>, or the project file), so
 * docs/performance.md can say where the time goes without a GUI.
 */
import { readFileSync } from "node:fs";

const argv = process.argv.slice(2);
if (!argv.length || argv.includes("--help")) {
  console.log(
    "Usage: npm run profile:summary -- FILE.cpuprofile [--top N] [--last SECONDS]\n\nSelf time per function and per package of a node --cpu-prof profile.\n" +
      "--last: only the final SECONDS before the process stopped (the load, without the start-up).",
  );
  process.exit(argv.length ? 0 : 1);
}
const top = argv.includes("--top") ? Number(argv[argv.indexOf("--top") + 1]) : 25;
const last = argv.includes("--last") ? Number(argv[argv.indexOf("--last") + 1]) * 1e6 : Infinity;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const prof = JSON.parse(readFileSync(argv[0], "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
// Sample times in microseconds since the start; --last keeps the window before the final sample.
const at: number[] = [];
prof.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
const end = at[at.length - 1] ?? 0;
prof.samples.forEach((id, i) => {
  if (end - at[i] <= last) self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const pkgOf = (url: string) => {
  if (!url) return "(native / idle / gc)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return "node core";
  const chunk = /\.next\/server\/.*/.exec(url);
  return chunk ? "app bundle (.next/server)" : url.replace(/^file:\/\/.*?\/(lib|app|scripts)\//, "$1/");
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const fns = new Map<string, number>();
const pkgs = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const f = n.callFrame;
  add(fns, `${f.functionName || "(anonymous)"}  ${pkgOf(f.url)}${f.url ? `:${f.lineNumber + 1}` : ""}`, t);
  add(pkgs, pkgOf(f.url), t);
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
};
console.log(`${(total / 1e6).toFixed(1)} s sampled`);
print("self time by package", pkgs);
print("self time by function", fns);
