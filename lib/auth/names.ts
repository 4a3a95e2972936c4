/**
 * Editor names and passwords: the rules the CLI, Better Auth's username plugin and the sign-in
 * throttle share. Pure functions, no I/O.
 */

/** Sign-in names compare after NFKC (full-width → ASCII), trimming and lower-casing: "Zhang" = "ｚｈａｎｇ". */
export function normalizeEditorName(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/** The name as shown in the app and recorded in link history: as given, minus width variants and spaces. */
export function displayEditorName(name: string): string {
  return name.normalize("NFKC").trim();
}

export const EDITOR_NAME_MIN = 2;
export const EDITOR_NAME_MAX = 32;

// Letters of any script (张伟 as well as zhangwei), digits, and _ . - inside.
const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** Why a (normalised) name cannot be an editor name, or null when it can. */
export function editorNameProblem(name: string): string | null {
  const n = normalizeEditorName(name);
  const length = [...n].length;
  if (length < EDITOR_NAME_MIN) return `The name must be at least ${EDITOR_NAME_MIN} characters long.`;
  if (length > EDITOR_NAME_MAX) return `The name must be at most ${EDITOR_NAME_MAX} characters long.`;
  if (!NAME_PATTERN.test(n)) {
    return "The name may hold letters (any script), digits and _ . - and must start with a letter or digit.";
  }
  return null;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * Why a password is too weak, or null. A length floor plus two cheap checks against the most
 * common weak choices (one character class, a few repeated characters, the editor's own name);
 * no dictionary: editors are a handful of staff whose accounts an operator creates.
 */
export function passwordProblem(password: string, name: string): string | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) return `The password must be at least ${PASSWORD_MIN} characters long.`;
  if (chars.length > PASSWORD_MAX) return `The password must be at most ${PASSWORD_MAX} characters long.`;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u].filter((c) => c.test(password)).length;
  if (classes < 2) {
    return "The password must mix at least two kinds of characters (lower case, upper case, digits, others).";
  }
  if (new Set(chars).size < 5) return "The password must use at least 5 different characters.";
  const normalizedName = normalizeEditorName(name);
  if (normalizedName && password.normalize("NFKC").toLowerCase().includes(normalizedName)) {
    return "The password must not contain the editor's name.";
  }
  return null;
}
