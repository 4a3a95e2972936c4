import { init, use as registerEcharts, type ComposeOption } from "echarts/core";
import { HeatmapChart, type HeatmapSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  VisualMapComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type VisualMapComponentOption,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { Coverage } from "@/lib/data/coverage";
import { shortColumnLabel } from "./coverage-labels";
import { chartSvgForCsp } from "@/lib/security/svg";

registerEcharts([HeatmapChart, GridComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<HeatmapSeriesOption | GridComponentOption | VisualMapComponentOption | AriaComponentOption>;

const ROW = 22;
const COLUMN = 128;
const LEFT = 272;
const TOP = 60;
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

const cut = (s: string, max: number) => ([...s].length > max ? `${[...s].slice(0, max).join("")}…` : s);

/** The heatmap as an SVG string, drawn on the server: no DOM, no client script. */
function renderHeatmap(coverage: Coverage, description: string): { svg: string; width: number; height: number } {
  const { rows, columns } = coverage;
  const width = LEFT + columns.length * COLUMN + 16;
  const height = TOP + rows.length * ROW + 12;
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => r.counts[c.key] ?? 0)));
  const chapter = new Set(rows.filter((r) => r.kind === "chapter").map((r) => r.path));
  const option: Option = {
    animation: false,
    // Enabled for its description; ECharts' server renderer does not write aria-label yet, so the
    // wrapper in the page carries the same description.
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    grid: { left: LEFT, right: 16, top: TOP, bottom: 12 },
    xAxis: {
      type: "category",
      position: "top",
      data: columns.map((c) => shortColumnLabel(c)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { interval: 0, color: "#292524", fontSize: 11, lineHeight: 15 },
      splitArea: { show: false },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.path),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        color: "#292524",
        fontSize: 12,
        formatter: (path: string) => {
          const row = rows.find((r) => r.path === path)!;
          return chapter.has(path) ? `{chapter|${cut(row.label, 17)}}` : `{section|${cut(row.label, 19)}}`;
        },
        rich: { chapter: { fontWeight: "bold", fontSize: 12 }, section: { fontSize: 11, color: "#44403c" } },
      },
    },
    visualMap: {
      type: "continuous",
      show: false,
      min: 0,
      max,
      inRange: { color: ["#f5f5f4", "#fde68a", "#f59e0b"] },
    },
    series: [
      {
        type: "heatmap",
        data: rows.flatMap((r, y) => columns.map((c, x) => [x, y, r.counts[c.key] ?? 0])),
        itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        label: {
          show: true,
          color: "#1c1917",
          fontSize: 11,
          formatter: (p) => {
            const value = (p.value as number[])[2];
            return value ? String(value) : "";
          },
        },
      },
    ],
  };
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return { svg: chartSvgForCsp(chart.renderToSVGString()), width, height };
  } finally {
    chart.dispose();
  }
}

/** The plan's chapters and sections × document groups: how many documents address each. */
export function CoverageHeatmap({ coverage }: { coverage: Coverage }) {
  if (!coverage.rows.length || !coverage.columns.length) {
    return <p className="text-stone-600 dark:text-stone-400">没有可绘制的数据（所选范围内没有文档或规划章节）。</p>;
  }
  const top = [...coverage.rows].filter((r) => r.kind !== "chapter").sort((a, b) => b.total - a.total)[0];
  const description =
    `热力图：规划纲要 ${coverage.rows.length} 个章与节（行）× ${coverage.columns.length} 组文档（列，按类型和来源），` +
    `格中数字为涉及该章节的文档篇数，颜色越深篇数越多。` +
    (top && top.total ? `涉及最多的一节是“${top.label}”（${top.total} 篇）。` : "") +
    `各格数字见下方表格。`;
  const { svg, width } = renderHeatmap(coverage, description);
  return (
    <div
      className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-2 dark:border-stone-800"
      tabIndex={0}
      role="region"
      aria-label="覆盖热力图（可横向滚动）"
    >
      <div
        role="img"
        aria-label={description}
        style={{ minWidth: `${Math.min(width, 640)}px`, maxWidth: `${width}px` }}
        className="[&_svg]:h-auto [&_svg]:w-full"
        // The markup is ECharts' own SVG output (it escapes the labels it draws), not document text.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </div>
  );
}
