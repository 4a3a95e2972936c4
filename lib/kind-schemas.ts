/** The zod enums that validate kinds at the boundaries (lib/kinds.ts holds the kinds themselves). */
import { z } from "zod";
import { DocumentKind } from "./generated/prisma/enums";
import { SEARCH_KINDS, type SearchKind } from "./kinds";

export const documentKindSchema = z.enum(DocumentKind);
export const searchKindSchema = z.enum(SEARCH_KINDS as [SearchKind, ...SearchKind[]]);
