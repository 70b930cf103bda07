// Calls DescribeAccountBalance through the official Node.js SDK, as a user's own
// script would, and prints what the SDK returned: the simulator must be
// indistinguishable from the service for it.
//
// usage: node sdk_client.js PORT SECRET_ID SECRET_KEY [ACTION [REGION]]
// ACTION DescribeVoucherInfo, DescribeDealsByCond or DescribeAgentPayDealsV2 (with
// the official examples' parameters) prints the list's length and TotalCount.
// The SDK keeps its real endpoint (billing.tencentcloudapi.com, so it signs with
// service "billing" and that host); an http.Agent sends the connection to the
// simulator on 127.0.0.1:PORT instead.
"use strict";
const http = require("http");
const net = require("net");
const { billing } = require("tencentcloud-sdk-nodejs/tencentcloud/services/billing");
const { partners } = require("tencentcloud-sdk-nodejs/tencentcloud/services/partners");

const [port, secretId, secretKey, action, region] = process.argv.slice(2);

class LoopbackAgent extends http.Agent {
  createConnection(options, callback) {
    return net.createConnection({ host: "127.0.0.1", port: Number(port) }, callback);
  }
}

const config = (endpoint) => ({
  credential: { secretId, secretKey },
  region: region || "",
  profile: {
    httpProfile: { protocol: "http://", endpoint, reqTimeout: 10, agent: new LoopbackAgent() },
  },
});
const client = new billing.v20180709.Client(config("billing.tencentcloudapi.com"));
const failed = (e) => {
  console.log(`error code=${e.code} requestId=${e.requestId ? "present" : "absent"}`);
};
const listed = (key) => (r) => {
  const list = r[key];
  console.log(
    `ok ${key}=${Array.isArray(list) ? list.length : list} TotalCount=${r.TotalCount} ` +
      `RequestId=${r.RequestId ? "present" : "absent"}`
  );
};

if (action === "DescribeVoucherInfo") {
  client.DescribeVoucherInfo({ Limit: 1, Offset: 1 }).then(listed("VoucherInfos"), failed);
} else if (action === "DescribeDealsByCond") {
  const day = (d) => new Date(Date.now() + 8 * 3600e3 + d * 86400e3).toISOString();
  const text = (d) => day(d).slice(0, 10) + " " + day(d).slice(11, 19);
  client
    .DescribeDealsByCond({ StartTime: text(-30), EndTime: text(0), Limit: 20, Offset: 0, Status: 1 })
    .then(listed("Deals"), failed);
} else if (action === "DescribeAgentPayDealsV2") {
  new partners.v20180321.Client(config("partners.tencentcloudapi.com"))
    .DescribeAgentPayDealsV2({ Limit: 1, Offset: 0 })
    .then(listed("AgentPayDealSet"), failed);
} else {

  client.DescribeAccountBalance({}).then(
    (r) => {
      console.log(
        `ok RealBalance=${r.RealBalance} CashAccountBalance=${r.CashAccountBalance} ` +
          `PresentAccountBalance=${r.PresentAccountBalance} OweAmount=${r.OweAmount} Uin=${r.Uin} ` +
          `RequestId=${r.RequestId ? "present" : "absent"}`
      );
    },
    failed
  );
}
