import { describe, expect, it } from "vitest";
import { sign } from "cookie-signature";
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

  it("makes restore tokens that are URL-safe (no / + = or %) for every reader id", () => {
    for (let i = 0; i < 300; i++) {
      const token = restoreToken(newReaderId(), `secret-${i}-0123456789abcdef`);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      expect(encodeURIComponent(token)).toBe(token);
    }
  });

  it("still accepts a restore link made by the older standard-base64 scheme", () => {
    const id = newReaderId();
    const legacy = sign(`restore.${id}`, secret).slice("restore.".length);
    expect(verifyRestoreToken(legacy, secret)).toBe(id);
  });

  it("rejects restore tokens with an edited id, a cut signature or garbage", () => {
    const id = newReaderId();
    const token = restoreToken(id, secret);
    expect(verifyRestoreToken(token.replace(id, newReaderId()), secret)).toBeNull();
    expect(verifyRestoreToken(token.slice(0, -1), secret)).toBeNull();
    expect(verifyRestoreToken(token, "another-secret-0123456789")).toBeNull();
    for (const bad of ["", ".", "%E0", "a.b", `${id}.`, `.${token.split(".")[1]}`]) expect(verifyRestoreToken(bad, secret)).toBeNull();
  });
});
