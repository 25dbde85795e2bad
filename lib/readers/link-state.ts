import { vocabulary } from "@/lib/vocabulary";

/** A restore link as the owner's list shows it. Client-safe. */
export const RESTORE_LINK_STATES = ["active", "revoked"] as const;
export type RestoreLinkState = (typeof RESTORE_LINK_STATES)[number];
export const RESTORE_LINK_STATE = vocabulary(RESTORE_LINK_STATES, {
  active: { label: "有效", tone: "neutral" },
  revoked: { label: "已作废", tone: "muted" },
});
export const restoreLinkState = (l: { revokedAt: string | Date | null }): RestoreLinkState => (l.revokedAt ? "revoked" : "active");
