/**
 * Chinese word segmentation with @node-rs/jieba and the project dictionary (data/search/
 * dictionary.txt), used the same way at ingest and at query time.
 */
import fs from "node:fs";
import path from "node:path";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { projectRoot } from "../infra/paths";
import { normalizeText } from "./normalize";

/** The project's policy-term dictionary ("word freq tag" lines), data kept beside the code. */
export const DICTIONARY_FILE = path.join(projectRoot, "data", "search", "dictionary.txt");

let jieba: Jieba | null = null;

export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    if (fs.existsSync(DICTIONARY_FILE)) jieba.loadDict(fs.readFileSync(DICTIONARY_FILE));
  }
  return jieba;
}

const WORD = /[\p{Script=Han}a-z0-9]/u;
/** Words that carry no meaning in a question ("怎样降低企业用工成本"). */
const STOPWORDS = new Set([
  "的",
  "了",
  "和",
  "与",
  "及",
  "或",
  "是",
  "在",
  "对",
  "怎样",
  "怎么",
  "如何",
  "什么",
  "哪些",
  "为什么",
  "吗",
  "呢",
  "吧",
  "啊",
  "请问",
  "关于",
  "有关",
  "我们",
  "进行",
  "一些",
]);

function clean(tokens: string[]): string[] {
  return tokens.map((t) => t.trim()).filter((t) => t && WORD.test(t));
}

/** Tokens to index: search-mode segmentation (words and their sub-words) of normalised text. */
export function indexTokens(text: string): string[] {
  return clean(getJieba().cutForSearch(normalizeText(text), true));
}

/** Tokens of a query word: precise segmentation, question words dropped (unless that is all there is). */
export function queryTokens(text: string): string[] {
  const tokens = clean(getJieba().cut(normalizeText(text), true));
  const meaningful = tokens.filter((t) => !STOPWORDS.has(t));
  return meaningful.length ? meaningful : tokens;
}

/** The words inside a word, from search-mode segmentation (停车难 → 停车, 停车难). */
export function subWords(text: string): string[] {
  return clean(getJieba().cutForSearch(normalizeText(text), true));
}
