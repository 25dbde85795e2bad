import { decodeHTML } from "entities";
import { VS, ZW } from "@/lib/marks/carriers";

const CARRIERS = new RegExp(`[${[...ZW, ...VS].join("")}]`, "g");
const ANY_CARRIER = new RegExp(`[${[...ZW, ...VS].join("")}]`);

/** The text without our carriers: what the owner wrote. */
export const stripMarks = (s: string) => s.replace(CARRIERS, "");

/** Does the text hold any carrier at all? */
export const hasMarks = (s: string) => ANY_CARRIER.test(s);

/** Roughly what a browser copies from some HTML: its text, one line per block. */
export const textOf = (html: string) => decodeHTML(html.replace(/<\/(p|h\d|li|pre|blockquote|div|item)>/g, "\n").replace(/<[^>]+>/g, ""));
