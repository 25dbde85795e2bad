"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent, NAV_GROUPS, OVERVIEW } from "@/components/admin/nav-links";

/** The grouped page links: the desktop sidebar and the phone menu render the same list. */
export function NavGroups({ onNavigate }: { onNavigate?: () => void }) {
  const path = usePathname();
  const link = ([href, label]: readonly [string, string]) => {
    const current = isCurrent(href, path);
    return (
      <li key={href}>
        <Link
          href={href}
          onClick={onNavigate}
          aria-current={current ? "page" : undefined}
          className={`block rounded px-2 py-1.5 lg:py-1 ${current ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-200"}`}
        >
          {label}
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label="后台导航" className="space-y-4 text-sm">
      <ul>{link(OVERVIEW)}</ul>
      {NAV_GROUPS.map((g) => (
        <div key={g.name}>
          <h2 className="mb-1 px-2 text-xs font-medium text-stone-500">{g.name}</h2>
          <ul className="grid grid-cols-2 gap-0.5 lg:grid-cols-1">{g.links.map(link)}</ul>
        </div>
      ))}
    </nav>
  );
}
