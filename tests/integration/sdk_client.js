// Calls DescribeAccountBalance through the official Node.js SDK, as a user's own
// script would, and prints what the SDK returned: the simulator must be
// indistinguishable from the service for it.
//
// usage: node sdk_client.js PORT SECRET_ID SECRET_KEY [renewals MAX_RESULTS]
// With "renewals" it pages through DescribeRenewInstances instead, following
// NextToken until it is null.
// The SDK keeps its real endpoint (billing.tencentcloudapi.com, so it signs with
// service "billing" and that host); an http.Agent sends the connection to the
// simulator on 127.0.0.1:PORT instead.
"use strict";
const http = require("http");
const net = require("net");
const { billing } = require("tencentcloud-sdk-nodejs/tencentcloud/services/billing");

const [port, secretId, secretKey, action, maxResults] = process.argv.slice(2);

class LoopbackAgent extends http.Agent {
  createConnection(options, callback) {
    return net.createConnection({ host: "127.0.0.1", port: Number(port) }, callback);
  }
}

const client = new billing.v20180709.Client({
  credential: { secretId, secretKey },
  region: "",
  profile: {
    httpProfile: {
      protocol: "http://",
      endpoint: "billing.tencentcloudapi.com",
      reqTimeout: 10,
      agent: new LoopbackAgent(),
    },
  },
});

async function renewals() {
  const ids = [];
  let token;
  let pages = 0;
  do {
    const req = { MaxResults: Number(maxResults) };
    if (token) req.NextToken = token;
    const r = await client.DescribeRenewInstances(req);
    pages++;
    for (const x of r.InstanceList) ids.push(`${x.InstanceId}:${x.Status}:${x.RenewFlag}`);
    token = r.NextToken;
  } while (token && pages < 100);
  console.log(`ok pages=${pages} instances=${ids.length} first=${ids[0]} last=${ids[ids.length - 1]}`);
}

const call = action === "renewals" ? renewals() : client.DescribeAccountBalance({});
call.then(
  (r) => {
    if (action === "renewals") return;
    console.log(
      `ok RealBalance=${r.RealBalance} CashAccountBalance=${r.CashAccountBalance} ` +
        `PresentAccountBalance=${r.PresentAccountBalance} OweAmount=${r.OweAmount} Uin=${r.Uin} ` +
        `RequestId=${r.RequestId ? "present" : "absent"}`
    );
  },
  (e) => {
    console.log(`error code=${e.code} requestId=${e.requestId ? "present" : "absent"}`);
  }
);
