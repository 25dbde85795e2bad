"use client";
import { useEffect, useState } from "react";

/** Screen readers hear the countdown at a few milestones, not every second. */
export function CountdownAnnouncer({ seconds }: { seconds: number | null }) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (seconds === 60) setText("剩余 1 分钟");
    else if (seconds === 30) setText("剩余 30 秒");
    else if (seconds === 10) setText("剩余 10 秒");
  }, [seconds]);
  return <p aria-live="polite" className="sr-only">{text}</p>;
}
