import { chinaDayInstant } from "@/lib/china-time";

/** China-time end of the chosen day (an <input type="date"> value), as the API's ISO instant. */
export const endOfChinaDay = (day: string) => chinaDayInstant(day, true).toISOString();
