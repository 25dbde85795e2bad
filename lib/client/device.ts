/** Phones cannot scan a code on their own screen; they get deep links and save-image flows instead. */
export function isMobileUA(ua: string): boolean {
  return /Android|iPhone|iPad|iPod|Mobile|MicroMessenger/i.test(ua);
}

export function isWeChatBrowser(ua: string): boolean {
  return /MicroMessenger/i.test(ua);
}

/** Opens Alipay's scanner on the receiving-code URL (works from mobile browsers). */
export function alipayDeepLink(payload: string): string {
  return `alipays://platformapi/startapp?saId=10000007&qrcode=${encodeURIComponent(payload)}`;
}
