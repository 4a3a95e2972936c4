import type { Metadata } from "next";
import { headers } from "next/headers";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApi, curlExample } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/public-origin";

export const metadata: Metadata = { title: "开放接口 API" };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: { type?: string; enum?: string[]; default?: unknown; minimum?: number; maximum?: number; pattern?: string };
  example?: string | number | boolean;
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
  requestBody?: { content: Record<string, { schema: { $ref: string }; example?: unknown }> };
  security?: unknown[];
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: { $ref: string }; example?: unknown }> }
  >;
}

const CODE_CLASS =
  "mt-1 max-h-96 overflow-auto whitespace-pre rounded-md border border-stone-200 bg-stone-50 p-3 font-mono text-xs leading-5 dark:border-stone-700 dark:bg-stone-950";

export default async function ApiDocsPage() {
  // The curl lines name this site as the reader reached it (or PUBLIC_URL).
  const h = await headers();
  const origin = publicOrigin(new Request(`http://${h.get("host") ?? "localhost"}/api`, { headers: h }));
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
            <ExampleBlocks path={path} method={method} op={get} origin={origin} />
          </section>
        ))}
      </div>
    </div>
  );
}

/** The example request as a curl line and the response it gets, both from the OpenAPI document's examples. */
function ExampleBlocks({ path, method, op, origin }: { path: string; method: string; op: Operation; origin: string }) {
  const [status, ok] = Object.entries(op.responses)[0]!;
  const response = ok.content?.["application/json"]?.example;
  if (response === undefined) return null;
  return (
    <div className="mt-4 space-y-3 text-sm">
      <div>
        <h3 className="font-semibold">示例请求</h3>
        <pre tabIndex={0} role="region" aria-label={`${method} ${path} 的示例请求`} className={CODE_CLASS}>
          <code>{curlExample(origin, path, method, op)}</code>
        </pre>
      </div>
      <div>
        <h3 className="font-semibold">
          示例响应（{status}
          {op.security ? "，与 GET 同一资源的响应结构相同" : ""}；列表只取前两项，长文本截断）
        </h3>
        <pre tabIndex={0} role="region" aria-label={`${method} ${path} 的示例响应`} className={CODE_CLASS}>
          <code>{JSON.stringify(response, null, 2)}</code>
        </pre>
      </div>
    </div>
  );
}
