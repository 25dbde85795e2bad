/**
 * npm run marks:survival — which candidate carriers survive which channel, measured in Debian's
 * Chromium (docs/marks.md has the table and the choice made from it). For each candidate a
 * paragraph of Chinese text carries it many times; the script checks that the page looks the
 * same (screenshots at several widths, so line wrapping is covered), that the accessibility tree
 * reads the same once default-ignorable characters are set aside, and counts the carriers left
 * after: selecting the text, copying it to the clipboard, innerText, NFKC, collapsing
 * whitespace, stripping format characters (Cf), stripping every default-ignorable character.
 */
import http from "node:http";
import { chromium } from "playwright-core";

if (process.argv.includes("--help")) {
  console.log("Usage: npm run marks:survival [-- --port 4790]   (needs /usr/bin/chromium and a CJK font, e.g. fonts-noto-cjk)");
  process.exit(0);
}
const port = Number(process.argv[process.argv.indexOf("--port") + 1]) || 4790;
const para =
  "付费阅读让写作者可以直接从读者那里获得收入——不需要广告，也不需要平台抽成。很多博主担心内容被转载到群聊，于是加上禁止复制的脚本，结果只是让诚实的读者感到不便……我们让读者自由复制，张三·李四都一样，使用 Next 构建，每一份拷贝都能追溯到它的购买记录～";
const HAN = /\p{Script=Han}/u;
/** Between two Han characters, every other slot: `x` (a string, or one per slot from a list). */
const between = (xs: string[]) => {
  const cs = [...para];
  let out = "";
  let n = 0;
  cs.forEach((c, i) => {
    out += c;
    if (HAN.test(c) && HAN.test(cs[i + 1] ?? "") && n++ % 2 === 0) out += xs[n % xs.length];
  });
  return out;
};
const CANDIDATES: Record<string, { text: string; marker: RegExp }> = {
  "U+200B ZWSP + U+200C ZWNJ (used)": { text: between(["\u200B", "\u200C"]), marker: /[\u200B\u200C]/g },
  "U+FE04–FE07 VS5–VS8 (used)": { text: between(["\uFE04", "\uFE05", "\uFE06", "\uFE07"]), marker: /[\uFE04-\uFE07]/g },
  "U+200D ZWJ": { text: between(["\u200D"]), marker: /\u200D/g },
  "U+2060 WORD JOINER": { text: between(["\u2060"]), marker: /\u2060/g },
  "U+2063 INVISIBLE SEPARATOR": { text: between(["\u2063"]), marker: /\u2063/g },
  "U+00A0 NBSP for a space": { text: para.replace(" Next ", "\u00A0Next\u00A0"), marker: /\u00A0/g },
  "U+2015 for U+2014 (dash)": { text: para.replace("——", "\u2015\u2015"), marker: /\u2015/g },
  "U+30FB for U+00B7 (middle dot)": { text: para.replace("·", "\u30FB"), marker: /\u30FB/g },
  "U+22EF for U+2026 (ellipsis)": { text: para.replace("……", "\u22EF\u22EF"), marker: /\u22EF/g },
  "U+301C for U+FF5E (wave dash)": { text: para.replace("～", "\u301C"), marker: /\u301C/g },
  "half-width , for ，": { text: para.replace("，", ","), marker: /,/g },
};
let html = "";
const server = http.createServer((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html)).listen(port);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], viewport: { width: 600, height: 900 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const show = async (text: string, width: number) => {
  html = `<!doctype html><html lang="zh-CN"><body><div id="t" style="width:${width}px;font-size:17px;line-height:1.8"><p>${esc(text)}</p></div></body></html>`;
  await page.goto(`http://localhost:${port}/`);
};
const ax = async () => {
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { name?: { value: string } }[] };
  return nodes.map((n) => (n.name?.value ?? "").replace(/\p{Default_Ignorable_Code_Point}/gu, "")).join("|");
};
const rows: string[] = [];
const WIDTHS = [200, 267, 347];
const base: { shots: Buffer[]; ax: string } = { shots: [], ax: "" };
for (const w of WIDTHS) {
  await show(para, w);
  base.shots.push(await page.locator("#t").screenshot());
}
base.ax = await ax();
for (const [name, { text, marker }] of Object.entries(CANDIDATES)) {
  const shots: boolean[] = [];
  for (const [i, w] of WIDTHS.entries()) {
    await show(text, w);
    shots.push(Buffer.compare(await page.locator("#t").screenshot(), base.shots[i]) === 0);
  }
  const reads = (await ax()) === base.ax;
  const selection = await page.evaluate(() => {
    const r = document.createRange();
    r.selectNodeContents(document.getElementById("t")!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    return getSelection()!.toString();
  });
  await page.evaluate(() => document.execCommand("copy"));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const inner = await page.evaluate(() => document.getElementById("t")!.innerText);
  const n = (s: string) => (s.match(marker) ?? []).length;
  const cells = [
    shots.every(Boolean) ? "same" : "DIFFERS",
    reads ? "same" : "DIFFERS",
    ...[
      selection,
      clip,
      inner,
      clip.normalize("NFKC"),
      clip.replace(/\s+/g, " "),
      clip.replace(/\p{Cf}/gu, ""),
      clip.replace(/\p{Default_Ignorable_Code_Point}/gu, ""),
    ].map((s) => `${n(s)}/${n(text)}`),
  ];
  rows.push(`| ${name} | ${cells.join(" | ")} |`);
}
console.log(
  "| candidate | looks | screen reader | selection | clipboard | innerText | NFKC | spaces collapsed | Cf stripped | invisibles stripped |",
);
console.log("| --- | --- | --- | --: | --: | --: | --: | --: | --: | --: |");
console.log(rows.join("\n"));
await browser.close();
server.close();
