import type { WorkspaceActionDefinition } from "@/lib/actions/workspace-action";

/**
 * Every exported server action under app/w/ — found by file, not by a hand-kept list, so an action
 * that is added without going through workspaceAction() (and so without the guard) fails the matrix.
 */
const modules = import.meta.glob<Record<string, unknown>>("/app/w/**/actions.ts", { eager: true });

export interface DiscoveredAction {
  file: string;
  exportName: string;
  definition: WorkspaceActionDefinition | undefined;
}

export const discoveredActions: DiscoveredAction[] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).map(([exportName, value]) => ({
    file,
    exportName,
    definition: (value as { definition?: WorkspaceActionDefinition } | undefined)?.definition,
  })),
);
