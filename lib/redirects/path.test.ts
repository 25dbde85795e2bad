import { describe, expect, it } from "vitest";
import { normalizePath, requestKeys, reservedPath } from "@/lib/redirects/path";

describe("old addresses", () => {
  it.each([
    ["/2024/05/my-post/", "/2024/05/my-post"],
    ["https://old.example.cn/archives/123", "/archives/123"],
    ["/p/slug.html", "/p/slug.html"],
    ["/%E8%AF%BB%E4%B9%A6/", "/读书"],
    ["archives/5", "/archives/5"],
    ["/?p=123", "/?p=123"],
    ["https://old.example.cn/?p=123&utm_source=x", "/?p=123"],
    ["/index.php?p=9", "/?p=9"],
  ])("writes %s as %s", (input, want) => expect(normalizePath(input)).toBe(want));

  it("has no address for the bare home page, a query that names no post, or a path that climbs", () => {
    expect(normalizePath("/")).toBeNull();
    expect(normalizePath("/?page=2")).toBeNull();
    expect(normalizePath("/a/../b")).toBeNull();
  });

  it("matches a request by its exact query first, then by its path", () => {
    expect(requestKeys("/?p=1")).toEqual(["/?p=1"]);
    expect(requestKeys("/?page=2")).toEqual([]);
    expect(requestKeys("/2024/05/x/?utm=1")).toEqual(["/2024/05/x"]);
  });

  it("never lets a redirect take the site's own addresses", () => {
    for (const p of ["/", "/api/orders", "/admin", "/media/x.png", "/preview/t", "/feed/private/x"]) expect(reservedPath(p)).toBe(true);
    for (const p of ["/archives/1", "/?p=1", "/feed", "/posts/old-slug"]) expect(reservedPath(p)).toBe(false);
  });
});
