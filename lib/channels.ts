/** The two payment channels a personal receiving code can belong to. Client-safe (no server imports). */
export type Channel = "wechat" | "alipay";
export const CHANNELS: readonly Channel[] = ["wechat", "alipay"];
