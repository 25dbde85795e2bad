import type { ApiError } from "@/lib/client/api";

interface NoticeProps {
  error?: ApiError;
  /** What the missing endpoint would show, for the "not available yet" message. */
  feature?: string;
}

/** One place for load errors, including endpoints not present in this build. */
export function Notice({ error, feature }: NoticeProps) {
  if (!error) return null;
  if (error.code === "missing") {
    return (
      <p role="status" className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-500">
        {feature ?? "该功能"}暂不可用：服务器还没有提供对应的接口。
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-700">
      {error.message}
    </p>
  );
}
