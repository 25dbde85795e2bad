import { describe, expect, it } from "vitest";
import { GET as privateFeedRoute } from "@/app/feed/private/[token]/route";
import { POST as issueFeed } from "@/app/api/me/feed/route";
import { POST as confirmRestore } from "@/app/api/restore/route";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { guardFeedFetch, networkOf, reportedSubscribers } from "@/lib/feeds/guard";
import { currentFeed, feedOwner } from "@/lib/readers/feed-token";
import { newReaderId, READER_COOKIE, restoreToken, signReaderId } from "@/lib/readers/session";
import { makeArticle } from "../support/db";
import { call, cookieFrom, makeRequest, peerHeaders, readerRequest } from "../support/http";

const same = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
const cookieOf = (readerId: string) => `${READER_COOKIE}=${encodeURIComponent(signReaderId(readerId))}`;

async function readerWithFeed(cookie?: string) {
  const post = await makeArticle({ priceCents: 500, markdown: "开头\n\n<!-- more -->\n\nGATED-TEXT 正文" });
  const readerId = newReaderId();
  await db().entitlement.create({ data: { id: newId(), readerId, articleId: post.id } });
  const res = await call(
    issueFeed,
    makeRequest("POST", "/api/me/feed", { cookie: cookie ?? cookieOf(readerId), headers: same, rawBody: "{}" }),
  );
  return { readerId, token: (res.json.url as string).split("/").pop()! };
}

const fetchFeed = (token: string, ip: string, userAgent = "NetNewsWire (RSS Reader; https://netnewswire.com/)") =>
  call(privateFeedRoute, makeRequest("GET", `/feed/private/${token}`, { headers: { ...peerHeaders(ip), "user-agent": userAgent } }), {
    token,
  });

async function alertFor(event: string) {
  await db().alert.create({
    data: {
      id: newId(),
      kind: "webhook",
      name: "站长",
      config: JSON.stringify({ url: "https://hooks.example.com/x", secret: "s" }),
      events: JSON.stringify([event]),
    },
  });
}

describe("the private feed guards itself", () => {
  it("counts networks, not addresses: IPv4 /24 and IPv6 /48; reads a feed service's subscriber count", () => {
    expect(networkOf("39.144.10.7")).toBe("39.144.10.0/24");
    expect(networkOf("::ffff:39.144.10.200")).toBe("39.144.10.0/24");
    expect(networkOf("2408:8207:1:2:3:4:5:6")).toBe(networkOf("2408:8207:1:ffff::1"));
    expect(networkOf("2408:8207:1:2::1")).not.toBe(networkOf("2408:8207:2:2::1"));
    expect(reportedSubscribers("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 5 subscribers; like FeedFetcher-Google)")).toBe(5);
    expect(reportedSubscribers("Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 1 subscriber; )")).toBe(1);
    expect(reportedSubscribers("NetNewsWire (RSS Reader)")).toBeNull();
  });

  it("leaves one reader's phone, laptop and feed service alone through a whole day", async () => {
    const { readerId, token } = await readerWithFeed();
    const owner = (await feedOwner(token))!;
    const start = new Date("2026-12-01T00:00:00Z").getTime();
    const service = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1 subscribers)";
    let fetches = 0;
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const now = new Date(start + minute * 60_000);
      const hour = minute / 60;
      const at = async (ip: string, ua: string | null = "Reeder/5") => {
        fetches++;
        expect(await guardFeedFetch(token, owner, { ip, userAgent: ua }, now)).toBe("ok");
      };
      // A feed service polling from two fetchers of one network.
      await at(minute % 30 === 0 ? "52.10.20.31" : "52.10.20.87", service);
      if (minute % 30 !== 0) continue;
      // The phone: home Wi-Fi morning and evening, office Wi-Fi by day, 4G on the way (a new carrier network every 2 h).
      const phone =
        hour < 8 || hour >= 19
          ? "114.88.10.23"
          : hour >= 10 && hour < 18
            ? "220.181.7.9"
            : `39.144.${Math.floor(hour / 2)}.${minute % 250}`;
      await at(phone);
      // The laptop at home in the evening (same network as the phone there).
      if (hour >= 20) await at("114.88.10.24", "NetNewsWire");
    }
    expect(fetches).toBeGreaterThan(100);
    expect((await currentFeed({ readerId, via: null }))!.token).toBe(token);
  });

  it("replaces a URL shared in a group: the fetch from one network too many gets 404, the reader sees the new URL, the owner an alert", async () => {
    await alertFor("feed.rotated");
    const { readerId, token } = await readerWithFeed();
    for (let i = 1; i <= 7; i++) expect((await fetchFeed(token, `101.${i}.3.4`)).status).toBe(200);
    const eighth = await fetchFeed(token, "101.8.3.4");
    expect(eighth.status).toBe(404);
    expect(eighth.text).not.toContain("GATED-TEXT");
    const now = (await currentFeed({ readerId, via: null }))!;
    expect(now.token).not.toBe(token);
    expect(now.rotatedBy).toBe("guard");
    expect(now.rotatedAt).not.toBeNull();
    expect((await fetchFeed(now.token, "114.88.10.23")).status).toBe(200);
    expect((await fetchFeed(token, "101.1.3.4")).status).toBe(404);
    const job = await db().job.findFirstOrThrow({ where: { kind: "alert.fanout" } });
    expect(job.ref).toBe("feed.rotated");
    expect(JSON.parse(job.payload).data).toMatchObject({ readerId, reason: "networks_hour", networksLastHour: 8, restoredBrowser: false });
  });

  it("replaces a URL a feed service says many people subscribe to, and a restored browser's URL without touching the buyer's", async () => {
    const { readerId, token } = await readerWithFeed();
    const restored = cookieFrom(
      await call(confirmRestore, readerRequest("POST", "/api/restore", { body: { token: restoreToken(readerId) } })),
    );
    const device = (
      (await call(issueFeed, makeRequest("POST", "/api/me/feed", { cookie: restored, headers: same, rawBody: "{}" }))).json.url as string
    )
      .split("/")
      .pop()!;
    const crowd = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 37 subscribers)";
    expect((await fetchFeed(device, "52.10.20.31", crowd)).status).toBe(404);
    expect((await db().deviceFeed.findFirstOrThrow({ where: { readerId } })).rotatedBy).toBe("guard");
    expect((await fetchFeed(token, "52.10.20.31")).status).toBe(200);
    expect((await currentFeed({ readerId, via: null }))!.token).toBe(token);
  });
});
