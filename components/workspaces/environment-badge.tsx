import { Badge } from "@/components/ui/badge";

export function EnvironmentBadge({ environment }: { environment: "TEST" | "PRODUCTION" }) {
  return environment === "PRODUCTION" ? (
    <Badge tone="red">Production</Badge>
  ) : (
    <Badge tone="amber">Test</Badge>
  );
}
