import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretProblem } from "./secret-strength";

describe("secretProblem (minimum strength of notifier secrets)", () => {
  it.each([
    ["smsforwarder", "123456", "至少需要 20"],
    ["smsforwarder", "this is secret", "空格"],
    ["smsforwarder", "paywall-secret-2024!", "太容易猜到"],
    ["vmq", "12345678901234567890", "太容易猜到"],
    ["vmq", "abcdefghijklmnopqrstuvwxyz", "太容易猜到"],
    ["vmq", "Passw0rd!Passw0rd!Passw0rd!", "太容易猜到"],
    ["vmq", `a/${randomBytes(16).toString("hex")}`, "不能包含 /"],
    ["native", "whsec_abc", "至少需要 16 字节"],
    ["native", "whsec_not-base64-at-all!", "base64"],
    ["native", `whsec_${Buffer.from("a".repeat(24)).toString("base64")}`, "太容易猜到"],
  ] as const)("refuses %s secret %j (%s)", (protocol, secret, why) => {
    expect(secretProblem(protocol, secret)).toContain(why);
  });

  it("accepts what the admin generates, for every protocol", () => {
    // The same generators as lib/devices/admin.ts.
    for (let i = 0; i < 5; i++) {
      expect(secretProblem("native", `whsec_${randomBytes(24).toString("base64")}`)).toBeNull();
      expect(secretProblem("smsforwarder", randomBytes(24).toString("base64url"))).toBeNull();
      expect(secretProblem("vmq", randomBytes(16).toString("hex"))).toBeNull();
    }
  });

  it("accepts the keys the docs tell owners to make (openssl rand -hex 24) and the Standard Webhooks test secret", () => {
    expect(secretProblem("vmq", randomBytes(24).toString("hex"))).toBeNull();
    expect(secretProblem("smsforwarder", randomBytes(24).toString("hex"))).toBeNull();
    expect(secretProblem("native", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBeNull();
  });
});
