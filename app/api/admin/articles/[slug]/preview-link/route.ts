import { json } from "@/lib/http/handler";
import { siteOrigin } from "@/lib/http/origin";
import { adminRoute } from "@/lib/admin/route";
import { previewLink, revokePreviewLink } from "@/lib/articles/preview";
import { publicOrigin, siteSettings } from "@/lib/settings/store";

export const dynamic = "force-dynamic";
type P = { slug: string };

/** The draft's or scheduled post's preview link → { url } (the same link until revoked). */
export const POST = adminRoute<P>(async (req, { params }) => {
  const { path } = await previewLink((await params).slug);
  return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${path}` });
});

/** 撤销预览链接: the old link stops working at once. */
export const DELETE = adminRoute<P>(async (_req, { params }) => {
  await revokePreviewLink((await params).slug);
  return json({ ok: true });
});
