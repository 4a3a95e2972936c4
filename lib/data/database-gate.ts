/**
 * The proxy's answer while the database cannot be reached (ADR 0004: a status is settled before a
 * page streams). Pages get a 503 in Chinese, the API a 503 with its error contract; both say when
 * to retry. Paths that never read the database (files, the health report, which says it itself)
 * pass.
 */
import { NextResponse } from "next/server";
import { databaseUnavailablePage } from "@/components/ui/database-unavailable-page";
import { pingDatabase } from "../db";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseAvailable, RETRY_AFTER_SECONDS } from "./availability";

/** Answers for paths that need no database: a file (a dot in the last segment) or the health report. */
function needsDatabase(pathname: string): boolean {
  if (pathname === "/api/health" || pathname.startsWith("/_next/")) return false;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !last.includes(".");
}

export function databaseUnavailableResponse(api: boolean): NextResponse {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  return api
    ? NextResponse.json(
        { error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } },
        { status: 503, headers },
      )
    : new NextResponse(databaseUnavailablePage(RETRY_AFTER_SECONDS), {
        status: 503,
        headers: { ...headers, "content-type": "text/html; charset=utf-8" },
      });
}

/** A 503 response when this path needs the database and it is not there; null to go on. */
export async function databaseGate(pathname: string): Promise<NextResponse | null> {
  if (!needsDatabase(pathname)) return null;
  if (await databaseAvailable(pingDatabase)) return null;
  return databaseUnavailableResponse(pathname.startsWith("/api/"));
}
