"use client";
import { ListStates, type ListState } from "@/components/admin/kit/item-list";

export interface Column<T> {
  head: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  className?: string | ((row: T) => string);
}

interface DataTableProps<T> extends ListState<T> {
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Below this width the table scrolls sideways instead of squeezing (phones). */
  minWidth?: string;
}

/** A table with its loading, error and empty states; wide tables scroll sideways on a phone. */
export function DataTable<T>({ columns, rowKey, minWidth, ...state }: DataTableProps<T>) {
  const cls = (c: Column<T>, row: T) => (typeof c.className === "function" ? c.className(row) : c.className);
  return (
    <ListStates {...state}>
      {(items) => (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" style={minWidth ? { minWidth } : undefined}>
            <thead className="text-left text-stone-500">
              <tr>
                {columns.map((c, i) => (
                  <th key={i} className="py-1 pr-2 font-normal">
                    {c.head}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={rowKey(row)} className="border-t border-stone-100">
                  {columns.map((c, i) => (
                    <td key={i} className={`py-1 pr-2 ${cls(c, row) ?? ""}`}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ListStates>
  );
}
