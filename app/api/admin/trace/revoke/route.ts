import { json, owner, readJson } from "@/lib/http/door";
import { readerAction, revokeReaderEntitlements } from "@/lib/trace/actions";

/** Takes away everything a reader may read and stops their private feeds. */
export const POST = owner(async ({ req }) => json(await revokeReaderEntitlements((await readJson(req, readerAction, 2048)).readerId)));
