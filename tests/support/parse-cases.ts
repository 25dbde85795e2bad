import { describe, expect, it } from "vitest";
import { parseNotification, type NotificationText, type ParseResult } from "@/lib/notify/parse";

/** The notifying apps' package names, as Android reports them. */
export const MM = "com.tencent.mm";
export const WEWORK = "com.tencent.wework";
export const ALIPAY = "com.eg.android.AlipayGphone";

export const wechat = (amountCents: number): ParseResult => ({ channel: "wechat", amountCents });
export const alipay = (amountCents: number): ParseResult => ({ channel: "alipay", amountCents });
export const ignored = (reason: string): ParseResult => ({ ignored: reason });

/** One row of the parser's table tests (lib/notify/parse*.test.ts): a name that states the behaviour, the notification, the result. */
export type ParseCase = [name: string, input: NotificationText, expected: ParseResult];

/** Runs a table of notifications through parseNotification, one test a row. */
export function parsesAsListed(title: string, cases: ParseCase[]): void {
  describe(title, () => {
    it.each(cases)("%s", (_name, input, expected) => {
      expect(parseNotification(input)).toEqual(expected);
    });
  });
}
