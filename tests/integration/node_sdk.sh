#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The official Node.js SDK (npm tencentcloud-sdk-nodejs) against the simulator: valid
# keys get the account's figures, a wrong secret gets AuthFailure.SignatureFailure,
# exactly as from the service. The SDK is installed from the npm registry into the
# build tree (or $NODE_SDK_DIR) on first use.
. "$top_srcdir/tests/integration/lib.sh"

NODE=${NODE:-node}
NPM=${NPM:-npm}
SDK_DIR=${NODE_SDK_DIR:-$top_builddir/tests/node-sdk}
SDK_VERSION=4.1.313
need_tool NODE nodejs "$NODE" node

if [ ! -d "$SDK_DIR/node_modules/tencentcloud-sdk-nodejs" ]; then
	need_tool NPM npm "$NPM" npm
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

# The balance, allocation and runway answers, in the shapes the simulator gives them.
call() { NODE_PATH="$SDK_DIR/node_modules" "$NODE" "$top_srcdir/tests/integration/sdk_call.js" "$PORT_api" "$(key_id "$1")" "$(key_secret "$1")" "${@:2}"; }
B=(billing.tencentcloudapi.com 2018-07-09)
IP=(intlpartnersmgt.intl.tencentcloudapi.com 2022-09-28)
CE='{"BeginTime":"2026-01-01 00:00:00","EndTime":"2026-01-02 23:59:59","BillType":"1","PeriodType":"day","Dimensions":"default","FeeType":"cost","PageSize":100,"PageNo":1}'
expect "SDK: balance with TempCredit" 0 'ok Uin="90961" RealBalance=500000 TempCredit=0' \
	call bal-uin-string "${B[@]}" DescribeAccountBalance '{"TempCredit":true}' Uin RealBalance TempCredit
expect "SDK: temporary credit details" 0 'ok TempCredit=200000 TempAmountInfoList.0.TempAmount=200000' \
	call bal-temp-credit "${B[@]}" DescribeAccountBalance '{"TempCredit":true}' TempCredit TempAmountInfoList.0.TempAmount
expect "SDK: organization members" 0 'ok TotalCount=2 Data.0.MemberUin="310000000001" Data.0.OweAmount=500000 Data.0.IsCreditAccount=true' \
	call org-credit "${B[@]}" DescribeOrgMemberAccountBalance '{"PageNumber":1,"PageSize":10}' TotalCount Data.0.MemberUin Data.0.OweAmount Data.0.IsCreditAccount
expect "SDK: members without the optional fields" 0 'ok TotalCount=undefined Data.0.MemberName=undefined' \
	call org-optional "${B[@]}" DescribeOrgMemberAccountBalance '{"PageNumber":1,"PageSize":10}' TotalCount Data.0.MemberName
expect "SDK: the cost series in TotalDetail" 0 'ok Detail.length=0 TotalDetail.TimeDetail.length=2' \
	call run-ok "${B[@]}" DescribeCostExplorerSummary "$CE" Detail.length TotalDetail.TimeDetail.length
expect "SDK: the series in a Detail row" 0 'ok Detail.0.TimeDetail.length=2 TotalDetail=undefined' \
	call run-detail-row "${B[@]}" DescribeCostExplorerSummary "$CE" Detail.0.TimeDetail.length TotalDetail
expect "SDK: a documented value refused" 0 'error code=InvalidParameterValue requestId=present' \
	call run-ok "${B[@]}" DescribeCostExplorerSummary "${CE/default/time}"
expect "SDK: month to date" 0 'ok Ready=1 SummaryTotal.RealTotalCost="0.00000000"' \
	call run-billzero "${B[@]}" DescribeBillSummaryByProduct '{"BeginTime":"2026-01","EndTime":"2026-01"}' Ready SummaryTotal.RealTotalCost
expect "SDK: a bill with SummaryTotal null" 0 'ok Ready=1 SummaryTotal=null' \
	call run-bill-null "${B[@]}" DescribeBillSummaryByProduct '{"BeginTime":"2026-01","EndTime":"2026-01"}' Ready SummaryTotal
expect "SDK: partner credit" 0 'ok RemainingCredit=1000.1' \
	call partner-low "${IP[@]}" QueryPartnerCredit '{}' RemainingCredit
expect "SDK: customers" 0 'ok Total=500 Data.0.ClientUin=410000000001 Data.99.RemainingCredit=2000' \
	call partner-500 "${IP[@]}" QueryCustomersCredit '{"Page":1,"PageSize":100}' Total Data.0.ClientUin Data.99.RemainingCredit
# the answers of the pending and vouchers checks, in their official shapes
expect "SDK reads DescribeVoucherInfo with a region" 0 \
	"ok VoucherInfos=1 TotalCount=3 RequestId=present" \
	sdk "$(key_id vouch-sentinel)" "$(key_secret vouch-sentinel)" DescribeVoucherInfo ap-guangzhou
expect "DescribeVoucherInfo without a region: MissingParameter, as documented" 0 \
	"error code=MissingParameter requestId=present" \
	sdk "$(key_id vouch-sentinel)" "$(key_secret vouch-sentinel)" DescribeVoucherInfo
expect "SDK reads DescribeVoucherInfo without optional fields" 0 \
	"ok VoucherInfos=1 TotalCount=undefined RequestId=present" \
	sdk "$(key_id vouch-sparse)" "$(key_secret vouch-sparse)" DescribeVoucherInfo ap-guangzhou
expect "SDK reads DescribeDealsByCond (unpaid orders)" 0 "ok Deals=1 TotalCount=1 RequestId=present" \
	sdk "$(key_id pend-warn)" "$(key_secret pend-warn)" DescribeDealsByCond
expect "SDK reads DescribeDealsByCond without optional fields" 0 \
	"ok Deals=1 TotalCount=undefined RequestId=present" \
	sdk "$(key_id pend-sparse)" "$(key_secret pend-sparse)" DescribeDealsByCond
expect "SDK reads DescribeAgentPayDealsV2" 0 "ok AgentPayDealSet=1 TotalCount=2 RequestId=present" \
	sdk "$(key_id pend-partner)" "$(key_secret pend-partner)" DescribeAgentPayDealsV2
# DescribeRenewInstances: NextToken pages of MaxResults, null after the last
expect "SDK: renewals, the first page of 100" 0 'ok InstanceList.length=100 NextToken="sim-renew-next-100" InstanceList.0.RenewFlag="NOTIFY_AND_MANUAL_RENEW"' \
	call renew-many "${B[@]}" DescribeRenewInstances '{"MaxResults":100}' InstanceList.length NextToken InstanceList.0.RenewFlag
expect "SDK: renewals, the last page" 0 'ok InstanceList.length=50 NextToken=null' \
	call renew-many "${B[@]}" DescribeRenewInstances '{"MaxResults":100,"NextToken":"sim-renew-next-200"}' InstanceList.length NextToken
expect "SDK: renewals, every optional field absent" 0 'ok InstanceList.0.ExpireTime=undefined InstanceList.1.ExpireTime=null' \
	call renew-sparse "${B[@]}" DescribeRenewInstances '{"MaxResults":10}' InstanceList.0.ExpireTime InstanceList.1.ExpireTime
expect "SDK: MaxResults 101 is InvalidParameterValue" 0 'error code=InvalidParameterValue requestId=present' \
	call renew-many "${B[@]}" DescribeRenewInstances '{"MaxResults":101}'

finish
