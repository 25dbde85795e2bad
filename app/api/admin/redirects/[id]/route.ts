import { ok, owner, segments } from "@/lib/http/door";
import { deleteRedirect } from "@/lib/redirects/admin";

export const DELETE = owner(async ({ params }) => deleteRedirect(params.id).then(ok), { params: segments("id") });
