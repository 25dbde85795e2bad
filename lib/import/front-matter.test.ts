import { describe, expect, it } from "vitest";
import { readFrontMatter } from "@/lib/import/front-matter";
import { parseBlogDate } from "@/lib/import/dates";
import { toSlug, cleanTags, uniqueSlugs } from "@/lib/import/slug";
import { isAppError } from "@/lib/errors";

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return { status: e.status, message: e.message, details: e.details };
    throw e;
  }
  throw new Error("did not throw");
}

describe("front matter", () => {
  it("reads YAML between --- lines and keeps dates as text", () => {
    const fm = readFrontMatter("a.md", "---\ntitle: 你好\ndate: 2024-05-01 10:00:00\ntags: [a, b]\nprice: 2.5\n---\n正文");
    expect(fm.data).toEqual({ title: "你好", date: "2024-05-01 10:00:00", tags: ["a", "b"], price: 2.5 });
    expect(fm.body).toBe("正文");
  });

  it("reads Hugo's TOML between +++ lines", () => {
    const fm = readFrontMatter("b.md", "+++\ntitle = 'x'\ndraft = true\ndate = 2024-04-07T22:00:00+09:00\n+++\nbody");
    expect(fm.data.title).toBe("x");
    expect(fm.data.draft).toBe(true);
    expect(parseBlogDate(fm.data.date)?.toISOString()).toBe("2024-04-07T13:00:00.000Z");
  });

  it("reads Hexo's front matter that has only the closing ---", () => {
    expect(readFrontMatter("c.md", "title: old hexo\ndate: 2015-01-01\n---\ntext").data.title).toBe("old hexo");
  });

  it("names the file and the line of a YAML error", () => {
    const e = errorOf(() => readFrontMatter("source/_posts/a.md", "---\ntitle: ok\nbad: : :\n---\n"));
    expect(e.status).toBe(422);
    expect(e.message).toMatch(/^source\/_posts\/a\.md 第 3 行：YAML 格式错误/);
    expect(e.details).toEqual({ entry: "source/_posts/a.md", line: 3 });
  });

  it("names the file and the line of a TOML error, and a block that is never closed", () => {
    expect(errorOf(() => readFrontMatter("content/x.md", "+++\ntitle = 'x'\ndate = \n+++\n")).message).toMatch(
      /content\/x\.md 第 3 行：TOML/,
    );
    expect(errorOf(() => readFrontMatter("y.md", "---\ntitle: x\nno end")).message).toMatch(/y\.md 第 1 行/);
  });

  it("leaves a file without front matter as body", () => {
    expect(readFrontMatter("n.md", "# 标题\n\n正文")).toEqual({ data: {}, body: "# 标题\n\n正文" });
  });
});

describe("dates, slugs and tags from other blogs", () => {
  it("reads a date without a zone as China time and keeps a zone when given", () => {
    expect(parseBlogDate("2024-05-01 10:00:00")?.toISOString()).toBe("2024-05-01T02:00:00.000Z");
    expect(parseBlogDate("2024-05-01")?.toISOString()).toBe("2024-04-30T16:00:00.000Z");
    expect(parseBlogDate("2023-08-15 14:02:13 +0800")?.toISOString()).toBe("2023-08-15T06:02:13.000Z");
    expect(parseBlogDate("2024-05-01T10:00:00Z")?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(parseBlogDate("not a date")).toBeNull();
  });

  it("makes ASCII slugs, a stable one for a name with no ASCII, and unique ones within an import", () => {
    expect(toSlug("Hello World!", "k")).toBe("hello-world");
    expect(toSlug("%E4%BD%A0%E5%A5%BD-nas", "k")).toBe("nas");
    expect(toSlug("读书笔记", "k")).toBe(toSlug("读书笔记", "k"));
    expect(toSlug("读书笔记", "k")).toMatch(/^post-[a-f0-9]{8}$/);
    expect(toSlug("2024", "k")).toBe("post-2024");
    expect(uniqueSlugs([{ slug: "a" }, { slug: "a" }, { slug: "a" }]).map((p) => p.slug)).toEqual(["a", "a-2", "a-3"]);
  });

  it("keeps at most five clean tags from tags and categories", () => {
    expect(cleanTags(["a/b", ["c", ["d"]], "a/b", "e", "f", "g"])).toEqual({ tags: ["a b", "c", "d", "e", "f"], dropped: ["g"] });
  });
});
