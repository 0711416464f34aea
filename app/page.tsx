import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { firstWorkspaceOf } from "@/lib/workspaces/workspaces";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const first = await firstWorkspaceOf(user.id);
  redirect(first ? `/w/${first.slug}` : "/workspaces/new");
}
