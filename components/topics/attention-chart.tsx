import { init, use as registerEcharts, type ComposeOption } from "echarts/core";
import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { TopicSummary } from "@/lib/data/topics";
import { percent, TOPIC_COLUMN_LABEL } from "./labels";
import { chartSvgForCsp } from "@/lib/security/svg";

registerEcharts([BarChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | AriaComponentOption>;

const COLUMNS = ["speech", "proposal", "report", "plan"] as const;
const COLORS = { speech: "#b45309", proposal: "#0f766e", report: "#6d28d9", plan: "#44403c" };
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';
const ROW = 46;
const TOP = 44;
const LEFT = 150;
const WIDTH = 760;

/** The grouped bars as an SVG string, drawn on the server: no DOM, no client script. */
function renderChart(topics: TopicSummary[], description: string): { svg: string; height: number } {
  const height = TOP + topics.length * ROW + 28;
  const option: Option = {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    legend: { top: 4, left: LEFT, itemWidth: 14, itemHeight: 10, textStyle: { color: "#292524", fontSize: 12 } },
    grid: { left: LEFT, right: 56, top: TOP, bottom: 24 },
    xAxis: {
      type: "value",
      max: (v: { max: number }) => Math.max(0.05, Math.ceil(v.max * 20) / 20),
      axisLabel: { color: "#44403c", fontSize: 11, formatter: (v: number) => `${Math.round(v * 100)}%` },
      splitLine: { lineStyle: { color: "#e7e5e4" } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: topics.map((t) => t.name),
      axisTick: { show: false },
      axisLabel: { color: "#292524", fontSize: 12, interval: 0 },
    },
    series: COLUMNS.map((c) => ({
      type: "bar",
      name: c === "plan" ? "规划纲要（文字篇幅）" : TOPIC_COLUMN_LABEL[c],
      data: topics.map((t) => Math.round(t.attention[c] * 1000) / 1000),
      barGap: "10%",
      barCategoryGap: "22%",
      itemStyle: { color: COLORS[c] },
      label: {
        show: true,
        position: "right",
        fontSize: 9,
        color: "#44403c",
        formatter: (p) => ((p.value as number) >= 0.005 ? percent(p.value as number) : ""),
      },
    })),
  };
  const chart = init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  try {
    chart.setOption(option);
    return { svg: chartSvgForCsp(chart.renderToSVGString()), height };
  } finally {
    chart.dispose();
  }
}

/** Where members' attention and the plan's emphasis diverge: each kind's share per topic beside the plan's. */
export function AttentionChart({ topics }: { topics: TopicSummary[] }) {
  const gaps = topics
    .map((t) => ({ t, gap: (t.attention.speech + t.attention.proposal) / 2 - t.attention.plan }))
    .sort((a, b) => b.gap - a.gap);
  const most = gaps[0];
  const least = gaps.at(-1);
  const description =
    `横向条形图：${topics.length} 个主题，每个主题四根条，分别为大会发言、委员建议、调研报告的关注度占比和规划纲要文字篇幅占比。` +
    (most && least ? `发言与建议比规划更关注的是“${most.t.name}”，规划比发言与建议更侧重的是“${least.t.name}”。` : "") +
    `各项数值见下方表格。`;
  const { svg, height } = renderChart(topics, description);
  return (
    <div
      className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-2 dark:border-stone-800"
      tabIndex={0}
      role="region"
      aria-label="主题关注度图（可横向滚动）"
    >
      <div
        role="img"
        aria-label={description}
        style={{ minWidth: "560px", maxWidth: `${WIDTH}px`, aspectRatio: `${WIDTH} / ${height}` }}
        className="[&_svg]:h-auto [&_svg]:w-full"
        // The markup is ECharts' own SVG output (it escapes the labels it draws: topic names from the taxonomy), not document text.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </div>
  );
}
