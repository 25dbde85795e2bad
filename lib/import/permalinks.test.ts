import { describe, expect, it } from "vitest";
import { oldAddresses } from "./permalinks";

const post = (aliases: unknown) => ({
  flavour: "hugo" as const,
  config: { permalink: null, sections: {} },
  data: { aliases },
  date: null,
  fileSlug: "first-week",
  slug: "first-week",
  categories: [],
  permalink: "",
});

describe("oldAddresses", () => {
  it("reads Hugo aliases written as a list or as one comma-separated string", () => {
    const fromList = oldAddresses("content/posts/first-week.md", post(["/old/a.html", "/old/b.html"]));
    const fromText = oldAddresses("content/posts/first-week.md", post("/old/a.html, /old/b.html"));
    expect(fromText).toEqual(fromList);
    expect(fromText).toEqual(expect.arrayContaining(["/old/a.html", "/old/b.html"]));
  });
});
