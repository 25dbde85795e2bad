import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ADMIN_COOKIE, adminConfigured, MIN_PASSWORD_LENGTH } from "@/lib/auth/owner";
import { verifySession } from "@/lib/auth/sessions";
import { LoginForm } from "@/components/admin/login-form";

export const metadata: Metadata = { title: "登录" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).next ?? "/admin";
  // Only same-site admin paths: the login page must not become an open redirect.
  const next = /^\/admin(\/[\w\-/]*)?$/.test(raw) ? raw : "/admin";
  const configured = await adminConfigured();
  if (configured && (await verifySession((await cookies()).get(ADMIN_COOKIE)?.value))) redirect(next);
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-bold">管理后台</h1>
      {configured ? (
        <LoginForm next={next} />
      ) : (
        <div className="space-y-3 rounded-xl bg-white p-4 text-sm leading-6 shadow-sm ring-1 ring-stone-200">
          <p className="font-medium text-red-700">管理后台还没有设置密码。</p>
          <p>
            首次使用：打开 <code>npm start</code> 启动时在终端里打印的一次性设置链接（形如 <code>/admin/setup/…</code>
            ），在浏览器里设置管理密码。链接丢失或过期时，重启服务会打印新的链接。
          </p>
          <p>
            自动化部署也可以设置至少 {MIN_PASSWORD_LENGTH} 个字符的环境变量 <code>ADMIN_PASSWORD</code> 后重启：
          </p>
          <pre className="overflow-x-auto rounded bg-stone-900 p-3 text-stone-100">
            ADMIN_PASSWORD=&apos;换成你自己的长密码&apos; npm start
          </pre>
          <p className="text-stone-500">
            脚本访问可另设 <code>ADMIN_TOKEN</code>，用 <code>Authorization: Bearer …</code> 调用 /api/admin/*。
          </p>
        </div>
      )}
    </main>
  );
}
