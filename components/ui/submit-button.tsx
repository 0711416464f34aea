"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";
import { WaitingNotice } from "./waiting-notice";

/**
 * A form's submit button, busy while the form submits. A useKeptForm form passes its `pending` and
 * `ready`: it cannot submit before the page is interactive, so until then the button stays disabled
 * beside a notice that explains why if the wait drags on.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant,
  className,
  disabled = false,
  pending,
  ready = true,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  disabled?: boolean;
  pending?: boolean;
  ready?: boolean;
}) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  const off = busy || !ready || disabled;
  return (
    <>
      <Button type="submit" variant={variant} disabled={off} aria-disabled={off} className={className}>
        {busy ? (pendingLabel ?? "Working…") : children}
      </Button>
      {ready ? null : <WaitingNotice />}
    </>
  );
}
