"use client";
import { adminAction, adminSend } from "@/lib/swr/use-admin";
import { protocolLabel } from "@/lib/protocols";
import { DEVICE_STATE, deviceState } from "@/lib/devices/state";
import type { ApiError, Json } from "@/lib/client/api";
import type { DeviceListItem } from "@/lib/devices/admin";
import { ActionButton, ItemList, Row, RowActions, StateDot, StateText, TimeText } from "@/components/admin/kit";
import { DeviceAccounts } from "@/components/admin/device-accounts";
import type { IssuedSecret } from "@/components/admin/device-secret";

export type AdminDeviceRow = Json<DeviceListItem>;

interface DeviceListProps {
  items: AdminDeviceRow[] | undefined;
  error?: ApiError;
  onChange: () => void;
  onIssued: (s: IssuedSecret) => void;
}

export function DeviceList({ items, error, onChange, onIssued }: DeviceListProps) {
  const url = (d: AdminDeviceRow) => `/api/admin/devices/${d.id}`;
  return (
    <ItemList items={items} error={error} empty="还没有通知设备：站点处于演示模式，读者的付款不会被自动确认。" refresh={onChange}>
      {(d) => {
        const state = deviceState(d);
        return (
          <Row key={d.id}>
            <StateDot tone={DEVICE_STATE.tone(state)} />
            <span className="font-medium">{d.name}</span>
            <span className="text-stone-500">{protocolLabel(d.protocol)}</span>
            <StateText vocab={DEVICE_STATE} state={state} />
            <span className="text-stone-500">
              最后联系 <TimeText at={d.lastSeenAt} />
            </span>
            {d.kind === "bootstrap" ? (
              <>
                <span className="text-stone-500">各渠道的默认账户（主手机）</span>
                <span className="ml-auto text-xs text-stone-400">由环境变量管理</span>
              </>
            ) : (
              <>
                <DeviceAccounts
                  deviceName={d.name}
                  value={d.accounts}
                  onChange={(accounts) => void adminAction(() => adminSend("PATCH", url(d), { accounts }), onChange)}
                />
                <RowActions>
                  <ActionButton action={() => adminSend("PATCH", url(d), { enabled: !d.enabled })}>
                    {d.enabled ? "停用" : "启用"}
                  </ActionButton>
                  <ActionButton
                    confirm="更换密钥后旧密钥立即失效，手机上需要填入新密钥。继续？"
                    action={async () => onIssued(await adminSend<IssuedSecret>("POST", `${url(d)}/rotate`))}
                  >
                    更换密钥
                  </ActionButton>
                  <ActionButton tone="danger" confirm={`删除设备「${d.name}」？`} action={() => adminSend("DELETE", url(d))}>
                    删除
                  </ActionButton>
                </RowActions>
              </>
            )}
          </Row>
        );
      }}
    </ItemList>
  );
}
