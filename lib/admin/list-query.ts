import { z } from "zod";

/**
 * The query every admin list takes: an optional status filter from `statuses`,
 * a page size, and `before` (ISO time) to page back.
 */
export function listQuery<const S extends readonly [string, ...string[]]>(statuses: S) {
  return z.object({
    status: z.enum(statuses, { error: `status 必须是 ${statuses.join(" / ")} 之一` }).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    before: z.iso
      .datetime({ error: "before 必须是 ISO 时间" })
      .optional()
      .transform((v) => (v ? new Date(v) : undefined)),
  });
}
