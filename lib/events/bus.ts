import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { config, databaseKind } from "@/lib/config";

/**
 * "This order is paid", delivered to whoever in this process waits for it (a
 * reader's event stream). On SQLite there is one server process, so an
 * in-process emitter is the whole bus. On PostgreSQL several instances share the
 * database: publishing is a NOTIFY, and each process keeps one LISTEN connection
 * that re-emits what it hears locally, so a reader connected to another
 * instance is told too. Delivery is best effort by design: a lost event costs
 * a reader the next poll, never money (the order row is the truth).
 */
export const ORDER_PAID_CHANNEL = "order_paid";
/**
 * "The owner changed something pages show" (a post, a series, a pass, the
 * settings): each process drops its cached pages (lib/admin/content.ts). Same
 * LISTEN connection; while it is down, a process forgets everything when it
 * reconnects, and its caches' own lifetimes (10 s) bound what it shows meanwhile.
 */
export const CONTENT_CHANNEL = "site_content";

interface BusState {
  emitter: EventEmitter;
  /** Content-change followers, apart from the order ids the emitter's event names are. */
  content: EventEmitter;
  listener: Promise<pg.Client | null> | null;
  url: string | null;
}

const g = globalThis as unknown as { __paywallBus?: BusState };

function state(): BusState {
  if (!g.__paywallBus) {
    const emitter = new EventEmitter();
    // One listener per open stream: the per-address bound in the route keeps this finite.
    emitter.setMaxListeners(0);
    g.__paywallBus = { emitter, content: new EventEmitter(), listener: null, url: null };
  }
  return g.__paywallBus;
}

/** Tells every waiting stream, here and on other instances, that these orders are paid. Call after commit. */
export function publishOrderPaid(orderId: string): void {
  const url = config().DATABASE_URL;
  if (databaseKind(url) !== "postgres") {
    state().emitter.emit(orderId);
    return;
  }
  // Through the database even for local streams: one path, the same order of events everywhere.
  void notify(url, orderId).catch((e) => {
    console.error("[events] NOTIFY failed; waiting readers fall back to polling", e);
    state().emitter.emit(orderId);
  });
}

/**
 * Calls `fn` when `orderId` is reported paid. Resolves (with the unsubscribe
 * function) once events can arrive, so a caller that reads the order's status
 * after this cannot miss a payment committed in between.
 */
export async function onOrderPaid(orderId: string, fn: () => void): Promise<() => void> {
  const s = state();
  s.emitter.on(orderId, fn);
  const off = () => void s.emitter.off(orderId, fn);
  const url = config().DATABASE_URL;
  if (databaseKind(url) === "postgres" && !(await ensureListener(s, url))) {
    off();
    throw new Error("order events are unavailable (no LISTEN connection)");
  }
  return off;
}

/** Tells every process on this database (this one included) that the owner changed what pages show. */
export function publishContentChanged(): void {
  const url = config().DATABASE_URL;
  if (databaseKind(url) !== "postgres") return;
  void publish(url, CONTENT_CHANNEL, "").catch((e) =>
    console.error("[events] NOTIFY failed; other instances see the change within 10 s", e),
  );
}

/**
 * Calls `fn` whenever another process (or this one) publishes a content change,
 * and whenever the LISTEN connection comes back after a loss (changes may have
 * been missed meanwhile). On PostgreSQL the connection is kept open for this.
 */
export function onContentChanged(fn: () => void): void {
  const s = state();
  s.content.on("changed", fn);
  const url = config().DATABASE_URL;
  if (databaseKind(url) === "postgres") void ensureListener(s, url);
}

/** How many streams wait in this process (for the health page and tests). */
export function waitingCount(): number {
  const e = state().emitter;
  return e.eventNames().reduce((n, name) => n + e.listenerCount(name), 0);
}

let publisher: pg.Pool | null = null;
const notify = (url: string, orderId: string) => publish(url, ORDER_PAID_CHANNEL, orderId);
async function publish(url: string, channel: string, payload: string): Promise<void> {
  // A small pool apart from Prisma's: NOTIFY must not wait behind a busy transaction queue.
  publisher ??= new pg.Pool({ connectionString: url, max: 2 });
  await publisher.query("SELECT pg_notify($1, $2)", [channel, payload]);
}

/** One LISTEN connection per process, reopened after a failure (streams poll meanwhile). */
function ensureListener(s: BusState, url: string): Promise<pg.Client | null> {
  if (s.listener && s.url === url) return s.listener;
  s.url = url;
  s.listener = (async () => {
    const client = new pg.Client({ connectionString: url });
    const reset = () => {
      if (s.listener === current) s.listener = null;
      client.removeAllListeners();
      void client.end().catch(() => {});
      // Content followers need the connection all the time, not only while a reader's stream waits.
      if (s.content.listenerCount("changed") > 0) setTimeout(() => void ensureListener(s, url), 1_000).unref();
    };
    client.on("notification", (m) => {
      if (m.channel === ORDER_PAID_CHANNEL && m.payload) s.emitter.emit(m.payload);
      if (m.channel === CONTENT_CHANNEL) s.content.emit("changed");
    });
    client.on("error", (e) => {
      console.error("[events] LISTEN connection lost; reconnecting on the next stream", e.message);
      reset();
    });
    client.on("end", reset);
    try {
      await client.connect();
      await client.query(`LISTEN ${ORDER_PAID_CHANNEL}`);
      await client.query(`LISTEN ${CONTENT_CHANNEL}`);
      // Anything published while there was no connection was missed: start afresh.
      s.content.emit("changed");
      return client;
    } catch (e) {
      console.error("[events] LISTEN failed; readers fall back to polling", e);
      reset();
      return null;
    }
  })();
  const current = s.listener;
  return current;
}

/** For tests and shutdown: closes the LISTEN connection and the NOTIFY pool. */
export async function closeBus(): Promise<void> {
  const s = state();
  s.content.removeAllListeners();
  const l = await s.listener?.catch(() => null);
  s.listener = null;
  await l?.end().catch(() => {});
  await publisher?.end().catch(() => {});
  publisher = null;
}
