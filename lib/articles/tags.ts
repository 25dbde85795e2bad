import { z } from "zod";

/**
 * Tags are the blog's categories. A tag's name is its identity and its URL
 * (/tags/生活), so names must be safe in a path: no slashes, no URL syntax.
 * Client-safe (zod only): the editor shows the same errors as the API.
 */
export const MAX_TAGS = 5;
export const MAX_TAG_LENGTH = 20;
const BAD_TAG_CHARS = /[/\\?#%<>"'`]/;

const tagSchema = z
  .string()
  .trim()
  .min(1, "标签不能为空")
  .max(MAX_TAG_LENGTH, `每个标签最长 ${MAX_TAG_LENGTH} 个字符`)
  .refine((t) => !BAD_TAG_CHARS.test(t), "标签不能包含 / \\ ? # % < > 引号等符号");

/** A post's tags: de-duplicated in the order given, at most MAX_TAGS. */
export const tagsSchema = z
  .array(tagSchema, { error: "tags 必须是标签数组" })
  .transform((tags) => [...new Set(tags)])
  .refine((tags) => tags.length <= MAX_TAGS, `每篇文章最多 ${MAX_TAGS} 个标签`);

/** The editor's text box: tags separated by commas (either width), 、 or spaces. */
export function splitTagInput(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export const tagPath = (tag: string) => `/tags/${encodeURIComponent(tag)}`;

/** A tag from a route segment, whether or not the router decoded it. */
export function tagFromParam(param: string): string | null {
  let tag = param;
  try {
    if (/%[0-9a-f]{2}/i.test(param)) tag = decodeURIComponent(param);
  } catch {
    return null;
  }
  return tagSchema.safeParse(tag).success ? tag.trim() : null;
}
