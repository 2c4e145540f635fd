import type { MouseEvent, ReactNode } from 'react';
import { Button } from 'antd';
import { useHref, useNavigate } from 'react-router';

/** A link drawn as a button (one interactive element, not a button inside a link), navigating inside the app. */
export function LinkButton({ to, children, type = 'primary', testId }: { to: string; children: ReactNode; type?: 'primary' | 'default'; testId?: string }) {
  const href = useHref(to);
  const navigate = useNavigate();
  const go = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(to);
  };
  return (
    <Button type={type} href={href} onClick={go} data-testid={testId}>
      {children}
    </Button>
  );
}
