/**
 * How an old address is written down, so that the owner's "/2024/05/my-post/",
 * a crawler's "/2024/05/my-post" and a percent-encoded Chinese slug all find the
 * same redirect: decoded, one leading slash, no trailing slash, no fragment. The
 * query is part of the address only where old blogs put the post in it
 * (WordPress "/?p=123", "/index.php?p=123"): there it is kept, sorted, and must
 * match exactly, so the home page's own queries (?page=2) are never taken.
 * Plain string work with no imports: the custom server runs it on every request.
 */
const QUERY_PATHS = new Set(["/", "/index.php"]);
const KEEP_PARAMS = new Set(["p", "page_id", "attachment_id", "cat", "tag", "m", "name", "pagename"]);

export function normalizePath(input: string): string | null {
  let s = input.trim();
  // A full old URL (https://old.blog/2024/05/x/): its path and query.
  const abs = /^https?:\/\/[^/?#]+(.*)$/i.exec(s);
  if (abs) s = abs[1] || "/";
  s = s.split("#")[0];
  const q = s.indexOf("?");
  let path = q >= 0 ? s.slice(0, q) : s;
  const query = q >= 0 ? s.slice(q + 1) : "";
  try {
    path = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (!path.startsWith("/")) path = `/${path}`;
  path = path.replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  if (/[\u0000-\u001f\\]/.test(path) || path.split("/").some((seg) => seg === "..")) return null;
  if (!QUERY_PATHS.has(path)) return path.length > 1 ? path : null;
  const params = new URLSearchParams(query);
  const kept = [...params.entries()].filter(([k, v]) => KEEP_PARAMS.has(k) && v !== "").sort(([a], [b]) => a.localeCompare(b));
  if (kept.length === 0) return null;
  return `${path === "/index.php" ? "/" : path}?${new URLSearchParams(kept).toString()}`;
}

/**
 * The keys a request may match, most specific first: the exact query address on "/" and
 * "/index.php", else the path alone (a tracking query on an old post link still redirects).
 */
export function requestKeys(url: string): string[] {
  const q = url.indexOf("?");
  const path = q >= 0 ? url.slice(0, q) : url;
  const bare = normalizePath(path);
  if (q < 0) return bare ? [bare] : [];
  const withQuery = normalizePath(url);
  const keys = withQuery && withQuery.includes("?") ? [withQuery] : [];
  return bare ? [...keys, bare] : keys;
}

/** Addresses that must always reach the site itself (the home page, the API, the admin, files): never redirected. */
export function reservedPath(key: string): boolean {
  return key === "/" || /^\/(api|admin|_next|media|preview|feed\/private|restore|pay|me)(\/|$)/.test(key);
}
