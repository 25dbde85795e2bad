import { describe, expect, it } from "vitest";
import { judgeStreak, neededStreak, MIN_STREAK, type FinishedOrder } from "./health-rules";

const t0 = new Date("2026-12-04T02:00:00Z").getTime();
let minute = 0;
/** Orders in time order, one a minute: `A-` = account A unpaid, `B+` = account B paid, `A~` = unpaid but its reader paid elsewhere. */
function orders(spec: string): FinishedOrder[] {
  minute = 0;
  return spec.split(" ").map((s) => ({
    accountId: s[0],
    createdAt: new Date(t0 + minute++ * 60_000),
    paid: s[1] === "+",
    settledElsewhere: s[1] === "~",
  }));
}
const repeat = (s: string, n: number) => Array(n).fill(s).join(" ");

describe("the streak needed for 可疑", () => {
  it("grows as the other accounts' paid share falls, never below the minimum", () => {
    expect(neededStreak(5, 5)).toBe(MIN_STREAK);
    expect(neededStreak(5, 10)).toBe(7);
    expect(neededStreak(3, 10)).toBe(13);
    expect(neededStreak(1, 10)).toBe(44);
    expect(neededStreak(0, 10)).toBe(Infinity);
    expect(neededStreak(0, 0)).toBe(Infinity);
  });
});

describe("judging an account by its orders", () => {
  it("marks an account whose last 7 orders ran out unpaid while the other account sold half of its orders", () => {
    const v = judgeStreak("A", orders(`A+ ${repeat("A- B+ B-", 7)}`));
    expect(v).toMatchObject({ streak: 7, needed: 7, othersPaid: 7, othersOrders: 14 });
  });

  it("does not judge a quiet blog: unpaid orders with nobody else selling are no evidence", () => {
    expect(judgeStreak("A", orders(repeat("A-", 30)))).toBeNull();
    // Others opened orders too but sold too little to compare with.
    expect(judgeStreak("A", orders(`${repeat("A-", 20)} B+ B+ ${repeat("B-", 20)}`))).toBeNull();
  });

  it("needs a longer streak when the others convert rarely, and forgives the streak a paid order ends", () => {
    expect(judgeStreak("A", orders(`${repeat("A- B+ B- B- B- B- B- B- B- B- B-", 12)}`))).toBeNull();
    expect(judgeStreak("A", orders(`${repeat("A- B+ B-", 6)} A+ ${repeat("A- B+ B-", 6)}`))).toBeNull();
  });

  it("leaves out unpaid orders whose reader paid for the same thing elsewhere (a switched channel)", () => {
    expect(judgeStreak("A", orders(`${repeat("A~ B+", 10)} ${repeat("A- B+", 3)}`))).toBeNull();
    expect(judgeStreak("A", orders(`${repeat("A~ B+", 10)} ${repeat("A- B+", 5)}`))).toMatchObject({ streak: 5 });
  });

  it("counts the others' orders only from the start of the streak", () => {
    // Plenty of old sales by B, but since A's streak began B sold nothing.
    expect(judgeStreak("A", orders(`${repeat("B+", 20)} ${repeat("A- B-", 10)}`))).toBeNull();
  });
});
