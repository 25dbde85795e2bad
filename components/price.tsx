import { formatCents } from "@/lib/money";

export function Price({ cents, className }: { cents: number; className?: string }) {
  return <span className={className}>{cents === 0 ? "免费" : `¥${formatCents(cents)}`}</span>;
}
