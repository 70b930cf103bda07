// Pages through DescribeRenewInstances with the official Node.js SDK, as a user's
// own script would, following NextToken until it is null, and prints what the SDK
// returned: the simulator's paging must work for the SDK as the service's does.
//
// usage: node sdk_renewals.js PORT SECRET_ID SECRET_KEY MAX_RESULTS
// As in sdk_client.js, the SDK keeps its real endpoint and an http.Agent sends the
// connection to the simulator on 127.0.0.1:PORT.
"use strict";
const http = require("http");
const net = require("net");
const { billing } = require("tencentcloud-sdk-nodejs/tencentcloud/services/billing");

const [port, secretId, secretKey, maxResults] = process.argv.slice(2);

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

async function main() {
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

main().catch((e) => console.log(`error code=${e.code} requestId=${e.requestId ? "present" : "absent"}`));
