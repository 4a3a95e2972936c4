/**
 * Reading a password for the editor CLI: a hidden prompt on a terminal, else the first line of
 * stdin (`printf '%s\n' "$PASSWORD" | npm run editor:add -- name`). Never from an argument,
 * which other users of the machine can see in the process list and which shells keep in history.
 */

/** The first line of a piped stdin, without its line ending. */
export async function readPasswordFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of stdin) {
    text += chunk as string;
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

/** Asks for a line on the terminal without echoing it. Ctrl-C (or Ctrl-D on an empty line) cancels. */
export function promptHidden(question: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const out = process.stderr;
  out.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      out.write("\n");
      if (error) reject(error);
      else resolve(chars.join(""));
    };
    const onData = (chunk: string) => {
      // Arrow and function keys arrive as one escape sequence: none of it is part of a password.
      if (chunk.startsWith("\u001b")) return;
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || (ch === "\u0004" && chars.length === 0)) return finish(new Error("Cancelled."));
        if (ch === "\u007f" || ch === "\b") chars = chars.slice(0, -1);
        else if (ch >= " ") chars.push(ch);
      }
    };
    stdin.on("data", onData);
  });
}
