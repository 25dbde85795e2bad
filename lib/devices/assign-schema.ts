import { z } from "zod";
import { DEVICE_ROLES, type DeviceRole } from "@/lib/devices/roles";

/**
 * How the device API names a phone's accounts (POST/PATCH /api/admin/devices): any one of
 *   "accountId": "acct_…" | null        one account (null: unassigned — every channel's default account)
 *   "accountIds": ["acct_…", …]          several, one per channel ([] = unassigned)
 *   "accounts": [{"id": "acct_…", "role": "standby"}, …]   with a role each
 * and "role": "primary" | "standby" for the accounts named without one (or, alone, for all the
 * phone's current accounts). Normalised here to the list of assignments (undefined: unchanged).
 */
export interface Assignment {
  id: string;
  role: DeviceRole;
}

const id = z.string().trim().min(1).max(64);
const role = z.enum(DEVICE_ROLES, { error: "role 只能是 primary（主手机）或 standby（备用）" });

export const assignFields = {
  accountId: id.nullable().optional(),
  accountIds: z.array(id).max(4).optional(),
  accounts: z
    .array(z.object({ id, role: role.optional() }))
    .max(4)
    .optional(),
  role: role.optional(),
};

export interface AssignInput {
  accountId?: string | null;
  accountIds?: string[];
  accounts?: { id: string; role?: DeviceRole }[];
  role?: DeviceRole;
}

/** The assignments the request names (undefined: it names none), and a role for the current ones. */
export function assignmentsOf(input: AssignInput): { list?: Assignment[]; role?: DeviceRole } {
  const fallback = input.role ?? "primary";
  if (input.accounts) return { list: input.accounts.map((a) => ({ id: a.id, role: a.role ?? fallback })) };
  if (input.accountIds) return { list: input.accountIds.map((a) => ({ id: a, role: fallback })) };
  if (input.accountId !== undefined) return { list: input.accountId ? [{ id: input.accountId, role: fallback }] : [] };
  return { role: input.role };
}
