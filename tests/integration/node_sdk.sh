#!/bin/bash
# The official Node.js SDK (npm tencentcloud-sdk-nodejs) against the simulator: valid
# keys get the account's figures, a wrong secret gets AuthFailure.SignatureFailure,
# exactly as from the service. The SDK is installed from the npm registry into the
# build tree (or $NODE_SDK_DIR) on first use.
. "$top_srcdir/tests/integration/lib.sh"

NODE=${NODE:-node}
NPM=${NPM:-npm}
SDK_DIR=${NODE_SDK_DIR:-$top_builddir/tests/node-sdk}
SDK_VERSION=4.1.313

if [ ! -d "$SDK_DIR/node_modules/tencentcloud-sdk-nodejs" ]; then
	mkdir -p "$SDK_DIR"
	if ! "$NPM" install --prefix "$SDK_DIR" --no-save --no-audit --no-fund --loglevel=error \
		"tencentcloud-sdk-nodejs@$SDK_VERSION" >"$WORK/npm.log" 2>&1; then
		echo "Bail out! npm could not install tencentcloud-sdk-nodejs: $(tail -3 "$WORK/npm.log")"
		exit 1
	fi
fi
ok "tencentcloud-sdk-nodejs $(cd "$SDK_DIR/node_modules/tencentcloud-sdk-nodejs" && "$NODE" -p 'require("./package.json").version') installed"

start_sim api http
sdk() { NODE_PATH="$SDK_DIR/node_modules" "$NODE" "$top_srcdir/tests/integration/sdk_client.js" "$PORT_api" "$@"; }

expect "SDK with a valid key reads the balance" 0 \
	"ok RealBalance=1284567 CashAccountBalance=1234567 PresentAccountBalance=50000 OweAmount=0 Uin=100000000001 RequestId=present" \
	sdk "$(key_id ok)" "$(key_secret ok)"
expect "SDK sees arrears" 0 \
	"ok RealBalance=-123456 CashAccountBalance=0 PresentAccountBalance=0 OweAmount=123456 Uin=100000000005 RequestId=present" \
	sdk "$(key_id arrears)" "$(key_secret arrears)"
expect "SDK with a wrong secret gets AuthFailure.SignatureFailure" 0 \
	"error code=AuthFailure.SignatureFailure requestId=present" sdk "$(key_id ok)" "wrong-secret"
expect "SDK with an unknown key gets AuthFailure.SecretIdNotFound" 0 \
	"error code=AuthFailure.SecretIdNotFound requestId=present" sdk AKIDnobody x
expect "SDK sees the missing permission" 0 \
	"error code=UnauthorizedOperation.CamNoAuth requestId=present" sdk "$(key_id camnoauth)" "$(key_secret camnoauth)"

expect "SDK pages DescribeRenewInstances by NextToken" 0 \
	"ok pages=3 instances=250 first=ins-m-0001:NORMAL:NOTIFY_AND_MANUAL_RENEW last=ins-m-0250:NORMAL:NOTIFY_AND_MANUAL_RENEW" \
	sdk "$(key_id renew-many)" "$(key_secret renew-many)" renewals 100
expect "SDK gets InvalidParameterValue for MaxResults 101" 0 \
	"error code=InvalidParameterValue requestId=present" sdk "$(key_id renew-many)" "$(key_secret renew-many)" renewals 101

finish
