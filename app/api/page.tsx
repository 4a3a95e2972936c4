import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApi } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "开放接口 API" };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { type?: string; enum?: string[]; default?: unknown; minimum?: number; maximum?: number; pattern?: string };
}

function describeSchema(s: Parameter["schema"]): string {
  const parts = [s.enum ? s.enum.join(" | ") : s.type];
  if (s.minimum !== undefined && s.maximum !== undefined && s.maximum < 1e9) parts.push(`${s.minimum}–${s.maximum}`);
  if (s.default !== undefined) parts.push(`默认 ${String(s.default)}`);
  if (s.pattern) parts.push(s.pattern);
  return parts.filter(Boolean).join("，");
}

interface Operation {
  summary: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref: string } }> }>;
}

export default function ApiDocsPage() {
  const doc = buildOpenApi() as {
    info: { description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  // One section per operation: a path may answer GET to everyone and PATCH to editors.
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className="max-w-4xl">
      <PageHeader title="开放接口（JSON API v1）">
        <p className="text-stone-600 dark:text-stone-300">
          UTF-8 JSON；读取公开，写入（关联的新增与修改）仅限编辑。机器可读的 OpenAPI 3.1 描述：
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
          （由接口校验所用的同一套 zod 模式生成）。
        </p>
        <p className="text-sm text-stone-600 dark:text-stone-400">{doc.info.description}</p>
      </PageHeader>
      <div className="space-y-8">
        {operations.map(({ path, method, op: get }) => (
          <section
            key={`${method} ${path}`}
            aria-labelledby={`ep-${method}-${path}`}
            className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            <h2 id={`ep-${method}-${path}`} className="font-mono text-base font-semibold">
              {method} {path}
            </h2>
            <p className="mt-1">{get.summary}</p>
            {get.security ? <p className="mt-1 text-sm">仅限已登录的编辑；须从本站发出（同源请求）。</p> : null}
            {get.requestBody ? (
              <p className="mt-1 text-sm">
                请求体：application/json → {get.requestBody.content["application/json"]!.schema.$ref.split("/").pop()}
              </p>
            ) : null}
            {get.parameters.length ? (
              <table className="mt-3 w-full text-left text-sm">
                <caption className="sr-only">
                  {method} {path} 的参数
                </caption>
                <thead>
                  <tr className="border-b border-stone-200 dark:border-stone-700">
                    <th scope="col" className="py-1 pr-3">
                      参数
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      位置
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      类型与取值
                    </th>
                    <th scope="col" className="py-1">
                      说明
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr key={p.name} className="border-b border-stone-100 dark:border-stone-800">
                      <td className="py-1 pr-3 font-mono">
                        {p.name}
                        {p.required ? " *" : ""}
                      </td>
                      <td className="py-1 pr-3">{p.in}</td>
                      <td className="py-1 pr-3">{describeSchema(p.schema)}</td>
                      <td className="py-1">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <ul className="mt-3 text-sm">
              {Object.entries(get.responses).map(([status, r]) => (
                <li key={status}>
                  <span className="font-mono">{status}</span> {r.description}
                  {r.content ? ` → ${r.content["application/json"]!.schema.$ref.split("/").pop()}` : ""}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
