import { json, owner, readJson } from "@/lib/http/door";
import { readerAction, rotateReaderFeeds } from "@/lib/trace/actions";

/** Replaces every private feed URL of a reader. */
export const POST = owner(async ({ req }) => json(await rotateReaderFeeds((await readJson(req, readerAction, 2048)).readerId)));
