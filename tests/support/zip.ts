import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ZipFile } from "yazl";

/** A zip of a folder (or of named buffers), as a blogger would make one, in memory. */
export function zipFiles(files: Record<string, Buffer | string>, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(files))
    zip.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, { compress: opts.compress ?? true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.once("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.once("error", reject);
  });
}

/** Every file under `dir`, named relative to it (with `prefix`, e.g. "my-blog/"). */
export function folderFiles(dir: string, prefix = ""): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[prefix + path.relative(dir, full).split(path.sep).join("/")] = readFileSync(full);
    }
  };
  walk(dir);
  return out;
}

export const zipFolder = (dir: string, prefix = "") => zipFiles(folderFiles(dir, prefix));
