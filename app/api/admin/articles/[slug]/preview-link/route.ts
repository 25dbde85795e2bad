import { json, ok, owner, segments } from "@/lib/http/door";
import { siteOrigin } from "@/lib/http/origin";
import { previewLink, revokePreviewLink } from "@/lib/entitlements/preview";
import { publicOrigin, siteSettings } from "@/lib/settings/store";

const params = segments("slug");

/** The draft's or scheduled post's preview link → { url } (the same link until revoked). */
export const POST = owner(
  async ({ req, params }) => {
    const { path } = await previewLink(params.slug);
    return json({ url: `${publicOrigin(await siteSettings(), siteOrigin(req))}${path}` });
  },
  { params },
);

/** 撤销预览链接: the old link stops working at once. */
export const DELETE = owner(async ({ params }) => revokePreviewLink(params.slug).then(ok), { params });
