import { json, route } from "@/lib/http/handler";
import { existingSession } from "@/lib/readers/request";
import { readableBody } from "@/lib/entitlements/readable-body";

export const dynamic = "force-dynamic";

// Per reader: json() answers `private, no-store`, so no shared cache ever keeps the body.
export const GET = route<{ slug: string }>(async (req, { params }) => {
  const { slug } = await params;
  return json(await readableBody(slug, await existingSession(req)));
});
