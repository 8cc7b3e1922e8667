import { useEffect, useState } from 'react';

/** The current time in epoch milliseconds, refreshed every `intervalMs` so clocks on screen stay right. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
