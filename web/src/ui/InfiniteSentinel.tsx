import { useEffect, useRef } from 'react';

/** Calls `onVisible` when it scrolls into view: the bottom of an infinitely scrolling list. */
export function InfiniteSentinel({ onVisible, disabled }: { onVisible: () => void; disabled?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (disabled || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onVisible();
    }, { rootMargin: '200px' });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [onVisible, disabled]);
  return <div ref={ref} style={{ height: 1 }} aria-hidden="true" />;
}
