import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { mediaDir } from "@/lib/config";
import { db } from "@/lib/db/client";
import { inspectImage, MEDIA_NAME } from "@/lib/media/image";
import { storeImage } from "@/lib/media/store";

/**
 * Before images lived in the database they were files under MEDIA_DIR (default
 * <DATA_DIR>/media). `npm start` moves any such file in (scripts/seed.ts), once: a
 * name already in the table is skipped. The files are left where they are, so going
 * back to an older version still finds them. Answers how many were moved in.
 */
export async function importLegacyMedia(dir = mediaDir()): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => MEDIA_NAME.test(n));
  } catch {
    return 0; // no media folder: nothing was ever uploaded as a file
  }
  if (!names.length) return 0;
  const have = new Set((await db().mediaFile.findMany({ where: { name: { in: names } }, select: { name: true } })).map((r) => r.name));
  let moved = 0;
  for (const name of names) {
    if (have.has(name)) continue;
    const bytes = await readFile(path.join(dir, name));
    const info = inspectImage(bytes);
    if (!info.ok) continue; // never something we would have stored
    await storeImage(name, bytes, info);
    moved++;
  }
  return moved;
}
