/**
 * Every route handler under app/ (found on disk, so a new route is covered the
 * day it is added) gets a few hundred malformed requests: wrong types, huge
 * bodies, broken encodings, path tricks and prototype-pollution keys, with and
 * without credentials. None may answer 5xx or leak a stack trace.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seedIfEmpty } from "@/lib/demo/seed";
import { call, peerHeaders } from "../support/http";
import { ADMIN_TOKEN, enableAdmin } from "../support/admin";
import { SMSF_SECRET, TEST_SECRET, VMQ_KEY } from "../support/notify";

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = path.join(root, "app")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/orders/[id]/route.ts → { pattern: "/api/orders/[id]", params: ["id"] } (route groups dropped). */
function urlPattern(file: string) {
  const segments = path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return { pattern: `/${segments.join("/")}`, params: segments.filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1)) };
}

const PARAM_VALUES = [
  "..%2F..%2Fetc%2Fpasswd",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "a".repeat(5000),
  "__proto__",
  "constructor",
  "😀",
  "%E0%A4",
  " ",
  "-1",
];

const POLLUTION = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"slug":"tea-and-time","channel":"wechat","__proto__":{"channel":"alipay","polluted":"yes"}}',
  '{"a":{"__proto__":{"polluted":"yes"}},"token":{"__proto__":null}}',
];

/** Plausible field names across routes, each given the wrong kind of value. */
const FIELDS = [
  "slug",
  "channel",
  "orderId",
  "token",
  "type",
  "password",
  "name",
  "protocol",
  "enabled",
  "markdown",
  "priceCents",
  "title",
  "published",
  "note",
  "force",
  "link",
  "label",
  "amountCents",
  "deviceid",
  "content",
  "money",
  "time",
];
const WRONG_VALUES: unknown[] = [
  123,
  -1,
  1e308,
  true,
  null,
  [],
  {},
  ["x"],
  { $gt: "" },
  "x".repeat(70_000),
  "\ud800",
  "a\u0000b",
  "<script>",
  '1; DROP TABLE "Order"',
];

interface Variant {
  what: string;
  body?: string | Uint8Array;
  contentType?: string;
  query?: string;
}

function bodyVariants(): Variant[] {
  const wrongTypes = WRONG_VALUES.map((v, i) => ({
    what: `fields = ${JSON.stringify(v)?.slice(0, 20)}`,
    body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, WRONG_VALUES[(i + f.length) % WRONG_VALUES.length]]))),
  }));
  return [
    { what: "no body" },
    { what: "empty JSON", body: "" },
    { what: "broken JSON", body: '{"slug": "x",' },
    { what: "JSON array", body: "[1,2,3]" },
    { what: "JSON string", body: '"just a string"' },
    { what: "JSON null", body: "null" },
    { what: "deep nesting", body: "[".repeat(5000) + "]".repeat(5000) },
    ...wrongTypes,
    ...POLLUTION.map((body, i) => ({ what: `prototype pollution ${i}`, body })),
    { what: "2 MB body", body: JSON.stringify({ slug: "x".repeat(2 * 1024 * 1024) }) },
    { what: "invalid UTF-8", body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) },
    { what: "UTF-16 with BOM", body: new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) },
    { what: "NUL bytes", body: '{"slug":"a\u0000b","token":"\u0000"}' },
    { what: "form-encoded", body: "slug=%ZZ&channel=wechat&__proto__[polluted]=yes", contentType: "application/x-www-form-urlencoded" },
    { what: "text/plain", body: '{"slug":"tea-and-time"}', contentType: "text/plain" },
    { what: "multipart without boundary", body: "--x\r\n\r\n", contentType: "multipart/form-data" },
    {
      what: "multipart with a NUL in a field",
      body: '--b\r\nContent-Disposition: form-data; name="label"\r\n\r\na\u0000b\r\n--b--\r\n',
      contentType: "multipart/form-data; boundary=b",
    },
    {
      what: "multipart with a broken part",
      body: '--b\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\n\r\nnot an image\r\n--b',
      contentType: "multipart/form-data; boundary=b",
    },
    { what: "bad query", query: "?limit=-1&limit=abc&status[]=x&before=not-a-date&%E0=1&x=%ZZ&t=0001&sign=%00" },
    { what: "huge query", query: `?pad=${"x".repeat(12_000)}` },
    { what: "pollution in query", query: "?__proto__[polluted]=yes&constructor[prototype][polluted]=yes" },
  ];
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

const CREDENTIALS: Record<string, Record<string, string>> = {
  anonymous: {},
  "admin token, same origin": { authorization: `Bearer ${ADMIN_TOKEN}`, "sec-fetch-site": "same-origin", origin: "http://localhost:3000" },
  "garbage cookies": { cookie: "pw_reader=%E0%%; pw_admin=s%3Agarbage.sig; __proto__=x", "sec-fetch-site": "same-origin" },
};

function request(method: string, url: string, v: Variant, headers: Record<string, string>): Request {
  const hasBody = v.body !== undefined && method !== "GET";
  return new Request(`http://localhost:3000${url}${v.query ?? ""}`, {
    method,
    headers: { ...peerHeaders(), ...headers, ...(hasBody ? { "content-type": v.contentType ?? "application/json" } : {}) },
    body: hasBody ? (v.body as BodyInit) : undefined,
  });
}

describe("every route survives malformed requests", () => {
  it("never answers 5xx or leaks a stack trace, whatever the request", async () => {
    enableAdmin();
    process.env.NOTIFY_SECRET = TEST_SECRET;
    process.env.SMSFORWARDER_SECRET = SMSF_SECRET;
    process.env.VMQ_KEY = VMQ_KEY;
    process.env.ORDER_RATE_PER_IP = "100000";
    process.env.ORDER_RATE_PER_READER = "100000";
    await seedIfEmpty();

    // A promise a handler forgot (e.g. params it never awaited) would crash a real server.
    const unhandled: string[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(String((e as Error)?.message ?? e));
    process.on("unhandledRejection", onUnhandled);

    const files = routeFiles();
    expect(files.length).toBeGreaterThan(20);
    const variants = bodyVariants();
    const failures: string[] = [];
    let sent = 0;
    const exercised = new Set<string>();
    for (const file of files) {
      const mod = (await import(file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const { pattern, params } = urlPattern(file);
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        exercised.add(`${method} ${pattern}`);
        const paramSets = params.length ? PARAM_VALUES.map((v) => Object.fromEntries(params.map((p) => [p, v]))) : [{}];
        const cases: [Record<string, string>, Variant, string][] = [];
        // Every body variant with each kind of credentials, on one set of path params…
        for (const who of Object.keys(CREDENTIALS)) for (const v of variants) cases.push([paramSets[0], v, who]);
        // …and every path trick with a valid-looking body.
        for (const p of paramSets.slice(1))
          cases.push([p, { what: "path trick", body: '{"slug":"tea-and-time","channel":"wechat"}' }, "admin token, same origin"]);
        for (const [p, v, who] of cases) {
          const url = pattern.replace(/\[(.+?)\]/g, (_, name: string) => encodeURIComponent(p[name]));
          let res: { status: number; text: string };
          try {
            res = await call(handler, request(method, url, v, CREDENTIALS[who]), p);
          } catch (e) {
            failures.push(`${method} ${url.slice(0, 80)} (${v.what}, ${who}) threw ${(e as Error).message}`);
            continue;
          }
          sent++;
          if (res.status >= 500 && res.status !== 503)
            failures.push(`${method} ${url.slice(0, 80)} (${v.what}, ${who}) → ${res.status} ${res.text.slice(0, 120)}`);
          if (/\bat .+\.(ts|js):\d+|node_modules|Prisma|PrismaClient|SQLITE_|TypeError:/.test(res.text)) {
            failures.push(`${method} ${url.slice(0, 80)} (${v.what}, ${who}) leaked internals: ${res.text.slice(0, 160)}`);
          }
        }
      }
    }
    await new Promise((r) => setTimeout(r, 100));
    process.off("unhandledRejection", onUnhandled);
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(exercised.size).toBeGreaterThan(30);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    console.log(`[fuzz] ${sent} malformed requests to ${exercised.size} handlers in ${files.length} route files: no 5xx`);
  }, 600_000);
});
