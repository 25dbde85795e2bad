import type { Metadata } from "next";
import Link from "next/link";
import { setupState } from "@/lib/auth/setup";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/credential";
import { SetupForm } from "@/components/admin/setup-form";

export const metadata: Metadata = { title: "首次设置" };

type Props = { params: Promise<{ token: string }> };

/** The one-time link `npm start` prints while the admin has no password. */
export default async function SetupPage({ params }: Props) {
  const { token } = await params;
  const state = await setupState(token);
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-bold">设置管理密码</h1>
      {state === "open" && <SetupForm token={token} minLength={MIN_PASSWORD_LENGTH} />}
      {state === "done" && (
        <p role="alert" className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-stone-200">
          管理密码已经设置过了，这个链接不再有效。{" "}
          <Link href="/admin/login" className="text-blue-700 underline">
            去登录
          </Link>
        </p>
      )}
      {state === "invalid" && (
        <p role="alert" className="rounded-xl bg-white p-4 text-sm text-red-700 shadow-sm ring-1 ring-stone-200">
          设置链接无效或已过期。请重启服务（<code>npm start</code>），使用终端里新打印的 <code>/admin/setup/…</code> 链接。
        </p>
      )}
    </main>
  );
}
