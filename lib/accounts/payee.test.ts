import { describe, expect, it } from "vitest";
import { maskPayee } from "./payee";

describe("the payee name on a receipt", () => {
  it("masks all but the last character, as wallets show real names", () => {
    expect(maskPayee("张小明")).toBe("**明");
    expect(maskPayee("*小明")).toBe("**明");
    expect(maskPayee(" 明 ")).toBe("明");
    expect(maskPayee("小明的博客工作室")).toBe("****室");
  });
  it("shows nothing when the owner set no name", () => {
    expect(maskPayee(null)).toBeNull();
    expect(maskPayee("  ")).toBeNull();
  });
});
