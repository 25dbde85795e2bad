import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { importLegacyMedia } from "@/lib/media/legacy";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { POST as upload } from "@/app/api/admin/media/route";
import { GET as serve } from "@/app/media/[name]/route";
import { mediaDir } from "@/lib/config";
import { db } from "@/lib/db/client";
import { call, makeRequest } from "../support/http";
import { ADMIN_TOKEN, enableAdmin } from "../support/admin";
import { qrJpeg } from "../support/qr-images";

function png(width: number, height: number): Buffer {
  const p = new PNG({ width, height });
  p.data.fill(200);
  return PNG.sync.write(p);
}

function uploadOf(bytes: Buffer, name: string, type = "image/png", auth = true): Request {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return new Request("http://localhost:3000/api/admin/media", {
    method: "POST",
    headers: { "x-paywall-peer": "127.0.0.1", ...(auth ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}) },
    body: form,
  });
}

describe("image upload for posts", () => {
  it("stores a PNG in the database, named by its content and size, and serves it cacheable and nosniff", async () => {
    enableAdmin();
    const bytes = png(640, 480);
    const res = await call(upload, uploadOf(bytes, "photo.png"));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ width: 640, height: 480, bytes: bytes.length });
    expect(res.json.url).toMatch(/^\/media\/[a-f0-9]{32}-640x480\.png$/);
    const name = res.json.url.slice("/media/".length);
    // In the database (every instance serves it, every backup holds it), not on this machine's disk.
    expect(await db().mediaFile.count({ where: { name } })).toBe(1);
    expect(existsSync(path.join(mediaDir(), name))).toBe(false);

    const got = await serve(makeRequest("GET", res.json.url), { params: Promise.resolve({ name }) });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    // The same picture again is the same file.
    expect((await call(upload, uploadOf(bytes, "again.png"))).json.url).toBe(res.json.url);
  });

  it("goes by the bytes, not the name: a JPEG named .png is stored as .jpg", async () => {
    enableAdmin();
    const res = await call(upload, uploadOf(await qrJpeg("hello"), "not-really.png"));
    expect(res.status).toBe(201);
    expect(res.json.url).toMatch(/\.jpg$/);
  });

  it("refuses text named .png, an SVG and an HTML page with a clear 422", async () => {
    enableAdmin();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    for (const [bytes, name, type] of [
      [Buffer.from("just some text"), "fake.png", "image/png"],
      [svg, "logo.svg", "image/svg+xml"],
      [Buffer.from("<html><script>alert(1)</script></html>"), "page.gif", "image/gif"],
    ] as const) {
      const res = await call(upload, uploadOf(bytes, name, type));
      expect(res.status, name).toBe(422);
      expect(res.json.error.message).toContain("PNG、JPEG、GIF 或 WebP");
    }
  });

  it("refuses an image over MEDIA_MAX_BYTES with 413, and a request without a file with 400", async () => {
    enableAdmin();
    process.env.MEDIA_MAX_BYTES = "2048";
    const big = Buffer.concat([png(100, 100), Buffer.alloc(4096)]);
    const res = await call(upload, uploadOf(big, "big.png"));
    expect(res.status).toBe(413);
    expect(res.json.error.message).toContain("2 KB");
    const form = new FormData();
    form.append("other", "x");
    const empty = await call(
      upload,
      new Request("http://localhost:3000/api/admin/media", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: form,
      }),
    );
    expect(empty.status).toBe(400);
  });

  it("needs the owner, and serves nothing for names it would never have made", async () => {
    enableAdmin();
    expect((await call(upload, uploadOf(png(2, 2), "x.png", "image/png", false))).status).toBe(401);
    for (const name of ["../session-secret", "..%2Fsession-secret", "abc.png", "session-secret"]) {
      const res = await serve(makeRequest("GET", `/media/${name}`), { params: Promise.resolve({ name }) });
      expect(res.status, name).toBe(404);
    }
  });
});

describe("images uploaded before they lived in the database", () => {
  it("moves files found in the media folder into the database at start, once, and serves them", async () => {
    const bytes = png(30, 20);
    const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}-30x20.png`;
    mkdirSync(mediaDir(), { recursive: true });
    writeFileSync(path.join(mediaDir(), name), bytes);
    writeFileSync(path.join(mediaDir(), "notes.txt"), "not an image we made");
    expect(await importLegacyMedia()).toBe(1);
    expect(await importLegacyMedia()).toBe(0);
    const got = await serve(makeRequest("GET", `/media/${name}`), { params: Promise.resolve({ name }) });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
