import { z } from "zod";
import { json, readJson } from "@/lib/http/handler";
import { adminRoute } from "@/lib/admin/route";
import { rotateReaderFeeds } from "@/lib/trace/actions";

export const dynamic = "force-dynamic";

const body = z.object({ readerId: z.string({ error: "请提供读者 ID" }).trim().min(1).max(64) });

/** Replaces every private feed URL of a reader. */
export const POST = adminRoute(async (req) => json(await rotateReaderFeeds((await readJson(req, body, 2048)).readerId)));
