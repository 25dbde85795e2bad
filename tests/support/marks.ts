import { decodeHTML } from "entities";
import { DASH, VS, ZW } from "@/lib/marks/carriers";

const CARRIERS = new RegExp(`[${[...ZW, ...VS].join("")}]`, "g");
const ANY_CARRIER = new RegExp(`[${[...ZW, ...VS, DASH[1]].join("")}]`);

/** The text without our carriers (and with every dash back to U+2014): what the owner wrote. */
export const stripMarks = (s: string) => s.replace(CARRIERS, "").replaceAll(DASH[1], DASH[0]);

/** Does the text hold any carrier at all? */
export const hasMarks = (s: string) => ANY_CARRIER.test(s);

/** Roughly what a browser copies from some HTML: its text, one line per block. */
export const textOf = (html: string) => decodeHTML(html.replace(/<\/(p|h\d|li|pre|blockquote|div|item)>/g, "\n").replace(/<[^>]+>/g, ""));
