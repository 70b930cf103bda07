// What a user would otherwise write: the official Node.js SDK reads the balance and
// prints a Nagios line. It talks HTTPS to the simulator under the real host name.
// usage: node sdk_balance.js PORT CA_FILE   (credentials from TENCENTCLOUD_SECRET_ID/KEY)
"use strict";
const fs = require("fs");
const https = require("https");
const tls = require("tls");
const { billing } = require("tencentcloud-sdk-nodejs/tencentcloud/services/billing");

const [port, caFile] = process.argv.slice(2);
const ca = fs.readFileSync(caFile);

class LoopbackAgent extends https.Agent {
  createConnection(options, callback) {
    return tls.connect({ host: "127.0.0.1", port: Number(port), servername: "billing.tencentcloudapi.com", ca }, callback);
  }
}

const client = new billing.v20180709.Client({
  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },
  region: "",
  profile: { httpProfile: { endpoint: "billing.tencentcloudapi.com", reqTimeout: 10, agent: new LoopbackAgent() } },
});

client.DescribeAccountBalance({}).then(
  (r) => {
    const yuan = (r.RealBalance / 100).toFixed(2);
    const state = r.OweAmount > 0 || r.RealBalance < 100000 ? 2 : r.RealBalance < 300000 ? 1 : 0;
    const word = ["OK", "WARNING", "CRITICAL"][state];
    console.log(`TC BALANCE ${word} - ¥${yuan} available | 'balance_cny'=${yuan};3000:;1000:;;`);
    process.exit(state);
  },
  (e) => {
    console.log(`TC BALANCE UNKNOWN - ${e.code || e.message}`);
    process.exit(3);
  }
);
