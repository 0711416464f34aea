// A boundary above every workspace, so "Workspace not found" is shown whichever part refuses.
export default function WorkspacesLayout({ children }: { children: React.ReactNode }) {
  return children;
}
