import { randomBytes } from "node:crypto";

/** Unguessable, URL-safe id (128 bits by default). */
export function newId(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}
