/**
 * Images with several servers: on PostgreSQL, an image uploaded through one instance is served by
 * another that has its own data folder (no shared disk) — they live in the database. Two OS
 * processes, as two servers behind one proxy would be. SQLite runs one server: the test is for PostgreSQL.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const onPostgres = !!process.env.TEST_DATABASE_URL;

function instance(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/media-worker.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, MEDIA_DIR: "" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

describe.runIf(onPostgres)("uploaded images with several servers", () => {
  it("serves an image uploaded through one instance from another with its own data folder", async () => {
    const [a, b] = [mkdtempSync(path.join(os.tmpdir(), "paywall-a-")), mkdtempSync(path.join(os.tmpdir(), "paywall-b-"))];
    const png = new PNG({ width: 12, height: 7 });
    png.data.fill(33);
    const bytes = PNG.sync.write(png);
    const file = path.join(a, "upload.png");
    writeFileSync(file, bytes);

    const stored = instance(a, "upload", file);
    expect(stored.url).toMatch(/^\/media\/[a-f0-9]{32}-12x7\.png$/);
    const name = stored.url.slice("/media/".length);
    const served = instance(b, "serve", name);
    expect(served).toEqual({ status: 200, type: "image/png", sha256: createHash("sha256").update(bytes).digest("hex") });
    // Neither instance wrote the image to its disk.
    for (const dir of [a, b]) expect(existsSync(path.join(dir, "media")) ? readdirSync(path.join(dir, "media")) : []).toEqual([]);
  }, 120_000);
});
