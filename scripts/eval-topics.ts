/**
 * npm run eval:topics — how well the topic assignment matches hand labels (data/topics/labels.json:
 * documents and plan nodes, each with its topics, split into tune and held-out), next to a
 * keyword-only baseline in the same run (a unit is on every topic one of whose defining terms
 * occurs in its title or text). In memory from the parsed corpus and the linker's suggestions, as
 * `npm run link` would store them: no database.
 *
 * Precision, recall and F1 per topic and micro-averaged, per split. Tuning discipline: per-case rows
 * are printed for the tune split only; held-out prints aggregates only. `-- --tune` computes the
 * tune split alone (use it while tuning); `-- --set name=value` overrides a numeric option.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../lib/infra/paths";
import { parseCorpus } from "../lib/ingest/run";
import { linkInputsFromCorpus } from "../lib/linking/corpus-input";
import { linkCorpus } from "../lib/linking/linker";
import {
  assignTopics,
  DEFAULT_TOPIC_OPTIONS,
  TOPIC_METHOD,
  TOPIC_VERSION,
  type TopicOptions,
} from "../lib/topics/assign";
import { keywordTopics } from "../lib/topics/baseline";
import { topicInputs } from "../lib/topics/corpus-input";
import { evaluate, type Scores } from "../lib/topics/metrics";
import { loadTaxonomy } from "../lib/topics/taxonomy";

const tuneOnly = process.argv.includes("--tune");
const overrides: Partial<TopicOptions> = {};
process.argv.forEach((a, i) => {
  if (a !== "--set") return;
  const [name, value] = (process.argv[i + 1] ?? "").split("=");
  if (!name || !(name in DEFAULT_TOPIC_OPTIONS) || Number.isNaN(Number(value)))
    throw new Error(`--set ${name}: not a numeric topic option`);
  Object.assign(overrides, { [name]: Number(value) });
});

const taxonomy = loadTaxonomy();
const slugs = taxonomy.map((t) => t.slug);
const { documents, plans } = linkInputsFromCorpus(parseCorpus());
if (plans.length !== 1) throw new Error(`expected one plan in the corpus, found ${plans.length}`);
const nodes = plans[0]!.nodes;
const docById = new Map(documents.map((d) => [d.id, d]));
const nodeByPath = new Map(nodes.map((n) => [n.path, n]));

const labelsSchema = z.object({
  comment: z.string().optional(),
  cases: z
    .array(
      z
        .object({
          id: z.string(),
          kind: z.enum(["speech", "proposal", "report", "plan"]),
          split: z.enum(["tune", "heldout"]),
          topics: z.array(z.string().refine((s) => slugs.includes(s), { message: "unknown topic" })),
          why: z.string().optional(),
        })
        .refine(
          (c) => (c.kind === "plan" ? nodeByPath.has(c.id.replace(/^plan:/, "")) : docById.get(c.id)?.kind === c.kind),
          {
            message: "no such document or plan node of that kind",
          },
        ),
    )
    .min(1),
});
const labels = labelsSchema.parse(
  JSON.parse(fs.readFileSync(path.join(projectRoot, "data", "topics", "labels.json"), "utf8")),
);

const started = performance.now();
const links = linkCorpus(documents, nodes).links.filter((l) => l.targetId === null);
const inputs = topicInputs(documents, nodes);
const result = assignTopics(taxonomy, inputs.documents, inputs.nodes, links, overrides);
const seconds = (performance.now() - started) / 1000;

/** A plan node's text for the baseline: its own and every node's below it, with titles. */
const planText = (p: string) =>
  nodes
    .filter((n) => n.path === p || n.path.startsWith(`${p}.`))
    .flatMap((n) => [n.label, ...n.paragraphs.map((x) => x.text)])
    .join("\n");

function predictions(c: (typeof labels.cases)[number]) {
  if (c.kind === "plan") {
    const p = c.id.replace(/^plan:/, "");
    return {
      ours: (result.planNodes.get(p) ?? []).map((t) => t.topic),
      baseline: keywordTopics(taxonomy, planText(p)),
    };
  }
  const d = docById.get(c.id)!;
  return {
    ours: (result.documents.get(c.id) ?? []).map((t) => t.topic),
    baseline: keywordTopics(taxonomy, [d.title, ...d.paragraphs.map((p) => p.text)].join("\n")),
  };
}

const f = (x: number) => x.toFixed(3);
const row = (label: string, s: Scores) =>
  `| ${label} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`;

console.log(
  `Topic assignment ${TOPIC_METHOD}@${TOPIC_VERSION}: ${labels.cases.length} labelled units, ${slugs.length} topics; assigned in ${seconds.toFixed(1)} s (linking included).`,
);
if (Object.keys(overrides).length) console.log(`Options overridden: ${JSON.stringify(overrides)}`);

for (const split of ["tune", "heldout"] as const) {
  if (split === "heldout" && tuneOnly) continue;
  const cases = labels.cases.filter((c) => c.split === split).map((c) => ({ c, ...predictions(c) }));
  const ours = evaluate(
    cases.map((x) => ({ gold: x.c.topics, predicted: x.ours })),
    slugs,
  );
  const base = evaluate(
    cases.map((x) => ({ gold: x.c.topics, predicted: x.baseline })),
    slugs,
  );
  console.log(`\n## ${split} (${cases.length} units)\n`);
  console.log("| system | precision | recall | F1 | tp | fp | fn |\n| --- | --- | --- | --- | --- | --- | --- |");
  console.log(row("ours (micro)", ours.micro));
  console.log(row("keyword baseline (micro)", base.micro));
  for (const kind of ["speech", "proposal", "report", "plan"] as const) {
    const sub = cases.filter((x) => x.c.kind === kind);
    if (!sub.length) continue;
    const o = evaluate(
      sub.map((x) => ({ gold: x.c.topics, predicted: x.ours })),
      slugs,
    ).micro;
    const b = evaluate(
      sub.map((x) => ({ gold: x.c.topics, predicted: x.baseline })),
      slugs,
    ).micro;
    console.log(row(`ours, ${kind} (${sub.length})`, o));
    console.log(row(`baseline, ${kind} (${sub.length})`, b));
  }
  console.log(`\nPer topic (${split}): F1 ours / baseline (P, R ours; units labelled)`);
  for (const s of slugs) {
    const o = ours.perTopic.get(s)!;
    const b = base.perTopic.get(s)!;
    if (!o.tp && !o.fp && !o.fn && !b.tp && !b.fp && !b.fn) continue;
    console.log(
      `  ${s.padEnd(22)} F1 ${f(o.f1)} / ${f(b.f1)}   P ${f(o.precision)} R ${f(o.recall)}   (${o.tp + o.fn} labelled)`,
    );
  }
  if (split === "tune") {
    console.log("\nPer case (tune only): labelled | ours | baseline");
    for (const x of cases) {
      const mark = (list: string[]) => list.map((t) => (x.c.topics.includes(t) ? t : `+${t}`)).join(" ") || "—";
      const missed = x.c.topics.filter((t) => !x.ours.includes(t));
      console.log(
        `  ${x.c.id.padEnd(36)} ${x.c.topics.join(" ").padEnd(40)} | ${mark(x.ours)}${missed.length ? ` (missed ${missed.join(" ")})` : ""} | ${x.baseline.length} topics`,
      );
    }
  }
}
