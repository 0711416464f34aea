import "./waiting-notice.css";

/**
 * Why a form rendered by the server is still disabled: its scripts have not run (a blocked dev
 * origin, a failed download, JavaScript turned off). It appears only after a while, see the CSS.
 */
export function WaitingNotice() {
  return (
    <p role="status" className="waiting-notice w-full text-xs text-slate-500">
      This form is waiting for the page&apos;s scripts. If it stays disabled, reload the page; in development, open the address the dev
      server printed (http://localhost:3000).
    </p>
  );
}
