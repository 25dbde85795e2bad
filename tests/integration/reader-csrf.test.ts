import { describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { DELETE as cancelOrder } from "@/app/api/orders/[id]/route";
import { POST as click } from "@/app/api/events/route";
import { POST as demoPay } from "@/app/api/demo/pay/route";
import { db } from "@/lib/db/client";
import { makeArticle, makeQr } from "../support/db";
import { call, cookieFrom, makeRequest, readerRequest } from "../support/http";
import { phoneOnline } from "../support/matching";

type Route = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> | Response;

/** Each state-changing reader route with a valid body for it. */
async function doors(): Promise<[string, Route, string, string, unknown][]> {
  const article = await makeArticle();
  await makeQr("wechat");
  await phoneOnline();
  const order = await call(createOrder, readerRequest("POST", "/api/orders", { body: { slug: article.slug, channel: "wechat" } }));
  expect(order.status).toBe(201);
  return [
    ["POST /api/orders", createOrder as Route, "POST", "/api/orders", { slug: article.slug, channel: "alipay" }],
    ["DELETE /api/orders/{id}", cancelOrder as Route, "DELETE", `/api/orders/${order.json.id}`, undefined],
    ["POST /api/events", click as Route, "POST", "/api/events", { type: "click", slug: article.slug }],
    ["POST /api/demo/pay", demoPay as Route, "POST", "/api/demo/pay", { orderId: order.json.id }],
  ];
}

describe("state-changing reader routes accept JSON from this site only", () => {
  it("refuse cross-site requests, form posts and requests without Origin or Sec-Fetch-Site", async () => {
    const list = await doors();
    const orderId = (await db().order.findFirstOrThrow()).id;
    for (const [name, handler, method, path, body] of list) {
      const params = { id: orderId };
      const attempts: [string, Request, number][] = [
        ["cross-site", readerRequest(method, path, { body, headers: { "sec-fetch-site": "cross-site" } }), 403],
        ["same-site subdomain", readerRequest(method, path, { body, headers: { "sec-fetch-site": "same-site" } }), 403],
        ["foreign Origin", readerRequest(method, path, { body, headers: { origin: "https://evil.example" } }), 403],
        ["Origin null", readerRequest(method, path, { body, headers: { origin: "null" } }), 403],
        ["no Origin", makeRequest(method, path, { body, headers: { "content-type": "application/json" } }), 403],
        [
          "form post",
          makeRequest(method, path, {
            rawBody: "slug=x",
            headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
          }),
          415,
        ],
        ["text/plain", readerRequest(method, path, { body, headers: { "content-type": "text/plain" } }), 415],
      ];
      for (const [what, req, status] of attempts) {
        const res = await call(handler, req, params);
        expect(res.status, `${name} ${what}`).toBe(status);
        expect(res.json.error.message, `${name} ${what}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(await db().order.count()).toBe(1); // none of them created or cancelled anything
    expect((await db().order.findFirstOrThrow()).status).toBe("pending");
    expect(await db().event.count({ where: { type: "click" } })).toBe(0);
  });

  it("accept the same requests from the site's own pages (Sec-Fetch-Site or Origin)", async () => {
    const article = await makeArticle();
    await makeQr("wechat");
    await phoneOnline();
    const viaFetchSite = makeRequest("POST", "/api/orders", {
      body: { slug: article.slug, channel: "wechat" },
      headers: { "sec-fetch-site": "same-origin" },
    });
    const created = await call(createOrder, viaFetchSite);
    expect(created.status).toBe(201);
    const cancel = readerRequest("DELETE", `/api/orders/${created.json.id}`, { cookie: cookieFrom(created) });
    expect((await call(cancelOrder, cancel, { id: created.json.id })).json.status).toBe("cancelled");
    const clicked = await call(click, readerRequest("POST", "/api/events", { body: { type: "click", slug: article.slug } }));
    expect(clicked.status).toBe(200);
  });
});
