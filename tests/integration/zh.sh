#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Chinese output: every state of every check with LANG=zh_CN.UTF-8, the same with
# LANG=C and --language zh-CN, English kept by --language en-US, and numbers that
# keep '.' decimals and ',' grouping whatever the language; the library's errors
# around the service's own words; the notifiers' messages and cards for each chat
# type (loopback chat receivers of lib.sh), their usage errors and --help.
. "$top_srcdir/tests/integration/lib.sh"

# the catalog as installed (share/locale/zh_CN/LC_MESSAGES/PACKAGE.mo), from po/
if ! [ -f "$top_srcdir/po/zh_CN.gmo" ]; then
	echo "Bail out! $top_srcdir/po/zh_CN.gmo is missing (run make first)"
	exit 1
fi
mkdir -p "$WORK/locale/zh_CN/LC_MESSAGES"
cp "$top_srcdir/po/zh_CN.gmo" "$WORK/locale/zh_CN/LC_MESSAGES/tc-billing-plugins.mo"
export TC_BILLING_LOCALEDIR="$WORK/locale"
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	echo "Bail out! no zh_CN.UTF-8 locale: run scripts/setup-debian (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"
	exit 1
fi

start_sim api tls
C=(--endpoint "https://127.0.0.1:$PORT_api" --cacert "$WORK/cert.pem")
Y=$'\xc2\xa5'
D='20[0-9][0-9]-[01][0-9]-[0-3][0-9]'
T='20[0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]'

# expect_all DESCRIPTION RC OUTPUT-PATTERN CMD...: exit status exact, the whole
# output (first line and long output) matched as a shell pattern, stderr empty.
expect_all() {
	local desc=$1 want_rc=$2 pattern=$3
	shift 3
	run "$@"
	# shellcheck disable=SC2053
	if [ "$RC" -eq "$want_rc" ] && [[ $OUT == $pattern ]] && [ -z "$ERR" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit $RC, wanted $want_rc" "got:" "$OUT" "wanted:" "$pattern" \
			"stderr: $ERR"
	fi
}

# zh ACCOUNT PROGRAM ARGS...: a check under a Chinese locale
zh() { with_env LANG=zh_CN.UTF-8 check_as "$@"; }
# opt ACCOUNT PROGRAM ARGS...: under LANG=C, Chinese by --language zh-CN only
opt() { with_env LANG=C check_as "$@" --language zh-CN; }

# ---- check_tc_balance
for how in zh opt; do
	expect_all "balance OK ($how)" 0 \
		"TC BALANCE OK - 可用余额 ${Y}12,845.67 | 'balance_cny'=12845.67;3000:;1000:;; 'cash_cny'=12345.67;;;; 'gift_cny'=500;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;
可用余额：${Y}12,845.67
现金余额：${Y}12,345.67
赠送余额：${Y}500.00
收益转入余额：${Y}0.00
冻结金额：${Y}0.00
欠费金额：${Y}0.00
账号 UIN：100000000001" \
		$how ok check_tc_balance "${C[@]}"
	expect_all "balance WARNING ($how)" 1 \
		"TC BALANCE WARNING - 可用余额 ${Y}2,500.00（警告：低于 ${Y}3,000.00） | 'balance_cny'=2500;3000:;1000:;; 'cash_cny'=2500;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;
可用余额：${Y}2,500.00
现金余额：${Y}2,500.00
赠送余额：${Y}0.00
收益转入余额：${Y}0.00
冻结金额：${Y}0.00
欠费金额：${Y}0.00
账号 UIN：100000000002" \
		$how warning check_tc_balance "${C[@]}"
	expect_all "balance CRITICAL ($how)" 2 \
		"TC BALANCE CRITICAL - 可用余额 ${Y}500.00（严重：低于 ${Y}1,000.00） | 'balance_cny'=500;3000:;1000:;; *
账号 UIN：100000000003" \
		$how critical check_tc_balance "${C[@]}"
	expect_all "balance UNKNOWN: a usage error ($how)" 3 \
		"TC BALANCE UNKNOWN - 无效的 --site 'mars'：请用 china 或 intl" \
		$how ok check_tc_balance "${C[@]}" --site mars
done
expect_all "balance in arrears" 2 \
	"TC BALANCE CRITICAL - 已欠费：欠费金额 ${Y}1,234.56，可用余额 -${Y}1,234.56 | 'balance_cny'=-1234.56;3000:;1000:;; 'cash_cny'=0;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=1234.56;;;0;
可用余额：-${Y}1,234.56
现金余额：${Y}0.00
赠送余额：${Y}0.00
收益转入余额：${Y}0.00
冻结金额：${Y}0.00
欠费金额：${Y}1,234.56
账号 UIN：100000000005" \
	zh arrears check_tc_balance "${C[@]}"
expect_all "credit account" 0 \
	"TC BALANCE OK - 可用信用额度 ${Y}95,000.00（总额度 ${Y}100,000.00） | *
欠费金额：${Y}5,000.00
信用额度：${Y}100,000.00
可用信用额度：${Y}95,000.00
临时额度：${Y}0.00
账号 UIN：100000000006" \
	zh credit check_tc_balance "${C[@]}"

# ---- check_tc_pending
for how in zh opt; do
	expect_all "pending OK ($how)" 0 \
		"TC PENDING OK - 最近 30 天没有待支付或支付中的订单 | 'pending_orders'=0;;;0; 'pending_amount_cny'=0;;;0; 'oldest_pending_minutes'=0;30;1440;0;
DescribeDealsByCond 查询最近 30 天：共 2 次请求" \
		$how pend-none check_tc_pending "${C[@]}"
	expect_all "pending WARNING ($how)" 1 \
		"TC PENDING WARNING - 2 笔待支付订单（共 ${Y}1,700.00）；最早一笔已等待 45 分钟：20261122000101 CVM ${Y}1,200.00 待支付 | 'pending_orders'=2;;;0; 'pending_amount_cny'=1700;;;0; 'oldest_pending_minutes'=45;30;1440;0;
警告：最早订单等待时长高于 30 分钟
20261122000101：CVM，${Y}1,200.00，待支付（状态 1），创建于 $T，已等待 45 分钟
20261122000102：TencentDB for MySQL，${Y}500.00，支付中（状态 12），创建于 $T，已等待 10 分钟
DescribeDealsByCond 查询最近 30 天：共 2 次请求" \
		$how pend-warn check_tc_pending "${C[@]}"
	expect_all "pending CRITICAL ($how)" 2 \
		"TC PENDING CRITICAL - 1 笔待支付订单（共 ${Y}99.00）；最早一笔已等待 2 天 0 小时：20261120000201 COS ${Y}99.00 支付中 | 'pending_orders'=1;;;0; 'pending_amount_cny'=99;;;0; 'oldest_pending_minutes'=2880;30;1440;0;
严重：最早订单等待时长高于 1440 分钟
20261120000201：COS，${Y}99.00，支付中（状态 12），创建于 $T，已等待 2 天 0 小时
DescribeDealsByCond 查询最近 30 天：共 2 次请求" \
		$how pend-crit check_tc_pending "${C[@]}"
	expect_all "pending UNKNOWN: a range that alerts with no order ($how)" 3 \
		"TC PENDING UNKNOWN - -w：'30:' 在没有待支付订单（等待时长为 0）时也会告警；最早订单等待时长的阈值写 N 表示超过 N 分钟（-w 30 -c 1440）" \
		$how pend-none check_tc_pending "${C[@]}" -w 30:
done

# ---- check_tc_vouchers
for how in zh opt; do
	expect_all "vouchers OK ($how)" 0 \
		"TC VOUCHERS OK - ${Y}12.00（1 张代金券），30 天内没有到期的；最早 $D | 'voucher_balance_cny'=12;;;0; 'voucher_expiring_cny'=0;;;0; 'voucher_expires_in_days'=90;30:;7:;;
读取 1 张未使用代金券，共 1 次请求" \
		$how vouch-ok check_tc_vouchers "${C[@]}"
	expect_all "vouchers WARNING ($how)" 1 \
		"TC VOUCHERS WARNING - ${Y}12.00（1 张代金券）30 天内到期，最早 $D（20 天后） | 'voucher_balance_cny'=112;;;0; 'voucher_expiring_cny'=12;;;0; 'voucher_expires_in_days'=20;30:;7:;;
vch-w-1：剩余 ${Y}12.00，$D 到期（20 天后），适用产品：CVM,CBS
读取 2 张未使用代金券，共 1 次请求" \
		$how vouch-warn check_tc_vouchers "${C[@]}"
	expect_all "vouchers CRITICAL ($how)" 2 \
		"TC VOUCHERS CRITICAL - ${Y}2,656,450.02（1 张代金券）30 天内到期，最早 $D（5 天后） | 'voucher_balance_cny'=2656450.02;;;0; 'voucher_expiring_cny'=2656450.02;;;0; 'voucher_expires_in_days'=5;30:;7:;;
vch-c-1：剩余 ${Y}2,656,450.02，$D 到期（5 天后），适用产品：CVM
读取 1 张未使用代金券，共 1 次请求" \
		$how vouch-crit check_tc_vouchers "${C[@]}"
	expect_all "vouchers UNKNOWN: a bad -w ($how)" 3 \
		"TC VOUCHERS UNKNOWN - -w：无效的阈值范围 '2x'" \
		$how vouch-ok check_tc_vouchers "${C[@]}" -w 2x
done
expect_all "an expired voucher that still shows value" 1 \
	"TC VOUCHERS WARNING - ${Y}12.00（1 张代金券），30 天内没有到期的；最早 $D；1 张已过期的代金券仍显示余额 ${Y}50.00 | *
vch-x-1：剩余 ${Y}50.00，已于 $D 过期，适用产品：CVM
读取 2 张未使用代金券，共 1 次请求" \
	zh vouch-expired check_tc_vouchers "${C[@]}"

# ---- check_tc_allocation
for how in zh opt; do
	expect_all "allocation OK ($how)" 0 \
		"TC ALLOCATION OK - 25 个账号资金充足；资金池中未分配 ${Y}10,000.00 | 'pool_cny'=10000;;;; 'accounts_available_cny'=125000;;;; 'accounts_checked'=25;;;0; 'accounts_low'=0;;;0; 'shortfall_cny'=0;;;0;
资金池：管理账号可用余额 ${Y}10,000.00
DescribeOrgMemberAccountBalance：读取 25 个账号，共 3 次请求" \
		$how org-ok check_tc_allocation "${C[@]}"
	expect_all "allocation WARNING ($how)" 1 \
		"TC ALLOCATION WARNING - 2/5 个账号资金不足：需划拨 ${Y}1,000.00，资金池有 ${Y}10,000.00 | 'pool_cny'=10000;;;; 'accounts_available_cny'=16000;;;; 'accounts_checked'=5;;;0; 'accounts_low'=2;;;0; 'shortfall_cny'=1000;;;0;
300000000401 data-lab：可用 ${Y}500.00，欠费 ${Y}0.00（WARNING）
300000000402 qa：可用 ${Y}500.00，欠费 ${Y}0.00（WARNING）
资金池：管理账号可用余额 ${Y}10,000.00
DescribeOrgMemberAccountBalance：读取 5 个账号，共 1 次请求" \
		$how org-warn check_tc_allocation "${C[@]}"
	expect_all "allocation CRITICAL ($how)" 2 \
		"TC ALLOCATION CRITICAL - 2/2 个账号资金不足，缺口 ${Y}1,800.00：资金池仅有 ${Y}500.00，不够划拨，请充值 ${Y}1,300.00 | 'pool_cny'=500;;;; 'accounts_available_cny'=200;;;; 'accounts_checked'=2;;;0; 'accounts_low'=2;;;0; 'shortfall_cny'=1800;;;0;
300000000501 ml：可用 ${Y}100.00，欠费 ${Y}0.00（WARNING）
300000000502 bi：可用 ${Y}100.00，欠费 ${Y}0.00（WARNING）
资金池：管理账号可用余额 ${Y}500.00
DescribeOrgMemberAccountBalance：读取 2 个账号，共 1 次请求" \
		$how org-topup check_tc_allocation "${C[@]}"
	expect_all "allocation UNKNOWN: a bad --source ($how)" 3 \
		"TC ALLOCATION UNKNOWN - 无效的 --source 'mars'：请用 organization 或 partner" \
		$how org-ok check_tc_allocation "${C[@]}" --source mars
done

# ---- check_tc_runway (the month-to-date spend depends on today's date)
for how in zh opt; do
	expect_all "runway OK ($how)" 0 \
		"TC RUNWAY OK - 可支撑 30.0 天（日均消费 ${Y}100.00） | 'runway_days'=30;14:;7:;0; 'daily_spend_cny'=100;;;0; 'mtd_spend_cny'=*;;;0;
可用资金：${Y}3,000.00
日均消费：${Y}100.00（按最近 7 天计算）
本月至今消费：${Y}*" \
		$how run-ok check_tc_runway "${C[@]}"
	expect_all "runway WARNING ($how)" 1 \
		"TC RUNWAY WARNING - 可支撑 10.0 天（日均消费 ${Y}100.00） | 'runway_days'=10;14:;7:;0; *
警告：可支撑天数低于 14.0 天
可用资金：${Y}1,000.00
日均消费：${Y}100.00（按最近 7 天计算）
本月至今消费：${Y}*" \
		$how run-warn check_tc_runway "${C[@]}"
	expect_all "runway CRITICAL ($how)" 2 \
		"TC RUNWAY CRITICAL - 可支撑 5.0 天（日均消费 ${Y}100.00） | 'runway_days'=5;14:;7:;0; *
严重：可支撑天数低于 7.0 天
可用资金：${Y}500.00
日均消费：${Y}100.00（按最近 7 天计算）
本月至今消费：${Y}*" \
		$how run-crit check_tc_runway "${C[@]}"
	expect_all "runway UNKNOWN: a bad --budget ($how)" 3 \
		"TC RUNWAY UNKNOWN - 无效的 --budget '-1'：应为正数金额" \
		$how run-ok check_tc_runway "${C[@]}" --budget -1
done
expect_all "runway with no spend" 0 \
	"TC RUNWAY OK - 最近 7 天没有消费：可支撑天数不限（可用 ${Y}3,000.00） | 'daily_spend_cny'=0;;;0; 'mtd_spend_cny'=0;;;0;
可用资金：${Y}3,000.00
日均消费：${Y}0.00（按最近 7 天计算）
本月至今消费：${Y}0.00" \
	zh run-none check_tc_runway "${C[@]}"
expect_all "runway in arrears" 2 \
	"TC RUNWAY CRITICAL - 已欠费：欠费金额 ${Y}100.00；可支撑 0 天（日均消费 ${Y}100.00） | *" \
	zh run-arrears check_tc_runway "${C[@]}"


# ---- check_tc_renewals
R=check_tc_renewals
PERF0="'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0;"
for how in zh opt; do
	expect_all "renewals OK ($how)" 0 \
		"TC RENEWALS OK - 30 天内没有需手动续费的实例（共 2 个实例，最早到期日 $D（90 天后）） | 'renewal_instances'=2;;;0; 'renewal_due'=0;;;0; $PERF0 'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; 'renewal_expires_in_days'=90;30:;7:;;
读取 2 个实例，共 1 次请求，选中 2 个" \
		$how renew-ok $R "${C[@]}"
	expect_all "renewals WARNING ($how)" 1 \
		"TC RENEWALS WARNING - 30 天内有 1 个实例需手动续费，最早到期的是 Cloud Virtual Machine web-1（ins-w-1，ap-guangzhou），到期日 $D（20 天后）；1 个到期不续费的实例即将到期或已隔离 | 'renewal_instances'=3;;;0; 'renewal_due'=1;;;0; $PERF0 'renewal_not_renewing'=1;;;0; 'renewal_undated'=0;;;0; 'renewal_expires_in_days'=20;30:;7:;;
Cloud Virtual Machine web-1（ins-w-1，ap-guangzhou）：手动续费，到期日 $D（20 天后）
Cloud Virtual Machine old-batch（ins-w-2，ap-guangzhou）：到期不续费，到期日 $D（5 天后）
读取 3 个实例，共 1 次请求，选中 3 个" \
		$how renew-warn $R "${C[@]}"
	expect_all "renewals CRITICAL ($how)" 2 \
		"TC RENEWALS CRITICAL - 30 天内有 1 个实例需手动续费，最早到期的是 Cloud Virtual Machine api-1（ins-c-1，ap-guangzhou），到期日 $D（3 天后） | 'renewal_instances'=1;;;0; 'renewal_due'=1;;;0; $PERF0 'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; 'renewal_expires_in_days'=3;30:;7:;;
Cloud Virtual Machine api-1（ins-c-1，ap-guangzhou）：手动续费，到期日 $D（3 天后）
读取 1 个实例，共 1 次请求，选中 1 个" \
		$how renew-crit $R "${C[@]}"
	expect_all "renewals UNKNOWN: too many --instance IDs ($how)" 3 \
		"TC RENEWALS UNKNOWN - --instance：最多 100 个实例 ID" \
		$how renew-ok $R "${C[@]}" --instance "$(seq -f 'ins-%g' 1 101 | paste -sd,)"
done
expect_all "renewals: an ISOLATED instance" 2 \
	"TC RENEWALS CRITICAL - 1 个实例已隔离，30 天内没有需手动续费的实例（共 2 个实例，最早到期日 $D（200 天后）） | 'renewal_instances'=2;;;0; 'renewal_due'=0;;;0; 'renewal_isolated'=1;;;0; *
TencentDB for MySQL orders-db（cdb-i-1，ap-shanghai）：已隔离（续费前无法使用），到期日 $D（2 天前）
读取 2 个实例，共 1 次请求，选中 2 个" \
	zh renew-isolated $R "${C[@]}"
expect_all "renewals: an automatic renewal the account cannot pay" 1 \
	"TC RENEWALS WARNING - 30 天内没有需手动续费的实例（共 1 个实例）；30 天内有 1 个实例将自动续费，但账号无力支付（可用 -${Y}50.00，欠费 ${Y}50.00） | * 'available_balance_cny'=-50;;;;
Cloud Virtual Machine batch（ins-a-1，ap-guangzhou）：将自动续费，到期日 $D（5 天后）
余额：可用 -${Y}50.00，欠费 ${Y}50.00：充值之前任何自动续费都无法扣款
读取 1 个实例，共 1 次请求，选中 1 个" \
	zh renew-auto-owing $R "${C[@]}" --balance
expect_all "renewals: an automatic renewal whose price is not known" 0 \
	"TC RENEWALS OK - 30 天内没有需手动续费的实例（共 1 个实例）；30 天内有 1 个实例将自动续费 | *
Cloud Virtual Machine batch（ins-f-1，ap-guangzhou）：将自动续费，到期日 $D（5 天后）
余额：可用 ${Y}10,000.00；无法判断是否够支付这 1 笔自动续费（DescribeRenewInstances 不返回价格）
读取 1 个实例，共 1 次请求，选中 1 个" \
	zh renew-auto-funded $R "${C[@]}" --balance
expect_all "renewals: an automatic renewal that did not happen" 2 \
	"TC RENEWALS CRITICAL - 30 天内有 1 个实例需手动续费，最早到期的是 Cloud Virtual Machine batch（ins-am-1，ap-guangzhou），到期日 $D（1 天前） | *
Cloud Virtual Machine batch（ins-am-1，ap-guangzhou）：自动续费未成功，已过期，到期日 $D（1 天前）
读取 1 个实例，共 1 次请求，选中 1 个" \
	zh renew-auto-missed $R "${C[@]}"
expect_all "renewals: records without an expiry date or a region" 2 \
	"TC RENEWALS CRITICAL - 30 天内有 1 个实例需手动续费，最早到期的是 p_cvm ins-s-3（未知地域），到期日 $D（3 天后）；2 个实例的到期日期无法读取 | *
未知产品 无 InstanceId（未知地域）：未判断：应答中没有 ExpireTime
p_cvm ins-s-2（未知地域）：未判断：应答中没有 ExpireTime
p_cvm ins-s-3（未知地域）：续费设置未知，按手动续费判断，到期日 $D（3 天后）
读取 3 个实例，共 1 次请求，选中 3 个" \
	zh renew-sparse $R "${C[@]}"
expect_all "renewals: an answer the reader refuses" 3 \
	"TC RENEWALS UNKNOWN - DescribeRenewInstances：字段 InstanceList 不是数组（RequestId ????????-????-4???-????-????????????）" \
	zh renew-broken $R "${C[@]}"

# ---- the library's errors: our words around the service's (its Message is its own)
RID='（RequestId ????????-????-4???-????-????????????）'
expect_all "AuthFailure with its RequestId" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance 被拒绝：密钥缺少 CAM 权限 billing:DescribeAccountBalance（AuthFailure.UnauthorizedOperation）$RID" \
	zh denied check_tc_balance "${C[@]}"
expect_all "a wrong secret key: the service's Message as it came" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance 调用失败：AuthFailure.SignatureFailure：The provided credentials could not be validated. Please check your signature is correct.$RID" \
	with_env LANG=zh_CN.UTF-8 TENCENTCLOUD_SECRET_ID="$(key_id ok)" TENCENTCLOUD_SECRET_KEY=not-the-secret \
	"$PLUGINS/check_tc_balance" "${C[@]}"
expect_all "malformed JSON" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance 响应：JSON 格式错误（第 50 字节）：quoted object property name expected" \
	zh malformed check_tc_balance "${C[@]}"
expect_all "a field of the wrong type" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance：字段 RealBalance：应为数字，实际为 string$RID" \
	zh wrongtype check_tc_balance "${C[@]}"
expect_all "connection refused" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance：无法连接 127.0.0.1:1：*" \
	zh ok check_tc_balance --endpoint https://127.0.0.1:1
expect_all "an untrusted certificate" 3 \
	"TC BALANCE UNKNOWN - DescribeAccountBalance：与 127.0.0.1:$PORT_api 的 TLS 连接失败：*certificate*" \
	zh ok check_tc_balance --endpoint "https://127.0.0.1:$PORT_api"
expect_all "no credentials anywhere" 3 \
	"TC BALANCE UNKNOWN - 找不到凭证：未指定 --credentials-file；未设置 TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY；未指定 --profile；找不到 *；CVM 角色：*" \
	with_env LANG=zh_CN.UTF-8 "$PLUGINS/check_tc_balance" "${C[@]}" --metadata-url http://127.0.0.1:1 -t 5
mkdir -p "$WORK/theirs"
chown nobody "$WORK/theirs"
expect_all "a cache directory of another user: the check runs and says why" 0 \
	"TC BALANCE OK - 可用余额 ${Y}12,845.67 | *
账号 UIN：100000000001
未使用缓存：--cache-dir $WORK/theirs 属于其他用户" \
	zh ok check_tc_balance "${C[@]}" --cache-dir "$WORK/theirs"
expect_all "a cache directory that is a file" 0 \
	"TC BALANCE OK - 可用余额 ${Y}12,845.67 | *
未使用缓存：--cache-dir $WORK/cert.pem 不是目录" \
	zh ok check_tc_balance "${C[@]}" --cache-dir "$WORK/cert.pem"

# ---- --help
run with_env LANG=C "$PLUGINS/check_tc_runway" --help --language zh-CN
case $OUT in "check_tc_runway (tc-billing-plugins) "*$'\n检查腾讯云账号的可用资金按近期日均消费还能支撑多少天\n'*$'\n用法：check_tc_runway [-w RANGE] [-c RANGE] [-t N[:STATE]] [选项]\n'*$'\n默认：-w 14: -c 7:\n'*"--language=zh-CN|en-US  输出和 API 消息的语言"*$'\ncheck_tc_runway 的选项：\n'*"--budget=AMOUNT    月度预算"*$'\n退出状态：0 OK，1 WARNING，2 CRITICAL，3 UNKNOWN。') ok "--help in Chinese" ;;
*) not_ok "--help in Chinese" "$OUT" ;; esac
[ "$RC" -eq 3 ] && ok "--help exits 3" || not_ok "--help exits 3" "exit $RC"
run with_env LANG=zh_CN.UTF-8 "$PLUGINS/check_tc_renewals" --help
case $OUT in *$'\n检查包年包月实例（DescribeRenewInstances）中即将到期的手动续费实例，\n以及因未续费而被隔离（停止服务）的实例。\n'*$'\n已隔离的实例为 CRITICAL。\n'*"--include-not-renewing  对设为到期不续费的实例"*) ok "check_tc_renewals --help in Chinese" ;;
*) not_ok "check_tc_renewals --help in Chinese" "$OUT" ;; esac

# ---- the language is chosen, not guessed
expect_all "a usage error before --language zh-CN is Chinese too" 3 \
	"TC BALANCE UNKNOWN - 未知选项 '--bogus'（见 --help）" \
	with_env LANG=C check_as ok check_tc_balance --bogus --language zh-CN
expect_all "--language=zh-CN in an --extra-opts file" 0 "TC BALANCE OK - 可用余额 ${Y}12,845.67 | *" \
	with_env LANG=C check_as ok check_tc_balance "${C[@]}" \
	--extra-opts="check_tc_balance@$(printf '[check_tc_balance]\nlanguage=zh-CN\n' >"$WORK/zh.ini" && echo "$WORK/zh.ini")"
printf '[acme]\nwarning=5\n' >"$WORK/accounts.ini"
expect_all "an accounts file error, by file and line" 3 \
	"TC BALANCE UNKNOWN - $WORK/accounts.ini:2 \\[acme]: 'warning' 不是所有检查共用的键；请写成 balance.warning=（或 pending., vouchers., allocation., runway., renewals.）" \
	zh ok check_tc_balance --extra-opts="acme@$WORK/accounts.ini"
expect_all "LANGUAGE=zh_CN alone, in the C locale, is ignored (as gettext does)" 0 \
	"TC BALANCE OK - ${Y}12,845.67 available | *" \
	with_env LANG=C LANGUAGE=zh_CN check_as ok check_tc_balance "${C[@]}"
expect_all "LC_MESSAGES=zh_CN.UTF-8 is enough" 0 "TC BALANCE OK - 可用余额 ${Y}12,845.67 | *" \
	with_env LC_MESSAGES=zh_CN.UTF-8 check_as ok check_tc_balance "${C[@]}"
expect_all "--language en-US under LANG=zh_CN.UTF-8: English" 1 \
	"TC BALANCE WARNING - ${Y}2,500.00 available (warning: below ${Y}3,000.00) | 'balance_cny'=2500;3000:;1000:;; 'cash_cny'=2500;;;; 'gift_cny'=0;;;0; 'income_cny'=0;;;; 'frozen_cny'=0;;;0; 'owed_cny'=0;;;0;
available balance: ${Y}2,500.00
cash: ${Y}2,500.00
gift: ${Y}0.00
income: ${Y}0.00
frozen: ${Y}0.00
owed: ${Y}0.00
account UIN: 100000000002" \
	zh warning check_tc_balance "${C[@]}" --language en-US

# ---- numbers and everything machines read are the same in every language
for args in "ok check_tc_balance" "vouch-crit check_tc_vouchers" "org-warn check_tc_allocation" \
	"pend-warn check_tc_pending" "renew-warn check_tc_renewals" "renew-auto-owing check_tc_renewals --balance"; do
	# shellcheck disable=SC2086
	run with_env LANG=C check_as $args "${C[@]}"
	en_first=$FIRST en_perf=${FIRST#*|}
	# shellcheck disable=SC2086
	run with_env LC_ALL=zh_CN.UTF-8 check_as $args "${C[@]}"
	# the text is translated, the perfdata after '|' is the same bytes
	if [ "${FIRST#*|}" = "$en_perf" ] && [ "${FIRST%%|*}" != "${en_first%%|*}" ]; then
		ok "perfdata unchanged by LC_ALL=zh_CN.UTF-8 (${args% *})"
	else
		not_ok "perfdata unchanged by LC_ALL=zh_CN.UTF-8 (${args% *})" "$en_perf" "$FIRST"
	fi
done
strip_summary() { python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("summary",None); d.pop("lines",None); print(json.dumps(d,sort_keys=True))'; }
run with_env LANG=C check_as vouch-crit check_tc_vouchers "${C[@]}" --format json
en_json=$(strip_summary <<<"$OUT")
run with_env LANG=zh_CN.UTF-8 check_as vouch-crit check_tc_vouchers "${C[@]}" --format json
zh_json=$(strip_summary <<<"$OUT")
if [ -n "$en_json" ] && [ "$en_json" = "$zh_json" ] && [[ $OUT == *代金券* ]]; then
	ok "JSON: the same keys and numbers, Chinese text"
else
	not_ok "JSON: the same keys and numbers, Chinese text" "$en_json" "$zh_json"
fi
# (but the time of the run, which may tick between the two runs)
untimed() { grep -v '^tencentcloud_last_success_timestamp_seconds{' <<<"$OUT"; }
run with_env LANG=C check_as vouch-crit check_tc_vouchers "${C[@]}" --format prometheus
en_prom=$(untimed)
run with_env LANG=zh_CN.UTF-8 check_as vouch-crit check_tc_vouchers "${C[@]}" --format prometheus
zh_prom=$(untimed)
if [ -n "$en_prom" ] && [ "$zh_prom" = "$en_prom" ]; then ok "Prometheus text unchanged"; else
	not_ok "Prometheus text unchanged" "$en_prom" "$zh_prom"; fi


# ---- the notifiers: the cards' words are Chinese; the state names (OK, CRITICAL, ...),
# the notification types the monitoring system sends and the JSON webhook's machine
# fields stay as they are
N=$PLUGINS/notify_tc_chat
SVC=(--host tc-main --service "Tencent Cloud balance")
PROB=(--type PROBLEM --state CRITICAL "${SVC[@]}" --time "2026-11-22 10:00"
	--output "TC BALANCE CRITICAL - 可用余额 ${Y}500.00（严重：低于 ${Y}1,000.00）"
	--long-output "可用余额：${Y}500.00\\n欠费金额：${Y}0.00")
RECO=(--type RECOVERY --state OK "${SVC[@]}" --time "2026-11-22 11:00"
	--output "TC BALANCE OK - 可用余额 ${Y}9,000.00")
ACKN=(--type ACKNOWLEDGEMENT --state CRITICAL "${SVC[@]}" --author alice --comment 正在充值
	--output "TC BALANCE CRITICAL - 可用余额 ${Y}500.00")
DELIVERED="已发送 tc-main / Tencent Cloud balance 的"
notify() { with_env LANG=zh_CN.UTF-8 "$N" --config "$@"; }

start_hook lark lark ok
expect_all "Lark: a PROBLEM is delivered" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/lark.ini" "${PROB[@]}"
check_req "Lark: the PROBLEM card" 'b["card"] == {"header": {"title": {"tag": "plain_text", "content": "[CRITICAL] tc-main / Tencent Cloud balance"}, "template": "red"}, "elements": [{"tag": "div", "text": {"tag": "plain_text", "content": "TC BALANCE CRITICAL - 可用余额 ¥500.00（严重：低于 ¥1,000.00）"}}, {"tag": "div", "text": {"tag": "plain_text", "content": "可用余额：¥500.00\n欠费金额：¥0.00"}}, {"tag": "note", "elements": [{"tag": "plain_text", "content": "类型：PROBLEM  时间：2026-11-22 10:00"}]}]}'
expect_all "Lark: a RECOVERY is delivered" 0 "notify_tc_chat: $DELIVERED OK 通知" \
	notify "$WORK/lark.ini" "${RECO[@]}"
check_req "Lark: the RECOVERY card" 'b["card"] == {"header": {"title": {"tag": "plain_text", "content": "[OK] tc-main / Tencent Cloud balance"}, "template": "green"}, "elements": [{"tag": "div", "text": {"tag": "plain_text", "content": "TC BALANCE OK - 可用余额 ¥9,000.00"}}, {"tag": "note", "elements": [{"tag": "plain_text", "content": "类型：RECOVERY  时间：2026-11-22 11:00"}]}]}'
expect_all "Lark: an ACKNOWLEDGEMENT is delivered" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/lark.ini" "${ACKN[@]}"
check_req "Lark: the ACKNOWLEDGEMENT card" 'b["card"] == {"header": {"title": {"tag": "plain_text", "content": "[已确认] tc-main / Tencent Cloud balance"}, "template": "blue"}, "elements": [{"tag": "div", "text": {"tag": "plain_text", "content": "TC BALANCE CRITICAL - 可用余额 ¥500.00"}}, {"tag": "div", "text": {"tag": "plain_text", "content": "CRITICAL 已由 alice 确认：正在充值"}}, {"tag": "note", "elements": [{"tag": "plain_text", "content": "类型：ACKNOWLEDGEMENT"}]}]}'
expect_all "Lark as text (--text)" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/lark.ini" "${ACKN[@]}" --text
check_req "Lark: the text message" 'b["content"] == {"text": "[已确认] tc-main / Tencent Cloud balance\nTC BALANCE CRITICAL - 可用余额 ¥500.00\nCRITICAL 已由 alice 确认：正在充值\n类型：ACKNOWLEDGEMENT"}'

# language= in the config: Chinese for the daemons that run the notifier in the C locale
{ cat "$WORK/lark.ini"; echo "language = zh-CN"; } >"$WORK/lark-zh.ini"
chmod 600 "$WORK/lark-zh.ini"
expect_all "language=zh-CN in the config, under LANG=C" 0 "notify_tc_chat: $DELIVERED OK 通知" \
	with_env LANG=C "$N" --config "$WORK/lark-zh.ini" "${RECO[@]}"
check_req "and its card is Chinese" 'b["card"]["elements"][1]["elements"][0]["content"] == "类型：RECOVERY  时间：2026-11-22 11:00"'
expect_all "--language en-US wins over language= of the config" 0 \
	"notify_tc_chat: delivered OK notification for tc-main / Tencent Cloud balance" \
	with_env LANG=C "$N" --config "$WORK/lark-zh.ini" "${RECO[@]}" --language en-US
{ cat "$WORK/lark.ini"; echo "language = fr"; } >"$WORK/lark-fr.ini"
chmod 600 "$WORK/lark-fr.ini"
expect_all "a language= the notifier does not speak is a usage error" 3 \
	"notify_tc_chat: invalid language= 'fr' in $WORK/lark-fr.ini: use zh-CN or en-US" \
	with_env LANG=C "$N" --config "$WORK/lark-fr.ini" "${RECO[@]}"

# notify_tc_lark reads [lark]: the same receiver, the same card
bot_ini lark "$PORT_lark" "$WORK/lark-only.ini" lark
expect_all "notify_tc_lark: a PROBLEM is delivered" 0 "notify_tc_lark: $DELIVERED CRITICAL 通知" \
	with_env LANG=zh_CN.UTF-8 "$PLUGINS/notify_tc_lark" --config "$WORK/lark-only.ini" "${PROB[@]}"
check_req "notify_tc_lark: the PROBLEM card" 'b["card"]["header"]["title"]["content"] == "[CRITICAL] tc-main / Tencent Cloud balance" and b["card"]["elements"][-1]["elements"][0]["content"] == "类型：PROBLEM  时间：2026-11-22 10:00"'

start_hook wecom wecom ok
expect_all "WeCom: a PROBLEM is delivered" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/wecom.ini" "${PROB[@]}"
check_req "WeCom: the PROBLEM markdown" 'b == {"msgtype": "markdown", "markdown": {"content": "**<font color=\"warning\">［CRITICAL］ tc-main / Tencent Cloud balance</font>**\nTC BALANCE CRITICAL - 可用余额 ¥500.00（严重：低于 ¥1,000.00）\n> 可用余额：¥500.00\n> 欠费金额：¥0.00\n<font color=\"comment\">类型：PROBLEM  时间：2026-11-22 10:00</font>"}}'

start_hook dingtalk dingtalk ok
expect_all "DingTalk: an ACKNOWLEDGEMENT is delivered" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/dingtalk.ini" "${ACKN[@]}"
check_req "DingTalk: the ACKNOWLEDGEMENT markdown" 'b["markdown"] == {"title": "［已确认］ tc-main / Tencent Cloud balance", "text": "### <font color=\"#1A73E8\">［已确认］ tc-main / Tencent Cloud balance</font>\n\nTC BALANCE CRITICAL - 可用余额 ¥500.00\n\n\nCRITICAL 已由 alice 确认：正在充值\n\n\n###### 类型：ACKNOWLEDGEMENT\n"}'

start_hook slack slack ok
expect_all "Slack: a RECOVERY is delivered" 0 "notify_tc_chat: $DELIVERED OK 通知" \
	notify "$WORK/slack.ini" "${RECO[@]}"
check_req "Slack: the RECOVERY blocks" 'b == {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": ":large_green_circle: *[OK] tc-main / Tencent Cloud balance*"}}, {"type": "section", "text": {"type": "mrkdwn", "text": "TC BALANCE OK - 可用余额 ¥9,000.00"}}, {"type": "context", "elements": [{"type": "mrkdwn", "text": "类型：RECOVERY  时间：2026-11-22 11:00"}]}], "text": "[OK] tc-main / Tencent Cloud balance: TC BALANCE OK - 可用余额 ¥9,000.00"}'

start_hook webhook webhook ok
expect_all "JSON webhook: an ACKNOWLEDGEMENT is delivered" 0 "notify_tc_chat: $DELIVERED CRITICAL 通知" \
	notify "$WORK/webhook.ini" "${ACKN[@]}"
check_req "JSON webhook: Chinese title and text, machine fields as in English" 'b == {"version": 1, "source": "manual", "type": "ACKNOWLEDGEMENT", "state": "CRITICAL", "word": "ACKNOWLEDGED", "colour": "blue", "critical": True, "title": "[已确认] tc-main / Tencent Cloud balance", "host": "tc-main", "service": "Tencent Cloud balance", "summary": "TC BALANCE CRITICAL - 可用余额 ¥500.00", "details": None, "author": "alice", "comment": "正在充值", "time": None, "held": None, "text": "[已确认] tc-main / Tencent Cloud balance\nTC BALANCE CRITICAL - 可用余额 ¥500.00\nCRITICAL 已由 alice 确认：正在充值\n类型：ACKNOWLEDGEMENT"}'
# the same notification in English: every field but title and text is the same
webhook_fields() { tail -n 1 "$LOG" | python3 -c 'import json,sys; b=json.loads(sys.stdin.read())["body"]; b.pop("title"); b.pop("text"); print(json.dumps(b, sort_keys=True))'; }
zh_fields=$(webhook_fields)
run with_env LANG=C "$N" --config "$WORK/webhook.ini" "${ACKN[@]}"
en_fields=$(webhook_fields)
if [ "$OUT" = "notify_tc_chat: delivered CRITICAL notification for tc-main / Tencent Cloud balance" ] &&
	[ -n "$en_fields" ] && [ "$en_fields" = "$zh_fields" ] && [ "$(req_check "$LOG" 'b["title"] == "[ACKNOWLEDGED] tc-main / Tencent Cloud balance"')" = True ]; then
	ok "JSON webhook: machine fields identical in English and Chinese"
else
	not_ok "JSON webhook: machine fields identical in English and Chinese" "$OUT" "$en_fields" "$zh_fields"
fi

expect_all "notify_tc_chat --language en-US under LANG=zh_CN.UTF-8: English" 0 \
	"notify_tc_chat: delivered CRITICAL notification for tc-main / Tencent Cloud balance" \
	notify "$WORK/webhook.ini" "${ACKN[@]}" --language en-US
check_req "and its webhook title is English" 'b["title"] == "[ACKNOWLEDGED] tc-main / Tencent Cloud balance" and b["text"].endswith("CRITICAL acknowledged by alice: 正在充值\nType: ACKNOWLEDGEMENT")'

# refused, and held in quiet hours (a fake clock: 23:00 then 09:00 in UTC)
start_hook wecom wecom-refused refused
expect_all "WeCom: a permanent error, in one line" 1 \
	"notify_tc_chat: 发送失败：企业微信 拒收了消息：errcode 93000：invalid webhook url" \
	notify "$WORK/wecom-refused.ini" "${PROB[@]}"
start_hook lark lark-quiet ok
Q=(--quiet-hours 22:00-08:00 --timezone UTC --state-dir "$WORK/held")
mkdir -p "$WORK/held"
WARN=(--type PROBLEM --state WARNING "${SVC[@]}" --output "TC BALANCE WARNING - 可用余额 ${Y}2,500.00")
expect_all "quiet hours: a WARNING is held" 0 \
	"notify_tc_chat: 免打扰时段：tc-main / Tencent Cloud balance 的 WARNING 通知已暂缓发送" \
	with_env LANG=zh_CN.UTF-8 TC_LARK_NOW=1795820400 "$N" --config "$WORK/lark-quiet.ini" "${WARN[@]}" "${Q[@]}"
expect_all "after quiet hours: delivered" 0 "notify_tc_chat: $DELIVERED WARNING 通知" \
	with_env LANG=zh_CN.UTF-8 TC_LARK_NOW=1795856400 "$N" --config "$WORK/lark-quiet.ini" "${WARN[@]}" "${Q[@]}"
check_req "and it lists what was held, in Chinese" 'b["card"]["elements"][1]["text"]["content"] == "免打扰时段内暂缓了 1 条通知：\n23:00 WARNING tc-main / Tencent Cloud balance: TC BALANCE WARNING - 可用余额 ¥2,500.00"'

# ---- usage errors of every program (the checks' are above)
expect_all "notify_tc_chat: a usage error" 3 "notify_tc_chat: 无效的 --kind 'bogus'" \
	with_env LANG=zh_CN.UTF-8 "$N" --kind bogus
expect_all "notify_tc_chat: --language zh-CN under LANG=C" 3 \
	"notify_tc_chat: 无效的 --quiet-hours '25'：请用 HH:MM-HH:MM，如 22:00-08:00" \
	with_env LANG=C "$N" --quiet-hours 25 --language zh-CN
expect_all "notify_tc_chat: a bad --language" 3 "notify_tc_chat: invalid --language 'fr-FR': use zh-CN or en-US" \
	with_env LANG=C "$N" --language fr-FR
expect_all "notify_tc_chat: nothing to send" 3 \
	"notify_tc_chat: 没有状态或主机：请给出 --state 和 --host，或用 --source 读取监控系统的环境宏" \
	with_env LANG=zh_CN.UTF-8 "$N" --config "$WORK/lark.ini"
expect_all "notify_tc_lark: no webhook" 3 \
	"notify_tc_lark: 没有 webhook：请在 --config 的 \\[lark] 节中写 webhook=，或设置 TC_LARK_WEBHOOK" \
	with_env LANG=zh_CN.UTF-8 "$PLUGINS/notify_tc_lark" --state CRITICAL --host h
expect_all "notify_tc_lark: the secret on the command line" 3 \
	"notify_tc_lark: 命令行不接受 webhook 及其 secret：请用 --config 或 TC_LARK_WEBHOOK/TC_LARK_SECRET" \
	with_env LANG=zh_CN.UTF-8 "$PLUGINS/notify_tc_lark" --secret x
run with_env LANG=zh_CN.UTF-8 "$N" --help
case $OUT in "notify_tc_chat (tc-billing-plugins) "*$'\n把监控通知发送到团队聊天：飞书、企业微信、钉钉或 Slack\n'*$'\n用法：notify_tc_chat [--config FILE]'*$'\n退出状态：0 已发送或在免打扰时段内暂缓，1 发送失败，3 用法错误。') ok "notify_tc_chat --help in Chinese" ;;
*) not_ok "notify_tc_chat --help in Chinese" "$OUT" ;; esac

# ---- the shell programs: the Prometheus runner, the Zabbix wrapper and chat script
R=$top_builddir/prometheus/tc-billing-textfiles
ZW=$top_builddir/zabbix/tc_billing.sh
ZC=$top_builddir/zabbix/tc_chat.sh
# expect_err DESCRIPTION RC STDERR CMD...: exit status and the whole stderr exact
expect_err() {
	local desc=$1 want_rc=$2 want=$3
	shift 3
	run "$@"
	if [ "$RC" -eq "$want_rc" ] && [ "$ERR" = "$want" ]; then ok "$desc"; else
		not_ok "$desc" "exit $RC, wanted $want_rc" "stderr: $ERR" "wanted: $want"
	fi
}
expect_err "tc-billing-textfiles: the usage line" 3 \
	"用法：tc-billing-textfiles [-f 账号文件] [-d 文本文件目录] 账号..." with_env LANG=zh_CN.UTF-8 "$R"
expect_err "tc-billing-textfiles: no textfile directory" 1 \
	"tc-billing-textfiles: 文本文件目录 $WORK/nowhere 不存在或不可写" \
	with_env LANG=zh_CN.UTF-8 "$R" -d "$WORK/nowhere" tc-main
expect_err "tc-billing-textfiles: the same in English under LANG=C" 1 \
	"tc-billing-textfiles: the textfile directory $WORK/nowhere does not exist or is not writable" \
	with_env LANG=C "$R" -d "$WORK/nowhere" tc-main
expect_all "tc_billing.sh: a missing check program" 0 \
	'{"program":"check_tc_balance","check":"balance","state":"UNKNOWN","state_code":3,"summary":"check_tc_balance 不在 '"$WORK"'/noplugins 中：请将插件安装到该目录，或设置 TC_PLUGIN_DIR","lines":\[],"metrics":\[],"values":{},"error":{"kind":"wrapper"}}' \
	with_env LANG=zh_CN.UTF-8 TC_PLUGIN_DIR="$WORK/noplugins" "$ZW" balance
mkdir -p "$WORK/chinese-crash"
printf '#!/bin/sh\nprintf "%%0300d" 0 | sed "s/0/中/g" >&2\nexit 7\n' >"$WORK/chinese-crash/check_tc_balance"
chmod +x "$WORK/chinese-crash/check_tc_balance"
run with_env LANG=zh_CN.UTF-8 TC_PLUGIN_DIR="$WORK/chinese-crash" "$ZW" balance
if python3 -c 'import json,sys; s=json.loads(sys.stdin.buffer.read().decode("utf-8"))["summary"]; assert s.startswith("check_tc_balance 执行失败，退出码 7: 中中"), s; assert len(s.encode()) <= 400' <<<"$OUT"; then
	ok "tc_billing.sh: a summary cut at 400 bytes stays valid UTF-8"
else
	not_ok "tc_billing.sh: a summary cut at 400 bytes stays valid UTF-8" "$OUT"
fi
expect_all "tc_chat.sh: a wrong parameter count" 3 \
	"tc_chat.sh: 需要 3 个参数（{ALERT.SENDTO} {ALERT.SUBJECT} {ALERT.MESSAGE}），实际为 2 个" \
	with_env LANG=zh_CN.UTF-8 "$ZC" wecom subject
expect_all "tc_chat.sh: a message without its fields" 3 \
	"tc_chat.sh: 消息只有 10 个字段中的 1 个：请使用 media_tc_chat.yaml 的消息模板" \
	with_env LANG=zh_CN.UTF-8 "$ZC" wecom subject "Status: PROBLEM"

# ---- a textfile that cannot be written: the kit's words (lib/atomic.c) in Chinese too
expect_all "a textfile in a missing directory: why, in Chinese" 3 \
	"TC BALANCE UNKNOWN - 可用余额 ${Y}12,845.67 | *
未写入 textfile：无法在 $WORK/nodir/x.prom 旁创建文件：*" \
	zh ok check_tc_balance "${C[@]}" --textfile "$WORK/nodir/x.prom"

finish
