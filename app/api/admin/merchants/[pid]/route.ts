import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { merchantPatch, merchantView, requireMerchant, updateMerchant } from "@/lib/gateway/merchants";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ pid: string }> };

export const GET = adminRoute<{ pid: string }>(async (_req, { params }: Ctx) =>
  json(merchantView(await requireMerchant(Number((await params).pid)))),
);

export const PATCH = adminRoute<{ pid: string }>(async (req, { params }: Ctx) =>
  json(await updateMerchant(Number((await params).pid), await readJson(req, merchantPatch, 8192))),
);
