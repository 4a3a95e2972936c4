/**
 * Display normalisation of parsed text: what a reader sees is typeset as Chinese, while the source
 * file (and the source-lines view that reads it) keeps every character as printed. Applied to every
 * parser's output in one place (`normalizeResult`, called by `parseSource`); each function is
 * idempotent, so a parser may apply one early (the plan parser cuts its targets from normalised
 * paragraphs) without the final pass changing anything again.
 */
import type { ParseResult, ParsedDocument, ParsedPerson } from "./types";

const HAN = /\p{Script=Han}/u;
/** Full-width punctuation and quotes that belong to Chinese text. */
const WIDE_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】…—·「」『』〔〕";
const isWide = (c: string | undefined) => c !== undefined && (HAN.test(c) || WIDE_PUNCT.includes(c));
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };

/**
 * ASCII , : ; ? ! next to Chinese become their full-width forms ("人民至上,着力" → "人民至上，着力"),
 * and the spaces around them go. Between two digits (1,000 · 3:1 · 6:4) or inside Latin text
 * ("http://", "a, b") they stay.
 */
function widenMarks(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const wide = FULL_WIDTH[c];
    if (!wide) {
      out += c;
      continue;
    }
    let before = i - 1;
    while (before >= 0 && s[before] === " ") before--;
    let after = i + 1;
    while (after < s.length && s[after] === " ") after++;
    const prev = s[before];
    const next = s[after];
    const betweenDigits = isDigit(s[i - 1]) && isDigit(s[i + 1]);
    if (betweenDigits || !(isWide(prev) || isWide(next))) {
      out += c;
      continue;
    }
    out = out.replace(/ +$/u, "") + wide;
    i = after - 1;
  }
  return out;
}

/**
 * A pair of ASCII parentheses in Chinese text becomes full-width: when it holds Chinese
 * ("(以下简称自贸区)", "(一)") or stands right after it ("地区生产总值(GDP)"). "(2)" in Latin
 * text or a formula stays. Inner pairs first, so "(国土空间规划(草案))" converts whole.
 */
function widenParentheses(s: string): string {
  let prev: string;
  let out = s;
  do {
    prev = out;
    out = out.replace(/\(([^()]*)\)/gu, (whole, inner: string, offset: number, all: string) => {
      const before = all.slice(0, offset).trimEnd().slice(-1);
      const after = all.slice(offset + whole.length).trimStart()[0];
      const chinese = HAN.test(inner) || /[（）]/u.test(inner) || isWide(before) || (!before && isWide(after));
      return chinese ? `（${inner.trim()}）` : `\u0000${inner}\u0001`;
    });
  } while (out !== prev);
  // A pair that stays ASCII was parked as \u0000…\u0001 so the loop does not match it again.
  return out.replace(/\u0000/gu, "(").replace(/\u0001/gu, ")");
}

/** Spaces next to full-width punctuation are typesetting, never content. */
const collapseAroundWide = (s: string) =>
  s.replace(new RegExp(` +(?=[${WIDE_PUNCT}])|(?<=[${WIDE_PUNCT}]) +`, "gu"), "");

/** Where a Chinese sentence may start: a character, an opening quote, book-title mark or bracket. */
const CHINESE_START = "(?=[\\p{Script=Han}“‘《（【「])";
const LEADING_ENUMERATOR = new RegExp(
  `^((?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\\d]{1,3}）|\\d{1,2}[.．、]|\\d{1,2}）)) +${CHINESE_START}`,
  "u",
);

/**
 * Reading text as a reader sees it: full-width punctuation in Chinese, no stray space after an
 * enumerator ("一、 现状", "(一) 建立…", "1. 要提高…"), "1) 科技型…" as "1）科技型…".
 */
export function displayText(input: string): string {
  let s = widenParentheses(widenMarks(input));
  s = s.replace(new RegExp(`^(\\d{1,2})\\) *${CHINESE_START}`, "u"), "$1）");
  s = collapseAroundWide(s);
  return s.replace(LEADING_ENUMERATOR, "$1");
}

/**
 * A role as one label that reads well inside the parentheses pages put it in: the sector a member
 * sits for is joined with a middle dot, "市政协委员（经济界）" → "市政协委员·经济界" (so a page shows
 * "胡立刚（市政协委员·经济界）", not nested parentheses).
 */
export function normalizeRole(role: string): string {
  const s = displayText(role.trim());
  const m = s.match(/^(.+?)（([^（）]+)）$/u);
  return m ? `${m[1]}·${m[2]}` : s;
}

/**
 * A title in one form: display text, without book-title marks or quotes around the whole of it and
 * without closing punctuation ("《关于…的建议》。" → "关于…的建议").
 */
export function normalizeTitle(title: string): string {
  let s = displayText(title.trim()).replace(/\s+/gu, " ");
  for (;;) {
    const before = s;
    s = s.replace(/[。．.，、；：:;,]+$/u, "").trim();
    const wrapped = s.match(/^(?:《(.+)》|“(.+)”|「(.+)」|"(.+)")$/u);
    // Only when the marks enclose the whole title: "《条例》与《办法》的衔接" keeps its own.
    const inner = wrapped ? (wrapped[1] ?? wrapped[2] ?? wrapped[3] ?? wrapped[4])! : null;
    if (inner !== null && !/[《》“”「」"]/u.test(inner)) s = inner.trim();
    if (s === before) return s;
  }
}

/** A value that says nothing ("〔〕", "[]", "—"): the web page's empty field, not data. */
export const isEmptyValue = (s: string) => !/[\p{L}\p{N}]/u.test(s);

function normalizePerson(p: ParsedPerson): ParsedPerson {
  return {
    name: p.name,
    role: p.role === null ? null : normalizeRole(p.role) || null,
    affiliation: p.affiliation === null ? null : displayText(p.affiliation) || null,
  };
}

function normalizeDocument(d: ParsedDocument): ParsedDocument {
  return {
    ...d,
    title: normalizeTitle(d.title),
    subtitle: d.subtitle === null ? null : displayText(d.subtitle),
    authoringOffice: d.authoringOffice === null ? null : displayText(d.authoringOffice),
    speakers: d.speakers.map(normalizePerson),
    paragraphs: d.paragraphs.map((p) => ({ ...p, text: displayText(p.text) })),
  };
}

/** Every parser's output as readers see it (and as it is indexed and stored). */
export function normalizeResult(result: ParseResult): ParseResult {
  const plan = result.plan;
  return {
    documents: result.documents.map(normalizeDocument),
    plan: plan && {
      title: normalizeTitle(plan.title),
      metadata: Object.fromEntries(
        Object.entries(plan.metadata)
          .map(([k, v]) => [k, displayText(v)] as const)
          .filter(([, v]) => !isEmptyValue(v)),
      ),
      nodes: plan.nodes.map((n) => ({
        ...n,
        number: n.number === null ? null : displayText(n.number),
        title: normalizeTitle(n.title),
        paragraphs: n.paragraphs.map((p) => ({ ...p, text: displayText(p.text) })),
      })),
    },
    warnings: result.warnings,
  };
}
