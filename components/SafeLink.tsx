import { safeHttpUrl } from '@/lib/extract/links';

/** A link to page-derived data: http(s) only, opened without handing the page our window. */
export function SafeLink({ href, children }: { href: string; children?: React.ReactNode }) {
  const url = safeHttpUrl(href);
  if (!url) return <span>{children ?? href}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}
