// How strong a notifier secret must be. The one home of the rule, used where secrets come in
// (environment variables, checked by lib/config.ts at start) and where the admin makes or takes
// them (lib/devices/admin.ts).
//
// Why a strength rule at all: SmsForwarder's sign is HMAC(secret, timestamp + "\n" + secret) and
// V免签's is md5(type + price + t + key). One captured request is enough to guess the secret
// offline at GPU speed (billions of MD5s a second), after which anyone can forge payments. A
// random 20+ character key is out of reach; "123456", a word or a keyboard walk falls in seconds.
// zxcvbn-ts estimates guesses the way crackers work (common passwords, words, sequences,
// repeats, dates); for random text it counts roughly 10 guesses per character, an underestimate
// that keeps the rule simple to state: at least 20 characters that are not a pattern.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { Protocol } from "./protocols";

export const MIN_SECRET_LENGTH = 20;
/** log10 of the guesses zxcvbn estimates; 18 ≈ 2^60 by its (conservative) count. */
export const MIN_GUESSES_LOG10 = 18;
/** Standard Webhooks keys: at least 128 bits of key material. */
const MIN_NATIVE_KEY_BYTES = 16;

export const SECRET_ADVICE = "用 `openssl rand -hex 24` 生成一个新的，或在管理后台「通知设备」里让系统生成";

let estimator: ZxcvbnFactory | undefined;
const verdicts = new Map<string, string | null>();

/** Why `secret` is not acceptable for `protocol`, in Chinese for the owner, or null when it is fine. */
export function secretProblem(protocol: Protocol, secret: string): string | null {
  const key = `${protocol}\u0000${secret}`;
  if (!verdicts.has(key)) {
    if (verdicts.size > 1000) verdicts.clear();
    verdicts.set(key, judge(protocol, secret));
  }
  return verdicts.get(key)!;
}

function judge(protocol: Protocol, secret: string): string | null {
  if (secret !== secret.trim() || /\s/.test(secret)) return "不能包含空格或换行";
  let material = secret;
  if (protocol === "native") {
    // Standard Webhooks: "whsec_" + base64 of random bytes (the prefix is optional for the library).
    material = secret.replace(/^whsec_/, "");
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(material) ? Buffer.from(material, "base64") : null;
    if (!bytes || bytes.toString("base64").replace(/=+$/, "") !== material.replace(/=+$/, "")) {
      return "格式应为 whsec_ 加 base64 编码的随机字节";
    }
    if (bytes.length < MIN_NATIVE_KEY_BYTES) return `密钥只有 ${bytes.length} 字节，至少需要 ${MIN_NATIVE_KEY_BYTES} 字节`;
  }
  // The monitor app is configured with "host/key" and splits on "/".
  if (protocol === "vmq" && material.includes("/")) return "不能包含 /（V免签 App 用 “地址/密钥” 的格式读取配置）";
  if (material.length < MIN_SECRET_LENGTH) return `只有 ${material.length} 个字符，至少需要 ${MIN_SECRET_LENGTH} 个`;
  const guesses = (estimator ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary })).check(material.slice(0, 100)).guessesLog10;
  if (guesses < MIN_GUESSES_LOG10) return "太容易猜到（常见密码、单词、键盘序列、重复或连续字符）";
  return null;
}
