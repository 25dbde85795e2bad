import Link from "next/link";

import type { Json } from "@/lib/client/api";
import type { Dashboard } from "@/lib/admin/dashboard";
import { chinaDateTimeText } from "@/lib/china-time";

type NotifierStatus = Json<Dashboard["notifier"]>;

/** The one thing that loses readers' money: payments arriving while no phone is forwarding them. */
export function NotifierAlarm({ status }: { status: NotifierStatus }) {
  if (status.demo) {
    return (
      <div role="alert" className="rounded-xl bg-amber-500 p-4 text-white" data-testid="demo-mode-banner">
        <p className="text-lg font-bold">⚠ 本站仍处于演示模式，还不能真实收款</p>
        <p className="mt-1 text-sm">
          任何访问本站的人都能用「模拟付款」免费解锁三篇演示文章；你自己写的文章在演示模式下不能购买。
          <Link href="/admin/devices" className="font-medium underline">
            添加收款通知设备
          </Link>
          后正式开始收款：演示付款关闭，演示付款解锁的文章全部收回，演示收款码不再使用。
        </p>
      </div>
    );
  }
  if (!status.online) {
    const since = status.lastSeenAt ? `最后联系：${chinaDateTimeText(new Date(status.lastSeenAt))}` : "从未联系过";
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
