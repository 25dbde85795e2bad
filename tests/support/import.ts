import { readFileSync } from "node:fs";
import path from "node:path";
import { POST as importRoute } from "@/app/api/admin/import/route";
import { ADMIN_TOKEN } from "./admin";
import { call, peerHeaders } from "./http";

export const IMPORT_FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "import");
export const fixture = (name: string) => readFileSync(path.join(IMPORT_FIXTURES, name));

/** POST /api/admin/import with one file, as the admin form sends it (bearer token). */
export function importUpload(bytes: Buffer, name: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const req = new Request("http://localhost:3000/api/admin/import", {
    method: "POST",
    headers: { ...peerHeaders(), authorization: `Bearer ${ADMIN_TOKEN}` },
    body: form,
  });
  return call(importRoute, req);
}
