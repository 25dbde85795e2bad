import path from "node:path";
import { z } from "zod";
import type { Protocol } from "./protocols";
import { SECRET_ADVICE, secretProblem } from "./secret-strength";

/**
 * All configuration comes from environment variables with safe defaults.
 * Read lazily (not at import) so tests can change process.env between cases.
 */
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const schema = z.object({
  DATABASE_URL: z.string().default("file:./data/paywall.db"),
  /**
   * SQLite durability (WAL mode): FULL fsyncs every commit, so an acknowledged payment
   * survives power loss; NORMAL survives a crashed process only, and writes faster.
   */
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  ORDER_TTL_SECONDS: int(120, 10),
  LATE_GRACE_SECONDS: int(600, 0),
  /**
   * A paid order keeps its amount slot this long, so a second notification of
   * the same receipt (WeChat's stacked "[2条]" summary, a ROM posting twice)
   * cannot settle a new order that took the amount. Echoes come in the same
   * burst as the first notice; re-deliveries are caught by their identity keys
   * however late (docs/matching.md §4), so the window is short. 0 = release at once.
   */
  ECHO_WINDOW_SECONDS: int(15, 0),
  NOTIFIER_OFFLINE_AFTER_SECONDS: int(90, 5),
  /**
   * A standby (备用) phone's report of a payment waits this long for the primary phone's report of the same
   * payment before it settles the order itself (lib/payments/standby-rules.ts). Both phones get the wallet's
   * push within seconds; a primary that has not reported by then is taken as silent.
   */
  STANDBY_WAIT_SECONDS: int(20, 1),
  /**
   * The price band (docs/design.md §3): a reader never pays less than (100 − discount)%
   * of the list price, nor more than (100 + markup)% (markup only with direction up/both).
   * A full band answers "busy", never a cheaper price, so slot exhaustion cannot buy cheap.
   */
  AMOUNT_MAX_DISCOUNT_PERCENT: z.coerce.number().int().min(0).max(50).default(10),
  AMOUNT_MAX_MARKUP_PERCENT: z.coerce.number().int().min(0).max(50).default(10),
  /** At most this many 1-cent steps from the list price, whatever the band allows (bounds the work per order). */
  AMOUNT_STEPS: int(99, 0),
  /** "down" (never more than the list price), "up", or "both" (alternating). */
  AMOUNT_DIRECTION: z.enum(["down", "up", "both"]).default("down"),
  /** Lowest amount ever asked for, in cents (the band usually stops well above it). */
  AMOUNT_FLOOR_CENTS: int(1, 1),
  NOTIFY_SECRET: z.string().optional(),
  /** SmsForwarder webhook secret: bootstraps a device with protocol "smsforwarder". */
  SMSFORWARDER_SECRET: z.string().optional(),
  /**
   * SmsForwarder signs only its timestamp, never the body, so a captured timestamp+sign can be
   * reused with another body until it ages out. 120 s still covers the app's own retries
   * (10 s timeout, a few seconds' delay each) and a phone clock that is a minute off.
   */
  SMSFORWARDER_TOLERANCE_SECONDS: int(120, 10),
  /** V免签 monitor app key ("host/key"): bootstraps a device with protocol "vmq". */
  VMQ_KEY: z.string().optional(),
  /** V免签 pushes are plain-HTTP GETs anyone on the path can replay: keep the window short. */
  VMQ_TOLERANCE_SECONDS: int(120, 10),
  SESSION_SECRET: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_TOKEN: z.string().optional(),
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
  /** Order creations per minute per client IP / per reader. */
  ORDER_RATE_PER_IP: int(30, 1),
  ORDER_RATE_PER_READER: int(10, 1),
  /**
   * Amount slots one client address (IPv6: its /64) may hold at once with unpaid
   * orders. A request without a cookie is a new reader, so only this stops one
   * address from taking every slot. Shared addresses (carrier NAT, campus
   * networks) are common in China: keep it well above one household. 0 = off.
   */
  ORDER_MAX_HELD_PER_IP: int(20, 0),
  /** Orders one gateway merchant (易支付 / V免签 client) may open per minute. */
  GATEWAY_RATE_PER_MERCHANT: int(120, 1),
  /**
   * Unsigned gateway reads (getOrder, checkOrder, /pay/{tradeNo}, /api/pay/{tradeNo}) per client address and
   * minute: pay pages poll them every second or two, a shop's server may poll for many buyers at once.
   */
  GATEWAY_READS_PER_IP: int(300, 1),
  /** Open payment-status streams (GET /api/orders/{id}/events) per client address and process; beyond it pages poll. */
  ORDER_STREAMS_PER_IP: int(20, 1),
  /** Where uploaded post images are stored; default: the media folder in the data directory. */
  MEDIA_DIR: z.string().optional(),
  /** Largest image the editor may upload, in bytes. */
  MEDIA_MAX_BYTES: int(5 * 1024 * 1024, 1024),
  /**
   * The owner's floor: a coupon never brings a price (nor the unique amount
   * allocated from it) below this many cents. A list price already below it is
   * not discounted.
   */
  MIN_PRICE_CENTS: int(10, 1),
  /** Tips (赞赏): the smallest and largest custom amount, and the preset buttons. */
  TIP_MIN_CENTS: int(100, 1),
  TIP_MAX_CENTS: int(20000, 1),
  TIP_PRESETS_CENTS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "comma-separated cents, e.g. 200,500,1000")
    .default("200,500,1000"),
  /** Browsers one restore link may unlock (the device that bought is not counted). */
  RESTORE_MAX_DEVICES: int(5, 1),
  /** The private feed guard (lib/feeds/guard.ts): distinct networks (IPv4 /24, IPv6 /48) per hour and per day, and the
   * subscriber count a feed service reports in its User-Agent, at which a private feed URL is replaced; 0 = that rule off. */
  FEED_GUARD_NETWORKS_PER_HOUR: int(8),
  FEED_GUARD_NETWORKS_PER_DAY: int(20),
  FEED_GUARD_SUBSCRIBERS: int(3),
  /** Hide the demo payment button even when no notifier is configured. */
  DISABLE_DEMO: z.enum(["0", "1", "true", "false"]).default("0"),
  /** Where backups are written (npm run backup, the daily backup, 立即备份); default: <DATA_DIR>/backups. */
  BACKUP_DIR: z.string().optional(),
  /** How many backup files to keep in BACKUP_DIR (older ones are deleted after each new backup). */
  BACKUP_KEEP: int(7, 1),
  /** When the running server backs up by itself each day (HH:MM, Beijing time), or "off". */
  BACKUP_TIME: z
    .string()
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|off)$/, "HH:MM（北京时间，如 04:00），或 off 关闭每日自动备份")
    .default("04:00"),
  /** The background worker (alert deliveries, phone watch, pruning) in this server process; 0 = off. */
  RUN_WORKER: z.enum(["0", "1", "true", "false"]).default("1"),
});

/** The env secrets of the notifier protocols: each must be strong (lib/secret-strength.ts). */
const NOTIFIER_SECRETS = { NOTIFY_SECRET: "native", SMSFORWARDER_SECRET: "smsforwarder", VMQ_KEY: "vmq" } as const satisfies Partial<
  Record<keyof z.infer<typeof schema>, Protocol>
>;

const checked = schema.superRefine((c, ctx) => {
  for (const [name, protocol] of Object.entries(NOTIFIER_SECRETS) as [keyof typeof NOTIFIER_SECRETS, Protocol][]) {
    const secret = c[name];
    const problem = secret ? secretProblem(protocol, secret) : null;
    if (problem)
      ctx.addIssue({ code: "custom", path: [name], message: `密钥太弱：${problem}。请${SECRET_ADVICE}，并在手机 App 里同步修改` });
  }
});

export type Config = z.infer<typeof schema>;

const KEYS = Object.keys(schema.shape) as (keyof Config)[];
let cached: { key: string; value: Config } | undefined;

/**
 * The configuration, parsed again only when one of its variables changed
 * (tests change process.env between cases; a server never does).
 */
export function config(): Config {
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = process.env[k];
    if (v !== undefined && v !== "") raw[k] = v;
  }
  const key = JSON.stringify(raw);
  if (cached?.key === key) return cached.value;
  const parsed = checked.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`配置错误 / Invalid configuration:\n${issues.join("\n")}`);
  }
  cached = { key, value: Object.freeze(parsed.data) as Config };
  return cached.value;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * For process entry points (npm start's seed, the HTTP server, Next's instrumentation hook):
 * a bad configuration stops the process with the message alone, before anything is served.
 */
export function exitOnBadConfig(): void {
  try {
    config();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`${e.message}\n服务器未启动。/ The server was not started.`);
    process.exit(1);
  }
}

export const truthy = (v: string) => v === "1" || v === "true";

/** Directory for the SQLite file, the generated session secret and other local state. */
export function dataDir(): string {
  // turbopackIgnore: runtime paths, not files to bundle or trace.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR ?? "data");
}

/** Directory for uploaded images (MEDIA_DIR, else <data dir>/media). */
export function mediaDir(): string {
  const dir = config().MEDIA_DIR;
  return dir ? path.resolve(/* turbopackIgnore: true */ process.cwd(), dir) : path.join(dataDir(), "media");
}

/** Directory for backup files (BACKUP_DIR, else <data dir>/backups). */
export function backupDir(): string {
  const dir = config().BACKUP_DIR;
  return dir ? path.resolve(/* turbopackIgnore: true */ process.cwd(), dir) : path.join(dataDir(), "backups");
}

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url = config().DATABASE_URL): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.slice(0, 20)}…")`);
}

/** Absolute path of the SQLite file named by a file: URL (relative to the working directory). */
export function sqlitePath(url = config().DATABASE_URL): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), url.replace(/^file:/, "").replace(/\?.*$/, ""));
}
