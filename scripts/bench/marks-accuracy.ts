/**
 * npm run marks:accuracy [-- --trials 1000 --length 300 --delivered 1000 --seed 1]
 * The share of random leaked excerpts the tracer traces to the right purchase after each
 * transformation, and how often it names anyone for unmarked text (docs/marks.md).
 */
import { corpus, falseMatches, measure, TRANSFORMS } from "./marks-trials";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(`Usage: npm run marks:accuracy -- [--trials N] [--length CHARS] [--delivered N] [--seed N]

  --trials     excerpts per transformation (default 1000)
  --length     characters per excerpt (default 300)
  --delivered  marks delivered for the post, all of them candidates (default 1000)
  --seed       random seed (default 1)`);
  process.exit(0);
}
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const trials = opt("trials", 1000);
const length = opt("length", 300);
const delivered = opt("delivered", 1000);
const seed = opt("seed", 1);
const posts = corpus();
console.log(`${trials} excerpts of ${length} characters per row, ${delivered} delivered marks as candidates, seed ${seed}\n`);
console.log(
  "| transformation | traced right | of which decoded by Reed-Solomon | wrong purchase | not traced |\n| --- | --: | --: | --: | --: |",
);
const pct = (n: number) => `${((100 * n) / trials).toFixed(1)}%`;
for (const [name, transform] of Object.entries(TRANSFORMS)) {
  const t = measure({ posts, transform, trials, length, delivered, seed });
  console.log(`| ${name} | ${pct(t.right)} | ${pct(t.decoded)} | ${pct(t.wrong)} | ${pct(t.none)} |`);
}
const f = falseMatches({ posts, trials, length, delivered, seed: seed + 1 });
console.log(`\nunmarked or foreign-marked excerpts: ${f.named} of ${f.trials} named a purchase`);
