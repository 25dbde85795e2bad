/**
 * Paid text reaches an entitled reader with their invisible mark in it (lib/marks): zero-width
 * characters and variation selectors after Han characters. Tests that look for a sentence of the
 * gated body match it with `marked` (any carriers in between) and search responses with
 * `unmarked` — so a check that the body is *absent* still fails if a marked copy leaks.
 */
const CARRIER = "[\\u200B\\u200C\\uFE04-\\uFE07]*";
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const marked = (text: string) => new RegExp([...text].map(escape).join(CARRIER));
export const unmarked = (s: string) => s.replace(/[\u200B\u200C\uFE04-\uFE07]/g, "");
