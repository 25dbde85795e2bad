import { describe, expect, it } from "vitest";
import { parseNotification, type NotificationText, type ParseResult } from "./parse";
import wechat from "../../tests/fixtures/parse-cases/wechat.json";
import alipay from "../../tests/fixtures/parse-cases/alipay.json";
import guards from "../../tests/fixtures/parse-cases/guards.json";

/** One row of the tables (tests/fixtures/parse-cases/README.md): a name that states the behaviour, the notification, the result. */
type ParseCase = { name: string; input: NotificationText; expected: ParseResult };

const TABLES: [title: string, cases: ParseCase[]][] = [
  ["parseNotification: WeChat", wechat as ParseCase[]],
  ["parseNotification: Alipay", alipay as ParseCase[]],
  ["parseNotification: package and channel guards", guards as ParseCase[]],
];

for (const [title, cases] of TABLES) {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, { input, expected }) => {
      expect(parseNotification(input)).toEqual(expected);
    });
  });
}
