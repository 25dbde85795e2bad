import { describe, expect, it } from "vitest";
import { isWeChatBrowser, preferredChannels } from "./device";

const WECHAT_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; PJZ110 Build/UKQ1.230924.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
const WECHAT_IOS =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN";
const IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
const DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

describe("which payment channel comes first", () => {
  it("recognises WeChat's in-app browser on Android and iOS", () => {
    expect(isWeChatBrowser(WECHAT_ANDROID)).toBe(true);
    expect(isWeChatBrowser(WECHAT_IOS)).toBe(true);
    expect(isWeChatBrowser(IPHONE_SAFARI)).toBe(false);
  });

  it("puts WeChat first inside WeChat, whatever the owner chose", () => {
    for (const order of ["auto", "alipay", "wechat"] as const) {
      expect(preferredChannels(order, WECHAT_ANDROID)[0]).toBe("wechat");
      expect(preferredChannels(order, WECHAT_IOS)[0]).toBe("wechat");
    }
  });

  it("on auto puts Alipay first in a phone browser and WeChat first on a computer", () => {
    expect(preferredChannels("auto", IPHONE_SAFARI)).toEqual(["alipay", "wechat"]);
    expect(preferredChannels("auto", DESKTOP)).toEqual(["wechat", "alipay"]);
  });

  it("follows the owner's choice outside WeChat", () => {
    expect(preferredChannels("alipay", DESKTOP)).toEqual(["alipay", "wechat"]);
    expect(preferredChannels("wechat", IPHONE_SAFARI)).toEqual(["wechat", "alipay"]);
  });
});
