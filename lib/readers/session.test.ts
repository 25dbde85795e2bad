import { describe, expect, it } from "vitest";
import { newReaderId, restoreToken, signReaderId, verifyReaderCookie, verifyRestoreToken } from "./session";

const secret = "unit-test-secret-0123456789";

describe("reader cookie signing", () => {
  it("round-trips a reader id through the signed cookie value", () => {
    const id = newReaderId();
    expect(verifyReaderCookie(signReaderId(id, secret), secret)).toBe(id);
  });

  it("rejects a cookie whose reader id was edited", () => {
    const value = signReaderId(newReaderId(), secret);
    const [, sig] = value.split(/\.(?=[^.]+$)/);
    expect(verifyReaderCookie(`r.${newReaderId()}.${sig}`, secret)).toBeNull();
  });

  it("rejects a cookie signed with another secret", () => {
    expect(verifyReaderCookie(signReaderId(newReaderId(), "another-secret-0123456789"), secret)).toBeNull();
  });

  it("rejects missing and malformed values", () => {
    expect(verifyReaderCookie(undefined, secret)).toBeNull();
    expect(verifyReaderCookie("", secret)).toBeNull();
    expect(verifyReaderCookie("garbage", secret)).toBeNull();
  });

  it("does not accept a restore token as a cookie or a cookie as a restore token", () => {
    const id = newReaderId();
    const token = restoreToken(id, secret);
    expect(verifyRestoreToken(token, secret)).toBe(id);
    expect(verifyReaderCookie(token, secret)).toBeNull();
    expect(verifyRestoreToken(signReaderId(id, secret), secret)).toBeNull();
  });
});
