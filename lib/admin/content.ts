import { onContentChanged, publishContentChanged } from "@/lib/events/bus";
import { forgetContentCaches } from "@/lib/process-caches";

/**
 * What readers' pages are built from — posts, series, passes, settings — changes
 * only through the owner's admin, and every admin write goes through the door's
 * `owner` caller (lib/http/door), which calls ownerChangedContent after it succeeds: this
 * process drops every cache registered as content (lib/process-caches.ts: the public
 * posts, the settings, the production server's article pages) at once, and every
 * other instance on the same PostgreSQL does when the NOTIFY arrives
 * (lib/events/bus.ts; at most the caches' 10 s lifetime while its LISTEN
 * connection is down). Dropping everything is deliberate: owner writes are rare
 * and a post's edit also moves listings, tags and series pages.
 */
export function ownerChangedContent(): void {
  forgetContentCaches();
  publishContentChanged();
}

/** Called once per server process (instrumentation.ts): other instances' changes drop this one's caches. */
export function followContentChanges(): void {
  onContentChanged(forgetContentCaches);
}
