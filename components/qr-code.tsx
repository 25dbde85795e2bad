"use client";
import { useEffect, useState } from "react";
import QRCode from "qrcode";

interface QrCodeProps {
  payload: string;
  label: string;
  size?: number;
  /** Called with a PNG data URL, for the "save image" flow on phones. */
  onPng?: (dataUrl: string) => void;
}

/** Renders the stored payload as a crisp SVG QR code (never a scaled photo). */
export function QrCode({ payload, label, size = 220, onPng }: QrCodeProps) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(payload, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((s) => live && setSvg(s));
    if (onPng) QRCode.toDataURL(payload, { margin: 2, width: 600 }).then((u) => live && onPng(u));
    return () => {
      live = false;
    };
  }, [payload, onPng]);
  return (
    <div
      role="img"
      aria-label={label}
      data-qr-payload={payload}
      style={{ width: size, height: size }}
      className="mx-auto bg-white [&>svg]:h-full [&>svg]:w-full"
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
