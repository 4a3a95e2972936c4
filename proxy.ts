import { NextResponse, type NextRequest } from "next/server";
import { databaseGate } from "@/lib/data/database-gate";
import { readingTargetExists, readingTargetOf } from "@/lib/data/exists";

/**
 * Two answers that must be settled before a page or route runs:
 * - A path with broken percent-encoding (`/speeches/%E0%A4%A`) is a 400; Next would fail
 *   decoding its parameters with a bare 500.
 * - Unknown ids (documents, people, chapters, links; /compare's document and plan node) answer 404. A reading page streams (a loading.tsx above it, the root one at
 *   least), so its status is sent before the page's own notFound() runs and would be 200 (Next
 *   documents this for streamed responses). An unknown id is rewritten to a path no route
 *   matches, which Next answers with the root not-found page and a real 404.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    const message = "The URL path is not valid percent-encoded UTF-8.";
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "invalid_path", message } }, { status: 400 })
      : new NextResponse(`400 Bad Request: ${message}\n`, {
          status: 400,
          headers: { "content-type": "text/plain; charset=utf-8" },
        });
  }
  // Database down (stopped, frozen): 503 before anything streams; lib/data/database-gate.ts.
  const unavailable = await databaseGate(pathname);
  if (unavailable) return unavailable;

  const target = readingTargetOf(pathname, request.nextUrl.searchParams);
  if (!target || (await readingTargetExists(target))) return NextResponse.next();
  return NextResponse.rewrite(new URL("/_not-found", request.url));
}

// Everything but Next's own assets.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
