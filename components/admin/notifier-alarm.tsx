import Link from "next/link";

import type { Json } from "@/lib/client/api";
import type { Dashboard } from "@/lib/admin/dashboard";

type NotifierStatus = Json<Dashboard["notifier"]>;

/** The one thing that loses readers' money: payments arriving while no phone is forwarding them. */
export function NotifierAlarm({ status }: { status: NotifierStatus }) {
  if (status.demo) {
    return (
      <div role="status" className="rounded-xl bg-sky-50 p-4 text-sm text-sky-900 ring-1 ring-sky-200">
        演示模式：还没有配置通知设备，读者看到的是「模拟付款」按钮。
        <Link href="/admin/devices" className="underline">
          添加设备
        </Link>
        后即可真实收款。
      </div>
    );
  }
  if (!status.online) {
    const since = status.lastSeenAt
      ? `最后联系：${new Date(status.lastSeenAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`
      : "从未联系过";
    return (
      <div role="alert" className="rounded-xl bg-red-600 p-4 text-white">
        <p className="text-lg font-bold">⚠ 通知手机离线，新订单已暂停</p>
        <p className="mt-1 text-sm">
          超过 {status.offlineAfterSeconds} 秒没有收到心跳（{since}）。请检查手机网络、通知权限和省电设置。
          <Link href="/admin/devices" className="underline">
            查看设备
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div role="status" className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
      通知手机在线{status.offlineDevices.length > 0 && `（离线：${status.offlineDevices.join("、")}）`}
    </div>
  );
}
