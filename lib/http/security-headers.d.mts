export function contentSecurityPolicy(opts?: { dev?: boolean }): string;
export const HSTS: string;
export function securityHeaders(opts?: { https?: boolean; dev?: boolean }): Record<string, string>;
export function nextSecurityHeaders(opts?: {
  dev?: boolean;
}): { source: string; has?: { type: "header"; key: string; value: string }[]; headers: { key: string; value: string }[] }[];
