import Link from "next/link";

interface TopBarProps {
  /** The name on the left, linking home. */
  brand: { href: string; label: string };
  /** Tailwind max-width of the content column, matching the page below. */
  width: string;
  sticky?: boolean;
  children: React.ReactNode;
}

/** The bar at the top of every page: the readers' site and the owner's admin each fill in their links. */
export function TopBar({ brand, width, sticky = false, children }: TopBarProps) {
  return (
    <header className={`border-b border-stone-200 ${sticky ? "sticky top-0 z-10 bg-white/95 backdrop-blur" : "bg-white"}`}>
      <div className={`mx-auto flex ${width} items-center gap-3 px-4 py-2.5`}>
        <Link href={brand.href} className="shrink-0 font-semibold">
          {brand.label}
        </Link>
        {children}
      </div>
    </header>
  );
}
