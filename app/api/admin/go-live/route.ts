import { json, owner } from "@/lib/http/door";
import { walkthrough } from "@/lib/admin/walkthrough";

/** The go-live walkthrough's state: codes → phone → test → done. */
export const GET = owner(async () => json(await walkthrough()));
