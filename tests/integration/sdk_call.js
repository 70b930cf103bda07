// Calls any action through the official Node.js SDK's CommonClient, as a user's own
// script would, and prints the fields asked for from what the SDK returned: the
// simulator's answers must be ones the SDK accepts.
//
// usage: node sdk_call.js PORT SECRET_ID SECRET_KEY HOST VERSION ACTION PARAMS FIELD...
// FIELD is a dotted path ("Data.0.MemberUin", "TotalDetail.TimeDetail.length"). The
// SDK keeps the real host (it signs with the service named by its first label); an
// http.Agent sends the connection to the simulator on 127.0.0.1:PORT instead.
"use strict";
const http = require("http");
const net = require("net");
const { CommonClient } = require("tencentcloud-sdk-nodejs/tencentcloud/common/common_client");

const [port, secretId, secretKey, host, version, action, params, ...fields] =
  process.argv.slice(2);

class LoopbackAgent extends http.Agent {
  createConnection(options, callback) {
    return net.createConnection({ host: "127.0.0.1", port: Number(port) }, callback);
  }
}

const client = new CommonClient(host, version, {
  credential: { secretId, secretKey },
  region: "",
  profile: {
    httpProfile: { protocol: "http://", endpoint: host, reqTimeout: 10, agent: new LoopbackAgent() },
  },
});

const at = (o, path) => path.split(".").reduce((v, k) => (v == null ? v : v[k]), o);

client.request(action, JSON.parse(params)).then(
  (r) => console.log(["ok", ...fields.map((f) => `${f}=${JSON.stringify(at(r, f))}`)].join(" ")),
  (e) => console.log(`error code=${e.code} requestId=${e.requestId ? "present" : "absent"}`)
);
