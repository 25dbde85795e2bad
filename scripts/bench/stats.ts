/** Figures of one benchmark line: throughput, latency percentiles, failures. */
import autocannon from "autocannon";

export interface Figure {
  title: string;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  unit?: string;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Fixed-URL load with autocannon (HTTP/1.1 keep-alive, `connections` in parallel). */
export async function hammer(title: string, opts: autocannon.Options): Promise<Figure> {
  const r = await autocannon(opts);
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

/**
 * Closed-loop workers for flows autocannon cannot express (each step depends on
 * the previous answer): `step` returns true for a success; its latency is timed.
 */
export async function loop(
  title: string,
  seconds: number,
  parallel: number,
  step: () => Promise<boolean>,
  unit = "req/s",
): Promise<Figure> {
  const lat: number[] = [];
  let bad = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      let ok = false;
      try {
        ok = await step();
      } catch {
        ok = false;
      }
      if (ok) lat.push(performance.now() - t);
      else bad++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const secs = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  return { title, rps: lat.length / secs, p50: Math.round(percentile(lat, 50)), p99: Math.round(percentile(lat, 99)), bad, unit };
}

export function printTable(figures: Figure[], base: number): void {
  console.log(
    `\n${"".padEnd(40)} ${"rate".padStart(10)}        ${"p50".padStart(6)} ${"p99".padStart(7)}  ${"× static".padStart(8)}  failed`,
  );
  for (const f of figures) {
    // A per-minute sales figure has no meaningful ratio to a request rate.
    const ratio = base > 0 && f.unit !== "paid/min" ? (f.rps / base).toFixed(3) : "-";
    console.log(
      `${f.title.padEnd(40)} ${f.rps.toFixed(f.rps < 10 ? 2 : 0).padStart(10)} ${(f.unit ?? "req/s").padEnd(8)} ${`${f.p50}ms`.padStart(6)} ${`${f.p99}ms`.padStart(7)}  ${ratio.padStart(8)}  ${f.bad}${f.note ? `   ${f.note}` : ""}`,
    );
  }
}
