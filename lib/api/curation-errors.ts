import { CurationError } from "../data/curation";
import { apiError } from "./http";

const STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;

/** A curation refusal as the API's error body; null for anything else (a real failure). */
export function curationErrorResponse(error: unknown): Response | null {
  return error instanceof CurationError ? apiError(STATUS[error.code], error.code, error.message) : null;
}
