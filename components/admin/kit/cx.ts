/** Joins the class names that are set: cx("a", busy && "b"). */
export const cx = (...names: (string | false | null | undefined)[]): string => names.filter(Boolean).join(" ");
