"use client";
import { useState } from "react";
import { useAdmin, adminSend } from "@/lib/swr/use-admin";
import { formatCents } from "@/lib/money";
import { CHANNELS, CHANNEL_LABEL } from "@/lib/channels";
import { SWITCH_STATE, switchState } from "@/lib/vocabulary";
import type { Json } from "@/lib/client/api";
import type { listMerchants } from "@/lib/gateway/merchants";
import { ActionButton, Button, Card, ItemList, Row, StateBadge } from "@/components/admin/kit";
import { Check, Form, MoneyField, Note, readCents, SubmitRow, TextField, useFormAction } from "@/components/admin/kit/forms";
import { MerchantKey, type IssuedKey } from "@/components/admin/merchant-key";
import { MerchantOrders } from "@/components/admin/merchant-orders";

type Merchant = Json<Awaited<ReturnType<typeof listMerchants>>[number]>;

const domainsOf = (text: string) =>
  text
    .split(/[\s,，]+/)
    .map((d) => d.trim())
    .filter(Boolean);

const HELD_HELP =
  "同时未付订单上限：商户服务器直接下单（V免签 createOrder，不带买家 IP）时，这个商户最多同时有多少个未付款订单占用金额；0 表示不限。带买家 IP 的订单（收银台、易支付）按买家 IP 计数。";

async function editDomains(m: Merchant) {
  const text = prompt("允许的通知/跳转域名（空格或逗号分隔）", m.notifyDomains.join(" "));
  if (text !== null) await adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { notifyDomains: domainsOf(text) });
}

async function editHeld(m: Merchant) {
  const text = prompt(HELD_HELP, String(m.maxHeldOrders));
  if (text !== null && text.trim() !== "")
    await adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { maxHeldOrders: Number(text.trim()) });
}

/** /admin/merchants: the owner's other sites that take payments through the gateway (易支付 / V免签). */
export function MerchantManager() {
  const { data, error, mutate } = useAdmin<{ items: Merchant[] }>("/api/admin/merchants");
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const form = useFormAction();
  const add = form.submit(
    async (f) => {
      setIssued(
        await adminSend<IssuedKey>("POST", "/api/admin/merchants", {
          name: String(f.get("name")),
          notifyDomains: domainsOf(String(f.get("domains"))),
          channels: CHANNELS.filter((c) => f.get(`ch-${c}`)),
          minCents: readCents(f, "min", 1) ?? -1,
          maxCents: readCents(f, "max", 500000) ?? -1,
          ampKeySign: !!f.get("amp"),
          allowPrivate: !!f.get("private"),
          // Left empty: the server's default (200); 0 means no cap.
          maxHeldOrders: String(f.get("held") ?? "").trim() === "" ? undefined : Number(f.get("held")),
        }),
      );
      await mutate();
    },
    { reset: true },
  );

  return (
    <>
      {issued && <MerchantKey issued={issued} onClose={() => setIssued(null)} />}
      <Card title="网关商户">
        <Note lead>
          让你的其他网站（发卡网、面板、网盘）通过易支付或 V免签 协议，用同一部手机和收款码收款。付款匹配规则与文章订单相同。
        </Note>
        <ItemList items={data?.items} error={error} empty="还没有商户。" refresh={mutate}>
          {(m) => (
            <Row key={m.pid} stack>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono font-medium">pid {m.pid}</span>
                <span className="font-medium">{m.name}</span>
                <span className="text-stone-500">{m.notifyDomains.join("、")}</span>
                <span>{m.channels.map((c) => CHANNEL_LABEL[c]).join(" / ")}</span>
                <span className="text-stone-500">
                  ¥{formatCents(m.minCents)} – ¥{formatCents(m.maxCents)}
                </span>
                <span className="text-stone-500" title={HELD_HELP}>
                  未付上限 {m.maxHeldOrders === 0 ? "不限" : m.maxHeldOrders}
                </span>
                <span className="text-stone-500">
                  已付 {m.orders.paid}
                  {m.orders.notifyFailed > 0 && <span className="text-red-700">，通知失败 {m.orders.notifyFailed}</span>}
                </span>
                <StateBadge vocab={SWITCH_STATE} state={switchState(m.enabled)} />
                <Button tone="link" onClick={() => setOpen(open === m.pid ? null : m.pid)}>
                  {open === m.pid ? "收起订单" : "订单"}
                </Button>
                <ActionButton action={() => editDomains(m)}>域名</ActionButton>
                <ActionButton action={() => editHeld(m)}>未付上限</ActionButton>
                <ActionButton
                  confirm={`更换「${m.name}」的密钥？旧密钥立即失效，商户网站需要填写新密钥。`}
                  action={async () => setIssued(await adminSend<IssuedKey>("POST", `/api/admin/merchants/${m.pid}/rotate`))}
                >
                  更换密钥
                </ActionButton>
                <ActionButton action={() => adminSend("PATCH", `/api/admin/merchants/${m.pid}`, { enabled: !m.enabled })}>
                  {m.enabled ? "停用" : "启用"}
                </ActionButton>
              </div>
              {open === m.pid && <MerchantOrders pid={m.pid} />}
            </Row>
          )}
        </ItemList>
      </Card>
      <Card title="添加商户">
        <Form onSubmit={add}>
          <TextField label="名称" stacked name="name" required maxLength={60} placeholder="我的发卡网" />
          <TextField
            label="允许的通知/跳转域名（空格分隔，含子域名）"
            stacked
            fieldClassName="min-w-64 flex-1"
            name="domains"
            required
            placeholder="shop.example.com"
          />
          <fieldset className="flex gap-3">
            <legend className="sr-only">收款渠道</legend>
            {CHANNELS.map((c) => (
              <Check key={c} name={`ch-${c}`} defaultChecked label={CHANNEL_LABEL[c]} />
            ))}
          </fieldset>
          <MoneyField label="最低金额（元）" stacked name="min" defaultCents={1} className="w-24" />
          <MoneyField label="最高金额（元）" stacked name="max" defaultCents={500000} className="w-24" />
          <TextField
            label="同时未付订单上限"
            stacked
            name="held"
            type="number"
            min={0}
            max={100000}
            defaultValue={200}
            className="w-24"
            title={HELD_HELP}
          />
          <Check name="amp" label="接受「&key=」签名写法" />
          <Check name="private" label="允许通知内网地址" />
          <SubmitRow form={form} label="创建并显示密钥" />
        </Form>
        <Note>{HELD_HELP}</Note>
      </Card>
    </>
  );
}
