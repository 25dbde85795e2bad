import { ICP_URL, psbUrl } from "@/lib/settings/beian";
import type { SiteSettings } from "@/lib/settings/schema";

/** The owner's footer text and, for mainland sites, the ICP and 公安 record numbers with the links the rules ask for. */
export function SiteFooter({ settings: s }: { settings: SiteSettings }) {
  const psbLink = s.psb ? psbUrl(s.psb) : null;
  return (
    <footer className="mx-auto max-w-2xl space-y-1 px-4 pt-4 pb-8 text-center text-xs text-stone-500" data-testid="site-footer">
      {s.footerText && <p className="whitespace-pre-line">{s.footerText}</p>}
      <p>
        © {new Date().getFullYear()} {s.author || s.siteName} ·{" "}
        <a href="/feed.xml" className="hover:underline">
          RSS 订阅
        </a>
      </p>
      {(s.icp || s.psb) && (
        <p className="flex flex-wrap justify-center gap-x-3">
          {s.icp && (
            <a href={ICP_URL} target="_blank" rel="noopener noreferrer" className="hover:underline">
              {s.icp}
            </a>
          )}
          {s.psb &&
            (psbLink ? (
              <a href={psbLink} target="_blank" rel="noopener noreferrer" className="hover:underline">
                {s.psb}
              </a>
            ) : (
              <span>{s.psb}</span>
            ))}
        </p>
      )}
    </footer>
  );
}
