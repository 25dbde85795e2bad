/**
 * Local stand-ins for the services alerts go to: an HTTP receiver that records
 * every request and answers what the test says, and an SMTP server that
 * records every mail. Both listen on 127.0.0.1 on a free port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** What to answer next (status and JSON body); default 200 `{}`. */
  answer(status: number, body: unknown): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  let reply = { status: 200, body: {} as unknown };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(status, body) {
      reply = { status, body };
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface MailReceiver {
  port: number;
  mails: { from: string; to: string[]; data: string; user?: string }[];
  close(): Promise<void>;
}

/** An SMTP server without TLS that accepts one user and records what it receives. */
export async function startMailReceiver(user = "owner@example.com", pass = "smtp-password"): Promise<MailReceiver> {
  const mails: MailReceiver["mails"] = [];
  const server = new SMTPServer({
    authOptional: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user: auth.username });
      else cb(new Error("535 authentication failed"));
    },
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((r) => server.close(() => r())) };
}
