/**
 * One "server instance" for the several-servers image test, as its own OS process with its own
 * DATA_DIR: `upload FILE` stores an image the way the editor's upload does, `serve NAME` answers
 * GET /media/NAME through the route's handler. Prints one JSON line.
 * Usage: node --conditions=react-server --import tsx tests/support/media-worker.ts upload|serve ARG
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { saveImage } from "@/lib/media/store";
import { GET as serve } from "@/app/media/[name]/route";
import { disconnectDb } from "@/lib/db/client";

const [mode, arg] = process.argv.slice(2);
if (mode === "upload") {
  process.stdout.write(`${JSON.stringify(await saveImage(readFileSync(arg)))}\n`);
} else {
  const res = await serve(new Request(`http://localhost:3000/media/${arg}`), { params: Promise.resolve({ name: arg }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  process.stdout.write(`${JSON.stringify({ status: res.status, type: res.headers.get("content-type"), sha256 })}\n`);
}
await disconnectDb();
