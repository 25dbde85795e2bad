import { vocabulary, type StateOf } from "@/lib/vocabulary";

/**
 * Who made a redirect (Redirect.source): an import (re-pointed when the same file is imported again)
 * or the owner by hand (never touched by an import). Client-safe.
 */
export const REDIRECT_SOURCE = vocabulary({ import: "导入", owner: "手动" }, { import: "muted", owner: "neutral" });
export type RedirectSource = StateOf<typeof REDIRECT_SOURCE>;

/** An import may re-point this redirect (an unknown source is left alone, like the owner's). */
export const importMayMove = (source: RedirectSource | null): boolean => source === "import";
