import type { MetadataRoute } from "next";

/** Lets readers add the blog to their home screen with its icon (public/icon-*.png). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "付费阅读",
    short_name: "付费阅读",
    start_url: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#f97316",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
