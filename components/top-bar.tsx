import Link from "next/link";

interface TopBarProps {
  /** The name on the left, linking home, with the site's icon when it has one. */
  brand: { href: string; label: string; logo?: string };
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
        <Link href={brand.href} className="flex shrink-0 items-center gap-2 font-semibold">
          {brand.logo && (
            // The owner's icon: an uploaded image or any URL, sized here; next/image would need every host configured.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={brand.logo} alt="" width={24} height={24} className="h-6 w-6 rounded object-cover" />
          )}
          {brand.label}
        </Link>
        {children}
      </div>
    </header>
  );
}
