import { vocabulary, type StateOf } from "@/lib/vocabulary";

/** A restore link as the owner's list shows it. Client-safe. */
export const RESTORE_LINK_STATE = vocabulary({ active: "有效", revoked: "已作废" }, { revoked: "muted" });
export type RestoreLinkState = StateOf<typeof RESTORE_LINK_STATE>;
export const restoreLinkState = (l: { revokedAt: string | Date | null }): RestoreLinkState => (l.revokedAt ? "revoked" : "active");
