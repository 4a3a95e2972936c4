/**
 * Terms of the linker: the search's normalisation and segmentation (jieba with the policy
 * dictionary, ADR 0001), minus the linker's stop-words (data/links/stopwords.txt) and one-character
 * words, plus the search's synonym table for expansion below literal terms.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../infra/paths";
import { normalizeText } from "../search/normalize";
import { getJieba } from "../search/segment";
import { synonymsOf } from "../search/synonyms";

let stopwords: Set<string> | null = null;

/** The stop-word list, normalised; lines starting with "#" are comments. */
export function linkStopwords(): Set<string> {
  if (!stopwords) {
    const file = path.join(projectRoot, "data", "links", "stopwords.txt");
    const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : [];
    stopwords = new Set(
      lines
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
        .map(normalizeText),
    );
  }
  return stopwords;
}

const HAS_WORD = /[\p{Script=Han}a-z]/u;

/**
 * Content words of a passage, in order, repeats kept (term frequency counts). One-character words
 * are dropped: in this prose they are grammar (将, 把, 等) or fragments of words jieba did not know.
 * Pure numbers are dropped too: 2020 or 44% name no topic.
 */
export function linkTokens(text: string): string[] {
  const stop = linkStopwords();
  const out: string[] = [];
  for (const raw of getJieba().cut(normalizeText(text), true)) {
    const t = raw.trim();
    if ([...t].length < 2 || !HAS_WORD.test(t) || stop.has(t)) continue;
    out.push(t);
  }
  return out;
}

/**
 * The sub-words jieba's search mode finds inside a long word (保障性租赁住房 → 保障, 租赁, 住房…),
 * so that a passage saying 租赁住房 still meets one saying 保障性租赁住房, below the whole word.
 */
const subCache = new Map<string, string[]>();
export function subTokens(token: string): string[] {
  if ([...token].length < 3) return [];
  let subs = subCache.get(token);
  if (!subs) {
    const stop = linkStopwords();
    subs = getJieba()
      .cutForSearch(token, true)
      .filter((t) => t !== token && [...t].length >= 2 && HAS_WORD.test(t) && !stop.has(t));
    subCache.set(token, subs);
  }
  return subs;
}

let ownGroups: Map<string, string[]> | null = null;
/** The linker's own synonym groups (data/links/synonyms.json), normalised. */
function linkerSynonymsOf(term: string): string[] {
  if (!ownGroups) {
    ownGroups = new Map();
    const file = path.join(projectRoot, "data", "links", "synonyms.json");
    const schema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });
    const groups = fs.existsSync(file) ? schema.parse(JSON.parse(fs.readFileSync(file, "utf8"))).groups : [];
    for (const group of groups) {
      const norm = group.map(normalizeText);
      for (const t of norm)
        ownGroups.set(t, [...new Set([...(ownGroups.get(t) ?? []), ...norm.filter((x) => x !== t)])]);
    }
  }
  return ownGroups.get(term) ?? [];
}

const synonymCache = new Map<string, string[]>();
/** Synonyms of a term (the search's table and the linker's own) that are single words of the linker's segmentation. */
export function linkSynonyms(term: string): string[] {
  let out = synonymCache.get(term);
  if (!out) {
    out = [...new Set([...synonymsOf(term), ...linkerSynonymsOf(term)])].filter((s) => {
      const tokens = linkTokens(s);
      return tokens.length === 1 && tokens[0] === s && s !== term;
    });
    synonymCache.set(term, out);
  }
  return out;
}
