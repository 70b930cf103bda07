#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Chinese output: every state of every check with LANG=zh_CN.UTF-8, the same with
# LANG=C and --language zh-CN, English kept by --language en-US, and numbers that
# keep '.' decimals and ',' grouping whatever the language.
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
		"TC PENDING UNKNOWN - -w: '30:' 在没有待支付订单（等待时长为 0）时也会告警；最早订单等待时长的阈值写 N 表示超过 N 分钟（-w 30 -c 1440）" \
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
		"TC VOUCHERS UNKNOWN - -w: 无效的阈值范围 '2x'" \
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

# ---- --help
run with_env LANG=C "$PLUGINS/check_tc_runway" --help --language zh-CN
case $OUT in "check_tc_runway (tc-billing-plugins) "*$'\n检查腾讯云账号的可用资金按近期日均消费还能支撑多少天\n'*$'\n用法：check_tc_runway [-w RANGE] [-c RANGE] [-t N[:STATE]] [选项]\n'*$'\n默认：-w 14: -c 7:\n'*"--language=zh-CN|en-US  输出和 API 消息的语言"*$'\ncheck_tc_runway 的选项：\n'*"--budget=AMOUNT    月度预算"*$'\n退出状态：0 OK，1 WARNING，2 CRITICAL，3 UNKNOWN。') ok "--help in Chinese" ;;
*) not_ok "--help in Chinese" "$OUT" ;; esac
[ "$RC" -eq 3 ] && ok "--help exits 3" || not_ok "--help exits 3" "exit $RC"

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
	"pend-warn check_tc_pending"; do
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

finish
