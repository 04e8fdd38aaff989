// Signs in as a unit and as the agent, connects the unit to /hubs/hotline with the official JavaScript
// client over WebSockets, dispatches an order to that unit and to another unit, and reports what arrived.
// Usage: node check.mjs http://127.0.0.1:PORT   (prints one JSON line; exit code 0 when every check holds)
import * as signalR from "@microsoft/signalr";

const base = process.argv[2];
const password = "Demo#12345";

async function token(userName) {
  const r = await fetch(`${base}/api/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userName, password }) });
  if (!r.ok) throw new Error(`sign-in ${userName}: ${r.status}`);
  return (await r.json()).accessToken;
}

async function registerAndDispatch(agent, categoryCode, districtCode, streetCode) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${agent}` };
  const body = { channel: "Web", type: "Complaint", categoryCode, urgency: "Normal", citizen: { name: "测试", phone: "13812345678", confidential: false }, location: { districtCode, streetCode, address: "测试地址" }, content: `JS 客户端检查 ${Date.now()}` };
  const created = await fetch(`${base}/api/tickets`, { method: "POST", headers, body: JSON.stringify(body) });
  if (created.status !== 201) throw new Error(`register: ${created.status} ${await created.text()}`);
  const ticket = await created.json();
  const started = Date.now();
  const dispatched = await fetch(`${base}/api/tickets/${ticket.id}/dispatch`, { method: "POST", headers, body: "{}" });
  if (!dispatched.ok) throw new Error(`dispatch: ${dispatched.status}`);
  return { ticket: await dispatched.json(), started };
}

const result = { ok: false };
try {
  const [water, agent] = await Promise.all([token("water"), token("agent")]);
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/hotline`, { accessTokenFactory: () => water, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const received = [];
  connection.on("TicketChanged", change => received.push({ ...change, at: Date.now() }));
  await connection.start();

  const other = await registerAndDispatch(agent, "rq-tg", "xc", "xc-dsl");   // dispatched to the gas company
  const mine = await registerAndDispatch(agent, "sw-ts", "dc", "dc-dhm");    // dispatched to the water company
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && !received.some(c => c.ticketId === mine.ticket.id && c.status === "Dispatched")) {
    await new Promise(r => setTimeout(r, 20));
  }
  await connection.stop();

  const hit = received.find(c => c.ticketId === mine.ticket.id && c.status === "Dispatched");
  result.latencyMs = hit ? hit.at - mine.started : null;
  result.fields = hit ? Object.keys(hit).filter(k => k !== "at").sort() : [];
  result.number = hit?.number === mine.ticket.number;
  result.version = hit?.version === mine.ticket.version;
  result.sequence = typeof hit?.sequence === "number" && hit.sequence > 0;
  result.otherUnitLeaked = received.some(c => c.ticketId === other.ticket.id);
  result.ok = !!hit && result.latencyMs < 1000 && result.number && result.version && result.sequence && !result.otherUnitLeaked;
} catch (e) {
  result.error = String(e);
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
