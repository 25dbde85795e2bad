/**
 * Site-pass periods as pure functions of (periods, now). A reader's access is a
 * chain of periods: buying or redeeming a pass while one is valid starts the new
 * period where the current access ends, so no day paid for is lost; a lifetime
 * pass (days = null) starts now and never ends. Client-safe, no I/O.
 */
export interface Period {
  startsAt: Date;
  /** null = lifetime */
  endsAt: Date | null;
}

export interface PassStatus {
  /** Some period covers `now`. */
  active: boolean;
  lifetime: boolean;
  /** Where the chain of periods ends (null: none active, or lifetime). */
  until: Date | null;
}

const DAY_MS = 86_400_000;

const covers = (p: Period, now: Date) => p.startsAt.getTime() <= now.getTime() && (p.endsAt === null || p.endsAt.getTime() > now.getTime());

export function passStatus(periods: Period[], now: Date): PassStatus {
  const active = periods.some((p) => covers(p, now));
  if (!active) return { active: false, lifetime: false, until: null };
  if (periods.some((p) => p.endsAt === null && covers(p, now))) return { active: true, lifetime: true, until: null };
  const ends = periods.filter((p) => p.endsAt && p.endsAt.getTime() > now.getTime()).map((p) => p.endsAt!.getTime());
  return { active: true, lifetime: false, until: new Date(Math.max(...ends)) };
}

/**
 * The period a pass of `days` (null = lifetime) adds to a reader who has `periods`:
 * it starts at the latest end still ahead, whether or not that period has begun
 * yet. (Two settlements run with their own clocks: the one that waits for the
 * other's lock may see a period that starts a few milliseconds after its `now`.)
 */
export function nextPeriod(periods: Period[], days: number | null, now: Date): Period {
  if (days === null) return { startsAt: now, endsAt: null };
  const ends = periods.filter((p) => p.endsAt && p.endsAt.getTime() > now.getTime()).map((p) => p.endsAt!.getTime());
  const startsAt = ends.length ? new Date(Math.max(...ends)) : now;
  return { startsAt, endsAt: new Date(startsAt.getTime() + days * DAY_MS) };
}

/** 「30 天」 / 「永久」: how a pass's length reads. */
export function passLengthLabel(days: number | null): string {
  return days === null ? "永久" : `${days} 天`;
}
