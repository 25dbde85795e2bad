"use client";
import { CopyField } from "@/components/copy-field";
import { Button } from "@/components/admin/kit/button";

export interface SecretField {
  /** The copy box's accessible name (密钥, 设备 ID …). */
  label: string;
  value: string;
  /** Words above the box; none for a box that speaks for itself. */
  caption?: React.ReactNode;
}

interface SecretOnceProps {
  /** The region's name (设备密钥, 商户密钥, 签名密钥). */
  name: string;
  /** The warning: shown once, copy it now. */
  title: React.ReactNode;
  fields: SecretField[];
  onClose: () => void;
  /** Setup help under the fields (a ready-made configuration, a QR code). */
  children?: React.ReactNode;
}

/**
 * A secret the server answers once (device secret, merchant key, webhook signing secret): copy boxes and
 * 「我已保存」, which hides it for good — the server never lists it again.
 */
export function SecretOnce({ name, title, fields, onClose, children }: SecretOnceProps) {
  return (
    <div role="region" aria-label={name} className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 text-sm">
      <p className="font-semibold text-amber-900">{title}</p>
      {fields.map((f) =>
        f.caption ? (
          <div key={f.label}>
            {f.caption}
            <CopyField value={f.value} label={f.label} />
          </div>
        ) : (
          <CopyField key={f.label} value={f.value} label={f.label} />
        ),
      )}
      {children}
      <Button onClick={onClose}>我已保存</Button>
    </div>
  );
}
