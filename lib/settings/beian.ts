/**
 * Footer links that mainland sites must show: the ICP record number links to the
 * MIIT registry's front page (it has no per-record URL), the public-security
 * record (公安备案) to its own record by the digits in its number.
 */
export const ICP_URL = "https://beian.miit.gov.cn/";

export function psbUrl(psb: string): string | null {
  const code = /(\d{6,})/.exec(psb)?.[1];
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : null;
}
