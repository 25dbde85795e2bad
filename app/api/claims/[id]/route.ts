import { json, route } from "@/lib/http/handler";
import { existingReader } from "@/lib/readers/request";
import { readerClaim } from "@/lib/claims/reader";

export const dynamic = "force-dynamic";

/** The reader's own report and its status (polled while the owner checks it). */
export const GET = route<{ id: string }>(async (req, { params }) => json(await readerClaim((await params).id, await existingReader(req))));
