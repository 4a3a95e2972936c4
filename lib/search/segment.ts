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

/**
 * Words of a resident's question that say how it is asked, not what about: when, where, who,
 * whether, can, will ("老旧小区什么时候能改造完", "大兴以后会通哪些地铁"). Our ranking leaves them out
 * (`contentTokens`); `queryTokens` keeps them, as the BM25 baseline of eval:search reads it.
 */
const FUNCTION_WORDS = new Set([
  "什么",
  "什么时候",
  "时候",
  "何时",
  "多久",
  "以后",
  "今后",
  "将来",
  "哪里",
  "哪儿",
  "哪个",
  "哪些",
  "哪家",
  "多少",
  "为何",
  "为啥",
  "咋办",
  "怎么办",
  "怎么样",
  "是否",
  "能否",
  "能不能",
  "会不会",
  "可不可以",
  "可以",
  "应该",
  "需要",
  "有没有",
  "没有",
  "愿意",
  "不愿",
  "不愿意",
  "找谁",
  "咱们",
  "你们",
  "他们",
  "自己",
  "这个",
  "那个",
  "这些",
  "那些",
  "一下",
  "现在",
  "目前",
  "已经",
  "还是",
  "还有",
  // How often, how much, where and whether, as residents ask: 最近心情总是很低落，附近有…吗
  "最近",
  "总是",
  "经常",
  "一直",
  "老是",
  "到底",
  "究竟",
  "真的",
  "附近",
  "家门口",
]);

/** A query word's tokens without question and function words (unless that is all there is). */
export function contentTokens(text: string): string[] {
  const tokens = queryTokens(text);
  const content = tokens.filter((t) => !FUNCTION_WORDS.has(t));
  return content.length ? content : tokens;
}

/** The words inside a word, from search-mode segmentation (停车难 → 停车, 停车难). */
export function subWords(text: string): string[] {
  return clean(getJieba().cutForSearch(normalizeText(text), true));
}
