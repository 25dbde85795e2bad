import { parseFile } from "@/lib/import";
import { zipFolder } from "../tests/support/zip";
const dir = process.argv[2];
const bytes = dir.endsWith(".json") || dir.endsWith(".xml") ? (await import("node:fs")).readFileSync(dir) : await zipFolder(dir, process.argv[3] ?? "");
try {
const r = await parseFile(bytes, dir, 300);
console.log(JSON.stringify({ ...r, images: [...r.images.keys()] }, null, 1).slice(0, 9000));
} catch (e) { console.log("ERR", (e as any).status, (e as Error).message, JSON.stringify((e as any).details)); }
