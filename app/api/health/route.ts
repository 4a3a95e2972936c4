import { connection } from "next/server";
import { getHealth } from "@/lib/data/health";

export async function GET() {
  await connection();
  const health = await getHealth();
  return Response.json(health, {
    status: health.database.reachable ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
