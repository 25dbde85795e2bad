"use client";
import { useRef, useState } from "react";
import { adminSend } from "@/lib/swr/use-admin";
import { ApiError } from "@/lib/client/api";
import type { StoredImage } from "@/lib/media/store";

/** A button that uploads one image (POST /api/admin/media) and hands back its URL; the server checks type and size. */
export function ImageUpload({ label, onUploaded }: { label: string; onUploaded: (image: StoredImage, fileName: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function upload(file: File) {
    setState({ busy: true, error: null });
    const form = new FormData();
    form.append("file", file);
    try {
      onUploaded(await adminSend<StoredImage>("POST", "/api/admin/media", form), file.name);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof ApiError ? e.message : "上传失败，请重试。" });
    } finally {
      if (input.current) input.current.value = "";
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <label className="cursor-pointer rounded-lg bg-stone-200 px-3 py-1.5">
        {state.busy ? "上传中…" : label}
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          className="sr-only"
          disabled={state.busy}
          onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])}
        />
      </label>
      {state.error && (
        <span role="alert" className="text-red-600">
          {state.error}
        </span>
      )}
    </span>
  );
}
