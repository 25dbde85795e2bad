"use client";
import { createContext, useContext, useState } from "react";
import { adminAction } from "@/lib/swr/use-admin";
import { Button, type ButtonTone } from "@/components/admin/kit/button";

/** What a list refreshes after one of its row actions (ItemList and DataTable provide it from their `refresh`). */
export const RefreshContext = createContext<() => unknown>(() => {});

interface ActionButtonProps {
  /** The request (adminSend …); it may ask with prompt() first and return early. */
  action: () => Promise<unknown>;
  /** Asked with confirm() first; the action runs only after 确定. */
  confirm?: string;
  /** Refresh after success; defaults to the enclosing list's. */
  then?: () => unknown;
  tone?: ButtonTone;
  className?: string;
  children: React.ReactNode;
}

/**
 * The confirm button: a row action (停用, 删除, 更换密钥 …) that asks first when it should, is disabled while it
 * runs, refreshes its list after, and shows the server's message when it fails.
 */
export function ActionButton({ action, confirm, then, tone = "link", className, children }: ActionButtonProps) {
  const listRefresh = useContext(RefreshContext);
  const [busy, setBusy] = useState(false);
  async function click() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    await adminAction(action, then ?? listRefresh);
    setBusy(false);
  }
  return (
    <Button tone={tone} className={className} disabled={busy} onClick={click}>
      {children}
    </Button>
  );
}
