"use client";
import type { ApiError } from "@/lib/client/api";
import { Notice } from "@/components/admin/notice";
import { RefreshContext } from "@/components/admin/kit/action-button";
import { cx } from "@/components/admin/kit/cx";

export interface ListState<T> {
  /** undefined while loading. */
  items: readonly T[] | undefined;
  error?: ApiError;
  /** What the list is, for "暂不可用" when its endpoint is missing from this build. */
  feature?: string;
  /** Shown when the list is loaded and has no items. */
  empty: React.ReactNode;
  /** What its row actions refresh (the list's SWR mutate). */
  refresh?: () => unknown;
}

/** Loading says nothing, an error says why, an empty list says so; otherwise `children` renders the items. */
export function ListStates<T>({
  items,
  error,
  feature,
  empty,
  refresh,
  children,
}: ListState<T> & { children: (items: readonly T[]) => React.ReactNode }) {
  if (error) return <Notice error={error} feature={feature} />;
  if (!items) return null;
  if (items.length === 0) return <p className="text-sm text-stone-500">{empty}</p>;
  return refresh ? <RefreshContext.Provider value={refresh}>{children(items)}</RefreshContext.Provider> : children(items);
}

interface ItemListProps<T> extends ListState<T> {
  className?: string;
  testId?: string;
  /** One <Row> per item. */
  children: (item: T, index: number) => React.ReactNode;
}

/** A divided list of rows with its loading, error and empty states. */
export function ItemList<T>({ className, testId, children, ...state }: ItemListProps<T>) {
  return (
    <ListStates {...state}>
      {(items) => (
        <ul className={cx("divide-y divide-stone-100 text-sm", className)} data-testid={testId}>
          {items.map((item, i) => children(item, i))}
        </ul>
      )}
    </ListStates>
  );
}

/** A list row: the item's facts on one wrapping line, actions pushed right with ml-auto; `stack` for rows of several lines. */
export function Row({
  stack,
  className,
  testId,
  children,
}: {
  stack?: boolean;
  className?: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <li className={cx(stack ? "space-y-1 py-2.5" : "flex flex-wrap items-center gap-x-3 gap-y-1 py-2", className)} data-testid={testId}>
      {children}
    </li>
  );
}

/** Row actions, kept together at the row's right end. */
export function RowActions({ children }: { children: React.ReactNode }) {
  return <span className="ml-auto flex flex-wrap gap-3">{children}</span>;
}
