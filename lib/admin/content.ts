import { forgetPublicPosts } from "@/lib/articles/cache";
import { onContentChanged, publishContentChanged } from "@/lib/events/bus";
import { forgetPages } from "@/lib/http/page-store";
import { forgetSiteSettings } from "@/lib/settings/store";
import { forgetRedirects } from "@/lib/redirects/store";

/**
 * What readers' pages are built from — posts, series, passes, settings — changes
 * only through the owner's admin, and every admin write goes through adminRoute
 * (lib/admin/route.ts), which calls ownerChangedContent after it succeeds: this
 * process drops its cached pages, public posts and settings at once, and every
 * other instance on the same PostgreSQL does when the NOTIFY arrives
 * (lib/events/bus.ts; at most the caches' 10 s lifetime while its LISTEN
 * connection is down). Dropping everything is deliberate: owner writes are rare
 * and a post's edit also moves listings, tags and series pages.
 */
export function ownerChangedContent(): void {
  forgetContent();
  publishContentChanged();
}

/** Called once per server process (instrumentation.ts): other instances' changes drop this one's caches. */
export function followContentChanges(): void {
  onContentChanged(forgetContent);
}

function forgetContent(): void {
  forgetPages();
  forgetPublicPosts();
  forgetSiteSettings();
  forgetRedirects();
}
